/**
 * Laying out a figure: the cell size, then each component in turn (annotations, column axis,
 * row axes, colorbar, title) placed around the grid, then onto the canvas; a given figure
 * size is met by a bounded loop of refinement.
 */
import { Warnings } from '../errors.ts';
import { GEOMETRY as G } from '../figure/geometry.ts';
import type { Figure } from '../figure/types.ts';
import * as msg from '../messages.ts';
import type { TextMeasurer } from '../text/measure.ts';
import { annotationSize, annotationTexts, annotWidthPerPx } from './annotations.ts';
import { contentCellSize } from './cell-size.ts';
import { colorbarPart } from './colorbar.ts';
import { clusterParts } from './dendrogram.ts';
import { rowLabelsRight } from '../figure/dendrograms.ts';
import { facetParts } from './facets.ts';
import { MARGIN_GAP, marginalHeight, marginalTexts, marginalWidth } from './marginals.ts';
import { place } from './place.ts';
import { boundsOf, placeText, shiftText } from './text.ts';
import type {
  AxesParts,
  Draft,
  Layout,
  LayoutText,
  Marginals,
  PanelBox,
  Segment,
  Sizes,
} from './types.ts';
import { xAxis } from './x-axis.ts';
import { yAxis } from './y-axis.ts';

export type {
  ColorbarLayout,
  Layout,
  LayoutText,
  PanelBox,
  Segment,
  TextRole,
} from './types.ts';
export type { AnnotationTexts } from './annotations.ts';

/** Rounds of refinement, at most, to meet a given figure width or height. */
const FIT_ROUNDS = 8;

/**
 * Lays out a figure: chooses the cell size (from the content, or to fill a given figure
 * size), which tick labels show and how they turn, the annotation size, and where titles
 * and the colorbar go, so that no two texts overlap and nothing leaves the canvas.
 * Deterministic and bounded: a given figure size is met by at most 8 rounds of refinement.
 */
export function layoutFigure(fig: Figure, m: TextMeasurer, warnings = new Warnings()): Layout {
  const fs = fig.fontSize;
  const sizes: Sizes = { tick: fs, label: fs + 1, title: Math.round(fs * 1.25) };
  const texts = fig.annot ? annotationTexts(fig) : null;
  const annot = texts
    ? annotWidthPerPx(texts, m, fig.highlight?.length || fig.annot?.bold ? m.bold : undefined)
    : null;
  // Rows one after another: every panel's when stacked, one facet's when faceted.
  const rowsTotal = fig.facets
    ? fig.grid.panels[0]!.rows
    : fig.grid.panels.reduce((s, p) => s + p.rows, 0);
  const C = fig.grid.cols;
  const fixedW = fig.size.width;
  const fixedH = fig.size.height;

  const lines = texts?.lines ?? 1;
  let { cw, ch } = contentCellSize(fig, m, sizes, annot, rowsTotal, lines);
  // Each draft keeps its own warnings: the last one is the final layout's when it kept the
  // same annotations (below), and only its warnings are the figure's.
  let draftWarnings = new Warnings();
  let draft = compose(fig, m, sizes, cw, ch, annot, draftWarnings, lines);
  if (fixedW !== null || fixedH !== null) {
    for (let i = 0; i < FIT_ROUNDS; i++) {
      // What is not cells (labels, titles, gaps, the colorbar) keeps its size; the cells share the rest.
      const extraW = draft.bounds.w - draft.cellsWide * cw;
      const extraH = draft.bounds.h - draft.cellsHigh * ch;
      const nextW = fixedW !== null ? (fixedW - 2 * G.pad - extraW) / draft.cellsWide : cw;
      const nextH = fixedH !== null ? (fixedH - 2 * G.pad - extraH) / draft.cellsHigh : ch;
      const nw = Math.max(0.05, fig.size.square ? Math.min(nextW, nextH) : nextW);
      const nh = Math.max(0.05, fig.size.square ? Math.min(nextW, nextH) : nextH);
      // The draft is already at this size (its labels and gaps did not change it): final.
      if (nw === cw && nh === ch) break;
      const done = Math.abs(nw - cw) < 0.01 && Math.abs(nh - ch) < 0.01;
      cw = nw;
      ch = nh;
      draftWarnings = new Warnings();
      draft = compose(fig, m, sizes, cw, ch, annot, draftWarnings, lines);
      if (done) break;
    }
  }
  const cells = fig.grid.panels.reduce((s, p) => s + p.rows, 0) * C;
  const raster =
    fig.raster === 'always' ||
    (fig.raster === 'auto' &&
      (fig.grid.reduced !== undefined ||
        cells > G.rasterCells ||
        cw < G.rasterCellSize ||
        ch < G.rasterCellSize));
  // Cells drawn as an image keep their annotations when each is one cell of the data; the
  // blocks of a reduced grid are not, and get none.
  const keepAnnot = annot !== null && fig.grid.reduced === undefined;
  if (annot !== null && !keepAnnot) warnings.add(msg.annotRaster());
  if (raster && fig.maskHatch && fig.mask.some((m) => m?.includes(1)))
    warnings.add(msg.hatchRaster());
  // The last draft was composed at this cell size: with its annotations kept, it is final.
  let final = draft;
  if (keepAnnot || annot === null) for (const w of draftWarnings.list) warnings.add(w);
  else final = compose(fig, m, sizes, cw, ch, null, warnings, lines);
  const placed = place(final, fixedW, fixedH);
  return { ...placed, raster, annotations: placed.annotSize !== null ? texts : null };
}

/** Everything placed in grid coordinates (the top-left cell corner at 0, 0). */
function compose(
  fig: Figure,
  m: TextMeasurer,
  sizes: Sizes,
  cw: number,
  ch: number,
  annot: number | null,
  warnings: Warnings,
  lines: number,
): Draft {
  const annotSize = annotationSize(fig, m, cw, ch, annot, warnings, lines);
  const axes = fig.facets
    ? facetParts(fig, m, sizes, cw, ch, warnings)
    : stackParts(fig, m, sizes, cw, ch, warnings);
  const { panels, width: gridW, height: stackH } = axes;
  const axesPts: [number, number][] = [
    [0, 0],
    [gridW, stackH],
    ...axes.texts.flatMap((t): [number, number][] => [
      [t.box.x, t.box.y],
      [t.box.x + t.box.w, t.box.y + t.box.h],
    ]),
    ...axes.tickMarks.flatMap((s): [number, number][] => [
      [s.x1, s.y1],
      [s.x2, s.y2],
    ]),
  ];
  // The dendrograms (spec cluster): the rows' left of the grid and its labels, the columns'
  // above what is above the grid.
  const axesBox = boundsOf(axesPts);
  const trees = fig.dendrograms
    ? clusterParts(fig, m, sizes.tick, fig.grid.cols * cw, stackH, axesBox.y, axesBox.x)
    : null;
  const dendrograms = trees?.lines ?? [];
  const clusterRects = trees?.rects ?? [];
  for (const s of dendrograms) axesPts.push([s.x1, s.y1], [s.x2, s.y2]);
  for (const r of clusterRects) axesPts.push([r.x, r.y], [r.x + r.w, r.y + r.h]);
  for (const t of trees?.texts ?? [])
    axesPts.push([t.box.x, t.box.y], [t.box.x + t.box.w, t.box.y + t.box.h]);
  // Facets with scales of their own have a colorbar each (facetParts places them).
  // A colorbar at the left, top or bottom goes outside the grid's axes; at the right, beside
  // the grid, or beyond the row labels when they are at the right (a clustered figure's).
  const location = fig.colorbar?.location ?? 'right';
  const around =
    location === 'right' && !rowLabelsRight(fig) && !dendrograms.length && !clusterRects.length
      ? undefined
      : boundsOf(axesPts);
  const cb = fig.panelScales
    ? { texts: [], tickMarks: [], colorbar: null }
    : colorbarPart(fig, m, sizes, gridW, stackH, warnings, around);
  const panelColorbars = axes.colorbars;
  const marginals = axes.marginals;
  const colorbar = cb.colorbar;
  const texts: LayoutText[] = [...axes.texts, ...(trees?.texts ?? []), ...cb.texts];
  const tickMarks: Segment[] = [...axes.tickMarks, ...cb.tickMarks];

  // Title, centred over the grid, above everything else.
  const topSoFar = Math.min(
    0,
    ...texts.map((t) => t.box.y),
    ...tickMarks.map((s) => Math.min(s.y1, s.y2)),
    ...dendrograms.map((s) => Math.min(s.y1, s.y2)),
    ...clusterRects.map((r) => r.y),
  );
  if (fig.title) {
    const t = placeText(m, fig.title, sizes.title, gridW / 2, 0, 'middle');
    texts.push({ ...shiftText(t, 0, topSoFar - G.titleGap - (t.box.y + t.box.h)), role: 'title' });
  }

  const pts: [number, number][] = [
    [0, 0],
    [gridW, stackH],
  ];
  for (const t of texts) pts.push([t.box.x, t.box.y], [t.box.x + t.box.w, t.box.y + t.box.h]);
  for (const s of tickMarks) pts.push([s.x1, s.y1], [s.x2, s.y2]);
  for (const s of dendrograms) pts.push([s.x1, s.y1], [s.x2, s.y2]);
  for (const r of clusterRects) pts.push([r.x, r.y], [r.x + r.w, r.y + r.h]);
  if (colorbar) pts.push(...colorbar.outline);
  for (const c of panelColorbars ?? []) if (c) pts.push(...c.outline);
  if (marginals)
    pts.push([marginals.corner.x + marginals.corner.w, marginals.corner.y + marginals.corner.h]);
  return {
    panels,
    panelColorbars,
    marginals,
    texts,
    tickMarks,
    dendrograms,
    clusterRects,
    annotSize,
    colorbar,
    bounds: boundsOf(pts),
    stackHeight: stackH,
    cellsWide: fig.facets ? fig.facets.cols * fig.grid.cols : fig.grid.cols,
    cellsHigh: fig.facets
      ? fig.facets.rows * fig.grid.panels[0]!.rows
      : fig.grid.panels.reduce((s, p) => s + p.rows, 0),
  };
}

/** Panels stacked top to bottom with their row labels and titles at the left, the column axis under (or over) the stack. */
function stackParts(
  fig: Figure,
  m: TextMeasurer,
  sizes: Sizes,
  cw: number,
  ch: number,
  warnings: Warnings,
): AxesParts {
  const panels: PanelBox[] = [];
  let y = 0;
  for (const p of fig.grid.panels) {
    panels.push({ x: 0, y, cw, ch, rows: p.rows, cols: fig.grid.cols });
    y += p.rows * ch + fig.panelGap;
  }
  const stackH = y - fig.panelGap;
  // Marginals: a column right of the grid and a row under it, the column labels under them.
  const mt = marginalTexts(fig);
  const gap = (MARGIN_GAP * fig.fontSize) / 12;
  const gridW = fig.grid.cols * cw;
  // The column totals fit their cells' width: smaller text, down to the smallest annotation.
  let msize = sizes.tick;
  if (mt)
    while (
      msize > G.minAnnotSize &&
      Math.max(0, ...mt.cols.map((t) => m.width(t, msize))) > cw - 2 * G.annotPadX
    )
      msize -= 0.5;
  const mw = mt ? marginalWidth(m, cw, msize, mt) : 0;
  const mh = mt ? marginalHeight(m, ch, msize) : 0;
  const axisH = mt ? stackH + gap + mh : stackH;
  const x = xAxis(fig, m, sizes, cw, axisH, warnings);
  const yParts = yAxis(
    fig,
    m,
    sizes,
    panels,
    ch,
    axisH,
    warnings,
    rowLabelsRight(fig) ? 'right' : 'left',
  );
  const texts = [...x.texts, ...yParts.texts];
  const tickMarks = [...x.tickMarks, ...yParts.tickMarks];
  let marginals: Marginals | null = null;
  if (mt) {
    marginals = {
      column: { x: gridW + gap, y: 0, w: mw, h: stackH },
      row: { x: 0, y: stackH + gap, w: gridW, h: mh },
      corner: { x: gridW + gap, y: stackH + gap, w: mw, h: mh },
      size: msize,
      ...mt,
    };
    // Their name, where the labels of a row and a column would be.
    const lx = placeText(m, mt.label, sizes.tick, gridW + gap + mw / 2, 0, 'middle');
    texts.push({ ...shiftText(lx, 0, axisH + G.tickLength + G.tickPad - lx.box.y), role: 'xtick' });
    const ly = placeText(
      m,
      mt.label,
      sizes.tick,
      -G.tickLength - G.tickPad,
      stackH + gap + mh / 2,
      'end',
    );
    texts.push({ ...ly, role: 'ytick' });
  }
  return {
    panels,
    texts,
    tickMarks,
    width: mt ? gridW + gap + mw : gridW,
    height: axisH,
    colorbars: null,
    marginals,
  };
}
