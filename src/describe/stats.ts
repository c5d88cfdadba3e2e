/**
 * Statistics the observations rest on: pure, over plain arrays, missing values removed by
 * the caller. Quantiles follow numpy's default (linear interpolation).
 */
import { bestSplit, rankAutocorrelation, varianceInflation } from './serial.ts';

export function mean(v: ArrayLike<number>): number {
  // Indexed loops here and in other per-cell code: a short CLI run stays in V8's interpreter,
  // where for…of allocates an iterator result per element.
  let s = 0;
  for (let i = 0; i < v.length; i++) s += v[i]!;
  return s / v.length;
}

/** The k-th smallest of a[0 … n) (Hoare's selection; reorders a). */
export function select(a: Float64Array, n: number, k: number): number {
  let lo = 0;
  let hi = n - 1;
  while (lo < hi) {
    const pivot = a[(lo + hi) >> 1]!;
    let i = lo;
    let j = hi;
    while (i <= j) {
      while (a[i]! < pivot) i++;
      while (a[j]! > pivot) j--;
      if (i <= j) {
        const t = a[i]!;
        a[i] = a[j]!;
        a[j] = t;
        i++;
        j--;
      }
    }
    if (k <= j) hi = j;
    else if (k >= i) lo = i;
    else return a[k]!;
  }
  return a[k]!;
}

/** The median of the first n values of a scratch array (reordered), in linear time; 0 for none. */
export function medianOf(a: Float64Array, n: number): number {
  if (n === 0) return 0;
  const hi = select(a, n, n >> 1);
  if (n % 2) return hi;
  // The largest of the lower half is the other middle value.
  let lo = -Infinity;
  for (let i = 0; i < n >> 1; i++) if (a[i]! > lo) lo = a[i]!;
  return (lo + hi) / 2;
}

/** numpy.quantile(v, q) with linear interpolation, on a sorted array. */
export function quantileSorted(sorted: ArrayLike<number>, q: number): number {
  const pos = (sorted.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  const a = sorted[lo]!;
  return lo === hi ? a : a + (sorted[hi]! - a) * (pos - lo);
}

export function median(v: readonly number[]): number {
  return quantileSorted(
    [...v].sort((a, b) => a - b),
    0.5,
  );
}

/** Population standard deviation. */
export function std(v: readonly number[]): number {
  const m = mean(v);
  let s = 0;
  for (let i = 0; i < v.length; i++) s += (v[i]! - m) * (v[i]! - m);
  return Math.sqrt(s / v.length);
}

export interface MannKendall {
  readonly n: number;
  /** Σ sign(x_j − x_i) over i < j. */
  readonly s: number;
  /** Two-sided p-value: exact for n ≤ 40 without ties, else the normal approximation with tie and continuity corrections. */
  readonly p: number;
  readonly exact: boolean;
  /** Consecutive steps up, down and flat. */
  readonly up: number;
  readonly down: number;
  readonly flat: number;
}

/** Pairs i < j with x[i] > x[j] (equal values are not inversions). */
export function inversions(x: ArrayLike<number>): number {
  return sortCountingInversions(x).inversions;
}

/**
 * Sorts x ascending into `sorted[at … at + n)` and counts the inversions on the way, by a
 * bottom-up merge sort in working space of its own. Whole numbers (ranks) are sorted in an
 * Int32Array: V8 reads them without allocating, where each double read from a Float64Array
 * is a new heap number.
 */
function sortCountingInversions(x: ArrayLike<number>): {
  sorted: Float64Array | Int32Array;
  at: number;
  inversions: number;
} {
  const n = x.length;
  const w: Float64Array | Int32Array =
    x instanceof Int32Array ? new Int32Array(2 * n) : new Float64Array(2 * n);
  // Runs are read from one half of w and merged into the other.
  let from = 0;
  let to = n;
  for (let i = 0; i < n; i++) w[i] = x[i]!;
  let count = 0;
  for (let width = 1; width < n; width *= 2) {
    for (let lo = 0; lo < n; lo += 2 * width) {
      const mid = Math.min(lo + width, n);
      const hi = Math.min(lo + 2 * width, n);
      let i = from + lo;
      let j = from + mid;
      const iEnd = from + mid;
      const jEnd = from + hi;
      let k = to + lo;
      while (i < iEnd && j < jEnd) {
        if (w[j]! < w[i]!) {
          // w[j] is smaller than every one left in the left run.
          count += iEnd - i;
          w[k++] = w[j++]!;
        } else w[k++] = w[i++]!;
      }
      while (i < iEnd) w[k++] = w[i++]!;
      while (j < jEnd) w[k++] = w[j++]!;
    }
    const t = from;
    from = to;
    to = t;
  }
  return { sorted: w, at: from, inversions: count };
}

/** Exact null distributions by length, kept by the caller (a description tests many lines of one length). */
export type ExactDistributions = Map<number, Float64Array>;

/** Distribution of the number of inversions of a random permutation of n (Mahonian numbers), as probabilities. */
function inversionDistribution(n: number, cache: ExactDistributions): Float64Array {
  const cached = cache.get(n);
  if (cached) return cached;
  let dist = new Float64Array([1]);
  for (let k = 2; k <= n; k++) {
    const next = new Float64Array(dist.length + k - 1);
    // Adding the k-th element creates 0..k-1 new inversions, each equally likely.
    let window = 0;
    for (let i = 0; i < next.length; i++) {
      window += i < dist.length ? dist[i]! : 0;
      if (i - k >= 0 && i - k < dist.length) window -= dist[i - k]!;
      next[i] = window / k;
    }
    dist = next;
  }
  cache.set(n, dist);
  return dist;
}

/**
 * The complementary error function, with a relative error below 1.2e-7 for every x (the
 * Chebyshev fit of Numerical Recipes' erfcc), so that tail p-values keep their first digits
 * however small they are; 1 − erf(x) from an absolute-error fit loses them past about 1e-9.
 */
export function erfc(x: number): number {
  const z = Math.abs(x);
  const t = 1 / (1 + 0.5 * z);
  // Horner's rule from the highest coefficient: c1 + t·(c2 + t·(… + t·c9)).
  let poly = ERFC_COEFFICIENTS[ERFC_COEFFICIENTS.length - 1]!;
  for (let i = ERFC_COEFFICIENTS.length - 2; i >= 0; i--) poly = ERFC_COEFFICIENTS[i]! + t * poly;
  const r = t * Math.exp(-z * z - 1.26551223 + t * poly);
  return x >= 0 ? r : 2 - r;
}

/** Numerical Recipes' erfcc coefficients c1 … c9 (c0 = −1.26551223 stands in erfc). */
const ERFC_COEFFICIENTS = [
  1.00002368, 0.37409196, 0.09678418, -0.18628806, 0.27886807, -1.13520398, 1.48851587, -0.82215223,
  0.17087277,
];

/**
 * The Mann–Kendall trend test of a sequence in order. It depends only on how the values
 * compare, so their ranks (an Int32Array, equal values equal ranks) give the same result,
 * faster. `exact` keeps the exact null distributions between calls.
 */
export function mannKendall(
  x: ArrayLike<number>,
  exact: ExactDistributions = new Map(),
  shared = Number.NEGATIVE_INFINITY,
): MannKendall {
  const n = x.length;
  let up = 0;
  let down = 0;
  let flat = 0;
  for (let i = 1; i < n; i++) {
    if (x[i]! > x[i - 1]!) up++;
    else if (x[i]! < x[i - 1]!) down++;
    else flat++;
  }
  // One merge sort counts the inversions and gives the sorted values, whose runs of equal
  // values are the ties.
  const { sorted, at, inversions: discordant } = sortCountingInversions(x);
  const groups: number[] = [];
  for (let i = at; i < at + n; ) {
    let j = i + 1;
    while (j < at + n && sorted[j] === sorted[i]) j++;
    if (j - i > 1) groups.push(j - i);
    i = j;
  }
  const ties = groups.length > 0;
  // S = concordant − discordant pairs = all pairs − tied pairs − 2 × discordant (inversions):
  // O(n log n) instead of visiting every pair.
  let tied = 0;
  for (let g = 0; g < groups.length; g++) tied += (groups[g]! * (groups[g]! - 1)) / 2;
  const s = n < 2 ? 0 : (n * (n - 1)) / 2 - tied - 2 * discordant;
  if (n < 2) return { n, s, p: 1, exact: true, up, down, flat };
  // Serial correlation inflates S's variance: with a positive lag-1 autocorrelation of the
  // detrended series the exact distribution (which assumes independence) does not hold, and
  // the normal approximation's variance is inflated as Hamed & Rao (1998) do, with ρ_k = r1^k.
  // Twenty values estimate r1 poorly; lines measured alike (a figure's rows) share their
  // noise, and `shared` is its estimate over all of them, already unbiased (see
  // sharedAutocorrelation): the larger of the two counts.
  const own = rankAutocorrelation(x);
  if (!ties && n <= 40 && !(own > 0) && !(shared > 0)) {
    // S = (concordant − discordant) = n(n−1)/2 − 2·inversions.
    const dist = inversionDistribution(n, exact);
    const total = (n * (n - 1)) / 2;
    let p = 0;
    for (let inv = 0; inv < dist.length; inv++)
      if (Math.abs(total - 2 * inv) >= Math.abs(s)) p += dist[inv]!;
    return { n, s, p: Math.min(1, p), exact: true, up, down, flat };
  }
  let varS = (n * (n - 1) * (2 * n + 5)) / 18;
  for (let g = 0; g < groups.length; g++) {
    const c = groups[g]!;
    varS -= (c * (c - 1) * (2 * c + 5)) / 18;
  }
  // A short series' estimate is biased low (Marriott & Pope: about −(1 + 3ρ)/n): corrected.
  const r1 = Math.max(own > 0 ? own + (1 + 3 * own) / n : 0, shared);
  if (r1 > 0) varS *= varianceInflation(n, Math.min(0.99, r1));
  if (varS <= 0) return { n, s, p: 1, exact: false, up, down, flat };
  const z = s > 0 ? (s - 1) / Math.sqrt(varS) : s < 0 ? (s + 1) / Math.sqrt(varS) : 0;
  return { n, s, p: Math.min(1, erfc(Math.abs(z) / Math.SQRT2)), exact: false, up, down, flat };
}

/**
 * Values equal to about 12 significant digits are one value: what separates them is float
 * arithmetic's rounding (1 − 2⁻⁵³ beside 1, 0.1 + 0.2 beside 0.3), not the data.
 */
export const VALUE_TIE = 1e-12;
/** Means are sums of many values, each adding its rounding: equal to 9 digits is a tie (five rows of mean 1/6). */
export const MEAN_TIE = 1e-9;

/** True when a and b are one value at relative precision `rel` (infinities only equal themselves). */
export function sameValue(a: number, b: number, rel = VALUE_TIE): boolean {
  if (a === b) return true;
  if (!Number.isFinite(a) || !Number.isFinite(b)) return false;
  return Math.abs(a - b) <= rel * Math.max(Math.abs(a), Math.abs(b));
}

/** The standard normal quantile Φ⁻¹(p) for 0.5 ≤ p < 1, by bisection on the upper tail erfc(x/√2)/2. */
export function normalQuantile(p: number): number {
  const q = 1 - p;
  let lo = 0;
  let hi = 40;
  for (let i = 0; i < 200 && hi - lo > 1e-12; i++) {
    const mid = (lo + hi) / 2;
    if (erfc(mid / Math.SQRT2) / 2 > q) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
}

/**
 * Benjamini–Hochberg's step-up adjustment of a family of p-values: calling a test significant
 * when its adjusted p < α keeps the expected share of false discoveries below α, and, when
 * every test's null holds (a grid of noise), the chance of any discovery below α.
 */
export function benjaminiHochberg(ps: readonly number[]): number[] {
  const m = ps.length;
  const order = ps.map((_, i) => i).sort((a, b) => ps[a]! - ps[b]! || a - b);
  const out = new Array<number>(m);
  let running = 1;
  for (let rank = m - 1; rank >= 0; rank--) {
    const idx = order[rank]!;
    running = Math.min(running, (m / (rank + 1)) * ps[idx]!);
    out[idx] = running;
  }
  return out;
}

/** ln Γ(x) for x > 0 (Lanczos, g = 7, 9 terms: about 15 significant digits). */
function logGamma(x: number): number {
  const c = [
    0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313,
    -176.61502916214059, 12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6,
    1.5056327351493116e-7,
  ];
  if (x < 0.5) return Math.log(Math.PI / Math.sin(Math.PI * x)) - logGamma(1 - x);
  const y = x - 1;
  let a = c[0]!;
  const t = y + 7.5;
  for (let i = 1; i < 9; i++) a += c[i]! / (y + i);
  return 0.5 * Math.log(2 * Math.PI) + (y + 0.5) * Math.log(t) - t + Math.log(a);
}

/** The continued fraction of the regularised incomplete beta function (modified Lentz). */
function betaFraction(a: number, b: number, x: number): number {
  const tiny = 1e-300;
  let c = 1;
  let d = 1 - ((a + b) * x) / (a + 1);
  if (Math.abs(d) < tiny) d = tiny;
  d = 1 / d;
  let h = d;
  for (let m = 1; m <= 300; m++) {
    const m2 = 2 * m;
    let aa = (m * (b - m) * x) / ((a + m2 - 1) * (a + m2));
    d = 1 + aa * d;
    if (Math.abs(d) < tiny) d = tiny;
    c = 1 + aa / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    h *= d * c;
    aa = (-(a + m) * (a + b + m) * x) / ((a + m2) * (a + m2 + 1));
    d = 1 + aa * d;
    if (Math.abs(d) < tiny) d = tiny;
    c = 1 + aa / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    const del = d * c;
    h *= del;
    if (Math.abs(del - 1) < 1e-15) break;
  }
  return h;
}

/** The regularised incomplete beta function I_x(a, b). */
export function incompleteBeta(x: number, a: number, b: number): number {
  if (x <= 0) return 0;
  if (x >= 1) return 1;
  const front = Math.exp(
    logGamma(a + b) - logGamma(a) - logGamma(b) + a * Math.log(x) + b * Math.log(1 - x),
  );
  return x < (a + 1) / (a + b + 2)
    ? (front * betaFraction(a, b, x)) / a
    : 1 - (front * betaFraction(b, a, 1 - x)) / b;
}

/** Two-sided tail of Student's t with `df` degrees of freedom: P(|T| ≥ |t|). */
export function studentTwoSided(t: number, df: number): number {
  if (!Number.isFinite(t)) return 0;
  return incompleteBeta(df / (df + t * t), df / 2, 0.5);
}

/** A least-squares line through a sequence, in index order: its squared error about the mean, the part the line takes out, and what it leaves. */
export interface LineFit {
  readonly ssTotal: number;
  readonly ssRegression: number;
  readonly sse: number;
}

export function linearFit(x: readonly number[]): LineFit {
  const n = x.length;
  const mx = (n - 1) / 2;
  let my = 0;
  for (const v of x) my += v;
  my /= n;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < n; i++) {
    sxy += (i - mx) * (x[i]! - my);
    sxx += (i - mx) * (i - mx);
    syy += (x[i]! - my) * (x[i]! - my);
  }
  const ssRegression = sxx > 0 ? (sxy * sxy) / sxx : 0;
  return { ssTotal: syy, ssRegression, sse: Math.max(0, syy - ssRegression) };
}

/** The best single change in level of a sequence, and how sure it is. */
export interface StepFit {
  /** The first index after the step (both sides hold at least 2 values). */
  readonly at: number;
  readonly before: number;
  readonly after: number;
  /** Two-sided p of the largest t over every split, Bonferroni-adjusted for the splits tried and its variance inflated for serial correlation left in the residuals. */
  readonly p: number;
  /** Residual sums of squares of the two-level fit and of a least-squares line, and the sequence's about its mean. */
  readonly sseStep: number;
  readonly sseLine: number;
  readonly ssTotal: number;
  /** The change between the two cells either side of the split. */
  readonly jump: number;
  /** The lag-1 autocorrelation of the residuals about the two levels, as estimated (biased low). */
  readonly r1: number;
}

/**
 * The two-level fit of a sequence (n ≥ 6) that leaves the least squared error: where the
 * level changes, the means before and after, and the p of a change that large in noise
 * (pooled two-sample t over the best split, Bonferroni over the n − 3 splits tried; with
 * positively autocorrelated residuals the t is shrunk by √((1 − r₁)/(1 + r₁)), the variance
 * of a mean of AR(1) noise). null for fewer than 6 values or a constant sequence.
 */
export function stepFit(x: readonly number[], shared = Number.NEGATIVE_INFINITY): StepFit | null {
  const n = x.length;
  if (n < 6) return null;
  const split = bestSplit(x);
  if (!split) return null;
  const { at, before, after, sse: best } = split;
  const line = linearFit(x);
  const residuals = x.map((v, i) => v - (i < at ? before : after));
  // The residuals' lag-1 autocorrelation, corrected for its small-sample bias (about
  // −(1 + 4ρ)/n): a fitted step absorbs part of a slow wander, so the raw estimate is low.
  // Lines measured alike share their noise: `shared` is its r1 estimated over all of them,
  // already unbiased (see sharedAutocorrelation); the larger of the two counts.
  const own = lagOneAutocorrelationRaw(residuals);
  const r1 = Math.min(0.95, Math.max(0, own + (1 + 4 * own) / n, shared));
  const s2 = best / (n - 2);
  const t =
    s2 > 0
      ? (Math.abs(after - before) / Math.sqrt(s2 * (1 / at + 1 / (n - at)))) *
        Math.sqrt((1 - r1) / (1 + r1))
      : Infinity;
  const p = Math.min(1, (n - 3) * studentTwoSided(t, n - 2));
  return {
    at,
    before,
    after,
    p,
    sseStep: best,
    sseLine: line.sse,
    ssTotal: line.ssTotal,
    jump: x[at]! - x[at - 1]!,
    r1: own,
  };
}

/** Lag-1 autocorrelation of residuals that already have mean zero within their fit. */
function lagOneAutocorrelationRaw(e: readonly number[]): number {
  let num = 0;
  let den = 0;
  for (let i = 0; i < e.length; i++) {
    den += e[i]! * e[i]!;
    if (i > 0) num += e[i - 1]! * e[i]!;
  }
  return den > 0 ? num / den : 0;
}
