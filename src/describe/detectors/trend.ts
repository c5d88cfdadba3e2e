import type { Grid } from '../../data/grid.ts';
import type { Params } from '../claims.ts';
import {
  familyOf,
  familyPValues,
  MAX_LINES,
  MAX_TREND_CELLS,
  explainedScore,
  explainedShare,
  lineFit,
  orderedAxis,
  unpairedPanels,
} from '../scan.ts';
import { count, num, pNum, share } from '../claims.ts';
import type { Detector, Grouping, PlanScope } from '../detector.ts';
import {
  lineCount,
  lineKey,
  lineParams,
  lineTrend,
  MIN_TREND_CELLS,
  trendDirection,
} from '../scan.ts';
import { code, type LineKey } from '../view.ts';
import { dirWord, line, lineName, listOf, pText, t, v as numberOf } from '../words.ts';

/**
 * The trends of a panel's rows (or columns) are said in one sentence, grouped by direction;
 * left out where a shared direction (trend_family) says them, and when the only line tested
 * shows none.
 */
const group: Grouping<'trend'> = {
  key: (c, claims) =>
    claims.some(
      (f) =>
        (f.kind === 'trend_family' &&
          f.params.panel === c.params.panel &&
          f.params.line === c.params.line) ||
        // A line that changes level in one step is said by the step's sentence.
        (f.kind === 'step' &&
          f.params.panel === c.params.panel &&
          f.params.line === c.params.line &&
          f.params.key.label === c.params.key.label &&
          f.params.key.n === c.params.key.n),
    )
      ? null
      : `${c.params.panel}/${c.params.line}`,
  // Ranked by the variation the lines' trends account for together.
  score: (cs) =>
    cs.every((c) => c.facts.direction === 'none') && cs.length < 2
      ? null
      : cs.some((c) => c.facts.direction !== 'none')
        ? explainedScore(
            Math.min(
              1,
              cs.reduce((s, c) => s + numberOf(c, 'explained'), 0),
            ),
            55,
          )
        : 25,
  sentence(w, cs) {
    const l = cs[0]!.params.line;
    const title = cs[0]!.params.title;
    // A direction is said with its size: the line's first and last values.
    const by = (d: string) =>
      cs
        .filter((c) => c.facts.direction === d)
        .map(
          (c) =>
            lineName(w, c.params.panel, l, c.params.key).replace(/^(row|column) /, '') +
            (d === 'none' ? '' : ` (${t(c, 'first')} → ${t(c, 'last')})`),
        );
    // Each group names its lines in the right number: "column `20` falls; columns `0`, … show".
    const group = (names: string[], one: string, many: string) =>
      names.length
        ? `${line(l)}${names.length > 1 ? 's' : ''} ${listOf(names)} ${names.length > 1 ? many : one}`
        : '';
    const parts = [
      group(by('down'), 'falls', 'fall'),
      group(by('up'), 'rises', 'rise'),
      group(by('none'), 'shows no consistent trend', 'show no consistent trend'),
    ].filter(Boolean);
    const panel =
      w.grid.panels.length > 1
        ? ` in ${code(w.grid.panels[cs[0]!.params.panel]!.title ?? '')}`
        : '';
    return `Along ${title ? code(title) : `the ${l === 'row' ? 'columns' : 'rows'}`}${panel}, ${parts.join('; ')} (Mann–Kendall test per ${line(l)}, a direction when p < ${t(cs[0]!, 'alpha')} after adjusting for the ${t(cs[0]!, 'tests')} tests in the figure).`;
  },
};

/**
 * Change along an ordered axis (numeric labels, increasing) of one row (along x) or column
 * (along y), over its finite cells: Mann–Kendall S and p; a direction only when p < 0.05
 * with n ≥ 5; "strict" when every step goes that way.
 */
export const trend: Detector<'trend'> = {
  plan: (scope) => trendLines(scope),

  detect(ctx, p) {
    const lp = lineParams(ctx, p);
    if (!lp || lp.v.length < MIN_TREND_CELLS) return null;
    const { panel, line, key, v } = lp;
    const mk = lineTrend(ctx, panel, line, lp.i);
    // Every line of the family is one test of many: its p is adjusted over all of them (Benjamini–Hochberg).
    const family = familyOf(p.family);
    const familyP = familyPValues(ctx, family);
    const adjusted = familyP.get(`trend ${panel} ${line} ${lp.i}`) ?? mk.p;
    const direction = trendDirection(mk, adjusted);
    const strict =
      direction === 'up'
        ? mk.up === v.length - 1
        : direction === 'down'
          ? mk.down === v.length - 1
          : false;
    const title = (p.title as string | null | undefined) ?? null;
    // What the trend accounts for: the sum of squares its least-squares line takes out.
    const explained =
      direction === 'none' ? 0 : explainedShare(ctx, lineFit(ctx, panel, line, lp.i).ssRegression);
    const first = v[0]!;
    const last = v[v.length - 1]!;
    return {
      kind: 'trend',
      params: { panel, line, key, title, family },
      facts: { direction, strict },
      cells: [],
      labels: [key.label, ...(title ? [title] : [])],
      numbers: [
        count('n', v.length),
        count('s', mk.s),
        pNum(adjusted),
        count('tests', familyP.size),
        { name: 'alpha', value: 0.05, text: '0.05' },
        count('up', mk.up),
        count('down', mk.down),
        count('flat', mk.flat),
        num(ctx, 'first', first),
        num(ctx, 'last', last),
        share('explained', explained),
      ],
      rule: `Mann–Kendall test over the ${v.length} finite cells in axis order (${mk.exact ? 'exact' : 'normal approximation, its variance inflated for serial correlation'}); p adjusted (Benjamini–Hochberg) over the ${familyP.size} tests run on the figure's lines (trend and step); a direction needs adjusted p < 0.05 and at least ${MIN_TREND_CELLS} cells`,
      score: direction === 'none' ? 20 : explainedScore(explained, 55),
    };
  },

  sentence(w, c) {
    const key = c.params.key as LineKey;
    const l = c.params.line as 'row';
    const title = c.labels[1]
      ? ` along ${code(c.labels[1])}`
      : ` along the ${l === 'row' ? 'columns' : 'rows'}`;
    const d = c.facts.direction as string;
    const who = lineName(w, c.params.panel as number, l, key).replace(/^./, (x) => x.toUpperCase());
    if (d === 'none')
      return `${who} shows no consistent trend${title} (${t(c, 'down')} of ${Number(t(c, 'n')) - 1} steps down, ${t(c, 'up')} up; Mann–Kendall ${pText(c)}, adjusted for the ${t(c, 'tests')} tests in the figure).`;
    return `${who} ${c.facts.strict ? 'strictly ' : ''}${dirWord(d)}${title}, from ${t(c, 'first')} to ${t(c, 'last')} over ${t(c, 'n')} cells (Mann–Kendall ${pText(c)}, adjusted for the ${t(c, 'tests')} tests in the figure).`;
  },
  group,
};

/** Every line of the axes tested for trends: what the trend and step detectors each plan. */
export const trendLines = (scope: PlanScope): Params<'trend'>[] =>
  trendAxes(scope).flatMap(({ panel, line, title, family }) =>
    Array.from({ length: lineCount(scope.view, panel, line) }, (_, i) => ({
      panel,
      line,
      key: lineKey(scope.view, panel, line, i),
      title,
      family,
    })),
  );

/**
 * The rows and columns tested for trends, one family for the whole figure: each panel's
 * lines along an axis whose labels are ordered numbers, panels not paired, and never along
 * rows and columns that name the same things (a confusion or attention matrix's categories).
 */
export function trendAxes(scope: PlanScope): Params<'trend_family'>[] {
  const { figure, grid, paired, view } = scope;
  const axes = unpairedPanels(grid, paired).flatMap((panel) => {
    if (view.aligned(panel)) return [];
    const rows = grid.panels[panel]!.rows;
    const out: Omit<Params<'trend_family'>, 'family'>[] = [];
    if (
      orderedAxis(grid.colLabels) &&
      grid.cols <= MAX_TREND_CELLS &&
      rows <= MAX_LINES &&
      !tiesAsRead(grid, panel, 'row')
    )
      out.push({ panel, line: 'row', title: figure.xlabel });
    if (
      orderedAxis(grid.panels[panel]!.rowLabels) &&
      rows <= MAX_TREND_CELLS &&
      grid.cols <= MAX_LINES &&
      !tiesAsRead(grid, panel, 'col')
    )
      out.push({ panel, line: 'col', title: figure.ylabel });
    return out;
  });
  const family = axes.map(({ panel, line }) => ({ panel, line }));
  return axes.map((a) => ({ ...a, family }));
}

/**
 * Whether a grid read from an image's pixels (from its colours, or from numbers printed in a
 * format of varying decimals) has a line (row or column of the panel) with two values that
 * read the same. They may be in either order in the figure's data, and a rank test's
 * statistic (Mann–Kendall's S) and its p would be stated finer than the image holds. Such an
 * axis is not tested (its lines are one family of tests: one line's ties move every p).
 */
function tiesAsRead(grid: Grid, panel: number, line: 'row' | 'col'): boolean {
  // Numbers printed with fixed decimals are tested as printed, ties and all (asPrinted).
  if (grid.readUncertainty === undefined || grid.printedDecimals !== undefined) return false;
  const p = grid.panels[panel]!;
  const C = grid.cols;
  const [lines, len] = line === 'row' ? [p.rows, C] : [C, p.rows];
  const seen = new Set<number>();
  for (let i = 0; i < lines; i++) {
    seen.clear();
    for (let j = 0; j < len; j++) {
      const x = line === 'row' ? p.values[i * C + j]! : p.values[j * C + i]!;
      if (x !== x) continue;
      // A Set holds 0 and -0 as one: "-0.00" and "0.00" are a tie (either may be 0).
      if (seen.has(x)) return true;
      seen.add(x);
    }
  }
  return false;
}
