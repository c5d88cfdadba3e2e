import { colormapStrip, makeColorizer, paintRgba } from '../color/colorize.ts';
import { textColorOn } from '../color/contrast.ts';
import type { ColorbarLayout, Layout, PanelBox } from '../layout/layout.ts';
import type { Marginals } from '../layout/types.ts';
import { type Figure, scaleOf } from '../figure/types.ts';
import type { TextMeasurer } from '../text/measure.ts';
import type {
  LinePrimitive,
  PolygonPrimitive,
  Primitive,
  RectPrimitive,
  Scene,
  TextPrimitive,
} from './types.ts';

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
  fonts: readonly { readonly family: string; readonly file: string }[] = [],
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
  const annots = cells(fig, layout, m, out);
  out.push(...gridLines(fig, layout), ...highlights(fig, layout, ink), ...annots);
  if (layout.marginals) out.push(...marginals(layout.marginals, layout.panels[0]!, m));
  for (const s of layout.tickMarks)
    out.push({ type: 'line', role: 'tick', ...s, stroke: ink, width: 1 });
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

/**
 * The cells of every panel, appended to `out` (a rect per drawn cell, or one image per panel
 * when the layout rasters them); returns their annotations, drawn after the lines.
 */
function cells(fig: Figure, layout: Layout, m: TextMeasurer, out: Primitive[]): TextPrimitive[] {
  const texts = layout.annotations;
  const annots: TextPrimitive[] = [];
  fig.grid.panels.forEach((p, pi) => {
    const scale = scaleOf(fig, pi);
    const color = makeColorizer(scale.cmap, scale.norm);
    const b = layout.panels[pi]!;
    const mask = fig.mask[pi] ?? null;
    if (layout.raster) {
      out.push({
        type: 'image',
        role: 'cells',
        x: b.x,
        y: b.y,
        w: b.cols * b.cw,
        h: b.rows * b.ch,
        pixelWidth: b.cols,
        pixelHeight: b.rows,
        rgba: paintRgba(
          scale.cmap,
          scale.norm,
          p.values,
          mask,
          fig.maskColor ? bytesOf(fig.maskColor) : null,
        ),
        smoothing: 'nearest',
      });
    }
    // Annotations over an image of cells (raster "always" on cells that hold them) are placed
    // and inked from the cells' boxes and colours, which are not drawn as rects.
    const rects = layout.raster
      ? texts && layout.annotSize !== null
        ? cellRects(p.values, p.rows, b, pi, mask, color, [])
        : []
      : cellRects(p.values, p.rows, b, pi, mask, color, out, fig.maskColor ?? null);
    if (texts && layout.annotSize !== null)
      cellAnnotations(
        rects,
        texts.ids[pi]!,
        texts.distinct,
        b,
        layout.annotSize,
        m,
        annots,
        fig.annot?.color ?? null,
      );
  });
  return annots;
}

/**
 * The outline of each highlighted cell (spec highlight), inside its edges so that neighbours
 * do not share it: in the text colour of the figure, 2 px (at least, a quarter of the cell).
 */
function highlights(fig: Figure, layout: Layout, ink: string): PolygonPrimitive[] {
  const out: PolygonPrimitive[] = [];
  fig.highlight?.forEach((marks, pi) => {
    const b = layout.panels[pi]!;
    const width = Math.max(0.5, Math.min(2, b.cw / 4, b.ch / 4));
    for (let k = 0; k < marks.length; k++) {
      if (!marks[k]) continue;
      const x0 = b.x + (k % b.cols) * b.cw + width / 2;
      const y0 = b.y + Math.floor(k / b.cols) * b.ch + width / 2;
      const x1 = x0 + b.cw - width;
      const y1 = y0 + b.ch - width;
      out.push({
        type: 'polygon',
        role: 'highlight',
        points: [
          [x0, y0],
          [x1, y0],
          [x1, y1],
          [x0, y1],
        ],
        fill: null,
        stroke: ink,
        width,
      });
    }
  });
  return out;
}

/**
 * The marginals: a pale cell per total, apart from the grid and outside the colour scale, its
 * text centred in the figure's ink (the corner holds the grand one).
 */
function marginals(mg: Marginals, b: PanelBox, m: TextMeasurer): Primitive[] {
  const fill = MARGIN_FILL;
  const ink = textColorOn(fill);
  const out: Primitive[] = [];
  const size = mg.size;
  const put = (x: number, y: number, w: number, h: number, text: string) => {
    out.push({ type: 'rect', role: 'marginal', x, y, w, h, fill });
    if (!text) return;
    out.push({
      type: 'text',
      role: 'marginal',
      text,
      x: x + w / 2,
      y: y + h / 2 + (m.capHeight * size) / 2,
      size,
      anchor: 'middle',
      rotate: 0,
      width: m.width(text, size),
      ascent: m.ascent * size,
      descent: m.descent * size,
      fill: ink,
    });
  };
  mg.rows.forEach((t, r) => {
    put(mg.column.x, b.y + r * b.ch, mg.column.w, b.ch, t);
  });
  mg.cols.forEach((t, c) => {
    put(b.x + c * b.cw, mg.row.y, b.cw, mg.row.h, t);
  });
  put(mg.corner.x, mg.corner.y, mg.corner.w, mg.corner.h, mg.total);
  return out;
}

/** A #rrggbb colour's bytes. */
const bytesOf = (hex: string): [number, number, number] => [
  Number.parseInt(hex.slice(1, 3), 16),
  Number.parseInt(hex.slice(3, 5), 16),
  Number.parseInt(hex.slice(5, 7), 16),
];

/** The marginals' cells: a light grey, apart from every colormap's colours by its place. */
const MARGIN_FILL = '#eeeeee';

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
  const out: Primitive[] = [
    {
      type: 'image',
      role: 'colorbar',
      ...cb.bar,
      pixelWidth: 1,
      pixelHeight: fig.cmap.n,
      rgba: colormapStrip(fig.cmap),
      smoothing: 'nearest',
    },
  ];
  const { lut, n } = fig.cmap;
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
  const rgb = (c: readonly [number, number, number]) =>
    `#${c.map((v) => v.toString(16).padStart(2, '0')).join('')}`;
  if (cb.extendMin) out.push(triangle(cb.extendMin, fig.cmap.under ? rgb(fig.cmap.under) : end(0)));
  if (cb.extendMax)
    out.push(triangle(cb.extendMax, fig.cmap.over ? rgb(fig.cmap.over) : end(n - 1)));
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

/**
 * One rect per drawn cell of a panel, appended to `out`; returns them in row-major order
 * (missing and masked cells have none). Its own small function: with 2,500 cells the loop is
 * hot enough for V8 to optimise it while it runs, and a small loop compiles in a fraction of
 * the time, where a large one was still compiling when the process wanted to exit.
 */
function cellRects(
  values: ArrayLike<number>,
  rows: number,
  b: PanelBox,
  panel: number,
  mask: Uint8Array | null,
  color: (value: number) => string | null,
  out: Primitive[],
  maskColor: string | null = null,
): RectPrimitive[] {
  const cells: RectPrimitive[] = [];
  const { x: x0, y: y0, cols, cw, ch } = b;
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) {
      const k = r * cols + c;
      if (mask?.[k]) {
        // A masked cell drawn in the mask colour when one is given (distinct from missing).
        if (maskColor)
          out.push({
            type: 'rect',
            role: 'masked',
            x: x0 + c * cw,
            y: y0 + r * ch,
            w: cw,
            h: ch,
            fill: maskColor,
          });
        continue;
      }
      const value = values[k]!;
      const fill = color(value);
      if (fill === null) continue;
      const cell = { panel, row: r, col: c, value };
      const rect: RectPrimitive = {
        type: 'rect',
        role: 'cell',
        x: x0 + c * cw,
        y: y0 + r * ch,
        w: cw,
        h: ch,
        fill,
        cell,
      };
      out.push(rect);
      cells.push(rect);
    }
  }
  return cells;
}

/**
 * The annotation of each drawn cell, as placeText puts unrotated text: centred on the cell,
 * its baseline half the cap height below the centre, in black or white by contrast. Widths
 * and text colours are worked out once per distinct text and fill, before the loop over the
 * cells: V8 compiles that loop while it runs, and kept small it is compiled in time.
 */
function cellAnnotations(
  cells: readonly RectPrimitive[],
  ids: Int32Array,
  distinct: readonly string[],
  b: PanelBox,
  size: number,
  m: TextMeasurer,
  annots: TextPrimitive[],
  color: string | null = null,
): void {
  const half = (m.capHeight * size) / 2;
  const ascent = m.ascent * size;
  const descent = m.descent * size;
  // A text of several lines is a block of them, centred on the cell as one line is.
  const lines = distinct.map((s) => s.split('\n'));
  const widths = lines.map((ls) => ls.map((l) => m.width(l, size)));
  const lh = ascent + descent;
  const inks = color ? null : inksOn(cells);
  for (let i = 0; i < cells.length; i++) {
    const rect = cells[i]!;
    const cell = rect.cell!;
    const id = ids[cell.row * b.cols + cell.col]!;
    if (id < 0) continue;
    const ls = lines[id]!;
    const x = rect.x + b.cw / 2;
    for (let j = 0; j < ls.length; j++) {
      if (ls[j] === '') continue;
      annots.push({
        type: 'text',
        role: 'annot',
        text: ls[j]!,
        x,
        y: rect.y + b.ch / 2 + half + (j - (ls.length - 1) / 2) * lh,
        size,
        anchor: 'middle',
        rotate: 0,
        width: widths[id]![j]!,
        ascent,
        descent,
        fill: color ?? inks!.get(rect.fill)!,
        cell,
      });
    }
  }
}

/** Black or white text on each fill of the cells (256 at most), by contrast. */
function inksOn(cells: readonly RectPrimitive[]): Map<string, '#000000' | '#ffffff'> {
  const inks = new Map<string, '#000000' | '#ffffff'>();
  for (let i = 0; i < cells.length; i++) {
    const fill = cells[i]!.fill;
    if (!inks.has(fill)) inks.set(fill, textColorOn(fill));
  }
  return inks;
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
