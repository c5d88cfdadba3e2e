/**
 * Pairwise distances between the rows of a matrix, as scipy's `pdist` computes them: the
 * condensed form (the upper triangle, row by row), each metric with scipy's formula.
 * Missing values (NaN): each pair is measured over the columns both rows have
 * (pairwise-complete), a sum of coordinates scaled up by d / (columns used), as R's `dist`
 * does, so that distances over fewer columns stay comparable; scipy refuses NaN instead.
 */
import { HeatfigError } from '../errors.ts';
import * as msg from '../messages.ts';

export const METRICS = [
  'euclidean',
  'sqeuclidean',
  'cityblock',
  'chebyshev',
  'cosine',
  'correlation',
] as const;
export type Metric = (typeof METRICS)[number];

/** The index of the pair (i, j), i < j, in the condensed form of n points. */
export const condensedIndex = (n: number, i: number, j: number): number =>
  i < j ? n * i - (i * (i + 1)) / 2 + (j - i - 1) : n * j - (j * (j + 1)) / 2 + (i - j - 1);

/** Row `r` of `x` (n × d, row-major), centred on its mean when `center` (the correlation metric). */
function prepared(x: Float64Array, n: number, d: number, metric: Metric): Float64Array {
  if (metric !== 'correlation') return x;
  const out = new Float64Array(x.length);
  for (let r = 0; r < n; r++) {
    let s = 0;
    let k = 0;
    for (let c = 0; c < d; c++) {
      const v = x[r * d + c]!;
      if (v === v) {
        s += v;
        k++;
      }
    }
    const mean = k ? s / k : 0;
    for (let c = 0; c < d; c++) out[r * d + c] = x[r * d + c]! - mean;
  }
  return out;
}

/** What the distances left out: cells that are missing. */
export interface DistanceNotes {
  readonly missing: number;
}

/**
 * The condensed distances between the n rows of `x` (n × d, row-major) under `metric`.
 * `what` names the rows in messages ("rows" or "columns"); `where` is the spec path.
 */
export function pdist(
  x: Float64Array,
  n: number,
  d: number,
  metric: Metric,
  what: string,
  where: string,
  euclidean: EuclideanKernel = sequentialEuclidean,
): { readonly dist: Float64Array; readonly notes: DistanceNotes } {
  let missing = 0;
  for (let i = 0; i < x.length; i++) if (x[i]! !== x[i]!) missing++;
  const y = prepared(x, n, d, metric);
  const euclidMetric = metric === 'euclidean' || metric === 'sqeuclidean';
  if (!missing && euclidMetric)
    return { dist: euclidean([{ y, n, d, root: metric === 'euclidean' }])[0]!, notes: { missing } };
  const dist = new Float64Array((n * (n - 1)) / 2);
  const norms = new Float64Array(n);
  if (!missing && (metric === 'cosine' || metric === 'correlation'))
    for (let r = 0; r < n; r++) {
      let s = 0;
      for (let c = 0; c < d; c++) s += y[r * d + c]! * y[r * d + c]!;
      norms[r] = Math.sqrt(s);
    }
  let k = 0;
  for (let i = 0; i < n; i++) {
    const a = i * d;
    for (let j = i + 1; j < n; j++, k++) {
      const b = j * d;
      const v =
        missing || euclidMetric
          ? pairwiseComplete(y, a, b, d, metric)
          : complete(y, a, b, d, metric, norms[i]!, norms[j]!);
      if (!Number.isFinite(v))
        throw new HeatfigError('bad-spec', msg.clusterNoDistance(what, i, j, metric), where);
      dist[k] = v;
    }
  }
  return { dist, notes: { missing } };
}

/** All-pairs distances to compute: the rows of a complete n × d matrix, Euclidean (`root`) or squared. */
export interface EuclideanJob {
  readonly y: Float64Array;
  readonly n: number;
  readonly d: number;
  readonly root: boolean;
}

/**
 * Computes jobs' distances, each as euclideanRows computes them, in its condensed form. A
 * function that may compute them otherwise (heatfig/node: in WebAssembly SIMD); every
 * distance is the same bits whoever computes it.
 */
export type EuclideanKernel = (jobs: readonly EuclideanJob[]) => Float64Array[];

/** The distances computed here, in this thread. */
export const sequentialEuclidean: EuclideanKernel = (jobs) =>
  jobs.map(({ y, n, d, root }) => {
    const out = new Float64Array((n * (n - 1)) / 2);
    euclideanRows(y, n, d, out, root, 0, n);
    return out;
  });

/** Whether `x` has a missing (NaN) value. */
export const hasMissing = (x: Float64Array): boolean => {
  for (let i = 0; i < x.length; i++) if (x[i]! !== x[i]!) return true;
  return false;
};

/**
 * Euclidean distances of complete rows i0 ≤ i < i1 to every later row, into `out` at their
 * condensed places: the hottest loop of clustering, four sums at a time (as scipy's own loop
 * is unrolled), the same terms summed in another order, which moves a distance by an ulp or
 * so and never a tie between whole numbers. src/io/euclid.wat does the same operations, in
 * the same order, in WebAssembly SIMD.
 */
export function euclideanRows(
  y: Float64Array,
  n: number,
  d: number,
  out: Float64Array,
  root: boolean,
  i0: number,
  i1: number,
): void {
  // Each row as its own view, indexed from 0: V8 then checks bounds once per loop, not per
  // read (a third faster than offsets into the whole).
  const rows = Array.from({ length: n }, (_, i) => y.subarray(i * d, i * d + d));
  let k = n * i0 - (i0 * (i0 + 1)) / 2;
  for (let i = i0; i < i1; i++) {
    const u = rows[i]!;
    for (let j = i + 1; j < n; j++, k++) {
      const v = rows[j]!;
      let s0 = 0;
      let s1 = 0;
      let s2 = 0;
      let s3 = 0;
      let c = 0;
      for (; c + 3 < u.length; c += 4) {
        const t0 = u[c]! - v[c]!;
        const t1 = u[c + 1]! - v[c + 1]!;
        const t2 = u[c + 2]! - v[c + 2]!;
        const t3 = u[c + 3]! - v[c + 3]!;
        s0 += t0 * t0;
        s1 += t1 * t1;
        s2 += t2 * t2;
        s3 += t3 * t3;
      }
      for (; c < u.length; c++) {
        const t = u[c]! - v[c]!;
        s0 += t * t;
      }
      const s = s0 + s1 + (s2 + s3);
      out[k] = root ? Math.sqrt(s) : s;
    }
  }
}

/** A distance between complete rows under a metric other than the Euclidean ones (euclideanRows). */
function complete(
  y: Float64Array,
  a: number,
  b: number,
  d: number,
  metric: Exclude<Metric, 'euclidean' | 'sqeuclidean'>,
  na: number,
  nb: number,
): number {
  let s = 0;
  switch (metric) {
    case 'cityblock':
      for (let c = 0; c < d; c++) s += Math.abs(y[a + c]! - y[b + c]!);
      return s;
    case 'chebyshev':
      for (let c = 0; c < d; c++) s = Math.max(s, Math.abs(y[a + c]! - y[b + c]!));
      return s;
    default: {
      // cosine, and correlation over centred rows: 1 − u·v / (|u| |v|), clipped as scipy does.
      for (let c = 0; c < d; c++) s += y[a + c]! * y[b + c]!;
      let cos = s / (na * nb);
      if (Math.abs(cos) > 1) cos = Math.sign(cos);
      return 1 - cos;
    }
  }
}

/** A distance over the columns both rows have (NaN when they share none). */
function pairwiseComplete(
  y: Float64Array,
  a: number,
  b: number,
  d: number,
  metric: Metric,
): number {
  let s = 0;
  let used = 0;
  let uu = 0;
  let vv = 0;
  for (let c = 0; c < d; c++) {
    const u = y[a + c]!;
    const v = y[b + c]!;
    if (u !== u || v !== v) continue;
    used++;
    if (metric === 'euclidean' || metric === 'sqeuclidean') s += (u - v) * (u - v);
    else if (metric === 'cityblock') s += Math.abs(u - v);
    else if (metric === 'chebyshev') s = Math.max(s, Math.abs(u - v));
    else {
      s += u * v;
      uu += u * u;
      vv += v * v;
    }
  }
  if (!used) return Number.NaN;
  const scale = d / used;
  switch (metric) {
    case 'euclidean':
      return Math.sqrt(s * scale);
    case 'sqeuclidean':
    case 'cityblock':
      return s * scale;
    case 'chebyshev':
      return s;
    default: {
      let cos = s / (Math.sqrt(uu) * Math.sqrt(vv));
      if (Math.abs(cos) > 1) cos = Math.sign(cos);
      return 1 - cos;
    }
  }
}
