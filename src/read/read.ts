/**
 * A heatmap image read back into its grid (issue 20, first part): the grid and colorbar
 * found, the cells counted, and each cell's colour placed on the colorbar, as t in [0, 1]
 * (the colorbar's low end to its high end) with the half colour step that bounds it. Turning
 * t into values needs the colorbar's tick labels (text recognition), which comes next.
 */
import { HeatfigError } from '../errors.ts';
import * as msg from '../messages.ts';
import {
  type ColorbarScale,
  colorbarExtends,
  colorReach,
  placeColor,
  sampleColorbar,
} from './colorbar.ts';
import {
  type Cells,
  coarserLattice,
  type Lattice,
  readCells,
  type Strokes,
  strokes,
  textOverGrid,
  tickLattice,
  unevenCells,
  unseenBoundaries,
  edgeless,
} from './cells.ts';
import { type Labels, readLabels } from './labels.ts';
import { readTitles, type Titles } from './title.ts';
import { barToGridEdge, type Box, locate, overlapping, paleEnds, withinBorder } from './locate.ts';
import {
  type Annotations,
  inkedCells,
  minusEnd,
  printedDecimals,
  readAnnotations,
} from './annotations.ts';
import {
  axisMarks,
  SHORT_MARK,
  crop,
  fitTicks,
  flushEnds,
  labelNumber,
  minorMarks,
  scaleAt,
  steepest,
  twoSlopes,
  numberText,
  type PlacedLabel,
  prefixedNumber,
  type Recognize,
  runs,
  type ScaleFit,
  type Side,
  type Word,
  textLines,
  tickLength,
  tickMarks,
  touching,
} from './ticks.ts';
import { roundToShare, sharePlace, writeToShare } from '../util/share.ts';
import { inTurns } from '../util/turns.ts';
import { glyphRuns, runShapes, shownPoint } from './glyphs.ts';
import { decodeImage, type Image } from './image.ts';
import { middleOf } from './widths.ts';
import {
  exponentOf,
  offsetLike,
  offsetOf,
  plainLogScale,
  powerOf,
  powersScale,
  raisedTail,
} from './powers.ts';

export interface ReadPositions {
  readonly rows: number;
  readonly cols: number;
  /** Each cell's place on the colorbar, row by row: 0 its low end, 1 its high end. */
  readonly t: Float64Array;
  /** 1 where a cell's colour is exactly one of the colorbar's (a renderer that drew both alike). */
  readonly exact: Uint8Array;
  /**
   * How far a cell's place may be off, in t: one colour step of the colorbar (1 over its
   * distinct colours less one) and one of its pixels (the colour a cell has may fall between
   * two the colorbar shows). No finer reading is in the pixels.
   */
  readonly step: number;
  /**
   * The part of `step` a noisy image's noise makes (0 in a clean image): its colours stray
   * by the noise either way, as far along the colorbar as its colours take to change so much.
   */
  readonly noiseStep: number;
  readonly grid: Box;
  /** The panel around the cells where it is wider than they are (Located.frame), or null. */
  readonly frame: Box | null;
  readonly colorbar: { readonly box: Box; readonly vertical: boolean } | null;
  /** The cells found: their count, colours and lattices. */
  readonly cells: Cells;
  /** The text written over the cells (annotations), if any. */
  readonly text: Strokes | null;
  /** The image's background (the commonest colour of its border). */
  readonly background: readonly [number, number, number];
  /** The colours along the colorbar, and where they lie. */
  readonly scale: ColorbarScale | null;
  /** Whether the colorbar's low and high ends are triangles (extend: values past them are drawn in their colours). */
  readonly extend: { readonly low: boolean; readonly high: boolean };
  /** What could not be read, and where. */
  readonly warnings: readonly string[];
  /** The image's other heatmaps than the one read, and where each stands against it; null for none. */
  readonly others: msg.OtherHeatmaps | null;
  /** Their grids' boxes: what stands beside the grid read is not its (labels, titles). */
  readonly otherGrids: readonly Box[];
  /** Whether the image was read turned over (a dark page): its colours here are turned too (Image.inverted). */
  readonly inverted: boolean;
  /**
   * Why the shape read is in doubt, where it is (its warning, as the description says it):
   * 5% or more of the cells read not one colour each (unevenCells), or an axis's tick marks
   * closer together than its cells read (finerMarks).
   */
  readonly doubt: string | null;
}

/** Reads the cells of a heatmap image (PNG or JPEG bytes) as places on its colorbar. */
export function readPositions(
  bytes: Uint8Array,
  source = '<image>',
  panel?: number,
): ReadPositions {
  return positionsOf(decodeImage(bytes, source), source, panel);
}

/**
 * As readPositions, of a decoded image; `panel`: which of several heatmaps (1-based, reading
 * order); `force`: an axis's cells as the labels count them (indexCells), over the grid found.
 */
export function positionsOf(
  img: Image,
  source: string,
  panel?: number,
  force: { readonly rows?: number; readonly cols?: number } = {},
): ReadPositions {
  // The heatmaps in the image as numbered for `panel`: those located, less the pieces of the
  // one read first (seed-004's pale cells, near the page's colour, part its grid into blocks:
  // one column was found first, and rows of another column told as a second heatmap).
  const first = locate(img);
  if (!first) throw new HeatfigError('not-a-heatmap', msg.noHeatmapGrid(), source);
  // A grid inside a panel wider than its cells (ggplot2's): the panel drawn around it
  // (located), or a border apart from the cells, the grid grown within it by cells it lost
  // (withinBorder). Its tick marks stand at the panel's edge, past the margin.
  const marksOf = (l: NonNullable<ReturnType<typeof locate>>) => {
    const bordered = l.frame ? null : withinBorder(img, l.grid, l.background);
    const frame = l.frame ?? bordered?.frame ?? null;
    const marked = withItsMarks(img, bordered?.grid ?? l.grid, frame);
    // (Axes' lines at the left and below alone: the other sides as far out of the grid.)
    const g = marked.grid;
    const open = bordered?.open && frame;
    return {
      ...marked,
      frame: open ? { ...frame, x1: g.x1 + g.x0 - frame.x0, y0: g.y0 - (frame.y1 - g.y1) } : frame,
    };
  };
  const firstMarked = marksOf(first);
  const panels = first.panels.filter(
    (p, i) => i + 1 === first.panel || !overlapping(p, firstMarked.grid),
  );
  if (panel !== undefined && panel > panels.length)
    throw new HeatfigError('bad-option', msg.noSuchPanel(panel, panels.length), '--panel');
  const asked = panel === undefined ? first.panel : first.panels.indexOf(panels[panel - 1]!) + 1;
  const located = asked === first.panel ? first : locate(img, asked);
  if (!located) throw new HeatfigError('not-a-heatmap', msg.noHeatmapGrid(), source);
  const marked = located === first ? firstMarked : marksOf(located);
  const { rowTicks, colTicks, frame: around } = marked;
  let grid = marked.grid;
  const textOver = (g: Box) => {
    const marks = strokes(img, g);
    return textOverGrid(marks) ? marks : null;
  };
  let text = textOver(grid);
  let cells = readCells(img, grid, text, {
    xs: colTicks?.lattice ?? null,
    ys: rowTicks?.lattice ?? null,
  });
  // Numbers over the cells and no tick marks (seaborn's set_theme): where the numbers run
  // over the cells' edges, their strokes may pass for edges, and an axis be read a whole
  // number of times finer than its labels, one beside each cell, say (a talk-sized 5x7 read
  // 55x7). The labels' lattice is taken then.
  if (text) {
    const byLabels = (l: Lattice, side: 'left' | 'below') => {
      const t = labelsLattice(img, grid, side);
      return t && l.n > t.n && l.n % t.n === 0 ? t : null;
    };
    // Else, runs of cells of one colour: the lattice they are parts of (coarserLattice).
    const noise = img.noise ?? 0;
    const ys = rowTicks ? null : (byLabels(cells.ys, 'left') ?? coarserLattice(cells, true, noise));
    const xs = colTicks
      ? null
      : (byLabels(cells.xs, 'below') ?? coarserLattice(cells, false, noise));
    if (xs || ys) cells = readCells(img, grid, text, { xs: xs ?? cells.xs, ys: ys ?? cells.ys });
  }
  // Outer cells lost to the page, their marks beyond the grid (toOuterMarks), or beyond the
  // panel around it (ggplot2's: its marks stand past the margin); not over the colorbar, nor
  // past the panel.
  const outer = (along: Lattice, side: 'left' | 'below' | 'top') =>
    toOuterMarks(img, grid, along, side, around ?? grid);
  const xs = colTicks ? null : (outer(cells.xs, 'below') ?? outer(cells.xs, 'top'));
  const ys = rowTicks ? null : outer(cells.ys, 'left');
  if (xs || ys) {
    const grown = {
      ...grid,
      ...(xs ? { x0: xs.start, x1: xs.end } : {}),
      ...(ys ? { y0: ys.start, y1: ys.end } : {}),
    };
    const inPanel =
      !around ||
      (grown.x0 >= around.x0 &&
        grown.x1 <= around.x1 &&
        grown.y0 >= around.y0 &&
        grown.y1 <= around.y1);
    if (inPanel && !(located.colorbar && overlapping(grown, located.colorbar.box))) {
      grid = grown;
      text = textOver(grid);
      cells = readCells(img, grid, text, {
        xs: xs?.lattice ?? cells.xs,
        ys: ys?.lattice ?? cells.ys,
      });
    }
  }
  if (force.rows || force.cols) {
    const even = (n: number, len: number): Lattice => ({ n, origin: 0, width: len / n });
    cells = readCells(img, grid, text, {
      xs: force.cols ? even(force.cols, grid.x1 - grid.x0) : cells.xs,
      ys: force.rows ? even(force.rows, grid.y1 - grid.y0) : cells.ys,
    });
  }
  // Cells of several colours each: the lattice read is not the image's (unevenCells).
  const uneven = unevenCells(img, grid, cells, text !== null);
  // A colorbar found short of the grid's edge, its end lost to the page (barToGridEdge).
  const bar = located.colorbar;
  const colorbar = bar && {
    ...bar,
    box: paleEnds(
      img,
      barToGridEdge(img, bar.box, bar.vertical, grid, located.background),
      bar.vertical,
      located.background,
    ),
  };
  const found = { ...located, grid, colorbar };
  const n = cells.rows * cells.cols;
  const t = new Float64Array(n).fill(Number.NaN);
  const exact = new Uint8Array(n);
  const warnings: string[] = [];
  // The other heatmaps, each with its number (1 for the first, in reading order), but for
  // pieces of the grid read.
  const read = located.panels[located.panel - 1]!;
  const number = (b: Box) => panels.findIndex((p) => sameBox(p, b)) + 1;
  const otherGrids = panels.filter((p) => !sameBox(p, read) && !overlapping(p, grid));
  const others: msg.OtherHeatmaps | null = otherGrids.length
    ? {
        panel: number(read) || (panel ?? first.panel),
        others: otherGrids.map((o) => ({ panel: number(o), place: sideOf(o, grid) })),
      }
    : null;
  if (others) warnings.push(msg.otherHeatmaps(others));
  // (The axes' marks looked for only where the cells read are one colour each.)
  const finer = uneven >= 0.05 ? null : finerMarks(img, grid, cells.ys, 'left');
  const finerCols = uneven >= 0.05 || finer ? null : finerMarks(img, grid, cells.xs, 'below');
  const doubt =
    uneven >= 0.05
      ? msg.cellsNotOneColour(uneven)
      : finer
        ? msg.marksFinerThanCells('rows', finer)
        : finerCols
          ? msg.marksFinerThanCells('columns', finerCols)
          : null;
  if (doubt !== null) warnings.push(doubt);
  let step = Number.NaN;
  let noiseStep = 0;
  let scale: ColorbarScale | null = null;
  let extend = { low: false, high: false };
  if (found.colorbar) {
    scale = sampleColorbar(img, found.colorbar.box, found.colorbar.vertical);
    step = 1 / Math.max(1, distinctRuns(scale) - 1) + 1 / Math.max(1, scale.n - 1);
    // A noisy image's colours stray by its noise either way: as far along the colorbar as its
    // colours take to change so much (its colour path's length, in levels, end to end), twice
    // that. Where the map changes slowly, readValues widens it cell by cell (colorReach).
    if (img.noise) {
      noiseStep = (2 * img.noise) / Math.max(1, colorPath(scale));
      step += noiseStep;
    }
    let far = 0;
    let near = 0;
    let nearest = 0;
    const bg = found.background;
    for (let i = 0; i < n; i++) {
      const c = cells.colors.subarray(i * 3, i * 3 + 3);
      const p = placeColor(scale!, c[0]!, c[1]!, c[2]!);
      // A colour the colorbar does not hold (a masked or missing cell, a cell under text);
      // the page's own colour exactly, where the colorbar lacks it, is a missing cell (a
      // Blues map's lowest colour is 8 levels from white).
      const page = c[0] === bg[0] && c[1] === bg[1] && c[2] === bg[2] && p.d2 > 3 * 2 * 2;
      if (p.d2 > 3 * 12 * 12 || page) far++;
      else {
        t[i] = p.t;
        // In an image without noise (a PNG) a cell's colour is the colorbar's within a level
        // or two (4.4 at most in 337 unannotated PNGs of seaborn, matplotlib, Plotly and
        // Vega); 5 or more off, the bar does not hold it: Vega's legend of a `domainMid`
        // outside the data is white at 0.49 where its cells are white at 0.
        if (!img.noise && p.d2 > 3 * 5 * 5) {
          near++;
          nearest = Math.max(nearest, Math.sqrt(p.d2 / 3));
        }
      }
      if (p.d2 === 0) exact[i] = 1;
    }
    if (far) warnings.push(msg.cellsOffColorbar(far));
    if (near >= 2) warnings.push(msg.cellsBesideColorbar(near, nearest));
    extend = colorbarExtends(img, found.colorbar.box, found.colorbar.vertical, found.background);
  } else warnings.push(msg.noColorbar());
  return {
    rows: cells.rows,
    cols: cells.cols,
    t,
    exact,
    step,
    noiseStep,
    grid: found.grid,
    frame: around,
    colorbar: found.colorbar,
    cells,
    text,
    background: found.background,
    scale,
    extend,
    warnings,
    others,
    otherGrids,
    inverted: img.inverted === true,
    doubt,
  };
}

/**
 * The cells with a value from their colour and no text over them, in an image whose other
 * cells show their numbers, or null where there are none; `masked` where they are all one
 * colour (within 2 levels) that, in an image without noise, is not the colorbar's (more than a
 * level and a half from any of its colours): the colour of the axes seaborn leaves a masked
 * cell in. With seaborn's default theme that grey (#EAEAF2) is 2.2 levels from a colour of
 * `vlag`: a correlation matrix's masked upper triangle had been read as 28 cells of -0.02,
 * silently.
 * A colour the colorbar holds exactly may be a value left unprinted (zeros written as ''): such
 * cells are read from their colour, and said to be.
 */
function unprinted(
  p: ReadPositions,
  annotations: Annotations,
  values: Float64Array,
  noisy: boolean,
): { cells: number[]; masked: boolean } | null {
  const cells: number[] = [];
  for (let i = 0; i < values.length; i++)
    if (!annotations.inked[i] && values[i] === values[i]) cells.push(i);
  if (!cells.length) return null;
  const c = p.cells.colors;
  const [r0, g0, b0] = [c[cells[0]! * 3]!, c[cells[0]! * 3 + 1]!, c[cells[0]! * 3 + 2]!];
  const alike = cells.every(
    (i) =>
      Math.abs(c[i * 3]! - r0) <= 2 &&
      Math.abs(c[i * 3 + 1]! - g0) <= 2 &&
      Math.abs(c[i * 3 + 2]! - b0) <= 2,
  );
  // (More than a level and a half: matplotlib's imshow draws its cells a level off its
  // colorbar's colours, and a cell whose number was missed is no masked one.)
  const off = p.scale !== null && placeColor(p.scale, r0, g0, b0).d2 > 3 * 1.5 * 1.5;
  return { cells, masked: alike && off && !noisy };
}

/**
 * The spacing of an axis's tick marks where they stand much closer together than its cells
 * read, else null: a JPEG's cells 4 px high, blurred, were read 10 rows of 40 px beside
 * marks every 4 px. An axis marks every cell or every few; a locator's ticks at fractions of
 * a cell (matplotlib's `imshow` of 4 rows: -0.5, 0, 0.5…) are a dozen at most. Sixteen marks
 * or more, most spaces between them (three in four) within 1.5 px of one spacing or twice it
 * (a mark lost to the blur), that spacing under a third of the cells'.
 */
function finerMarks(
  img: Image,
  grid: Box,
  along: Lattice,
  side: 'left' | 'below',
): { spacing: number; cells: number } | null {
  const marks = axisMarks(img, grid, side);
  if (marks.length < 16) return null;
  const gaps = marks.slice(1).map((m, i) => m - marks[i]!);
  const s = middleOf(gaps);
  if (s < 2 || s > along.width / 3) return null;
  const even = gaps.filter((g) => Math.abs(g - s) <= 1.5 || Math.abs(g - 2 * s) <= 1.5).length;
  return even >= 0.75 * gaps.length ? { spacing: s, cells: along.width } : null;
}

/**
 * The grid as its tick marks have it, where a mark stands at every row or column (the grid's
 * extent past cells of the page's own colour), and those marks, looked for at the grid's
 * edge or at the panel's around it (`frame`: ggplot2's marks stand past its margin). Twice: a
 * grid found as one column of cells has its row marks at the whole grid's edge.
 */
function withItsMarks(img: Image, found: Box, frame: Box | null = null) {
  let grid = found;
  let rowTicks: ReturnType<typeof tickLattice> = null;
  let colTicks: ReturnType<typeof tickLattice> = null;
  for (let round = 0; round < 2; round++) {
    rowTicks ??= marksLattice(img, grid, 'left', frame);
    colTicks ??= marksLattice(img, grid, 'below', frame) ?? marksLattice(img, grid, 'top', frame);
    if (rowTicks) grid = { ...grid, y0: rowTicks.start, y1: rowTicks.end };
    if (colTicks) grid = { ...grid, x0: colTicks.start, x1: colTicks.end };
  }
  return { grid, rowTicks, colTicks };
}

/**
 * The cells along one axis grown to its tick marks beyond them, where the marks stand every
 * few cells (Plotly's and seaborn's axes mark every k-th cell of many): an outer column or
 * row lost from the grid found, cut for its cells as pale as the page (Plotly's `Hot`, white
 * at its top: a first column of 15 cells, two of them nearly white, was less than nine
 * tenths filled and fell away), still has its mark under it. Three marks or more, each
 * within a quarter of a cell of a cell's middle and within 1.5 px of the line through the
 * outer two, evenly spaced, two of them over the cells read; null where none lies beyond
 * them, or the cells grown would leave the image.
 */
function toOuterMarks(
  img: Image,
  grid: Box,
  along: Lattice,
  side: 'left' | 'below' | 'top',
  /** Where the marks stand: the grid's edge, or the panel's around it. */
  edge: Box = grid,
): { start: number; end: number; lattice: Lattice } | null {
  const marks = axisMarks(img, edge, side).map((m) => m + 0.5);
  if (marks.length < 3) return null;
  const [start, limit] = side === 'left' ? [grid.y0, img.height] : [grid.x0, img.width];
  // Each mark's cell (a mark one pixel wide at x stands at x + 0.5 on the cells' lattice),
  // within a quarter of a cell of its middle; evenly spaced.
  const at = marks.map((m) => (m - start - along.origin) / along.width - 0.5);
  const cell = at.map(Math.round);
  if (at.some((a, i) => Math.abs(a - cell[i]!) > 0.25)) return null;
  const k = cell[1]! - cell[0]!;
  if (k < 1 || cell.some((c, i) => c !== cell[0]! + i * k)) return null;
  if (cell.filter((c) => c >= 0 && c < along.n).length < 2) return null;
  const before = Math.max(0, -cell[0]!);
  const after = Math.max(0, cell.at(-1)! - (along.n - 1));
  if (!before && !after) return null;
  // The marks' own spacing, over the most cells (a JPEG's edges gave cells 0.5% wide of
  // them, 1.6 px over ten), each mark on it within 1.5 px.
  const first = marks[0]!;
  const w = (marks.at(-1)! - first) / (cell.at(-1)! - cell[0]!);
  if (marks.some((m, i) => Math.abs(m - (first + (cell[i]! - cell[0]!) * w)) > 1.5)) return null;
  // The side grown ends half a cell past its outermost mark; the other stays the grid's.
  const from = before ? first - w / 2 : start + along.origin;
  const to = after ? marks.at(-1)! + w / 2 : start + along.origin + along.n * along.width;
  if (from < -0.5 || to > limit + 0.5) return null;
  const n = along.n + before + after;
  const lo = Math.max(0, Math.floor(from));
  return {
    start: lo,
    end: Math.min(limit, Math.ceil(to)),
    lattice: { n, origin: from - lo, width: (to - from) / n },
  };
}

const sameBox = (a: Box, b: Box) =>
  a.x0 === b.x0 && a.y0 === b.y0 && a.x1 === b.x1 && a.y1 === b.y1;

/**
 * The lattice of the labels beside the grid on one side, one at every cell: the middles of
 * the pieces of text in the block of text nearest the grid (tickLattice), where it spans the
 * grid (its ends within an eighth of a cell of the grid's); null otherwise. Labels every
 * other cell (seaborn's, of many) stand half a cell in from the grid's ends, and give none.
 */
function labelsLattice(img: Image, grid: Box, side: 'left' | 'below'): Lattice | null {
  const left = side === 'left';
  const area: Box = left
    ? { x0: Math.max(0, grid.x0 - 400), x1: Math.max(0, grid.x0 - 1), y0: grid.y0, y1: grid.y1 }
    : { x0: grid.x0, x1: grid.x1, y0: grid.y1 + 1, y1: Math.min(img.height, grid.y1 + 400) };
  if (area.x1 - area.x0 < 3 || area.y1 - area.y0 < 3) return null;
  const [start, end] = left ? [grid.y0, grid.y1] : [grid.x0, grid.x1];
  // The blocks of text from the grid out, parted by 6 px or more; the first three looked at
  // (a number's minus run out of its cell stands before the labels, "layer" beyond "0").
  const blocks = runs(img, area, left, 6);
  if (left) blocks.reverse();
  for (const [a, b] of blocks.slice(0, 3)) {
    const band: Box = left ? { ...area, x0: a, x1: b } : { ...area, y0: a, y1: b };
    // A label's glyphs part by a few px ("h0" level under its column): pieces split at gaps
    // of 2, 4 and 8 px.
    for (const gap of [2, 4, 8]) {
      const middles = runs(img, band, !left, gap).map(([p, q]) => (p + q) / 2);
      const t = tickLattice(middles, start, end, left ? img.height : img.width);
      if (!t) continue;
      const w = t.lattice.width;
      if (Math.abs(t.start - start) <= w / 8 && Math.abs(t.end - end) <= w / 8)
        return { ...t.lattice, origin: t.start + t.lattice.origin - start };
    }
  }
  return null;
}

/**
 * The lattice of the tick marks on one side of the grid, one at every cell (tickLattice). The
 * grid's box may end a few pixels short of its cells: a JPEG's palest cells (Blues' lowest
 * colour, 8 levels from white) blur into the page at their outer edge, and marks looked for
 * two and three pixels out of the box fell on the cells. So up to 4 px further out too; and
 * last, short marks (SHORT_MARK) up to 2 px out.
 */
function marksLattice(
  img: Image,
  grid: Box,
  side: 'left' | 'below' | 'top',
  /** The panel around the grid, where its marks stand (null: the grid's own edge). */
  frame: Box | null = null,
) {
  const [start, end, limit] =
    side === 'left' ? [grid.y0, grid.y1, img.height] : [grid.x0, grid.x1, img.width];
  const edge = frame ?? grid;
  const out = (d: number) =>
    side === 'left'
      ? { ...edge, x0: edge.x0 - d }
      : side === 'below'
        ? { ...edge, y1: edge.y1 + d }
        : { ...edge, y0: edge.y0 - d };
  for (const [levels, most] of [
    [undefined, 4],
    [SHORT_MARK, 2],
  ] as const)
    for (let d = 0; d <= most; d++) {
      const found = tickLattice(axisMarks(img, out(d), side, levels), start, end, limit);
      // Looked for further out, or shorter, only marks of two cells or more over the box:
      // 6 px over matplotlib's three panels, the letters of their titles ("epoch 1", "epoch
      // 5", 240 px apart) had passed for marks two cells wide, and the first panel's grid
      // was stretched over the second.
      const first = d === 0 && levels === undefined;
      if (found && (first || found.lattice.width <= (end - start) / 2)) return found;
    }
  return null;
}

/** Where a box stands against the grid read, in words: "at its right", "below it", "above it, at its left"… */
function sideOf(b: Box, grid: Box): string {
  const h = b.x0 >= grid.x1 ? 'right' : b.x1 <= grid.x0 ? 'left' : null;
  const v = b.y1 <= grid.y0 ? 'above' : b.y0 >= grid.y1 ? 'below' : null;
  return [v && `${v} it`, h && `at its ${h}`].filter(Boolean).join(', ') || 'beside it';
}

/** The length of the colorbar's path through colour: the largest channel's change, summed along it. */
function colorPath(scale: ColorbarScale): number {
  let sum = 0;
  const c = scale.colors;
  for (let i = 1; i < scale.n; i++)
    sum += Math.max(
      Math.abs(c[i * 3]! - c[i * 3 - 3]!),
      Math.abs(c[i * 3 + 1]! - c[i * 3 - 2]!),
      Math.abs(c[i * 3 + 2]! - c[i * 3 - 1]!),
    );
  return sum;
}

/** How many runs of one colour the colorbar is made of: the colours of its map it shows. */
function distinctRuns(scale: ColorbarScale): number {
  let runs = scale.n ? 1 : 0;
  for (let i = 1; i < scale.n; i++)
    if (
      scale.colors[i * 3] !== scale.colors[i * 3 - 3] ||
      scale.colors[i * 3 + 1] !== scale.colors[i * 3 - 2] ||
      scale.colors[i * 3 + 2] !== scale.colors[i * 3 - 1]
    )
      runs++;
  return runs;
}

export interface ReadValues extends ReadPositions {
  /** Each cell's value, row by row (NaN: not read): as printed over it, else from its colour. */
  readonly values: Float64Array;
  /** How far a value may be off: half the last digit printed, or the colour step in the colorbar's units. */
  readonly uncertainty: number;
  /** Decimals that say no more than the image holds. */
  readonly decimals: number;
  /**
   * Every value is a number printed over its cell with exactly `decimals` decimals (a fixed
   * format, `.2f` or `.1%`): the drawn values rounded so. Null otherwise.
   */
  readonly printedDecimals: number | null;
  /**
   * Where every value is a number printed over its cell: a format that prints each as it was
   * printed (`.2f` for fixed decimals; `.2g` for significant digits, as scikit-learn's
   * ConfusionMatrixDisplay prints a normalised matrix: 0.8 beside 0.054); else null.
   */
  readonly printedFormat: string | null;
  /** Whether the colorbar is logarithmic (its labels powers of ten, 10⁰ 10¹ 10²). */
  readonly log: boolean;
  /**
   * On a logarithmic colorbar, whose colour step is a share of a value, not an amount: how
   * far a value read from colour may be off as a share of itself (`share`; each is written to
   * the place of that much of it's first digit, util/share), and, so written (`bound`), that
   * and half its last digit. `uncertainty` is then the largest value's, and `decimals` the
   * smallest's. Null otherwise.
   */
  readonly relative: { readonly share: number; readonly bound: number } | null;
  /**
   * How far the most precise value may be off: `uncertainty` but where the numbers printed
   * over the cells have more decimals in some cells than in others (half the finest digit).
   */
  readonly finest: number;
  /**
   * The colorbar's ticks: their values as read, or, where three labels or more fix a linear
   * scale, every tick mark's value on it (a label not read, or misread, given by the others).
   */
  readonly ticks: readonly number[];
  /** The axes' tick labels read (when a text recognizer was given). */
  readonly labels: Labels | null;
  /** The titles around the grid (the figure's, the axes', the colorbar's), when a text recognizer was given. */
  readonly titles: Titles | null;
  /** The values at the colorbar's two ends (its range), when its ticks were read. */
  readonly range: readonly [number, number] | null;
  /**
   * Cells read from the colour of a colorbar's low and high end: each holds that end's value
   * or one past it (drawn in the end's colour, with a triangle there or without).
   */
  readonly beyond: { readonly low: number; readonly high: number };
  /** Those cells, in words (a warning, and part of the description's account of the data). */
  readonly past: string | null;
  /** The numbers written over the cells, when there are any. */
  readonly annotations: Annotations | null;
  /** Cells that print a missing value ("nan") in place of a number, and how they print it. */
  readonly printedMissing: { readonly cells: number; readonly as: readonly string[] };
  /** Cells whose value is the number printed over them. */
  readonly annotated: number;
  /** Cells that hold a value (read, or with a number over them): all but the missing ones. */
  readonly present: number;
  /**
   * Every value there is is the number printed over its cell (none read from colour): all
   * `present` cells, or all but those whose number was not read where there is no colour
   * scale to read them by (they have no value).
   */
  readonly allPrinted: boolean;
}

/**
 * The colorbar's scale read from its ticks: value = a + b · (place along the colorbar, in
 * pixels), or, for a logarithmic colorbar (`log`: its labels powers of ten, 10⁰ 10¹ 10²),
 * log10(value) = a + b · place. A colorbar whose labels are powers but not read so has no
 * scale (it is never read as a linear one: its 10³ reads "103").
 */
async function colorbarScale(
  img: Image,
  p: ReadPositions,
  recognize: Recognize,
  /** How many labels to read at once (the readers `recognize` has). */
  parallel = 1,
  /** Text recognition with letters, for labels written with an SI prefix ("10k"). */
  recognizeText?: Recognize,
): Promise<{
  fit: ScaleFit | null;
  ticks: number[];
  em: number | null;
  log: boolean;
  /** A linear colorbar's offset text read (its labels' factor and amount), or not. */
  offset?: { times: number; plus: number } | 'unread' | null;
  /** A scale whose labels were read but not read as one: symmetric logarithmic, or uneven. */
  unread?: 'symmetric' | 'uneven';
  /** How far the scale's ends may be off, labelled with their values rounded (Vega's ends alone). */
  rounded?: number;
}> {
  const { box, vertical } = p.colorbar!;
  // The side its tick marks stand out of, its labels beyond them: the right, or below, as
  // seaborn and matplotlib put them; the left, or above, for a bar put there
  // (fig.colorbar(location='left' or 'top'): its labels had been looked for on the bare side).
  let side: Side = vertical ? 'right' : 'below';
  let marks = tickMarks(img, box, vertical, side);
  if (marks.length < 2) {
    const inner: Side = vertical ? 'left' : 'top';
    const there = tickMarks(img, box, vertical, inner);
    if (there.length >= 2) [side, marks] = [inner, there];
  }
  const [from, to] = vertical ? [box.y0, box.y1] : [box.x0, box.x1];
  // The way values run along the bar, in the image's coordinates (fitTicks): up, or right.
  const rise = vertical ? -1 : 1;
  marks = touching(img, box, side, marks);
  // Beyond the tick marks: a mark just before a label reads as a minus sign.
  const out = tickLength(img, box, vertical, marks, side) + 2;
  // Marks that do not reach the bar are its labels' first strokes, set close to it (Vega's
  // legends draw no marks and set their labels 2 px out: the minus of "−1" was taken for one,
  // and a label placed at it).
  if (out <= 2) marks = [];
  const w = box.x1 - box.x0;
  const area =
    side === 'right'
      ? {
          x0: box.x1 + out,
          y0: Math.max(0, box.y0 - 20),
          x1: Math.min(img.width, box.x1 + 12 * w + 40),
          y1: Math.min(img.height, box.y1 + 20),
        }
      : side === 'left'
        ? {
            x0: Math.max(0, box.x0 - out - 12 * w - 40),
            y0: Math.max(0, box.y0 - 20),
            x1: Math.max(0, box.x0 - out),
            y1: Math.min(img.height, box.y1 + 20),
          }
        : side === 'below'
          ? {
              x0: Math.max(0, box.x0 - 40),
              y0: box.y1 + out,
              x1: Math.min(img.width, box.x1 + 40),
              y1: Math.min(img.height, box.y1 + 60),
            }
          : {
              x0: Math.max(0, box.x0 - 40),
              y0: Math.max(0, box.y0 - out - 60),
              x1: Math.min(img.width, box.x1 + 40),
              y1: Math.max(0, box.y0 - out),
            };
  // A level bar's title stands beside it (ggplot2's legend at the bottom or the top: "v" at
  // the bar's left, its foot among the labels' tops, where it was taken for the line of
  // labels, and no number was read): ink level with the bar, apart from it by the page (3 px
  // or more), is not a label, and the labels are looked for beyond it. (A label centred on an
  // end reaches past the bar below or above it, not beside it; an extend triangle's outline
  // is joined to the bar.)
  if (!vertical) {
    const beside = (x0: number, x1: number) =>
      runs(img, { x0, x1, y0: box.y0, y1: box.y1 }, true, 1);
    const left = beside(area.x0, box.x0).filter(([, q]) => q < box.x0 - 3);
    if (left.length) area.x0 = left.at(-1)![1];
    const right = beside(box.x1, area.x1).filter(([p]) => p > box.x1 + 3);
    if (right.length) area.x1 = right[0]![0];
  }
  // A vertical bar's labels end where the page is blank for longer than the bar is wide
  // (and 20 px), going out from the bar: what lies beyond is not its (seaborn's clustermap
  // draws the columns' dendrogram a hundred pixels to the right of its colorbar's labels, at
  // their height; a bar at the left has the grid's row labels beyond its own).
  if (vertical) {
    const blank = Math.max(20, w);
    const inked = runs(img, area, true, 1);
    // (Leftwards in negated places, so that both are read going out.)
    const outward =
      side === 'right' ? inked : inked.map(([a, b]): [number, number] => [-b, -a]).reverse();
    const start = side === 'right' ? area.x0 : -area.x1;
    let end = start;
    for (const [a, b] of outward) {
      if (a - end > blank && end > start) break;
      end = b;
    }
    if (end > start) {
      if (side === 'right') area.x1 = Math.min(area.x1, end + 1);
      else area.x0 = Math.max(area.x0, -end - 1);
    }
    // The bar's own title, turned up beyond its labels (seaborn's cbar_kws={'label': ...},
    // fig.colorbar(label=...)): one line of text as long as several labels are high. Read
    // with them, it ran their lines together (10 to 40 read as a logarithmic bar, no value
    // given).
    const title = turnedTitle(img, area, side === 'right');
    if (title !== null) {
      if (side === 'right') area.x1 = title;
      else area.x0 = title;
    }
  }
  const spacing =
    marks.length > 1 ? (marks[marks.length - 1]! - marks[0]!) / (marks.length - 1) : Infinity;
  const ticks: PlacedLabel[] = [];
  /** The labels' ink heights: a digit's, 0.729 em of DejaVu Sans (the minus and point are within). */
  const heights: number[] = [];
  // Labels are read from the pixels as decoded (a JPEG's smoothing blurs small glyphs).
  const asDecoded = img.raw ? { ...img, rgb: img.raw } : img;
  // Each label read on its own (a line of text), scaled up; as many at once as there are
  // readers (one at a time, the other reader stood idle while the cells waited for the scale),
  // each weighed in the labels' order.
  // A line of text beyond the bar's end (its middle further out than three quarters of its
  // extent: a label at the end is centred on it) that reaches over the bar's own columns is
  // the bar's title, not a label (Vega's legend titles, set over the bar at its left: the
  // "s" of "loss", past the bar's edge, was read "5"). A label beyond the end where the bar
  // was found short (a JPEG's pale Blues ends into the page) stands beside it, as the others
  // do.
  const dark = textLines(img, area, vertical, side === 'top').filter((d) => {
    if (!vertical) return true;
    const reach = 0.75 * (d.y1 - d.y0);
    const middle = (d.y0 + d.y1) / 2;
    if (middle >= from - reach && middle <= to + reach) return true;
    return runs(img, { x0: box.x0, x1: box.x1, y0: d.y0, y1: d.y1 }, true, 1).length === 0;
  });
  // The dark pixels' box and the glyphs' anti-aliased rims (a small label's are much of it).
  const lines = dark.map((d) => rimmed(d, img, area.x0));
  // A power of ten (a base and a raised exponent) is read as its two parts, and whole, as
  // text recognition reads it ("103" for 10³): at 72 dpi an exponent 5 px high alone is
  // often not read at all, and in a JPEG misread (10¹ as 10³).
  const raised = dark.map((d) => raisedTail(img, d));
  const parts = lines.flatMap((line, i) => {
    const r = raised[i];
    return r ? [rimmed(r.base, img), rimmed(r.exponent, img), line] : [line];
  });
  // A part of the image read as text: scaled to about 40 px high, smoothly (72-dpi labels
  // eight times, 200-dpi ones twice), from the pixels as decoded.
  const readBoxWith = (reader: Recognize, b: Box) => {
    const c = crop(asDecoded, b, Math.max(1, Math.min(8, Math.round(40 / (b.y1 - b.y0)))), 8, true);
    return reader(c.rgba, c.width, c.height);
  };
  const readBox = (b: Box) => readBoxWith(recognize, b);
  /** A part's words as one reading: their text joined, and the least sure one's confidence. */
  const asOne = (words: readonly Word[]) => ({
    text: words.map((w) => w.text).join(''),
    confidence: Math.min(...words.map((w) => w.confidence)),
  });
  const read = (await inTurns(parts, parallel, readBox)).map(asOne);
  const powers: PlacedLabel[] = [];
  let negative = false;
  let at = 0;
  /** Where the label of line `i` stands along the bar: at its mark, else its centre; its ink's extent. */
  const placeOf = (i: number) => {
    const line = lines[i]!;
    const d = dark[i]!;
    const centre = vertical ? (line.y0 + line.y1) / 2 : (line.x0 + line.x1) / 2;
    const mark = marks.reduce(
      (m, x) => (Math.abs(x - centre) < Math.abs(m - centre) ? x : m),
      Infinity,
    );
    return {
      pos: Math.abs(mark - centre) <= Math.min(spacing / 2, 12) ? mark : centre,
      lo: vertical ? d.y0 : d.x0,
      hi: vertical ? d.y1 : d.x1,
    };
  };
  for (const [i, d] of dark.entries()) {
    const r = raised[i];
    const { text, confidence } = read[at++]!;
    const exponent = r ? read[at++]! : null;
    const whole = r ? read[at++]! : null;
    const number = labelNumber(text);
    // A power of minus ten (−10¹: a symmetric logarithmic colorbar's, SymLogNorm).
    if (r && number === -10) negative = true;
    // A number; a power, read in its parts or whole (where both readings are a power, they
    // must agree).
    const inParts =
      exponent && number === 10 && exponent.confidence >= 30 && confidence >= 30
        ? exponentOf(exponent.text)
        : null;
    const asWhole = whole && whole.confidence >= 30 ? powerOf(whole.text) : null;
    const value = !r
      ? confidence >= 30
        ? pointAsShown(asDecoded, d, text, number)
        : null
      : inParts !== null && asWhole !== null
        ? inParts === asWhole
          ? inParts
          : null
        : (inParts ?? asWhole);
    if (value === null) continue;
    // A digit's height: a power's base's (its exponent stands higher).
    heights.push(r ? r.base.y1 - r.base.y0 : d.y1 - d.y0);
    (r ? powers : ticks).push({ ...placeOf(i), value });
  }
  // Labels written with an SI prefix (Plotly's colorbar writes 10000 as "10k"), which the
  // numbers' reader does not read (its letters are digits' and signs' alone): where it read
  // fewer than two, the lines are read again as text, each taken where it is a number so
  // written. They had left the bar without values.
  if (!raised.some(Boolean) && ticks.length < 2 && recognizeText && dark.length >= 2) {
    const again = await inTurns(lines, parallel, async (b) =>
      asOne(await readBoxWith(recognizeText, b)),
    );
    const prefixed = again.flatMap(({ text, confidence }, i) => {
      const value = confidence >= 30 ? prefixedNumber(text) : null;
      return value === null ? [] : [{ ...placeOf(i), value }];
    });
    if (prefixed.length >= 2) {
      ticks.length = 0;
      ticks.push(...prefixed);
      heights.length = 0;
      heights.push(...dark.map((d) => d.y1 - d.y0));
    }
  }
  heights.sort((a, b) => a - b);
  const em = heights.length >= 2 ? heights[heights.length >> 1]! / 0.729 : null;
  // Labels that are powers make the colorbar logarithmic: its scale is theirs (exponents a
  // whole step apart), and other labels beside them (a minor tick's 2×10¹) are left out.
  if (raised.some(Boolean)) {
    // Powers of minus ten, or a 0 among powers: a symmetric logarithmic colorbar (linear
    // near 0, SymLogNorm), whose scale is not read (as a logarithmic one, every value read
    // was positive).
    if (negative || ticks.some((t) => t.value === 0))
      return { fit: null, ticks: [], em, log: true, unread: 'symmetric' };
    const { fit, exponents } = powersScale(
      powers,
      marks,
      minorMarks(img, box, vertical, side),
      from,
      to,
    );
    return { fit, ticks: exponents.map((k) => Number(`1e${k}`)), em, log: true };
  }
  // A linear colorbar's labels may be scaled, by a factor or an amount written at its end
  // (matplotlib's 1e−5 over a vertical bar, at the right below a level one): each label's
  // value is then its number times the factor plus the amount. Text there with the look of
  // one that is not read so leaves the colorbar without a scale (it was read 10⁵ too large).
  const offset =
    side !== 'right' && side !== 'below'
      ? null
      : await offsetText(img, box, vertical, lines, area, async (b) =>
          (await readBox(rimmed(b, img))).map((w) => w.text).join(''),
        );
  if (offset === 'unread') return { fit: null, ticks: [], em, log: false, offset: 'unread' };
  const { times, plus } = offset ?? { times: 1, plus: 0 };
  // Without marks, the ends' labels may be set flush inside the bar (Vega's legends). Two
  // such alone are a linear bar's ends (Vega's default scale), not a logarithmic bar's, where
  // they are 1 and 10: the image does not tell them apart (its colours run alike along either).
  // The labels' decimals, and a label's value with a point text recognition lost put back to
  // them: digits alone, more of them than the decimals ("18" at one decimal is 1.8; a "1" is
  // left, a "1.0" that lost ".0").
  const pointedAs = Math.max(0, ...ticks.map((t) => printedDecimalsOf(t.value)));
  const pointed = (t: PlacedLabel) =>
    Number.isInteger(t.value) && t.value !== 0 && String(Math.abs(t.value)).length > pointedAs
      ? t.value / 10 ** pointedAs
      : t.value;
  let endsOnly = marks.length === 0 && flushEnds(ticks, from, to);
  // The two ends' labels alone are written in one format: one read with fewer decimals than
  // the other lost its point (a JPEG's "1.8" read "18" beside "0.8": every value ten times
  // too large, said good to ±1.6 over a range of 1).
  if (endsOnly) for (const t of ticks) t.value = pointed(t);
  // Plain numbers on a logarithmic colorbar (1, 10, 100, evenly spaced).
  const plain = endsOnly
    ? null
    : plainLogScale(ticks, minorMarks(img, box, vertical, side), from, to);
  if (plain) return { fit: plain, ticks: ticks.map((t) => t.value), em, log: true };
  // Decimal points lost on several labels (a level bar's "−1.4", "−1.2", "−1.0" read "-14",
  // "-12", "-10" at 1 px a point, beside "-0.8" and "-0.6", whose leading zero tells it): the
  // labels read as numbers of the others' decimals, where more of them then lie on one line.
  if (pointedAs > 0 && !endsOnly) {
    const asPointed = fitTicks(
      ticks.map((t) => ({ ...t, value: pointed(t) })),
      rise,
    );
    if (asPointed && asPointed.used > (fitTicks(ticks, rise)?.used ?? 0)) {
      for (const t of ticks) t.value = pointed(t);
      if (marks.length === 0) endsOnly = flushEnds(ticks, from, to);
    }
  }
  // A label whose decimal point was lost (heatfig's 3.5 read "35" at the top of a long bar,
  // over 3.0, 2.5 …): its digits, pointed as the others' are, where that lies on the line
  // through them (within a quarter of the labels' step). Being in order, it had made the
  // scale look uneven, and no value was given.
  const first = fitTicks(ticks, rise);
  if (first && first.dropped > 0 && pointedAs > 0) {
    // The labels' spacing: their marks', or where none stand outside the bar (matplotlib's
    // `classic` style draws them inward, over it) their own.
    const at = ticks.map((t) => t.pos).sort((p, q) => p - q);
    const own = at.length > 1 ? (at[at.length - 1]! - at[0]!) / (at.length - 1) : 0;
    const step = Math.abs(first.b) * (spacing === Infinity ? own : spacing);
    for (const t of ticks) {
      const on = first.a + first.b * t.pos;
      const v = t.value / 10 ** pointedAs;
      if (
        Number.isInteger(t.value) &&
        Math.abs(on - t.value) > step &&
        Math.abs(on - v) <= step / 4
      )
        t.value = v;
    }
  }
  const labelled = fitTicks(ticks, rise);
  // Labels in order along the bar that two or more of are off the line through the others,
  // or one by more than one and a half of the labels' steps, are a scale that is not linear
  // (PowerNorm's 0.2, 0.4, 0.6, 0.8 at the square roots of their places: the line through
  // two had read 0.04 as -0.61; TwoSlopeNorm's -1 at the foot of a bar whose upper half is
  // 0 to 4: every value below 0 read as low as -3.7). It is not read. A label misread is out
  // of order (1.5 read 15, 60 read 0), or, in order, within a step of its place on the line.
  const along = [...ticks].sort((p, q) => p.pos - q.pos).map((t) => t.value);
  const rising = along.every((v, i) => i === 0 || v > along[i - 1]!);
  const falling = along.every((v, i) => i === 0 || v < along[i - 1]!);
  if (labelled && labelled.dropped > 0 && (rising || falling)) {
    const steps = along.slice(1).map((v, i) => Math.abs(v - along[i]!));
    const step = [...steps].sort((p, q) => p - q)[steps.length >> 1]!;
    const off = ticks.filter(
      (t) => Math.abs(labelled.a + labelled.b * t.pos - t.value) > 1.5 * step,
    );
    // One label off the line that shows the value of its place but for one character is a
    // misread, not a scale (a 200-dpi JPEG's 0.75 at the top of a bar read "4.75").
    const [one] = off;
    const misread =
      labelled.dropped === 1 &&
      off.length === 1 &&
      one !== undefined &&
      oneCharOff(one.value, labelled.a + labelled.b * one.pos);
    if (labelled.dropped >= 2 || off.length > 0) {
      // TwoSlopeNorm's bar: two lines meeting at its middle, where its centre is labelled.
      const two = offset ? null : twoSlopes(ticks, (from + to) / 2);
      if (two) return { fit: two, ticks: ticks.map((t) => t.value), em, log: false };
      if (!misread)
        return { fit: null, ticks: ticks.map((t) => t.value), em, log: false, unread: 'uneven' };
    }
  }
  const fit = labelled && { ...labelled, a: labelled.a * times + plus, b: labelled.b * times };
  const values = marksRead(labelled, marks, ticks) ?? ticks.map((t) => t.value);
  // (To 15 digits: 2.5 times 1e-5 is 0.000024999999999999998.)
  const scaled = (v: number) => Number((v * times + plus).toPrecision(15));
  // The two end labels alone are the ends rounded as printed: good to half their last digit.
  const rounded = endsOnly ? 0.5 * 10 ** -pointedAs * Math.abs(times) : 0;
  return { fit, ticks: values.map(scaled), em, log: false, offset, rounded };
}

/**
 * The offset text at the end of a linear colorbar (see offsetOf), in the image: over a
 * vertical bar (right-aligned at its right edge, a line of text nearest the bar, within
 * 30 px), or below a level bar's labels at its right end. Null where there is none (no text
 * there, or text without the look of one: a title); 'unread' where text that looks like one
 * does not read as one.
 */
async function offsetText(
  img: Image,
  box: Box,
  vertical: boolean,
  labels: readonly Box[],
  area: Box,
  /** Reads a part of the image's ink (its box) as text. */
  textOf: (ink: Box) => Promise<string>,
): Promise<{ times: number; plus: number } | 'unread' | null> {
  const w = vertical ? box.x1 - box.x0 : box.y1 - box.y0;
  const below = Math.max(box.y1, ...labels.map((l) => l.y1));
  const region = vertical
    ? { x0: Math.max(0, box.x0 - 4 * w), y0: Math.max(0, box.y0 - 30), x1: area.x1, y1: box.y0 - 1 }
    : {
        x0: Math.max(0, box.x1 - 6 * w),
        y0: below + 1,
        x1: Math.min(img.width, box.x1 + 2 * w),
        y1: Math.min(img.height, below + 30),
      };
  if (region.x1 <= region.x0 || region.y1 <= region.y0) return null;
  const found = textLines(img, region, true);
  // The line nearest the bar; of it, the text that reaches the bar's right end.
  const line = vertical ? found[found.length - 1] : found[0];
  if (!line) return null;
  const part = runs(img, line, true, Math.max(3, 0.6 * (line.y1 - line.y0)))
    .map(([x0, x1]) => ({ ...line, x0, x1 }))
    .filter((b) => b.x1 >= box.x1 - w)
    .pop();
  if (!part) return null;
  // Mathtext's factor (axes.formatter.use_mathtext): ×10 and a raised exponent.
  const raised = raisedTail(img, part);
  if (raised) {
    const [base, exponent] = [await textOf(raised.base), await textOf(raised.exponent)];
    const e = exponentOf(exponent);
    return /^[x×X]?10$/.test(base.trim()) && e !== null
      ? { times: Number(`1e${e}`), plus: 0 }
      : 'unread';
  }
  const text = await textOf(part);
  return offsetOf(text) ?? (offsetLike(text) ? 'unread' : null);
}

/**
 * A label's number with the decimal point its ink shows put back, where text recognition read
 * its digits alone (a level bar's "−1.4" at 1 px a point read "-14"; 14-px labels "2.5" to
 * "1.0" read "25" to "1", every value ten times too large); else the number as read. The ink
 * (darkness, on a light page) of the label's box `d` tells it (glyphs.ts shownPoint): one dot
 * on the digits' foot between them, as many digits as were read.
 */
export function pointAsShown(
  img: Image,
  d: Box,
  text: string,
  number: number | null,
): number | null {
  if (number === null || !Number.isInteger(number)) return number;
  const m = /^(-?)(\d+)$/.exec(numberText(text));
  if (!m) return number;
  const w = d.x1 - d.x0;
  const h = d.y1 - d.y0;
  const ink = new Uint8Array(w * h);
  for (let y = 0; y < h; y++)
    for (let x = 0; x < w; x++) {
      const q = ((d.y0 + y) * img.width + d.x0 + x) * 3;
      ink[y * w + x] = 255 - Math.min(img.rgb[q]!, img.rgb[q + 1]!, img.rgb[q + 2]!);
    }
  // The digits' glyphs: past a leading minus where the ink shows one (annotations' minusEnd).
  const start = m[1] ? (minusEnd(ink, w, h) ?? 0) : 0;
  const point = shownPoint(runShapes(ink, w, h, glyphRuns(ink, w, h)).filter((r) => r.a >= start));
  if (!point || point.before + point.after !== m[2]!.length) return number;
  return labelNumber(`${m[1]}${m[2]!.slice(0, point.before)}.${m[2]!.slice(point.before)}`);
}

/**
 * Text's dark pixels' box with the rim its anti-aliasing gives it (a pixel across, two up and
 * down), within the image and from `left` on.
 */
const rimmed = (b: Box, img: Image, left = 0): Box => ({
  x0: Math.max(left, b.x0 - 1),
  y0: Math.max(0, b.y0 - 2),
  x1: Math.min(img.width, b.x1 + 1),
  y1: Math.min(img.height, b.y1 + 2),
});

/**
 * Where a vertical colorbar's turned-up title begins, beyond its labels (`right`: the labels
 * at the bar's right, going out to the right): a block of ink past a gap of 4 px or more
 * after the labels', one line of turned text (at most two and a half label heights wide) as
 * long as four labels are high or longer. The x to cut the labels' area at; null where there
 * is none.
 */
function turnedTitle(img: Image, area: Box, right: boolean): number | null {
  const rowsOf = ([a, b]: [number, number], gap: number) =>
    runs(img, { x0: a, x1: b, y0: area.y0, y1: area.y1 }, false, gap);
  const blocks = runs(img, area, true, 3);
  if (!right) blocks.reverse();
  const first = blocks[0];
  if (!first || blocks.length < 2) return null;
  const heights = rowsOf(first, 1)
    .map(([a, b]) => b - a)
    .sort((p, q) => p - q);
  const h = heights[heights.length >> 1];
  if (h === undefined) return null;
  for (const block of blocks.slice(1)) {
    // (Its letters and words stand apart by less than 0.7 of a label's height: a word space
    // and the glyphs' side bearings are 0.58 of it. Half of it parted heatfig's own title
    // "loss (nats)" into two words, each shorter than four labels are high: the title was
    // read with the labels, and no value given.)
    const longest = Math.max(
      ...rowsOf(block, Math.max(2, Math.round(0.7 * h))).map(([a, b]) => b - a),
    );
    if (longest >= 4 * h && block[1] - block[0] <= 2.5 * h) return right ? block[0] : block[1];
  }
  return null;
}

/**
 * Every tick mark's value, where the labels read make the scale certain: three labels or more
 * on one line, each exactly its mark's value on that line to its printed decimals, and the
 * marks evenly spaced (a linear colorbar's). A mark whose label was not read, or misread (a
 * JPEG's 60 read as 0), takes the value the others give it. Null otherwise.
 */
function marksRead(
  fit: ScaleFit | null,
  marks: readonly number[],
  ticks: readonly { pos: number; value: number }[],
): number[] | null {
  if (!fit || fit.used < 3 || marks.length < 3) return null;
  const spacing = (marks[marks.length - 1]! - marks[0]!) / (marks.length - 1);
  if (marks.some((m, i) => Math.abs(m - marks[0]! - i * spacing) > 1.5)) return null;
  const decimals = Math.max(...ticks.map((t) => printedDecimalsOf(t.value)));
  // (+ 0: a value a hair below zero is 0, not -0.)
  const round = (v: number) => Number((fit.a + fit.b * v).toFixed(decimals)) + 0;
  const onMarks = ticks.filter((t) => marks.includes(t.pos));
  const agreeing = onMarks.filter((t) => round(t.pos) === t.value).length;
  if (agreeing < 3 || agreeing < fit.used) return null;
  // The step between marks is a round number in the labels' decimals.
  const step = Math.abs(round(marks[1]!) - round(marks[0]!));
  if (
    !(step > 0) ||
    marks.some((m, i) => i && Math.abs(Math.abs(round(m) - round(marks[i - 1]!)) - step) > 1e-9)
  )
    return null;
  return marks.map(round);
}

/**
 * Whether `read`, as written, differs from `line` written with as many decimals in one
 * character only (a digit misread: "4.75" for 0.75).
 */
export function oneCharOff(read: number, line: number): boolean {
  const d = printedDecimalsOf(read);
  const a = read.toFixed(d);
  const b = (Math.abs(line) < 0.5 * 10 ** -d ? 0 : line).toFixed(d);
  if (a.length !== b.length || a === b) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) diff++;
  return diff === 1;
}

/** Decimals of a number as JavaScript writes it (0.25 → 2). */
const printedDecimalsOf = (v: number) => {
  const s = String(v);
  return s.includes('e') ? 0 : (s.split('.')[1]?.length ?? 0);
};

export interface Readers {
  /** Reads a line of numbers (the numbers printed over a row of cells). */
  readonly recognize: Recognize;
  /** Reads one number (a colorbar's label, a short axis label); `recognize` when not given. */
  readonly recognizeNumber?: Recognize;
  /** Reads a line of any text (the axes' labels); without it the labels are not read. */
  readonly recognizeText?: Recognize;
  /** How many strips the recognizers read at once (a row of cells each); 1 when not given. */
  readonly parallel?: number;
}

/**
 * A heatmap image's cells as values. Numbers written over the cells are read as printed
 * (`readers`: text recognition, see Readers). Otherwise, or where one is not read, a cell's
 * place on the colorbar (readPositions) becomes a value through the colorbar's tick labels,
 * read beside its tick marks, and the line through them. A printed number that its cell's
 * colour contradicts is taken as misread, and the colour's value kept. Without printed numbers
 * and two readable ticks, no values (a warning says).
 */
export async function readValues(
  bytes: Uint8Array,
  readers: Readers,
  source = '<image>',
  panel?: number,
  /** The cells of an axis as its labels count them, read again so (indexCells). */
  force: { readonly rows?: number; readonly cols?: number } = {},
): Promise<ReadValues> {
  const { recognize, recognizeText, recognizeNumber = recognize } = readers;
  const img = decodeImage(bytes, source);
  const p = positionsOf(img, source, panel, force);
  const uneven = unequalCells(img, p);
  if (uneven) throw new HeatfigError('unequal-cells', uneven, source);
  const n = p.t.length;
  const warnings = [...p.warnings];
  // The colour's value of each cell, through the colorbar's ticks.
  const fromColor = new Float64Array(n).fill(Number.NaN);
  /** The values the sampled colorbar spans, end to end (NaN without a scale). */
  let span = Number.NaN;
  let ticks: number[] = [];
  let range: [number, number] | null = null;
  /** A logarithmic colorbar's: the scale's units are decades (log10 of the values). */
  let log = false;
  /** A value in the scale's units (NaN for one at or below 0 on a logarithmic scale). */
  const inScale = (x: number) => (!log ? x : x > 0 ? Math.log10(x) : Number.NaN);
  /** The range in the scale's units. */
  let rangeIn: [number, number] | null = null;
  /** The tick labels' font size, in image px, from the colorbar's (the axes' are the same size). */
  let em: number | null = null;
  /** How far the scale's ends may be off, labelled rounded (in the scale's units). */
  let rounded = 0;
  if (p.colorbar && p.scale) {
    const scale = await colorbarScale(img, p, recognizeNumber, readers.parallel, recognizeText);
    ticks = scale.ticks;
    em = scale.em;
    log = scale.log;
    const { fit } = scale;
    if (!fit)
      warnings.push(
        scale.unread
          ? msg.colorbarScaleUnread(scale.unread)
          : log
            ? msg.colorbarPowersUnread(ticks.length)
            : scale.offset === 'unread'
              ? msg.colorbarOffsetUnread()
              : msg.colorbarTicksUnread(ticks.length),
      );
    else {
      if (fit.dropped) warnings.push(msg.ticksDropped(fit.dropped));
      if (scale.rounded) {
        rounded = scale.rounded;
        warnings.push(msg.colorbarEndsRounded(ticks, rounded));
      }
      const { start, end } = p.scale;
      const value = (x: number) => (log ? 10 ** x : x);
      for (let i = 0; i < n; i++) {
        const t = p.t[i]!;
        if (t === t) fromColor[i] = value(scaleAt(fit, start + t * (end - start)));
      }
      // (A two-slope scale's colour step is taken at its steeper half, for every value.)
      span = steepest(fit) * Math.abs(end - start);
      rangeIn = [scaleAt(fit, start), scaleAt(fit, end)];
      range = [value(rangeIn[0]), value(rangeIn[1])];
    }
  }
  // The labels read while the cells are (the recognizers read as many strips at once as
  // they can; each reading is weighed in its own order).
  // Labels and titles stand against the panel where it is wider than the cells (ggplot2's):
  // the cells' lattices are taken from its edges then.
  const frame = p.frame ?? p.grid;
  const framed: Cells = p.frame
    ? {
        ...p.cells,
        xs: { ...p.cells.xs, origin: p.cells.xs.origin + p.grid.x0 - frame.x0 },
        ys: { ...p.cells.ys, origin: p.cells.ys.origin + p.grid.y0 - frame.y0 },
      }
    : p.cells;
  const labelsRead = recognizeText
    ? readLabels(
        img,
        frame,
        framed,
        p.background,
        recognizeText,
        recognizeNumber,
        em,
        readers.parallel,
        p.colorbar?.box ?? null,
        p.otherGrids,
      )
    : null;
  // A number printed over a cell agrees with its colour: within three colour steps in a
  // noisy image, one and a half in a clean one (a cell's colour is exactly one of the
  // colorbar's: at three, a 20×20 confusion matrix's 71 and 91 read "72" and "92" passed),
  // and half the last digit printed (two decimals' worth at most). A noisy
  // image's noise counts once, not three times: a cell's colour is the mean of its pixels,
  // and strays far less than one pixel does (seaborn's annotated JPEGs at quality 75: at most
  // 0.68 of it, over 1,406 cells; the numbers misread there by a digit, 27 as 21 or 0.96 as
  // 0.86, stray 0.8 to 2.7 of it).
  // A cell at either end of the colorbar may hold any value past that end (drawn in the end's
  // colour: seaborn's vmax below the data's largest, say).
  // On a logarithmic colorbar all of this is in decades: a number and its colour's value
  // agree to a share of themselves (and a number at or below 0 has no colour there).
  // The ends labelled rounded (Vega's end points alone) move every value up to their rounding.
  const colorUncertainty = span * p.step + rounded;
  const agreement =
    span * ((p.noiseStep ? 3 : 1.5) * (p.step - p.noiseStep) + p.noiseStep) + rounded;
  const agrees = (i: number, printed: number, half: number) => {
    if (fromColor[i]! !== fromColor[i]! || agreement !== agreement) return true;
    const v = inScale(fromColor[i]!);
    const a = inScale(printed);
    if (a !== a) return false;
    // Half the last digit printed, in the scale's units (on a log scale, the larger side's).
    const tol =
      agreement +
      (!log ? half : printed > half ? Math.log10(printed / (printed - half)) : Infinity);
    if (Math.abs(a - v) <= tol) return true;
    const t = p.t[i]!;
    if (!rangeIn) return false;
    const end = t >= 1 - p.step ? rangeIn[1] : t <= p.step ? rangeIn[0] : null;
    if (end === null) return false;
    // Past the end the colour shows, on the far side from the other end, by less than the
    // colorbar's span (a number misread by a factor of 100, a percent sign lost, is not).
    const other = end === rangeIn[1] ? rangeIn[0] : rangeIn[1];
    const span = Math.abs(end - other);
    return Math.abs(a - other) > span && Math.abs(a - end) <= span && Math.abs(v - end) <= tol;
  };
  const [labels, annotations] = await Promise.all([
    labelsRead,
    p.text
      ? readAnnotations(
          img,
          p.grid,
          p.cells,
          recognize,
          (i, a, half) => agrees(i, a, half),
          readers.parallel,
          recognizeText ?? null,
        )
      : null,
  ]);
  // An axis whose labels count its cells otherwise than the cells read (an index axis, 0 to
  // N - 1, over the grid: imshow's, Plotly's) is read again with N cells: the labels' count
  // is surer than faint edges. Once: the count asked for is then the cells'.
  const recount = {
    ...(labels?.index.rows && labels.index.rows !== p.rows ? { rows: labels.index.rows } : {}),
    ...(labels?.index.cols && labels.index.cols !== p.cols ? { cols: labels.index.cols } : {}),
  };
  if (!force.rows && !force.cols && (recount.rows || recount.cols))
    return readValues(bytes, readers, source, panel, recount);
  // Neighbours on a continuous axis no edge was seen between (unseenBoundaries), where its
  // coordinates do not count its cells (an index axis's do: imshow's cells are equal).
  let doubt = p.doubt;
  const unseen = joinedRuns(p, labels, img.noise ?? 0);
  if (unseen) {
    warnings.push(unseen);
    doubt ??= unseen;
  }
  // The titles around the grid: the figure's, the axes', the colorbar's.
  const titles = recognizeText
    ? await readTitles(
        img,
        frame,
        {
          cols: labels?.sides.cols ?? null,
          rows: labels?.sides.rows ?? null,
          colorbar: p.colorbar,
          rowTitle: labels?.rowTitle ?? null,
          fontWidth: labels?.fontWidth ?? 1,
        },
        recognizeText,
      )
    : null;
  const values = new Float64Array(n).fill(Number.NaN);
  /** 1 where the value is the number printed over the cell. */
  const printed = new Uint8Array(n);
  let annotated = 0;
  let contradicted = 0;
  const half = annotations ? 0.5 * 10 ** -annotations.decimals : 0;
  for (let i = 0; i < n; i++) {
    const a = annotations?.values[i] ?? Number.NaN;
    const v = fromColor[i]!;
    if (a === a && agrees(i, a, half)) {
      values[i] = a;
      printed[i] = 1;
      annotated++;
    } else if (annotations?.missing[i]) values[i] = Number.NaN;
    else {
      if (a === a) contradicted++;
      values[i] = v;
    }
  }
  // Cells with no number over them where the others show theirs (seaborn prints every
  // cell's but a masked one's, and draws a masked cell in the axes' colour).
  const blank =
    annotations && annotated >= 3 ? unprinted(p, annotations, values, !!img.noise) : null;
  if (blank) {
    if (blank.masked) for (const i of blank.cells) values[i] = Number.NaN;
    warnings.push(msg.unprintedCells(blank.cells.length, annotated, blank.masked));
  }
  // Without a colour scale, a cell whose number was not read has no value.
  if (annotations?.unread)
    warnings.push(msg.annotationsUnread(annotations.unread, annotations.written, range !== null));
  if (contradicted) warnings.push(msg.annotationsContradicted(contradicted));
  if (annotations?.spreads) warnings.push(msg.annotationSpreads(annotations.spreads));
  const missing = annotations
    ? annotations.texts.flatMap((t, i) => (annotations.missing[i] && t !== null ? [t] : []))
    : [];
  const printedMissing = { cells: missing.length, as: [...new Set(missing)] };
  if (missing.length) warnings.push(msg.printedMissing(printedMissing.cells, printedMissing.as));
  // Every value as printed: as precise as the print. Otherwise the colours' precision, the
  // coarser, for all.
  // Cells with no value at all (missing: the page's colour, or a masked cell's, and no
  // number over them) are not counted against it.
  let present = 0;
  for (let i = 0; i < n; i++)
    if (values[i] === values[i] || (annotations?.texts[i] && !annotations.missing[i])) present++;
  // Every value there is printed: where no colour scale was read, a cell whose number was
  // not read has none (it is missing, and said so), and the others are as precise as printed
  // (a seaborn clustermap's 79 numbers of 80 read, its colorbar not found, were written
  // rounded to whole numbers).
  let fromColour = 0;
  for (let i = 0; i < n; i++) if (values[i] === values[i] && !printed[i]) fromColour++;
  const all = annotated > 0 && fromColour === 0;
  // A value read from colour is good to the colour step, and to as far along the colorbar as
  // its colour may have strayed: a level where the cells' colours are not the colorbar's
  // own (matplotlib's imshow draws its cells a level off its colorbar's colours; seaborn's
  // are exact), and half a JPEG's noise. Where the map changes slowly (Blues' pale end,
  // Spectral's middle) a level moves a colour several entries along: the largest reach of
  // the cells read from colour is the figure's.
  // Numbers printed with fewer decimals than others (a format of significant digits, '.2g':
  // 0.8 beside 0.054) are good to half their own last digit: the coarsest is every value's.
  // Where some values are printed and others read from colour, the printed ones are good to
  // half their last digit too: a number printed with one decimal among colours read to ±0.006
  // (seaborn's fmt='.1f', some numbers not read) had been written to two decimals, 0.0 as
  // 0.00 for 0.03.
  let coarsest = annotations?.decimals ?? 0;
  for (let i = 0; i < n; i++) {
    const t = annotations?.texts[i];
    if (printed[i] && t) coarsest = Math.min(coarsest, printedDecimals(t));
  }
  // How far along the colorbar a value read from colour may be off, in the scale's units.
  let along = colorUncertainty;
  if (!all && p.scale && span === span) {
    const s = p.scale;
    const perSample = span / Math.max(1, s.n - 1);
    const read: number[] = [];
    for (let i = 0; i < n; i++)
      if (values[i] === fromColor[i] && fromColor[i] === fromColor[i]) read.push(i);
    const inexact = read.filter((i) => !p.exact[i]).length;
    const e = (inexact > 0.1 * read.length ? 1 : 0) + (img.noise ?? 0) / 2;
    for (const i of read) {
      const c = p.cells.colors.subarray(i * 3, i * 3 + 3);
      const reach = colorReach(s, p.t[i]! * (s.n - 1), c[0]!, c[1]!, c[2]!, e);
      along = Math.max(along, perSample * (reach + 1));
    }
  }
  const halfPrinted = 0.5 * 10 ** -coarsest;
  let uncertainty: number;
  let decimals: number;
  let relative: { share: number; bound: number } | null = null;
  if (log && !all && along === along) {
    // On a logarithmic colorbar a value read from colour is good to a share of itself, the
    // same for all (10^along - 1: ±0.02 decades is ±4.7%): each is written to the place of its
    // own uncertainty's first digit (1200 beside 3.4), and good, as written, to that share and
    // half its last digit. The grid's uncertainty is the largest value's.
    const share = 10 ** along - 1;
    let rounding = 0;
    uncertainty = annotated ? halfPrinted : 0;
    decimals = annotated ? coarsest : 0;
    for (let i = 0; i < n; i++) {
      const v = values[i]!;
      if (printed[i] || v !== v) continue;
      const d = sharePlace(v, share);
      const w = roundToShare(v, share);
      rounding = Math.max(rounding, (0.5 * 10 ** -d) / w);
      uncertainty = Math.max(uncertainty, w * share + 0.5 * 10 ** -d);
      decimals = Math.max(decimals, d);
    }
    // (The value read, not the one written, is good to the share: and the two differ by the
    // rounding, a share of it too.)
    relative = { share, bound: share + rounding * (1 + share) };
  } else {
    uncertainty = all ? halfPrinted : annotated ? Math.max(along, halfPrinted) : along;
    // Written to the place of the uncertainty's first digit (±0.026 to 0.01, ±0.15 to 0.1, as
    // a measurement and its uncertainty are written), and good, as written, to the uncertainty
    // and half that last digit: matshow's 0.946, read to ±0.0104, had been written 0.9, "good
    // to within ±0.010", off by 0.046.
    decimals = all
      ? annotations!.decimals
      : uncertainty === uncertainty
        ? Math.max(0, Math.min(12, -Math.floor(Math.log10(uncertainty))))
        : 0;
    if (!all && uncertainty === uncertainty) uncertainty += 0.5 * 10 ** -decimals;
  }
  // Values past the colorbar's range are drawn in its end's colour (a triangle there says
  // so; matplotlib does so without one too, seaborn's vmax below the data's largest): a cell
  // read from an end's colour holds the end's value or one past it, and the image does not
  // say how far. Counted, and said.
  /** The values read of the cells in each end's colour (within a colour step of it). */
  const endValues = { low: [] as number[], high: [] as number[] };
  if (range)
    for (let i = 0; i < n; i++) {
      if (printed[i] || values[i] !== values[i]) continue;
      if (p.t[i]! >= 1 - p.step) endValues.high.push(values[i]!);
      if (p.t[i]! <= p.step) endValues.low.push(values[i]!);
    }
  const beyond = { low: endValues.low.length, high: endValues.high.length };
  const show = (v: number) =>
    relative !== null ? writeToShare(v, relative.share) : v.toFixed(decimals);
  // As each is written (a colour step short of the end, 0.972 where the end is 0.976): the
  // range's end had been said, and the table beside it gave another value.
  const asRead = (vs: readonly number[]) => {
    const [lo, hi] = [show(Math.min(...vs)), show(Math.max(...vs))];
    return lo === hi ? lo : `${lo} to ${hi}`;
  };
  const past =
    range && (beyond.low || beyond.high)
      ? msg.pastColorbarEnds(
          beyond.low,
          beyond.high,
          asRead(endValues.low),
          asRead(endValues.high),
          p.extend,
        )
      : null;
  if (past) warnings.push(past);
  // Each number printed with the format's decimals: the values are the drawn ones rounded.
  const fixed =
    all &&
    annotations!.texts.every(
      (t, i) => values[i] !== values[i] || (t !== null && printedDecimals(t) === decimals),
    );
  return {
    ...p,
    doubt,
    values,
    uncertainty,
    decimals,
    printedDecimals: fixed ? decimals : null,
    printedFormat: all
      ? printedFormatOf(
          annotations!.texts.filter((t, i) => t && values[i] === values[i]),
          fixed ? decimals : null,
        )
      : null,
    finest: all ? half : uncertainty,
    log,
    relative,
    ticks,
    labels,
    titles,
    range,
    beyond,
    past,
    warnings,
    annotations,
    printedMissing,
    annotated,
    present,
    allPrinted: all,
  };
}

/**
 * Why the cells found are not a heatmap's, or null: at least half the boundaries between
 * its columns (rows), of three or more, show no edge in any line (edgeless), with a colorbar
 * only where the edges seen change the colour much (as unseenBoundaries asks), and the text
 * over the cells stands over fewer than three in four of them (a heatmap's cells of one width
 * each hold their number). A table of columns of unequal widths saved as a JPEG (pandas'
 * Styler, whose cells' edges evenTable cannot tell in a lossy image) was read on the lattice
 * that fits every edge, 6×31 for 6×5, each number over two to six cells: 26 of 50 such JPEGs
 * are refused so, and two JPEGs of heatmaps whose grids were read as wrongly (4×55 for 4×7,
 * minor ticks drawn over the cells); no other of the fixtures, the evaluation set and the
 * probe sets (a heatmap with neighbours alike in every line showed at most 44% of its
 * boundaries so). Or: half or more of the cells with text hold several texts apart (a gap in
 * a cell's ink wider than one and a half times its height): no edge between the columns was
 * found (a confusion matrix's pale cells in a JPEG: 5×1, each row's five counts read as one
 * number, "3212" for 46, 3, 2, 1, 2); 4 of the 50 JPEG tables, no other image.
 */
export function unequalCells(img: Image, p: ReadPositions): string | null {
  if (!p.text) return null;
  const axis = (vertical: boolean) => {
    const n = vertical ? p.rows : p.cols;
    const { unseen, change } = edgeless(p.cells, vertical, img.noise ?? 0);
    if (n < 4 || 2 * unseen.length < n - 1) return null;
    // With a colorbar, only where the edges seen change the colour much (smooth data's
    // neighbours are often one colour: unseenBoundaries).
    if (p.colorbar && middleOf(change) < 24) return null;
    return { vertical, unseen: unseen.length, n };
  };
  const doubt = axis(false) ?? axis(true);
  const { inked, apart } = inkedCells(img, p.grid, p.cells);
  if (apart >= 3 && 2 * apart >= inked) return msg.cellsHoldSeveral(p.rows, p.cols, apart, inked);
  if (!doubt || inked >= 0.75 * p.rows * p.cols) return null;
  return msg.unequalCells(p.rows, p.cols, doubt, inked, p.colorbar !== null);
}

/**
 * The warning for the rows and columns of a continuous axis that no edge was seen between
 * (unseenBoundaries), each run by its labels (a position where one was not read); null where
 * there are none.
 */
function joinedRuns(p: ReadPositions, labels: Labels | null, noise: number): string | null {
  const along = (vertical: boolean) => {
    const axis = vertical ? 'rows' : 'cols';
    if (!labels?.coordinates[axis] || labels.index[axis] !== null) return { runs: [], joined: 0 };
    const unseen = unseenBoundaries(p.cells, vertical, noise);
    const named = (i: number) => labels[axis][i] ?? String(i);
    const runs: string[][] = [];
    for (let j = 0; j < unseen.length; j++) {
      const k = unseen[j]!;
      if (j > 0 && unseen[j - 1] === k - 1) runs[runs.length - 1]!.push(named(k + 1));
      else runs.push([named(k), named(k + 1)]);
    }
    return { runs, joined: unseen.length };
  };
  const rows = along(true);
  const cols = along(false);
  if (!rows.runs.length && !cols.runs.length) return null;
  return msg.boundariesUnseen(
    { rows: rows.runs, cols: cols.runs },
    {
      rows: p.rows,
      cols: p.cols,
      joinedRows: p.rows - rows.joined,
      joinedCols: p.cols - cols.joined,
    },
  );
}

/**
 * The format every printed number was printed in: `.N%` where each is a percentage and
 * `fixed` decimals are alike (the value's, two more than the print's), `.Nf` for fixed
 * decimals, `.Ne` for an exponent of one mantissa's decimals; else significantFormat's.
 */
export function printedFormatOf(
  texts: readonly (string | null)[],
  /** The decimals every text is printed with, where they are all alike (a fixed format). */
  fixed: number | null,
): string | null {
  const ts = texts.map((t) => numberText(t ?? ''));
  // Percentages (seaborn's fmt='.1%' over a normalised confusion matrix: "47.5%" is 0.475):
  // their decimals are the value's less two.
  if (fixed !== null && fixed >= 2 && ts.length && ts.every((t) => t.endsWith('%')))
    return `.${fixed - 2}%`;
  if (fixed !== null && !ts.some((t) => /e/i.test(t))) return `.${fixed}f`;
  // Exponent notation of one mantissa's decimals (fmt='.1e': "3.3e-04"), each value its own
  // decimals.
  const mantissa = ts.map((t) => /^-?\d\.?(\d*)e[-+]\d+$/i.exec(t)?.[1]?.length ?? -1);
  if (ts.length && mantissa[0]! >= 0 && mantissa.every((d) => d === mantissa[0]))
    return `.${mantissa[0]}e`;
  return significantFormat(texts);
}

/**
 * Python's `.Ng` (N significant digits, trailing zeros dropped) where it prints every one of
 * `texts` as it reads: N is the most significant digits any shows; none shows a trailing zero
 * after its point (`.Ng` drops them) or an exponent. Null otherwise.
 */
export function significantFormat(texts: readonly (string | null)[]): string | null {
  let most = 0;
  for (const text of texts) {
    const t = numberText(text ?? '').replace(/^-/, '');
    if (!/^\d+(\.\d+)?$/.test(t) || /\.\d*0$/.test(t)) return null;
    const digits = t.replace('.', '').replace(/^0+/, '');
    most = Math.max(most, digits.length);
  }
  // Whole numbers of more digits than that would print with an exponent.
  const whole = texts.map((t) =>
    numberText(t ?? '')
      .replace(/^-/, '')
      .split('.')[0]!
      .replace(/^0+/, ''),
  );
  return most > 0 && most <= 6 && whole.every((w) => w.length <= most) ? `.${most}g` : null;
}
