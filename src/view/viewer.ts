import type { Figure } from '../figure/types.ts';
import { makeFormatter } from '../format/number.ts';
import { wireControls } from './controls.ts';
import { keyAction } from './keys.ts';
import { draw, drawOverlay, type Viewer } from './paint.ts';
import { markdownToDom } from './markdown-dom.ts';
import { colormapsFromPayload, figureFromPayload, type Payload } from './payload.ts';
import {
  type At,
  cellAt,
  describeCell,
  type Style,
  type Win,
  wholeWindow,
  zoomAround,
  zoomTo,
} from './state.ts';

function readPayload(doc: Document): Payload {
  const p = JSON.parse(doc.getElementById('hf-data')!.textContent!) as Payload;
  const panels = p.panels.map((x, i) => ({
    ...x,
    values: x.values || doc.getElementById(`hf-v${i}`)!.textContent!.trim(),
  }));
  return { ...p, panels };
}

/**
 * The figure, its grid labelled as its axes are: labels given by xticklabels/yticklabels
 * (a list) name the positions in the page and in its hover, as they do in the SVG.
 */
const labelledAsAxes = (f: Figure): Figure => ({
  ...f,
  grid: {
    ...f.grid,
    colLabels: f.xticks.labels,
    panels: f.grid.panels.map((p, i) => ({ ...p, rowLabels: f.yticks[i]!.labels })),
  },
});

const cellUnder = (v: Viewer, x: number, y: number) =>
  v.s.drawn ? cellAt(v.s.drawn.panels, x, y) : null;
const said = (v: Viewer, cell: At) =>
  v.s.drawn ? describeCell(v.base, v.s.drawn, cell, v.fmt) : '';

function showTip(v: Viewer, cell: At | null, x: number, y: number): void {
  v.s.hover = cell;
  if (!cell) v.tip.hidden = true;
  else {
    v.tip.textContent = said(v, cell);
    v.tip.hidden = false;
    v.tip.style.left = `${x + 14}px`;
    v.tip.style.top = `${y + 14}px`;
  }
  drawOverlay(v);
}

const zoom = (v: Viewer, next: Win) => {
  v.s.win = next;
  v.draw();
};

/** Hover, box-drag zoom, wheel zoom and double-click reset. */
function wirePointer(v: Viewer): void {
  const { s, canvas, base } = v;
  const pos = (e: MouseEvent) => {
    const r = canvas.getBoundingClientRect();
    return { x: e.clientX - r.left, y: e.clientY - r.top };
  };
  canvas.addEventListener('mousemove', (e) => {
    const p = pos(e);
    if (s.drag) {
      s.band = {
        x0: Math.min(s.drag.x, p.x),
        y0: Math.min(s.drag.y, p.y),
        x1: Math.max(s.drag.x, p.x),
        y1: Math.max(s.drag.y, p.y),
      };
    }
    showTip(v, cellUnder(v, p.x, p.y), p.x, p.y);
  });
  canvas.addEventListener('mouseleave', () => showTip(v, null, 0, 0));
  canvas.addEventListener('mousedown', (e) => {
    const p = pos(e);
    const cell = cellUnder(v, p.x, p.y);
    if (cell) s.drag = { ...p, at: cell };
  });
  v.window.addEventListener('mouseup', (e) => {
    if (!s.drag) return;
    const p = pos(e);
    const end = cellUnder(
      v,
      Math.min(Math.max(p.x, 0), canvas.clientWidth),
      Math.min(Math.max(p.y, 0), canvas.clientHeight),
    );
    const moved = Math.abs(p.x - s.drag.x) + Math.abs(p.y - s.drag.y) > 6;
    const start = s.drag.at;
    s.drag = null;
    s.band = null;
    if (moved && end && end.panel === start.panel && s.drawn)
      zoom(v, zoomTo(base, s.win, s.drawn, start, end));
    else drawOverlay(v);
  });
  canvas.addEventListener('dblclick', () => zoom(v, wholeWindow(base)));
  canvas.addEventListener(
    'wheel',
    (e) => {
      const p = pos(e);
      const cell = cellUnder(v, p.x, p.y);
      if (!cell || !s.drawn) return;
      e.preventDefault();
      zoom(v, zoomAround(base, s.win, s.drawn, cell, e.deltaY < 0 ? 0.8 : 1.25));
    },
    { passive: false },
  );
}

/** The keyboard cursor, announced in the live region as it moves. */
function wireKeyboard(v: Viewer): void {
  const { s, canvas } = v;
  const announce = () => {
    v.live.textContent = said(v, s.cursor);
  };
  canvas.addEventListener('focus', () => {
    drawOverlay(v);
    announce();
  });
  canvas.addEventListener('blur', () => drawOverlay(v));
  canvas.addEventListener('keydown', (e) => {
    if (!s.drawn) return;
    const action = keyAction(e.key, e.ctrlKey, s.cursor, s.drawn.panels);
    if (!action) return;
    e.preventDefault();
    if ('zoom' in action) return zoom(v, zoomAround(v.base, s.win, s.drawn, s.cursor, action.zoom));
    s.cursor = action.move;
    drawOverlay(v);
    announce();
  });
}

function startViewer(doc: Document, window_: Window): void {
  const $ = <T extends HTMLElement>(id: string) => doc.getElementById(id) as T;
  const payload = readPayload(doc);
  const base = labelledAsAxes(figureFromPayload(payload));
  const initialStyle: Style = { cmap: base.cmap, norm: base.norm, annot: base.annot };
  const v: Viewer = {
    doc,
    window: window_,
    base,
    payload,
    // Values in the hover in the spec's format, as annotations would show them.
    fmt: makeFormatter(base.fmt),
    canvas: $<HTMLCanvasElement>('hf-canvas'),
    overlay: $<HTMLCanvasElement>('hf-overlay'),
    tip: $('hf-tip'),
    live: $('hf-live'),
    initialStyle,
    s: {
      win: wholeWindow(base),
      style: initialStyle,
      drawn: null,
      first: null,
      cursor: { panel: 0, row: 0, col: 0 },
      hover: null,
      band: null,
      drag: null,
    },
    draw: () => draw(v),
  };
  wirePointer(v);
  wireKeyboard(v);
  wireControls(v, colormapsFromPayload(payload));
  $('hf-desc').append(markdownToDom(payload.description, doc));
  draw(v);
  v.canvas.dataset['ready'] = '1';
  // The preview (large grids) may have drawn the figure already.
  (window_ as unknown as { heatfigDrawn?: number }).heatfigDrawn ??= performance.now();
  (window_ as unknown as { heatfig: unknown }).heatfig = {
    /** For tests and tools: the current view's layout and window. */
    view: () => ({ layout: v.s.drawn?.layout, window: { ...v.s.win }, cursor: { ...v.s.cursor } }),
  };
}

startViewer(document, window);
