import { type Grid, sortedFinite } from '../data/grid.ts';
import { makeFormatter } from '../format/number.ts';
import { writeToShare } from '../util/share.ts';
import { quantileSorted, select } from './stats.ts';
import { GridView, type CellKey, type LineKey } from './view.ts';

/**
 * Claims: every statement a description makes about the data, as data. A claim names its
 * kind and parameters; a detector recomputes it from the grid, so `checkClaims` can verify
 * any claim, ours or anyone's, by running the same detector. Each kind's parameters and
 * facts are typed here, the one contract between a detector, its sentences and the checker:
 * a renamed fact does not compile. Thresholds are documented on each detector
 * (detectors/<kind>.ts) and in the README.
 */
type Line = 'row' | 'col';
type Direction = 'up' | 'down' | 'none';

/** An axis's lines tested together for a direction: the trend and step tests' family. */
// A type, not an interface: claim parameters are records (ClaimInput reads them as such).
type LineFamily = {
  panel: number;
  line: Line;
  title: string | null;
  /** The axes tested together: each test's p is adjusted over all of their lines' tests (Benjamini–Hochberg). */
  family: readonly { panel: number; line: Line }[];
};
/** One line of such an axis. */
type LineOfFamily = LineFamily & { key: LineKey };

/** Each kind's parameters (what it is about) and facts (findings that are not numbers). */
export interface Kinds {
  summary: {
    /** `facets`: the figure's grid of facets (rows, columns), when it has one. */
    params: { titles: readonly string[]; facets?: readonly [number, number] | null };
    facts: { reduced: string | null };
  };
  clusters: {
    /** The lines clustered and how: scipy's linkage `method` over pdist's `metric` (or "precomputed"). */
    params: { lines: Line; method: string; metric: string };
    /** The tree's top split: its two groups of lines, the first one drawn first (top or left). */
    facts: { first: readonly LineKey[]; second: readonly LineKey[] };
  };
  categories: {
    /** `names`: the categories, code 0 first. */
    params: { names: readonly string[] };
    /** `order`: the categories that hold cells, most first; `absent`: those that hold none. */
    facts: { order: readonly string[]; absent: readonly string[] };
  };
  facet_compare: {
    /** `measure`: the facets' means, or (square facets with the same labels) the share of each facet's total on its diagonal. */
    params: { measure: 'mean' | 'diagonal' };
    facts: { best: readonly string[]; worst: readonly string[] };
  };
  extreme: {
    params: { which: 'max' | 'min'; fmt: string | null };
    facts: { at: readonly CellKey[]; runnerUp?: readonly CellKey[] };
  };
  marginal: {
    params: { panel: number; axis: Line; which: 'best' | 'worst' };
    facts: { lines: readonly LineKey[] };
  };
  diagonal_max: {
    params: { panel: number };
    facts: { all: boolean; exceptions: readonly { cell: CellKey; by: CellKey }[] };
  };
  top_offdiag: { params: { panel: number; k: number }; facts: { at: readonly CellKey[] } };
  trend: {
    params: LineOfFamily;
    facts: { direction: Direction; strict: boolean };
  };
  trend_family: {
    params: LineFamily;
    facts: {
      direction: 'up' | 'down';
      exceptions: readonly { key: LineKey; direction: Direction }[];
    };
  };
  error_growth: {
    params: { targets: number; outputs: number; segments: readonly number[] };
    facts: { direction: Direction; segmentsIncreasing: boolean };
  };
  low_variance: {
    /** `scale`: the width of the colour scale shown (vmax − vmin). */
    params: { panel: number; line: Line; key: LineKey; scale: number };
    facts: { constant: boolean };
  };
  outliers: { params: Record<string, never>; facts: { at: readonly CellKey[] } };
  group_contrast: {
    /** Groups of `lines` (rows or columns) whose labels start with `prefix`; `scale`: the colour scale's width. */
    params: { panel: number; lines: Line; prefix: string; scale: number };
    facts: { on: LineKey; side: 'below' | 'above'; members: readonly LineKey[] };
  };
  missing: {
    params: Record<string, never>;
    facts: {
      pattern: 'ragged-ends' | 'scattered' | 'all';
      fullRows: readonly string[];
      /** Each row's run of values from the first column (rows ending early). */
      lengths: readonly { panel: number; key: LineKey; length: number }[];
      /** Rows ending early, each a cell longer (or shorter) than the row above: a triangle. */
      triangle: boolean;
      /**
       * How the figure shows them: left blank (heatfig draws them so), no value read (a grid
       * read from an image), or each printing this text ("nan", Grid.printedMissing).
       */
      shown: { as: 'blank' | 'unread' } | { as: 'printed'; text: string };
    };
  };
  sign: {
    /** tolerance: values read from pixels within it of the centre are at it (see Grid.readUncertainty). */
    params: { center: number; tolerance?: number };
    facts: {
      largest: CellKey;
      wholeColumns: readonly { key: LineKey; side: 'above' | 'below' }[];
    };
  };
  concentration: { params: { panel: number; key: LineKey }; facts: { at: CellKey } };
  band: { params: { panel: number }; facts: { concentrated: boolean } };
  symmetry: {
    params: { panel: number };
    facts: { symmetric: boolean; pair: readonly CellKey[]; unmatched: CellKey | null };
  };
  clipping: {
    params: { vmin: number; vmax: number; log: boolean };
    facts: { over: readonly CellKey[]; under: readonly CellKey[]; blank: readonly CellKey[] };
  };
  value: { params: { cell: CellKey }; facts: { missing: boolean } };
  class_accuracy: {
    /** `truth`: the axis whose lines are the true classes (rows, as scikit-learn writes them). */
    params: { panel: number; truth: Line };
    facts: {
      normalized: boolean;
      worst: readonly LineKey[];
      best: readonly LineKey[];
      /** The class the weakest one is most often taken for (its largest off-diagonal cell). */
      confusedWith: CellKey | null;
    };
  };
  magnitude_share: {
    params: { panel: number; line: Line; key: LineKey };
    facts: { signed: boolean };
  };
  levels: {
    /** `lo`, `hi`: the two values a binary panel of the figure holds. */
    params: { panel: number; lo: number; hi: number };
    facts: { binary: boolean };
  };
  gradient: {
    /** `axes`: the panel's large axes, tested together (one family). */
    params: { panel: number; line: Line; axes: readonly Line[]; title: string | null };
    facts: { direction: 'up' | 'down' };
  };
  step: {
    params: LineOfFamily;
    facts: {
      direction: 'up' | 'down';
      /** The axis labels of the last cell before the step and the first after it. */
      before: string;
      after: string;
    };
  };
}

export type ClaimKind = keyof Kinds;
export type Params<K extends ClaimKind> = Kinds[K]['params'];
export type Facts<K extends ClaimKind> = Kinds[K]['facts'];
/** Parameters as a claim from outside may hold them: the right names, values unchecked. */
export type LooseParams<K extends ClaimKind> = { readonly [P in keyof Params<K>]?: unknown };

/** A number a claim states: its exact value and the text a reader sees. */
export interface ClaimNumber {
  readonly name: string;
  readonly value: number;
  readonly text: string;
  /** '<': the true value is below the text (a p-value too small to print). Default: equal, as rounded. */
  readonly relation?: '<';
  /** The cell that holds this value, when it is a cell's value: checkClaims reads it there. */
  readonly at?: CellKey;
}

export interface ClaimOf<K extends ClaimKind> {
  readonly id: string;
  readonly kind: K;
  /** What the claim is about (JSON); the detector's input. */
  readonly params: Params<K>;
  /** Structured findings that are not numbers (directions, flags, lists of cells or labels). */
  readonly facts: Facts<K>;
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

/** A claim of any kind (narrowed by its `kind`). */
export type Claim = { [K in ClaimKind]: ClaimOf<K> }[ClaimKind];
/**
 * A claim as `checkClaims` takes it, from anyone (a description of ours, or a model's claims
 * written as JSON): parameters and facts unchecked, verified by re-running the detector.
 */
export interface ClaimInput {
  readonly id: string;
  readonly kind: string;
  readonly params: Readonly<Record<string, unknown>>;
  readonly facts: Readonly<Record<string, unknown>>;
  readonly cells: readonly CellKey[];
  readonly labels: readonly string[];
  readonly numbers: readonly ClaimNumber[];
  readonly rule?: string;
  readonly score?: number;
}

export type FoundOf<K extends ClaimKind> = Omit<ClaimOf<K>, 'id'>;
export type Found = { [K in ClaimKind]: FoundOf<K> }[ClaimKind];

/** What detectors need beyond the grid: how numbers are shown. */
export interface Ctx {
  readonly view: GridView;
  /** Text of a data value (the figure's annotation format, or 3 significant digits). */
  readonly show: (v: number) => string;
  /** Every finite value, sorted ascending (computed once). */
  readonly sorted: () => Float64Array;
  /** A result computed once per key (a line's trend test is asked for by two detectors). */
  readonly once: <T>(key: string, compute: () => T) => T;
  /** How many cells hold +inf and -inf (computed once). */
  readonly infinities: () => { readonly pos: number; readonly neg: number };
  /**
   * The finite values' count, sum (panel by panel, row-major), smallest and largest, and the
   * infinite cells, in one pass (computed once): what a summary needs, without sorting
   * sixteen million values.
   */
  readonly finite: () => FiniteStats;
  /** The finite values' median, as numpy.median computes it (NaN for none; computed once). */
  readonly median: () => number;
}

export interface FiniteStats {
  readonly count: number;
  readonly sum: number;
  readonly min: number;
  readonly max: number;
  /** Cells holding +inf and -inf. */
  readonly pos: number;
  readonly neg: number;
}

/** How values are written in words when the figure has no annotation format of its own. */
export const VALUE_FORMAT = '.3g';

/**
 * The format of values in words: the annotations', else, for values read from an image's
 * pixels, the format they were printed in, or their decimals (no digit finer than was read,
 * no negative zero); null for VALUE_FORMAT.
 */
export function wordsFormat(figure: {
  readonly annot?: { readonly fmt: string } | null;
  readonly grid: Grid;
}): string | null {
  if (figure.annot?.fmt) return figure.annot.fmt;
  if (figure.grid.readFormat) return figure.grid.readFormat;
  // Values read from colours have no print to honour: one that rounds to zero is 0, not -0
  // (a clustermap read to whole numbers: "mean -0", "the lowest mean, -0").
  const d = figure.grid.readDecimals;
  return d !== undefined ? `z.${d}f` : null;
}

/**
 * How the description writes numbers: in `fmt` (wordsFormat), or, for values read from a
 * logarithmic colorbar (Grid.readShare), each to the place of its uncertainty's first digit.
 */
export function wordsFormatter(grid: Grid, fmt: string | null): (v: number) => string {
  const share = grid.readShare;
  return share !== undefined ? (v) => writeToShare(v, share) : makeFormatter(fmt ?? VALUE_FORMAT);
}

/**
 * The grid as printed, for values that were read from numbers printed with fixed decimals
 * (Grid.printedDecimals): each rounded so, as Python's format rounds. The grid read is so
 * already; the data it was drawn from (checkClaims) becomes what the figure showed of it.
 */
export function asPrinted(grid: Grid): Grid {
  const d = grid.printedDecimals;
  if (d === undefined) return grid;
  // As the figure's format printed it (-0.003 prints -0.00: -0).
  const f = makeFormatter(`.${d}f`);
  const round = (x: number) => (x - x === 0 ? Number(f(x)) : x);
  return { ...grid, panels: grid.panels.map((p) => ({ ...p, values: p.values.map(round) })) };
}

export function makeCtx(printed: Grid, fmt: string | null = null): Ctx {
  const grid = asPrinted(printed);
  const f = wordsFormatter(grid, fmt);
  const view = new GridView(grid);
  let sorted: Float64Array | null = null;
  const memo = new Map<string, unknown>();
  const finite = (): FiniteStats =>
    once('finite', () => {
      let count = 0;
      let sum = 0;
      let min = Infinity;
      let max = -Infinity;
      let pos = 0;
      let neg = 0;
      for (const p of grid.panels) {
        const v = p.values;
        for (let k = 0; k < v.length; k++) {
          const x = v[k]!;
          // Finite: x − x is 0 only for finite numbers; the infinities are counted on the way.
          if (x - x !== 0) {
            if (x === Infinity) pos++;
            else if (x === -Infinity) neg++;
            continue;
          }
          count++;
          sum += x;
          if (x < min) min = x;
          if (x > max) max = x;
        }
      }
      return { count, sum, min, max, pos, neg };
    });
  const once = <T>(key: string, compute: () => T): T => {
    if (!memo.has(key)) memo.set(key, compute());
    return memo.get(key) as T;
  };
  return {
    view,
    show: (v) => f(v),
    sorted: () => {
      if (!sorted) sorted = sortedFinite(grid);
      return sorted;
    },
    once,
    finite,
    median: () =>
      once('median', () => {
        // The sorted values when something has sorted them; else a linear-time selection.
        if (sorted) return quantileSorted(sorted, 0.5);
        const n = finite().count;
        if (n === 0) return Number.NaN;
        const scratch = new Float64Array(n);
        let at = 0;
        for (const p of grid.panels)
          for (let k = 0; k < p.values.length; k++) {
            const x = p.values[k]!;
            if (x - x === 0) scratch[at++] = x;
          }
        // numpy's median: the middle value, or the mean of the two middle ones as a + (b − a)/2.
        const b = select(scratch, n, n >> 1);
        if (n % 2) return b;
        let a = -Infinity;
        for (let i = 0; i < n >> 1; i++) if (scratch[i]! > a) a = scratch[i]!;
        return a + (b - a) * 0.5;
      }),
    infinities: () => {
      const { pos, neg } = finite();
      return { pos, neg };
    },
  };
}

/** Cells a claim lists, at most (its count says how many there are). */
export const MAX_LISTED_CELLS = 50;

export const count = (name: string, value: number): ClaimNumber => ({
  name,
  value,
  text: String(value),
});
export const num = (ctx: Ctx, name: string, value: number): ClaimNumber => ({
  name,
  value,
  text: ctx.show(value),
});
/** A cell's value, bound to the cell: the checker reads the number there. */
export const cellNum = (ctx: Ctx, name: string, value: number, at: CellKey): ClaimNumber => ({
  ...num(ctx, name, value),
  at,
});
/** p-values are written with two significant digits. */
const fmtP = makeFormatter('.2g');
const fmtShare = makeFormatter('.0%');
/** A p-value: two significant digits, or "< 1e-15" where the computation cannot go finer. */
export const pNum = (value: number): ClaimNumber =>
  value < 1e-15
    ? { name: 'p', value, text: '1e-15', relation: '<' }
    : { name: 'p', value, text: fmtP(value) };
export const share = (name: string, value: number): ClaimNumber => ({
  name,
  value,
  text: fmtShare(value),
});
