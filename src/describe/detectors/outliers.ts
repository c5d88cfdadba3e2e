import { cellNum, count, MAX_LISTED_CELLS } from '../claims.ts';
import type { Detector } from '../detector.ts';
import { explainedScore, explainedShare, totalVariation } from '../scan.ts';
import { medianOf, normalQuantile } from '../stats.ts';
import type { CellKey } from '../view.ts';
import { cell, listOf, t, v } from '../words.ts';

/** Iterations of Tukey's median polish at most: the row and column effects settle in two or three. */
const POLISH_STEPS = 3;
/** …and it stops sooner once an iteration changes the sum of |residuals| by at most this share of it (R's medpolish: eps = 0.01). */
const POLISH_EPS = 0.01;
/** The family of cells of a figure is tested at this rate (two-sided, Bonferroni): on Gaussian noise, at most 5% of grids get an outlier. */
const FAMILY_RATE = 0.05;
/** A cell is never called an outlier at less than this many robust standard deviations (the residuals' spread is estimated from the grid itself, which in a small grid is itself uncertain). */
const MIN_Z = 6;
/** More flagged cells than this share of the grid (or than MAX_OUTLIERS) are structure (a block, a diagonal), not outliers. */
const MAX_SHARE = 0.01;
const MAX_OUTLIERS = 10;

/**
 * Residuals of a panel after its row and column effects (Tukey's median polish): what is
 * left of each cell once its row's and its column's levels are taken out. NaN where missing.
 */
export function polishResiduals(
  values: ArrayLike<number>,
  rows: number,
  cols: number,
): Float64Array {
  // The rows' medians from the row-major residuals; the columns' from a transposed copy: a
  // column's cells lie a whole row apart, and gathering them in that order misses the cache
  // on every cell of a large grid. Each median is then taken out in row-major order.
  const res = Float64Array.from(values);
  const transposed = new Float64Array(res.length);
  const scratch = new Float64Array(Math.max(rows, cols));
  const colMedians = new Float64Array(cols);
  /** The median of each of `lines` consecutive runs of `length` finite cells of `a`, into `out`. */
  const medians = (a: Float64Array, lines: number, length: number, out: Float64Array) => {
    for (let l = 0; l < lines; l++) {
      const start = l * length;
      let n = 0;
      for (let k = start; k < start + length; k++) {
        const x = a[k]!;
        // Finite: x − x is 0 only for finite numbers.
        if (x - x === 0) scratch[n++] = x;
      }
      out[l] = medianOf(scratch, n);
    }
  };
  const rowMedians = new Float64Array(rows);
  const sweepRows = () => {
    medians(res, rows, cols, rowMedians);
    for (let r = 0, k = 0; r < rows; r++) {
      const m = rowMedians[r]!;
      for (let c = 0; c < cols; c++, k++) res[k]! -= m;
    }
  };
  const sweepCols = () => {
    transpose(res, transposed, rows, cols);
    medians(transposed, cols, rows, colMedians);
    for (let r = 0, k = 0; r < rows; r++)
      for (let c = 0; c < cols; c++, k++) res[k]! -= colMedians[c]!;
  };
  const absSum = (a: Float64Array) => {
    let sum = 0;
    for (let k = 0; k < a.length; k++) {
      const x = a[k]!;
      if (x - x === 0) sum += Math.abs(x);
    }
    return sum;
  };
  let before = absSum(res);
  for (let i = 0; i < POLISH_STEPS; i++) {
    sweepRows();
    sweepCols();
    const after = absSum(res);
    if (i > 0 && Math.abs(after - before) <= POLISH_EPS * before) break;
    before = after;
  }
  return res;
}

/** Writes the transpose of `a` (rows × cols, row-major) into `out` (cols × rows), in cache-sized tiles. */
function transpose(a: Float64Array, out: Float64Array, rows: number, cols: number): void {
  const TILE = 32;
  for (let r0 = 0; r0 < rows; r0 += TILE) {
    const r1 = Math.min(rows, r0 + TILE);
    for (let c0 = 0; c0 < cols; c0 += TILE) {
      const c1 = Math.min(cols, c0 + TILE);
      for (let r = r0; r < r1; r++)
        for (let c = c0, k = r * cols + c0; c < c1; c++, k++) out[c * rows + r] = a[k]!;
    }
  }
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
