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

/** The centres of the tick marks beside a vertical colorbar (on its right) or a horizontal one (below it), in image pixels. */
export function tickMarks(img: Image, bar: Box, vertical: boolean): number[] {
  const dark = (x: number, y: number) => {
    if (x < 0 || y < 0 || x >= img.width || y >= img.height) return false;
    const p = (y * img.width + x) * 3;
    return img.rgb[p]! + img.rgb[p + 1]! + img.rgb[p + 2]! < 3 * 140;
  };
  const out: number[] = [];
  const len = vertical ? bar.y1 - bar.y0 : bar.x1 - bar.x0;
  let run = -1;
  for (let i = -2; i <= len + 1; i++) {
    // A tick: dark two to four pixels out from the bar (an outline is one pixel out).
    const on = vertical
      ? dark(bar.x1 + 2, bar.y0 + i) && dark(bar.x1 + 3, bar.y0 + i)
      : dark(bar.x0 + i, bar.y1 + 2) && dark(bar.x0 + i, bar.y1 + 3);
    if (on && run < 0) run = i;
    if (!on && run >= 0) {
      out.push((vertical ? bar.y0 : bar.x0) + (run + i - 1) / 2);
      run = -1;
    }
  }
  return out;
}

/** How far the tick marks reach out from the bar (0 when there are none): the labels begin beyond. */
export function tickLength(
  img: Image,
  bar: Box,
  vertical: boolean,
  marks: readonly number[],
): number {
  let most = 0;
  for (const m of marks) {
    const at = Math.round(m);
    let n = 0;
    for (let d = 1; d < 40; d++) {
      const x = vertical ? bar.x1 + d : at;
      const y = vertical ? at : bar.y1 + d;
      if (x >= img.width || y >= img.height) break;
      const p = (y * img.width + x) * 3;
      if (img.rgb[p]! + img.rgb[p + 1]! + img.rgb[p + 2]! >= 3 * 140) break;
      n = d;
    }
    most = Math.max(most, n);
  }
  return most;
}

/** A label's number: a minus sign as matplotlib writes it (U+2212), a percent, thousands commas. */
export function labelNumber(text: string): number | null {
  const t = text
    .trim()
    .replace(/[\u2212\u2013]/g, '-')
    .replace(/,/g, '');
  const m = /^(-?\d*\.?\d+(?:[eE][-+]?\d+)?)(%?)$/.exec(t);
  if (!m) return null;
  const v = Number(m[1]);
  return Number.isFinite(v) ? (m[2] ? v / 100 : v) : null;
}

/** value = a + b · position: the line through the most ticks (each pair tried; ties to the least error). */
export interface ScaleFit {
  readonly a: number;
  readonly b: number;
  /** The ticks the line goes through, and those it leaves out (misread). */
  readonly used: number;
  readonly dropped: number;
}

export function fitTicks(ticks: readonly { pos: number; value: number }[]): ScaleFit | null {
  if (ticks.length < 2) return null;
  let best: { a: number; b: number; inliers: number[]; err: number } | null = null;
  for (let i = 0; i < ticks.length; i++)
    for (let j = i + 1; j < ticks.length; j++) {
      const p = ticks[i]!;
      const q = ticks[j]!;
      if (q.pos === p.pos) continue;
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
        (inliers.length === best.inliers.length && err < best.err)
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

/** A part of the image as RGBA, scaled up `k` times (nearest), with a white margin: text recognition reads larger text better. */
export function crop(
  img: Image,
  box: Box,
  k: number,
  margin = 8,
): { rgba: Uint8Array; width: number; height: number } {
  const w = (box.x1 - box.x0) * k + 2 * margin;
  const h = (box.y1 - box.y0) * k + 2 * margin;
  const rgba = new Uint8Array(w * h * 4).fill(255);
  for (let y = 0; y < (box.y1 - box.y0) * k; y++)
    for (let x = 0; x < (box.x1 - box.x0) * k; x++) {
      const sx = box.x0 + Math.floor(x / k);
      const sy = box.y0 + Math.floor(y / k);
      if (sx < 0 || sy < 0 || sx >= img.width || sy >= img.height) continue;
      const p = (sy * img.width + sx) * 3;
      const q = ((y + margin) * w + x + margin) * 4;
      rgba[q] = img.rgb[p]!;
      rgba[q + 1] = img.rgb[p + 1]!;
      rgba[q + 2] = img.rgb[p + 2]!;
    }
  return { rgba, width: w, height: h };
}

/**
 * The lines of text in a part of the image (the colorbar's labels): bands of rows with dark
 * pixels for labels stacked up a vertical bar, bands of columns for labels along a horizontal
 * one; each band's box, in image pixels.
 */
export function textLines(img: Image, area: Box, stacked: boolean): Box[] {
  const dark = (x: number, y: number) => {
    const p = (y * img.width + x) * 3;
    return img.rgb[p]! + img.rgb[p + 1]! + img.rgb[p + 2]! < 3 * 160;
  };
  const [a0, a1, b0, b1] = stacked
    ? [area.y0, area.y1, area.x0, area.x1]
    : [area.x0, area.x1, area.y0, area.y1];
  const hit = (i: number, j: number) => (stacked ? dark(j, i) : dark(i, j));
  const out: Box[] = [];
  let start = -1;
  let lo = Infinity;
  let hi = -Infinity;
  for (let i = a0; i <= a1; i++) {
    let any = false;
    if (i < a1)
      for (let j = b0; j < b1; j++)
        if (hit(i, j)) {
          any = true;
          lo = Math.min(lo, j);
          hi = Math.max(hi, j);
        }
    if (any && start < 0) start = i;
    if (!any && start >= 0) {
      if (i - start >= 3)
        out.push(
          stacked
            ? { x0: lo, y0: start, x1: hi + 1, y1: i }
            : { x0: start, y0: lo, x1: i, y1: hi + 1 },
        );
      start = -1;
      lo = Infinity;
      hi = -Infinity;
    }
  }
  return out;
}
