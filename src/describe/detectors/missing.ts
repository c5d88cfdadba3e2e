import { missingAs } from '../../messages.ts';
import { count } from '../claims.ts';
import type { Detector } from '../detector.ts';
import { anyMissing } from '../scan.ts';
import { type CellKey, code, type LineKey } from '../view.ts';
import { listOf, t, v } from '../words.ts';

/** Missing cells: how many, rows and columns entirely missing, and the pattern (rows that end early). */
export const missing: Detector<'missing'> = {
  plan: () => [{}],

  detect(ctx) {
    const { view } = ctx;
    if (!anyMissing(view)) return null;
    // Masked cells are hidden by the figure, not missing from the data: they are left out.
    let n = 0;
    let total = 0;
    const fullRows: CellKey[] = [];
    const lengths: { panel: number; key: LineKey; length: number }[] = [];
    let ragged = true;
    view.grid.panels.forEach((pp, pi) => {
      for (let r = 0; r < pp.rows; r++) {
        const row = view.line(pi, 'row', r);
        const shown = row.map((_, c) => !pp.masked?.[r * view.cols + c]);
        const gap = row.map((v, c) => shown[c]! && Number.isNaN(v));
        const miss = gap.filter(Boolean).length;
        const cells = shown.filter(Boolean).length;
        n += miss;
        total += cells;
        // Values from the first column up to a point, then only missing (masked cells aside).
        const len = gap.indexOf(true) < 0 ? row.length : gap.indexOf(true);
        if (gap.slice(len).some((x, i) => !x && shown[len + i])) ragged = false;
        lengths.push({ panel: pi, key: view.rowKey(pi, r), length: len });
        if (cells > 0 && miss === cells) fullRows.push(view.cellKey(pi, r, 0));
      }
    });
    if (n === 0) return null;
    const pattern =
      n === total
        ? 'all'
        : ragged && lengths.some((l) => l.length < view.cols)
          ? 'ragged-ends'
          : 'scattered';
    const numbers = [
      count('missing', n),
      count('cells', total),
      count('fullRows', fullRows.length),
    ];
    if (pattern === 'ragged-ends') {
      // The shortest and longest rows (each row's length is in the table).
      const lens = lengths.map((l) => l.length);
      const lo = Math.min(...lens);
      const hi = Math.max(...lens);
      numbers.push(
        count('shortest', lo),
        count('longest', hi),
        count('shortestRows', lens.filter((l) => l === lo).length),
        count('longestRows', lens.filter((l) => l === hi).length),
      );
    }
    // One panel's rows each a cell longer than the row above, or each shorter, three or more:
    // the triangle a symmetric matrix is drawn with when its mirrored half is masked (seaborn's
    // gallery of pairwise correlations), as an image shows it (masked and missing cells alike).
    const steps = lengths.slice(1).map((l, i) => l.length - lengths[i]!.length);
    const triangle =
      pattern === 'ragged-ends' &&
      view.grid.panels.length === 1 &&
      steps.length >= 2 &&
      (steps.every((d) => d === 1) || steps.every((d) => d === -1));
    // A grid read from an image: how the image shows them is known only where each prints one
    // text of a missing value ("nan").
    const printed = view.grid.printedMissing;
    const shown =
      view.grid.readDecimals === undefined
        ? ({ as: 'blank' } as const)
        : printed?.cells === n && printed.as.length === 1
          ? ({ as: 'printed', text: printed.as[0]! } as const)
          : ({ as: 'unread' } as const);
    return {
      kind: 'missing',
      params: {},
      facts: {
        shown,
        triangle,
        pattern,
        fullRows: fullRows.map((k) => k.row),
        lengths:
          pattern === 'ragged-ends'
            ? lengths.map((l) => ({ panel: l.panel, key: l.key, length: l.length }))
            : [],
      },
      cells: [],
      labels: lengths.map((l) => l.key.label),
      numbers,
      rule: 'NaN or empty cells that the figure does not mask; "rows end early" when every row is values followed only by missing cells; "all" when no cell holds a value',
      score: pattern === 'ragged-ends' ? 60 : pattern === 'all' ? 90 : 40,
    };
  },

  sentence(_w, c) {
    if (c.facts.pattern === 'all')
      return `Every cell is missing (${t(c, 'cells')} of ${t(c, 'cells')}): the grid holds no value.`;
    const lead = `${t(c, 'missing')} of ${t(c, 'cells')} cells are missing`;
    const shown = c.facts.shown;
    if (c.facts.pattern !== 'ragged-ends')
      return `${lead}; ${shown.as === 'blank' ? 'they are left blank' : shown.as === 'printed' ? `each prints ${missingAs(shown.text, code)} in place of a number` : 'no value was read for them from the image'}.`;
    const rows = (name: string) =>
      listOf(
        c.facts.lengths
          .filter((l) => String(l.length) === t(c, name))
          .map((l) => code(l.key.label)),
        v(c, `${name}Rows`),
      );
    const shortest = t(c, 'shortest');
    const cells = `${shortest} ${shortest === '1' ? 'cell' : 'cells'}`;
    const each = c.facts.triangle
      ? `, one cell ${c.facts.lengths[1]!.length > c.facts.lengths[0]!.length ? 'more' : 'fewer'} in each row than in the row above: a triangle,`
      : ',';
    return `${lead}: every row holds values from the first column up to a point and none after it${each} from ${cells} (${rows('shortest')}) to ${t(c, 'longest')} (${rows('longest')}).`;
  },

  interpret: (c) =>
    c.facts.pattern !== 'ragged-ends'
      ? null
      : c.facts.triangle
        ? 'A symmetric matrix (of correlations, of distances) is often drawn with its mirrored half left blank; a blank cell shows no value, not a low one.'
        : 'Rows were measured over different ranges; a blank cell means no measurement, not a low value.',
};
