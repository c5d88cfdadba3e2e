/**
 * Clustering a matrix's rows or columns (issue 18): distances (cluster/distance.ts), scipy's
 * linkage (cluster/linkage.ts), the dendrogram's leaf order and, if asked, scipy's optimal
 * leaf ordering (cluster/tree.ts). `clusterAxis` is what seaborn's clustermap does for one
 * axis: `dendrogram(linkage(X, method, metric))['leaves']`.
 */
import { HeatfigError } from '../errors.ts';
import * as msg from '../messages.ts';
import { condensedIndex, type EuclideanKernel, type Metric, pdist } from './distance.ts';
import { EUCLIDEAN_METHODS, linkage, type Method } from './linkage.ts';
import { leavesOf, type Link, linksOf, optimalLeafOrdering } from './tree.ts';

export interface ClusterOptions {
  readonly method?: Method;
  readonly metric?: Metric | 'precomputed';
  readonly optimalOrdering?: boolean;
  /** Who computes Euclidean distances (heatfig/node: WebAssembly SIMD); default: JavaScript. */
  readonly euclidean?: EuclideanKernel;
  /** The condensed distances, when computed already (for metrics other than "precomputed"). */
  readonly distances?: Float64Array;
}

/** One axis clustered: scipy's Z, the leaves from left (top) to right (bottom), the drawn merges. */
export interface AxisTree {
  /** (n − 1) × 4, row-major: [a, b, height, size] per merge, as scipy's linkage returns. */
  readonly z: Float64Array;
  readonly order: readonly number[];
  readonly links: readonly Link[];
  /** Cells left out of the distances as missing. */
  readonly missing: number;
  /** The linkage was given (scipy's Z), not computed here. */
  readonly given?: boolean;
}

/** The most leaves heatfig clusters: their condensed distances take n(n − 1)/2 × 8 bytes (1.6 GB at 20,000). */
export const CLUSTER_LIMIT = 20_000;

/**
 * Clusters the n rows of `x` (n × d, row-major). `what` names them in messages ("rows",
 * "columns"), `where` is the spec path. With metric "precomputed", `x` is the n × n matrix of
 * distances itself.
 */
export function clusterAxis(
  x: Float64Array,
  n: number,
  d: number,
  options: ClusterOptions,
  what: string,
  where: string,
): AxisTree {
  const method = options.method ?? 'average';
  const metric = options.metric ?? 'euclidean';
  if (EUCLIDEAN_METHODS.includes(method) && metric !== 'euclidean')
    throw new HeatfigError('bad-spec', msg.clusterEuclideanOnly(method, metric), where);
  checkLeaves(n, what, where);
  let dist: Float64Array;
  let missing = 0;
  if (metric === 'precomputed') dist = condensedOf(x, n, d, where);
  else if (options.distances) dist = options.distances;
  else {
    const r = pdist(x, n, d, metric, what, where, options.euclidean);
    dist = r.dist;
    missing = r.notes.missing;
  }
  // The distances are ours: the linkage works in them, unless the ordering needs them after.
  const own = metric !== 'precomputed' && !options.optimalOrdering;
  let z = linkage(dist, n, method, own);
  if (options.optimalOrdering) z = optimalLeafOrdering(z, n, dist);
  const order = n ? leavesOf(z, n) : [];
  return { z, order, links: linksOf(z, n, order), missing };
}

/** Refuses more leaves than CLUSTER_LIMIT, before their distances are computed. */
export function checkLeaves(n: number, what: string, where: string): void {
  if (n > CLUSTER_LIMIT)
    throw new HeatfigError(
      'too-large',
      msg.clusterTooLarge(what, n, CLUSTER_LIMIT, (n * (n - 1) * 8) / 2),
      where,
    );
}

/** The upper triangle of a square distance matrix, checked as scipy's squareform checks it. */
function condensedOf(x: Float64Array, n: number, d: number, where: string): Float64Array {
  if (n !== d) throw new HeatfigError('bad-spec', msg.clusterPrecomputed(n, d), where);
  const out = new Float64Array((n * (n - 1)) / 2);
  for (let i = 0; i < n; i++) {
    if (x[i * n + i] !== 0)
      throw new HeatfigError('bad-spec', msg.clusterPrecomputedValues(i, i, 'is not 0'), where);
    for (let j = i + 1; j < n; j++) {
      const v = x[i * n + j]!;
      if (!(v >= 0) || !Number.isFinite(v))
        throw new HeatfigError(
          'bad-spec',
          msg.clusterPrecomputedValues(i, j, 'is not a finite, non-negative number'),
          where,
        );
      if (v !== x[j * n + i])
        throw new HeatfigError(
          'bad-spec',
          msg.clusterPrecomputedValues(j, i, `differs from row ${i}, column ${j}`),
          where,
        );
      out[condensedIndex(n, i, j)] = v;
    }
  }
  return out;
}

/**
 * A tree from a linkage the user computed (scipy's Z, as `rowLinkage` / `colLinkage`):
 * checked to be a linkage of n leaves, then laid out as dendrogram() lays it out.
 */
export function treeOfLinkage(
  rows: readonly (readonly number[])[],
  n: number,
  what: string,
  where: string,
): AxisTree {
  const bad = (why: string) =>
    new HeatfigError('bad-spec', msg.clusterLinkage(what, n, why), where);
  if (rows.length !== n - 1) throw bad(`it has ${rows.length} rows`);
  const z = new Float64Array(Math.max(0, n - 1) * 4);
  const used = new Uint8Array(2 * n - 1);
  rows.forEach((r, k) => {
    if (r.length !== 4) throw bad(`row ${k} has ${r.length} values`);
    const [a, b, h] = r as [number, number, number, number];
    if (a === b) throw bad(`row ${k} joins cluster ${a} with itself`);
    for (const c of [a, b])
      if (!Number.isInteger(c) || c < 0 || c >= n + k || used[c])
        throw bad(
          `row ${k} joins cluster ${c}, which is not a cluster made before it and still unjoined`,
        );
    if (!Number.isFinite(h) || h < 0) throw bad(`row ${k} has height ${h}`);
    used[a] = used[b] = 1;
    z.set([a, b, h, r[3]!], k * 4);
  });
  const order = leavesOf(z, n);
  return { z, order, links: linksOf(z, n, order), missing: 0, given: true };
}
