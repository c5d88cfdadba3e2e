import { count, share } from '../claims.ts';
import type { Detector } from '../detector.ts';
import { alignedPanel, eachAlignedPanel } from '../scan.ts';
import { code } from '../view.ts';
import { t, v } from '../words.ts';

/** Aligned square panel, non-negative: the share of the total within one step of the diagonal. */
export const band: Detector<'band'> = {
  plan: eachAlignedPanel,

  detect(ctx, p) {
    const at = alignedPanel(ctx, p);
    if (!at) return null;
    const { panel, n, vals } = at;
    let inBand = 0;
    let total = 0;
    for (let k = 0; k < vals.length; k++) {
      const v = vals[k]!;
      if (v - v !== 0) continue;
      if (v < 0) return null;
      total += v;
      const d = ((k / n) | 0) - (k % n);
      if (d >= -1 && d <= 1) inBand += v;
    }
    if (!(total > 0) || n < 8) return null;
    // Under an even spread the band would hold (3n − 2) / n² of the total.
    const even = (3 * n - 2) / (n * n);
    const concentrated = inBand / total >= Math.max(0.5, 1.5 * even);
    return {
      kind: 'band',
      params: { panel },
      facts: { concentrated },
      cells: [],
      labels: [],
      numbers: [
        share('share', inBand / total),
        share('even', even),
        count('panels', ctx.view.grid.panels.length),
      ],
      rule: 'the sum of cells with |row − column| ≤ 1 over the sum of all cells; notable when at least half of it and 1.5 times its share under an even spread',
      score: concentrated ? 95 : 0,
    };
  },

  sentence(_w, c) {
    return c.facts.concentrated
      ? `${t(c, 'share')} of the total lies within one step of the diagonal (${t(c, 'even')} under an even spread).`
      : null;
  },

  // The panels of a grid of facets (attention heads) are said in one sentence: how many are
  // concentrated on the diagonal, and the least and most.
  group: {
    key: (c) => (c.facts.concentrated ? 'band' : null),
    score: () => 95,
    sentence(w, cs) {
      const one = cs[0]!;
      if (cs.length === 1 && w.grid.panels.length === 1) return band.sentence(w, one)!;
      const sorted = [...cs].sort((a, b) => v(a, 'share') - v(b, 'share'));
      const lo = sorted[0]!;
      const hi = sorted[sorted.length - 1]!;
      const title = (c: (typeof cs)[number]) => code(w.grid.panels[c.params.panel]?.title ?? '');
      const what = w.figure.facets ? 'facets' : 'panels';
      if (cs.length === 1)
        return `In ${title(one)} (one of ${t(one, 'panels')} ${what}), ${t(one, 'share')} of the total lies within one step of the diagonal (${t(one, 'even')} under an even spread).`;
      return `In ${cs.length} of ${t(one, 'panels')} ${what}, most of the total lies within one step of the diagonal: from ${t(lo, 'share')} in ${title(lo)} to ${t(hi, 'share')} in ${title(hi)} (${t(one, 'even')} under an even spread).`;
    },
  },
};
