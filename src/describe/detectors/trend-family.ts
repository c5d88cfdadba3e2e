import { count, share } from '../claims.ts';
import type { Detector } from '../detector.ts';
import {
  explainedScore,
  explainedShare,
  familyOf,
  familyPValues,
  lineFit,
  lineCount,
  lineKey,
  lineStepHolds,
  lineTrend,
  MIN_TREND_CELLS,
  trendDirection,
} from '../scan.ts';
import { code, type LineKey } from '../view.ts';
import { dirWord, line, listOf, t } from '../words.ts';
import { trendAxes } from './trend.ts';

/**
 * A direction shared by more than 75% of the rows (or columns) tested, with fewer than 5
 * exceptions: each line's Mann–Kendall direction, or its step's where the trend test finds none.
 */
export const trendFamily: Detector<'trend_family'> = {
  plan: (scope) => trendAxes(scope),

  detect(ctx, p) {
    const { view } = ctx;
    const panel = Number(p.panel ?? 0);
    const line = p.line === 'col' ? 'col' : 'row';
    const title = (p.title as string | null | undefined) ?? null;
    const family = familyOf(p.family);
    const adjusted = familyPValues(ctx, family);
    // The lines the trend detector tests (MIN_TREND_CELLS finite cells or more), with its direction.
    const results: { key: LineKey; dir: 'up' | 'down' | 'none'; ss: number }[] = [];
    for (let i = 0; i < lineCount(view, panel, line); i++) {
      if (view.finiteLine(panel, line, i).length < MIN_TREND_CELLS) continue;
      const key = lineKey(view, panel, line, i);
      const mk = lineTrend(ctx, panel, line, i);
      const dir = trendDirection(mk, adjusted.get(`trend ${panel} ${line} ${i}`) ?? mk.p);
      if (dir !== 'none') {
        results.push({ key, dir, ss: lineFit(ctx, panel, line, i).ssRegression });
        continue;
      }
      // A line with no monotone trend may still change level in one step (the step detector's test).
      const s = lineStepHolds(ctx, family, panel, line, i);
      results.push({ key, dir: s?.direction ?? 'none', ss: s ? s.ssTotal - s.sseStep : 0 });
    }
    if (results.length < 3) return null;
    for (const dir of ['down', 'up'] as const) {
      const same = results.filter((r) => r.dir === dir);
      const others = results.filter((r) => r.dir !== dir);
      if (same.length / results.length > 0.75 && others.length < 5) {
        // What the shared direction accounts for: the sums of squares its lines' fits take out.
        const explained = explainedShare(
          ctx,
          same.reduce((s, r) => s + r.ss, 0),
        );
        return {
          kind: 'trend_family',
          params: { panel, line, title, family },
          facts: {
            direction: dir,
            exceptions: others.map((o) => ({ key: o.key, direction: o.dir })),
          },
          cells: [],
          labels: [...others.map((o) => o.key.label), ...(title ? [title] : [])],
          numbers: [
            count('same', same.length),
            count('tested', results.length),
            share('explained', explained),
          ],
          rule: 'the trend test of each line, or where it finds none, the step test; a shared direction needs more than 75% of the lines tested and fewer than 5 exceptions',
          score: explainedScore(explained, 60),
        };
      }
    }
    return null;
  },

  sentence(_w, c) {
    const ex = c.facts.exceptions as { key: LineKey; direction: string }[];
    const l = c.params.line as 'row';
    const title =
      c.labels.length > ex.length ? ` along ${code(c.labels[c.labels.length - 1]!)}` : '';
    const base = `Values ${c.facts.direction === 'up' ? 'rise' : 'fall'}${title} in ${t(c, 'same')} of ${t(c, 'tested')} ${line(l)}s (a Mann–Kendall trend or a step in level per ${line(l)})`;
    if (ex.length === 0) return `${base}.`;
    return `${base}; the ${ex.length === 1 ? 'exception is' : 'exceptions are'} ${listOf(ex.map((e) => `${code(e.key.label)} (${e.direction === 'none' ? 'no consistent trend' : dirWord(e.direction)})`))}.`;
  },

  interpret: (c) => {
    const along = c.params.title ? `with ${code(c.params.title)}` : 'along this axis';
    const ex = c.facts.exceptions.filter((e) => e.direction !== 'none');
    const but = ex.length
      ? `, while ${listOf(ex.map((e) => code(e.key.label)))} ${dirWord(ex[0]!.direction).replace(/s$/, ex.length > 1 ? '' : 's')}`
      : '';
    return `Read together, the values ${c.facts.direction === 'up' ? 'grow' : 'decline'} ${along} for most ${line(c.params.line)}s${but}; the figure shows the association, not its cause.`;
  },
};
