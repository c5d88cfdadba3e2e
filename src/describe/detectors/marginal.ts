import { count, num, share } from '../claims.ts';
import type { Detector } from '../detector.ts';
import {
  explainedScore,
  explainedShare,
  lineCount,
  lineKey,
  lineMeans,
  totalVariation,
} from '../scan.ts';
import { MEAN_TIE, sameValue } from '../stats.ts';
import type { LineKey } from '../view.ts';
import { lineName, listOf, t } from '../words.ts';
import { maxOf, minOf } from '../../util/extent.ts';

/** The row or column with the highest (or lowest) mean of finite values, with ties; only for 3 or more lines of one panel. */
export const marginal: Detector<'marginal'> = {
  plan: ({ grid }) =>
    grid.panels.length === 1
      ? (['row', 'col'] as const).flatMap((axis) =>
          (['best', 'worst'] as const).map((which) => ({ panel: 0, axis, which })),
        )
      : [],

  detect(ctx, p) {
    const { view } = ctx;
    const axis = p.axis === 'col' ? 'col' : 'row';
    const which = p.which === 'worst' ? 'worst' : 'best';
    const panel = Number(p.panel ?? 0);
    const n = lineCount(view, panel, axis);
    if (n < 3) return null;
    // The best and the worst line ask for the same means.
    const { means, counts } = lineMeans(ctx, panel, axis);
    const ok = Array.from(means).filter((m) => !Number.isNaN(m));
    // Means equal but for float rounding are one mean (see MEAN_TIE): all lines tied say nothing.
    if (ok.length < 3 || sameValue(maxOf(ok), minOf(ok), MEAN_TIE)) return null;
    const target = which === 'best' ? maxOf(ok) : minOf(ok);
    const idx: number[] = [];
    for (let i = 0; i < means.length; i++) if (sameValue(means[i]!, target, MEAN_TIE)) idx.push(i);
    const keys = idx.map((i) => lineKey(view, panel, axis, i));
    // What the lines' level accounts for: cells × (line mean − grand mean)², as a share of the grid's variation.
    const grand = totalVariation(ctx).mean;
    const explained = explainedShare(
      ctx,
      idx.reduce((s, i) => s + counts[i]! * (means[i]! - grand) ** 2, 0),
    );
    return {
      kind: 'marginal',
      params: { panel, axis, which },
      facts: { lines: keys },
      cells: [],
      labels: keys.map((k) => k.label),
      numbers: [
        num(ctx, 'mean', target),
        count('lines', idx.length),
        share('explained', explained),
      ],
      rule: `the ${axis} with the ${which === 'best' ? 'highest' : 'lowest'} mean of its finite values, with ties (means equal to 9 significant digits)`,
      score: explainedScore(explained, 40) - (which === 'best' ? 0 : 0.01),
    };
  },

  sentence(w, c) {
    const keys = c.facts.lines as LineKey[];
    const what = c.params.which === 'best' ? 'highest' : 'lowest';
    const l = c.params.axis as 'row';
    const names = listOf(keys.map((k) => lineName(w, c.params.panel as number, l, k)));
    return `${names} ${keys.length > 1 ? 'share' : 'has'} the ${what} mean, ${t(c, 'mean')}.`.replace(
      /^(the )?./,
      (x) => x.charAt(0).toUpperCase() + x.slice(1),
    );
  },
};
