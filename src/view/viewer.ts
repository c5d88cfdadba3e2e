import { wireControls } from './controls.ts';
import { wireKeyboard, wirePointer } from './interact.ts';
import { makeViewer } from './make-viewer.ts';
import { draw } from './paint.ts';
import { markdownToDom } from './markdown-dom.ts';
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
  const $ = <T extends HTMLElement>(id: string) => doc.getElementById(id) as T;
  const payload = readPayload(doc);
  const v = makeViewer(
    {
      canvas: $<HTMLCanvasElement>('hf-canvas'),
      overlay: $<HTMLCanvasElement>('hf-overlay'),
      tip: $('hf-tip'),
      live: $('hf-live'),
    },
    figureFromPayload(payload),
    { payload },
  );
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
