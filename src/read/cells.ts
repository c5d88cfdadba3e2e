/**
 * The cells of a located grid: where the colour changes across many lines are the edges
 * between columns (and rows); equal cells make the edges lie on multiples of one width. Each
 * cell's colour is the median of its inner half (edges, annotations and anti-aliasing left out).
 */
import type { Box } from './locate.ts';
import type { Image } from './png.ts';

/** The positions along one axis, from its start, where the colour changes on at least `share` of the lines across. */
function edges(img: Image, box: Box, vertical: boolean, share = 0.02): number[] {
  const len = vertical ? box.y1 - box.y0 : box.x1 - box.x0;
  const across = vertical ? box.x1 - box.x0 : box.y1 - box.y0;
  const at = (i: number, j: number) =>
    vertical
      ? ((box.y0 + i) * img.width + box.x0 + j) * 3
      : ((box.y0 + j) * img.width + box.x0 + i) * 3;
  const out: number[] = [];
  for (let i = 1; i < len; i++) {
    let n = 0;
    for (let j = 0; j < across; j++) {
      const p = at(i, j);
      const q = at(i - 1, j);
      const d = Math.max(
        Math.abs(img.rgb[p]! - img.rgb[q]!),
        Math.abs(img.rgb[p + 1]! - img.rgb[q + 1]!),
        Math.abs(img.rgb[p + 2]! - img.rgb[q + 2]!),
      );
      if (d > 6) n++;
    }
    if (n >= Math.max(1, share * across)) out.push(i);
  }
  return out;
}

/** Where the cells of one axis lie: n cells of `width` pixels from `origin` (from the box's start). */
export interface Lattice {
  readonly n: number;
  readonly origin: number;
  readonly width: number;
}

/**
 * The equal cells along an axis of `len` pixels whose edges are `found`: the fewest n whose
 * lattice of width len / n, shifted by at most 4 px (a frame may hide part of the first
 * cell), puts every edge on a cell boundary within 1.5 px. Edges within two pixels of either
 * end are a frame's anti-aliased line; neighbouring edges a pixel apart (one blended line)
 * count once. Neighbours of one colour hide their edge, so n may exceed the edges plus one.
 */
export function lattice(len: number, found: readonly number[]): Lattice {
  const e: number[] = [];
  for (const x of found)
    if (x > 2 && x < len - 2 && (!e.length || x - e[e.length - 1]! > 2)) e.push(x);
  if (!e.length) return { n: 1, origin: 0, width: len };
  for (let n = e.length + 1; n <= Math.floor(len / 2); n++) {
    const w = len / n;
    const residuals = e.map((x) => x - Math.round(x / w) * w).sort((a, b) => a - b);
    const origin = residuals[residuals.length >> 1]!;
    if (Math.abs(origin) <= 4 && residuals.every((r) => Math.abs(r - origin) <= 1.5))
      return { n, origin, width: w };
  }
  // No one spacing: the edges found are the cells' edges.
  return { n: e.length + 1, origin: 0, width: len / (e.length + 1) };
}

export interface Cells {
  readonly rows: number;
  readonly cols: number;
  /** Each cell's colour, row by row, RGB. */
  readonly colors: Uint8Array;
  /** Where the columns and rows lie, from the grid's left and top. */
  readonly xs: Lattice;
  readonly ys: Lattice;
}

export function readCells(img: Image, grid: Box): Cells {
  const W = grid.x1 - grid.x0;
  const H = grid.y1 - grid.y0;
  const xs = lattice(W, edges(img, grid, false));
  const ys = lattice(H, edges(img, grid, true));
  const cols = xs.n;
  const rows = ys.n;
  const colors = new Uint8Array(rows * cols * 3);
  const cw = xs.width;
  const ch = ys.width;
  const ch3 = [[], [], []] as number[][];
  for (let r = 0; r < rows; r++)
    for (let c = 0; c < cols; c++) {
      // The inner half of the cell, within the box (a cell under a frame shows less).
      const x0 = Math.max(grid.x0, Math.floor(grid.x0 + xs.origin + (c + 0.25) * cw));
      const x1 = Math.min(
        grid.x1,
        Math.max(x0 + 1, Math.ceil(grid.x0 + xs.origin + (c + 0.75) * cw)),
      );
      const y0 = Math.max(grid.y0, Math.floor(grid.y0 + ys.origin + (r + 0.25) * ch));
      const y1 = Math.min(
        grid.y1,
        Math.max(y0 + 1, Math.ceil(grid.y0 + ys.origin + (r + 0.75) * ch)),
      );
      for (const a of ch3) a.length = 0;
      for (let y = y0; y < y1; y++)
        for (let x = x0; x < x1; x++) {
          const p = (y * img.width + x) * 3;
          for (let k = 0; k < 3; k++) ch3[k]!.push(img.rgb[p + k]!);
        }
      for (let k = 0; k < 3; k++) {
        const v = ch3[k]!.sort((a, b) => a - b);
        colors[(r * cols + c) * 3 + k] = v[v.length >> 1]!;
      }
    }
  return { rows, cols, colors, xs, ys };
}

/**
 * Whether text is written over the grid (annotations): thin strokes, pixels far from their
 * neighbours two to the left and two to the right, which are like each other (a cell's own
 * colour on both sides). Flat cells and the single step between two cells have none.
 */
export function textOverGrid(img: Image, grid: Box): boolean {
  let strokes = 0;
  const d = (p: number, q: number) =>
    Math.max(
      Math.abs(img.rgb[p]! - img.rgb[q]!),
      Math.abs(img.rgb[p + 1]! - img.rgb[q + 1]!),
      Math.abs(img.rgb[p + 2]! - img.rgb[q + 2]!),
    );
  for (let y = grid.y0; y < grid.y1; y++)
    for (let x = grid.x0 + 2; x < grid.x1 - 2; x++) {
      const p = (y * img.width + x) * 3;
      const a = p - 6;
      const b = p + 6;
      if (d(a, b) <= 10 && d(p, a) > 60 && d(p, b) > 60) strokes++;
    }
  return strokes > 0.002 * (grid.x1 - grid.x0) * (grid.y1 - grid.y0);
}
