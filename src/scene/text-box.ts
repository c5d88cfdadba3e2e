import { type Box, boundsOf, textCorners, unrotatedBox } from '../layout/text.ts';
import type { TextPrimitive } from './types.ts';

/**
 * The axis-aligned bounds of a text primitive's rotated line box, in px: worked out from the
 * text as layout places it (a scene carries what it is computed from, not the box itself,
 * which for thousands of annotations was most of the scene's memory).
 */
export function textBox(
  t: Pick<TextPrimitive, 'x' | 'y' | 'anchor' | 'rotate' | 'width' | 'ascent' | 'descent'>,
): Box {
  return t.rotate !== 0
    ? boundsOf(textCorners(t))
    : unrotatedBox(t.x, t.y, t.width, t.ascent, t.descent, t.anchor);
}
