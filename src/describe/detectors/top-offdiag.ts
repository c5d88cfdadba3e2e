import { cellNum } from '../claims.ts';
import type { Detector } from '../detector.ts';
import { eachCell } from '../scan.ts';
import type { CellKey } from '../view.ts';
import { cell, listOf, t } from '../words.ts';

/** The k largest off-diagonal finite cells of an aligned square panel. */
export const topOffdiag: Detector<'top_offdiag'> = {
  plan: ({ found }) =>
    // Named only when the diagonal mostly holds: then the cells off it are the news.
    found('diagonal_max')
      .filter((d) => d.numbers[0]!.value * 2 > d.numbers[1]!.value)
      .map((d) => ({ panel: d.params.panel, k: 3 })),

  detect(ctx, p) {
    const { view } = ctx;
    const panel = Number(p.panel ?? 0);
    const k = Number(p.k ?? 3);
    if (!view.aligned(panel)) return null;
    const off: [number, number, number, number][] = [];
    eachCell(
      view,
      (pp, r, c, v) => {
        if (r === c || (off.length === k && v <= off[k - 1]![3])) return;
        off.push([pp, r, c, v]);
        off.sort((a, b) => b[3] - a[3] || a[1] - b[1] || a[2] - b[2]);
        if (off.length > k) off.pop();
      },
      panel,
    );
    if (off.length === 0) return null;
    const keys = off.map(([pp, r, c]) => view.cellKey(pp, r, c));
    return {
      kind: 'top_offdiag',
      params: { panel, k },
      facts: { at: keys },
      cells: keys,
      labels: [...new Set(keys.flatMap((c) => [c.row, c.col]))],
      numbers: off.map(([, , , v], i) => cellNum(ctx, `v${i + 1}`, v, keys[i]!)),
      rule: `the ${k} largest cells off the diagonal`,
      // One panel of many (a grid of facets) is one finding among many: it ranks below their comparison.
      score: ctx.view.grid.panels.length > 2 ? 20 : 60,
    };
  },

  sentence(w, c) {
    const at = c.facts.at as CellKey[];
    return `The largest cells off the diagonal are ${listOf(at.map((k, i) => `${t(c, `v${i + 1}`)} at ${cell(w, k)}`))}.`;
  },
};
