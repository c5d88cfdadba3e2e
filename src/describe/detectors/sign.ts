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
    // Values read from an image are good to ±readUncertainty: those that near the centre
    // are at it. For numbers read over the cells this is exact: rounding keeps order, so a
    // value printed above 0.00 (say) is above half its last digit, and one printed as 0.00
    // is within it (its sign may be either way).
    // (Numbers printed with fixed decimals are compared as printed, exactly: see asPrinted.)
    const tolerance =
      figure.grid.printedDecimals === undefined ? figure.grid.readUncertainty : undefined;
    return diverging
      ? [
          {
            center: center ?? 0,
            ...(tolerance !== undefined && tolerance > 0 ? { tolerance } : {}),
          },
        ]
      : [];
  },

  detect(ctx, p) {
    const { view } = ctx;
    const center = Number(p.center ?? 0);
    const tolerance = Number(p.tolerance ?? 0);
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
        if (d > tolerance) {
          above++;
          if (finiteCell) over[c]!++;
        } else if (d < -tolerance) {
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
      params: { center, ...(tolerance > 0 ? { tolerance } : {}) },
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
        ...(tolerance > 0
          ? [{ name: 'tolerance', value: tolerance, text: tolerance.toPrecision(2) }]
          : []),
      ],
      rule:
        tolerance > 0
          ? `cells (infinite ones too) above, below and within ±${tolerance.toPrecision(2)} of the centre of the colour scale (values read from pixels, good to ±${tolerance.toPrecision(2)})`
          : 'cells (infinite ones too) above, below and equal to the centre of the colour scale',
      score: 52,
    };
  },

  sentence(w, c) {
    const big = c.facts.largest as CellKey;
    const whole = c.facts.wholeColumns as { key: LineKey; side: string }[];
    const at =
      c.params.tolerance !== undefined
        ? `within ±${t(c, 'tolerance')} of it`
        : w.grid.printedDecimals !== undefined
          ? 'equal to it as printed'
          : 'equal to it';
    let s = `${t(c, 'above')} cells are above ${t(c, 'center')} and ${t(c, 'below')} below${v(c, 'at') > 0 ? `, ${t(c, 'at')} ${at}` : ''}; the largest magnitude is ${t(c, 'largest')}, at ${cell(w, big)}`;
    if (whole.length)
      s += `; every cell of ${listOf(
        whole.map((x) => `column ${code(x.key.label)} is ${x.side} it`),
        v(c, 'wholeColumns'),
      )}`;
    return `${s}.`;
  },
};
