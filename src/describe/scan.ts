/**
 * Scanning a grid for the detectors: finite cells in order, the cells that pass a test, the
 * line a per-line claim names, and a line's trend test (computed once per line and shared).
 */
import type { Ctx } from './claims.ts';
import {
  benjaminiHochberg,
  type LineFit,
  linearFit,
  type MannKendall,
  mannKendall,
  type StepFit,
  stepFit,
} from './stats.ts';
import type { Grid } from '../data/grid.ts';
import { type Calibrations, pooledLagOne } from './serial.ts';
import type { GridView, LineKey } from './view.ts';

/** Calls fn for each finite cell of a panel (or of all panels), in order. */
export function eachCell(
  view: GridView,
  fn: (p: number, r: number, c: number, v: number) => void,
  panel: number | null = null,
): void {
  const C = view.cols;
  const panels = view.grid.panels;
  for (let p = 0; p < panels.length; p++) {
    if (panel !== null && p !== panel) continue;
    const vals = panels[p]!.values;
    for (let k = 0; k < vals.length; k++) {
      const v = vals[k]!;
      if (v - v === 0) fn(p, (k / C) | 0, k % C, v);
    }
  }
}

/** The first `max` finite cells (or, with `infinite`, any but missing) (panel, row, column, value) that `keep` accepts, in order. */
export function cellsWhere(
  view: GridView,
  keep: (v: number) => boolean,
  max = Infinity,
  infinite = false,
): [number, number, number, number][] {
  const out: [number, number, number, number][] = [];
  const C = view.cols;
  const panels = view.grid.panels;
  for (let p = 0; p < panels.length; p++) {
    const vals = panels[p]!.values;
    for (let k = 0; k < vals.length && out.length < max; k++) {
      const v = vals[k]!;
      if ((v - v === 0 || (infinite && v === v)) && keep(v)) out.push([p, (k / C) | 0, k % C, v]);
    }
  }
  return out;
}

/** True if some cell of some panel is missing (NaN). */
export function anyMissing(view: GridView): boolean {
  for (const p of view.grid.panels) {
    const vals = p.values;
    for (let k = 0; k < vals.length; k++) if (vals[k] !== vals[k]) return true;
  }
  return false;
}

export const lineKey = (view: GridView, panel: number, line: 'row' | 'col', i: number): LineKey =>
  line === 'row' ? view.rowKey(panel, i) : view.colKey(i);
export const lineIndex = (view: GridView, panel: number, line: 'row' | 'col', key: LineKey) =>
  line === 'row' ? view.findRow(panel, key) : view.findCol(key);
export const lineCount = (view: GridView, panel: number, line: 'row' | 'col') =>
  line === 'row' ? view.rows(panel) : view.cols;

/** The panel, line, key and index of the line a per-line claim names, and its finite values; null if there is no such line. */
export function lineParams(
  ctx: Ctx,
  p: { readonly panel?: unknown; readonly line?: unknown; readonly key?: unknown },
): { panel: number; line: 'row' | 'col'; key: LineKey; i: number; v: readonly number[] } | null {
  const panel = Number(p.panel ?? 0);
  const line = p.line === 'col' ? 'col' : 'row';
  const key = p.key as LineKey;
  const i = lineIndex(ctx.view, panel, line, key);
  if (i < 0) return null;
  return { panel, line, key, i, v: ctx.view.finiteLine(panel, line, i) };
}

/**
 * The Mann–Kendall test of a line's finite values (computed once: two detectors ask for it),
 * run on their ranks among all the finite values, which compare as the values do.
 */
export function lineTrend(ctx: Ctx, panel: number, line: 'row' | 'col', i: number): MannKendall {
  return ctx.once(`mk ${panel} ${line} ${i}`, () =>
    mannKendall(
      lineRanks(ctx, panel, line, i),
      ctx.once('exact distributions', () => new Map()),
      sharedAutocorrelation(ctx, panel, line),
    ),
  );
}

/** A line's finite cells as their ranks among the panel's finite values, in axis order. */
function lineRanks(ctx: Ctx, panel: number, line: 'row' | 'col', i: number): Int32Array {
  const cellRanks = ctx.once(`ranks ${panel}`, () => panelRanks(ctx, panel));
  const C = ctx.view.cols;
  const start = line === 'row' ? i * C : i;
  const step = line === 'row' ? 1 : C;
  const count = line === 'row' ? C : ctx.view.rows(panel);
  const ranks = new Int32Array(count);
  let n = 0;
  for (let j = 0, k = start; j < count; j++, k += step) {
    const r = cellRanks[k]!;
    if (r >= 0) ranks[n++] = r;
  }
  return ranks.subarray(0, n);
}

/** The description's cache of AR(1) calibrations (see sharedLagOne). */
export const calibrationsOf = (ctx: Ctx): Calibrations => ctx.once('calibrations', () => new Map());

/**
 * The lag-1 autocorrelation of the noise the lines of one axis share, estimated from all of
 * them: a figure's rows are measured alike, and twenty cells say little about one row's
 * (AR(1) noise with φ = 0.8 reads as anything from −0.2 to 0.9 in one row of 20). On the
 * cells' ranks, each line's trend or step is taken out (bestFitLagOne), so that a shape the
 * line has is not mistaken for noise; the residuals' lag-1 products and squares are summed over
 * all lines, and their ratio is turned into φ by inverting what detrending does to it
 * (unbiasedLagOne; a step fit absorbs a little more, so φ is if anything underestimated).
 * −∞ (no evidence) with fewer than two lines.
 */
export function sharedAutocorrelation(ctx: Ctx, panel: number, line: 'row' | 'col'): number {
  return ctx.once(`r1 ${panel} ${line}`, () => {
    const lines = Array.from({ length: lineCount(ctx.view, panel, line) }, (_, i) =>
      lineRanks(ctx, panel, line, i),
    ).filter((r) => r.length >= MIN_TREND_CELLS);
    return pooledLagOne(lines, calibrationsOf(ctx));
  });
}

/**
 * The rank of each cell of a panel among all the finite values (equal values, 0 and -0
 * included, share a rank), or -1 where the cell is not finite: worked out once, so that the
 * trend tests of a hundred lines read whole numbers.
 */
function panelRanks(ctx: Ctx, panel: number): Int32Array {
  const rankOf = ctx.once('rank of', () => {
    const sorted = ctx.sorted();
    const ranks = new Map<number, number>();
    for (let k = 0; k < sorted.length; k++)
      if (!ranks.has(sorted[k]!)) ranks.set(sorted[k]!, ranks.size);
    return ranks;
  });
  const values = ctx.view.grid.panels[panel]!.values;
  const out = new Int32Array(values.length);
  for (let k = 0; k < values.length; k++) out[k] = rankOf.get(values[k]!) ?? -1;
  return out;
}

/**
 * The mean and count of each line's finite values, for the rows and the columns of a panel
 * in one pass over its cells (computed once per panel). Each line is summed in axis order, as
 * `mean` sums its finite values, so the means are the same numbers, without an array per line.
 */
export function lineMeans(
  ctx: Ctx,
  panel: number,
  axis: 'row' | 'col',
): { readonly means: Float64Array; readonly counts: Float64Array } {
  const both = ctx.once(`line means ${panel}`, () => {
    const C = ctx.view.cols;
    const R = ctx.view.rows(panel);
    const values = ctx.view.grid.panels[panel]!.values;
    const rowSum = new Float64Array(R);
    const rowCount = new Float64Array(R);
    const colSum = new Float64Array(C);
    const colCount = new Float64Array(C);
    for (let r = 0; r < R; r++) {
      let sum = 0;
      let n = 0;
      for (let c = 0, k = r * C; c < C; c++, k++) {
        const v = values[k]!;
        // Finite: v − v is 0 only for finite numbers.
        if (v - v !== 0) continue;
        sum += v;
        n++;
        colSum[c]! += v;
        colCount[c]!++;
      }
      rowSum[r] = n ? sum / n : Number.NaN;
      rowCount[r] = n;
    }
    for (let c = 0; c < C; c++) colSum[c] = colCount[c]! ? colSum[c]! / colCount[c]! : Number.NaN;
    return {
      row: { means: rowSum, counts: rowCount },
      col: { means: colSum, counts: colCount },
    };
  });
  return both[axis];
}

/** Finite cells a line needs for its trend to be tested. */
export const MIN_TREND_CELLS = 5;

/** A trend's direction: up or down when its (family-adjusted) p < 0.05, else none. */
export const trendDirection = (
  mk: Pick<MannKendall, 's' | 'p'>,
  p = mk.p,
): 'up' | 'down' | 'none' => (p < 0.05 ? (mk.s > 0 ? 'up' : 'down') : 'none');

/** The axes whose lines are tested for trends together: a figure's family of tests. */
export type TrendFamily = readonly { readonly panel: number; readonly line: 'row' | 'col' }[];

/**
 * The family-adjusted p-value of every test run on the family's lines (Benjamini–Hochberg
 * over them all: each line's Mann–Kendall test when it has MIN_TREND_CELLS finite cells, and
 * its step test when it has 6), by `trend panel line index` and `step panel line index`;
 * computed once per family. One family for both tests, so that a grid of noise gets a
 * sentence of either kind no more often than the error rate.
 */
export function familyPValues(ctx: Ctx, family: TrendFamily): Map<string, number> {
  return ctx.once(`family ${JSON.stringify(family)}`, () => {
    const keys: string[] = [];
    const ps: number[] = [];
    for (const { panel, line } of family) {
      if (panel < 0 || panel >= ctx.view.grid.panels.length) continue;
      for (let i = 0; i < lineCount(ctx.view, panel, line); i++) {
        if (ctx.view.finiteLine(panel, line, i).length >= MIN_TREND_CELLS) {
          keys.push(`trend ${panel} ${line} ${i}`);
          ps.push(lineTrend(ctx, panel, line, i).p);
        }
        const step = lineStep(ctx, panel, line, i);
        if (step) {
          keys.push(`step ${panel} ${line} ${i}`);
          ps.push(step.p);
        }
      }
    }
    const adjusted = benjaminiHochberg(ps);
    return new Map(keys.map((k, j) => [k, adjusted[j]!]));
  });
}

/** The least-squares line through a line's finite values (computed once per line: the trend and its family both ask). */
export function lineFit(ctx: Ctx, panel: number, line: 'row' | 'col', i: number): LineFit {
  return ctx.once(`fit ${panel} ${line} ${i}`, () =>
    linearFit(ctx.view.finiteLine(panel, line, i)),
  );
}

/** The best step in level of a line's finite values (computed once per line). */
export function lineStep(ctx: Ctx, panel: number, line: 'row' | 'col', i: number): StepFit | null {
  return ctx.once(`step ${panel} ${line} ${i}`, () =>
    stepFit(ctx.view.finiteLine(panel, line, i), sharedAutocorrelation(ctx, panel, line)),
  );
}

/** A step leaves at most this share of a straight line's squared error: the line changes level, not slope. */
export const STEP_FIT = 0.7;
/** At least this share of a step's change happens between the two cells either side of it. */
export const SHARP = 0.5;

/**
 * A line's step in level, when it holds: its family-adjusted p < 0.05, the two levels fit
 * the line clearly better than a straight line (STEP_FIT), and the change happens at once
 * (SHARP). With its direction and adjusted p.
 */
export function lineStepHolds(
  ctx: Ctx,
  family: TrendFamily,
  panel: number,
  line: 'row' | 'col',
  i: number,
): (StepFit & { direction: 'up' | 'down'; adjusted: number; tests: number }) | null {
  const fit = lineStep(ctx, panel, line, i);
  if (!fit) return null;
  const ps = familyPValues(ctx, family);
  const adjusted = ps.get(`step ${panel} ${line} ${i}`) ?? fit.p;
  // A step happens at once: most of the change between the levels is the change between the
  // two cells either side (serially correlated noise drifts there over several cells instead).
  const sharp = Math.abs(fit.jump) >= SHARP * Math.abs(fit.after - fit.before);
  if (!(adjusted < 0.05) || !(fit.sseStep <= STEP_FIT * fit.sseLine) || !sharp) return null;
  return {
    ...fit,
    direction: fit.after > fit.before ? 'up' : 'down',
    adjusted,
    tests: ps.size,
  };
}

/** A family from a claim's parameters, as anyone may have written them. */
export function familyOf(raw: unknown): TrendFamily {
  if (!Array.isArray(raw)) return [];
  return raw
    .filter((x) => x && typeof x === 'object')
    .map((x) => ({
      panel: Number(x.panel ?? 0),
      line: x.line === 'col' ? ('col' as const) : ('row' as const),
    }));
}

/** True if labels read as an ordered axis: all numbers, strictly increasing. */
export function orderedAxis(labels: readonly string[]): boolean {
  if (labels.length < 5) return false;
  const v = labels.map((l) => (l.trim() === '' ? Number.NaN : Number(l)));
  return v.every((x, i) => Number.isFinite(x) && (i === 0 || x > v[i - 1]!));
}

/** Lines (rows or columns) a per-line detector looks at, at most; past it only whole-grid detectors run. */
export const MAX_LINES = 50;
/** Cells per line the trend test runs on, at most (it is quadratic). */
export const MAX_TREND_CELLS = 400;

/** The panels whose rows and columns name the same things (square, same labels). */
export const alignedPanels = (grid: Grid, view: GridView): number[] =>
  grid.panels.flatMap((_, p) => (view.aligned(p) ? [p] : []));

/** The panels not paired as targets and outputs. */
export const unpairedPanels = (
  grid: Grid,
  paired: readonly (readonly [number, number])[],
): number[] =>
  grid.panels.flatMap((_, p) => (paired.some(([t, o]) => t === p || o === p) ? [] : [p]));

/** A detector's plan for aligned square panels: each of them. */
export const eachAlignedPanel = ({ grid, view }: { grid: Grid; view: GridView }) =>
  alignedPanels(grid, view).map((panel) => ({ panel }));

/** The panel a claim about an aligned square panel names, its size and values; null when it is not aligned. */
export function alignedPanel(
  ctx: Ctx,
  p: { readonly panel?: unknown },
): { panel: number; n: number; vals: ArrayLike<number> } | null {
  const panel = Number(p.panel ?? 0);
  if (!ctx.view.aligned(panel)) return null;
  return { panel, n: ctx.view.cols, vals: ctx.view.grid.panels[panel]!.values };
}

/** The finite cells' mean and total variation (sum of squared deviations from it), computed once. */
export function totalVariation(ctx: Ctx): { mean: number; ss: number } {
  return ctx.once('total variation', () => {
    const { count, sum } = ctx.finite();
    const mean = count ? sum / count : 0;
    let ss = 0;
    for (const p of ctx.view.grid.panels)
      for (let k = 0; k < p.values.length; k++) {
        const d = p.values[k]! - mean;
        // Finite cells only: d − d is 0 only for a finite d.
        if (d - d === 0) ss += d * d;
      }
    return { mean, ss };
  });
}

/** The share of the grid's total variation that `ss` (a sum of squares an observation accounts for) is, in [0, 1]. */
export function explainedShare(ctx: Ctx, ss: number): number {
  const total = totalVariation(ctx).ss;
  return total > 0 && Number.isFinite(ss) ? Math.min(1, Math.max(0, ss / total)) : 0;
}

/**
 * The rank of an observation about the values: `base` plus up to 50 for the share of the
 * grid's variation it accounts for, so what explains most of the picture is said first
 * (issue 15) and a lone extreme cell does not open the description.
 */
export const explainedScore = (explained: number, base = 50): number => base + 50 * explained;
