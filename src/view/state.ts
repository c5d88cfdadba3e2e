/**
 * The interactive view's state and its changes, as pure functions (no DOM; tested in Node):
 * the window of cells shown and its figure, the cell under a point, what a cell says in the
 * tooltip and to a screen reader, zooming to a box or about a cell, the keyboard cursor, and
 * a colour range typed by the user.
 */
import type { NormSpec } from '../color/norm.ts';
import { makeFormatter } from '../format/number.ts';
import type { Grid, Panel } from '../data/grid.ts';
import { type Reduce, reduceGridTo } from '../data/reduce.ts';
import { largeGridArea, reductionFor } from '../figure/fit-to-pixels.ts';
import type { Figure } from '../figure/types.ts';
import type { PanelBox } from '../layout/types.ts';

/** The cells shown: columns [c0, c1) and, for a single panel, rows [r0, r1). */
export interface Win {
  readonly c0: number;
  readonly c1: number;
  readonly r0: number;
  readonly r1: number;
}

/** A cell of the view as drawn: its panel, row and column in the (maybe reduced) window. */
export interface At {
  readonly panel: number;
  readonly row: number;
  readonly col: number;
}

/** What the user changed of the figure's look. */
export interface Style {
  readonly cmap: Figure['cmap'];
  readonly norm: NormSpec;
  readonly annot: Figure['annot'];
}

/** The view drawn: its figure and boxes, and where its window starts in the whole grid. */
export interface Drawn {
  readonly figure: Figure;
  readonly panels: readonly PanelBox[];
  readonly colStart: number;
  readonly rowStart: number;
}

/** Every cell of the figure. */
export const wholeWindow = (base: Figure): Win => ({
  c0: 0,
  c1: base.grid.cols,
  r0: 0,
  r1: base.grid.panels[0]!.rows,
});

const single = (base: Figure) => base.grid.panels.length === 1;

function slice<T extends Float64Array | Float32Array | Uint8Array>(
  values: T,
  rows: number,
  cols: number,
  w: Win,
  rowsToo: boolean,
): T {
  const r0 = rowsToo ? w.r0 : 0;
  const r1 = rowsToo ? w.r1 : rows;
  const C = w.c1 - w.c0;
  const out = new (values.constructor as new (n: number) => T)((r1 - r0) * C);
  for (let r = r0; r < r1; r++)
    out.set(values.subarray(r * cols + w.c0, r * cols + w.c1), (r - r0) * C);
  return out;
}

/** A value before its transform, in a plain format (the cells' may be a percentage of it). */
const RAW = makeFormatter('.6g');

/** The window of a panel's cell texts (row-major, as slice does for numbers). */
function sliceTexts(
  texts: readonly (string | null)[],
  rows: number,
  cols: number,
  w: Win,
  rowsToo: boolean,
): (string | null)[] {
  const r0 = rowsToo ? w.r0 : 0;
  const r1 = rowsToo ? w.r1 : rows;
  const out: (string | null)[] = [];
  for (let r = r0; r < r1; r++) out.push(...texts.slice(r * cols + w.c0, r * cols + w.c1));
  return out;
}

function slicePanel(p: Panel, cols: number, w: Win, rowsToo: boolean): Panel {
  const r0 = rowsToo ? w.r0 : 0;
  const r1 = rowsToo ? w.r1 : p.rows;
  return {
    ...p,
    rows: r1 - r0,
    rowLabels: p.rowLabels.slice(r0, r1),
    values: slice(p.values, p.rows, cols, w, rowsToo),
  };
}

/**
 * The figure of a window of `base`, in the user's style, reduced to the cell area's device
 * pixels (`ratio` per px) when it has more cells. The cell area is the first view's (`first`:
 * it keeps its size when zoomed), or the one every other output gives a grid of this shape.
 */
export function windowFigure(
  base: Figure,
  win: Win,
  style: Style,
  first: {
    readonly panels: readonly PanelBox[];
    readonly width: number;
    readonly height: number;
  } | null,
  ratio: number,
): Figure {
  const g = base.grid;
  const rowsToo = single(base);
  let grid: Grid = {
    cols: win.c1 - win.c0,
    colLabels: g.colLabels.slice(win.c0, win.c1),
    panels: g.panels.map((p) => slicePanel(p, g.cols, win, rowsToo)),
  };
  const mask = base.mask.map((m, i) =>
    m ? slice(m, g.panels[i]!.rows, g.cols, win, rowsToo) : null,
  );
  const rows = grid.panels.reduce((s, p) => s + p.rows, 0);
  // A grid already reduced (a large typed array's first look) was reduced for the area of
  // its original shape, as the layout sizes its cells (contentCellSize): the area of the
  // blocks' own shape would reduce it again (1000 of 4000 rows to 925: 85 ms), and so would
  // the first layout's, once known (a new colormap drew other blocks than the first draw).
  const area = g.reduced
    ? largeGridArea(g.reduced.rows * g.panels.length, g.reduced.cols, base.size)
    : first
      ? {
          w: first.panels[0]!.cols * first.panels[0]!.cw,
          h: first.panels.reduce((s, p) => s + p.rows, 0) * first.panels[0]!.ch,
        }
      : largeGridArea(rows, grid.cols, base.size);
  const to = area
    ? reductionFor(
        grid.panels.map((p) => p.rows),
        grid.cols,
        area,
        ratio,
      )
    : null;
  if (to) grid = reduceGridTo(grid, to.rows, to.cols, base.reduce as Reduce);
  const sep = base.separators
    ? {
        ...base.separators,
        cols: base.separators.cols.filter((c) => c > win.c0 && c < win.c1).map((c) => c - win.c0),
        rows: base.separators.rows
          .filter((r) => !rowsToo || (r > win.r0 && r < win.r1))
          .map((r) => (rowsToo ? r - win.r0 : r)),
      }
    : null;
  return {
    ...base,
    grid,
    mask: to ? grid.panels.map(() => null) : mask,
    xticks: { labels: grid.colLabels, mode: base.xticks.mode },
    yticks: grid.panels.map((p, i) => ({ labels: p.rowLabels, mode: base.yticks[i]!.mode })),
    separators: sep && (sep.cols.length || sep.rows.length) ? sep : null,
    cmap: style.cmap,
    norm: style.norm,
    // The cells' own texts and highlights, windowed as the cells are; a reduced window has none.
    // Totals are of the whole grid: a zoomed window drops them rather than total a part.
    marginals:
      win.c0 === 0 &&
      win.c1 === g.cols &&
      (!rowsToo || (win.r0 === 0 && win.r1 === g.panels[0]!.rows)) &&
      !to
        ? (base.marginals ?? null)
        : null,
    raw: to
      ? null
      : (base.raw?.map((v, i) =>
          slice(v as Float64Array, g.panels[i]!.rows, g.cols, win, rowsToo),
        ) ?? null),
    highlight: to
      ? null
      : (base.highlight?.map((h, i) => slice(h, g.panels[i]!.rows, g.cols, win, rowsToo)) ?? null),
    // Facets keep their own scales until a range is typed (it applies to them all); a
    // colormap chosen applies to each.
    panelScales:
      base.panelScales && style.norm === base.norm
        ? base.panelScales.map((s) => (style.cmap === base.cmap ? s : { ...s, cmap: style.cmap }))
        : null,
    annot:
      style.annot?.cells && !to
        ? {
            ...style.annot,
            cells: style.annot.cells.map((c, i) =>
              sliceTexts(c, g.panels[i]!.rows, g.cols, win, rowsToo),
            ),
          }
        : style.annot && to
          ? { ...style.annot, cells: null }
          : style.annot,
    // The trees cut to the window's leaves (their heights keep the whole tree's scale).
    dendrograms: base.dendrograms
      ? { ...base.dendrograms, window: { r0: win.r0, r1: win.r1, c0: win.c0, c1: win.c1 } }
      : null,
    raster: 'never',
    size: {
      ...base.size,
      width: first?.width ?? base.size.width,
      height: first?.height ?? base.size.height,
    },
  };
}

/** The cell under a point (CSS px) of the drawn panels, or null. */
export function cellAt(panels: readonly PanelBox[], x: number, y: number): At | null {
  for (let i = 0; i < panels.length; i++) {
    const b = panels[i]!;
    const c = Math.floor((x - b.x) / b.cw);
    const r = Math.floor((y - b.y) / b.ch);
    if (c >= 0 && c < b.cols && r >= 0 && r < b.rows) return { panel: i, row: r, col: c };
  }
  return null;
}

/** The original positions [first, last] that block i of `out` blocks over n cells covers, from `start`. */
export function span(out: number, n: number, i: number, start: number): [number, number] {
  return [start + Math.floor((i * n) / out), start + Math.floor(((i + 1) * n) / out) - 1];
}

/** Row label, column label and value (and panel, and aggregate) of a cell of the view, as text. */
export function describeCell(
  base: Figure,
  drawn: Drawn,
  at: At,
  fmt: (v: number) => string,
): string {
  const { figure } = drawn;
  const p = figure.grid.panels[at.panel]!;
  const v = p.values[at.row * figure.grid.cols + at.col]!;
  const masked = figure.mask[at.panel]?.[at.row * figure.grid.cols + at.col];
  const xt = base.xlabel ?? 'column';
  const yt = base.ylabel ?? 'row';
  const parts = [];
  if (p.title) parts.push(p.title);
  const red = figure.grid.reduced;
  if (red) {
    const [r0, r1] = span(p.rows, red.rows, at.row, drawn.rowStart);
    const [c0, c1] = span(figure.grid.cols, red.cols, at.col, drawn.colStart);
    parts.push(
      `${yt} ${r0}–${r1}`,
      `${xt} ${c0}–${c1}`,
      Number.isNaN(v)
        ? 'missing'
        : `${red.how === 'absmax' ? 'largest magnitude' : red.how} ${fmt(v)}`,
    );
  } else {
    parts.push(
      `${yt} ${p.rowLabels[at.row]}`,
      `${xt} ${figure.grid.colLabels[at.col]}`,
      // A masked cell holds data the figure hides; a missing one holds none. A transformed
      // value is said with the value it came from.
      masked
        ? 'masked'
        : Number.isNaN(v)
          ? 'missing'
          : figure.categories
            ? `${figure.categories[v] !== undefined ? `category ${figure.categories[v]}` : `value ${fmt(v)}, no category`}`
            : `value ${fmt(v)}${figure.raw ? ` (raw ${RAW(figure.raw[at.panel]![at.row * figure.grid.cols + at.col]!)})` : ''}`,
    );
  }
  return parts.join(', ');
}

/** The window of the cells between two drawn cells, keeping at least one. */
export function zoomTo(base: Figure, win: Win, drawn: Drawn, a: At, b: At): Win {
  const { figure } = drawn;
  const red = figure.grid.reduced;
  const colOf = (c: number, edge: 0 | 1) =>
    red ? span(figure.grid.cols, red.cols, c, drawn.colStart)[edge] : drawn.colStart + c;
  const rowOf = (r: number, edge: 0 | 1) =>
    red ? span(figure.grid.panels[0]!.rows, red.rows, r, drawn.rowStart)[edge] : drawn.rowStart + r;
  const c0 = colOf(Math.min(a.col, b.col), 0);
  const c1 = Math.max(colOf(Math.max(a.col, b.col), 1) + 1, c0 + 1);
  if (!single(base)) return { ...win, c0, c1 };
  const r0 = rowOf(Math.min(a.row, b.row), 0);
  return { c0, c1, r0, r1: Math.max(rowOf(Math.max(a.row, b.row), 1) + 1, r0 + 1) };
}

/** The window scaled by `factor` (below 1 zooms in) about a drawn cell, kept inside the grid. */
export function zoomAround(base: Figure, win: Win, drawn: Drawn, at: At, factor: number): Win {
  const cols = win.c1 - win.c0;
  const rows = win.r1 - win.r0;
  const fullRows = base.grid.panels[0]!.rows;
  const red = drawn.figure.grid.reduced;
  const cc = red ? span(drawn.figure.grid.cols, red.cols, at.col, win.c0)[0] : win.c0 + at.col;
  const rc = red
    ? span(drawn.figure.grid.panels[0]!.rows, red.rows, at.row, win.r0)[0]
    : win.r0 + at.row;
  const nc = Math.max(1, Math.min(base.grid.cols, Math.round(cols * factor)));
  const nr = Math.max(1, Math.min(fullRows, Math.round(rows * factor)));
  const c0 = Math.max(
    0,
    Math.min(base.grid.cols - nc, Math.round(cc - ((cc - win.c0) / cols) * nc)),
  );
  if (!single(base)) return { ...win, c0, c1: c0 + nc };
  const r0 = Math.max(0, Math.min(fullRows - nr, Math.round(rc - ((rc - win.r0) / rows) * nr)));
  return { c0, c1: c0 + nc, r0, r1: r0 + nr };
}

/**
 * The norm with a colour range the user typed, or null when the range is not one: both ends
 * numbers, low below high, and positive on a log scale.
 */
export function rangeNorm(norm: NormSpec, lo: number, hi: number): NormSpec | null {
  if (!(Number.isFinite(lo) && Number.isFinite(hi) && lo < hi)) return null;
  if (norm.kind === 'log' && lo <= 0) return null;
  return { ...norm, vmin: lo, vmax: hi } as NormSpec;
}
