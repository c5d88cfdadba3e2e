import { count, share } from '../claims.ts';
import type { Detector } from '../detector.ts';
import {
  explainedScore,
  explainedShare,
  lineCount,
  lineKey,
  lineParams,
  MAX_LINES,
  totalVariation,
  unpairedPanels,
} from '../scan.ts';
import { code, type GridView } from '../view.ts';
import { capitalised, line, lineName, t } from '../words.ts';

/** A line is said to dominate when it holds at least this share of the panel's total magnitude… */
const MIN_SHARE = 0.4;
/** …and at least this many times its even share (1 / lines). */
const MIN_RATIO = 3;

/** Each line's sum of |value| over its finite cells, and the panel's total. */
function magnitudes(
  view: GridView,
  panel: number,
  l: 'row' | 'col',
): { sums: number[]; total: number } {
  const sums: number[] = [];
  for (let i = 0; i < lineCount(view, panel, l); i++) {
    let s = 0;
    for (const v of view.finiteLine(panel, l, i)) s += Math.abs(v);
    sums.push(s);
  }
  return { sums, total: sums.reduce((a, b) => a + b, 0) };
}

/**
 * One row (or column) holding most of a panel's total magnitude (the sum of |value| over its
 * finite cells): at least 40% of it and at least three times its even share, among 4 or more
 * lines (seed 004: row `-x` holds 61% of all |attribution| among 11 rows). The line with the
 * largest share of each axis; said once per panel, for the axis where it is largest.
 */
export const magnitudeShare: Detector<'magnitude_share'> = {
  plan: ({ grid, view, paired }) =>
    unpairedPanels(grid, paired).flatMap((panel) => {
      let best: { line: 'row' | 'col'; i: number; share: number } | null = null;
      for (const l of ['row', 'col'] as const) {
        const n = lineCount(view, panel, l);
        if (n < 4 || n > MAX_LINES) continue;
        const { sums, total } = magnitudes(view, panel, l);
        if (!(total > 0 && total < Infinity)) continue;
        const i = sums.indexOf(Math.max(...sums));
        if (!best || sums[i]! / total > best.share) best = { line: l, i, share: sums[i]! / total };
      }
      return best ? [{ panel, line: best.line, key: lineKey(view, panel, best.line, best.i) }] : [];
    }),

  detect(ctx, p) {
    const lp = lineParams(ctx, p);
    if (!lp) return null;
    const { panel, line: l, key, i } = lp;
    const n = lineCount(ctx.view, panel, l);
    if (n < 4) return null;
    const { sums, total } = magnitudes(ctx.view, panel, l);
    if (!(total > 0 && total < Infinity)) return null;
    const part = sums[i]! / total;
    if (part < MIN_SHARE || part < MIN_RATIO / n) return null;
    let signed = false;
    for (let j = 0; j < n && !signed; j++)
      signed = ctx.view.finiteLine(panel, l, j).some((v) => v < 0);
    // What the line accounts for: its cells' squared distance from the grid's mean.
    const grand = totalVariation(ctx).mean;
    const explained = explainedShare(
      ctx,
      lp.v.reduce((s, x) => s + (x - grand) ** 2, 0),
    );
    return {
      kind: 'magnitude_share',
      params: { panel, line: l, key },
      facts: { signed },
      cells: [],
      labels: [
        key.label,
        ...(ctx.view.grid.panels.length > 1 ? [ctx.view.grid.panels[panel]!.title ?? ''] : []),
      ],
      numbers: [share('share', part), count('lines', n), share('explained', explained)],
      rule: `the ${line(l)} whose finite cells' sum of |value| is the largest share of the panel's total; said when it is at least ${MIN_SHARE * 100}% and at least ${MIN_RATIO} times an even share`,
      score: explainedScore(explained),
    };
  },

  sentence(w, c) {
    const l = c.params.line;
    const what = c.facts.signed ? 'total magnitude (the sum of absolute values)' : 'total';
    // A facet's line is named with its facet already (lineName): "of its facet's total".
    const whose = w.figure.facets
      ? "its facet's"
      : w.grid.panels.length > 1
        ? `the grid of ${code(w.grid.panels[c.params.panel]!.title ?? '')}'s`
        : "the grid's";
    return `${capitalised(lineName(w, c.params.panel, l, c.params.key))} holds ${t(c, 'share')} of ${whose} ${what}, as one of ${t(c, 'lines')} ${line(l)}s.`;
  },

  interpret: (c) =>
    `Whatever the values measure, it is concentrated in ${line(c.params.line)} ${code(c.params.key.label)}; each other ${line(c.params.line)} contributes far less.`,
};
