/**
 * The one formula for where a scene text sits, which every renderer uses: its line box (for
 * bounds) and the x where its first glyph starts, from its anchor point, anchor and width.
 * A scene carries what these are computed from, not the boxes themselves (for thousands of
 * annotations, boxes were most of the scene's memory).
 */
import { ANCHOR_FACTOR } from '../layout/text.ts';
import type { TextPrimitive } from './types.ts';

export { textBounds as textBox } from '../layout/text.ts';

/** Where the text's first glyph starts, along its (unrotated) baseline. */
export function textStart(p: Pick<TextPrimitive, 'x' | 'anchor' | 'width'>): number {
  return p.x - ANCHOR_FACTOR[p.anchor] * p.width;
}
