/** Drawing a viewer: its figure on the canvas, and the hover, cursor and zoom box over it. */
import { paintRgba } from '../color/colorize.ts';
import { Warnings } from '../errors.ts';
import type { Grid } from '../data/grid.ts';
import { type Figure, scaleOf } from '../figure/types.ts';
import { bytesFromHex } from '../util/hex.ts';
import { type Layout, layoutFigure } from '../layout/layout.ts';
import { canvasFont, drawCrisp, paintScene, pixelsCanvas } from '../render/canvas.ts';
import { annotationPlaces } from '../scene/cells.ts';
import { textColorOnBytes } from '../color/contrast.ts';
import { buildScene } from '../scene/build.ts';
import type { Scene } from '../scene/types.ts';
import { dejavuSansMeasurer, type TextMeasurer } from '../text/measure.ts';
import { type At, type Drawn, type Style, type Win, windowFigure } from './state.ts';

/** One viewer's state: what is shown, how, and what the pointer and keyboard are doing. */
export interface ViewerState {
  win: Win;
  style: Style;
  /** What was drawn last, and from what (its layout is reused when only the colours change). */
  drawn:
    | (Drawn & {
        layout: Layout;
        scene: Scene;
        base: Figure;
        win: Win;
        style: Style;
        /** What its layout could not do as asked (as render warns): annotations left out… */
        warnings: readonly string[];
      })
    | null;
  first: Layout | null;
  cursor: At;
  hover: At | null;
  band: { x0: number; y0: number; x1: number; y1: number } | null;
  drag: { x: number; y: number; at: At } | null;
  /** Whether the overlay holds a mark (else it is clear, and need not be cleared again). */
  marked: boolean;
}

/** A viewer: its page, its figure, its elements and its state. */
export interface Viewer {
  readonly doc: Document;
  readonly window: Window;
  readonly base: Figure;
  /** The figure's description, written into SVG downloads (the HTML file's). */
  readonly description?: string;
  readonly fmt: (v: number) => string;
  readonly canvas: HTMLCanvasElement;
  readonly overlay: HTMLCanvasElement;
  readonly tip: HTMLElement;
  readonly live: HTMLElement;
  readonly initialStyle: Style;
  readonly s: ViewerState;
  /** Draws the view of the current window and style. */
  readonly draw: () => void;
  /** Tells what happened (mount()'s events): a cell hovered or clicked, a box selected, a zoom. */
  readonly emit?: (event: 'hover' | 'click' | 'select' | 'zoom', at: At | null, to?: At) => void;
}

/** The cells' colours of each panel, one RGBA pixel per cell, as paintRgba gives them. */
function cellColours(figure: Figure): Uint8Array[] {
  const maskColor = figure.maskColor ? bytesFromHex(figure.maskColor) : null;
  return figure.grid.panels.map((p, i) => {
    const scale = scaleOf(figure, i);
    return paintRgba(scale.cmap, scale.norm, p.values, figure.mask[i] ?? null, maskColor);
  });
}

/** The cells of each panel as one image, one pixel per cell, scaled without smoothing. */
function drawCells(
  ctx: CanvasRenderingContext2D,
  layout: Layout,
  colours: readonly Uint8Array[],
  dpr: number,
): void {
  colours.forEach((rgba, i) => {
    const b = layout.panels[i]!;
    drawCrisp(ctx, pixelsCanvas(rgba, b.cols, b.rows), b.x, b.y, b.cols * b.cw, b.rows * b.ch, dpr);
  });
}

/**
 * The cells' annotations over the figure, where the scene puts them (annotationPlaces), in
 * the ink the scene gives them: the figure's annotation colour, or black or white by
 * contrast with the cell's colour, taken from the cells' own pixels (`colours`), a colour
 * at a time, so that the fill (a colour the canvas parses) is set once a colour. They are
 * drawn on the figure's own canvas: a canvas of their own (so that a new colormap redrew
 * only the texts whose ink changed) cost a mount its pixels, 2.5 ms at one device pixel per
 * px and 8 at two (bench/mount.ts, 50×50), and a frame its compositing, where drawing every
 * text again costs a colormap update ~5 ms. A list of every text's place and ink, made
 * through eachAnnotation, cost a 50×50 mount about 10 ms more (a visit and five pushes a
 * cell, the ink through the colormap again, a width measured for each distinct text): 50.4
 * against 39.6 ms to drawn, interleaved in one browser (bench/RESULTS.md).
 */
function drawAnnotations(
  ctx: CanvasRenderingContext2D,
  figure: Figure,
  layout: Layout,
  m: TextMeasurer,
  colours: readonly Uint8Array[],
  dpr: number,
): void {
  const size = layout.annotSize;
  const texts = layout.annotations;
  if (!texts || size === null) return;
  ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
  ctx.textAlign = 'center';
  ctx.textBaseline = 'alphabetic';
  const given = figure.annot?.color ?? null;
  let weight: boolean | null = null;
  for (let pi = 0; pi < figure.grid.panels.length; pi++) {
    const at = annotationPlaces(figure, layout, m, pi)!;
    const ids = texts.ids[pi]!;
    const rgba = colours[pi]!;
    // Each cell's ink, as its place in `inks` (0: none: no text, masked or missing, or a cell
    // with no colour), found once a colour.
    const inkAt = new Uint8Array(ids.length);
    const inks = [''];
    const byColour = new Map<number, number>();
    for (let k = 0; k < ids.length; k++) {
      if (ids[k]! < 0 || rgba[4 * k + 3] === 0) continue;
      const r = rgba[4 * k]!;
      const g = rgba[4 * k + 1]!;
      const b = rgba[4 * k + 2]!;
      const key = r | (g << 8) | (b << 16);
      let j = byColour.get(key);
      if (j === undefined) {
        const ink = given ?? textColorOnBytes(r, g, b);
        j = inks.indexOf(ink);
        if (j < 0) j = inks.push(ink) - 1;
        byColour.set(key, j);
      }
      inkAt[k] = j;
    }
    const cols = at.x.length;
    const rows = at.y.length;
    const lh = at.lineHeight;
    for (let j = 1; j < inks.length; j++) {
      ctx.fillStyle = inks[j]!;
      for (let r = 0, k = 0; r < rows; r++)
        for (let c = 0; c < cols; c++, k++) {
          if (inkAt[k] !== j) continue;
          const bold = at.bold?.(k) === true;
          if (bold !== weight) {
            weight = bold;
            ctx.font = canvasFont(size, bold);
          }
          const id = ids[k]!;
          if (!at.lines) {
            ctx.fillText(texts.distinct[id]!, at.x[c]!, at.y[r]!);
            continue;
          }
          const ls = at.lines[id]!;
          for (let l = 0; l < ls.length; l++)
            if (ls[l] !== '')
              ctx.fillText(ls[l]!, at.x[c]!, at.y[r]! + (l - (ls.length - 1) / 2) * lh);
        }
    }
  }
}

const dprOf = (v: Viewer) => v.window.devicePixelRatio || 1;

/** Whether two grids have as many columns, panels, and rows in each. */
const sameShape = (a: Grid, b: Grid) =>
  a.cols === b.cols &&
  a.panels.length === b.panels.length &&
  a.panels.every((p, i) => p.rows === b.panels[i]!.rows);

export function draw(v: Viewer): void {
  const { s, canvas, overlay } = v;
  const measurer = dejavuSansMeasurer();
  const figure = windowFigure(v.base, s.win, s.style, s.first, dprOf(v));
  // Only the colours changed (a new colormap): the layout drawn is still right, for cells of
  // the same shape (a large array's first look, its blocks laid out for the array's shape
  // before the first layout was known, is reduced to that layout's pixels when drawn again).
  const prev = s.drawn;
  const reuse =
    prev &&
    prev.base === v.base &&
    prev.win === s.win &&
    prev.style.annot === s.style.annot &&
    prev.style.norm === s.style.norm &&
    sameShape(prev.figure.grid, figure.grid);
  const warned = new Warnings();
  const layout = reuse ? prev.layout : layoutFigure(figure, measurer, warned);
  const warnings = reuse ? prev.warnings : warned.list;
  // The cells and their annotations are painted from the values (drawCells, drawAnnotations),
  // not from the scene's primitives.
  const scene = buildScene(figure, layout, measurer, '', [], true);
  s.first ??= layout;
  const single = v.base.grid.panels.length === 1;
  s.drawn = {
    figure,
    panels: layout.panels,
    layout,
    scene,
    base: v.base,
    win: s.win,
    style: s.style,
    colStart: s.win.c0,
    rowStart: single ? s.win.r0 : 0,
    warnings,
  };
  const dpr = dprOf(v);
  // A canvas is given a size (which allocates and clears its pixels) only when it changes.
  let resized = false;
  for (const c of [canvas, overlay]) {
    const w = Math.round(layout.width * dpr);
    const h = Math.round(layout.height * dpr);
    if (c.width !== w || c.height !== h) {
      c.width = w;
      c.height = h;
      resized = true;
    }
    c.style.width = `${layout.width}px`;
    c.style.height = `${layout.height}px`;
  }
  const ctx = canvas.getContext('2d')!;
  if (!resized) {
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    ctx.clearRect(0, 0, canvas.width, canvas.height);
  }
  const colours = cellColours(figure);
  paintScene(ctx, scene, dpr, () => drawCells(ctx, layout, colours, dpr));
  drawAnnotations(ctx, figure, layout, measurer, colours, dpr);
  // A resized overlay is clear; a clear overlay is drawn (its pixels touched) only for a mark.
  if (resized) s.marked = false;
  drawOverlay(v);
}

/** The hovered row and column, the keyboard cursor and the zoom box, over the figure. */
export function drawOverlay(v: Viewer): void {
  const { s } = v;
  const drawn = s.drawn;
  const { cursor } = s;
  const b = drawn?.panels[cursor.panel];
  const focused = !!b && v.doc.activeElement === v.canvas;
  const marks = !!drawn && (!!s.hover || !!s.band || focused);
  if (!marks && !s.marked) return;
  const ctx = v.overlay.getContext('2d')!;
  const dpr = dprOf(v);
  ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
  ctx.clearRect(0, 0, v.overlay.width, v.overlay.height);
  s.marked = marks;
  if (!drawn) return;
  const mark = (at: At, color: string, width: number) => {
    const b = drawn.panels[at.panel]!;
    ctx.strokeStyle = color;
    ctx.lineWidth = width;
    ctx.strokeRect(b.x, b.y + at.row * b.ch, b.cols * b.cw, b.ch);
    ctx.strokeRect(b.x + at.col * b.cw, b.y, b.cw, b.rows * b.ch);
  };
  if (s.hover) mark(s.hover, 'rgba(255,255,255,0.9)', 1.5);
  if (b && focused) {
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
  if (s.band) {
    ctx.strokeStyle = '#000';
    ctx.setLineDash([4, 3]);
    ctx.strokeRect(s.band.x0, s.band.y0, s.band.x1 - s.band.x0, s.band.y1 - s.band.y0);
    ctx.setLineDash([]);
  }
}
