import { count, num, cellNum } from '../claims.ts';
import type { Detector } from '../detector.ts';
import { type CellKey, code, type LineKey } from '../view.ts';
import { cell, listOf, t, v } from '../words.ts';
import { normCenter } from '../../color/norm.ts';

/** Diverging data: cells above, below and at the centre; rows entirely on one side; the largest magnitude. */
export const sign: Detector<'sign'> = {
  plan: ({ figure }) => {
    const center = normCenter(figure.norm);
    const diverging = center !== null || (figure.norm.vmin < 0 && figure.norm.vmax > 0);
    return diverging ? [{ center: center ?? 0 }] : [];
  },

  detect(ctx, p) {
    const { view } = ctx;
    const center = Number(p.center ?? 0);
    let above = 0;
    let below = 0;
    let at = 0;
    // The first cell of largest |v − centre|, by panel and row-major index.
    let bigPanel = -1;
    let bigK = 0;
    let bigD = -1;
    const panels = view.grid.panels;
    const C = view.cols;
    // Each column's finite cells, across panels, and how many lie above and below the centre.
    const finite = new Float64Array(C);
    const over = new Float64Array(C);
    const under = new Float64Array(C);
    for (let pp = 0; pp < panels.length; pp++) {
      const vals = panels[pp]!.values;
      for (let k = 0, c = 0; k < vals.length; k++, c = c + 1 === C ? 0 : c + 1) {
        const v = vals[k]!;
        if (v !== v) continue; // missing; an infinite cell is on its side, and the largest
        const d = v - center;
        const finiteCell = v - v === 0;
        if (finiteCell) finite[c]!++;
        if (d > 0) {
          above++;
          if (finiteCell) over[c]!++;
        } else if (d < 0) {
          below++;
          if (finiteCell) under[c]!++;
        } else at++;
        const size = Math.abs(d);
        if (size > bigD) {
          bigPanel = pp;
          bigK = k;
          bigD = size;
        }
      }
    }
    if (above === 0 || below === 0 || bigPanel < 0) return null;
    const bigValue = panels[bigPanel]!.values[bigK]!;
    // Columns whose finite cells (2 or more, across panels) are all on one side.
    const cols: { key: LineKey; side: 'above' | 'below' }[] = [];
    for (let c = 0; c < C; c++) {
      const n = finite[c]!;
      if (n >= 2 && over[c] === n) cols.push({ key: view.colKey(c), side: 'above' });
      if (n >= 2 && under[c] === n) cols.push({ key: view.colKey(c), side: 'below' });
    }
    const bigKey = view.cellKey(bigPanel, (bigK / view.cols) | 0, bigK % view.cols);
    return {
      kind: 'sign',
      params: { center },
      facts: { largest: bigKey, wholeColumns: cols },
      cells: [bigKey],
      labels: [bigKey.row, bigKey.col, ...cols.map((c) => c.key.label)],
      numbers: [
        count('above', above),
        count('below', below),
        count('at', at),
        num(ctx, 'center', center),
        cellNum(ctx, 'largest', bigValue, bigKey),
        count('wholeColumns', cols.length),
      ],
      rule: 'cells (infinite ones too) above, below and equal to the centre of the colour scale',
      score: 52,
    };
  },

  sentence(w, c) {
    const big = c.facts.largest as CellKey;
    const whole = c.facts.wholeColumns as { key: LineKey; side: string }[];
    let s = `${t(c, 'above')} cells are above ${t(c, 'center')} and ${t(c, 'below')} below${v(c, 'at') > 0 ? `, ${t(c, 'at')} equal to it` : ''}; the largest magnitude is ${t(c, 'largest')}, at ${cell(w, big)}`;
    if (whole.length)
      s += `; every cell of ${listOf(
        whole.map((x) => `column ${code(x.key.label)} is ${x.side} it`),
        v(c, 'wholeColumns'),
      )}`;
    return `${s}.`;
  },
};
