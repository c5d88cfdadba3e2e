/**
 * The first look at a large grid's HTML view, drawn before the page has read its data (tens
 * of megabytes of base64 that the browser parses after this script): the figure as drawn
 * for a PNG (layout from the labels, cells from a PNG of their block aggregates). The viewer
 * script that follows the data redraws the same figure from the values and takes over.
 */
import { layoutFigure } from '../layout/layout.ts';
import { buildScene } from '../scene/build.ts';
import { dejavuSansMeasurer } from '../text/measure.ts';
import { drawCrisp, paintScene } from '../render/canvas.ts';
import { figureFromPayload, type Payload } from './payload.ts';

interface Preview {
  readonly payload: Payload;
  /** One PNG (data URL) of the cells per panel, one pixel per aggregate. */
  readonly cells: readonly string[];
}

const preview = JSON.parse(document.getElementById('hf-preview')!.textContent!) as Preview;
// The aggregates' values arrive with the data; the skeleton holds only the shape and labels.
const payload: Payload = {
  ...preview.payload,
  dtype: 'f4',
  panels: preview.payload.panels.map((p) => ({
    ...p,
    values: '',
  })),
};
const figure = figureFromPayload(payload);
const skeleton = {
  ...figure,
  grid: {
    ...figure.grid,
    panels: figure.grid.panels.map((p) => ({
      ...p,
      values: new Float64Array(p.rows * figure.grid.cols).fill(Number.NaN),
    })),
  },
};
const measurer = dejavuSansMeasurer();
const layout = layoutFigure(skeleton, measurer);
const scene = buildScene(skeleton, layout, measurer);
// A canvas of its own, in the place the viewer will mount into (and so replace it).
const canvas = document.createElement('canvas');
canvas.id = 'hf-canvas';
canvas.style.display = 'block';
document.getElementById('hf-host')!.append(canvas);
const dpr = window.devicePixelRatio || 1;
canvas.width = Math.round(layout.width * dpr);
canvas.height = Math.round(layout.height * dpr);
canvas.style.width = `${layout.width}px`;
canvas.style.height = `${layout.height}px`;
const ctx = canvas.getContext('2d')!;
const images = preview.cells.map((src) => {
  const img = new Image();
  img.src = src;
  return img;
});
Promise.all(images.map((i) => i.decode())).then(() => {
  if (!canvas.isConnected) return; // the viewer got there first
  paintScene(ctx, scene, dpr, () => {
    layout.panels.forEach((b, i) => {
      drawCrisp(ctx, images[i]!, b.x, b.y, b.cols * b.cw, b.rows * b.ch, dpr);
    });
  });
  (window as unknown as { heatfigDrawn?: number }).heatfigDrawn ??= performance.now();
});
