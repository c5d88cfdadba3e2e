import type { Figure } from '../figure/types.ts';
import { makeFormatter } from '../format/number.ts';
import { wireControls } from './controls.ts';
import { wireKeyboard, wirePointer } from './interact.ts';
import { draw, type Viewer } from './paint.ts';
import { markdownToDom } from './markdown-dom.ts';
import { colormapsFromPayload, figureFromPayload, type Payload } from './payload.ts';
import { type Style, wholeWindow } from './state.ts';

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
