/**
 * The HTML file's script: the page's payload (a resolved figure, its values as base64)
 * mounted by the one viewer (view/mount-figure.ts, as mount() mounts a spec's figure), with
 * the page's controls and its description.
 */
import { wireControls } from './controls.ts';
import { markdownToDom } from './markdown-dom.ts';
import { mountFigure } from './mount-figure.ts';
import { colormapsFromPayload, figureFromPayload, type Payload } from './payload.ts';

function readPayload(doc: Document): Payload {
  const p = JSON.parse(doc.getElementById('hf-data')!.textContent!) as Payload;
  const panels = p.panels.map((x, i) => ({
    ...x,
    values: x.values || doc.getElementById(`hf-v${i}`)!.textContent!.trim(),
  }));
  return { ...p, panels };
}

function startViewer(doc: Document, window_: Window): void {
  const payload = readPayload(doc);
  const figure = figureFromPayload(payload);
  const view = mountFigure(doc.getElementById('hf-host')!, figure, {
    ids: 'hf',
    label: `${figure.title ?? 'Heatmap'}. Heatmap; focus it and use the arrow keys to read cells. A description follows the figure.`,
    describedBy: 'hf-help',
    description: payload.description,
  });
  const v = view.viewer();
  wireControls(v, colormapsFromPayload(payload));
  doc.getElementById('hf-desc')!.append(markdownToDom(payload.description, doc));
  v.canvas.dataset['ready'] = '1';
  // The preview (large grids) may have drawn the figure already.
  (window_ as unknown as { heatfigDrawn?: number }).heatfigDrawn ??= performance.now();
  (window_ as unknown as { heatfig: unknown }).heatfig = {
    /** For tests and tools: the current view's layout and window. */
    view: () => ({ layout: v.s.drawn?.layout, window: { ...v.s.win }, cursor: { ...v.s.cursor } }),
  };
}

startViewer(document, window);
