/**
 * The colorbar's scale from its ticks: where the tick marks are (short dark lines on its
 * outer side), what their labels say (numbers, from text recognition), and the straight line
 * through them that turns a place on the colorbar into a value, robust to a misread label.
 */
import type { Box } from './locate.ts';
import type { Image } from './png.ts';

/** A word read in an image: its text, confidence (0–100) and box, in the image's pixels. */
export interface Word {
  readonly text: string;
  readonly confidence: number;
  readonly box: Box;
}

/** Reads the words of an RGBA image (text recognition, given by the caller: tesseract.js in Node). */
export type Recognize = (
  rgba: Uint8Array,
  width: number,
  height: number,
) => Promise<readonly Word[]>;

/** A side of a box, and which way from it is outward. */
export type Side = 'left' | 'right' | 'top' | 'below';

/** The pixel `d` pixels out from a box's `side` (0: the first outside it), at `at` along it. */
export function beside(box: Box, side: Side, at: number, d: number): [number, number] {
  if (side === 'left') return [box.x0 - 1 - d, at];
  if (side === 'right') return [box.x1 + d, at];
  return [at, side === 'top' ? box.y0 - 1 - d : box.y1 + d];
}

/**
 * Runs of places along a box's side, from `from` to `to` (image pixels, end exclusive), where
 * a mark stands out of it: dark (a channel mean under 140) three pixels out (past an outline
 * or frame one pixel out), and at least half-dark (under 170) four out: at 72 dpi seaborn's
 * 3.5-pt mark ends in that pixel, half covered (153). Each [first, end); a run still going at
 * `to` ends there. Other `levels` ([pixels out, darkest channel mean]) find other marks.
 */
const MARK = [
  [2, 140],
  [3, 170],
] as const;

/**
 * A short mark, dark on the first two pixels out: seaborn's 3.5-pt mark at 72 dpi beside rows
 * labelled upright ends half-tone (153) in the third pixel (the marks looked for by MARK
 * found none of them).
 */
export const SHORT_MARK = [
  [0, 140],
  [1, 140],
] as const;

/** How dark a pixel is: 255 less its channels' mean. */
function inkAt(img: Image, x: number, y: number): number {
  const p = (y * img.width + x) * 3;
  return 255 - (img.rgb[p]! + img.rgb[p + 1]! + img.rgb[p + 2]!) / 3;
}

/** Whether two neighbours' inks, `a` and `b`, are one mark's halves: as dark as `least` together, each a quarter of it. */
const halves = (a: number, b: number, least: number) => a + b > least && Math.min(a, b) > least / 4;

function markRuns(
  img: Image,
  box: Box,
  side: Side,
  from: number,
  to: number,
  levels: readonly (readonly [number, number])[] = MARK,
): [number, number][] {
  // How dark a pixel beside the box is (255 less its channels' mean); 0 off the image.
  const ink = (i: number, d: number) => {
    const [x, y] = beside(box, side, i, d);
    return x < 0 || y < 0 || x >= img.width || y >= img.height ? 0 : inkAt(img, x, y);
  };
  const on = (i: number) => levels.every(([d, level]) => ink(i, d!) > 255 - level);
  // A mark drawn between two pixels darkens each in part: together as dark as one (Plotly's
  // grey mark at 93.5, 173 and 149 beside each other, neither under 140, was not found, nor
  // the grid's pale first column it stands under).
  const split = (i: number) =>
    levels.every(([d, level]) => halves(ink(i, d!), ink(i + 1, d!), 255 - level));
  const out: [number, number][] = [];
  let run = -1;
  for (let i = from; i <= to; i++) {
    const hit = i < to && on(i);
    if (hit && run < 0) run = i;
    if (!hit && run >= 0) {
      out.push([run, i]);
      run = -1;
    } else if (!hit && i + 1 < to && !on(i + 1) && split(i)) {
      out.push([i, i + 2]);
      i++;
    }
  }
  return out;
}

/** The centres of the tick marks beside a vertical colorbar (on its right) or a horizontal one (below it), in image pixels. */
export function tickMarks(
  img: Image,
  bar: Box,
  vertical: boolean,
  side: Side = vertical ? 'right' : 'below',
): number[] {
  return barMarks(img, bar, vertical, side, MARK, Infinity);
}

/**
 * The centres of the tick marks beside a colorbar, minor ones too (matplotlib's 2-pt marks of
 * a logarithmic colorbar: at 72 dpi, dark only two pixels out, 101, between half-tones): dark
 * two pixels out, no thicker than 4 px. Major ones are among them.
 */
export function minorMarks(
  img: Image,
  bar: Box,
  vertical: boolean,
  side: Side = vertical ? 'right' : 'below',
): number[] {
  return barMarks(img, bar, vertical, side, [[1, 150]], 4);
}

/**
 * Marks out of a bar's `side` (markRuns at `levels`), no thicker than `thickest`: from two
 * pixels before the bar to two past it; a mark still dark there runs on past the bar and is
 * not one of its ticks. Their centres.
 */
function barMarks(
  img: Image,
  bar: Box,
  vertical: boolean,
  side: Side,
  levels: readonly (readonly [number, number])[],
  thickest: number,
): number[] {
  const [a, b] = vertical ? [bar.y0, bar.y1] : [bar.x0, bar.x1];
  return markRuns(img, bar, side, a - 2, b + 2, levels)
    .filter(([first, end]) => end < b + 2 && end - first <= thickest)
    .map(([first, end]) => (first + end - 1) / 2);
}

/** Whether a pixel is dark: text, a tick mark (`level`: the most a channel's mean may be). */
export function isDark(img: Image, x: number, y: number, level = 160): boolean {
  const p = (y * img.width + x) * 3;
  return img.rgb[p]! + img.rgb[p + 1]! + img.rgb[p + 2]! < 3 * level;
}

/**
 * The marks of `marks` that touch the box's side: the first pixel out at least half-toned (a
 * 72-dpi mark's first pixel is 153, a JPEG's 185). A label set a pixel or two from a bar with
 * no marks (Vega's legends) has light pixels there: a JPEG's blur had let its minus, and the
 * foot of its 0, pass for marks, and the labels were read past them ("0.8" as "8", "−0.2" as
 * "0.2").
 */
export function touching(img: Image, box: Box, side: Side, marks: readonly number[]): number[] {
  return marks.filter((m) => {
    const [x, y] = beside(box, side, Math.round(m), 0);
    return x >= 0 && y >= 0 && x < img.width && y < img.height && isDark(img, x, y, 215);
  });
}

/**
 * How far marks reach out of a box's side, at these positions along it: the longest run of
 * `mark` pixels from `start` pixels out (0: the first pixel outside), at most `most`.
 */
export function reach(
  img: Image,
  box: Box,
  side: Side,
  at: readonly number[],
  mark: (x: number, y: number) => boolean,
  most = 40,
  start = 0,
): number {
  let longest = 0;
  for (const m of at) {
    const a = Math.round(m);
    let d = start;
    while (d < most) {
      const [x, y] = beside(box, side, a, d);
      if (x < 0 || y < 0 || x >= img.width || y >= img.height || !mark(x, y)) break;
      d++;
    }
    longest = Math.max(longest, d);
  }
  return longest;
}

/** How far the tick marks reach out from the bar (0 when there are none): the labels begin beyond. */
export function tickLength(
  img: Image,
  bar: Box,
  vertical: boolean,
  marks: readonly number[],
  side: Side = vertical ? 'right' : 'below',
): number {
  // Its anti-aliased ends count (at 72 dpi a mark's first pixel is half-tone, 153; in a JPEG
  // at quality 75, 185, lighter than the mark's last, 145: the reach is taken from the second
  // pixel then, else the mark's end was read as a minus before its label, 10¹ as -10¹).
  const dark = (x: number, y: number) => isDark(img, x, y, 170);
  const past = reach(img, bar, side, marks, dark, 40, 1);
  return past > 1 ? past : reach(img, bar, side, marks, dark);
}

/**
 * Runs of lines (columns when `alongX`, else rows) of a box that hold dark pixels, split at
 * gaps of more than `gap` empty lines; each [first, end).
 */
export function runs(img: Image, box: Box, alongX: boolean, gap: number): [number, number][] {
  const out: [number, number][] = [];
  const [a0, a1] = alongX ? [box.x0, box.x1] : [box.y0, box.y1];
  const [b0, b1] = alongX ? [box.y0, box.y1] : [box.x0, box.x1];
  let start = -1;
  let last = -1;
  for (let a = a0; a < a1; a++) {
    let any = false;
    for (let b = b0; b < b1 && !any; b++) any = alongX ? isDark(img, a, b) : isDark(img, b, a);
    if (!any) continue;
    if (start >= 0 && a - last > gap) {
      out.push([start, last + 1]);
      start = -1;
    }
    if (start < 0) start = a;
    last = a;
  }
  if (start >= 0) out.push([start, last + 1]);
  return out;
}

/**
 * A label's number: a minus sign as matplotlib writes it (U+2212, read as one dash or
 * two, short or long), a percent, thousands
 * commas. A leading zero before more digits is a decimal point too small to be read (a
 * 72-dpi 0.8 reads as 08): no tick label or printed value starts so.
 */
export function labelNumber(text: string): number | null {
  const m = /^(-?\d*\.?\d+(?:[eE][-+]?\d+)?)(%?)$/.exec(numberText(text));
  if (!m) return null;
  // A percent shifted in decimal (96.7% is 0.967 exactly as JavaScript writes it; / 100
  // would give 0.9670000000000001).
  const v = Number(m[2] ? `${m[1]}e-2` : m[1]);
  return Number.isFinite(v) ? v : null;
}

/** The multiples SI prefixes stand for after a number (Plotly's `10k`; its `B` is a billion, d3's `G`). */
const SI: Readonly<Record<string, number>> = { k: 1e3, K: 1e3, M: 1e6, G: 1e9, B: 1e9 };

/**
 * A tick label's number written with an SI prefix for its thousands (Plotly writes a colorbar's
 * 10000 as "10k", 2500000 as "2.5M"); else labelNumber's. Null for anything else.
 */
export function prefixedNumber(text: string): number | null {
  const m = /^(-?\d*\.?\d+)([kKMGB])$/.exec(numberText(text.replace(/\s+/g, '')));
  if (!m) return labelNumber(text);
  // In decimal, as the digits shifted (2.5k is 2500 exactly; 2.5 * 1e3 is too, but 1.1 * 1e3
  // is 1100.0000000000002).
  const v = Number(`${m[1]}e${Math.log10(SI[m[2]!]!)}`);
  return Number.isFinite(v) ? v : null;
}

/**
 * A number's text as labelNumber reads it: one minus, no commas, a leading zero's point put
 * back, and a point put back after a mantissa's first digit in scientific notation: Python's
 * `e` and `g` formats and d3-format's print one digit before the point and none other
 * (seaborn's `fmt='.1e'` p-values at 100 dpi had "1.4e-04" read "14e-04", 0.0014, a cell
 * whose colour, near the low end, allowed either, silently).
 */
export function numberText(text: string): string {
  return (
    text
      .trim()
      .replace(/[\u2212\u2013\u2014]/g, '-')
      // matplotlib's long minus can come back as two dashes.
      .replace(/^-+/, '-')
      .replace(/,/g, '')
      .replace(/^(-?)0(\d)/, '$10.$2')
      .replace(/^(-?\d)(\d+[eE][-+]?\d+)$/, '$1.$2')
  );
}

/** value = a + b · position, and the ticks it goes through. */
export interface ScaleFit {
  readonly a: number;
  readonly b: number;
  /** The ticks the line goes through, and those it leaves out (misread). */
  readonly used: number;
  readonly dropped: number;
  /**
   * A scale of two slopes (TwoSlopeNorm): beyond `at` (a place along the bar, the bar's
   * middle), on the side `after` says (places greater, or less), value = a + b · position.
   */
  readonly kink?: {
    readonly at: number;
    readonly after: boolean;
    readonly a: number;
    readonly b: number;
  };
}

/** A scale's value at a place along the bar (the second slope's beyond a kink). */
export const scaleAt = (f: ScaleFit, pos: number): number =>
  f.kink && pos > f.kink.at === f.kink.after ? f.kink.a + f.kink.b * pos : f.a + f.b * pos;

/** The scale's steepest slope, in value per pixel (a two-slope scale's uncertainty is its). */
export const steepest = (f: ScaleFit): number => Math.max(Math.abs(f.b), Math.abs(f.kink?.b ?? 0));

/**
 * The scale of two slopes that matplotlib draws for TwoSlopeNorm: its centre at the bar's
 * middle (`middle`, a place along it) and labelled there, each half's labels on a line of its
 * own through it. Null where the labels are not so (PowerNorm's, whose labels are on no two
 * such lines meeting at the middle).
 */
export function twoSlopes(
  ticks: readonly { pos: number; value: number }[],
  middle: number,
): ScaleFit | null {
  const centre = ticks.find((t) => Math.abs(t.pos - middle) <= 1.5);
  if (!centre) return null;
  const below = ticks.filter((t) => t.pos <= centre.pos);
  const above = ticks.filter((t) => t.pos >= centre.pos);
  if (below.length < 2 || above.length < 2) return null;
  const one = fitTicks(below);
  const two = fitTicks(above);
  if (!one || !two || one.dropped > 0 || two.dropped > 0) return null;
  // Each line through its labels to within a pixel, and the two slopes unlike.
  const on = (f: ScaleFit, ts: typeof ticks) =>
    ts.every((t) => Math.abs(f.a + f.b * t.pos - t.value) <= Math.abs(f.b));
  if (!on(one, below) || !on(two, above) || Math.abs(one.b / two.b - 1) < 0.05) return null;
  return {
    ...one,
    used: ticks.length,
    dropped: 0,
    kink: { at: centre.pos, after: true, a: two.a, b: two.b },
  };
}

/**
 * The line through the most ticks (each pair tried; ties to the line whose values run the
 * way `rise` says, the sign of b, where it is given, then to the least error), fitted to
 * them by least squares. Colorbars run one way: up a vertical one and to the right along a
 * level one (matplotlib's, ggplot2's, Plotly's, Vega's). A 72-dpi "-2", "0", "2" read "2",
 * "0", "2" lies on two lines through two labels each: the first pair's, falling, had been
 * taken, and every value read the wrong side of 0, with a warning only that a label was
 * left out. Two ticks of one value make no line.
 */
export function fitTicks(
  ticks: readonly { pos: number; value: number }[],
  rise = 0,
): ScaleFit | null {
  if (ticks.length < 2) return null;
  const usual = (b: number) => rise !== 0 && Math.sign(b) === rise;
  let best: { a: number; b: number; inliers: number[]; err: number } | null = null;
  for (let i = 0; i < ticks.length; i++)
    for (let j = i + 1; j < ticks.length; j++) {
      const p = ticks[i]!;
      const q = ticks[j]!;
      // (Two labels of one value are no scale: one of them is misread.)
      if (q.pos === p.pos || q.value === p.value) continue;
      const b = (q.value - p.value) / (q.pos - p.pos);
      const a = p.value - b * p.pos;
      const span = Math.abs(b) * 1.5;
      const inliers = ticks.flatMap((t, k) =>
        Math.abs(a + b * t.pos - t.value) <= span ? [k] : [],
      );
      const err = inliers.reduce(
        (s, k) => s + Math.abs(a + b * ticks[k]!.pos - ticks[k]!.value),
        0,
      );
      if (
        !best ||
        inliers.length > best.inliers.length ||
        (inliers.length === best.inliers.length &&
          (usual(b) !== usual(best.b) ? usual(b) : err < best.err))
      )
        best = { a, b, inliers, err };
    }
  if (!best || best.inliers.length < 2 || best.b === 0) return null;
  // Least squares over the ticks the line goes through.
  const pts = best.inliers.map((k) => ticks[k]!);
  const n = pts.length;
  const mx = pts.reduce((s, t) => s + t.pos, 0) / n;
  const my = pts.reduce((s, t) => s + t.value, 0) / n;
  const sxx = pts.reduce((s, t) => s + (t.pos - mx) ** 2, 0);
  const sxy = pts.reduce((s, t) => s + (t.pos - mx) * (t.value - my), 0);
  const b = sxx ? sxy / sxx : best.b;
  return { a: my - b * mx, b, used: n, dropped: ticks.length - n };
}

/** A colorbar's label: its value, where it stands along the bar, and its ink's extent along it. */
export interface PlacedLabel {
  pos: number;
  value: number;
  /** The first pixel of its ink along the bar, and the one after its last. */
  readonly lo: number;
  readonly hi: number;
}

/**
 * Vega's gradient legends (Vega-Lite's, Altair's) draw no tick marks and set the labels of
 * the bar's two ends inside it, flush with the end (a vertical bar's top label hangs from its
 * top, its foot's stands on its foot; a level bar's are aligned left and right), not centred on
 * their places as the others are, and as matplotlib and Plotly set every label (vega-parser's
 * legend labels: baseline `top` or `bottom`, align `left` or `right`, where the value's share
 * of the bar is 1 or 0). Taken at their centres, a 160-px bar's two end labels stood 4 and 6 px
 * inside it, and every value was read too far out (1.65 as 1.96, over a range of 4), with no
 * warning. A label is such an end's where its ink begins within half its extent (and 2 px)
 * inside the end and its centre stands further in than a quarter of it (one centred on the end
 * reaches half out of the bar). It is placed at the end (`from` or `to`, in the places labels
 * are given in) where two or more other labels lie on a line that its value meets nearer the
 * end than its centre; both ends' labels are, where the one other label lies on the line
 * through them so placed, or where the only two labels are the two ends'. Positions changed in
 * place. True for the last: Vega labels a bar that its ticks would label twice or less at its
 * two ends alone, the domain's end points as its ticks' format writes them (2.63 and -0.93 as
 * "3" and "−1"), so the scale is good only to half their last digit.
 */
export function flushEnds(labels: PlacedLabel[], from: number, to: number): boolean {
  const sorted = [...labels].sort((p, q) => p.pos - q.pos);
  const first = sorted[0];
  const last = sorted[sorted.length - 1];
  if (!first || !last || first === last) return false;
  const size = (t: PlacedLabel) => t.hi - t.lo;
  const reach = (t: PlacedLabel) => Math.max(2, size(t) / 2);
  const atStart =
    first.lo >= from - 1 && first.lo - from <= reach(first) && first.pos - from > size(first) / 4;
  const atEnd = last.hi <= to + 1 && to - last.hi <= reach(last) && to - last.pos > size(last) / 4;
  const ends = [
    ...(atStart ? [{ t: first, at: from }] : []),
    ...(atEnd ? [{ t: last, at: to }] : []),
  ];
  if (!ends.length) return false;
  const others = sorted.filter((t) => !ends.some((e) => e.t === t));
  if (others.length === 0) {
    if (ends.length < 2) return false;
    for (const e of ends) e.t.pos = e.at;
    return true;
  }
  // Both ends' and one between (Vega's 0, 0.5 and 1 over [0, 1]): the ends at the bar's ends
  // where the one between then lies on the line through them (within 1.5 px) as near as at
  // their centres. (Midway, it lies on both: the ends' labels, flush at both ends, decide.)
  if (others.length === 1 && ends.length === 2) {
    const o = others[0]!;
    const off = (a: number, b: number) => {
      const slope = (last.value - first.value) / (b - a);
      return Math.abs(first.value + slope * (o.pos - a) - o.value) / Math.abs(slope);
    };
    if (off(from, to) <= Math.max(1.5, off(first.pos, last.pos)))
      [first.pos, last.pos] = [from, to];
    return false;
  }
  const line = others.length >= 2 ? fitTicks(others) : null;
  if (!line || line.dropped > 0) return false;
  for (const e of ends) {
    const place = (e.t.value - line.a) / line.b;
    if (Math.abs(place - e.at) < Math.abs(place - e.t.pos)) e.t.pos = e.at;
  }
  return false;
}

/**
 * A value between samples (bilinear): `at` of the four whole positions round (fx, fy),
 * weighted by nearness. Text recognition reads smoothly scaled glyphs better than blocky ones.
 */
export function bilinear(at: (x: number, y: number) => number, fx: number, fy: number): number {
  const ix = Math.floor(fx);
  const iy = Math.floor(fy);
  const dx = fx - ix;
  const dy = fy - iy;
  return (
    (at(ix, iy) * (1 - dx) + at(ix + 1, iy) * dx) * (1 - dy) +
    (at(ix, iy + 1) * (1 - dx) + at(ix + 1, iy + 1) * dx) * dy
  );
}

/**
 * A part of the image as RGBA, scaled up `k` times, with a white margin: text recognition
 * reads larger text better. Nearest pixels, or `smooth` (bilinear) for small text scaled far up.
 */
export function crop(
  img: Image,
  box: Box,
  k: number,
  margin = 8,
  smooth = false,
): { rgba: Uint8Array; width: number; height: number } {
  const w = (box.x1 - box.x0) * k + 2 * margin;
  const h = (box.y1 - box.y0) * k + 2 * margin;
  const rgba = new Uint8Array(w * h * 4).fill(255);
  const { rgb, width: iw, height: ih } = img;
  // A pixel of the image within the box (its edge repeated past it; white outside the image),
  // as an offset into rgb, or -1.
  const at = (x: number, y: number) => {
    const sx = Math.min(box.x1 - 1, Math.max(box.x0, x));
    const sy = Math.min(box.y1 - 1, Math.max(box.y0, y));
    return sx < 0 || sy < 0 || sx >= iw || sy >= ih ? -1 : (sy * iw + sx) * 3;
  };
  for (let y = 0; y < (box.y1 - box.y0) * k; y++) {
    const fy = box.y0 + (smooth ? (y + 0.5) / k - 0.5 : Math.floor(y / k));
    const iy = Math.floor(fy);
    const dy = fy - iy;
    for (let x = 0; x < (box.x1 - box.x0) * k; x++) {
      const q = ((y + margin) * w + x + margin) * 4;
      const fx = box.x0 + (smooth ? (x + 0.5) / k - 0.5 : Math.floor(x / k));
      const ix = Math.floor(fx);
      const dx = fx - ix;
      // Bilinear, as `bilinear` weighs them (nearest: the weights are 1, 0).
      const p00 = at(ix, iy);
      const p10 = at(ix + 1, iy);
      const p01 = at(ix, iy + 1);
      const p11 = at(ix + 1, iy + 1);
      for (let c = 0; c < 3; c++) {
        const v00 = p00 < 0 ? 255 : rgb[p00 + c]!;
        const v10 = p10 < 0 ? 255 : rgb[p10 + c]!;
        const v01 = p01 < 0 ? 255 : rgb[p01 + c]!;
        const v11 = p11 < 0 ? 255 : rgb[p11 + c]!;
        rgba[q + c] = Math.round(
          (v00 * (1 - dx) + v10 * dx) * (1 - dy) + (v01 * (1 - dx) + v11 * dx) * dy,
        );
      }
    }
  }
  return { rgba, width: w, height: h };
}

/**
 * The lines of text in a part of the image (the colorbar's labels): bands of rows with dark
 * pixels for labels stacked up a vertical bar, bands of columns for labels along a horizontal
 * one; each band's box, in image pixels.
 */
export function textLines(img: Image, area: Box, stacked: boolean, above = false): Box[] {
  // Labels side by side along a level bar: the line of them nearest it (a colorbar's title
  // may be below, or, `above` the bar, over them), parted where the gap is wider than a
  // glyph's (the glyphs of "-1.00" have empty columns between them at 100 dpi: each was read
  // as a number of its own).
  if (!stacked) {
    const lines = runs(img, area, false, 1).filter(([a, b]) => b - a >= 3);
    const line = above ? lines[lines.length - 1] : lines[0];
    if (!line) return [];
    area = { ...area, y0: line[0], y1: line[1] };
  }
  const gap = stacked ? 1 : Math.max(2, Math.round(0.5 * (area.y1 - area.y0)));
  // Bands of lines with text, parted by any empty line; each as wide as its text.
  return runs(img, area, !stacked, gap)
    .filter(([a, b]) => b - a >= 3)
    .map(([a, b]) => {
      const band = stacked ? { ...area, y0: a, y1: b } : { ...area, x0: a, x1: b };
      const [[lo, hi]] = runs(img, band, stacked, Infinity) as [[number, number]];
      return stacked ? { x0: lo, y0: a, x1: hi, y1: b } : { x0: a, y0: lo, x1: b, y1: hi };
    });
}

/**
 * The tick marks of a grid's axis on one side: thin dark marks (at most 4 px thick) reaching
 * out from the grid's edge, 2 and 3 px beyond it (past a frame's line), looked for along the
 * whole side of the image (cells of the page's own colour, white or missing, which the grid
 * found stops short of, still have their ticks). Their middles, in image pixels.
 */
export function axisMarks(
  img: Image,
  grid: Box,
  side: 'left' | 'top' | 'below',
  levels: readonly (readonly [number, number])[] = MARK,
): number[] {
  const dark = (x: number, y: number) => isDark(img, x, y, 140);
  // A mark between two pixels (markRuns): the two together as dark as one.
  const [dx, dy] = side === 'left' ? [0, 1] : [1, 0];
  const pair = (x: number, y: number) =>
    x + dx < img.width &&
    y + dy < img.height &&
    halves(inkAt(img, x, y), inkAt(img, x + dx, y + dy), 255 - 140);
  const found = markRuns(img, grid, side, 0, side === 'left' ? img.height : img.width, levels)
    .filter(([first, end]) => end - first <= 4)
    .map(([first, end]) => {
      const at = (first + end - 1) / 2;
      // How far it reaches out, along its middle line (a split mark's, from its first pixel).
      const between = end - first === 2 && !Number.isInteger(at);
      const line = between && !dark(...beside(grid, side, first, 2)) ? pair : dark;
      return { at, reach: reach(img, grid, side, [Math.floor(at)], line, 40, 2) };
    });
  // Tick marks are all one length; a label's stroke that comes as near is another.
  const reaches = found.map((f) => f.reach).sort((a, b) => a - b);
  const typical = reaches[reaches.length >> 1] ?? 0;
  return found.filter((f) => Math.abs(f.reach - typical) <= 1).map((f) => f.at);
}
