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
import type { TextMeasurer } from '../text/measure.ts';
import { placeText } from './text.ts';
import type { LayoutText, Segment } from './types.ts';

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

/** A filled box of the clustering's parts: a bar's cell, or a legend's swatch. */
export interface ClusterRect {
  readonly x: number;
  readonly y: number;
  readonly w: number;
  readonly h: number;
  readonly fill: string;
  readonly role: 'bar' | 'swatch';
}

/** A bar of category colours: as thick as seaborn's colors_ratio (0.03 of the figure) makes it, 8 to 20 px. */
const barThickness = (side: number) => Math.min(20, Math.max(8, side * 0.0375));
const BAR_GAP = 2;

/**
 * The clustering's parts in grid coordinates: the dendrograms' lines (the rows' tree left of
 * `left`, the columns' above `top`: the edges of what is beside and above the grid), the
 * bars of category colours between each tree and the grid, each bar's name, and a legend
 * of each bar's categories above it all; over a grid `gridW` × `gridH` px.
 */
export function clusterParts(
  fig: Figure,
  m: TextMeasurer,
  size: number,
  gridW: number,
  gridH: number,
  top: number,
  left: number,
): { lines: Segment[]; rects: ClusterRect[]; texts: LayoutText[] } {
  const d = fig.dendrograms;
  if (!d) return { lines: [], rects: [], texts: [] };
  // The leaves shown (all, or a zoomed view's window) spread over the grid's side; what falls
  // outside it is cut off at its edges.
  const w = d.window ?? {
    r0: 0,
    r1: d.rows?.order.length ?? d.rowBars[0]?.colors.length ?? 0,
    c0: 0,
    c1: d.cols?.order.length ?? d.colBars[0]?.colors.length ?? 0,
  };
  const rows = (p: number) => ((p - w.r0) * gridH) / (w.r1 - w.r0);
  const cols = (p: number) => ((p - w.c0) * gridW) / (w.c1 - w.c0);
  const rects: ClusterRect[] = [];
  const texts: LayoutText[] = [];
  // The bars, from the grid outwards; each names itself at its end (under the rows' bars,
  // right of the columns').
  const rb = barThickness(gridW);
  d.rowBars.forEach((bar, j) => {
    const x = left - (j + 1) * (rb + BAR_GAP);
    for (let i = w.r0; i < w.r1; i++)
      rects.push({
        x,
        y: rows(i),
        w: rb,
        h: rows(i + 1) - rows(i),
        fill: bar.colors[i]!,
        role: 'bar',
      });
    if (bar.name) {
      const t = placeText(m, bar.name, size, x + rb / 2, gridH + 4, 'end', -90);
      texts.push({ ...t, role: 'legend' });
    }
  });
  const cb = barThickness(gridH);
  d.colBars.forEach((bar, j) => {
    const y = top - (j + 1) * (cb + BAR_GAP);
    for (let i = w.c0; i < w.c1; i++)
      rects.push({
        x: cols(i),
        y,
        w: cols(i + 1) - cols(i),
        h: cb,
        fill: bar.colors[i]!,
        role: 'bar',
      });
    if (bar.name)
      texts.push({
        ...placeText(m, bar.name, size, gridW + 4, y + cb / 2, 'start'),
        role: 'legend',
      });
  });
  const treeLeft = left - d.rowBars.length * (rb + BAR_GAP);
  const treeTop = top - d.colBars.length * (cb + BAR_GAP);
  const rowDepth = d.rows ? dendrogramDepth(fig, gridW) : 0;
  const colDepth = d.cols ? dendrogramDepth(fig, gridH) : 0;
  const lines: Segment[] = [];
  if (d.rows && rowDepth > 0)
    lines.push(
      ...clipped(
        treeLines(d.rows.links, rows, (t) => treeLeft - DENDROGRAM_GAP - t * rowDepth, false),
        'y',
        gridH,
      ),
    );
  if (d.cols && colDepth > 0)
    lines.push(
      ...clipped(
        treeLines(d.cols.links, cols, (t) => treeTop - DENDROGRAM_GAP - t * colDepth, true),
        'x',
        gridW,
      ),
    );
  // The legends: one line per bar above everything else, "name: ■ a ■ b ■ c".
  let y = treeTop - (colDepth > 0 ? DENDROGRAM_GAP + colDepth : 0) - 6;
  for (const bar of [...d.rowBars, ...d.colBars].reverse()) {
    const lh = size * 1.25;
    const cy = y - lh / 2;
    let x = Math.min(0, treeLeft - (rowDepth > 0 ? DENDROGRAM_GAP + rowDepth : 0));
    if (bar.name) {
      const t = placeText(m, `${bar.name}:`, size, x, cy, 'start');
      texts.push({ ...t, role: 'legend' });
      x = t.box.x + t.box.w + 6;
    }
    for (const e of bar.legend) {
      rects.push({ x, y: cy - size / 2, w: size, h: size, fill: e.color, role: 'swatch' });
      const t = placeText(m, e.label, size, x + size + 3, cy, 'start');
      texts.push({ ...t, role: 'legend' });
      x = t.box.x + t.box.w + 10;
    }
    y -= lh + 2;
  }
  return { lines, rects, texts };
}
