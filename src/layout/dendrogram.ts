/**
 * The dendrograms beside the grid (spec cluster), as seaborn's clustermap draws them: the
 * rows' tree at the left, its leaves against the rows, its root to the left; the columns'
 * tree on top, its root upward. Each merge is scipy's ⊓ (three lines: up from each child's
 * height to the merge's, and across), its height scaled so that the highest merge reaches
 * 1/1.05 of the depth (scipy's and seaborn's limits). The depth is seaborn's
 * dendrogram_ratio: the share of the figure, beside the heatmap, the tree takes.
 */
import type { Link } from '../cluster/tree.ts';
import type { Figure } from '../figure/types.ts';
import type { Segment } from './types.ts';

/** Between a tree's leaves and the cells, px. */
export const DENDROGRAM_GAP = 2;

/** How deep a tree is drawn beside a side of the heatmap `side` px long: ratio / (1 − ratio) of it. */
export const dendrogramDepth = (fig: Figure, side: number): number => {
  const r = fig.dendrograms?.ratio ?? 0;
  return r > 0 ? Math.max(16, (side * r) / (1 - r)) : 0;
};

/**
 * A tree's lines. `along(p)` places a leaf position (leaf i at i + 0.5) along the grid's side;
 * `out(t)` a fraction of the depth (0 at the leaves, 1 at the far end) away from the cells.
 */
function treeLines(
  links: readonly Link[],
  along: (p: number) => number,
  out: (t: number) => number,
  horizontal: boolean,
): Segment[] {
  const top = Math.max(0, ...links.map((l) => l.h));
  const depth = (h: number) => out(top > 0 ? h / (top * 1.05) : 0);
  const seg = (p0: number, t0: number, p1: number, t1: number): Segment =>
    horizontal
      ? { x1: along(p0), y1: depth(t0), x2: along(p1), y2: depth(t1) }
      : { x1: depth(t0), y1: along(p0), x2: depth(t1), y2: along(p1) };
  return links.flatMap((l) => [
    seg(l.x0, l.h0, l.x0, l.h),
    seg(l.x0, l.h, l.x1, l.h),
    seg(l.x1, l.h, l.x1, l.h1),
  ]);
}

/** Segments cut to 0…`max` along `axis` (they are all parallel to an axis); those outside dropped. */
function clipped(lines: readonly Segment[], axis: 'x' | 'y', max: number): Segment[] {
  const [a, b] = axis === 'x' ? (['x1', 'x2'] as const) : (['y1', 'y2'] as const);
  const out: Segment[] = [];
  for (const s of lines) {
    const lo = Math.max(0, Math.min(s[a], s[b]));
    const hi = Math.min(max, Math.max(s[a], s[b]));
    if (lo > hi || (s[a] === s[b] && (s[a] < 0 || s[a] > max))) continue;
    out.push(s[a] <= s[b] ? { ...s, [a]: lo, [b]: hi } : { ...s, [a]: hi, [b]: lo });
  }
  return out;
}

/**
 * The lines of the figure's dendrograms in grid coordinates: the rows' tree left of `left`,
 * the columns' above `top` (the edges of what is beside and above the grid), over a grid
 * `gridW` × `gridH` px.
 */
export function dendrogramLines(
  fig: Figure,
  gridW: number,
  gridH: number,
  top: number,
  left: number,
): { lines: Segment[]; rowDepth: number; colDepth: number } {
  const d = fig.dendrograms;
  if (!d) return { lines: [], rowDepth: 0, colDepth: 0 };
  const rowDepth = d.rows ? dendrogramDepth(fig, gridW) : 0;
  const colDepth = d.cols ? dendrogramDepth(fig, gridH) : 0;
  // The leaves shown (all, or a zoomed view's window) spread over the grid's side; what falls
  // outside it is cut off at its edges.
  const w = d.window ?? {
    r0: 0,
    r1: d.rows?.order.length ?? 0,
    c0: 0,
    c1: d.cols?.order.length ?? 0,
  };
  const lines: Segment[] = [];
  if (d.rows && rowDepth > 0)
    lines.push(
      ...clipped(
        treeLines(
          d.rows.links,
          (p) => ((p - w.r0) * gridH) / (w.r1 - w.r0),
          (t) => left - DENDROGRAM_GAP - t * rowDepth,
          false,
        ),
        'y',
        gridH,
      ),
    );
  if (d.cols && colDepth > 0)
    lines.push(
      ...clipped(
        treeLines(
          d.cols.links,
          (p) => ((p - w.c0) * gridW) / (w.c1 - w.c0),
          (t) => top - DENDROGRAM_GAP - t * colDepth,
          true,
        ),
        'x',
        gridW,
      ),
    );
  return { lines, rowDepth, colDepth };
}
