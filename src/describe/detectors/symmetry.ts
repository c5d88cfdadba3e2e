import { num, cellNum } from '../claims.ts';
import type { Detector } from '../detector.ts';
import { alignedPanel, eachAlignedPanel } from '../scan.ts';
import type { CellKey } from '../view.ts';
import { cell, t, v } from '../words.ts';

/** Aligned square panel: the pair (i, j), (j, i) that differs most, or symmetric. */
export const symmetry: Detector<'symmetry'> = {
  plan: eachAlignedPanel,

  detect(ctx, p) {
    const { view } = ctx;
    const at = alignedPanel(ctx, p);
    if (!at) return null;
    const { panel, n, vals } = at;
    // The first pair (in row-major order above the diagonal) with the largest finite difference.
    let bi = -1;
    let bj = -1;
    let bd = -1;
    for (let i = 0; i < n; i++) {
      for (let j = i + 1; j < n; j++) {
        const d = Math.abs(vals[i * n + j]! - vals[j * n + i]!);
        if (d > bd && d - d === 0) {
          bi = i;
          bj = j;
          bd = d;
        }
      }
    }
    if (bi < 0) return null;
    const best = [bi, bj, bd] as const;
    const symmetric = best[2] === 0;
    const a = view.cellKey(panel, best[0], best[1]);
    const b = view.cellKey(panel, best[1], best[0]);
    return {
      kind: 'symmetry',
      params: { panel },
      facts: { symmetric, pair: symmetric ? [] : [a, b] },
      cells: symmetric ? [] : [a, b],
      labels: [a.row, a.col],
      numbers: [
        num(ctx, 'difference', best[2]),
        cellNum(ctx, 'a', view.value(panel, best[0], best[1]), a),
        cellNum(ctx, 'b', view.value(panel, best[1], best[0]), b),
      ],
      rule: 'the largest |a_ij − a_ji|; symmetric when it is 0',
      score: symmetric ? 90 : 35,
    };
  },

  sentence(w, c) {
    if (c.facts.symmetric)
      return 'The grid is symmetric: every cell equals its mirror across the diagonal.';
    const [a, b] = c.facts.pair as CellKey[];
    return v(c, 'difference') === 0
      ? null
      : `The most asymmetric pair is ${t(c, 'a')} at ${cell(w, a!)} against ${t(c, 'b')} at ${cell(w, b!)}.`;
  },
};
