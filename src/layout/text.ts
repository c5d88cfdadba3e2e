import type { TextMeasurer } from '../text/measure.ts';

export interface Box {
  readonly x: number;
  readonly y: number;
  readonly w: number;
  readonly h: number;
}

export type Anchor = 'start' | 'middle' | 'end';

/**
 * A piece of text placed on the canvas. (x, y) is the anchor point on the baseline; the
 * text is rotated by `rotate` degrees (clockwise, as SVG) about that point. `width`,
 * `ascent` and `descent` (px) give its unrotated line box; `box` is the axis-aligned box
 * of the rotated line box. Everything in px.
 */
export interface PlacedText {
  readonly text: string;
  readonly x: number;
  readonly y: number;
  readonly size: number;
  readonly anchor: Anchor;
  readonly rotate: number;
  readonly width: number;
  readonly ascent: number;
  readonly descent: number;
  readonly box: Box;
}

/** How much of its width a text extends before its anchor point. */
export const ANCHOR_FACTOR: Record<Anchor, number> = { start: 0, middle: 0.5, end: 1 };

/** The four corners of a placed text's rotated line box. */
export function textCorners(
  t: Pick<PlacedText, 'x' | 'y' | 'anchor' | 'rotate' | 'width' | 'ascent' | 'descent'>,
): [number, number][] {
  const x0 = -ANCHOR_FACTOR[t.anchor] * t.width;
  const x1 = x0 + t.width;
  const rad = (t.rotate * Math.PI) / 180;
  const cos = Math.cos(rad);
  const sin = Math.sin(rad);
  const at = (lx: number, ly: number): [number, number] => [
    t.x + lx * cos - ly * sin,
    t.y + lx * sin + ly * cos,
  ];
  return [at(x0, -t.ascent), at(x1, -t.ascent), at(x1, t.descent), at(x0, t.descent)];
}

/**
 * Places `text` so that the middle of its capital letters sits at (px, py) on the side
 * given by `anchor` (its start, middle or end), rotated by `rotate` degrees.
 * Centring on cap height puts digits and capitals visually centred on a tick or a cell.
 */
export function placeText(
  m: TextMeasurer,
  text: string,
  size: number,
  px: number,
  py: number,
  anchor: Anchor,
  rotate = 0,
): PlacedText {
  const rad = (rotate * Math.PI) / 180;
  const half = (m.capHeight * size) / 2;
  // Baseline point: the reference point moved "down" by half the cap height in the text's frame.
  const x = px - half * Math.sin(rad);
  const y = py + half * Math.cos(rad);
  const width = m.width(text, size);
  const ascent = m.ascent * size;
  const descent = m.descent * size;
  const box = textBounds({ x, y, anchor, rotate, width, ascent, descent });
  return { text, x, y, size, anchor, rotate, width, ascent, descent, box };
}

/** The axis-aligned box of a placed text's rotated line box (the scene's textBox). */
export function textBounds(
  t: Pick<PlacedText, 'x' | 'y' | 'anchor' | 'rotate' | 'width' | 'ascent' | 'descent'>,
): Box {
  return t.rotate !== 0
    ? boundsOf(textCorners(t))
    : unrotatedBox(t.x, t.y, t.width, t.ascent, t.descent, t.anchor);
}

/**
 * The box of unrotated text with its anchor point (x, y) on the baseline: what boundsOf of
 * textCorners gives at rotate 0, to the bit, without the trigonometry.
 */
function unrotatedBox(
  x: number,
  y: number,
  width: number,
  ascent: number,
  descent: number,
  anchor: Anchor,
): Box {
  const lx0 = -ANCHOR_FACTOR[anchor] * width;
  const x0 = x + lx0;
  const x1 = x + (lx0 + width);
  const y0 = y + -ascent;
  const y1 = y + descent;
  return { x: x0, y: y0, w: x1 - x0, h: y1 - y0 };
}

export function boundsOf(points: readonly (readonly [number, number])[]): Box {
  let x0 = Infinity;
  let y0 = Infinity;
  let x1 = -Infinity;
  let y1 = -Infinity;
  // Indexed, not destructured: array destructuring runs the iterator protocol, which a
  // page's first layout (not yet optimised) pays for at every point.
  for (let i = 0; i < points.length; i++) {
    const p = points[i]!;
    const x = p[0];
    const y = p[1];
    x0 = Math.min(x0, x);
    y0 = Math.min(y0, y);
    x1 = Math.max(x1, x);
    y1 = Math.max(y1, y);
  }
  return { x: x0, y: y0, w: x1 - x0, h: y1 - y0 };
}

/** Moves a placed text by (dx, dy). */
export function shiftText<T extends PlacedText>(t: T, dx: number, dy: number): T {
  return { ...t, x: t.x + dx, y: t.y + dy, box: { ...t.box, x: t.box.x + dx, y: t.box.y + dy } };
}

/** Line height of text at `size` (ascent + descent). */
export function lineHeight(m: TextMeasurer, size: number): number {
  return (m.ascent + m.descent) * size;
}
