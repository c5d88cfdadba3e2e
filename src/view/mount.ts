/**
 * heatfig in the page (issue 17): `mount(element, spec)` draws the interactive view into an
 * element (the same figure as the SVG, on canvas, with the hover tooltip, row and column
 * highlight, wheel and box zoom, the keyboard cursor announced in a live region) and returns
 * a handle to update it, listen to it, export it and take it down. Browser-only: no Node
 * built-in is imported, and nothing needs `eval` or inline script, so a strict CSP allows it.
 */
import {
  type ArrowTableLike,
  gridFromArray,
  gridFromArrow,
  gridFromRecords,
  type RecordKeys,
} from '../data/arrays.ts';
import type { Grid } from '../data/grid.ts';
import { typedArrayHeader } from '../data/npy.ts';
import { streamNpy } from '../data/npy-stream.ts';
import { blocksFor, largeGridArea } from '../figure/fit-to-pixels.ts';
import { namedColormap, recenteredColormap } from '../color/colormap.ts';
import { render, viewFigure } from '../pipeline.ts';
import { renderSvg } from '../render/svg.ts';
import type { Spec } from '../spec/spec-type.ts';
import { mountFigure } from './mount-figure.ts';
import type { Viewer } from './paint.ts';
import { type At, describeCell } from './state.ts';

/** A cell as events give it: where it is, its labels, its value, and its facet's title. */
export interface ViewCell {
  readonly panel: number;
  readonly row: number;
  readonly col: number;
  readonly rowLabel: string;
  readonly colLabel: string;
  readonly value: number;
  readonly facet: string | null;
  /** What the tooltip and the live region say of it. */
  readonly text: string;
}

export interface ViewEvents {
  /** The pointer moved onto a cell. */
  hover: ViewCell;
  /** A cell was clicked (pressed and released without dragging). */
  click: ViewCell;
  /** A box was dragged from one cell to another (the view then zooms to it). */
  select: { readonly from: ViewCell; readonly to: ViewCell };
  /** The visible window changed: its first and last row and column (end exclusive). */
  zoom: { readonly r0: number; readonly r1: number; readonly c0: number; readonly c1: number };
}

/**
 * Data as JavaScript has it, beside the spec's own forms (nested arrays, `{ values, rows,
 * cols }`): a flat typed array with its shape (row-major, as numpy and PyTorch lay it out;
 * 3-D and 4-D shapes are facets), records pivoted on three keys, or an Apache Arrow table
 * (long with x, y and value; wide with an index column of row labels).
 */
export type ViewData =
  | {
      readonly values: ArrayLike<number | null>;
      readonly shape: readonly number[];
      readonly rows?: readonly (string | number)[];
      readonly cols?: readonly (string | number)[];
    }
  | ({ readonly records: readonly Readonly<Record<string, unknown>>[] } & RecordKeys)
  | {
      readonly arrow: ArrowTableLike;
      readonly x?: string;
      readonly y?: string;
      readonly value?: string;
      readonly index?: string;
    };

export interface MountOptions {
  /** The data, when the spec does not hold it (it then needs no `data`). */
  readonly data?: ViewData;
  /**
   * "fit" (default): the figure is as wide as the element, and follows it when it resizes;
   * "natural": the size the spec and the data give (as the SVG). A spec's own width,
   * figsize or cell size always wins.
   */
  readonly size?: 'fit' | 'natural';
  /** The canvas's accessible name. Default: the figure's title. */
  readonly title?: string;
}

/** A Grid from JS data. */
export function gridOfData(data: ViewData): Grid {
  if ('shape' in data)
    return gridFromArray(data.values, data.shape, {
      ...(data.rows ? { rows: data.rows } : {}),
      ...(data.cols ? { cols: data.cols } : {}),
    });
  if ('records' in data) return gridFromRecords(data.records, data);
  const { arrow, x, y, value, index } = data;
  return gridFromArrow(arrow, {
    ...(x !== undefined && y !== undefined && value !== undefined ? { keys: { x, y, value } } : {}),
    ...(index !== undefined ? { index } : {}),
  });
}

export interface ViewHandle {
  /** The element the view was mounted into. */
  readonly element: HTMLElement;
  /** The spec merged with `partial` (and new data, if given) drawn again in the same element; the window is reset. */
  update(partial: Partial<Spec>, data?: ViewData): void;
  /** Calls `listener` on each `event`; returns a function that stops it. */
  on<E extends keyof ViewEvents>(event: E, listener: (detail: ViewEvents[E]) => void): () => void;
  /** The figure as SVG text, as `heatfig render` writes it (the whole grid, not the zoomed window). */
  toSVG(): string;
  /** The view as drawn (the current window), as a PNG blob. */
  toPNG(): Promise<Blob>;
  /**
   * What the view could not do as asked, one line each, as `heatfig render` warns: the spec's
   * (resolving it) and the window drawn's (its layout), e.g. annotations left out of cells too
   * small for legible text, until a zoom or a wider element makes room for them.
   */
  warnings(): readonly string[];
  /** Removes the view, its listeners and its canvases from the element. */
  destroy(): void;
}

/**
 * Mounts the interactive view of `spec` into `element` (its content is replaced). Data as
 * a spec takes it: nested arrays, `{ values, rows, cols }`, long records. Throws a
 * HeatfigError (one line, with the JSON path) for a spec that is not valid, as render does.
 */
export function mount(element: HTMLElement, spec: Spec, options: MountOptions = {}): ViewHandle {
  const win = element.ownerDocument.defaultView!;
  const listeners: { [E in keyof ViewEvents]: Set<(d: ViewEvents[E]) => void> } = {
    hover: new Set(),
    click: new Set(),
    select: new Set(),
    zoom: new Set(),
  };
  let current = spec;
  let gone = false;
  // A large typed array is first drawn from its blocks, read straight from its buffer; every
  // cell follows once the first paint is on screen (see `upgrade`).
  const widthBefore = element.clientWidth;
  const firstLook = options.data ? blocksOfTyped(options.data, spec, widthBefore) : null;
  let grid = options.data ? (firstLook ?? gridOfData(options.data)) : null;
  // Fitting the element's width: unless the spec sizes the figure itself.
  const fits = () =>
    options.size !== 'natural' &&
    current.width === undefined &&
    current.figsize === undefined &&
    current.cellWidth === undefined &&
    element.clientWidth >= 50;
  // The element's width, within what a spec's width may be (50 to 20,000 px).
  const resolved = (): Spec =>
    fits() ? { ...current, width: Math.min(20_000, element.clientWidth) } : current;
  // The figure alone: the view lays out and draws the window it shows (no description).
  const renderNow = () => viewFigure(resolved(), grid ? { grid } : {});
  let result = renderNow();

  const viewLabel = () =>
    `${options.title ?? result.figure.title ?? 'Heatmap'}. Heatmap; focus it and use the arrow keys to read cells.`;
  const view = mountFigure(element, result.figure, {
    label: viewLabel(),
    emit: (v, event, at, to) => {
      if (event === 'zoom') {
        const w = v.s.win;
        for (const f of listeners.zoom) f({ r0: w.r0, r1: w.r1, c0: w.c0, c1: w.c1 });
        return;
      }
      const cell = at && cellOf(v, at);
      if (!cell) return;
      if (event === 'select') {
        const end = to && cellOf(v, to);
        if (end) for (const f of listeners.select) f({ from: cell, to: end });
      } else for (const f of listeners[event]) f(cell);
    },
  });
  const canvas = view.viewer().canvas;
  const redraw = () => {
    result = renderNow();
    canvas.setAttribute('aria-label', viewLabel());
    view.show(result.figure);
  };
  // A fitted view follows its element's width, redrawn at most once a frame. The width is
  // the one read before the view went in: read again now, it would make the browser lay out
  // the page at once, inside the mount (2 to 11 ms of a 50×50 mount, in Chromium's trace);
  // an element whose width the view itself changes is told so by the observer's first call.
  let width = widthBefore;
  let pending = 0;
  const resize = new (win as unknown as { ResizeObserver: typeof ResizeObserver }).ResizeObserver(
    () => {
      if (element.clientWidth === width || pending) return;
      pending = win.requestAnimationFrame(() => {
        pending = 0;
        width = element.clientWidth;
        if (fits()) redraw();
      });
    },
  );
  resize.observe(element);
  // The whole grid (every cell, for zooming in) once the blocks are drawn.
  let upgrade = 0;
  if (firstLook && options.data) {
    const full = options.data;
    // After the next frame, so that the blocks are painted first.
    win.requestAnimationFrame(() => {
      if (gone || !grid || grid !== firstLook) return;
      upgrade = win.setTimeout(() => {
        upgrade = 0;
        grid = gridOfData(full);
        redraw();
      }, 0);
    });
  }

  return {
    element,
    update(partial, data) {
      current = { ...current, ...partial };
      if (data) {
        if (upgrade) win.clearTimeout(upgrade);
        upgrade = 0;
        grid = gridOfData(data);
      }
      // A new colormap by name, nothing else: the same figure in other colours, drawn again
      // without resolving or laying it out anew.
      const keys = Object.keys(partial);
      const v = view.viewer();
      const base = v.base;
      if (
        !data &&
        keys.length === 1 &&
        typeof partial.cmap === 'string' &&
        base.norm.kind !== 'boundary' &&
        !base.panelScales
      ) {
        const { under, over, bad } = base.cmap;
        const named = namedColormap(partial.cmap, '$.cmap');
        // seaborn's center cuts the colormap to the range (as resolve does); a two-slope
        // norm centres by its own arithmetic and takes the colormap whole.
        const n = base.norm;
        const cmap = {
          ...(n.kind === 'linear' && n.center !== undefined
            ? recenteredColormap(named, n.vmin, n.vmax, n.center)
            : named),
          ...(under ? { under } : {}),
          ...(over ? { over } : {}),
          ...(bad ? { bad } : {}),
        };
        v.s.style = { ...v.s.style, cmap };
        v.draw();
        return;
      }
      redraw();
    },
    on(event, listener) {
      const set = listeners[event] as Set<typeof listener>;
      set.add(listener);
      return () => set.delete(listener);
    },
    toSVG: () =>
      renderSvg(
        render(resolved(), { format: 'svg', describe: true, ...(grid ? { grid } : {}) }).scene,
      ),
    warnings: () => [...new Set([...result.warnings, ...(view.viewer().s.drawn?.warnings ?? [])])],
    toPNG: () =>
      new Promise<Blob>((resolve, reject) =>
        view
          .viewer()
          .canvas.toBlob((b) =>
            b ? resolve(b) : reject(new Error('heatfig: no PNG from canvas')),
          ),
      ),
    destroy() {
      gone = true;
      resize.disconnect();
      if (pending) win.cancelAnimationFrame(pending);
      if (upgrade) win.clearTimeout(upgrade);
      for (const set of Object.values(listeners)) set.clear();
      view.destroy();
    },
  };
}

/**
 * A large 2-D Float32Array or Float64Array (a million cells or more) reduced to the blocks a
 * figure `width` px wide shows, as a streamed .npy is: looked at in place a chunk at a time,
 * its every value summarised (so the colour range is the data's), none copied.
 * Null for anything else (labels given, another type or shape, a small array), which is
 * drawn whole at once.
 */
function blocksOfTyped(data: ViewData, spec: Spec, width: number): Grid | null {
  if (!('shape' in data) || data.rows || data.cols || data.shape.length !== 2) return null;
  const v = data.values;
  if (!(v instanceof Float32Array || v instanceof Float64Array)) return null;
  const [R, C] = data.shape as [number, number];
  if (R * C < 1_000_000 || v.length !== R * C) return null;
  const area = largeGridArea(R, C, {
    width: spec.width ?? (width >= 50 ? width : null),
    height: spec.height ?? null,
    cellWidth: spec.cellWidth ?? null,
    cellHeight: spec.cellHeight ?? null,
  });
  if (!area) return null;
  const out = blocksFor(R, C, area, globalWindow().devicePixelRatio || 1);
  const log = spec.norm === 'log';
  // The values where they are, a chunk of rows at a time: none copied.
  return streamNpy(
    typedArrayHeader(v, [R, C]),
    v,
    '$.values',
    out,
    spec.reduce ?? 'mean',
    () => {},
    spec.robust ? (log ? 'log' : 'linear') : null,
    log,
  );
}

const globalWindow = () => globalThis as unknown as { devicePixelRatio?: number };

/** An event's cell: its labels, value and facet, and what the view says of it. */
function cellOf(v: Viewer, at: At): ViewCell | null {
  const drawn = v.s.drawn;
  if (!drawn) return null;
  const f = drawn.figure;
  const p = f.grid.panels[at.panel];
  if (!p) return null;
  return {
    panel: at.panel,
    row: at.row + drawn.rowStart,
    col: at.col + drawn.colStart,
    rowLabel: p.rowLabels[at.row] ?? '',
    colLabel: f.grid.colLabels[at.col] ?? '',
    value: p.values[at.row * f.grid.cols + at.col]!,
    facet: p.title,
    text: describeCell(v.base, drawn, at, v.fmt),
  };
}
