/**
 * Serial correlation: how much a line's noise follows itself (lag-1 autocorrelation), for one
 * line and shared by many, and the variance inflation it brings to Mann–Kendall's test. The
 * trend and step tests of describe/ use it (stats.ts).
 */
import { uniforms } from '../util/uniforms.ts';

/** The lag-1 autocorrelation of a sequence's ranks after their least-squares line is taken out: what Mann–Kendall's variance is inflated by. */
export const rankAutocorrelation = (x: ArrayLike<number>): number =>
  lagOneAutocorrelation(denseRanks(x));

/** Lag-1 autocorrelation of a sequence after its least-squares line is taken out (0 for fewer than 4 values). */
export function lagOneAutocorrelation(x: ArrayLike<number>): number {
  const { products, squares } = detrendedLagOne(x);
  return squares > 0 ? products / squares : 0;
}

/**
 * The residuals of a sequence about its least-squares line: the sum of their lag-1 products
 * and of their squares (both 0 for fewer than 4 values), whose ratio is the lag-1
 * autocorrelation; sums over many lines pool them.
 */
export function detrendedLagOne(x: ArrayLike<number>): { products: number; squares: number } {
  const n = x.length;
  if (n < 4) return { products: 0, squares: 0 };
  let sx = 0;
  let sy = 0;
  for (let i = 0; i < n; i++) {
    sx += i;
    sy += x[i]!;
  }
  const mx = sx / n;
  const my = sy / n;
  let sxy = 0;
  let sxx = 0;
  for (let i = 0; i < n; i++) {
    sxy += (i - mx) * (x[i]! - my);
    sxx += (i - mx) * (i - mx);
  }
  const b = sxy / sxx;
  let products = 0;
  let squares = 0;
  let prev = 0;
  for (let i = 0; i < n; i++) {
    const e = x[i]! - my - b * (i - mx);
    squares += e * e;
    if (i > 0) products += prev * e;
    prev = e;
  }
  return { products, squares };
}

/** The AR(1) coefficients at which what fitting does to the lag-1 autocorrelation is measured. */
const CALIBRATION_PHIS = Array.from({ length: 20 }, (_, k) => k / 20);
/** Values simulated per coefficient and length (as 16384 / n series of n): the calibration's own error, about 1/128, stays below the pre-test's margin. */
const CALIBRATION_VALUES = 16384;
/** Calibrations computed so far, by length and coefficient: a cache the caller owns (a description's context). */
export type Calibrations = Map<string, { products: number; squares: number }>;

/**
 * What bestFitLagOne shows, on average, for n values of AR(1) noise with the coefficient
 * CALIBRATION_PHIS[k]: the mean lag-1 products and squares of the residuals. Fitting a line or
 * a step takes out part of a slow wander, so the ratio lies far below φ for short series
 * (n = 20, φ = 0.8: about 0.3). No formula gives it for the better of two fits, so it is
 * simulated: seeded series, the same innovations for every φ (so that it grows smoothly with
 * φ), once per length and coefficient, and only for the coefficients asked for (independent
 * noise needs φ = 0 alone). Deterministic.
 */
function calibration(
  n: number,
  k: number,
  calibrations: Calibrations,
): { products: number; squares: number } {
  const key = `${n} ${k}`;
  let c = calibrations.get(key);
  if (c) return c;
  const uniform = uniforms(20260);
  const phi = CALIBRATION_PHIS[k]!;
  const x = new Float64Array(n);
  const runs = Math.ceil(CALIBRATION_VALUES / n);
  let products = 0;
  let squares = 0;
  for (let run = 0; run < runs; run++) {
    const normal = () => Math.sqrt(-2 * Math.log(uniform())) * Math.cos(2 * Math.PI * uniform());
    x[0] = normal() / Math.sqrt(1 - phi * phi);
    for (let i = 1; i < n; i++) x[i] = phi * x[i - 1]! + normal();
    const r = bestFitLagOne(x);
    products += r.products / runs;
    squares += r.squares / runs;
  }
  c = { products, squares };
  calibrations.set(key, c);
  return c;
}

/**
 * The AR(1) coefficient φ of the noise many lines share, from the sums of their residuals'
 * lag-1 products and squares (bestFitLagOne, summed) and how many lines of each length there
 * were: the φ whose expected sums (calibration) give the same ratio, by linear interpolation
 * between the two calibrated coefficients either side (found by bisection); 0 unless the ratio lies above what independent noise
 * gives by more than chance would put it (one-sided 5%). At most 0.95, which is also what a
 * ratio above every calibrated one reads as: short lines pin φ down poorly (fitting a step to
 * nine values takes out most of any wander), so a figure of a few short lines that passes the
 * pre-test is taken as strongly correlated, and its trends need strong evidence.
 */
export function sharedLagOne(
  products: number,
  squares: number,
  lengths: ReadonlyMap<number, number>,
  calibrations: Calibrations = new Map(),
): number {
  if (!(squares > 0)) return 0;
  const raw = products / squares;
  const expected = (k: number) => {
    let p = 0;
    let s = 0;
    for (const [n, lines] of lengths) {
      const c = calibration(n, k, calibrations);
      p += lines * c.products;
      s += lines * c.squares;
    }
    return s > 0 ? p / s : 0;
  };
  let cells = 0;
  for (const [n, lines] of lengths) cells += n * lines;
  // Independent noise shows a ratio this high one time in twenty (its standard error is
  // about 1/√cells): below that, no serial correlation is read into the lines.
  const e0 = expected(0);
  if (!(raw > e0 + 1.645 / Math.sqrt(cells))) return 0;
  // The expected ratio grows with φ: bisection over the calibrated coefficients finds the two
  // either side of the ratio with a handful of calibrations, not all twenty.
  let lo = 0;
  let hi = CALIBRATION_PHIS.length - 1;
  const eHi = expected(hi);
  if (raw >= eHi) return CALIBRATION_PHIS[hi]!;
  let eLo = e0;
  let eUp = eHi;
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    const e = expected(mid);
    if (raw < e) {
      hi = mid;
      eUp = e;
    } else {
      lo = mid;
      eLo = e;
    }
  }
  const f = eUp > eLo ? (raw - eLo) / (eUp - eLo) : 0;
  return (
    CALIBRATION_PHIS[lo]! +
    Math.max(0, Math.min(1, f)) * (CALIBRATION_PHIS[hi]! - CALIBRATION_PHIS[lo]!)
  );
}

/**
 * The φ the noise of many lines shares: their residuals' lag-1 products and squares about
 * each line's better fit (bestFitLagOne) pooled, and read through sharedLagOne. −∞ (no
 * evidence either way) for fewer than two lines.
 */
export function pooledLagOne(
  lines: readonly ArrayLike<number>[],
  calibrations: Calibrations,
): number {
  if (lines.length < 2) return Number.NEGATIVE_INFINITY;
  let products = 0;
  let squares = 0;
  const lengths = new Map<number, number>();
  for (const l of lines) {
    const r = bestFitLagOne(l);
    products += r.products;
    squares += r.squares;
    lengths.set(l.length, (lengths.get(l.length) ?? 0) + 1);
  }
  return sharedLagOne(products, squares, lengths, calibrations);
}

/** Hamed & Rao's variance inflation of Mann–Kendall's S for autocorrelations ρ_k = r1^k. */
export function varianceInflation(n: number, r1: number): number {
  let sum = 0;
  let rho = 1;
  for (let k = 1; k < n - 2; k++) {
    rho *= r1;
    sum += (n - k) * (n - k - 1) * (n - k - 2) * rho;
  }
  return 1 + (2 / (n * (n - 1) * (n - 2))) * sum;
}

/** Each value's rank among the distinct values (0 for the smallest): how the values compare, and nothing else. */
function denseRanks(x: ArrayLike<number>): Float64Array {
  const sorted = Float64Array.from(x).sort();
  const distinct: number[] = [];
  for (let i = 0; i < sorted.length; i++)
    if (i === 0 || sorted[i] !== sorted[i - 1]) distinct.push(sorted[i]!);
  const out = new Float64Array(x.length);
  for (let i = 0; i < x.length; i++) {
    let lo = 0;
    let hi = distinct.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (distinct[mid]! < x[i]!) lo = mid + 1;
      else hi = mid;
    }
    out[i] = lo;
  }
  return out;
}

/**
 * The two-level fit of a sequence (n ≥ 4) that leaves the least squared error (each level
 * over at least 2 values): the first index after the split, the two means and the squared
 * error left; null when both levels are equal.
 */
export function bestSplit(
  x: ArrayLike<number>,
): { at: number; before: number; after: number; sse: number } | null {
  const n = x.length;
  if (n < 4) return null;
  // Sums over the whole sequence, then over the values before each split as it moves right:
  // each side's squared error about its mean is Σx² − (Σx)²/count.
  let total = 0;
  let total2 = 0;
  for (let i = 0; i < n; i++) {
    total += x[i]!;
    total2 += x[i]! * x[i]!;
  }
  let left = x[0]! + x[1]!;
  let left2 = x[0]! * x[0]! + x[1]! * x[1]!;
  let at = -1;
  let best = Infinity;
  let bestLeft = 0;
  for (let k = 2; k <= n - 2; k++) {
    const right = total - left;
    const e =
      Math.max(0, left2 - (left * left) / k) +
      Math.max(0, total2 - left2 - (right * right) / (n - k));
    if (at < 0 || e < best - 1e-12 * Math.abs(best)) {
      best = e;
      at = k;
      bestLeft = left;
    }
    left += x[k]!;
    left2 += x[k]! * x[k]!;
  }
  const before = bestLeft / at;
  const after = (total - bestLeft) / (n - at);
  return before === after ? null : { at, before, after, sse: best };
}

/**
 * The lag-1 products and squares of a sequence's residuals about whichever of its
 * least-squares line and its best two-level fit leaves less squared error: the noise left once
 * a line's trend or step is taken out, for pooling over many lines.
 */
export function bestFitLagOne(x: ArrayLike<number>): { products: number; squares: number } {
  const line = detrendedLagOne(x);
  const split = x.length >= 6 ? bestSplit(x) : null;
  if (!split || split.sse >= line.squares) return line;
  const { at, before, after } = split;
  let products = 0;
  let prev = x[0]! - before;
  for (let i = 1; i < x.length; i++) {
    const e = x[i]! - (i < at ? before : after);
    products += prev * e;
    prev = e;
  }
  return { products, squares: split.sse };
}
