import { cellNum } from '../claims.ts';
import type { Detector } from '../detector.ts';
import type { CellKey } from '../view.ts';

/** The value of one cell. */
export const value: Detector<'value'> = {
  plan: () => [],

  detect(ctx, p) {
    const key = p.cell as CellKey;
    const at = ctx.view.locate(key);
    if (!at) return null;
    const v = ctx.view.value(key.panel, at[0], at[1]);
    return {
      kind: 'value',
      params: { cell: key },
      facts: { missing: Number.isNaN(v) },
      cells: [key],
      labels: [key.row, key.col],
      numbers: Number.isNaN(v) ? [] : [cellNum(ctx, 'value', v, key)],
      rule: 'the value stored in the cell',
      score: 0,
    };
  },

  sentence: () => null,
};
