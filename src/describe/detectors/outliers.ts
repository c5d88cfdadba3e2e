import { cellNum, count, MAX_LISTED_CELLS } from '../claims.ts';
import type { Detector } from '../detector.ts';
import { explainedScore, explainedShare, totalVariation } from '../scan.ts';
import { normalQuantile } from '../stats.ts';
import type { CellKey } from '../view.ts';
import { cell, listOf, t, v } from '../words.ts';

/** Iterations of Tukey's median polish: the row and column effects settle in two or three. */
const POLISH_STEPS = 3;
/** The family of cells of a figure is tested at this rate (two-sided, Bonferroni): on Gaussian noise, at most 5% of grids get an outlier. */
const FAMILY_RATE = 0.05;
/** A cell is never called an outlier at less than this many robust standard deviations (the residuals' spread is estimated from the grid itself, which in a small grid is itself uncertain). */
const MIN_Z = 6;
/** More flagged cells than this share of the grid (or than MAX_OUTLIERS) are structure (a block, a diagonal), not outliers. */
const MAX_SHARE = 0.01;
const MAX_OUTLIERS = 10;

/** The k-th smallest of a[0 … n) (Hoare's selection; reorders a). */
function select(a: Float64Array, n: number, k: number): number {
  let lo = 0;
  let hi = n - 1;
  while (lo < hi) {
    const pivot = a[(lo + hi) >> 1]!;
    let i = lo;
    let j = hi;
    while (i <= j) {
      while (a[i]! < pivot) i++;
      while (a[j]! > pivot) j--;
      if (i <= j) {
        const t = a[i]!;
        a[i] = a[j]!;
        a[j] = t;
        i++;
        j--;
      }
    }
    if (k <= j) hi = j;
    else if (k >= i) lo = i;
    else return a[k]!;
  }
  return a[k]!;
}

/** The median of the first n values of a scratch array (reordered), in linear time; 0 for none. */
function medianOf(a: Float64Array, n: number): number {
  if (n === 0) return 0;
  const hi = select(a, n, n >> 1);
  if (n % 2) return hi;
  // The largest of the lower half is the other middle value.
  let lo = -Infinity;
  for (let i = 0; i < n >> 1; i++) if (a[i]! > lo) lo = a[i]!;
  return (lo + hi) / 2;
}

/**
 * Residuals of a panel after its row and column effects (Tukey's median polish): what is
 * left of each cell once its row's and its column's levels are taken out. NaN where missing.
 */
export function polishResiduals(
  values: ArrayLike<number>,
  rows: number,
  cols: number,
): Float64Array {
  const res = Float64Array.from(values);
  const scratch = new Float64Array(Math.max(rows, cols));
  // Each line's median taken out of it: `lines` lines `apart` cells apart, of `length` cells `step` apart.
  const sweep = (lines: number, apart: number, length: number, step: number) => {
    for (let l = 0; l < lines; l++) {
      const start = l * apart;
      let n = 0;
      for (let k = 0, at = start; k < length; k++, at += step) {
        const x = res[at]!;
        if (Number.isFinite(x)) scratch[n++] = x;
      }
      const m = medianOf(scratch, n);
      for (let k = 0, at = start; k < length; k++, at += step) res[at]! -= m;
    }
  };
  for (let i = 0; i < POLISH_STEPS; i++) {
    sweep(rows, cols, cols, 1);
    sweep(cols, 1, rows, cols);
  }
  return res;
}

/**
 * Cells that do not fit their row and column: a residual after median polish more than z
 * robust standard deviations (1.4826 × the residuals' median absolute deviation) from 0,
 * where z keeps the whole grid's family of cells at a 5% error rate on Gaussian noise
 * (Bonferroni), and at least 5. A fixed share of any distribution is never flagged; a
 * block or a diagonal (more than 1% of the cells, or more than 10) is structure, said by
 * other detectors, and not called outliers. Panels of at least 3 × 3 cells.
 */
export const outliers: Detector<'outliers'> = {
  plan: () => [{}],

  detect(ctx) {
    const { view } = ctx;
    const found: { p: number; r: number; c: number; v: number; z: number }[] = [];
    let tested = 0;
    const residuals: { p: number; res: Float64Array }[] = [];
    for (let p = 0; p < view.grid.panels.length; p++) {
      const panel = view.grid.panels[p]!;
      if (panel.rows < 3 || view.cols < 3) continue;
      const res = polishResiduals(panel.values, panel.rows, view.cols);
      residuals.push({ p, res });
      for (let k = 0; k < res.length; k++) if (Number.isFinite(res[k]!)) tested++;
    }
    if (tested < 9) return null;
    const z = Math.max(MIN_Z, normalQuantile(1 - FAMILY_RATE / 2 / tested));
    for (const { p, res } of residuals) {
      // The spread of the residuals: their median absolute deviation, leaving out the zeros
      // median polish leaves where a cell set its row's or column's median (they say nothing
      // of the spread, and in a small grid they are many).
      const abs = new Float64Array(res.length);
      let n = 0;
      for (let k = 0; k < res.length; k++) {
        const x = res[k]!;
        if (Number.isFinite(x) && x !== 0) abs[n++] = Math.abs(x);
      }
      const scale = 1.4826 * medianOf(abs, n);
      if (!(scale > 0)) continue;
      for (let k = 0; k < res.length; k++) {
        const x = res[k]!;
        if (Number.isFinite(x) && Math.abs(x) / scale > z)
          found.push({
            p,
            r: (k / view.cols) | 0,
            c: k % view.cols,
            v: view.grid.panels[p]!.values[k]!,
            z: Math.abs(x) / scale,
          });
      }
    }
    if (
      found.length === 0 ||
      found.length > Math.max(1, MAX_SHARE * tested) ||
      found.length > MAX_OUTLIERS
    )
      return null;
    found.sort((a, b) => b.z - a.z || a.p - b.p || a.r - b.r || a.c - b.c);
    const { mean } = totalVariation(ctx);
    const keys: CellKey[] = found
      .slice(0, MAX_LISTED_CELLS)
      .map((f) => view.cellKey(f.p, f.r, f.c));
    return {
      kind: 'outliers',
      params: {},
      facts: { at: keys },
      cells: keys,
      labels: [...new Set(keys.slice(0, 4).flatMap((k) => [k.row, k.col]))],
      numbers: [
        count('count', found.length),
        { name: 'z', value: z, text: z.toFixed(1) },
        ...found.slice(0, 4).map((f, i) => cellNum(ctx, `v${i + 1}`, f.v, keys[i]!)),
      ],
      rule: `residual after the rows' and columns' levels (median polish) beyond ${z.toFixed(2)} robust standard deviations: the grid's ${tested} cells tested as one family at a 5% error rate on Gaussian noise; more than 1% of the cells or 10 would be structure, not outliers`,
      // What the outliers account for: their squared distance from the grid's mean.
      score: explainedScore(
        explainedShare(
          ctx,
          found.reduce((s, f) => s + (f.v - mean) ** 2, 0),
        ),
        45,
      ),
    };
  },

  sentence(w, c) {
    const at = c.facts.at as CellKey[];
    const listed = at.slice(0, 4).map((k, i) => `${t(c, `v${i + 1}`)} at ${cell(w, k)}`);
    const one = v(c, 'count') === 1;
    return `${one ? 'One cell does not fit its row and column' : `${t(c, 'count')} cells do not fit their rows and columns`} (more than ${t(c, 'z')} robust standard deviations from what ${one ? 'they predict' : 'those predict'}): ${listOf(listed, v(c, 'count'))}.`;
  },
};
