import type { ValueSummary } from './summary.ts';

/** Hands every run of values of a data set to `visit`, in any order; may be called again. */
export type Scan = (visit: (values: ArrayLike<number>, length: number) => void) => void;

const BINS = 4096;
/** A set of candidates this small is collected and sorted. */
const COLLECT = 1 << 20;

interface Level {
  readonly lo: number;
  readonly hi: number;
  readonly bin: number;
}

interface Target {
  /** 0-based rank among the values sorted ascending. */
  readonly rank: number;
  /** The bins chosen so far: a value is a candidate if it falls in each. */
  readonly levels: Level[];
  /** Candidates are values in [lo, hi] (the chosen bin's members' extremes). */
  lo: number;
  hi: number;
  count: number;
  /** Values below every candidate. */
  below: number;
  value: number | null;
}

const binOf = (x: number, lo: number, hi: number) =>
  hi === lo ? 0 : Math.min(BINS - 1, Math.floor(((x - lo) / (hi - lo)) * BINS));

function isCandidate(x: number, t: Target): boolean {
  for (const l of t.levels)
    if (!(x >= l.lo && x <= l.hi) || binOf(x, l.lo, l.hi) !== l.bin) return false;
  return true;
}

/** One pass: a histogram of each unfinished target's candidates, then each narrows to the bin holding its rank. */
function narrow(scan: Scan, targets: Target[], keep: (x: number) => boolean): void {
  const open = targets.filter((t) => t.value === null);
  const hist = open.map(() => new Float64Array(BINS));
  const bmin = open.map(() => new Float64Array(BINS).fill(Infinity));
  const bmax = open.map(() => new Float64Array(BINS).fill(-Infinity));
  scan((values, length) => {
    for (let i = 0; i < length; i++) {
      const x = values[i]!;
      if (!keep(x)) continue;
      for (let k = 0; k < open.length; k++) {
        const t = open[k]!;
        if (!(x >= t.lo && x <= t.hi) || !isCandidate(x, t)) continue;
        const b = binOf(x, t.lo, t.hi);
        hist[k]![b]!++;
        if (x < bmin[k]![b]!) bmin[k]![b] = x;
        if (x > bmax[k]![b]!) bmax[k]![b] = x;
      }
    }
  });
  open.forEach((t, k) => {
    let before = t.below;
    let b = 0;
    while (before + hist[k]![b]! <= t.rank) before += hist[k]![b++]!;
    t.levels.push({ lo: t.lo, hi: t.hi, bin: b });
    t.below = before;
    t.count = hist[k]![b]!;
    t.lo = bmin[k]![b]!;
    t.hi = bmax[k]![b]!;
    if (t.lo === t.hi) t.value = t.lo;
  });
}

/** The values of given ranks, exactly, in a few passes over the data and bounded memory. */
export function rankedValues(
  scan: Scan,
  ranks: readonly number[],
  lo: number,
  hi: number,
  n: number,
  keep: (x: number) => boolean,
): number[] {
  const targets: Target[] = ranks.map((rank) => ({
    rank,
    levels: [],
    lo,
    hi,
    count: n,
    below: 0,
    value: lo === hi ? lo : null,
  }));
  while (targets.some((t) => t.value === null && t.count > COLLECT)) narrow(scan, targets, keep);
  const open = targets.filter((t) => t.value === null);
  if (open.length) {
    const found = open.map(() => [] as number[]);
    scan((values, length) => {
      for (let i = 0; i < length; i++) {
        const x = values[i]!;
        if (!keep(x)) continue;
        open.forEach((t, k) => {
          if (x >= t.lo && x <= t.hi && isCandidate(x, t)) found[k]!.push(x);
        });
      }
    });
    open.forEach((t, k) => {
      const s = Float64Array.from(found[k]!).sort();
      t.value = s[t.rank - t.below]!;
    });
  }
  return targets.map((t) => t.value!);
}

/**
 * seaborn's robust range over data that is streamed, not held: the 2nd and 98th
 * percentiles of the finite values (of those above 0 with positiveOnly), interpolated as
 * numpy's and d3's quantile do, exactly, from the values of four ranks.
 */
export function streamedPercentiles(
  scan: Scan,
  summary: ValueSummary,
  positiveOnly: boolean,
  percentiles: readonly [number, number] = [2, 98],
): { lo: number; hi: number } {
  const n = positiveOnly ? summary.finite - summary.nonPositive + summary.negInf : summary.finite;
  if (n === 0) return { lo: Number.NaN, hi: Number.NaN };
  const [lo, hi] = positiveOnly ? [summary.posMin, summary.posMax] : [summary.min, summary.max];
  const keep = positiveOnly ? (x: number) => x > 0 && x < Infinity : (x: number) => x - x === 0;
  // (n − 1) · (p / 100), as d3's quantileSorted computes it from resolve's p / 100.
  const at = percentiles.map((p) => (n - 1) * (p / 100));
  const ranks = at.flatMap((h) => [Math.floor(h), Math.min(n - 1, Math.floor(h) + 1)]);
  const v = rankedValues(scan, ranks, lo, hi, n, keep);
  const interp = (j: number) =>
    v[2 * j]! + (v[2 * j + 1]! - v[2 * j]!) * (at[j]! - Math.floor(at[j]!));
  return { lo: interp(0), hi: interp(1) };
}
