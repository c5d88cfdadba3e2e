/**
 * A linkage's tree as scipy's `dendrogram` lays it out (no sorting: each merge's first
 * cluster to the left), and scipy's `optimal_leaf_ordering` (Bar-Joseph et al. 2001), which
 * flips merges so that neighbouring leaves are as near as the tree allows.
 */
import { condensedIndex } from './distance.ts';

/** The leaves from left to right: scipy's `dendrogram(Z)['leaves']` (and `leaves_list`). */
export function leavesOf(z: Float64Array, n: number): number[] {
  if (n === 1) return [0];
  const out: number[] = [];
  const stack = [2 * n - 2];
  while (stack.length) {
    const c = stack.pop()!;
    if (c < n) out.push(c);
    else {
      const k = c - n;
      stack.push(z[k * 4 + 1]!, z[k * 4]!);
    }
  }
  return out;
}

/** One merge drawn as scipy draws it: the ⊓ from (x0, h0) up to h and across to (x1, h1). */
export interface Link {
  /** The two clusters' positions along the leaves (leaf i at i + 0.5) and heights. */
  readonly x0: number;
  readonly x1: number;
  readonly h0: number;
  readonly h1: number;
  /** The merge's height. */
  readonly h: number;
}

/** Each merge's ⊓, in Z's order: a cluster sits at the middle of its two children, as in scipy. */
export function linksOf(z: Float64Array, n: number, leaves: readonly number[]): Link[] {
  const pos = new Float64Array(2 * n - 1);
  const height = new Float64Array(2 * n - 1);
  leaves.forEach((leaf, i) => {
    pos[leaf] = i + 0.5;
  });
  const links: Link[] = [];
  for (let k = 0; k < n - 1; k++) {
    const a = z[k * 4]!;
    const b = z[k * 4 + 1]!;
    const h = z[k * 4 + 2]!;
    links.push({ x0: pos[a]!, x1: pos[b]!, h0: height[a]!, h1: height[b]!, h });
    pos[n + k] = (pos[a]! + pos[b]!) / 2;
    height[n + k] = h;
  }
  return links;
}

/**
 * scipy's optimal_leaf_ordering(Z, y): the same tree with merges flipped so that the sum of
 * distances between neighbouring leaves is least. Its costs are float32, as scipy's are, so
 * that ties fall as they fall there.
 */
export function optimalLeafOrdering(z: Float64Array, n: number, dist: Float64Array): Float64Array {
  if (n < 3) return z;
  const leaves = leavesOf(z, n);
  const sortedOf = new Int32Array(n);
  leaves.forEach((orig, i) => {
    sortedOf[orig] = i;
  });
  // Z with leaves renumbered to their positions, and the distances in that order.
  const sz = new Int32Array((n - 1) * 2);
  for (let k = 0; k < n - 1; k++)
    for (const s of [0, 1]) {
      const v = z[k * 4 + s]!;
      sz[k * 2 + s] = v < n ? sortedOf[v]! : v;
    }
  const D = (i: number, j: number) =>
    i === j ? 0 : dist[condensedIndex(n, leaves[i]!, leaves[j]!)]!;
  const lo = new Int32Array(2 * n - 1);
  const hi = new Int32Array(2 * n - 1);
  for (let i = 0; i < n; i++) {
    lo[i] = i;
    hi[i] = i + 1;
  }
  for (let k = 0; k < n - 1; k++) {
    lo[n + k] = lo[sz[k * 2]!]!;
    hi[n + k] = hi[sz[k * 2 + 1]!]!;
  }
  const mustSwap = identifySwaps(sz, n, D, lo, hi);
  // A flip applies to a merge and every merge under it: each merge flips once per flipped
  // ancestor (itself included), as scipy applies them.
  const flips = new Uint8Array(n - 1);
  for (let k = n - 2; k >= 0; k--) {
    const f = flips[k]! ^ mustSwap[k]!;
    flips[k] = f;
    for (const s of [0, 1]) {
      const c = sz[k * 2 + s]!;
      if (c >= n) flips[c - n] = flips[c - n]! ^ f;
    }
  }
  const out = Float64Array.from(z);
  for (let k = 0; k < n - 1; k++)
    if (flips[k]) {
      out[k * 4] = z[k * 4 + 1]!;
      out[k * 4 + 1] = z[k * 4]!;
    }
  return out;
}

const f32 = Math.fround;
const BIG = 1073741824;

/** scipy's identify_swaps: for each merge, the best outer leaves u, w and the flips that give them. */
function identifySwaps(
  sz: Int32Array,
  n: number,
  D: (i: number, j: number) => number,
  lo: Int32Array,
  hi: Int32Array,
): Uint8Array {
  const M = new Float32Array(n * n);
  const swapL = new Uint8Array(n * n);
  const swapR = new Uint8Array(n * n);
  const must = new Uint8Array(n - 1);
  for (let i = 0; i < n - 1; i++) {
    const vl = sz[i * 2]!;
    const vr = sz[i * 2 + 1]!;
    const us = vl < n ? [vl] : [sz[(vl - n) * 2]!, sz[(vl - n) * 2 + 1]!];
    const ms = vl < n ? [vl] : [sz[(vl - n) * 2 + 1]!, sz[(vl - n) * 2]!];
    const ws = vr < n ? [vr] : [sz[(vr - n) * 2 + 1]!, sz[(vr - n) * 2]!];
    const ks = vr < n ? [vr] : [sz[(vr - n) * 2]!, sz[(vr - n) * 2 + 1]!];
    for (let sl = 0; sl < us.length; sl++)
      for (let sr = 0; sr < ws.length; sr++) {
        const [u0, u1, m0, m1] = [lo[us[sl]!]!, hi[us[sl]!]!, lo[ms[sl]!]!, hi[ms[sl]!]!];
        const [w0, w1, k0, k1] = [lo[ws[sr]!]!, hi[ws[sr]!]!, lo[ks[sr]!]!, hi[ks[sr]!]!];
        let minKm = BIG;
        for (let m = m0; m < m1; m++)
          for (let k = k0; k < k1; k++) if (D(m, k) < minKm) minKm = f32(D(m, k));
        for (let u = u0; u < u1; u++)
          for (let w = w0; w < w1; w++) {
            let best = BIG;
            for (let m = m0; m < m1; m++)
              for (let k = k0; k < k1; k++) {
                const c = f32(f32(M[u * n + m]! + M[w * n + k]!) + D(m, k));
                if (c < best) best = c;
              }
            M[u * n + w] = M[w * n + u] = best;
            swapL[u * n + w] = swapL[w * n + u] = sl;
            swapR[u * n + w] = swapR[w * n + u] = sr;
          }
      }
    let best = BIG;
    let bu = 0;
    let bw = 0;
    for (let u = lo[vl]!; u < hi[vl]!; u++)
      for (let w = lo[vr]!; w < hi[vr]!; w++)
        if (M[u * n + w]! < best) {
          best = M[u * n + w]!;
          bu = u;
          bw = w;
        }
    if (vl >= n) must[vl - n] = swapL[bu * n + bw]!;
    if (vr >= n) must[vr - n] = swapR[bu * n + bw]!;
  }
  return must;
}
