import { count, pNum } from '../claims.ts';
import type { Detector } from '../detector.ts';
import { mannKendall, mean } from '../stats.ts';
import { code } from '../view.ts';
import { pText, t } from '../words.ts';
import { makeFormatter } from '../../format/number.ts';

/** Paired target and output panels: mean |output − target| per segment of columns, and whether it grows (Mann–Kendall over the per-column error). */
export const errorGrowth: Detector<'error_growth'> = {
  plan: ({ figure, grid, paired }) => {
    const starts = figure.separators?.cols.length
      ? [0, ...figure.separators.cols]
      : [0, 1, 2, 3].map((i) => Math.floor((i * grid.cols) / 4));
    return paired.map(([targets, outputs]) => ({
      targets,
      outputs,
      segments: [...new Set(starts)],
    }));
  },

  detect(ctx, p) {
    const { view } = ctx;
    const t = Number(p.targets);
    const o = Number(p.outputs);
    const starts = (p.segments as number[]) ?? [0];
    if (view.rows(t) !== view.rows(o) || view.rows(t) === 0) return null;
    const perCol: number[] = [];
    for (let c = 0; c < view.cols; c++) {
      const e: number[] = [];
      for (let r = 0; r < view.rows(t); r++) {
        const d = Math.abs(view.value(o, r, c) - view.value(t, r, c));
        if (Number.isFinite(d)) e.push(d);
      }
      perCol.push(e.length ? mean(e) : Number.NaN);
    }
    const bounds = [...starts, view.cols];
    const segs = starts.map((s, i) => {
      const e = perCol.slice(s, bounds[i + 1]).filter(Number.isFinite);
      return e.length ? mean(e) : Number.NaN;
    });
    const mk = mannKendall(perCol.filter(Number.isFinite));
    const direction = mk.p < 0.05 && mk.n >= 5 ? (mk.s > 0 ? 'up' : 'down') : 'none';
    const increasing = segs.every((s, i) => i === 0 || s > segs[i - 1]!);
    const f = makeFormatter('.3f');
    const tp = view.grid.panels[t]!.title ?? '';
    const op = view.grid.panels[o]!.title ?? '';
    return {
      kind: 'error_growth',
      params: { targets: t, outputs: o, segments: starts },
      facts: { direction, segmentsIncreasing: increasing },
      cells: [],
      labels: [tp, op],
      numbers: [
        ...segs.map((s, i) => ({ name: `seg${i + 1}`, value: s, text: f(s) })),
        count('segments', segs.length),
        count('targetsPanel', t + 1),
        count('outputsPanel', o + 1),
        pNum(mk.p),
      ],
      rule: 'mean absolute difference between paired cells, per segment of columns; growth by the Mann–Kendall test over the per-column error (p < 0.05)',
      score: 88,
    };
  },

  sentence(w, c) {
    const segs = c.numbers.filter((x) => /^seg\d+$/.test(x.name)).map((x) => x.text);
    const [a, b] = c.labels;
    const which =
      w.grid.panels.length > 2
        ? ` (panels ${t(c, 'targetsPanel')} and ${t(c, 'outputsPanel')})`
        : '';
    const d = c.facts.direction;
    const verb = d === 'up' ? 'grows' : d === 'down' ? 'shrinks' : 'shows no consistent trend';
    // The first and last segments give the size; every segment's value is in the claim.
    return `Between ${code(a ?? '')} and ${code(b ?? '')}${which}, the mean absolute difference ${verb} over time, from ${segs[0]} in the first of ${t(c, 'segments')} segments to ${segs[segs.length - 1]} in the last (Mann–Kendall ${pText(c)} over columns).`;
  },

  interpret: (c) =>
    c.facts.direction === 'up'
      ? 'The outputs follow the targets less closely later in the sequence.'
      : null,
};
