import { count, num, share } from '../claims.ts';
import type { Ctx } from '../claims.ts';
import type { Detector } from '../detector.ts';
import { explainedScore, explainedShare, totalVariation } from '../scan.ts';
import { MEAN_TIE, sameValue } from '../stats.ts';
import { code } from '../view.ts';
import { listOf, t } from '../words.ts';

/** Each facet's measure: its mean, or the share of its total magnitude on its diagonal; NaN for none. */
function measures(ctx: Ctx, measure: 'mean' | 'diagonal'): { value: number; cells: number }[] {
  const { view } = ctx;
  return view.grid.panels.map((p, pi) => {
    const vals = p.values;
    const C = view.cols;
    let sum = 0;
    let n = 0;
    let diag = 0;
    for (let k = 0; k < vals.length; k++) {
      const x = vals[k]!;
      // Finite: x − x is 0 only for finite numbers.
      if (x - x !== 0) continue;
      n++;
      if (measure === 'mean') sum += x;
      else {
        sum += Math.abs(x);
        if (Math.floor(k / C) === k % C) diag += Math.abs(x);
      }
    }
    const value =
      measure === 'mean'
        ? n
          ? sum / n
          : Number.NaN
        : view.aligned(pi) && sum > 0
          ? diag / sum
          : Number.NaN;
    return { value, cells: n };
  });
}

/**
 * Facets compared (the question a grid of attention heads or of models × tasks asks): the
 * facet with the highest and the lowest mean, and, when every facet is square with the same
 * labels on both axes, the most and least diagonal (the share of its total magnitude on its
 * diagonal: for attention, how much each position attends to itself). Ties at 9 significant
 * digits are named together; three facets or more.
 */
export const facetCompare: Detector<'facet_compare'> = {
  plan: ({ figure, grid, view }) =>
    figure.facets && grid.panels.length >= 3
      ? [
          { measure: 'mean' as const },
          ...(grid.panels.every((_, i) => view.aligned(i))
            ? [{ measure: 'diagonal' as const }]
            : []),
        ]
      : [],

  detect(ctx, p) {
    const measure = p.measure === 'diagonal' ? 'diagonal' : 'mean';
    const panels = ctx.view.grid.panels;
    if (panels.length < 3) return null;
    const m = measures(ctx, measure);
    const ok = m.filter((x) => !Number.isNaN(x.value));
    if (ok.length < 3) return null;
    const hi = Math.max(...ok.map((x) => x.value));
    const lo = Math.min(...ok.map((x) => x.value));
    // Facets whose measures show as one number (attention rows summing to 1 give every facet
    // the same mean, up to float error) are not told apart.
    const show = measure === 'mean' ? ctx.show : (x: number) => share('', x).text;
    if (sameValue(hi, lo, MEAN_TIE) || show(hi) === show(lo)) return null;
    const named = (target: number) =>
      m.flatMap((x, i) =>
        sameValue(x.value, target, MEAN_TIE) ? [panels[i]!.title ?? String(i)] : [],
      );
    const best = named(hi);
    const worst = named(lo);
    // What the facets' levels account for: cells × (facet mean − grand mean)², of the grid's variation.
    const grand = totalVariation(ctx).mean;
    const explained =
      measure === 'mean'
        ? explainedShare(
            ctx,
            m.reduce(
              (s, x) => s + (Number.isNaN(x.value) ? 0 : x.cells * (x.value - grand) ** 2),
              0,
            ),
          )
        : 0;
    const value = measure === 'mean' ? (name: string, x: number) => num(ctx, name, x) : share;
    return {
      kind: 'facet_compare',
      params: { measure },
      facts: { best, worst },
      cells: [],
      labels: [...best, ...worst],
      numbers: [
        count('facets', ok.length),
        value('best', hi),
        value('worst', lo),
        count('bestCount', best.length),
        count('worstCount', worst.length),
        share('explained', explained),
      ],
      rule:
        measure === 'mean'
          ? 'the mean of each facet’s finite cells; the highest and the lowest, with ties (9 significant digits)'
          : 'each facet’s sum of |value| over its diagonal cells as a share of its sum over all its finite cells; the largest and the smallest share, with ties',
      score: measure === 'mean' ? explainedScore(explained, 50) : 70,
    };
  },

  sentence(_w, c) {
    const best = listOf(c.facts.best.map(code));
    const worst = listOf(c.facts.worst.map(code));
    const verb = (names: readonly string[], one: string, many: string) =>
      names.length > 1 ? many : one;
    if (c.params.measure === 'diagonal')
      return `Of the ${t(c, 'facets')} facets, ${best} ${verb(c.facts.best, 'is', 'are')} the most diagonal (${t(c, 'best')} of ${verb(c.facts.best, 'its', 'each one’s')} total on the diagonal) and ${worst} the least (${t(c, 'worst')}).`;
    return `Of the ${t(c, 'facets')} facets, ${best} ${verb(c.facts.best, 'has', 'share')} the highest mean, ${t(c, 'best')}, and ${worst} the lowest, ${t(c, 'worst')}.`;
  },

  interpret: (c) =>
    c.params.measure === 'diagonal'
      ? `If these are attention maps, ${listOf(c.facts.best.map(code))} attends most to the same position and ${listOf(c.facts.worst.map(code))} least.`
      : null,
};
