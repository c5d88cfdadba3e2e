/**
 * The HTML view's runtime, bundled into every .html heatfig writes (esbuild, IIFE). It reads
 * the figure from the page, and draws it with the same layout and scene code as SVG, PNG and
 * PDF, on a canvas: cells as one image per panel (nearest neighbour, crisp at any device pixel
 * ratio), text and lines on top. Hover shows a cell; the keyboard moves a cursor announced in
 * an ARIA live region; wheel and box-drag zoom (every cell shown once there is room, block
 * aggregates before), double-click resets; controls change the colour range and colormap,
 * toggle annotations, and download PNG or SVG of the current view. Text from the data is
 * only ever set with textContent.
 */
import { paintRgba } from '../color/colorize.ts';
import type { Colormap } from '../color/colormap.ts';
import type { NormSpec } from '../color/norm.ts';
import type { Grid, Panel } from '../data/grid.ts';
import { type Reduce, reduceGridTo } from '../data/reduce.ts';
import { largeGridArea, reductionFor } from '../figure/fit-to-pixels.ts';
import { makeFormatter } from '../format/number.ts';
import { type Layout, layoutFigure } from '../layout/layout.ts';
import { buildScene } from '../scene/build.ts';
import type { Scene } from '../scene/types.ts';
import { drawCrisp, paintScene, pixelsCanvas } from '../render/canvas.ts';
import type { Figure } from '../figure/types.ts';
import { dejavuSansMeasurer } from '../text/measure.ts';
import { renderSvg } from '../render/svg.ts';
import { markdownToDom } from './markdown-dom.ts';
import { colormapsFromPayload, figureFromPayload, type Payload } from './payload.ts';

interface Window_ {
  c0: number;
  c1: number;
  r0: number;
  r1: number;
}

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
const measurer = dejavuSansMeasurer();

function readPayload(): Payload {
  const p = JSON.parse($('hf-data').textContent!) as Payload;
  const panels = p.panels.map((x, i) => ({
    ...x,
    values: x.values || $(`hf-v${i}`).textContent!.trim(),
  }));
  return { ...p, panels };
}

const payload = readPayload();
/**
 * The figure, its grid labelled as its axes are: labels given by xticklabels/yticklabels
 * (a list) name the positions in the page and in its hover, as they do in the SVG.
 */
const base = ((f: Figure): Figure => ({
  ...f,
  grid: {
    ...f.grid,
    colLabels: f.xticks.labels,
    panels: f.grid.panels.map((p, i) => ({ ...p, rowLabels: f.yticks[i]!.labels })),
  },
}))(figureFromPayload(payload));
const cmaps = colormapsFromPayload(payload);
// Values in the hover in the spec's format, as annotations would show them.
const fmt = makeFormatter(base.fmt ?? '.3g');
const canvas = $<HTMLCanvasElement>('hf-canvas');
const overlay = $<HTMLCanvasElement>('hf-overlay');
const tip = $('hf-tip');
const live = $('hf-live');
const single = base.grid.panels.length === 1;
const fullRows = base.grid.panels[0]!.rows;
let win: Window_ = { c0: 0, c1: base.grid.cols, r0: 0, r1: fullRows };
let state = { cmap: base.cmap, norm: base.norm, annot: base.annot };
let view: {
  figure: Figure;
  layout: Layout;
  scene: Scene;
  colStart: number;
  rowStart: number;
} | null = null;
let cursor = { panel: 0, row: 0, col: 0 };

function slicePanel(p: Panel, cols: number, w: Window_): Panel {
  const r0 = single ? w.r0 : 0;
  const r1 = single ? w.r1 : p.rows;
  const C = w.c1 - w.c0;
  const values = new (p.values.constructor as Float64ArrayConstructor)((r1 - r0) * C);
  for (let r = r0; r < r1; r++)
    values.set(p.values.subarray(r * cols + w.c0, r * cols + w.c1), (r - r0) * C);
  return { ...p, rows: r1 - r0, rowLabels: p.rowLabels.slice(r0, r1), values };
}

function sliceMask(
  m: Uint8Array | null,
  rows: number,
  cols: number,
  w: Window_,
): Uint8Array | null {
  if (!m) return null;
  const r0 = single ? w.r0 : 0;
  const r1 = single ? w.r1 : rows;
  const out = new Uint8Array((r1 - r0) * (w.c1 - w.c0));
  for (let r = r0; r < r1; r++)
    out.set(m.subarray(r * cols + w.c0, r * cols + w.c1), (r - r0) * (w.c1 - w.c0));
  return out;
}

/** The figure of the visible window, reduced to the canvas's pixels when it has more cells. */
function windowFigure(): Figure {
  const g = base.grid;
  let grid: Grid = {
    cols: win.c1 - win.c0,
    colLabels: g.colLabels.slice(win.c0, win.c1),
    panels: g.panels.map((p) => slicePanel(p, g.cols, win)),
  };
  const mask = base.mask.map((m, i) => sliceMask(m, g.panels[i]!.rows, g.cols, win));
  const rows = grid.panels.reduce((s, p) => s + p.rows, 0);
  // Each axis reduced on its own, to the cell area other outputs give a grid of this shape.
  // The cell area: the first view's (it keeps its size when zoomed), or the one every other
  // output gives a grid of this shape and the spec's width and height.
  const first = base0?.layout.panels;
  const area = first
    ? {
        w: first[0]!.cols * first[0]!.cw,
        h: first.reduce((s, p) => s + p.rows, 0) * first[0]!.ch,
      }
    : largeGridArea(rows, grid.cols, base.size);
  const to = area
    ? reductionFor(
        grid.panels.map((p) => p.rows),
        grid.cols,
        area,
        window.devicePixelRatio || 1,
      )
    : null;
  const reduced = to !== null;
  if (to) grid = reduceGridTo(grid, to.rows, to.cols, base.reduce as Reduce);
  const sep = base.separators
    ? {
        ...base.separators,
        cols: base.separators.cols.filter((c) => c > win.c0 && c < win.c1).map((c) => c - win.c0),
        rows: base.separators.rows
          .filter((r) => !single || (r > win.r0 && r < win.r1))
          .map((r) => (single ? r - win.r0 : r)),
      }
    : null;
  return {
    ...base,
    grid,
    mask: reduced ? grid.panels.map(() => null) : mask,
    xticks: { labels: grid.colLabels, mode: base.xticks.mode },
    yticks: grid.panels.map((p, i) => ({ labels: p.rowLabels, mode: base.yticks[i]!.mode })),
    separators: sep && (sep.cols.length || sep.rows.length) ? sep : null,
    cmap: state.cmap,
    norm: state.norm,
    annot: state.annot,
    raster: 'never',
    size: {
      ...base.size,
      width: base0?.layout.width ?? base.size.width,
      height: base0?.layout.height ?? base.size.height,
    },
  };
}

let base0: { layout: Layout } | null = null;

function draw(): void {
  const figure = windowFigure();
  const layout = layoutFigure(figure, measurer);
  const scene = buildScene(figure, layout, measurer);
  if (!base0) base0 = { layout };
  view = { figure, layout, scene, colStart: win.c0, rowStart: single ? win.r0 : 0 };
  const dpr = window.devicePixelRatio || 1;
  for (const c of [canvas, overlay]) {
    c.width = Math.round(layout.width * dpr);
    c.height = Math.round(layout.height * dpr);
    c.style.width = `${layout.width}px`;
    c.style.height = `${layout.height}px`;
  }
  const ctx = canvas.getContext('2d')!;
  paintScene(ctx, scene, dpr, () => drawCells(ctx, figure, layout, dpr));
  drawOverlay();
}

/** The cells of each panel as one image, one pixel per cell, scaled without smoothing. */
function drawCells(
  ctx: CanvasRenderingContext2D,
  figure: Figure,
  layout: Layout,
  dpr: number,
): void {
  figure.grid.panels.forEach((p, i) => {
    const b = layout.panels[i]!;
    const img = pixelsCanvas(
      paintRgba(figure.cmap, figure.norm, p.values, figure.mask[i] ?? null),
      b.cols,
      b.rows,
    );
    drawCrisp(ctx, img, b.x, b.y, b.cols * b.cw, b.rows * b.ch, dpr);
  });
}

/** The cell under a point of the canvas (CSS px), or null. */
function cellAt(x: number, y: number): { panel: number; row: number; col: number } | null {
  if (!view) return null;
  for (let i = 0; i < view.layout.panels.length; i++) {
    const b = view.layout.panels[i]!;
    const c = Math.floor((x - b.x) / b.cw);
    const r = Math.floor((y - b.y) / b.ch);
    if (c >= 0 && c < b.cols && r >= 0 && r < b.rows) return { panel: i, row: r, col: c };
  }
  return null;
}

/** Row label, column label, value (and panel, and aggregate) of a cell of the view, as text. */
function describeCell(at: { panel: number; row: number; col: number }): string {
  const { figure } = view!;
  const p = figure.grid.panels[at.panel]!;
  const v = p.values[at.row * figure.grid.cols + at.col]!;
  const masked = figure.mask[at.panel]?.[at.row * figure.grid.cols + at.col];
  const xt = base.xlabel ?? 'column';
  const yt = base.ylabel ?? 'row';
  const parts = [];
  if (p.title) parts.push(p.title);
  const red = figure.grid.reduced;
  if (red) {
    const [r0, r1] = span(p.rows, red.rows, at.row, view!.rowStart);
    const [c0, c1] = span(figure.grid.cols, red.cols, at.col, view!.colStart);
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
      Number.isNaN(v) || masked ? 'missing' : `value ${fmt(v)}`,
    );
  }
  return parts.join(', ');
}

/** Original positions a reduced cell covers. */
function span(out: number, n: number, i: number, start: number): [number, number] {
  return [start + Math.floor((i * n) / out), start + Math.floor(((i + 1) * n) / out) - 1];
}

let hover: { panel: number; row: number; col: number } | null = null;
let band: { x0: number; y0: number; x1: number; y1: number } | null = null;

function drawOverlay(): void {
  const ctx = overlay.getContext('2d')!;
  const dpr = window.devicePixelRatio || 1;
  ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
  ctx.clearRect(0, 0, overlay.width, overlay.height);
  if (!view) return;
  const mark = (at: { panel: number; row: number; col: number }, color: string, width: number) => {
    const b = view!.layout.panels[at.panel]!;
    ctx.strokeStyle = color;
    ctx.lineWidth = width;
    ctx.strokeRect(b.x, b.y + at.row * b.ch, b.cols * b.cw, b.ch);
    ctx.strokeRect(b.x + at.col * b.cw, b.y, b.cw, b.rows * b.ch);
  };
  if (hover) mark(hover, 'rgba(255,255,255,0.9)', 1.5);
  const b = view.layout.panels[cursor.panel];
  if (b && document.activeElement === canvas) {
    ctx.strokeStyle = '#000';
    ctx.lineWidth = 2;
    ctx.strokeRect(b.x + cursor.col * b.cw, b.y + cursor.row * b.ch, b.cw, b.ch);
    ctx.strokeStyle = '#fff';
    ctx.lineWidth = 1;
    ctx.strokeRect(
      b.x + cursor.col * b.cw + 1.5,
      b.y + cursor.row * b.ch + 1.5,
      b.cw - 3,
      b.ch - 3,
    );
  }
  if (band) {
    ctx.strokeStyle = '#000';
    ctx.setLineDash([4, 3]);
    ctx.strokeRect(band.x0, band.y0, band.x1 - band.x0, band.y1 - band.y0);
    ctx.setLineDash([]);
  }
}

function showTip(
  at: { panel: number; row: number; col: number } | null,
  x: number,
  y: number,
): void {
  hover = at;
  if (!at) tip.hidden = true;
  else {
    tip.textContent = describeCell(at);
    tip.hidden = false;
    tip.style.left = `${x + 14}px`;
    tip.style.top = `${y + 14}px`;
  }
  drawOverlay();
}

const pos = (e: MouseEvent) => {
  const r = canvas.getBoundingClientRect();
  return { x: e.clientX - r.left, y: e.clientY - r.top };
};

/** Zooms the window to the cells between two points (in view cells), keeping at least one. */
function zoomTo(
  a: { panel: number; row: number; col: number },
  b: { panel: number; row: number; col: number },
): void {
  const { figure } = view!;
  const red = figure.grid.reduced;
  const colOf = (c: number, edge: 0 | 1) =>
    red ? span(figure.grid.cols, red.cols, c, view!.colStart)[edge] : view!.colStart + c;
  const rowOf = (r: number, edge: 0 | 1) =>
    red ? span(figure.grid.panels[0]!.rows, red.rows, r, view!.rowStart)[edge] : view!.rowStart + r;
  const c0 = colOf(Math.min(a.col, b.col), 0);
  const c1 = colOf(Math.max(a.col, b.col), 1) + 1;
  const next = { ...win, c0, c1: Math.max(c1, c0 + 1) };
  if (single) {
    next.r0 = rowOf(Math.min(a.row, b.row), 0);
    next.r1 = Math.max(rowOf(Math.max(a.row, b.row), 1) + 1, next.r0 + 1);
  }
  win = next;
  draw();
}

function zoomAround(at: { panel: number; row: number; col: number }, factor: number): void {
  const cols = win.c1 - win.c0;
  const rows = win.r1 - win.r0;
  const red = view!.figure.grid.reduced;
  const cc = red ? span(view!.figure.grid.cols, red.cols, at.col, win.c0)[0] : win.c0 + at.col;
  const rc = red
    ? span(view!.figure.grid.panels[0]!.rows, red.rows, at.row, win.r0)[0]
    : win.r0 + at.row;
  const nc = Math.max(1, Math.min(base.grid.cols, Math.round(cols * factor)));
  const nr = Math.max(1, Math.min(fullRows, Math.round(rows * factor)));
  const c0 = Math.max(
    0,
    Math.min(base.grid.cols - nc, Math.round(cc - ((cc - win.c0) / cols) * nc)),
  );
  win = { ...win, c0, c1: c0 + nc };
  if (single) {
    const r0 = Math.max(0, Math.min(fullRows - nr, Math.round(rc - ((rc - win.r0) / rows) * nr)));
    win = { ...win, r0, r1: r0 + nr };
  }
  draw();
}

let drag: { x: number; y: number; at: { panel: number; row: number; col: number } } | null = null;
canvas.addEventListener('mousemove', (e) => {
  const p = pos(e);
  if (drag) {
    band = {
      x0: Math.min(drag.x, p.x),
      y0: Math.min(drag.y, p.y),
      x1: Math.max(drag.x, p.x),
      y1: Math.max(drag.y, p.y),
    };
  }
  showTip(cellAt(p.x, p.y), p.x, p.y);
});
canvas.addEventListener('mouseleave', () => showTip(null, 0, 0));
canvas.addEventListener('mousedown', (e) => {
  const p = pos(e);
  const at = cellAt(p.x, p.y);
  if (at) drag = { ...p, at };
});
window.addEventListener('mouseup', (e) => {
  if (!drag) return;
  const p = pos(e);
  const end = cellAt(
    Math.min(Math.max(p.x, 0), canvas.clientWidth),
    Math.min(Math.max(p.y, 0), canvas.clientHeight),
  );
  const moved = Math.abs(p.x - drag.x) + Math.abs(p.y - drag.y) > 6;
  const start = drag.at;
  drag = null;
  band = null;
  if (moved && end && end.panel === start.panel) zoomTo(start, end);
  else drawOverlay();
});
canvas.addEventListener('dblclick', () => {
  win = { c0: 0, c1: base.grid.cols, r0: 0, r1: fullRows };
  draw();
});
canvas.addEventListener(
  'wheel',
  (e) => {
    const p = pos(e);
    const at = cellAt(p.x, p.y);
    if (!at) return;
    e.preventDefault();
    zoomAround(at, e.deltaY < 0 ? 0.8 : 1.25);
  },
  { passive: false },
);

function announce(): void {
  live.textContent = describeCell(cursor);
}

canvas.addEventListener('focus', () => {
  drawOverlay();
  announce();
});
canvas.addEventListener('blur', drawOverlay);
canvas.addEventListener('keydown', (e) => {
  if (!view) return;
  const b = view.layout.panels[cursor.panel]!;
  const page = Math.max(1, Math.floor(b.rows / 4));
  let { panel, row, col } = cursor;
  switch (e.key) {
    case 'ArrowLeft':
      col--;
      break;
    case 'ArrowRight':
      col++;
      break;
    case 'ArrowUp':
      row--;
      if (row < 0 && panel > 0) {
        panel--;
        row = view.layout.panels[panel]!.rows - 1;
      }
      break;
    case 'ArrowDown':
      row++;
      if (row >= b.rows && panel < view.layout.panels.length - 1) {
        panel++;
        row = 0;
      }
      break;
    case 'Home':
      col = 0;
      if (e.ctrlKey) row = 0;
      break;
    case 'End':
      col = b.cols - 1;
      if (e.ctrlKey) row = b.rows - 1;
      break;
    case 'PageUp':
      row -= page;
      break;
    case 'PageDown':
      row += page;
      break;
    case '+':
    case '=':
      zoomAround(cursor, 0.5);
      e.preventDefault();
      return;
    case '-':
      zoomAround(cursor, 2);
      e.preventDefault();
      return;
    default:
      return;
  }
  e.preventDefault();
  const pb = view.layout.panels[panel]!;
  cursor = {
    panel,
    row: Math.max(0, Math.min(pb.rows - 1, row)),
    col: Math.max(0, Math.min(pb.cols - 1, col)),
  };
  drawOverlay();
  announce();
});

// Controls.
const vmin = $<HTMLInputElement>('hf-vmin');
const vmax = $<HTMLInputElement>('hf-vmax');
const cmapSel = $<HTMLSelectElement>('hf-cmap');
const annot = $<HTMLInputElement>('hf-annot');
vmin.value = String(base.norm.vmin);
vmax.value = String(base.norm.vmax);
for (const c of cmaps) {
  const o = document.createElement('option');
  o.value = c.name;
  o.textContent = c.name;
  cmapSel.append(o);
}
annot.checked = base.annot !== null;
const range = () => {
  const lo = Number(vmin.value);
  const hi = Number(vmax.value);
  if (!(Number.isFinite(lo) && Number.isFinite(hi) && lo < hi)) return;
  const n: NormSpec =
    state.norm.kind === 'center' && lo < state.norm.center && state.norm.center < hi
      ? { ...state.norm, vmin: lo, vmax: hi }
      : state.norm.kind === 'log' && lo <= 0
        ? state.norm
        : ({ ...state.norm, vmin: lo, vmax: hi } as NormSpec);
  state = { ...state, norm: n };
  draw();
};
vmin.addEventListener('change', range);
vmax.addEventListener('change', range);
cmapSel.addEventListener('change', () => {
  state = { ...state, cmap: cmaps.find((c: Colormap) => c.name === cmapSel.value)! };
  draw();
});
annot.addEventListener('change', () => {
  state = {
    ...state,
    annot: annot.checked ? { fmt: base.annot?.fmt ?? '.2g', size: base.annot?.size ?? null } : null,
  };
  draw();
});
const download = (name: string, href: string) => {
  const a = document.createElement('a');
  a.href = href;
  a.download = name;
  a.click();
};
$('hf-png').addEventListener('click', () => {
  canvas.toBlob((b) => b && download('heatmap.png', URL.createObjectURL(b)));
});
$('hf-svg').addEventListener('click', () => {
  if (!view) return;
  const svg = renderSvg({ ...view.scene, description: payload.description });
  download('heatmap.svg', URL.createObjectURL(new Blob([svg], { type: 'image/svg+xml' })));
});
$('hf-reset').addEventListener('click', () => {
  win = { c0: 0, c1: base.grid.cols, r0: 0, r1: fullRows };
  state = { cmap: base.cmap, norm: base.norm, annot: base.annot };
  vmin.value = String(base.norm.vmin);
  vmax.value = String(base.norm.vmax);
  cmapSel.value = base.cmap.name;
  annot.checked = base.annot !== null;
  draw();
});

$('hf-desc').append(markdownToDom(payload.description, document));
draw();
canvas.dataset['ready'] = '1';
// The preview (large grids) may have drawn the figure already.
(window as unknown as { heatfigDrawn?: number }).heatfigDrawn ??= performance.now();
(window as unknown as { heatfig: unknown }).heatfig = {
  /** For tests and tools: the current view's layout and window. */
  view: () => ({ layout: view?.layout, window: { ...win }, cursor: { ...cursor } }),
};
