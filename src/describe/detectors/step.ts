import { count, num, pNum, share } from '../claims.ts';
import type { Detector, Grouping } from '../detector.ts';
import { explainedScore, explainedShare, familyOf, lineParams, lineStepHolds } from '../scan.ts';
import { code } from '../view.ts';
import { line, lineName, listOf, t, v } from '../words.ts';
import { trendLines } from './trend.ts';

/** A panel's steps are said in one sentence, those down before those up. */
const group: Grouping<'step'> = {
  key: (c) => `${c.params.panel}/${c.params.line}`,
  score: (cs) =>
    explainedScore(
      Math.min(
        1,
        cs.reduce((s, c) => s + v(c, 'explained'), 0),
      ),
      55,
    ),
  sentence(w, cs) {
    const l = cs[0]!.params.line;
    const title = cs[0]!.params.title;
    const part = (d: 'down' | 'up') => {
      const these = cs.filter((c) => c.facts.direction === d);
      if (!these.length) return '';
      const names = these.map(
        (c) =>
          `${lineName(w, c.params.panel, l, c.params.key).replace(/^(row|column) /, '')} (${t(c, 'before')} → ${t(c, 'after')} between ${code(c.facts.before)} and ${code(c.facts.after)})`,
      );
      return `${line(l)}${these.length > 1 ? 's' : ''} ${listOf(names)} ${d === 'down' ? 'drop' : 'rise'}${these.length > 1 ? '' : 's'}`;
    };
    const panel =
      w.grid.panels.length > 1
        ? ` in ${code(w.grid.panels[cs[0]!.params.panel]!.title ?? '')}`
        : '';
    const parts = [part('down'), part('up')].filter(Boolean);
    return `Along ${title ? code(title) : `the ${l === 'row' ? 'columns' : 'rows'}`}${panel}, ${parts.join('; ')} in one step, from one level to another (mean before → mean after; two levels fit better than a line, p < ${t(cs[0]!, 'alpha')} after adjusting for the ${t(cs[0]!, 'tests')} tests in the figure).`;
  },
};

/**
 * A change in level along an ordered axis: the line's finite cells fit two levels (before
 * and after one position) better than a straight line, leaving at most 70% of its squared
 * error, and the change is unlikely in noise (pooled t over the best split, Bonferroni over
 * the splits, shrunk for serial correlation; Benjamini–Hochberg over the figure's trend and
 * step tests together), with at least half of it between the two cells either side.
 * Seed 001's `h` drops between lengths 2 and 3 and stays lower. Lines with at least 6
 * finite cells, on the axes tested for trends.
 */
export const step: Detector<'step'> = {
  plan: (scope) => trendLines(scope),

  detect(ctx, p) {
    const lp = lineParams(ctx, p);
    if (!lp) return null;
    const { panel, line: l, key, i } = lp;
    const family = familyOf(p.family);
    const s = lineStepHolds(ctx, family, panel, l, i);
    if (!s) return null;
    // The axis positions either side of the step: the labels of the finite cells it falls between.
    const all = ctx.view.line(panel, l, i);
    const finiteAt = all.flatMap((v, j) => (Number.isFinite(v) ? [j] : []));
    const axisLabels =
      l === 'row' ? ctx.view.grid.colLabels : ctx.view.grid.panels[panel]!.rowLabels;
    const before = axisLabels[finiteAt[s.at - 1]!]!;
    const after = axisLabels[finiteAt[s.at]!]!;
    const title = (p.title as string | null | undefined) ?? null;
    const explained = explainedShare(ctx, s.ssTotal - s.sseStep);
    return {
      kind: 'step',
      params: { panel, line: l, key, title, family },
      facts: { direction: s.direction, before, after },
      cells: [],
      labels: [key.label, before, after, ...(title ? [title] : [])],
      numbers: [
        num(ctx, 'before', s.before),
        num(ctx, 'after', s.after),
        count('cellsBefore', s.at),
        pNum(s.adjusted),
        count('tests', s.tests),
        { name: 'alpha', value: 0.05, text: '0.05' },
        share('explained', explained),
      ],
      rule: `two levels (the means before and after the split leaving the least squared error) leave at most 70% of a least-squares line's squared error, and the change has p < 0.05 (pooled t over the best split, Bonferroni over the splits tried, shrunk for lag-1 autocorrelation of the residuals) with at least half of the change between the two cells either side, after Benjamini–Hochberg over the ${s.tests} tests in the figure`,
      score: explainedScore(explained, 55),
    };
  },

  sentence: (w, c) => group.sentence(w, [c]),
  group,
};
