import { makeNorm } from '../color/norm.ts';
import { Warnings } from '../errors.ts';
import { makeFormatter, tickFormat } from '../format/number.ts';
import { msg } from '../messages.ts';
import { GEOMETRY as G } from '../figure/geometry.ts';
import type { Figure, TickMode } from '../figure/types.ts';
import type { TextMeasurer } from '../text/measure.ts';
import { colorbarTicks } from '../color/ticks.ts';
import { type Box, boundsOf, lineHeight, type PlacedText, placeText, shiftText } from './text.ts';
import { chooseTicks, niceSteps, type TickChoice } from './ticks.ts';
import { largeGridArea, READABLE_AXIS, READABLE_CELL } from '../figure/fit-to-pixels.ts';
import { maxOf, minOf } from '../util/extent.ts';

export type TextRole =
  | 'title'
  | 'xlabel'
  | 'ylabel'
  | 'xtick'
  | 'ytick'
  | 'panel-title'
  | 'cbar-tick'
  | 'cbar-label';

export interface LayoutText extends PlacedText {
  readonly role: TextRole;
  /** The panel a y tick label or panel title belongs to. */
  readonly panel?: number;
}

export interface Segment {
  readonly x1: number;
  readonly y1: number;
  readonly x2: number;
  readonly y2: number;
}

/** One panel's cell area: `rows × cols` cells of `cw × ch` px from (x, y). */
export interface PanelBox {
  readonly x: number;
  readonly y: number;
  readonly cw: number;
  readonly ch: number;
  readonly rows: number;
  readonly cols: number;
}

export interface ColorbarLayout {
  /** The gradient's box (without extend triangles). */
  readonly bar: Box;
  /** Triangles (three points each) beyond the low and high ends, when extended. */
  readonly extendMin: readonly [number, number][] | null;
  readonly extendMax: readonly [number, number][] | null;
  /** The outline around the bar and its triangles. */
  readonly outline: readonly [number, number][];
  readonly ticks: readonly { readonly value: number; readonly y: number }[];
}

/** Boxes in px for everything but the cells' colours: the contract with the scene. */
export interface Layout {
  readonly width: number;
  readonly height: number;
  readonly panels: readonly PanelBox[];
  readonly texts: readonly LayoutText[];
  readonly tickMarks: readonly Segment[];
  /** Font size of annotations, or null when there are none. */
  readonly annotSize: number | null;
  /** The annotations' texts, formatted once (null when there are none). */
  readonly annotations: AnnotationTexts | null;
  /** The cells are drawn as one image per panel rather than a rect per cell. */
  readonly raster: boolean;
  readonly colorbar: ColorbarLayout | null;
}

interface Sizes {
  readonly tick: number;
  readonly label: number;
  readonly title: number;
}

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
  const annot = texts ? annotWidthPerPx(texts, m) : null;
  const rowsTotal = fig.grid.panels.reduce((s, p) => s + p.rows, 0);
  const C = fig.grid.cols;
  const fixedW = fig.size.width;
  const fixedH = fig.size.height;

  let { cw, ch } = contentCellSize(fig, m, sizes, annot, rowsTotal);
  let draft = compose(fig, m, sizes, cw, ch, annot, new Warnings());
  if (fixedW !== null || fixedH !== null) {
    for (let i = 0; i < 8; i++) {
      const extraW = draft.bounds.w - C * cw;
      const extraH = draft.bounds.h - draft.stackHeight;
      const nextW = fixedW !== null ? (fixedW - 2 * G.pad - extraW) / C : cw;
      const nextH =
        fixedH !== null
          ? (fixedH - 2 * G.pad - extraH - fig.panelGap * (fig.grid.panels.length - 1)) / rowsTotal
          : ch;
      const nw = Math.max(0.05, fig.size.square ? Math.min(nextW, nextH) : nextW);
      const nh = Math.max(0.05, fig.size.square ? Math.min(nextW, nextH) : nextH);
      const done = Math.abs(nw - cw) < 0.01 && Math.abs(nh - ch) < 0.01;
      cw = nw;
      ch = nh;
      draft = compose(fig, m, sizes, cw, ch, annot, new Warnings());
      if (done) break;
    }
  }
  const cells = rowsTotal * C;
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
  const final = compose(fig, m, sizes, cw, ch, keepAnnot ? annot : null, warnings);
  const placed = place(final, fixedW, fixedH);
  return { ...placed, raster, annotations: placed.annotSize !== null ? texts : null };
}

/** The annotations of a figure: each distinct text once, and which one each cell shows. */
export interface AnnotationTexts {
  readonly distinct: readonly string[];
  /** Per panel, row-major: the cell's index in `distinct`, or -1 where it is missing or masked. */
  readonly ids: readonly Int32Array[];
}

/**
 * The annotation of every cell, formatted once per distinct value: the layout sizes cells by
 * the widest, and hands them to the scene (Layout.annotations), which measures each once.
 */
function annotationTexts(fig: Figure): AnnotationTexts {
  const f = makeFormatter(fig.annot?.fmt ?? '.2g');
  // Values repeat (two-decimal scores, counts): each distinct one is formatted once.
  // (A Map holds 0 and -0 as one key, and they print differently: "0.00", "-0.00".)
  const byValue = new Map<number, number>();
  let negativeZero = -1;
  const byText = new Map<string, number>();
  const distinct: string[] = [];
  const idOf = (v: number): number => {
    let id = v === 0 && 1 / v < 0 ? negativeZero : byValue.get(v);
    if (id !== undefined && id !== -1) return id;
    const s = f(v);
    id = byText.get(s);
    if (id === undefined) {
      id = distinct.length;
      distinct.push(s);
      byText.set(s, id);
    }
    if (v === 0 && 1 / v < 0) negativeZero = id;
    else byValue.set(v, id);
    return id;
  };
  const ids = fig.grid.panels.map((p, pi) => {
    const mask = fig.mask[pi];
    const out = new Int32Array(p.values.length);
    for (let k = 0; k < p.values.length; k++) {
      const v = p.values[k]!;
      out[k] = v !== v || mask?.[k] ? -1 : idOf(v);
    }
    return out;
  });
  return { distinct, ids };
}

/** Widest formatted annotation per px of font size, or 0 if no cell has text. */
function annotWidthPerPx(texts: AnnotationTexts, m: TextMeasurer): number {
  let w = 0;
  for (const s of texts.distinct) w = Math.max(w, m.width(s, 1));
  return w;
}

function contentCellSize(
  fig: Figure,
  m: TextMeasurer,
  sizes: Sizes,
  annot: number | null,
  rowsTotal: number,
): { cw: number; ch: number } {
  const C = fig.grid.cols;
  // A large grid (before any reduction) gets a cell area of its own shape (see largeGridArea),
  // shared by the blocks it was reduced to.
  const red = fig.grid.reduced;
  const area = largeGridArea(
    red ? red.rows * fig.grid.panels.length : rowsTotal,
    red ? red.cols : C,
    {
      ...fig.size,
      width: null,
      height: null,
    },
  );
  const base = Math.min(G.maxCell, Math.max(G.minCell, G.targetGrid / Math.max(rowsTotal, C)));
  // An axis of few cells keeps them readable, however many the other axis has.
  const readable = (n: number, px: number) =>
    n <= READABLE_AXIS ? Math.max(px, READABLE_CELL) : px;
  let cw = area ? area.w / C : (fig.size.cellWidth ?? readable(C, base));
  let ch = area ? area.h / rowsTotal : (fig.size.cellHeight ?? readable(rowsTotal, base));
  if (annot !== null && annot > 0) {
    let s = fig.annot!.size ?? (G.annotSize * fig.fontSize) / 12;
    const needW = (size: number) => annot * size + 2 * G.annotPadX;
    const needH = (size: number) => lineHeight(m, size) + 2 * G.annotPadY;
    while (fig.annot!.size === null && s > G.minAnnotSize && C * needW(s) > G.maxGridForAnnot) {
      s -= 0.5;
    }
    // Grow cells to fit annotations only while the grid stays a sensible size; past that the
    // annotations are left out (with a warning) rather than the figure made enormous.
    const fits = C * needW(s) <= G.maxGridForAnnot && rowsTotal * needH(s) <= 2 * G.maxGridForAnnot;
    if (fits && fig.size.cellWidth === null) cw = Math.max(cw, needW(s));
    if (fits && fig.size.cellHeight === null) ch = Math.max(ch, needH(s));
  }
  if (fig.xrotation === 'auto' && fig.xticks.mode !== 'none' && fig.size.cellWidth === null) {
    const labelW = maxWidth(m, fig.xticks.labels, sizes.tick) + 2 * G.labelGap;
    if (labelW > cw && labelW <= 3 * cw && C * labelW <= G.maxGridForLabels) cw = labelW;
  }
  if (fig.size.square) cw = ch = Math.max(cw, ch);
  const round = (v: number) => (v >= 4 ? Math.ceil(v) : v >= 1 ? Math.round(v) : v);
  return { cw: round(cw), ch: round(ch) };
}

interface Draft {
  readonly panels: PanelBox[];
  readonly texts: LayoutText[];
  readonly tickMarks: Segment[];
  readonly annotSize: number | null;
  readonly colorbar: ColorbarLayout | null;
  readonly bounds: Box;
  readonly stackHeight: number;
}

/** The smallest font size a tick label shrinks to when every label is asked for. */
const MIN_TICK_SIZE = 6;

function maxWidth(m: TextMeasurer, labels: readonly string[], size: number): number {
  let w = 0;
  for (const l of labels) w = Math.max(w, m.width(l, size));
  return w;
}

/**
 * The tick size and choice for an axis: at the preferred size, or, when every label is asked
 * for ("all") and they do not all fit level, the largest size down to MIN_TICK_SIZE (in half
 * px) at which they all fit level; then turned, from the preferred size down; past that, the
 * smallest size, thinned. `choose(size, level)` asks for level labels only.
 */
function allLabels(
  mode: TickMode,
  preferred: number,
  choose: (size: number, level: boolean) => TickChoice & { thinned: boolean },
): { size: number; choice: TickChoice & { thinned: boolean } } {
  const first = choose(preferred, false);
  if (mode !== 'all' || (!first.thinned && first.rotate === 0))
    return { size: preferred, choice: first };
  for (const level of [true, false]) {
    for (let s = preferred; s >= MIN_TICK_SIZE; s -= 0.5) {
      const c = choose(s, level);
      if (!c.thinned) return { size: s, choice: c };
    }
  }
  return { size: MIN_TICK_SIZE, choice: choose(MIN_TICK_SIZE, false) };
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
): Draft {
  const C = fig.grid.cols;
  const gridW = C * cw;
  const texts: LayoutText[] = [];
  const tickMarks: Segment[] = [];

  // Panels, stacked.
  const panels: PanelBox[] = [];
  let y = 0;
  for (const p of fig.grid.panels) {
    panels.push({ x: 0, y, cw, ch, rows: p.rows, cols: C });
    y += p.rows * ch + fig.panelGap;
  }
  const stackH = y - fig.panelGap;
  const lhTick = lineHeight(m, sizes.tick);

  // Annotation size: the preferred size, shrunk to fit the cell; none below the minimum.
  let annotSize: number | null = null;
  if (annot !== null && annot > 0) {
    const want = fig.annot!.size ?? (G.annotSize * fig.fontSize) / 12;
    const fitW = (cw - 2 * G.annotPadX) / annot;
    const fitH = (ch - 2 * G.annotPadY) / (m.ascent + m.descent);
    const s = Math.min(want, fitW, fitH);
    if (s >= G.minAnnotSize) annotSize = Math.floor(s * 10) / 10;
    else warnings.add(msg.annotDropped(s));
  }

  // Column labels.
  const xl = fig.xticks;
  const xWidths = xl.labels.map((l) => m.width(l, sizes.tick));
  // Cells of a few pixels get labels on round positions at least this far apart.
  const dense = (size: number, far: number) => (size < G.rasterCellSize ? far : 0);
  const red = fig.grid.reduced;
  // A reduced axis whose labels are positions gets ticks at round positions of the original
  // grid; an axis kept whole (a tall array's columns) keeps its own labels.
  const xTicks: { center: number; label: string }[] =
    red && red.cols !== C && xl.mode !== 'none' && isPositions(xl.labels)
      ? positionTicks(red.cols, gridW, (w) => m.width(w, sizes.tick) + 2 * G.labelGap, 60)
      : [];
  // Every label asked for (xticklabels true, as in seaborn): the font shrinks to the smallest
  // readable size before the labels turn, and only then are they thinned, with a warning.
  const xChoose = (size: number, level: boolean) =>
    chooseTicks(
      C,
      xl.mode,
      level && fig.xrotation === 'auto' ? 0 : fig.xrotation,
      cw,
      size === sizes.tick ? maxOf(xWidths, 0) : maxWidth(m, xl.labels, size),
      lineHeight(m, size),
      G.labelGap,
      dense(cw, 60),
    );
  const xFit = xTicks.length ? null : allLabels(xl.mode, sizes.tick, xChoose);
  const xSize = xFit?.size ?? sizes.tick;
  const xc = xTicks.length ? { indices: [], rotate: 0, every: 1, thinned: false } : xFit!.choice;
  if (!xTicks.length)
    for (const i of xc.indices) xTicks.push({ center: (i + 0.5) * cw, label: xl.labels[i]! });
  if (xc.thinned && xl.mode !== 'auto')
    warnings.add(msg.ticksThinned('x', xc.every, 'a larger width or cellWidth'));
  const top = fig.xaxis === 'top';
  const edge = top ? 0 : stackH;
  const dir = top ? -1 : 1;
  const anchor = xc.rotate === 0 ? 'middle' : xc.rotate < 0 !== top ? 'end' : 'start';
  let xs: LayoutText[] = [];
  for (const { center: cx, label } of xTicks) {
    tickMarks.push({ x1: cx, y1: edge, x2: cx, y2: edge + dir * G.tickLength });
    if (label === '') continue;
    xs.push({ ...placeText(m, label, xSize, cx, 0, anchor, xc.rotate), role: 'xtick' });
  }
  if (xs.length) {
    const ref = edge + dir * (G.tickLength + G.tickPad);
    const dy = top
      ? ref - maxOf(xs.map((t) => t.box.y + t.box.h))
      : ref - minOf(xs.map((t) => t.box.y));
    xs = xs.map((t) => shiftText(t, 0, dy));
  }
  texts.push(...xs);
  let xOuter = xs.length
    ? top
      ? minOf(xs.map((t) => t.box.y))
      : maxOf(xs.map((t) => t.box.y + t.box.h))
    : edge + dir * (xc.indices.length ? G.tickLength : 0);
  if (fig.xlabel) {
    const t = placeText(m, fig.xlabel, sizes.label, gridW / 2, 0, 'middle');
    const dy = top
      ? xOuter - G.axisTitleGap - (t.box.y + t.box.h)
      : xOuter + G.axisTitleGap - t.box.y;
    const s = shiftText(t, 0, dy);
    texts.push({ ...s, role: 'xlabel' });
    xOuter = top ? s.box.y : s.box.y + s.box.h;
  }

  // Row labels and panel titles, at the left of each panel.
  let leftmost = 0;
  fig.grid.panels.forEach((p, pi) => {
    const pb = panels[pi]!;
    const yt = fig.yticks[pi]!;
    const yTicks: { center: number; label: string }[] =
      red && red.rows !== p.rows && yt.mode !== 'none' && isPositions(yt.labels)
        ? positionTicks(red.rows, p.rows * ch, () => lhTick + G.labelGap, 40)
        : [];
    const yFit = yTicks.length
      ? null
      : allLabels(yt.mode, sizes.tick, (size) => {
          const lh = lineHeight(m, size);
          return chooseTicks(p.rows, yt.mode, 0, ch, lh, lh, G.labelGap, dense(ch, 40));
        });
    const ySize = yFit?.size ?? sizes.tick;
    const yc = yTicks.length ? { indices: [], every: 1, thinned: false } : yFit!.choice;
    if (!yTicks.length)
      for (const r of yc.indices) yTicks.push({ center: (r + 0.5) * ch, label: yt.labels[r]! });
    if (yc.thinned && yt.mode !== 'auto')
      warnings.add(msg.ticksThinned('y', yc.every, 'a larger height or cellHeight'));
    let left = 0;
    for (const { center, label } of yTicks) {
      const cy = pb.y + center;
      tickMarks.push({ x1: 0, y1: cy, x2: -G.tickLength, y2: cy });
      left = Math.min(left, -G.tickLength);
      if (label === '') continue;
      const t = placeText(m, label, ySize, -G.tickLength - G.tickPad, cy, 'end');
      texts.push({ ...t, role: 'ytick', panel: pi });
      left = Math.min(left, t.box.x);
    }
    if (p.title) {
      const t = placeText(
        m,
        p.title,
        sizes.label,
        left - G.axisTitleGap,
        pb.y + (p.rows * ch) / 2,
        'end',
      );
      texts.push({ ...t, role: 'panel-title', panel: pi });
      left = t.box.x;
    }
    leftmost = Math.min(leftmost, left);
  });
  if (fig.ylabel) {
    const t = placeText(m, fig.ylabel, sizes.label, 0, stackH / 2, 'middle', -90);
    const s = shiftText(t, leftmost - G.axisTitleGap - (t.box.x + t.box.w), 0);
    texts.push({ ...s, role: 'ylabel' });
  }

  // Colorbar at the right, as long as the stack; beside a short stack (a 1×N grid), long
  // enough for two ticks and centred on it.
  let colorbar: ColorbarLayout | null = null;
  if (fig.colorbar) {
    const cb = fig.colorbar;
    const x0 = gridW + G.colorbarGap;
    const w = G.colorbarWidth;
    const len = Math.max(stackH, 3 * lhTick + 2 * G.colorbarWidth);
    const y0 = (stackH - len) / 2; // 0, or above the top of a short stack
    const tri = w;
    const lo = cb.extend === 'min' || cb.extend === 'both';
    const hi = cb.extend === 'max' || cb.extend === 'both';
    const barTop = y0 + (hi ? tri : 0);
    const barBottom = y0 + len - (lo ? tri : 0);
    const barLen = barBottom - barTop;
    const norm = makeNorm(fig.norm);
    let values = colorbarTicks(fig.norm, cb.ticks, barLen, G.colorbarTickSpacing);
    let step = 1;
    const posOf = (v: number) => barBottom - Math.min(1, Math.max(0, norm(v))) * barLen;
    const tooDense = (vs: number[]) =>
      vs.some((v, i) => i > 0 && Math.abs(posOf(vs[i - 1]!) - posOf(v)) < lhTick + 1);
    while (values.length > 2 && tooDense(values)) {
      values = values.filter((_, i) => i % 2 === 0);
      step *= 2;
    }
    if (step > 1 && cb.ticks !== null) warnings.add(msg.colorbarTicksThinned(step));
    const fmt = makeFormatter(
      cb.format ??
        (fig.norm.kind === 'log' || fig.norm.kind === 'symlog'
          ? 'g'
          : tickFormat(values, cb.percent)),
    );
    const ticks = values.map((value) => ({ value, y: posOf(value) }));
    let right = x0 + w;
    for (const t of ticks) {
      tickMarks.push({ x1: x0 + w, y1: t.y, x2: x0 + w + G.tickLength, y2: t.y });
      const p = placeText(
        m,
        fmt(t.value),
        sizes.tick,
        x0 + w + G.tickLength + G.tickPad,
        t.y,
        'start',
      );
      texts.push({ ...p, role: 'cbar-tick' });
      right = Math.max(right, p.box.x + p.box.w);
    }
    if (cb.label) {
      const t = placeText(m, cb.label, sizes.label, 0, y0 + len / 2, 'middle', -90);
      texts.push({ ...shiftText(t, right + G.axisTitleGap - t.box.x, 0), role: 'cbar-label' });
    }
    const mid = x0 + w / 2;
    const extendMin: [number, number][] | null = lo
      ? [
          [x0, barBottom],
          [x0 + w, barBottom],
          [mid, y0 + len],
        ]
      : null;
    const extendMax: [number, number][] | null = hi
      ? [
          [x0, barTop],
          [mid, y0],
          [x0 + w, barTop],
        ]
      : null;
    const outline: [number, number][] = [
      [x0, barTop],
      ...(hi
        ? ([[mid, y0]] as [number, number][])
        : [[x0, y0] as [number, number], [x0 + w, y0] as [number, number]]),
      [x0 + w, barTop],
      [x0 + w, barBottom],
      ...(lo
        ? ([[mid, y0 + len]] as [number, number][])
        : [[x0 + w, y0 + len] as [number, number], [x0, y0 + len] as [number, number]]),
      [x0, barBottom],
    ];
    colorbar = {
      bar: { x: x0, y: barTop, w, h: barLen },
      extendMin,
      extendMax,
      outline: dedupe(outline),
      ticks,
    };
  }

  // Title, centred over the grid, above everything else.
  const topSoFar = Math.min(
    0,
    ...texts.map((t) => t.box.y),
    ...tickMarks.map((s) => Math.min(s.y1, s.y2)),
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
  if (colorbar) pts.push(...colorbar.outline);
  return {
    panels,
    texts,
    tickMarks,
    annotSize,
    colorbar,
    bounds: boundsOf(pts),
    stackHeight: stackH,
  };
}

/** True if labels are the positions 0, a, b, … (increasing whole numbers from 0), as for a reduced array. */
function isPositions(labels: readonly string[]): boolean {
  return (
    labels[0] === '0' &&
    labels.every((l, i) => /^\d+$/.test(l) && (i === 0 || Number(l) > Number(labels[i - 1])))
  );
}

/**
 * Ticks at round positions (1, 2, 5 × 10^k apart) of an axis of n original cells drawn
 * `length` px long, at least `minSpacing` px apart and wide enough for their labels.
 */
function positionTicks(
  n: number,
  length: number,
  widthOf: (label: string) => number,
  minSpacing: number,
): { center: number; label: string }[] {
  const widest = widthOf(String(n - 1));
  const step = niceSteps(n).find((s) => (s / n) * length >= Math.max(minSpacing, widest)) ?? n;
  const out: { center: number; label: string }[] = [];
  for (let p = 0; p < n; p += step)
    out.push({ center: ((p + 0.5) / n) * length, label: String(p) });
  return out;
}

function dedupe(points: [number, number][]): [number, number][] {
  return points.filter((p, i) => {
    const q = points[(i + points.length - 1) % points.length]!;
    return p[0] !== q[0] || p[1] !== q[1];
  });
}

/** Moves the draft onto the canvas: whole-pixel offsets so cell edges stay sharp. */
function place(
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
  const sp = (s: Segment): Segment => ({
    x1: s.x1 + dx,
    y1: s.y1 + dy,
    x2: s.x2 + dx,
    y2: s.y2 + dy,
  });
  const pp = (p: readonly [number, number]): [number, number] => [p[0] + dx, p[1] + dy];
  const cb = d.colorbar;
  return {
    width,
    height,
    panels: d.panels.map((p) => ({ ...p, x: p.x + dx, y: p.y + dy })),
    texts: d.texts.map((t) => shiftText(t, dx, dy)),
    tickMarks: d.tickMarks.map(sp),
    annotSize: d.annotSize,
    colorbar: cb
      ? {
          bar: { ...cb.bar, x: cb.bar.x + dx, y: cb.bar.y + dy },
          extendMin: cb.extendMin?.map(pp) ?? null,
          extendMax: cb.extendMax?.map(pp) ?? null,
          outline: cb.outline.map(pp),
          ticks: cb.ticks.map((t) => ({ value: t.value, y: t.y + dy })),
        }
      : null,
  };
}
