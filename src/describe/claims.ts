import { type Grid, sortedFinite } from '../data/grid.ts';
import { makeFormatter } from '../format/number.ts';
import { type MannKendall, mannKendall, mean, quantileSorted, std } from './stats.ts';
import { type CellKey, GridView, type LineKey } from './view.ts';
import { maxOf, minOf } from '../util/extent.ts';

/**
 * Claims: every statement a description makes about the data, as data. A claim names its
 * kind and parameters; a detector recomputes it from the grid, so `checkClaims` can verify
 * any claim, ours or anyone's, by running the same detector. Thresholds are documented on
 * each detector and in the README.
 */
export type ClaimKind =
  | 'summary'
  | 'extreme'
  | 'marginal'
  | 'diagonal_max'
  | 'top_offdiag'
  | 'trend'
  | 'trend_family'
  | 'error_growth'
  | 'low_variance'
  | 'outliers'
  | 'missing'
  | 'sign'
  | 'concentration'
  | 'band'
  | 'symmetry'
  | 'clipping'
  | 'value';

/** A number a claim states: its exact value and the text a reader sees. */
export interface ClaimNumber {
  readonly name: string;
  readonly value: number;
  readonly text: string;
  /** '<': the true value is below the text (a p-value too small to print). Default: equal, as rounded. */
  readonly relation?: '<';
}

export interface Claim {
  readonly id: string;
  readonly kind: ClaimKind;
  /** What the claim is about (JSON); the detector's input. */
  readonly params: Readonly<Record<string, unknown>>;
  /** Structured findings that are not numbers (directions, flags, lists of cells or labels). */
  readonly facts: Readonly<Record<string, unknown>>;
  /** The cells it refers to. */
  readonly cells: readonly CellKey[];
  /** Every label (row, column, panel, axis title) its sentences may name. */
  readonly labels: readonly string[];
  readonly numbers: readonly ClaimNumber[];
  /** The rule, in words. */
  readonly rule: string;
  /** Importance, for ranking: higher first. */
  readonly score: number;
}

export type Found = Omit<Claim, 'id'>;

/** What detectors need beyond the grid: how numbers are shown. */
export interface Ctx {
  readonly view: GridView;
  /** Text of a data value (the figure's annotation format, or 3 significant digits). */
  readonly show: (v: number) => string;
  /** Every finite value, sorted ascending (computed once). */
  readonly sorted: () => Float64Array;
  /** A result computed once per key (a line's trend test is asked for by two detectors). */
  readonly once: <T>(key: string, compute: () => T) => T;
}

export function makeCtx(grid: Grid, fmt: string | null = null): Ctx {
  const f = makeFormatter(fmt ?? '.3g');
  const view = new GridView(grid);
  let sorted: Float64Array | null = null;
  const memo = new Map<string, unknown>();
  return {
    view,
    show: (v) => f(v),
    sorted: () => {
      if (!sorted) sorted = sortedFinite(grid);
      return sorted;
    },
    once: <T>(key: string, compute: () => T): T => {
      if (!memo.has(key)) memo.set(key, compute());
      return memo.get(key) as T;
    },
  };
}

/** Cells a claim lists, at most (its count says how many there are). */
export const MAX_LISTED_CELLS = 50;

const count = (name: string, value: number): ClaimNumber => ({ name, value, text: String(value) });
const num = (ctx: Ctx, name: string, value: number): ClaimNumber => ({
  name,
  value,
  text: ctx.show(value),
});
const fmtP = makeFormatter('.2g');
const fmtShare = makeFormatter('.0%');
/** A p-value: two significant digits, or "< 1e-15" where the computation cannot go finer. */
const pNum = (value: number): ClaimNumber =>
  value < 1e-15
    ? { name: 'p', value, text: '1e-15', relation: '<' }
    : { name: 'p', value, text: fmtP(value) };
const share = (name: string, value: number): ClaimNumber => ({
  name,
  value,
  text: fmtShare(value),
});

type Params = Readonly<Record<string, unknown>>;
type Detector = (ctx: Ctx, p: Params) => Found | null;

/** Calls fn for each finite cell of a panel (or of all panels), in order. */
function eachCell(
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

/** The first `max` finite cells (panel, row, column, value) that `keep` accepts, in order. */
function cellsWhere(
  view: GridView,
  keep: (v: number) => boolean,
  max = Infinity,
): [number, number, number, number][] {
  const out: [number, number, number, number][] = [];
  const C = view.cols;
  const panels = view.grid.panels;
  for (let p = 0; p < panels.length; p++) {
    const vals = panels[p]!.values;
    for (let k = 0; k < vals.length && out.length < max; k++) {
      const v = vals[k]!;
      if (v - v === 0 && keep(v)) out.push([p, (k / C) | 0, k % C, v]);
    }
  }
  return out;
}

/** True if some cell of some panel is missing (NaN). */
function anyMissing(view: GridView): boolean {
  for (const p of view.grid.panels) {
    const vals = p.values;
    for (let k = 0; k < vals.length; k++) if (vals[k] !== vals[k]) return true;
  }
  return false;
}

const lineKey = (view: GridView, panel: number, line: 'row' | 'col', i: number): LineKey =>
  line === 'row' ? view.rowKey(panel, i) : view.colKey(i);
const lineIndex = (view: GridView, panel: number, line: 'row' | 'col', key: LineKey) =>
  line === 'row' ? view.findRow(panel, key) : view.findCol(key);
const lineCount = (view: GridView, panel: number, line: 'row' | 'col') =>
  line === 'row' ? view.rows(panel) : view.cols;

/** The panel, line, key and index of the line a per-line claim names, and its finite values; null if there is no such line. */
function lineParams(
  ctx: Ctx,
  p: Params,
): { panel: number; line: 'row' | 'col'; key: LineKey; i: number; v: readonly number[] } | null {
  const panel = Number(p['panel'] ?? 0);
  const line = p['line'] === 'col' ? 'col' : 'row';
  const key = p['key'] as LineKey;
  const i = lineIndex(ctx.view, panel, line, key);
  if (i < 0) return null;
  return { panel, line, key, i, v: ctx.view.finiteLine(panel, line, i) };
}

/**
 * The Mann–Kendall test of a line's finite values (computed once: two detectors ask for it),
 * run on their ranks among all the finite values, which compare as the values do.
 */
function lineTrend(ctx: Ctx, panel: number, line: 'row' | 'col', i: number): MannKendall {
  return ctx.once(`mk ${panel} ${line} ${i}`, () => {
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
    return mannKendall(ranks.subarray(0, n));
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

/** Finite cells a line needs for its trend to be tested. */
const MIN_TREND_CELLS = 5;

/** A trend's direction: up or down when p < 0.05, else none. */
const trendDirection = (mk: MannKendall): 'up' | 'down' | 'none' =>
  mk.p < 0.05 ? (mk.s > 0 ? 'up' : 'down') : 'none';

/** True if labels read as an ordered axis: all numbers, strictly increasing. */
export function orderedAxis(labels: readonly string[]): boolean {
  if (labels.length < 5) return false;
  const v = labels.map((l) => (l.trim() === '' ? Number.NaN : Number(l)));
  return v.every((x, i) => Number.isFinite(x) && (i === 0 || x > v[i - 1]!));
}

export const DETECTORS: Record<ClaimKind, Detector> = {
  /** Size, counts, range, mean and median over all finite cells. */
  summary(ctx, p) {
    const { view } = ctx;
    const titles = ((p['titles'] as string[] | undefined) ?? []).filter(
      (x) => typeof x === 'string',
    );
    const vals = ctx.sorted();
    const rows = view.grid.panels.reduce((s, p) => s + p.rows, 0);
    const total = rows * view.cols;
    const numbers = [
      count('rows', rows),
      count('cols', view.cols),
      count('panels', view.grid.panels.length),
      count('cells', total),
      count('finite', vals.length),
      count('missing', total - vals.length),
    ];
    if (vals.length) {
      numbers.push(
        num(ctx, 'min', vals[0]!),
        num(ctx, 'max', vals[vals.length - 1]!),
        num(ctx, 'mean', mean(vals)),
        num(ctx, 'median', quantileSorted(vals, 0.5)),
      );
    }
    const red = view.grid.reduced;
    if (red) {
      numbers.push(
        count('origRows', red.rows),
        count('origCols', red.cols),
        count('blockRows', red.blockRows),
        count('blockCols', red.blockCols),
      );
      // The blocks' values are reductions; the data's own extremes travel with the reduction.
      if (red.summary && red.summary.finite > 0)
        numbers.push(num(ctx, 'dataMin', red.summary.min), num(ctx, 'dataMax', red.summary.max));
    }
    return {
      kind: 'summary',
      params: { titles },
      facts: { reduced: red?.how ?? null },
      cells: [],
      labels: titles,
      numbers,
      rule: 'counts over all cells; min, max, mean and median over the finite ones; dataMin and dataMax over every value of the grid before it was reduced',
      score: 0,
    };
  },

  /** The largest (or smallest) finite value and every cell that holds exactly it; the runner-up when it shows as the same text. */
  extreme(ctx, p) {
    const which = p['which'] === 'min' ? 'min' : 'max';
    // The runner-up is named when it shows as the same text, so the format is a parameter.
    const fmt = typeof p['fmt'] === 'string' ? p['fmt'] : null;
    const show = fmt ? makeFormatter(fmt) : ctx.show;
    const sorted = ctx.sorted();
    if (sorted.length === 0) return null;
    const best = which === 'max' ? sorted[sorted.length - 1]! : sorted[0]!;
    // The next distinct value, from the sorted values.
    let second = Number.NaN;
    if (which === 'max') {
      for (let i = sorted.length - 1; i >= 0; i--)
        if (sorted[i]! !== best) {
          second = sorted[i]!;
          break;
        }
    } else {
      for (let i = 0; i < sorted.length; i++)
        if (sorted[i]! !== best) {
          second = sorted[i]!;
          break;
        }
    }
    const keysOf = (x: number) =>
      cellsWhere(ctx.view, (v) => v === x, MAX_LISTED_CELLS).map(([pp, r, c]) =>
        ctx.view.cellKey(pp, r, c),
      );
    const at = keysOf(best);
    // How many cells hold it: its run at the end of the sorted values.
    let cells = 0;
    if (which === 'max') for (let i = sorted.length - 1; i >= 0 && sorted[i] === best; i--) cells++;
    else for (let i = 0; i < sorted.length && sorted[i] === best; i++) cells++;
    const numbers = [num(ctx, 'value', best), count('cells', cells)];
    const facts: Record<string, unknown> = { at };
    if (!Number.isNaN(second) && show(second) === show(best)) {
      facts['runnerUp'] = keysOf(second);
      numbers.push(
        { name: 'exact', value: best, text: exactText(best, second) },
        { name: 'runnerUp', value: second, text: exactText(second, best) },
      );
    }
    const labels = [
      ...new Set(
        [...at, ...((facts['runnerUp'] as CellKey[]) ?? [])].flatMap((k) => [k.row, k.col]),
      ),
    ];
    return {
      kind: 'extreme',
      params: { which, fmt },
      facts,
      cells: at,
      labels,
      numbers,
      rule: `the ${which === 'max' ? 'largest' : 'smallest'} finite value, with every cell that equals it (the first ${MAX_LISTED_CELLS} listed)`,
      score: which === 'max' ? 80 : 79,
    };
  },

  /** The row or column with the highest (or lowest) mean of finite values, with ties; only for 3 or more lines of one panel. */
  marginal(ctx, p) {
    const { view } = ctx;
    const axis = p['axis'] === 'col' ? 'col' : 'row';
    const which = p['which'] === 'worst' ? 'worst' : 'best';
    const panel = Number(p['panel'] ?? 0);
    const n = lineCount(view, panel, axis);
    if (n < 3) return null;
    // The best and the worst line ask for the same means.
    const means = ctx.once(`means ${panel} ${axis}`, () => {
      const out: number[] = [];
      for (let i = 0; i < n; i++) {
        const f = view.finiteLine(panel, axis, i);
        out.push(f.length ? mean(f) : Number.NaN);
      }
      return out;
    });
    const ok = means.filter((m) => !Number.isNaN(m));
    if (ok.length < 3 || maxOf(ok) === minOf(ok)) return null;
    const target = which === 'best' ? maxOf(ok) : minOf(ok);
    const idx = means.map((m, i) => (m === target ? i : -1)).filter((i) => i >= 0);
    const keys = idx.map((i) => lineKey(view, panel, axis, i));
    return {
      kind: 'marginal',
      params: { panel, axis, which },
      facts: { lines: keys },
      cells: [],
      labels: keys.map((k) => k.label),
      numbers: [num(ctx, 'mean', target), count('lines', idx.length)],
      rule: `the ${axis} with the ${which === 'best' ? 'highest' : 'lowest'} mean of its finite values, with ties`,
      score: which === 'best' ? 40 : 39,
    };
  },

  /** Square panel with the same labels on both axes: diagonal cell i holds if a_ii ≥ every other finite cell of its row and column. */
  diagonal_max(ctx, p) {
    const { view } = ctx;
    const panel = Number(p['panel'] ?? 0);
    if (!view.aligned(panel)) return null;
    const n = view.cols;
    const exceptions: { cell: CellKey; by: CellKey }[] = [];
    const numbers: ClaimNumber[] = [];
    let held = 0;
    let counted = 0;
    const vals = view.grid.panels[panel]!.values;
    for (let i = 0; i < n; i++) {
      const d = vals[i * n + i]!;
      if (d - d !== 0) continue;
      counted++;
      // The largest cell above d in row i or column i (the first found on ties), if any.
      let beatR = -1;
      let beatC = -1;
      let beatV = d;
      for (let k = 0; k < n; k++) {
        if (k === i) continue;
        const inRow = vals[i * n + k]!;
        if (inRow > beatV && inRow - inRow === 0) {
          beatR = i;
          beatC = k;
          beatV = inRow;
        }
        const inCol = vals[k * n + i]!;
        if (inCol > beatV && inCol - inCol === 0) {
          beatR = k;
          beatC = i;
          beatV = inCol;
        }
      }
      if (beatR < 0) held++;
      else {
        exceptions.push({
          cell: view.cellKey(panel, i, i),
          by: view.cellKey(panel, beatR, beatC),
        });
        numbers.push(
          num(ctx, `diag${exceptions.length}`, d),
          num(ctx, `by${exceptions.length}`, beatV),
        );
      }
    }
    if (counted < 2) return null;
    numbers.unshift(count('held', held), count('n', counted));
    const labels = [...new Set(exceptions.flatMap((e) => [e.cell.row, e.by.row, e.by.col]))];
    return {
      kind: 'diagonal_max',
      params: { panel },
      facts: { all: held === counted, exceptions },
      cells: exceptions.map((e) => e.cell),
      labels,
      numbers,
      rule: 'a diagonal cell holds if no other cell of its row or column is larger',
      score: 100,
    };
  },

  /** The k largest off-diagonal finite cells of an aligned square panel. */
  top_offdiag(ctx, p) {
    const { view } = ctx;
    const panel = Number(p['panel'] ?? 0);
    const k = Number(p['k'] ?? 3);
    if (!view.aligned(panel)) return null;
    const off: [number, number, number, number][] = [];
    eachCell(
      view,
      (pp, r, c, v) => {
        if (r === c || (off.length === k && v <= off[k - 1]![3])) return;
        off.push([pp, r, c, v]);
        off.sort((a, b) => b[3] - a[3] || a[1] - b[1] || a[2] - b[2]);
        if (off.length > k) off.pop();
      },
      panel,
    );
    if (off.length === 0) return null;
    const keys = off.map(([pp, r, c]) => view.cellKey(pp, r, c));
    return {
      kind: 'top_offdiag',
      params: { panel, k },
      facts: { at: keys },
      cells: keys,
      labels: [...new Set(keys.flatMap((c) => [c.row, c.col]))],
      numbers: off.map(([, , , v], i) => num(ctx, `v${i + 1}`, v)),
      rule: `the ${k} largest cells off the diagonal`,
      score: 60,
    };
  },

  /**
   * Change along an ordered axis (numeric labels, increasing) of one row (along x) or column
   * (along y), over its finite cells: Mann–Kendall S and p; a direction only when p < 0.05
   * with n ≥ 5; "strict" when every step goes that way.
   */
  trend(ctx, p) {
    const lp = lineParams(ctx, p);
    if (!lp || lp.v.length < MIN_TREND_CELLS) return null;
    const { panel, line, key, v } = lp;
    const mk = lineTrend(ctx, panel, line, lp.i);
    const direction = trendDirection(mk);
    const strict =
      direction === 'up'
        ? mk.up === v.length - 1
        : direction === 'down'
          ? mk.down === v.length - 1
          : false;
    const title = (p['title'] as string | null | undefined) ?? null;
    const first = v[0]!;
    const last = v[v.length - 1]!;
    return {
      kind: 'trend',
      params: { panel, line, key, title },
      facts: { direction, strict },
      cells: [],
      labels: [key.label, ...(title ? [title] : [])],
      numbers: [
        count('n', v.length),
        count('s', mk.s),
        pNum(mk.p),
        { name: 'alpha', value: 0.05, text: '0.05' },
        count('up', mk.up),
        count('down', mk.down),
        count('flat', mk.flat),
        num(ctx, 'first', first),
        num(ctx, 'last', last),
      ],
      rule: `Mann–Kendall test over the ${v.length} finite cells in axis order (${mk.exact ? 'exact' : 'normal approximation'}); a direction needs p < 0.05 and at least ${MIN_TREND_CELLS} cells`,
      score: direction === 'none' ? 20 : 70,
    };
  },

  /** A direction shared by more than 75% of the rows (or columns) tested, with fewer than 5 exceptions. */
  trend_family(ctx, p) {
    const { view } = ctx;
    const panel = Number(p['panel'] ?? 0);
    const line = p['line'] === 'col' ? 'col' : 'row';
    const title = (p['title'] as string | null | undefined) ?? null;
    // The lines the trend detector tests (MIN_TREND_CELLS finite cells or more), with its direction.
    const results: { key: LineKey; dir: string }[] = [];
    for (let i = 0; i < lineCount(view, panel, line); i++) {
      if (view.finiteLine(panel, line, i).length < MIN_TREND_CELLS) continue;
      const key = lineKey(view, panel, line, i);
      results.push({ key, dir: trendDirection(lineTrend(ctx, panel, line, i)) });
    }
    if (results.length < 3) return null;
    for (const dir of ['down', 'up'] as const) {
      const same = results.filter((r) => r.dir === dir);
      const others = results.filter((r) => r.dir !== dir);
      if (same.length / results.length > 0.75 && others.length < 5) {
        return {
          kind: 'trend_family',
          params: { panel, line, title },
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

  /** Paired target and output panels: mean |output − target| per segment of columns, and whether it grows (Mann–Kendall over the per-column error). */
  error_growth(ctx, p) {
    const { view } = ctx;
    const t = Number(p['targets']);
    const o = Number(p['outputs']);
    const starts = (p['segments'] as number[]) ?? [0];
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

  /** A near-constant row or column: coefficient of variation < 0.15 (all values of one sign) or range ≤ 5% of the whole grid's range; "constant" only if max = min. */
  low_variance(ctx, p) {
    const lp = lineParams(ctx, p);
    if (!lp || lp.v.length < 3) return null;
    const { panel, line, key, v } = lp;
    const sorted = ctx.sorted();
    const glo = sorted[0]!;
    const ghi = sorted[sorted.length - 1]!;
    const lo = minOf(v);
    const hi = maxOf(v);
    const m = mean(v);
    const sameSign = lo > 0 || hi < 0;
    const cv = sameSign ? std(v) / Math.abs(m) : Number.NaN;
    const narrow = ghi > glo && hi - lo <= 0.05 * (ghi - glo);
    if (!(narrow || (sameSign && cv < 0.15))) return null;
    return {
      kind: 'low_variance',
      params: { panel, line, key },
      facts: { constant: hi === lo },
      cells: [],
      labels: [key.label],
      numbers: [num(ctx, 'min', lo), num(ctx, 'max', hi), count('n', v.length)],
      rule: 'coefficient of variation below 0.15 (values of one sign), or a range at most 5% of the whole range',
      score: 50,
    };
  },

  /** Cells beyond Tukey's fences (k = 1.5) over all finite cells; needs at least 8 cells and IQR > 0. */
  outliers(ctx) {
    const { view } = ctx;
    const sorted = ctx.sorted();
    if (sorted.length < 8) return null;
    const q1 = quantileSorted(sorted, 0.25);
    const q3 = quantileSorted(sorted, 0.75);
    const iqr = q3 - q1;
    if (!(iqr > 0)) return null;
    const lo = q1 - 1.5 * iqr;
    const hi = q3 + 1.5 * iqr;
    const beyond = (v: number) => v < lo || v > hi;
    // How many: the runs beyond each fence at the ends of the sorted values.
    let below = 0;
    while (below < sorted.length && sorted[below]! < lo) below++;
    let above = 0;
    while (above < sorted.length - below && sorted[sorted.length - 1 - above]! > hi) above++;
    const total = below + above;
    if (total === 0 || total > 0.25 * sorted.length) return null;
    // The most extreme first: the largest distances from the middle of the box.
    const mid = (q1 + q3) / 2;
    const far = cellsWhere(view, beyond)
      .sort(
        (a, b) =>
          Math.abs(b[3] - mid) - Math.abs(a[3] - mid) || a[0] - b[0] || a[1] - b[1] || a[2] - b[2],
      )
      .slice(0, MAX_LISTED_CELLS);
    const keys = far.map(([pp, r, c]) => view.cellKey(pp, r, c));
    return {
      kind: 'outliers',
      params: {},
      facts: { at: keys },
      cells: keys,
      labels: [...new Set(keys.slice(0, 4).flatMap((k) => [k.row, k.col]))],
      numbers: [
        count('count', total),
        num(ctx, 'low', lo),
        num(ctx, 'high', hi),
        ...far.slice(0, 4).map(([, , , v], i) => num(ctx, `v${i + 1}`, v)),
      ],
      rule: "Tukey's fences: below Q1 − 1.5·IQR or above Q3 + 1.5·IQR, over all finite cells; the most extreme listed first",
      score: 58,
    };
  },

  /** Missing cells: how many, rows and columns entirely missing, and the pattern (rows that end early). */
  missing(ctx) {
    const { view } = ctx;
    if (!anyMissing(view)) return null;
    let n = 0;
    let total = 0;
    const fullRows: CellKey[] = [];
    const lengths: { panel: number; key: LineKey; length: number }[] = [];
    let ragged = true;
    view.grid.panels.forEach((pp, pi) => {
      for (let r = 0; r < pp.rows; r++) {
        const row = view.line(pi, 'row', r);
        const gap = row.map((v) => Number.isNaN(v));
        const miss = gap.filter(Boolean).length;
        n += miss;
        total += row.length;
        const len = gap.indexOf(true) < 0 ? row.length : gap.indexOf(true);
        if (gap.slice(len).some((x) => !x)) ragged = false;
        lengths.push({ panel: pi, key: view.rowKey(pi, r), length: len });
        if (miss === row.length) fullRows.push(view.cellKey(pi, r, 0));
      }
    });
    if (n === 0) return null;
    const pattern =
      ragged && lengths.some((l) => l.length < view.cols) ? 'ragged-ends' : 'scattered';
    const numbers = [
      count('missing', n),
      count('cells', total),
      count('fullRows', fullRows.length),
    ];
    if (pattern === 'ragged-ends') {
      lengths.forEach((l, i) => {
        numbers.push(count(`len${i + 1}`, l.length));
      });
    }
    return {
      kind: 'missing',
      params: {},
      facts: {
        pattern,
        fullRows: fullRows.map((k) => k.row),
        lengths:
          pattern === 'ragged-ends' ? lengths.map((l) => ({ panel: l.panel, key: l.key })) : [],
      },
      cells: [],
      labels: lengths.map((l) => l.key.label),
      numbers,
      rule: 'NaN or empty cells; "rows end early" when every row is values followed only by missing cells',
      score: pattern === 'ragged-ends' ? 85 : 40,
    };
  },

  /** Diverging data: cells above, below and at the centre; rows entirely on one side; the largest magnitude. */
  sign(ctx, p) {
    const { view } = ctx;
    const center = Number(p['center'] ?? 0);
    let above = 0;
    let below = 0;
    let at = 0;
    // The first cell of largest |v − centre|, by panel and row-major index.
    let bigPanel = -1;
    let bigK = 0;
    let bigD = -1;
    const panels = view.grid.panels;
    for (let pp = 0; pp < panels.length; pp++) {
      const vals = panels[pp]!.values;
      for (let k = 0; k < vals.length; k++) {
        const v = vals[k]!;
        if (v - v !== 0) continue; // missing or infinite
        const d = v - center;
        if (d > 0) above++;
        else if (d < 0) below++;
        else at++;
        const size = Math.abs(d);
        if (size > bigD) {
          bigPanel = pp;
          bigK = k;
          bigD = size;
        }
      }
    }
    if (above === 0 || below === 0 || bigPanel < 0) return null;
    const bigValue = panels[bigPanel]!.values[bigK]!;
    // Columns whose finite cells (2 or more, across panels) are all on one side.
    const cols: { key: LineKey; side: string }[] = [];
    for (let c = 0; c < view.cols; c++) {
      let n = 0;
      let over = 0;
      let under = 0;
      for (let pp = 0; pp < panels.length; pp++) {
        const v = view.finiteLine(pp, 'col', c);
        n += v.length;
        for (let i = 0; i < v.length; i++) {
          if (v[i]! > center) over++;
          else if (v[i]! < center) under++;
        }
      }
      if (n >= 2 && over === n) cols.push({ key: view.colKey(c), side: 'above' });
      if (n >= 2 && under === n) cols.push({ key: view.colKey(c), side: 'below' });
    }
    const bigKey = view.cellKey(bigPanel, (bigK / view.cols) | 0, bigK % view.cols);
    return {
      kind: 'sign',
      params: { center },
      facts: { largest: bigKey, wholeColumns: cols },
      cells: [bigKey],
      labels: [bigKey.row, bigKey.col, ...cols.map((c) => c.key.label)],
      numbers: [
        count('above', above),
        count('below', below),
        count('at', at),
        num(ctx, 'center', center),
        num(ctx, 'largest', bigValue),
      ],
      rule: 'finite cells above, below and equal to the centre of the colour scale',
      score: 65,
    };
  },

  /** Non-negative data: a row whose largest cell holds more than 60% of the row's sum. */
  concentration(ctx, p) {
    const { view } = ctx;
    const panel = Number(p['panel'] ?? 0);
    const key = p['key'] as LineKey;
    const r = view.findRow(panel, key);
    if (r < 0) return null;
    const v = view.line(panel, 'row', r);
    const f = v.filter(Number.isFinite);
    if (f.length < 3 || f.some((x) => x < 0)) return null;
    const sum = f.reduce((a, b) => a + b, 0);
    const top = maxOf(f);
    if (!(sum > 0) || top / sum <= 0.6) return null;
    const c = v.indexOf(top);
    const cellKey = view.cellKey(panel, r, c);
    return {
      kind: 'concentration',
      params: { panel, key },
      facts: { at: cellKey },
      cells: [cellKey],
      labels: [key.label, cellKey.col],
      numbers: [share('share', top / sum), num(ctx, 'value', top)],
      rule: "the row's largest cell holds more than 60% of the row's sum (non-negative rows)",
      score: 60,
    };
  },

  /** Aligned square panel, non-negative: the share of the total within one step of the diagonal. */
  band(ctx, p) {
    const { view } = ctx;
    const panel = Number(p['panel'] ?? 0);
    if (!view.aligned(panel)) return null;
    const n = view.cols;
    const vals = view.grid.panels[panel]!.values;
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
      numbers: [share('share', inBand / total), share('even', even)],
      rule: 'the sum of cells with |row − column| ≤ 1 over the sum of all cells; notable when at least half of it and 1.5 times its share under an even spread',
      score: concentrated ? 95 : 0,
    };
  },

  /** Aligned square panel: the pair (i, j), (j, i) that differs most, or symmetric. */
  symmetry(ctx, p) {
    const { view } = ctx;
    const panel = Number(p['panel'] ?? 0);
    if (!view.aligned(panel)) return null;
    // The first pair (in row-major order above the diagonal) with the largest finite difference.
    const n = view.cols;
    const vals = view.grid.panels[panel]!.values;
    let bi = -1;
    let bj = -1;
    let bd = -1;
    for (let i = 0; i < n; i++) {
      for (let j = i + 1; j < n; j++) {
        const d = Math.abs(vals[i * n + j]! - vals[j * n + i]!);
        if (d > bd && d - d === 0) {
          bi = i;
          bj = j;
          bd = d;
        }
      }
    }
    if (bi < 0) return null;
    const best = [bi, bj, bd] as const;
    const symmetric = best[2] === 0;
    const a = view.cellKey(panel, best[0], best[1]);
    const b = view.cellKey(panel, best[1], best[0]);
    return {
      kind: 'symmetry',
      params: { panel },
      facts: { symmetric, pair: symmetric ? [] : [a, b] },
      cells: symmetric ? [] : [a, b],
      labels: [a.row, a.col],
      numbers: [
        num(ctx, 'difference', best[2]),
        num(ctx, 'a', view.value(panel, best[0], best[1])),
        num(ctx, 'b', view.value(panel, best[1], best[0])),
      ],
      rule: 'the largest |a_ij − a_ji|; symmetric when it is 0',
      score: symmetric ? 90 : 35,
    };
  },

  /**
   * Cells outside the colour range [vmin, vmax], drawn at the end colours; on a log scale,
   * cells at or below 0 apart: it cannot show them, and they are left blank like missing ones.
   */
  clipping(ctx, p) {
    const { view } = ctx;
    const vmin = Number(p['vmin']);
    const vmax = Number(p['vmax']);
    const log = p['log'] === true;
    const over: CellKey[] = [];
    const under: CellKey[] = [];
    const blank: CellKey[] = [];
    const values: number[] = [];
    let nOver = 0;
    let nUnder = 0;
    let nBlank = 0;
    for (const pp of view.grid.panels.keys()) {
      for (let r = 0; r < view.rows(pp); r++) {
        for (let c = 0; c < view.cols; c++) {
          const v = view.value(pp, r, c);
          if (log && v <= 0) {
            nBlank++;
            if (blank.length < MAX_LISTED_CELLS) blank.push(view.cellKey(pp, r, c));
            continue;
          }
          if (v > vmax) {
            nOver++;
            if (over.length < MAX_LISTED_CELLS) over.push(view.cellKey(pp, r, c));
          } else if (v < vmin) {
            nUnder++;
            if (under.length < MAX_LISTED_CELLS) under.push(view.cellKey(pp, r, c));
          } else continue;
          if (values.length < 4) values.push(v);
        }
      }
    }
    if (nOver + nUnder + nBlank === 0) return null;
    const listed = [...over, ...under].slice(0, 4);
    const blankListed = blank.slice(0, 4);
    return {
      kind: 'clipping',
      params: { vmin, vmax, log },
      facts: { over, under, blank },
      cells: [...over, ...under, ...blank],
      labels: [...new Set([...listed, ...blankListed].flatMap((k) => [k.row, k.col]))],
      numbers: [
        count('over', nOver),
        count('under', nUnder),
        count('total', nOver + nUnder),
        count('blank', nBlank),
        num(ctx, 'vmin', vmin),
        num(ctx, 'vmax', vmax),
        ...values.slice(0, 4).map((v, i) => num(ctx, `v${i + 1}`, v)),
      ],
      rule: 'finite or infinite cells above vmax or below vmin; on a log scale, cells at or below 0 (blank) apart',
      score: 45,
    };
  },

  /** The value of one cell. */
  value(ctx, p) {
    const key = p['cell'] as CellKey;
    const at = ctx.view.locate(key);
    if (!at) return null;
    const v = ctx.view.value(key.panel, at[0], at[1]);
    return {
      kind: 'value',
      params: { cell: key },
      facts: { missing: Number.isNaN(v) },
      cells: [key],
      labels: [key.row, key.col],
      numbers: Number.isNaN(v) ? [] : [num(ctx, 'value', v)],
      rule: 'the value stored in the cell',
      score: 0,
    };
  },
};

/** Digits enough to tell a from b apart (up to 17 significant). */
function exactText(a: number, b: number): string {
  for (let d = 3; d <= 14; d++) {
    const f = makeFormatter(`.${d}g`);
    if (f(a) !== f(b)) return f(a);
  }
  return String(a);
}
