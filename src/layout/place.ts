/** Moving a draft onto the canvas: whole-pixel offsets, so cell edges stay sharp. */
import { GEOMETRY as G } from '../figure/geometry.ts';
import { shiftText } from './text.ts';
import type { ColorbarLayout, Draft, Layout, Segment } from './types.ts';

/** Moves the draft onto the canvas: whole-pixel offsets so cell edges stay sharp. */
export function place(
  d: Draft,
  fixedW: number | null,
  fixedH: number | null,
): Omit<Layout, 'raster' | 'annotations'> {
  const b = d.bounds;
  const contentW = Math.ceil(b.x + b.w) - Math.floor(b.x);
  const contentH = Math.ceil(b.y + b.h) - Math.floor(b.y);
  const width = fixedW ?? contentW + 2 * G.pad;
  const height = fixedH ?? contentH + 2 * G.pad;
  const dx = Math.round((width - contentW) / 2) - Math.floor(b.x);
  const dy = Math.round((height - contentH) / 2) - Math.floor(b.y);
  const sp = (s: Segment): Segment => shiftSegment(s, dx, dy);
  const moved = (c: ColorbarLayout | null) => (c ? shiftColorbar(c, dx, dy) : null);
  return {
    width,
    height,
    panels: d.panels.map((p) => ({ ...p, x: p.x + dx, y: p.y + dy })),
    texts: d.texts.map((t) => shiftText(t, dx, dy)),
    tickMarks: d.tickMarks.map(sp),
    dendrograms: d.dendrograms.map(sp),
    clusterRects: d.clusterRects.map((r) => ({ ...r, x: r.x + dx, y: r.y + dy })),
    annotSize: d.annotSize,
    colorbar: moved(d.colorbar),
    panelColorbars: d.panelColorbars?.map(moved) ?? null,
    marginals: d.marginals
      ? {
          ...d.marginals,
          column: {
            ...d.marginals.column,
            x: d.marginals.column.x + dx,
            y: d.marginals.column.y + dy,
          },
          row: { ...d.marginals.row, x: d.marginals.row.x + dx, y: d.marginals.row.y + dy },
          corner: {
            ...d.marginals.corner,
            x: d.marginals.corner.x + dx,
            y: d.marginals.corner.y + dy,
          },
        }
      : null,
  };
}

/** A segment moved by (dx, dy). */
export const shiftSegment = (s: Segment, dx: number, dy: number): Segment => ({
  x1: s.x1 + dx,
  y1: s.y1 + dy,
  x2: s.x2 + dx,
  y2: s.y2 + dy,
});

/** A colorbar moved by (dx, dy): its bar, triangles, outline and ticks. */
export function shiftColorbar(c: ColorbarLayout, dx: number, dy: number): ColorbarLayout {
  const pp = (p: readonly [number, number]): [number, number] => [p[0] + dx, p[1] + dy];
  return {
    bar: { ...c.bar, x: c.bar.x + dx, y: c.bar.y + dy },
    extendMin: c.extendMin?.map(pp) ?? null,
    extendMax: c.extendMax?.map(pp) ?? null,
    outline: c.outline.map(pp),
    ticks: c.ticks.map((t) => ({ value: t.value, y: t.y + (c.horizontal ? dx : dy) })),
    ...(c.horizontal ? { horizontal: true as const } : {}),
    ...(c.swatches
      ? { swatches: c.swatches.map((s) => ({ ...s, x: s.x + dx, y: s.y + dy })) }
      : {}),
  };
}
