/**
 * Agglomerative clustering as scipy's `linkage` does it, algorithm for algorithm, so that
 * ties are broken as scipy breaks them and the tree is scipy's: single linkage by a minimum
 * spanning tree, complete, average, weighted and ward by the nearest-neighbour chain, centroid
 * and median by the generic algorithm over a heap (Müllner, arXiv:1109.2378), each with
 * scipy's Lance–Williams update in its floating-point order. The result is scipy's `Z`:
 * n − 1 rows of [cluster a, cluster b, height, size], a < b, new clusters numbered n, n+1, …
 */
import { condensedIndex as ix } from './distance.ts';
import { Heap } from './heap.ts';

export const METHODS = [
  'single',
  'complete',
  'average',
  'weighted',
  'centroid',
  'median',
  'ward',
] as const;
export type Method = (typeof METHODS)[number];
/** Methods defined on Euclidean distances only (scipy refuses them with another metric). */
export const EUCLIDEAN_METHODS: readonly Method[] = ['centroid', 'median', 'ward'];

type Update = (dxi: number, dyi: number, dxy: number, nx: number, ny: number, ni: number) => number;

/** scipy's _hierarchy_distance_update.pxi, operation for operation. */
const UPDATE: Record<Method, Update> = {
  single: (a, b) => Math.min(a, b),
  complete: (a, b) => Math.max(a, b),
  average: (a, b, _, nx, ny) => (nx * a + ny * b) / (nx + ny),
  weighted: (a, b) => 0.5 * (a + b),
  centroid: (a, b, c, nx, ny) =>
    Math.sqrt((nx * a * a + ny * b * b - (nx * ny * c * c) / (nx + ny)) / (nx + ny)),
  median: (a, b, c) => Math.sqrt(0.5 * (a * a + b * b) - 0.25 * c * c),
  ward: (a, b, c, nx, ny, ni) => {
    const t = 1 / (nx + ny + ni);
    return Math.sqrt((ni + nx) * t * a * a + (ni + ny) * t * b * b - ni * t * c * c);
  },
};

/**
 * The linkage matrix `Z` ((n − 1) × 4, row-major) of n points from their condensed distances.
 * `consume`: the distances may be overwritten (no second n(n − 1)/2 copy is made).
 */
export function linkage(
  dist: Float64Array,
  n: number,
  method: Method,
  consume = false,
): Float64Array {
  if (n < 2) return new Float64Array(0);
  if (method === 'single') return mstSingle(dist, n);
  const D = consume ? dist : Float64Array.from(dist);
  if (method === 'centroid' || method === 'median') return fastLinkage(D, n, UPDATE[method]);
  return nnChain(D, n, UPDATE[method]);
}

/** Rows of Z ordered by height, ties in their order (numpy's stable mergesort), then labelled. */
function sortAndLabel(z: Float64Array, n: number): Float64Array {
  const order = Array.from({ length: n - 1 }, (_, k) => k).sort(
    (a, b) => z[a * 4 + 2]! - z[b * 4 + 2]! || a - b,
  );
  const out = new Float64Array(z.length);
  order.forEach((k, i) => {
    out.set(z.subarray(k * 4, k * 4 + 4), i * 4);
  });
  // scipy's label(): a union-find names each merge's clusters by their current roots.
  const parent = Int32Array.from({ length: 2 * n - 1 }, (_, i) => i);
  const size = new Int32Array(2 * n - 1).fill(1);
  const find = (x: number) => {
    let root = x;
    while (parent[root] !== root) root = parent[root]!;
    while (parent[x] !== root) {
      const next = parent[x]!;
      parent[x] = root;
      x = next;
    }
    return root;
  };
  for (let i = 0; i < n - 1; i++) {
    const a = find(out[i * 4]!);
    const b = find(out[i * 4 + 1]!);
    out[i * 4] = Math.min(a, b);
    out[i * 4 + 1] = Math.max(a, b);
    const label = n + i;
    parent[a] = parent[b] = label;
    size[label] = size[a]! + size[b]!;
    out[i * 4 + 3] = size[label]!;
  }
  return out;
}

/** scipy's mst_single_linkage: Prim's tree grown from point 0. */
function mstSingle(dist: Float64Array, n: number): Float64Array {
  const z = new Float64Array((n - 1) * 4);
  const merged = new Uint8Array(n);
  const d = new Float64Array(n).fill(Number.POSITIVE_INFINITY);
  let x = 0;
  let y = 0;
  for (let k = 0; k < n - 1; k++) {
    let min = Number.POSITIVE_INFINITY;
    merged[x] = 1;
    for (let i = 0; i < n; i++) {
      if (merged[i]) continue;
      const v = dist[ix(n, x, i)]!;
      if (d[i]! > v) d[i] = v;
      if (d[i]! < min) {
        y = i;
        min = d[i]!;
      }
    }
    z[k * 4] = x;
    z[k * 4 + 1] = y;
    z[k * 4 + 2] = min;
    x = y;
  }
  return sortAndLabel(z, n);
}

/** condensedIndex with its row offsets computed once: the linkage's hottest lookup. */
function rowIndex(n: number): (i: number, j: number) => number {
  const start = new Float64Array(n);
  for (let i = 0; i < n; i++) start[i] = n * i - (i * (i + 1)) / 2 - i - 1;
  return (i, j) => (i < j ? start[i]! + j : start[j]! + i);
}

/**
 * Clusters x and y merged into y (their sizes nx, ny, at distance dxy; size[] already says
 * so): every other live cluster's distance to y made anew by the method's update, as
 * scipy's loop does it, in i's order.
 */
function merge(
  D: Float64Array,
  at: (i: number, j: number) => number,
  size: Int32Array,
  x: number,
  y: number,
  dxy: number,
  nx: number,
  ny: number,
  update: Update,
): void {
  for (let i = 0; i < size.length; i++) {
    const ni = size[i]!;
    if (ni === 0 || i === y) continue;
    const iy = at(i, y);
    D[iy] = update(D[at(i, x)]!, D[iy]!, dxy, nx, ny, ni);
  }
}

/** scipy's nn_chain: follow nearest neighbours until two are each other's. */
function nnChain(D: Float64Array, n: number, update: Update): Float64Array {
  const z = new Float64Array((n - 1) * 4);
  const at = rowIndex(n);
  const size = new Int32Array(n).fill(1);
  const chain = new Int32Array(n);
  let length = 0;
  for (let k = 0; k < n - 1; k++) {
    if (length === 0) {
      length = 1;
      for (let i = 0; i < n; i++)
        if (size[i]! > 0) {
          chain[0] = i;
          break;
        }
    }
    let x = 0;
    let y = 0;
    let min = 0;
    for (;;) {
      x = chain[length - 1]!;
      // The previous link of the chain is preferred on a tie, so that the chain never cycles.
      if (length > 1) {
        y = chain[length - 2]!;
        min = D[ix(n, x, y)]!;
      } else min = Number.POSITIVE_INFINITY;
      // Row x of the condensed matrix: D(i, x) for i < x steps by n − i − 2; D(x, i) for
      // i > x is contiguous. Scanned in i's order, as scipy scans it.
      let k = x - 1;
      for (let i = 0; i < x; i++) {
        if (size[i] !== 0) {
          const v = D[k]!;
          if (v < min) {
            min = v;
            y = i;
          }
        }
        k += n - i - 2;
      }
      const base = x * n - (x * (x + 1)) / 2 - x - 1;
      for (let i = x + 1; i < n; i++) {
        if (size[i] === 0) continue;
        const v = D[base + i]!;
        if (v < min) {
          min = v;
          y = i;
        }
      }
      if (length > 1 && y === chain[length - 2]) break;
      chain[length++] = y;
    }
    length -= 2;
    if (x > y) [x, y] = [y, x];
    const nx = size[x]!;
    const ny = size[y]!;
    z[k * 4] = x;
    z[k * 4 + 1] = y;
    z[k * 4 + 2] = min;
    z[k * 4 + 3] = nx + ny;
    size[x] = 0;
    size[y] = nx + ny;
    merge(D, at, size, x, y, min, nx, ny, update);
  }
  return sortAndLabel(z, n);
}

/** scipy's fast_linkage (centroid, median): Z in merge order, not sorted (heights may invert). */
function fastLinkage(D: Float64Array, n: number, update: Update): Float64Array {
  const z = new Float64Array((n - 1) * 4);
  const at = rowIndex(n);
  const size = new Int32Array(n).fill(1);
  const id = Int32Array.from({ length: n }, (_, i) => i);
  const neighbor = new Int32Array(n - 1);
  const minDist = new Float64Array(n - 1);
  const nearest = (x: number): [number, number] => {
    let min = Number.POSITIVE_INFINITY;
    let y = -1;
    for (let i = x + 1; i < n; i++) {
      if (size[i] === 0) continue;
      const v = D[ix(n, x, i)]!;
      if (v < min) {
        min = v;
        y = i;
      }
    }
    return [y, min];
  };
  for (let x = 0; x < n - 1; x++) [neighbor[x], minDist[x]] = nearest(x);
  const heap = new Heap(minDist);
  for (let k = 0; k < n - 1; k++) {
    let x = 0;
    let y = 0;
    let dist_ = 0;
    for (let i = 0; i < n - k; i++) {
      x = heap.minKey();
      dist_ = heap.minValue();
      y = neighbor[x]!;
      if (dist_ === D[ix(n, x, y)]) break;
      [y, dist_] = nearest(x);
      neighbor[x] = y;
      minDist[x] = dist_;
      heap.change(x, dist_);
    }
    heap.removeMin();
    let a = id[x]!;
    let b = id[y]!;
    const nx = size[x]!;
    const ny = size[y]!;
    if (a > b) [a, b] = [b, a];
    z[k * 4] = a;
    z[k * 4 + 1] = b;
    z[k * 4 + 2] = dist_;
    z[k * 4 + 3] = nx + ny;
    size[x] = 0;
    size[y] = nx + ny;
    id[y] = n + k;
    merge(D, at, size, x, y, dist_, nx, ny, update);
    for (let i = 0; i < x; i++) if (size[i]! > 0 && neighbor[i] === x) neighbor[i] = y;
    for (let i = 0; i < y; i++) {
      if (size[i] === 0) continue;
      const v = D[ix(n, i, y)]!;
      if (v < minDist[i]!) {
        neighbor[i] = y;
        minDist[i] = v;
        heap.change(i, v);
      }
    }
    if (y < n - 1) {
      const [j, v] = nearest(y);
      if (j !== -1) {
        neighbor[y] = j;
        minDist[y] = v;
        heap.change(y, v);
      }
    }
  }
  return z;
}
