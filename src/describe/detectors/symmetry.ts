import { cellNum, count, num } from '../claims.ts';
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
    // Cells whose mirror is missing while they hold a value: a grid with one is not symmetric.
    let unmatched = 0;
    let firstUnmatched: CellKey | null = null;
    // A pair with a cell the figure's mask hides is not compared: the figure shows one side
    // (a causal attention map's lower triangle), and says nothing of symmetry.
    const masked = view.grid.panels[panel]!.masked;
    for (let i = 0; i < n; i++) {
      for (let j = i + 1; j < n; j++) {
        if (masked?.[i * n + j] || masked?.[j * n + i]) continue;
        const x = vals[i * n + j]!;
        const y = vals[j * n + i]!;
        if (Number.isNaN(x) !== Number.isNaN(y)) {
          unmatched++;
          firstUnmatched ??= Number.isNaN(x)
            ? view.cellKey(panel, j, i)
            : view.cellKey(panel, i, j);
          continue;
        }
        const d = Math.abs(x - y);
        if (d > bd && d - d === 0) {
          bi = i;
          bj = j;
          bd = d;
        }
      }
    }
    if (bi < 0 && unmatched === 0) return null;
    if (bi < 0) [bi, bj, bd] = [0, 1, 0];
    const best = [bi, bj, bd] as const;
    const symmetric = best[2] === 0 && unmatched === 0;
    const a = view.cellKey(panel, best[0], best[1]);
    const b = view.cellKey(panel, best[1], best[0]);
    return {
      kind: 'symmetry',
      params: { panel },
      facts: { symmetric, pair: best[2] === 0 ? [] : [a, b], unmatched: firstUnmatched },
      cells: [...(best[2] === 0 ? [] : [a, b]), ...(firstUnmatched ? [firstUnmatched] : [])],
      labels: [a.row, a.col, ...(firstUnmatched ? [firstUnmatched.row, firstUnmatched.col] : [])],
      numbers: [
        count('unmatched', unmatched),
        num(ctx, 'difference', best[2]),
        cellNum(ctx, 'a', view.value(panel, best[0], best[1]), a),
        cellNum(ctx, 'b', view.value(panel, best[1], best[0]), b),
      ],
      rule: 'the largest |a_ij − a_ji| over pairs that both hold values (pairs with a masked cell left out); symmetric when it is 0 and no cell holds a value whose mirror is missing',
      score: symmetric ? 90 : 35,
    };
  },

  sentence(w, c) {
    if (c.facts.symmetric)
      return 'The grid is symmetric: every cell equals its mirror across the diagonal.';
    const [a, b] = c.facts.pair as CellKey[];
    const missing = c.facts.unmatched;
    const mirrors = missing
      ? `${v(c, 'unmatched') === 1 ? 'one cell holds a value whose mirror is' : `${t(c, 'unmatched')} cells hold values whose mirrors are`} missing (${cell(w, missing)}${v(c, 'unmatched') > 1 ? ' first' : ''})`
      : '';
    if (v(c, 'difference') === 0)
      return missing
        ? `Mirror cells that both hold values are equal, but the grid is not symmetric: ${mirrors}.`
        : null;
    return `The most asymmetric pair is ${t(c, 'a')} at ${cell(w, a!)} against ${t(c, 'b')} at ${cell(w, b!)}${missing ? `; ${mirrors}` : ''}.`;
  },
};
