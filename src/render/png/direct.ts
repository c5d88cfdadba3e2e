/**
 * Drawing straight into the PNG's pixels, where resvg would draw the same thing slower:
 * cells filled as resvg fills crisp rectangles, cell images copied nearest-neighbour, and the
 * device-pixel boxes that decide what resvg may leave out.
 */
import type { ImagePrimitive, Primitive, RectPrimitive } from '../../scene/types.ts';
import { textBox } from '../../scene/text.ts';
import { maxOf, minOf } from '../../util/extent.ts';
import { bytesFromHex } from '../../util/hex.ts';

/**
 * Where pixels live: RGBA bytes of pixel (x, y) at `offset + y * stride + x * 4`. The PNG's
 * own row layout (a filter byte before each row) is a canvas, so drawing into it leaves
 * nothing to copy before compressing.
 */
export interface Canvas {
  readonly data: Uint8Array;
  readonly width: number;
  readonly height: number;
  readonly stride: number;
  readonly offset: number;
}

/** A device-pixel rectangle [x0, x1) × [y0, y1). */
export type Box = readonly [x0: number, y0: number, x1: number, y1: number];

/** The device-pixel box the cells (rects or images) cover, or null when there are none. */
export function blockOf(
  covered: readonly (RectPrimitive | ImagePrimitive)[],
  scale: number,
): Box | null {
  if (!covered.length) return null;
  let x0 = Infinity;
  let y0 = Infinity;
  let x1 = -Infinity;
  let y1 = -Infinity;
  for (const p of covered) {
    x0 = Math.min(x0, Math.round(p.x * scale));
    y0 = Math.min(y0, Math.round(p.y * scale));
    x1 = Math.max(x1, Math.round((p.x + p.w) * scale));
    y1 = Math.max(y1, Math.round((p.y + p.h) * scale));
  }
  return x1 > x0 && y1 > y0 ? [x0, y0, x1, y1] : null;
}

/** A canvas in the PNG's row layout: a filter byte (0, none) before each row of RGBA. */
export function pngRows(width: number, height: number): Canvas {
  return {
    data: new Uint8Array((width * 4 + 1) * height),
    width,
    height,
    stride: width * 4 + 1,
    offset: 1,
  };
}

/** Copies resvg's pixels into the canvas with their top-left at (x, y). */
export function copyIn(
  canvas: Canvas,
  pixels: Uint8Array,
  w: number,
  h: number,
  x: number,
  y: number,
): void {
  for (let r = 0; r < h; r++)
    canvas.data.set(
      pixels.subarray(r * w * 4, (r + 1) * w * 4),
      canvas.offset + (y + r) * canvas.stride + x * 4,
    );
}

/**
 * The device pixels a primitive can touch: its geometry (butt-capped strokes, text boxes with
 * a pixel to spare for glyphs that overhang their advance), rounded out to whole pixels.
 */
export function deviceBox(p: Primitive, scale: number): Box {
  let x0: number;
  let y0: number;
  let x1: number;
  let y1: number;
  let spare = 0;
  switch (p.type) {
    case 'rect':
    case 'image':
      [x0, y0, x1, y1] = [p.x, p.y, p.x + p.w, p.y + p.h];
      break;
    case 'text': {
      const b = textBox(p);
      [x0, y0, x1, y1] = [b.x, b.y, b.x + b.w, b.y + b.h];
      spare = 1;
      break;
    }
    case 'line': {
      // Butt caps: an axis-aligned line ends where it ends; a slanted one, within half its width.
      const r = p.width / 2;
      const rx = p.y1 === p.y2 ? 0 : r;
      const ry = p.x1 === p.x2 ? 0 : r;
      [x0, y0] = [Math.min(p.x1, p.x2) - rx, Math.min(p.y1, p.y2) - ry];
      [x1, y1] = [Math.max(p.x1, p.x2) + rx, Math.max(p.y1, p.y2) + ry];
      break;
    }
    case 'polygon': {
      // Mitred joins can reach further than half the stroke: allow the whole width.
      const r = p.stroke ? p.width : 0;
      const xs = p.points.map((q) => q[0]);
      const ys = p.points.map((q) => q[1]);
      [x0, y0] = [minOf(xs) - r, minOf(ys) - r];
      [x1, y1] = [maxOf(xs) + r, maxOf(ys) + r];
      spare = 1;
      break;
    }
  }
  return [
    Math.floor(x0 * scale) - spare,
    Math.floor(y0 * scale) - spare,
    Math.ceil(x1 * scale) + spare,
    Math.ceil(y1 * scale) + spare,
  ];
}

export const overlaps = (a: Box, b: Box) =>
  a[0] < b[2] && b[0] < a[2] && a[1] < b[3] && b[1] < a[3];

/** `#rrggbb` as opaque RGBA bytes. */
export function packColor(hex: string): Uint8Array {
  return Uint8Array.of(...bytesFromHex(hex), 255);
}

/**
 * Fills a box with one colour: its first row by doubling copies of one pixel, the other rows
 * copied from it (the canvas rows are not 4-byte aligned, so no 32-bit fill).
 */
export function fillBox(canvas: Canvas, [x0, y0, x1, y1]: Box, rgba: Uint8Array): void {
  if (x1 <= x0 || y1 <= y0) return;
  const { data, stride, offset } = canvas;
  const n = (x1 - x0) * 4;
  const first = offset + y0 * stride + x0 * 4;
  data.set(rgba, first);
  for (let filled = 4; filled < n; filled *= 2)
    data.copyWithin(first + filled, first, first + Math.min(filled, n - filled));
  for (let y = y0 + 1; y < y1; y++) data.copyWithin(first + (y - y0) * stride, first, first + n);
}

/**
 * Fills rectangles as resvg does with crisp edges: a pixel is inside when its centre is,
 * a centre on the left or top edge is outside and on the right or bottom edge inside (the
 * scene is drawn at `sx` × `sy` device px per CSS px).
 */
export function fillRects(
  canvas: Canvas,
  rects: readonly RectPrimitive[],
  sx: number,
  sy: number,
): void {
  const colors = new Map<string, Uint8Array>();
  for (const r of rects) {
    let c = colors.get(r.fill);
    if (!c) {
      c = packColor(r.fill);
      colors.set(r.fill, c);
    }
    fillBox(
      canvas,
      [
        Math.max(0, Math.round(r.x * sx)),
        Math.max(0, Math.round(r.y * sy)),
        Math.min(canvas.width, Math.round((r.x + r.w) * sx)),
        Math.min(canvas.height, Math.round((r.y + r.h) * sy)),
      ],
      c,
    );
  }
}

/** Copies an image into the canvas, nearest neighbour; transparent pixels are skipped. */
export function blit(canvas: Canvas, p: ImagePrimitive, sx: number, sy: number): void {
  const { data: dst, width: dw, height: dh, stride, offset } = canvas;
  const x0 = Math.max(0, Math.round(p.x * sx));
  const y0 = Math.max(0, Math.round(p.y * sy));
  const x1 = Math.min(dw, Math.round((p.x + p.w) * sx));
  const y1 = Math.min(dh, Math.round((p.y + p.h) * sy));
  const pw = p.pixelWidth;
  const ph = p.pixelHeight;
  const src = p.rgba;
  const colOf = new Int32Array(x1 - x0);
  for (let x = x0; x < x1; x++)
    colOf[x - x0] = Math.min(pw - 1, Math.floor(((x + 0.5 - x0) / (x1 - x0)) * pw));
  for (let y = y0; y < y1; y++) {
    const row = Math.min(ph - 1, Math.floor(((y + 0.5 - y0) / (y1 - y0)) * ph)) * pw;
    let d = offset + y * stride + x0 * 4;
    for (let i = 0; i < colOf.length; i++, d += 4) {
      const s = (row + colOf[i]!) * 4;
      if (src[s + 3] === 0) continue;
      dst[d] = src[s]!;
      dst[d + 1] = src[s + 1]!;
      dst[d + 2] = src[s + 2]!;
      dst[d + 3] = 255;
    }
  }
}
