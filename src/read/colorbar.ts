/**
 * A colorbar read as the colours along it, low end first, and a colour placed on it: the
 * position t in [0, 1] of the nearest of its colours, and how far a colour step reaches
 * (half a step either side: no finer reading is in the pixels).
 */
import type { Box } from './locate.ts';
import type { Image } from './png.ts';

export interface ColorbarScale {
  /** RGB, low end first. */
  readonly colors: Uint8Array;
  readonly n: number;
  /** Where its first and last colour are along the image's axis (y of a vertical bar, x of a horizontal one). */
  readonly start: number;
  readonly end: number;
}

/**
 * The colours along the colorbar's middle line, from its low end (bottom, or left). In a
 * noisy image (a JPEG) each is the mean across the bar's middle half: its colour blocks, 16
 * px square, shift a line's chroma by up to 20 levels from one block to the next (Vega's
 * magma bar, 16 px wide: the blue of its orange jumped from 97 to 118 over 8 px, where the
 * cells, read as the means of their middles, kept 98), and a bar crosses two or more.
 */
export function sampleColorbar(img: Image, box: Box, vertical: boolean): ColorbarScale {
  const len = vertical ? box.y1 - box.y0 : box.x1 - box.x0;
  const [a0, a1] = vertical ? [box.x0, box.x1] : [box.y0, box.y1];
  const mid = Math.floor((a0 + a1) / 2);
  const half = img.noise ? Math.floor((a1 - a0) / 4) : 0;
  const at = (i: number) => {
    const x = vertical ? mid : box.x0 + i;
    const y = vertical ? box.y1 - 1 - i : mid;
    const p = (y * img.width + x) * 3;
    if (!half) return img.rgb.subarray(p, p + 3);
    const step = vertical ? 3 : img.width * 3;
    const mean = new Uint8Array(3);
    for (let c = 0; c < 3; c++) {
      let sum = 0;
      for (let k = -half; k <= half; k++) sum += img.rgb[p + k * step + c]!;
      mean[c] = Math.round(sum / (2 * half + 1));
    }
    return mean;
  };
  const jump = (a: Uint8Array, b: Uint8Array) =>
    Math.max(Math.abs(a[0]! - b[0]!), Math.abs(a[1]! - b[1]!), Math.abs(a[2]! - b[2]!)) > 60;
  // An outline at either end (a line of a pixel or two, anti-aliased; not a colour of the
  // map) is left out: an end pixel unlike its neighbour, or unlike the colour three pixels in
  // (a two-pixel outline's inner pixel is like its outer one). A short bar, whose map itself
  // changes that fast, is compared with its neighbour only.
  const far = len >= 60 ? 3 : 1;
  let lo = 0;
  let hi = len;
  while (lo < 4 && hi - lo > 8 && (jump(at(lo), at(lo + 1)) || jump(at(lo), at(lo + far)))) lo++;
  while (
    len - hi < 4 &&
    hi - lo > 8 &&
    (jump(at(hi - 1), at(hi - 2)) || jump(at(hi - 1), at(hi - 1 - far)))
  )
    hi--;
  const n = hi - lo;
  const colors = new Uint8Array(n * 3);
  for (let i = 0; i < n; i++) colors.set(at(lo + i), i * 3);
  const pos = (i: number) => (vertical ? box.y1 - 1 - i : box.x0 + i);
  return { colors, n, start: pos(lo), end: pos(hi - 1) };
}

/** Where a colour sits on the colorbar: t in [0, 1], and the squared distance to the nearest colour of it. */
export function placeColor(
  scale: ColorbarScale,
  r: number,
  g: number,
  b: number,
): { t: number; d2: number } {
  let best = 0;
  let bd = Infinity;
  let last = -1;
  for (let i = 0; i < scale.n; i++) {
    const dr = scale.colors[i * 3]! - r;
    const dg = scale.colors[i * 3 + 1]! - g;
    const db = scale.colors[i * 3 + 2]! - b;
    const d = dr * dr + dg * dg + db * db;
    if (d < bd) [best, bd, last] = [i, d, i];
    else if (d === bd && i === last + 1) last = i;
  }
  // A run of equal colours (a colour of the map drawn over several pixels): its middle.
  let at = (best + last) / 2;
  if (best === last) {
    // One pixel of its colour: the colour may lie between it and a neighbour (a colour of
    // the map the colorbar's pixels fall between); the nearer point of either segment.
    const c = (i: number, k: number) => scale.colors[i * 3 + k]!;
    for (const j of [best - 1, best + 1]) {
      if (j < 0 || j >= scale.n) continue;
      let num = 0;
      let den = 0;
      for (let k = 0; k < 3; k++) {
        const seg = c(j, k) - c(best, k);
        num += ([r, g, b][k]! - c(best, k)) * seg;
        den += seg * seg;
      }
      const f = den ? Math.min(0.5, Math.max(0, num / den)) : 0;
      let d = 0;
      for (let k = 0; k < 3; k++)
        d += ([r, g, b][k]! - (c(best, k) + f * (c(j, k) - c(best, k)))) ** 2;
      if (f > 0 && d < bd) {
        bd = d;
        at = best + f * (j - best);
      }
    }
  }
  return { t: scale.n > 1 ? at / (scale.n - 1) : 0, d2: bd };
}

/**
 * How far along the colorbar, in its samples either side of `at` (a colour's place, in
 * samples), colours lie within `e` levels (every channel) of that colour: the values a cell
 * of it may hold when its pixels stray by `e` (a renderer's rounding, a JPEG's noise). Where
 * the map changes colour slowly (Blues' pale end, Spectral's middle: a level every entry or
 * so) a level's stray moves a colour several entries along.
 */
export function colorReach(
  scale: ColorbarScale,
  at: number,
  r: number,
  g: number,
  b: number,
  e: number,
): number {
  const near = (i: number) =>
    Math.abs(scale.colors[i * 3]! - r) <= e &&
    Math.abs(scale.colors[i * 3 + 1]! - g) <= e &&
    Math.abs(scale.colors[i * 3 + 2]! - b) <= e;
  const i0 = Math.round(at);
  let lo = i0;
  let hi = i0;
  while (lo > 0 && near(lo - 1)) lo--;
  while (hi < scale.n - 1 && near(hi + 1)) hi++;
  return Math.max(at - lo, hi - at);
}

/**
 * Whether the colorbar's ends are triangles (matplotlib's `extend`: values past that end are
 * drawn in its colour): beyond the bar's box, rows (of a vertical bar; columns of a level
 * one) of the end's colour, centred on the bar, narrowing to a point. A square end, with or
 * without an outline (a line as wide as the bar, then the page), is not.
 */
export function colorbarExtends(
  img: Image,
  box: Box,
  vertical: boolean,
  bg: readonly number[],
): { readonly low: boolean; readonly high: boolean } {
  const across = vertical ? box.x1 - box.x0 : box.y1 - box.y0;
  const centre = vertical ? (box.x0 + box.x1) / 2 : (box.y0 + box.y1) / 2;
  const px = (a: number, b: number) => {
    const [x, y] = vertical ? [b, a] : [a, b];
    const q = (y * img.width + x) * 3;
    return img.rgb.subarray(q, q + 3);
  };
  const ink = (c: Uint8Array) =>
    Math.max(Math.abs(c[0]! - bg[0]!), Math.abs(c[1]! - bg[1]!), Math.abs(c[2]! - bg[2]!)) > 40;
  const limit = vertical ? img.height : img.width;
  const lim2 = vertical ? img.width : img.height;
  /** The width of the run of ink through the bar's centre line, `d` px beyond the end. */
  const span = (edge: number, dir: number, d: number) => {
    const a = edge + dir * d;
    if (a < 0 || a >= limit) return 0;
    const c0 = Math.round(centre);
    if (!ink(px(a, c0))) return 0;
    let lo = c0;
    let hi = c0;
    while (lo - 1 >= 0 && ink(px(a, lo - 1))) lo--;
    while (hi + 1 < lim2 && ink(px(a, hi + 1))) hi++;
    return hi - lo + 1;
  };
  const triangle = (edge: number, dir: number) => {
    // Beyond an outline's line or two, the triangle's rows narrow from about the bar's width.
    const spans: number[] = [];
    for (let d = 1; d <= across; d++) {
      const s = span(edge, dir, d);
      if (s === 0) break;
      spans.push(s);
    }
    if (spans.length < 3) return false;
    const first = spans[0]!;
    const last = spans[spans.length - 1]!;
    const narrowing = spans.every((s, i) => i === 0 || s <= spans[i - 1]! + 1);
    // As wide as the bar at its base (an outline's rows, a pixel or two wider), and ending
    // in a point, not in another line as wide as the bar.
    return narrowing && first >= 0.6 * across && first <= across + 6 && last <= 0.5 * across;
  };
  // A vertical bar's high end is its top; a level one's, its right.
  return vertical
    ? { high: triangle(box.y0, -1), low: triangle(box.y1 - 1, 1) }
    : { high: triangle(box.x1 - 1, 1), low: triangle(box.x0, -1) };
}
