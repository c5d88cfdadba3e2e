import { count, MAX_LISTED_CELLS, num, cellNum } from '../claims.ts';
import type { Detector } from '../detector.ts';
import { cellsWhere } from '../scan.ts';
import { quantileSorted } from '../stats.ts';
import type { CellKey } from '../view.ts';
import { cell, listOf, t, v } from '../words.ts';

/** Cells beyond Tukey's fences (k = 1.5) over all finite cells; needs at least 8 cells and IQR > 0. */
export const outliers: Detector<'outliers'> = {
  plan: () => [{}],

  detect(ctx) {
    const { view } = ctx;
    const sorted = ctx.sorted();
    if (sorted.length < 8) return null;
    const q1 = quantileSorted(sorted, 0.25);
    const q3 = quantileSorted(sorted, 0.75);
    const iqr = q3 - q1;
    if (!(iqr > 0)) return null;
    const lo = q1 - 1.5 * iqr;
    const hi = q3 + 1.5 * iqr;
    const beyond = (v: number) => v < lo || v > hi;
    // How many: the runs beyond each fence at the ends of the sorted values.
    let below = 0;
    while (below < sorted.length && sorted[below]! < lo) below++;
    let above = 0;
    while (above < sorted.length - below && sorted[sorted.length - 1 - above]! > hi) above++;
    const total = below + above;
    if (total === 0 || total > 0.25 * sorted.length) return null;
    // The most extreme first: the largest distances from the middle of the box.
    const mid = (q1 + q3) / 2;
    const far = cellsWhere(view, beyond)
      .sort(
        (a, b) =>
          Math.abs(b[3] - mid) - Math.abs(a[3] - mid) || a[0] - b[0] || a[1] - b[1] || a[2] - b[2],
      )
      .slice(0, MAX_LISTED_CELLS);
    const keys = far.map(([pp, r, c]) => view.cellKey(pp, r, c));
    return {
      kind: 'outliers',
      params: {},
      facts: { at: keys },
      cells: keys,
      labels: [...new Set(keys.slice(0, 4).flatMap((k) => [k.row, k.col]))],
      numbers: [
        count('count', total),
        num(ctx, 'low', lo),
        num(ctx, 'high', hi),
        ...far.slice(0, 4).map(([, , , v], i) => cellNum(ctx, `v${i + 1}`, v, keys[i]!)),
      ],
      rule: "Tukey's fences: below Q1 − 1.5·IQR or above Q3 + 1.5·IQR, over all finite cells; the most extreme listed first",
      score: 58,
    };
  },

  sentence(w, c) {
    const at = c.facts.at as CellKey[];
    const listed = at.slice(0, 4).map((k, i) => `${t(c, `v${i + 1}`)} at ${cell(w, k)}`);
    return `${t(c, 'count')} ${v(c, 'count') === 1 ? 'cell lies' : 'cells lie'} outside Tukey's fences (${t(c, 'low')} to ${t(c, 'high')}): ${listOf(listed, v(c, 'count'))}.`;
  },
};
