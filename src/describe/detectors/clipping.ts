import { cellNum, count, MAX_LISTED_CELLS, num } from '../claims.ts';
import type { Detector } from '../detector.ts';
import type { CellKey } from '../view.ts';
import { cell, listOf, t, v } from '../words.ts';

/**
 * Cells outside the colour range [vmin, vmax], drawn at the end colours; on a log scale,
 * cells at or below 0 apart: it cannot show them, and they are left blank like missing ones.
 */
export const clipping: Detector<'clipping'> = {
  plan: ({ figure }) => [
    { vmin: figure.norm.vmin, vmax: figure.norm.vmax, log: figure.norm.kind === 'log' },
  ],

  detect(ctx, p) {
    const { view } = ctx;
    const vmin = Number(p.vmin);
    const vmax = Number(p.vmax);
    const log = p.log === true;
    const over: CellKey[] = [];
    const under: CellKey[] = [];
    const blank: CellKey[] = [];
    const overValues: number[] = [];
    const underValues: number[] = [];
    let nOver = 0;
    let nUnder = 0;
    let nBlank = 0;
    // How far the farthest value lies beyond the range (every cell, not only those listed).
    let beyond = 0;
    for (const pp of view.grid.panels.keys()) {
      for (let r = 0; r < view.rows(pp); r++) {
        for (let c = 0; c < view.cols; c++) {
          const v = view.value(pp, r, c);
          if (log && v <= 0) {
            nBlank++;
            if (blank.length < MAX_LISTED_CELLS) blank.push(view.cellKey(pp, r, c));
            continue;
          }
          if (v > vmax) {
            nOver++;
            beyond = Math.max(beyond, v - vmax);
            if (over.length < MAX_LISTED_CELLS) {
              over.push(view.cellKey(pp, r, c));
              overValues.push(v);
            }
          } else if (v < vmin) {
            nUnder++;
            beyond = Math.max(beyond, vmin - v);
            if (under.length < MAX_LISTED_CELLS) {
              under.push(view.cellKey(pp, r, c));
              underValues.push(v);
            }
          }
        }
      }
    }
    if (nOver + nUnder + nBlank === 0) return null;
    // The values named, in the order the sentence names their cells: above the range, then below.
    const listed = [...over, ...under].slice(0, 4);
    const listedValues = [...overValues, ...underValues].slice(0, 4);
    const blankListed = blank.slice(0, 4);
    return {
      kind: 'clipping',
      params: { vmin, vmax, log },
      facts: { over, under, blank },
      cells: [...over, ...under, ...blank],
      labels: [...new Set([...listed, ...blankListed].flatMap((k) => [k.row, k.col]))],
      numbers: [
        count('over', nOver),
        count('under', nUnder),
        count('total', nOver + nUnder),
        count('blank', nBlank),
        num(ctx, 'vmin', vmin),
        num(ctx, 'vmax', vmax),
        ...listedValues.map((v, i) => cellNum(ctx, `v${i + 1}`, v, listed[i]!)),
      ],
      rule: 'finite or infinite cells above vmax or below vmin; on a log scale, cells at or below 0 (blank) apart',
      // A value beyond the range by more than a tenth of it is hidden by its colour: said early.
      score: beyond > 0.1 * (vmax - vmin) ? 85 : 45,
    };
  },

  sentence(w, c) {
    const over = c.facts.over as CellKey[];
    const under = c.facts.under as CellKey[];
    const all = [...over, ...under];
    const listed = all.slice(0, 4).map((k, i) => `${t(c, `v${i + 1}`)} at ${cell(w, k)}`);
    const where = [
      over.length ? `${t(c, 'over')} above ${t(c, 'vmax')}` : '',
      under.length ? `${t(c, 'under')} below ${t(c, 'vmin')}` : '',
    ]
      .filter(Boolean)
      .join(' and ');
    const one = v(c, 'total') === 1;
    const blank = (c.facts.blank as CellKey[] | undefined) ?? [];
    const nb = v(c, 'blank');
    const blankText = nb
      ? `${nb === 1 ? 'One cell holds a value' : `${t(c, 'blank')} cells hold values`} at or below 0, which the log scale cannot show; ${nb === 1 ? 'it is' : 'they are'} left blank, as missing cells are: ${listOf(
          blank.slice(0, 4).map((k) => cell(w, k)),
          nb,
        )}.`
      : '';
    const clipText = all.length
      ? `${one ? 'One cell lies' : `${t(c, 'total')} cells lie`} outside the colour range (${where}) and ${one ? 'is' : 'are'} drawn in the end colour: ${listOf(listed, v(c, 'total'))}.`
      : '';
    return [clipText, blankText].filter(Boolean).join(' ');
  },

  interpret: (c) =>
    v(c, 'total') > 0
      ? 'Cells drawn in the end colours may hold values well beyond the colour range; their numbers are in the table.'
      : 'Blank cells on this log scale may hold zeros or negative values, not only missing ones; their numbers are in the table.',
};
