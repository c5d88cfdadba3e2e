/** The cells of a scene: a rect per drawn cell (or an image per panel), and their text. */
import { makeColorizer, paintRgba } from '../color/colorize.ts';
import { textColorOn } from '../color/contrast.ts';
import { type Figure, scaleOf } from '../figure/types.ts';
import type { Layout, PanelBox } from '../layout/layout.ts';
import type { TextMeasurer } from '../text/measure.ts';
import { bytesFromHex } from '../util/hex.ts';
import type { CellRef, Primitive, TextPrimitive } from './types.ts';

/**
 * The cells of every panel, appended to `out` (a rect per drawn cell, or one image per panel
 * when the layout rasters them); returns their annotations, drawn after the lines (none when
 * the cells are drawn apart: the view draws them, see eachAnnotation).
 */
export function cells(
  fig: Figure,
  layout: Layout,
  m: TextMeasurer,
  out: Primitive[],
  apart = false,
): TextPrimitive[] {
  const annots: TextPrimitive[] = [];
  fig.grid.panels.forEach((p, pi) => {
    const scale = scaleOf(fig, pi);
    const b = layout.panels[pi]!;
    const mask = fig.mask[pi] ?? null;
    // The cells as one image of a pixel per cell; drawn apart (the view paints the cells
    // itself, from the values), a place-holder for where they go, with no pixels of its own.
    if (apart || layout.raster)
      out.push({
        type: 'image',
        role: 'cells',
        x: b.x,
        y: b.y,
        w: b.cols * b.cw,
        h: b.rows * b.ch,
        pixelWidth: apart ? 0 : b.cols,
        pixelHeight: apart ? 0 : b.rows,
        rgba: apart
          ? new Uint8Array(0)
          : paintRgba(
              scale.cmap,
              scale.norm,
              p.values,
              mask,
              fig.maskColor ? bytesFromHex(fig.maskColor) : null,
            ),
        smoothing: 'nearest',
      });
    // The view paints the cells, not their hatching: the scene keeps it over masked cells.
    if (apart && !layout.raster && fig.maskHatch && mask) {
      const ink = hatchInk(fig);
      for (let k = 0; k < mask.length; k++)
        if (mask[k])
          hatchLines(
            b.x + (k % b.cols) * b.cw,
            b.y + Math.floor(k / b.cols) * b.ch,
            b.cw,
            b.ch,
            ink,
            out,
          );
    }
    // Each rect's cell, kept by index for its annotation: the text shares the cell's colour
    // and its cell object, neither worked out twice.
    const drawn =
      !layout.raster && !apart && layout.annotations ? new Array<Drawn>(p.rows * b.cols) : null;
    if (!layout.raster && !apart)
      cellRects(
        p.values,
        p.rows,
        b,
        pi,
        mask,
        makeColorizer(scale.cmap, scale.norm),
        out,
        fig.maskColor ?? null,
        fig.maskHatch ? hatchInk(fig) : null,
        drawn,
      );
    // The view draws the annotations itself (eachAnnotation), without a primitive each.
    if (!apart)
      eachAnnotation(
        fig,
        layout,
        m,
        pi,
        (text, x, y, width, fill, bold, row, col, value) => {
          annots.push({
            type: 'text',
            role: 'annot',
            text,
            x,
            y,
            size: layout.annotSize!,
            anchor: 'middle',
            rotate: 0,
            width,
            ascent: m.ascent * layout.annotSize!,
            descent: m.descent * layout.annotSize!,
            fill,
            cell: drawn?.[row * b.cols + col]?.cell ?? { panel: pi, row, col, value },
            ...(bold ? { bold: true as const } : {}),
          });
        },
        drawn,
      );
  });
  return annots;
}

/**
 * One rect per drawn cell of a panel, appended to `out` (missing and masked cells have none).
 * Its own small function: with 2,500 cells the loop is hot enough for V8 to optimise it while
 * it runs, and a small loop compiles in a fraction of the time, where a large one was still
 * compiling when the process wanted to exit.
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
  hatch: string | null = null,
  drawn: Drawn[] | null = null,
): void {
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
        if (hatch) hatchLines(x0 + c * cw, y0 + r * ch, cw, ch, hatch, out);
        continue;
      }
      const value = values[k]!;
      const fill = color(value);
      if (fill === null) continue;
      const cell = { panel, row: r, col: c, value };
      out.push({
        type: 'rect',
        role: 'cell',
        x: x0 + c * cw,
        y: y0 + r * ch,
        w: cw,
        h: ch,
        fill,
        cell,
      });
      if (drawn) drawn[k] = { fill, cell };
    }
  }
}

/** Hatch lines: this far apart (px, across the lines' direction ×√2), this wide. */
const HATCH = { step: 6, width: 0.6 } as const;

/** The hatching's ink: black or white, whichever contrasts more with what it is drawn on. */
function hatchInk(fig: Figure): string {
  const under = fig.maskColor ?? (fig.background === 'none' ? '#ffffff' : fig.background);
  return textColorOn(under) === '#000000' ? '#404040' : '#c0c0c0';
}

/**
 * A masked cell's hatching, matplotlib's "/": lines x + y = k·step over the whole figure
 * (so neighbouring cells' lines meet), each cut to the cell.
 */
function hatchLines(
  x: number,
  y: number,
  w: number,
  h: number,
  ink: string,
  out: Primitive[],
): void {
  const s = HATCH.step;
  for (let k = Math.ceil((x + y) / s); k * s <= x + w + y + h; k++) {
    const c = k * s;
    const xa = Math.max(x, c - (y + h));
    const xb = Math.min(x + w, c - y);
    if (xb - xa < 0.25) continue;
    out.push({
      type: 'line',
      role: 'hatch',
      x1: xa,
      y1: c - xa,
      x2: xb,
      y2: c - xb,
      stroke: ink,
      width: HATCH.width,
    });
  }
}

/**
 * Where the annotations of panel `pi` go, as placeText puts unrotated text: centred on each
 * column, the baseline half the cap height below each row's middle. A text of several lines
 * is a block of them centred on the cell: its line j moves by (j - (n - 1) / 2) line heights.
 * Shared by the scene's primitives (eachAnnotation) and the view, which draws the texts
 * straight from it.
 */
export interface AnnotationPlaces {
  /** Each column's centre. */
  readonly x: Float64Array;
  /** Each row's baseline, for a text of one line. */
  readonly y: Float64Array;
  readonly lineHeight: number;
  /** Each distinct text's lines, when one has several; null when every text is one line. */
  readonly lines: readonly (readonly string[])[] | null;
  /** Whether a cell's text is bold (highlighted, or every one), in the family's bold face; null: none is. */
  readonly bold: ((k: number) => boolean) | null;
}

export function annotationPlaces(
  fig: Figure,
  layout: Layout,
  m: TextMeasurer,
  pi: number,
): AnnotationPlaces | null {
  const texts = layout.annotations;
  const size = layout.annotSize;
  if (!texts || size === null) return null;
  const rows = fig.grid.panels[pi]!.rows;
  const { x: x0, y: y0, cols, cw, ch } = layout.panels[pi]!;
  const half = (m.capHeight * size) / 2;
  const x = new Float64Array(cols);
  for (let c = 0; c < cols; c++) x[c] = x0 + c * cw + cw / 2;
  const y = new Float64Array(rows);
  for (let r = 0; r < rows; r++) y[r] = y0 + r * ch + ch / 2 + half;
  const highlight = fig.highlight?.[pi] ?? null;
  const allBold = fig.annot?.bold === true;
  return {
    x,
    y,
    lineHeight: m.ascent * size + m.descent * size,
    lines: texts.lines > 1 ? texts.distinct.map((s) => s.split('\n')) : null,
    bold: (highlight || allBold) && m.bold ? (k) => allBold || highlight![k] === 1 : null,
  };
}

/**
 * The annotation of each drawn cell of panel `pi`, in row-major order, where annotationPlaces
 * puts it, in black or white by contrast with the cell's colour (or the figure's annotation
 * colour). Each line of a text of several is visited on its own. Missing and masked cells
 * have none. Widths and text colours are worked out once per distinct text and fill
 * (annotationInk), not in the loop over the cells: V8 compiles that loop while it runs, and
 * kept small it is compiled in time. The scene makes a primitive of each.
 */
export function eachAnnotation(
  fig: Figure,
  layout: Layout,
  m: TextMeasurer,
  pi: number,
  visit: (
    text: string,
    x: number,
    y: number,
    width: number,
    fill: string,
    bold: boolean,
    row: number,
    col: number,
    value: number,
  ) => void,
  drawn: readonly (Drawn | undefined)[] | null = null,
): void {
  const texts = layout.annotations;
  const size = layout.annotSize;
  const at = annotationPlaces(fig, layout, m, pi);
  if (!texts || size === null || !at) return;
  const p = fig.grid.panels[pi]!;
  // (A masked cell's id is -1, as a missing one's: annotationTexts.)
  const ids = texts.ids[pi]!;
  // The cells' colours as their rects have them, or worked out here (no rects: raster cells).
  const inkOfValue = drawn ? null : annotationInk(fig, pi);
  const inkOfFill = inkOnFill(fig);
  const lines = at.lines ?? texts.distinct.map((s) => [s]);
  const widths = lines.map((ls) => ls.map((l) => m.width(l, size)));
  const bold = at.bold && m.bold;
  const boldWidths = bold ? lines.map((ls) => ls.map((l) => bold.width(l, size))) : null;
  const cols = at.x.length;
  const lh = at.lineHeight;
  for (let r = 0; r < p.rows; r++)
    for (let c = 0; c < cols; c++) {
      const k = r * cols + c;
      const id = ids[k]!;
      if (id < 0) continue;
      const value = p.values[k]!;
      const d = drawn?.[k];
      const ink = inkOfValue ? inkOfValue(value) : d ? inkOfFill(d.fill) : null;
      if (ink === null) continue;
      const ls = lines[id]!;
      const isBold = boldWidths !== null && at.bold!(k);
      const w = isBold ? boldWidths[id]! : widths[id]!;
      for (let j = 0; j < ls.length; j++) {
        if (ls[j] === '') continue;
        visit(
          ls[j]!,
          at.x[c]!,
          at.y[r]! + (j - (ls.length - 1) / 2) * lh,
          w[j]!,
          ink,
          isBold,
          r,
          c,
          value,
        );
      }
    }
}

/**
 * The ink of the annotation on a cell of panel `pi` holding `value`: the figure's annotation
 * colour, or black or white by contrast with the cell's colour (worked out once per colour,
 * 256 at most); null where the cell has no colour (a missing value with no `bad` colour).
 */
export function annotationInk(fig: Figure, pi: number): (value: number) => string | null {
  const scale = scaleOf(fig, pi);
  const color = makeColorizer(scale.cmap, scale.norm);
  const inkOf = inkOnFill(fig);
  return (value) => {
    const fill = color(value);
    return fill === null ? null : inkOf(fill);
  };
}

/** The ink of the annotation on a cell of colour `fill` (see annotationInk). */
function inkOnFill(fig: Figure): (fill: string) => string {
  const given = fig.annot?.color ?? null;
  if (given !== null) return () => given;
  const inks = new Map<string, string>();
  return (fill) => {
    let ink = inks.get(fill);
    if (ink === undefined) {
      ink = textColorOn(fill);
      inks.set(fill, ink);
    }
    return ink;
  };
}

/** A drawn cell's colour and its cell, for its annotation. */
interface Drawn {
  readonly fill: string;
  readonly cell: CellRef;
}
