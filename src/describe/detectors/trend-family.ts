import { count } from '../claims.ts';
import type { Detector } from '../detector.ts';
import {
  familyOf,
  familyPValues,
  lineCount,
  lineKey,
  lineTrend,
  MIN_TREND_CELLS,
  trendDirection,
} from '../scan.ts';
import { code, type LineKey } from '../view.ts';
import { dirWord, line, listOf, t } from '../words.ts';
import { trendAxes } from './trend.ts';

/** A direction shared by more than 75% of the rows (or columns) tested, with fewer than 5 exceptions. */
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
    const results: { key: LineKey; dir: 'up' | 'down' | 'none' }[] = [];
    for (let i = 0; i < lineCount(view, panel, line); i++) {
      if (view.finiteLine(panel, line, i).length < MIN_TREND_CELLS) continue;
      const key = lineKey(view, panel, line, i);
      const mk = lineTrend(ctx, panel, line, i);
      results.push({ key, dir: trendDirection(mk, adjusted.get(`${panel} ${line} ${i}`) ?? mk.p) });
    }
    if (results.length < 3) return null;
    for (const dir of ['down', 'up'] as const) {
      const same = results.filter((r) => r.dir === dir);
      const others = results.filter((r) => r.dir !== dir);
      if (same.length / results.length > 0.75 && others.length < 5) {
        return {
          kind: 'trend_family',
          params: { panel, line, title, family },
          facts: {
            direction: dir,
            exceptions: others.map((o) => ({ key: o.key, direction: o.dir })),
          },
          cells: [],
          labels: [...others.map((o) => o.key.label), ...(title ? [title] : [])],
          numbers: [count('same', same.length), count('tested', results.length)],
          rule: 'the trend test of each line; a shared direction needs more than 75% of the lines tested and fewer than 5 exceptions',
          score: 76,
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
    const base = `Values ${c.facts.direction === 'up' ? 'rise' : 'fall'}${title} in ${t(c, 'same')} of ${t(c, 'tested')} ${line(l)}s (Mann–Kendall test per ${line(l)})`;
    if (ex.length === 0) return `${base}.`;
    return `${base}; the ${ex.length === 1 ? 'exception is' : 'exceptions are'} ${listOf(ex.map((e) => `${code(e.key.label)} (${e.direction === 'none' ? 'no consistent trend' : dirWord(e.direction)})`))}.`;
  },

  interpret: (c) =>
    `Read together, the trends suggest the values ${c.facts.direction === 'up' ? 'grow' : 'decline'} along this axis for most ${line(c.params.line)}s; the figure shows the association, not its cause.`,
};
