import { share, cellNum } from '../claims.ts';
import type { Detector } from '../detector.ts';
import { MAX_LINES, unpairedPanels } from '../scan.ts';
import type { CellKey, LineKey } from '../view.ts';
import { named, lineName, t } from '../words.ts';
import { maxOf } from '../../util/extent.ts';

/** Non-negative data: a row whose largest cell holds more than 60% of the row's sum. */
export const concentration: Detector<'concentration'> = {
  plan: ({ grid, view, paired, found }) =>
    unpairedPanels(grid, paired).flatMap((panel) =>
      // A confusion matrix's rows are said as per-class accuracy (class_accuracy), not shares.
      grid.panels[panel]!.rows <= MAX_LINES &&
      !found('class_accuracy').some((c) => c.params.panel === panel)
        ? Array.from({ length: grid.panels[panel]!.rows }, (_, r) => ({
            panel,
            key: view.rowKey(panel, r),
          }))
        : [],
    ),

  detect(ctx, p) {
    const { view } = ctx;
    const panel = Number(p.panel ?? 0);
    const key = p.key as LineKey;
    const r = view.findRow(panel, key);
    if (r < 0) return null;
    const v = view.line(panel, 'row', r);
    const f = v.filter(Number.isFinite);
    if (f.length < 3 || f.some((x) => x < 0)) return null;
    const sum = f.reduce((a, b) => a + b, 0);
    const top = maxOf(f);
    if (!(sum > 0) || top / sum <= 0.6) return null;
    const c = v.indexOf(top);
    const cellKey = view.cellKey(panel, r, c);
    return {
      kind: 'concentration',
      params: { panel, key },
      facts: { at: cellKey },
      cells: [cellKey],
      labels: [key.label, cellKey.col],
      numbers: [share('share', top / sum), cellNum(ctx, 'value', top, cellKey)],
      rule: "the row's largest cell holds more than 60% of the row's sum (non-negative rows)",
      // One row of one facet of many is one finding among hundreds: it ranks below the comparison of facets.
      score: ctx.view.grid.panels.length > 2 ? 20 : 55,
    };
  },

  sentence(w, c) {
    const key = c.params.key as LineKey;
    const at = c.facts.at as CellKey;
    return `In ${lineName(w, c.params.panel as number, 'row', key)}, the cell in ${named('column', at.col, at.colN, w.grid.colLabels)} (${t(c, 'value')}) holds ${t(c, 'share')} of the row's sum.`;
  },
};
