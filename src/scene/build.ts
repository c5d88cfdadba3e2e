import { colorbarStrip, makeColorizer } from '../color/colorize.ts';
import { textColorOn } from '../color/contrast.ts';
import { hexFromBytes } from '../color/parse.ts';
import type { ColorbarLayout, Layout } from '../layout/layout.ts';
import { type Figure, scaleOf } from '../figure/types.ts';
import type { TextMeasurer } from '../text/measure.ts';
import { highlights, marginals } from './beside.ts';
import { cells } from './cells.ts';
import type { FontRef, LinePrimitive, Primitive, Scene } from './types.ts';

/** seaborn's dendrogram lines: (0.2, 0.2, 0.2). */
const DENDROGRAM_INK = '#333333';

/**
 * Builds the scene from a resolved figure and its layout: one rect per drawn cell (missing
 * and masked cells get none), annotations in black or white by contrast, separators, tick
 * marks and labels, and the colorbar as an image with its outline and extend triangles.
 */
export function buildScene(
  fig: Figure,
  layout: Layout,
  m: TextMeasurer,
  description = '',
  fonts: readonly FontRef[] = [],
  /** The cells and their annotations are painted apart from the scene (the interactive view does, from the values): a place-holder marks where. */
  cellsApart = false,
): Scene {
  const out: Primitive[] = [];
  // A transparent background draws nothing; text, ticks and outlines then stay black, for
  // the white page it will most likely sit on. On a colour, they take black or white,
  // whichever contrasts more (at least 4.58:1).
  if (fig.background !== 'none')
    out.push({
      type: 'rect',
      role: 'background',
      x: 0,
      y: 0,
      w: layout.width,
      h: layout.height,
      fill: fig.background,
    });
  const ink = fig.background === 'none' ? '#000000' : textColorOn(fig.background);
  const annots = cells(fig, layout, m, out, cellsApart);
  out.push(...gridLines(fig, layout), ...highlights(fig, layout, ink), ...annots);
  if (layout.marginals) out.push(...marginals(layout.marginals, layout.panels[0]!, m));
  for (const s of layout.tickMarks)
    out.push({ type: 'line', role: 'tick', ...s, stroke: ink, width: 1 });
  // Dendrograms as seaborn draws them: 0.5 pt lines of dark grey (0.2, 0.2, 0.2).
  for (const s of layout.dendrograms)
    out.push({ type: 'line', role: 'dendrogram', ...s, stroke: DENDROGRAM_INK, width: 2 / 3 });
  // The bars of category colours, and the legend's swatches with a hairline edge.
  for (const r of layout.clusterRects) {
    const { x, y, w, h, fill } = r;
    out.push({ type: 'rect', role: 'swatch', x, y, w, h, fill });
    if (r.role === 'swatch')
      out.push({
        type: 'polygon',
        role: 'cbar-outline',
        points: [
          [x, y],
          [x + w, y],
          [x + w, y + h],
          [x, y + h],
        ],
        fill: null,
        stroke: ink,
        width: 0.5,
      });
  }
  for (const t of layout.texts) {
    // The layout's box of each text is not carried: textBox works it out from the text.
    const { panel: _p, box: _b, ...rest } = t;
    out.push({ type: 'text', ...rest, fill: ink });
  }
  if (layout.colorbar) out.push(...colorbar(fig, layout.colorbar, ink));
  // Facets with scales of their own: each colorbar in its panel's colours.
  layout.panelColorbars?.forEach((cb, i) => {
    if (cb) out.push(...colorbar({ ...fig, ...scaleOf(fig, i) }, cb, ink));
  });
  return {
    width: layout.width,
    height: layout.height,
    fontFamily: m.family,
    ...(fonts.length ? { fonts } : {}),
    title: fig.title ?? 'Heatmap',
    description,
    primitives: out,
  };
}

/** Lines between cells and separators between groups, over the cells of each panel. */
function gridLines(fig: Figure, layout: Layout): LinePrimitive[] {
  const lines: LinePrimitive[] = [];
  for (const b of layout.panels) {
    const x1 = b.x + b.cols * b.cw;
    const y1 = b.y + b.rows * b.ch;
    if (fig.cellLines) {
      const { width, color: stroke } = fig.cellLines;
      for (let c = 1; c < b.cols; c++)
        lines.push(vline(b.x + c * b.cw, b.y, y1, stroke, width, 'cell-line'));
      for (let r = 1; r < b.rows; r++)
        lines.push(hline(b.y + r * b.ch, b.x, x1, stroke, width, 'cell-line'));
    }
    if (fig.separators) {
      const { width, color: stroke } = fig.separators;
      for (const c of fig.separators.cols)
        lines.push(vline(b.x + c * b.cw, b.y, y1, stroke, width, 'separator'));
      for (const r of fig.separators.rows)
        if (r < b.rows) lines.push(hline(b.y + r * b.ch, b.x, x1, stroke, width, 'separator'));
    }
  }
  return lines;
}

/** The colorbar: its colours as a one-pixel-wide image, the extend triangles in the end colours, the outline. */
function colorbar(fig: Figure, cb: ColorbarLayout, ink: string): Primitive[] {
  // Categorical data: a legend, a swatch per category with a hairline edge (pale colours on
  // white stay visible).
  if (cb.swatches) {
    const color = makeColorizer(fig.cmap, fig.norm);
    return cb.swatches.flatMap((s): Primitive[] => [
      { type: 'rect', role: 'swatch', x: s.x, y: s.y, w: s.w, h: s.h, fill: color(s.value)! },
      {
        type: 'polygon',
        role: 'cbar-outline',
        points: [
          [s.x, s.y],
          [s.x + s.w, s.y],
          [s.x + s.w, s.y + s.h],
          [s.x, s.y + s.h],
        ],
        fill: null,
        stroke: ink,
        width: 0.5,
      },
    ]);
  }
  const upright = colorbarStrip(fig.cmap, fig.norm);
  const n = upright.length / 4;
  // Lying along the grid, the strip runs low (left) to high: the upright one's pixels reversed.
  const rgba = cb.horizontal ? new Uint8Array(upright.length) : upright;
  if (cb.horizontal)
    for (let i = 0; i < n; i++) rgba.set(upright.subarray((n - 1 - i) * 4, (n - i) * 4), i * 4);
  const out: Primitive[] = [
    {
      type: 'image',
      role: 'colorbar',
      ...cb.bar,
      pixelWidth: cb.horizontal ? n : 1,
      pixelHeight: cb.horizontal ? 1 : n,
      rgba,
      smoothing: 'nearest',
    },
  ];
  // drawedges: a hairline between each two of the bar's colours (matplotlib's dividers).
  if (fig.colorbar?.drawedges)
    for (let i = 1; i < n; i++) {
      const { x, y, w, h } = cb.bar;
      out.push(
        cb.horizontal
          ? vline(x + (i * w) / n, y, y + h, ink, 0.5, 'cbar-edge')
          : hline(y + (i * h) / n, x, x + w, ink, 0.5, 'cbar-edge'),
      );
    }
  const { lut } = fig.cmap;
  const last = fig.cmap.n - 1;
  const end = (i: number) =>
    `#${[0, 1, 2].map((j) => lut[i * 3 + j]!.toString(16).padStart(2, '0')).join('')}`;
  const triangle = (points: readonly [number, number][], fill: string): Primitive => ({
    type: 'polygon',
    role: 'cbar-extend',
    points,
    fill,
    stroke: null,
    width: 0,
  });
  // The triangles in the under and over colours (matplotlib's set_under / set_over), else the ends.
  const rgb = (c: readonly [number, number, number]) => hexFromBytes(c[0], c[1], c[2]);
  if (cb.extendMin) out.push(triangle(cb.extendMin, fig.cmap.under ? rgb(fig.cmap.under) : end(0)));
  if (cb.extendMax)
    out.push(triangle(cb.extendMax, fig.cmap.over ? rgb(fig.cmap.over) : end(last)));
  out.push({
    type: 'polygon',
    role: 'cbar-outline',
    points: cb.outline,
    fill: null,
    stroke: ink,
    width: 0.8,
  });
  return out;
}

function vline(
  x: number,
  y0: number,
  y1: number,
  stroke: string,
  width: number,
  role: LinePrimitive['role'],
): LinePrimitive {
  return { type: 'line', role, x1: x, y1: y0, x2: x, y2: y1, stroke, width };
}

function hline(
  y: number,
  x0: number,
  x1: number,
  stroke: string,
  width: number,
  role: LinePrimitive['role'],
): LinePrimitive {
  return { type: 'line', role, x1: x0, y1: y, x2: x1, y2: y, stroke, width };
}
