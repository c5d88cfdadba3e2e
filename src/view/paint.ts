/** Drawing a viewer: its figure on the canvas, and the hover, cursor and zoom box over it. */
import { paintRgba } from '../color/colorize.ts';
import { Warnings } from '../errors.ts';
import type { Grid } from '../data/grid.ts';
import { type Figure, scaleOf } from '../figure/types.ts';
import { bytesFromHex } from '../util/hex.ts';
import { type Layout, layoutFigure } from '../layout/layout.ts';
import { canvasFont, drawCrisp, paintScene, pixelsCanvas } from '../render/canvas.ts';
import { annotationInk, eachAnnotation } from '../scene/cells.ts';
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

/** The cells of each panel as one image, one pixel per cell, scaled without smoothing. */
function drawCells(
  ctx: CanvasRenderingContext2D,
  figure: Figure,
  layout: Layout,
  dpr: number,
): void {
  figure.grid.panels.forEach((p, i) => {
    const b = layout.panels[i]!;
    const scale = scaleOf(figure, i);
    const img = pixelsCanvas(
      paintRgba(
        scale.cmap,
        scale.norm,
        p.values,
        figure.mask[i] ?? null,
        figure.maskColor ? bytesFromHex(figure.maskColor) : null,
      ),
      b.cols,
      b.rows,
    );
    drawCrisp(ctx, img, b.x, b.y, b.cols * b.cw, b.rows * b.ch, dpr);
  });
}

/** Where each annotation of a layout goes (eachAnnotation), kept while the layout is drawn. */
interface AnnotationPlan {
  readonly texts: string[];
  /** x, y of each, one after the other. */
  readonly xy: number[];
  readonly bold: boolean[];
  readonly panel: number[];
  readonly value: number[];
}

/**
 * Plans by layout: a layout is drawn again (view/paint's draw reuses it) only for the same
 * cells in other colours, so its texts and places hold, and only their inks are found anew.
 */
const plans = new WeakMap<Layout, AnnotationPlan>();

/**
 * The layout's plan and each annotation's ink in the figure's colours: a plan made now comes
 * with the inks eachAnnotation gave it; a kept one (a new colormap) finds them anew.
 */
function planAndInks(
  figure: Figure,
  layout: Layout,
  m: TextMeasurer,
): { plan: AnnotationPlan; inks: (string | null)[] } {
  const kept = plans.get(layout);
  if (kept) {
    const inkOf = figure.grid.panels.map((_, pi) => annotationInk(figure, pi));
    return { plan: kept, inks: kept.value.map((x, i) => inkOf[kept.panel[i]!]!(x)) };
  }
  const plan: AnnotationPlan = { texts: [], xy: [], bold: [], panel: [], value: [] };
  const inks: string[] = [];
  const { texts, xy, bold, panel, value } = plan;
  for (let pi = 0; pi < figure.grid.panels.length; pi++) {
    eachAnnotation(figure, layout, m, pi, (text, x, y, _w, fill, isBold, _r, _c, v) => {
      texts.push(text);
      xy.push(x, y);
      bold.push(isBold);
      panel.push(pi);
      value.push(v);
      inks.push(fill);
    });
  }
  plans.set(layout, plan);
  return { plan, inks };
}

/**
 * The cells' annotations over the figure, straight from it (eachAnnotation: where the SVG
 * puts them, in the same ink), a colour at a time, so that the fill (a colour the canvas
 * parses) is set once a colour. They are drawn on the figure's own canvas: a canvas of
 * their own (so that a new colormap redrew only the texts whose ink changed) cost a mount
 * its pixels, 2.5 ms at one device pixel per px and 8 at two (bench/mount.ts, 50×50), and
 * a frame its compositing, where drawing every text again costs a colormap update ~5 ms.
 */
function drawAnnotations(
  ctx: CanvasRenderingContext2D,
  figure: Figure,
  layout: Layout,
  m: TextMeasurer,
  dpr: number,
): void {
  const size = layout.annotSize;
  if (!layout.annotations || size === null) return;
  const { plan, inks } = planAndInks(figure, layout, m);
  const { texts, xy, bold } = plan;
  ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
  ctx.textAlign = 'center';
  ctx.textBaseline = 'alphabetic';
  let weight: boolean | null = null;
  for (const ink of new Set(inks)) {
    if (ink === null) continue;
    ctx.fillStyle = ink;
    for (let i = 0; i < texts.length; i++) {
      if (inks[i] !== ink) continue;
      if (bold[i] !== weight) {
        weight = bold[i]!;
        ctx.font = canvasFont(size, weight);
      }
      ctx.fillText(texts[i]!, xy[2 * i]!, xy[2 * i + 1]!);
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
  paintScene(ctx, scene, dpr, () => drawCells(ctx, figure, layout, dpr));
  drawAnnotations(ctx, figure, layout, measurer, dpr);
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
