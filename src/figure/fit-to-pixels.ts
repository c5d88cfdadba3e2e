import type { Grid } from '../data/grid.ts';
import { reduceGridTo } from '../data/reduce.ts';
import { DEFAULTS } from '../spec/defaults.ts';
import { GEOMETRY as G } from './geometry.ts';
import type { Spec } from '../spec/spec-type.ts';

/** What sizes the cell area: the figure's width and height and the cells' own, in px (null: free). */
export interface AreaSize {
  readonly width: number | null;
  readonly height: number | null;
  readonly cellWidth: number | null;
  readonly cellHeight: number | null;
}

/** An axis of this many cells or fewer keeps at least `readableCell` px per cell. */
export const READABLE_AXIS = 100;
export const READABLE_CELL = 4;
/** The short side of a large grid's cell area is at least this share of the long side. */
const SHORT_SIDE = 0.25;

/**
 * The size in px of the cell area of a large grid (more than targetGrid cells along an
 * axis), `rows` (all panels) × `cols` of the original cells, each axis on its own: the long
 * side up to rasterGrid px at one px a cell; the short side as many px a cell, but at least
 * a quarter of the long side, and at least 4 px a cell when it has 100 cells or fewer, so a
 * tall array keeps its columns readable. A given width, height or cell size wins: the area
 * is then at most what the figure holds (the layout decides the exact px, and a grid reduced
 * to more cells than that is reduced again). Null for a grid that is not large.
 */
export function largeGridArea(
  rows: number,
  cols: number,
  size: AreaSize,
): { w: number; h: number } | null {
  const long = Math.max(rows, cols);
  if (long <= G.targetGrid) return null;
  const side = Math.min(G.rasterGrid, long);
  const cell = side / long;
  const axis = (n: number, given: number | null, fig: number | null) => {
    if (given !== null) return n * given;
    if (fig !== null) return Math.max(1, fig - 2 * G.pad);
    let px = Math.max(n * cell, Math.min(n * G.maxCell, side * SHORT_SIDE));
    if (n <= READABLE_AXIS) px = Math.max(px, n * READABLE_CELL);
    return px;
  };
  return { w: axis(cols, size.cellWidth, size.width), h: axis(rows, size.cellHeight, size.height) };
}

/**
 * How many blocks each axis of a grid can show: no more than its device pixels (`ratio`
 * device px per px), no fewer than its cells allow. `rows` counts all panels; the count for
 * rows is for the whole stack.
 */
export function blocksFor(
  rows: number,
  cols: number,
  area: { w: number; h: number },
  ratio: number,
): { rows: number; cols: number } {
  return {
    rows: Math.max(1, Math.min(rows, Math.floor(area.h * ratio))),
    cols: Math.max(1, Math.min(cols, Math.floor(area.w * ratio))),
  };
}

/**
 * The blocks a grid of panels (their row counts) and `cols` columns is reduced to for a cell
 * area: the rows of its largest panel and the columns, or null when every cell already has a
 * device pixel. The stack's rows share the area's height in proportion. One rule for a grid
 * in memory, a streamed file and the HTML view.
 */
export function reductionFor(
  panelRows: readonly number[],
  cols: number,
  area: { w: number; h: number },
  ratio: number,
): { rows: number; cols: number } | null {
  let total = 0;
  let largest = 0;
  for (const r of panelRows) {
    total += r;
    largest = Math.max(largest, r);
  }
  const b = blocksFor(total, cols, area, ratio);
  if (b.rows >= total && b.cols >= cols) return null;
  return { rows: Math.max(1, Math.floor((b.rows * largest) / total)), cols: b.cols };
}

/** The size options of a spec that decide the cell area. */
export function areaSize(spec: Spec) {
  return {
    width: spec.width ?? (spec.figsize ? spec.figsize[0]! * 96 : null),
    height: spec.height ?? (spec.figsize ? spec.figsize[1]! * 96 : null),
    cellWidth: spec.cellWidth ?? null,
    cellHeight: spec.cellHeight ?? null,
  };
}

/**
 * Reduces a grid with more cells than its cell area has device pixels, each axis on its own
 * (a tall array keeps its columns), unless raster is "never". The area follows the figure's
 * size options (see largeGridArea).
 */
export function fitToPixels(grid: Grid, spec: Spec, pixelRatio: number): Grid {
  if (grid.reduced || spec.raster === 'never') return grid;
  const panelRows = grid.panels.map((p) => p.rows);
  const area = largeGridArea(
    panelRows.reduce((s, r) => s + r, 0),
    grid.cols,
    areaSize(spec),
  );
  const to = area && reductionFor(panelRows, grid.cols, area, pixelRatio);
  return to ? reduceGridTo(grid, to.rows, to.cols, spec.reduce ?? DEFAULTS.reduce) : grid;
}

/** What refitting needs of a layout: whether cells are drawn as an image, and the cells' size. */
export interface LaidOutCells {
  readonly raster: boolean;
  readonly panels: readonly { readonly cw: number; readonly ch: number }[];
}

/**
 * After the layout: when the cells got fewer device pixels than the drawn grid has blocks
 * (a figure width or height smaller than the default area), the grid is reduced again, from
 * the whole grid when it is in memory, so that no block is dropped by the image's scaling.
 */
export function refitToLayout(
  loaded: Grid,
  drawn: Grid,
  layout: LaidOutCells,
  spec: Spec,
  pixelRatio: number,
): Grid {
  const box = layout.panels[0];
  if (!layout.raster || !box || spec.raster === 'never') return drawn;
  const panelRows = drawn.panels.map((p) => p.rows);
  const area = { w: box.cw * drawn.cols, h: box.ch * panelRows.reduce((s, r) => s + r, 0) };
  const to = reductionFor(panelRows, drawn.cols, area, pixelRatio);
  if (!to) return drawn;
  const from = loaded.reduced ? drawn : loaded;
  return reduceGridTo(from, to.rows, to.cols, spec.reduce ?? DEFAULTS.reduce);
}
