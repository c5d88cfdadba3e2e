/**
 * Where a heatmap is in an image: the background (the colour of most of the border), the
 * blocks of colour on it (4-connected components of pixels unlike the background), the grid
 * (the largest block that fills its box) and the colorbar (a long, narrow block that fills
 * its box, beside the grid).
 */
import type { Image } from './png.ts';
import { HeatfigError } from '../errors.ts';
import * as msg from '../messages.ts';
import { middleOf } from './widths.ts';
import { sampleColorbar } from './colorbar.ts';

export interface Box {
  readonly x0: number;
  readonly y0: number;
  /** End, exclusive. */
  readonly x1: number;
  readonly y1: number;
}

export const boxWidth = (b: Box) => b.x1 - b.x0;
export const boxHeight = (b: Box) => b.y1 - b.y0;
/** Whether two boxes share any area. */
export const overlapping = (a: Box, b: Box) =>
  a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1;

/** The largest difference of one channel between pixel i and a colour. */
export function distance(img: Image, i: number, r: number, g: number, b: number): number {
  const p = i * 3;
  return Math.max(
    Math.abs(img.rgb[p]! - r),
    Math.abs(img.rgb[p + 1]! - g),
    Math.abs(img.rgb[p + 2]! - b),
  );
}

/** The largest difference of one channel between two pixels, given by their byte offsets. */
export function pixelGap(img: Image, p: number, q: number): number {
  return rgbGap(img.rgb, p, q);
}

/** The largest difference of one channel between two colours of RGB bytes, at byte offsets p and q. */
export function rgbGap(rgb: Uint8Array, p: number, q: number): number {
  return Math.max(
    Math.abs(rgb[p]! - rgb[q]!),
    Math.abs(rgb[p + 1]! - rgb[q + 1]!),
    Math.abs(rgb[p + 2]! - rgb[q + 2]!),
  );
}

/**
 * A line of the image, one pixel deep: row `at` from column `from` to `to` (`horizontal`), or
 * column `at` from row `from` to `to`. `offset(i)` is the byte offset of its pixel at i.
 */
export interface Line {
  readonly from: number;
  readonly to: number;
  readonly offset: (i: number) => number;
}

export function pixelLine(
  img: Image,
  horizontal: boolean,
  at: number,
  from: number,
  to: number,
): Line {
  const w = img.width;
  return { from, to, offset: horizontal ? (i) => (at * w + i) * 3 : (i) => (i * w + at) * 3 };
}

/**
 * How many of a line's pixels are within `tolerance` of the pixel at byte offset `ref`, as
 * `gapOf` measures two pixels (rgbGap by default), among those `counted` keeps (all by
 * default): a panel's edge, an outline or an axis's line is a line of one colour, nine in ten
 * of its pixels alike (grid lines and tick marks cross it).
 */
export function alikeAlong(
  img: Image,
  line: Line,
  ref: number,
  tolerance: number,
  gapOf: (p: number, q: number) => number = (p, q) => rgbGap(img.rgb, p, q),
  counted: (p: number) => boolean = () => true,
): number {
  let n = 0;
  for (let i = line.from; i < line.to; i++) {
    const p = line.offset(i);
    if (counted(p) && gapOf(p, ref) <= tolerance) n++;
  }
  return n;
}

/**
 * Of the pixels a quarter, half and three quarters along a line (a tick mark or a grid line
 * may cross its middle), among those `usable`, the one most of the line's pixels are alike
 * (alikeAlong, with its `tolerance`, `gapOf` and `counted`): its byte offset and how many
 * (the first of those as many; -1 and 0 where none is usable, or none alike).
 */
export function commonestAlong(
  img: Image,
  line: Line,
  tolerance: number,
  gapOf?: (p: number, q: number) => number,
  counted?: (p: number) => boolean,
  usable: (p: number) => boolean = () => true,
): { ref: number; n: number } {
  let best = { ref: -1, n: 0 };
  for (const k of [1, 2, 3]) {
    const ref = line.offset(line.from + ((k * (line.to - line.from)) >> 2));
    if (!usable(ref)) continue;
    const n = alikeAlong(img, line, ref, tolerance, gapOf, counted);
    if (n > best.n) best = { ref, n };
  }
  return best;
}

/**
 * Pixels of a box by line: the byte offset of pixel j across line i, lines counted down the
 * box (rows) when `vertical`, else across it (columns).
 */
export function lineOffset(img: Image, box: Box, vertical: boolean) {
  return (i: number, j: number) =>
    vertical
      ? ((box.y0 + i) * img.width + box.x0 + j) * 3
      : ((box.y0 + j) * img.width + box.x0 + i) * 3;
}

/**
 * The colour of more than half of line i of a box (see lineOffset), and how many of its
 * pixels have it; where no colour has half, a count under half. Two passes of the majority
 * vote, no counting map: every line of a 300-dpi grid is asked (0.5 s with commonest).
 */
export function lineColor(
  img: Image,
  box: Box,
  vertical: boolean,
  i: number,
): { color: number; count: number } {
  const at = lineOffset(img, box, vertical);
  const across = vertical ? box.x1 - box.x0 : box.y1 - box.y0;
  const rgb = img.rgb;
  const key = (p: number) => colorAt(rgb, p);
  let color = -1;
  let votes = 0;
  for (let j = 0; j < across; j++) {
    const k = key(at(i, j));
    if (votes === 0) color = k;
    votes += k === color ? 1 : -1;
  }
  let count = 0;
  for (let j = 0; j < across; j++) if (key(at(i, j)) === color) count++;
  return { color, count };
}

/** A pixel's colour (its byte offset in RGB bytes) as 0xRRGGBB. */
export const colorAt = (rgb: Uint8Array, p: number) =>
  (rgb[p]! << 16) | (rgb[p + 1]! << 8) | rgb[p + 2]!;

/** The commonest colour of some pixels (byte offsets), as 0xRRGGBB, and how many have it. */
export function commonest(img: Image, offsets: Iterable<number>): { color: number; count: number } {
  const counts = new Map<number, number>();
  let color = 0xffffff;
  let count = 0;
  for (const p of offsets) {
    const key = colorAt(img.rgb, p);
    const n = (counts.get(key) ?? 0) + 1;
    counts.set(key, n);
    if (n > count) {
      color = key;
      count = n;
    }
  }
  return { color, count };
}

/** The commonest colour of the image's border. */
export function background(img: Image): [number, number, number] {
  const { width: W, height: H } = img;
  function* border() {
    for (let x = 0; x < W; x++) {
      yield x * 3;
      yield ((H - 1) * W + x) * 3;
    }
    for (let y = 0; y < H; y++) {
      yield y * W * 3;
      yield (y * W + W - 1) * 3;
    }
  }
  const { color } = commonest(img, border());
  return [color >> 16, (color >> 8) & 255, color & 255];
}

export interface Blob {
  readonly box: Box;
  /** Pixels in the blob. */
  readonly size: number;
}

/** The 4-connected blocks of pixels that differ from the background by more than `tolerance`. */
export function blobs(img: Image, bg: readonly number[], tolerance = 4): Blob[] {
  const { width: W, height: H } = img;
  const seen = new Uint8Array(W * H);
  for (let i = 0; i < W * H; i++)
    if (distance(img, i, bg[0]!, bg[1]!, bg[2]!) <= tolerance) seen[i] = 1;
  const out: Blob[] = [];
  const stack = new Int32Array(W * H);
  for (let start = 0; start < W * H; start++) {
    if (seen[start]) continue;
    let top = 0;
    stack[top++] = start;
    seen[start] = 1;
    let size = 0;
    let x0 = W;
    let y0 = H;
    let x1 = 0;
    let y1 = 0;
    while (top) {
      const i = stack[--top]!;
      size++;
      const x = i % W;
      const y = (i - x) / W;
      if (x < x0) x0 = x;
      if (x > x1) x1 = x;
      if (y < y0) y0 = y;
      if (y > y1) y1 = y;
      if (x > 0 && !seen[i - 1]) (seen[i - 1] = 1), (stack[top++] = i - 1);
      if (x < W - 1 && !seen[i + 1]) (seen[i + 1] = 1), (stack[top++] = i + 1);
      if (y > 0 && !seen[i - W]) (seen[i - W] = 1), (stack[top++] = i - W);
      if (y < H - 1 && !seen[i + W]) (seen[i + W] = 1), (stack[top++] = i + W);
    }
    if (size >= 16) out.push({ box: { x0, y0, x1: x1 + 1, y1: y1 + 1 }, size });
  }
  return out;
}

/**
 * The box of a blob trimmed to its solid core: the rows and columns of the box that are
 * mostly filled (tick marks, a title touching it, an outline's corners fall away). First
 * the columns and rows less than half filled, then the columns less than nine tenths filled
 * over the rows left, then the rows less than nine tenths filled across those columns:
 * labels joined to the grid below it (a JPEG's noise can join them) fill a tenth of the
 * grid's columns' height or more, and at nine tenths alone each column fell away up to one
 * under a label's letters (a 72-dpi JPEG's grid was found a third of a column in).
 */
export function solidCore(img: Image, box: Box, bg: readonly number[], tolerance = 4): Box {
  const far = (x: number, y: number, d: number) =>
    distance(img, y * img.width + x, bg[0]!, bg[1]!, bg[2]!) > d;
  let { x0, x1, y0, y1 } = box;
  // The share of a column or a row (within the box as it stands) farther than `d` from the page.
  const colFill = (x: number, d = tolerance) => {
    let n = 0;
    for (let y = y0; y < y1; y++) n += far(x, y, d) ? 1 : 0;
    return n / (y1 - y0);
  };
  const rowFill = (y: number, d = tolerance) => {
    let n = 0;
    for (let x = x0; x < x1; x++) n += far(x, y, d) ? 1 : 0;
    return n / (x1 - x0);
  };
  const trimColumns = (most: number) => {
    while (x0 < x1 - 1 && colFill(x0) < most) x0++;
    while (x1 - 1 > x0 && colFill(x1 - 1) < most) x1--;
  };
  const trimRows = (most: number) => {
    while (y0 < y1 - 1 && rowFill(y0) < most) y0++;
    while (y1 - 1 > y0 && rowFill(y1 - 1) < most) y1--;
  };
  trimColumns(0.5);
  trimRows(0.5);
  trimColumns(0.9);
  // The rows anew, the block's whole height, across the columns kept: at half across the
  // whole block, a row of pale cells (seed-004's, white at its map's middle, filled only
  // where its numbers are) fell away to the foot of its numbers, and the grid's lattice with it.
  y0 = box.y0;
  y1 = box.y1;
  trimRows(0.9);
  // A sliver of ink at an edge, 3 px across at most, parted from the rest by a line of the
  // page (95% of it within the tolerance; in a noisy image, within 24 levels of the page's
  // colour, or three times the tolerance: a JPEG's page strays by 20 beside text), is not
  // cells (a cell is wider): a JPEG's dense labels, their digits' strokes in line, joined to
  // the grid through the axis's tick marks, filled the column or row at their inner edge,
  // and the grid of a Vega chart 80 cells wide was found 10 px past its cells on two sides,
  // over its ticks (read as one cell). Cut away with the marks' rows or columns, trimmed
  // again.
  const SLIVER = 3;
  const OUTLINE = 6;
  const page = img.noise ? Math.max(24, 3 * tolerance) : tolerance;
  // The line k in from `edge` is the page, and the edge's own line ink: half of it or more
  // farther from the page than the page strays (a colorbar's pale end, 3 px of it beyond a
  // line of its palest colour, is not cut).
  // Up to 6 px where each of its lines is one grey (a frame's outline drawn apart from the
  // cells, ggplot2's `theme_bw`, joined to the tiles by the grid lines: 4 px of grey at 300
  // dpi with its blended edges; a column of cells is of the map's colours).
  // (The grid lines' ends cross the page beside an outline: up to an eighth of it inked.)
  const sliver = (
    fill: (at: number, d?: number) => number,
    edge: number,
    k: number,
    dir: number,
  ) => {
    if (fill(edge, page) < 0.5) return false;
    const beyond = fill(edge + k * dir, page);
    if (beyond < 0.05 && k <= SLIVER) return true;
    // (Its inner line, blended with the page and crossed by the grid lines' ends, aside.)
    return (
      beyond < 0.125 &&
      Array.from({ length: k - 1 }, (_, j) => edge + j * dir).every((at) =>
        oneColour(fill === colFill, at),
      )
    );
  };
  // (Of three places along it, a grey: the middle may be a tick mark's, at a middle column's
  // centre, where the outline's blended edge meets the marks hanging from it.)
  const grey = (p: number) =>
    Math.max(img.rgb[p]!, img.rgb[p + 1]!, img.rgb[p + 2]!) -
      Math.min(img.rgb[p]!, img.rgb[p + 1]!, img.rgb[p + 2]!) <=
    8;
  const oneColour = (column: boolean, at: number) => {
    const line = column ? pixelLine(img, false, at, y0, y1) : pixelLine(img, true, at, x0, x1);
    return (
      commonestAlong(img, line, 12, undefined, undefined, grey).n >= 0.9 * (line.to - line.from)
    );
  };
  for (let cut = true; cut; ) {
    cut = false;
    for (let k = 1; k <= OUTLINE && !cut; k++) {
      const wide = x1 - x0 > 4 * Math.max(k, SLIVER);
      const high = y1 - y0 > 4 * Math.max(k, SLIVER);
      if (wide && sliver(colFill, x0, k, 1)) x0 += k + 1;
      else if (wide && sliver(colFill, x1 - 1, k, -1)) x1 -= k + 1;
      else if (high && sliver(rowFill, y0, k, 1)) y0 += k + 1;
      else if (high && sliver(rowFill, y1 - 1, k, -1)) y1 -= k + 1;
      else continue;
      cut = true;
    }
    if (cut) {
      trimColumns(0.9);
      trimRows(0.9);
    }
  }
  return { x0, y0, x1, y1 };
}

export interface Located {
  readonly background: readonly [number, number, number];
  readonly grid: Box;
  /**
   * The panel around the grid where it is wider than the cells (ggplot2's, its scales
   * expanded past the outer tiles: withoutPanel): the tick marks, labels and titles stand
   * against it. Null where the cells fill it.
   */
  readonly frame: Box | null;
  /** The colorbar's colours' box, and whether it runs up (vertical) or along. */
  readonly colorbar: { readonly box: Box; readonly vertical: boolean } | null;
  /**
   * Every heatmap's grid in the image (a figure of several panels), in reading order: left
   * to right, then top to bottom. One, the grid's own, for an image of one.
   */
  readonly panels: readonly Box[];
  /** Which of them is read: 1 for the first. */
  readonly panel: number;
}

/**
 * Whether a block is a colorbar's gradient: one colour across its short side, and a new colour
 * every few pixels along its long side (a grid's cells change colour every cell, many pixels).
 */
export function isGradient(img: Image, box: Box): boolean {
  const vertical = boxHeight(box) >= boxWidth(box);
  const len = vertical ? boxHeight(box) : boxWidth(box);
  const across = vertical ? boxWidth(box) : boxHeight(box);
  if (len < 16 || across < 2) return false;
  const px = lineOffset(img, box, vertical);
  // Every pixel of the middle half across, against the middle one: a grid whose cells are
  // apart (lines of the page between them) can have any few sampled lines on its lines.
  const a = Math.floor(across / 4);
  const m = Math.floor(across / 2);
  const b = Math.max(a + 1, Math.floor((3 * across) / 4));
  let changes = 0;
  let unlike = 0;
  // A JPEG halves its colour detail: across a narrow bar its chroma strays by up to about 20,
  // and by 25 where an outline's black bleeds into it (matplotlib's magma colorbar, framed,
  // at quality 75: a tenth of its rows).
  const across8 = 8 + 3 * (img.noise ?? 0);
  for (let i = 2; i < len - 2; i++) {
    const mid = px(i, m);
    for (let j = a; j < b; j++)
      if (pixelGap(img, px(i, j), mid) > across8) {
        unlike++;
        break;
      }
    if (pixelGap(img, px(i, a), px(i - 1, a)) > 0) changes++;
  }
  return unlike <= 0.05 * len && changes >= 0.15 * len;
}

/**
 * The grid and the colorbar of a heatmap image, or null when there is no block of cells.
 * A noisy image (a JPEG) is looked at first for pixels unlike the page by more than what is
 * left of its noise on flat page once smoothed (half its noise: the page strays by up to
 * about 7 levels, rarely more; pale cells, RdBu's middle, lie 8 to 12 from white and were
 * taken for page at the whole noise's tolerance), then by a little less (NEARER). Blues'
 * lowest colour lies 8 from white, and a JPEG's smoothing leaves its cells half at 8 and
 * half nearer: a seaborn confusion matrix, mostly zeros in that colour, was found as a line
 * of cells or as none. A nearer look is taken where its grid holds the look before's (nine
 * tenths of it) and reaches 4 px or more past it on a side (else the two differ by a blurred
 * pixel at an edge, and the one before is kept: that pixel, taken, moved the colorbar's ends
 * and the cells' colours).
 */
export function locate(img: Image, panel?: number): Located | null {
  // Looked for once an image (the table check, then the reading, ask for its first grid).
  if (panel === undefined && located.has(img)) return located.get(img)!;
  const found = locateIn(img, panel);
  if (panel === undefined) located.set(img, found);
  return found;
}

const located = new WeakMap<Image, Located | null>();

function locateIn(img: Image, panel?: number): Located | null {
  const bg = background(img);
  let found = locateAt(img, bg, panel, img.noise ? 4 + img.noise / 2 : 4);
  if (!img.noise) return found;
  for (const tolerance of NEARER) {
    // (A panel asked for that a nearer look does not find is the first look's.)
    let near: Located | null = null;
    try {
      near = locateAt(img, bg, panel, tolerance);
    } catch {
      return found;
    }
    found = nearer(found, near);
  }
  return found;
}

/**
 * A JPEG's nearer looks, one after the other: 6.5, and 5.5 for pale cells parted by white
 * lines 1 pt wide (an 8×8 `Blues` matrix, `linewidths=1`, found at neither 8 nor 6.5).
 * Flat page strays by up to 5 levels once smoothed.
 */
const NEARER = [6.5, 5.5];

/** The nearer look where it finds more of the grid than the look before (see locate); else that one. */
function nearer(first: Located | null, near: Located | null): Located | null {
  if (!near) return first;
  if (!first) return near;
  const [a, b] = [first.grid, near.grid];
  // Nine tenths of the first look's grid within the second's (two cells of a grid ruled by
  // white lines, found first, reached 4 px past the whole found second).
  const inside =
    Math.max(0, Math.min(a.x1, b.x1) - Math.max(a.x0, b.x0)) *
    Math.max(0, Math.min(a.y1, b.y1) - Math.max(a.y0, b.y0));
  const holds = inside >= 0.9 * boxWidth(a) * boxHeight(a);
  const past = Math.max(a.x0 - b.x0, a.y0 - b.y0, b.x1 - a.x1, b.y1 - a.y1);
  if (!holds || past < 4) return first;
  // Its colorbar too, but where the first look found the same one (within a blurred pixel):
  // the first's. (The first look, its grid a column of pale cells' edge, had taken that
  // column for the colorbar.)
  const same = (u: Box, v: Box) =>
    Math.max(
      Math.abs(u.x0 - v.x0),
      Math.abs(u.y0 - v.y0),
      Math.abs(u.x1 - v.x1),
      Math.abs(u.y1 - v.y1),
    ) <= 2;
  const bar = first.colorbar && near.colorbar && same(first.colorbar.box, near.colorbar.box);
  return bar ? { ...near, colorbar: first.colorbar } : near;
}

/** The grid and the colorbar seen at one `tolerance` from the page's colour `bg` (see locate). */
function locateAt(
  img: Image,
  bg: readonly [number, number, number],
  panel: number | undefined,
  tolerance: number,
): Located | null {
  // (A block's core is filled with its own pixels, a fifth of it at least: ggplot2's
  // `theme_classic` draws its axes' lines apart from the tiles, an L whose box holds the
  // grid, and its core, filled by the grid's pixels, was taken for the grid with the axis.)
  const found = blobs(img, bg, tolerance)
    .map((b) => ({ ...b, core: solidCore(img, b.box, bg, tolerance) }))
    .filter((b) => boxWidth(b.core) >= 4 && boxHeight(b.core) >= 4)
    .filter((b) => b.size >= 0.2 * boxWidth(b.core) * boxHeight(b.core))
    .map((b) => ({ ...b, gradient: isGradient(img, b.core) }));
  const area = (b: Box) => boxWidth(b) * boxHeight(b);
  // The grid: solid blocks that are not gradients, of the size that covers the most (the
  // whole grid, one block; or its cells, drawn apart, many alike). The largest alone was two
  // cells of one colour run together across a line too thin to part them (seaborn's
  // linewidths=0.5 at 72 dpi, blended): a grid of such pairs was read, 8 columns of 10.
  const solid = found.filter((b) => !b.gradient).sort((a, b) => area(b.core) - area(a.core));
  const alike = (a: Box, b: Box) =>
    Math.abs(boxWidth(a) - boxWidth(b)) <= 2 && Math.abs(boxHeight(a) - boxHeight(b)) <= 2;
  let grid = solid[0];
  let most = 0;
  for (const b of solid) {
    if (area(b.core) * solid.length <= most) break;
    let covers = 0;
    for (const o of solid) if (alike(b.core, o.core)) covers += area(o.core);
    if (covers > most) [grid, most] = [b, covers];
  }
  if (!grid) return null;
  const cores = solid.map((b) => b.core);
  // A block's grid: the blocks tiled with it (cells drawn apart), and an outer row or column
  // joined to its tick marks (a block of another shape), the cells' own beyond the edge.
  const gridFrom = (seed: Box): Box => {
    const joined = tiled(seed, cores, oneColour(img, seed));
    return joined === seed ? joined : outerCells(img, joined, boxWidth(seed), boxHeight(seed), bg);
  };
  const largest = gridFrom(grid.core);
  // Every heatmap in the image, in reading order: the one asked for (`panel`), else the one
  // that covers the most, is read.
  const panels = readingOrder([largest, ...otherGrids(largest, cores, gridFrom)]);
  if (panel !== undefined && panel > panels.length)
    throw new HeatfigError('bad-option', msg.noSuchPanel(panel, panels.length), '--panel');
  const core = panel === undefined ? largest : panels[panel - 1]!;
  if (area(core) < 64) return null;
  const g = img.noise ? withoutMarks(img, withoutFrame(img, core), bg) : withoutFrame(img, core);
  // The colorbar: the largest gradient beside the grid, along its side; where none is, the
  // largest elsewhere, long and narrow (seaborn's clustermap puts it in the corner above the
  // rows' dendrogram, beside neither the rows nor the columns).
  const gradients = found.filter((b) => b.gradient);
  const bars = gradients
    .map((b) => ({ ...b, vertical: boxHeight(b.core) >= boxWidth(b.core) }))
    .sort((a, b) => area(b.core) - area(a.core));
  const beside = (b: (typeof bars)[number]) =>
    b.vertical ? b.core.y1 > g.y0 && b.core.y0 < g.y1 : b.core.x1 > g.x0 && b.core.x0 < g.x1;
  const long = (b: (typeof bars)[number]) => {
    const [len, across] = b.vertical
      ? [boxHeight(b.core), boxWidth(b.core)]
      : [boxWidth(b.core), boxHeight(b.core)];
    return len >= 3 * across && len >= 48;
  };
  // The bar beside the grid nearest it (the largest of those as near): a figure of two
  // heatmaps side by side, each with its bar at its right, had the right one's cells read
  // through the left one's bar, which stood beside it too, across the gap between them.
  const gap = (b: (typeof bars)[number]) =>
    b.vertical
      ? Math.max(b.core.x0 - g.x1, g.x0 - b.core.x1, 0)
      : Math.max(b.core.y0 - g.y1, g.y0 - b.core.y1, 0);
  // (Of those at least half as long as the longest: a JPEG's blocks beside the grid can be
  // small gradients nearer it.)
  const length = (b: (typeof bars)[number]) => (b.vertical ? boxHeight(b.core) : boxWidth(b.core));
  const longest = Math.max(0, ...bars.filter(beside).map(length));
  const besides = bars.filter((b) => beside(b) && length(b) >= longest / 2);
  const nearest = besides.reduce<(typeof bars)[number] | undefined>(
    (m, b) => (m === undefined || gap(b) < gap(m) ? b : m),
    undefined,
  );
  const bar = nearest ?? bars.find(long);
  const barBox =
    bar &&
    joinedBar(
      bar.core,
      bar.vertical,
      gradients.map((b) => b.core),
      img,
      bg,
    );
  const cells = barBox ? withoutPanel(img, g, barBox, bar.vertical) : g;
  return {
    background: bg,
    grid: cells,
    frame: cells === g ? null : g,
    panels,
    panel: panels.indexOf(core) + 1,
    colorbar: barBox ? { box: barBox, vertical: bar.vertical } : null,
  };
}

/**
 * Whether a block is one cell: seven in ten of a 16×16 sample of its pixels within 24 levels
 * (a JPEG's noise) of one of them (a number printed over a cell covers less than three in
 * ten; a grid of many colours has no colour so common).
 */
function oneColour(img: Image, b: Box): boolean {
  const at: number[] = [];
  for (let i = 0; i < 16; i++)
    for (let j = 0; j < 16; j++) {
      const x = Math.floor(b.x0 + ((j + 0.5) * (b.x1 - b.x0)) / 16);
      const y = Math.floor(b.y0 + ((i + 0.5) * (b.y1 - b.y0)) / 16);
      at.push((y * img.width + x) * 3);
    }
  for (const p of at) {
    let alike = 0;
    for (const q of at) if (pixelGap(img, p, q) <= 24) alike++;
    if (alike >= 0.7 * at.length) return true;
  }
  return false;
}

/**
 * Other heatmaps in the image than the one found at `grid` (a figure of two or more panels):
 * solid blocks, made grids as the grid was (`gridFrom`), that lie clear of it and cover a
 * third of its area or more. The largest few are looked at.
 */
function otherGrids(grid: Box, blocks: readonly Box[], gridFrom: (seed: Box) => Box): Box[] {
  const area = (b: Box) => boxWidth(b) * boxHeight(b);
  const out: Box[] = [];
  const sorted = [...blocks].sort((a, b) => area(b) - area(a));
  let looked = 0;
  for (const b of sorted) {
    if (looked >= 8) break;
    if (overlapping(b, grid) || out.some((o) => overlapping(b, o))) continue;
    looked++;
    const t = gridFrom(b);
    if (area(t) >= area(grid) / 3 && !overlapping(t, grid)) out.push(t);
  }
  return out;
}

/**
 * Grids in reading order: in rows (a grid whose top lies above the middle of the row's first
 * is in its row), top to bottom, each left to right, as a figure's panels are numbered.
 */
export function readingOrder(grids: readonly Box[]): Box[] {
  const rows: Box[][] = [];
  for (const b of [...grids].sort((a, b) => a.y0 - b.y0 || a.x0 - b.x0)) {
    const row = rows.at(-1);
    if (row && b.y0 < (row[0]!.y0 + row[0]!.y1) / 2) row.push(b);
    else rows.push([b]);
  }
  return rows.flatMap((row) => row.sort((a, b) => a.x0 - b.x0));
}

/**
 * A colorbar whose map passes through the page's own colour (a diverging list from dark red
 * through white to dark green, seed-004's) is found as two gradients, apart where it is the
 * page's colour: the other one in line with it (the same sides across, within 2 px), at
 * most a tenth of their length away, and fading into the page's colour at both ends facing
 * the gap, is the rest of it.
 */
export function joinedBar(
  bar: Box,
  vertical: boolean,
  gradients: readonly Box[],
  img: Image,
  bg: readonly number[],
): Box {
  const len = (b: Box) => (vertical ? boxHeight(b) : boxWidth(b));
  // Near the page's colour (48 levels) at the end facing the gap: a map passing through it
  // fades into it there (two bars of two panels, one above the other, in line and as near,
  // had been joined: viridis's dark end over magma's light one).
  const pale = (x: number, y: number) =>
    distance(img, y * img.width + x, bg[0]!, bg[1]!, bg[2]!) <= 48;
  const fades = (u: Box, b: Box) => {
    const [mx, my] = [Math.floor((b.x0 + b.x1) / 2), Math.floor((b.y0 + b.y1) / 2)];
    if (vertical)
      return b.y0 >= u.y1
        ? pale(mx, u.y1 - 1) && pale(mx, b.y0)
        : pale(mx, b.y1 - 1) && pale(mx, u.y0);
    return b.x0 >= u.x1
      ? pale(u.x1 - 1, my) && pale(b.x0, my)
      : pale(b.x1 - 1, my) && pale(u.x0, my);
  };
  let u = bar;
  for (const b of gradients) {
    if (b === bar) continue;
    const inLine = vertical
      ? Math.abs(b.x0 - u.x0) <= 2 && Math.abs(b.x1 - u.x1) <= 2
      : Math.abs(b.y0 - u.y0) <= 2 && Math.abs(b.y1 - u.y1) <= 2;
    const gap = vertical ? Math.max(b.y0 - u.y1, u.y0 - b.y1) : Math.max(b.x0 - u.x1, u.x0 - b.x1);
    if (inLine && gap >= 0 && gap <= 0.1 * (len(u) + len(b)) && fades(u, b))
      u = {
        x0: vertical ? u.x0 : Math.min(u.x0, b.x0),
        y0: vertical ? Math.min(u.y0, b.y0) : u.y0,
        x1: vertical ? u.x1 : Math.max(u.x1, b.x1),
        y1: vertical ? Math.max(u.y1, b.y1) : u.y1,
      };
  }
  return u;
}

/**
 * A colorbar whose end is the page's colour (seaborn's, drawn without an outline, of
 * `Greys_r`, `bone`, `afmhot`: white at their top), found short of it: seaborn and
 * matplotlib draw the bar as long as the heatmap's axes, so where one end meets the grid's
 * edge (within 2 px) and the other stops inside the grid's extent, its last colour within 12
 * levels of the page's and nothing but the page beyond it up to the grid's edge, the bar
 * reaches that edge. A `Greys_r` bar found 26 px short of its 656 had its top read 9.6 for
 * 10, and the cells above 9.6 said to "hold more". Else the bar as found.
 */
export function barToGridEdge(
  img: Image,
  bar: Box,
  vertical: boolean,
  grid: Box,
  bg: readonly number[],
): Box {
  const [a0, a1, g0, g1] = vertical
    ? [bar.y0, bar.y1, grid.y0, grid.y1]
    : [bar.x0, bar.x1, grid.x0, grid.x1];
  const start = Math.abs(a0 - g0) <= 2;
  const end = Math.abs(a1 - g1) <= 2;
  if (start === end || a0 < g0 - 2 || a1 > g1 + 2) return bar;
  // The stretch between the bar's end and the grid's edge, across the bar's width.
  const [from, to] = start ? [a1, g1] : [g0, a0];
  if (to - from <= 2) return bar;
  const near = (x: number, y: number, levels: number) =>
    distance(img, y * img.width + x, bg[0]!, bg[1]!, bg[2]!) <= levels;
  const mid = vertical ? Math.floor((bar.x0 + bar.x1) / 2) : Math.floor((bar.y0 + bar.y1) / 2);
  const last = start ? a1 - 1 : a0;
  if (!(vertical ? near(mid, last, 12) : near(last, mid, 12))) return bar;
  const [c0, c1] = vertical ? [bar.x0, bar.x1] : [bar.y0, bar.y1];
  const page = 4 + (img.noise ?? 0);
  for (let i = from; i < to; i++)
    for (let j = c0; j < c1; j++) if (!(vertical ? near(j, i, page) : near(i, j, page))) return bar;
  return vertical
    ? { ...bar, ...(start ? { y1: g1 } : { y0: g0 }) }
    : { ...bar, ...(start ? { x1: g1 } : { x0: g0 }) };
}

/**
 * A colorbar's end as pale as the page, found where it was (an image without noise): the
 * lines across the bar beyond its end, each one colour across it (within a level; its two
 * outer pixels aside), unlike the page (by a level or more) where the page stands just beside
 * the bar, and each within 3 levels of the line before (the map's path, not an outline), up
 * to a tenth of its length.
 * ggplot2's `scale_fill_gradient(low = "white")` draws its legend so (no outline): its
 * palest 4 px, within 4 levels of white, were left out and its low end read 0.10 for 0.05.
 */
export function paleEnds(img: Image, bar: Box, vertical: boolean, bg: readonly number[]): Box {
  if (img.noise) return bar;
  const w = img.width;
  const rgb = img.rgb;
  const [c0, c1] = vertical ? [bar.x0, bar.x1] : [bar.y0, bar.y1];
  const [a0, a1] = vertical ? [bar.y0, bar.y1] : [bar.x0, bar.x1];
  const most = Math.floor((a1 - a0) / 10);
  const off = (along: number, across: number) =>
    vertical ? (along * w + across) * 3 : (across * w + along) * 3;
  const limit = vertical ? img.height : w;
  const page = (p: number) => distance(img, p / 3, bg[0]!, bg[1]!, bg[2]!) === 0;
  // How far the bar goes on past `from` (its last line), stepping by `step`.
  const beyond = (from: number, step: number) => {
    let n = 0;
    for (let at = from + step; n < most && at >= 0 && at < limit; at += step, n++) {
      if (c0 < 1 || c1 >= (vertical ? w : img.height) || c1 - c0 < 4) break;
      // (Its outer pixels across may be blended with the page.)
      const first = off(at, c0 + 1);
      if (page(first) || rgbGap(rgb, first, off(at - step, c0 + 1)) > 3) break;
      let one = true;
      for (let j = c0 + 2; j < c1 - 1 && one; j++) one = rgbGap(rgb, off(at, j), first) <= 1;
      if (!one || !page(off(at, c0 - 1)) || !page(off(at, c1))) break;
    }
    return n;
  };
  const lo = beyond(a0, -1);
  const hi = beyond(a1 - 1, 1);
  if (!lo && !hi) return bar;
  return vertical ? { ...bar, y0: a0 - lo, y1: a1 + hi } : { ...bar, x0: a0 - lo, x1: a1 + hi };
}

/**
 * A grid drawn as cells apart (seaborn's `linewidths`: lines of the background between
 * them), as one box: the blocks of the largest one's size (within 2 px) that lie next to it
 * and to each other, at most a third of a cell apart, and strips as wide or as high as the
 * whole just beside it. One block alone is the box itself. A seed that is not one `cell`
 * (a whole grid of many colours) takes only strips: two panels of one size, one above the
 * other, had been joined across the gap of labels between them, a third of a panel high.
 */
export function tiled(seed: Box, blocks: readonly Box[], cell = true): Box {
  const w = boxWidth(seed);
  const h = boxHeight(seed);
  const gap = Math.max(3, Math.min(w, h) / 3);
  const like = (b: Box) => Math.abs(boxWidth(b) - w) <= 2 && Math.abs(boxHeight(b) - h) <= 2;
  const near = (u: Box, b: Box) =>
    (b.x0 < u.x1 && b.x1 > u.x0 && b.y0 - u.y1 <= gap && u.y0 - b.y1 <= gap) ||
    (b.y0 < u.y1 && b.y1 > u.y0 && b.x0 - u.x1 <= gap && u.x0 - b.x1 <= gap);
  // A row or column of cells parted from the rest by one pale line (seaborn's mesh at some
  // dpi): as wide (or as high) as the whole, 3 px from it at most.
  const strip = (u: Box, b: Box) =>
    (Math.abs(b.x0 - u.x0) <= 2 &&
      Math.abs(b.x1 - u.x1) <= 2 &&
      b.y0 - u.y1 <= 3 &&
      u.y0 - b.y1 <= 3) ||
    (Math.abs(b.y0 - u.y0) <= 2 &&
      Math.abs(b.y1 - u.y1) <= 2 &&
      b.x0 - u.x1 <= 3 &&
      u.x0 - b.x1 <= 3);
  let u = seed;
  const used = new Set<Box>([seed]);
  for (let grew = true; grew; ) {
    grew = false;
    for (const b of blocks)
      if (!used.has(b) && ((cell && like(b) && near(u, b)) || strip(u, b))) {
        used.add(b);
        u = {
          x0: Math.min(u.x0, b.x0),
          y0: Math.min(u.y0, b.y0),
          x1: Math.max(u.x1, b.x1),
          y1: Math.max(u.y1, b.y1),
        };
        grew = true;
      }
  }
  return u;
}

/**
 * A grid of cells apart grown by the rows and columns beyond its edges that are cells too:
 * past a gap of up to 3 px, a band a cell deep whose lines are filled (not the background) on
 * 90% of the grid's length or more, most of them.
 */
function outerCells(img: Image, box: Box, cw: number, ch: number, bg: readonly number[]): Box {
  const filled = (x: number, y: number) =>
    x >= 0 &&
    y >= 0 &&
    x < img.width &&
    y < img.height &&
    distance(img, y * img.width + x, bg[0]!, bg[1]!, bg[2]!) > 4 + (img.noise ?? 0);
  // The band's lines: rows (below, above) or columns (left, right), from `from` on, `depth` deep.
  const band = (side: 'top' | 'bottom' | 'left' | 'right', b: Box, from: number, depth: number) => {
    let full = 0;
    for (let d = 0; d < depth; d++) {
      const at = side === 'bottom' || side === 'right' ? from + d : from - d;
      let n = 0;
      const len = side === 'top' || side === 'bottom' ? b.x1 - b.x0 : b.y1 - b.y0;
      for (let i = 0; i < len; i++)
        if (side === 'top' || side === 'bottom' ? filled(b.x0 + i, at) : filled(at, b.y0 + i)) n++;
      if (n >= 0.9 * len) full++;
    }
    return full >= 0.8 * depth;
  };
  let b = box;
  for (let grew = true; grew; ) {
    grew = false;
    for (const side of ['bottom', 'top', 'right', 'left'] as const) {
      const depth = side === 'top' || side === 'bottom' ? ch : cw;
      for (let gap = 1; gap <= 4; gap++) {
        const from =
          side === 'bottom'
            ? b.y1 + gap - 1
            : side === 'top'
              ? b.y0 - gap
              : side === 'right'
                ? b.x1 + gap - 1
                : b.x0 - gap;
        if (!band(side, b, from, depth)) continue;
        const to = side === 'bottom' || side === 'right' ? from + depth : from - depth + 1;
        b =
          side === 'bottom'
            ? { ...b, y1: to }
            : side === 'top'
              ? { ...b, y0: to }
              : side === 'right'
                ? { ...b, x1: to }
                : { ...b, x0: to };
        grew = true;
        break;
      }
    }
  }
  return b;
}

/**
 * A noisy image's box without the tick marks inside its edges: at a JPEG's nearer look
 * (tolerance 5.5) an axis's marks, one a cell, 1 px wide and 5 px long with blurred page
 * between them, fill nine tenths of their rows, and a Vega chart's grid of 56 rows was found
 * 4 px past its cells, over its marks (read 57 rows). A line of marks is mostly page (60% or
 * more within 24 levels of it), crossed by six or more dark runs (60 levels from the page),
 * each 3 px wide at most, evenly spaced (all but a fifth of the spaces within 1.5 px of their
 * median, 3 px or more); the lines of marks at an edge, 2 or more, from the edge or after one
 * or two lines that are not (the marks' blur), are cut away. Cells pale as the page, with
 * numbers over them, are crossed unevenly.
 */
function withoutMarks(img: Image, box: Box, bg: readonly number[]): Box {
  const at = (x: number, y: number) => distance(img, y * img.width + x, bg[0]!, bg[1]!, bg[2]!);
  const marksLine = (horizontal: boolean, i: number) => {
    const [from, to] = horizontal ? [box.x0, box.x1] : [box.y0, box.y1];
    let near = 0;
    const middles: number[] = [];
    let run = -1;
    for (let j = from; j <= to; j++) {
      const d = j < to ? (horizontal ? at(j, i) : at(i, j)) : 0;
      if (d <= 24) near++;
      if (d > 60 && run < 0) run = j;
      else if (d <= 60 && run >= 0) {
        if (j - run > 3) return false;
        middles.push((run + j - 1) / 2);
        run = -1;
      }
    }
    if (near < 0.6 * (to - from) || middles.length < 6) return false;
    const gaps = middles.slice(1).map((m, k) => m - middles[k]!);
    const mid = middleOf(gaps);
    return mid >= 3 && gaps.filter((g) => Math.abs(g - mid) > 1.5).length <= gaps.length / 5;
  };
  // How many lines to cut at one edge: lines i(0), i(1)… from the edge in.
  const cut = (horizontal: boolean, line: (k: number) => number, most: number) => {
    let first = 0;
    while (first < 2 && !marksLine(horizontal, line(first))) first++;
    let k = first;
    while (k < most && marksLine(horizontal, line(k))) k++;
    return k - first >= 2 ? k : 0;
  };
  const deep = 8;
  const w = box.x1 - box.x0;
  const h = box.y1 - box.y0;
  if (w < 4 * deep || h < 4 * deep) return box;
  return {
    x0: box.x0 + cut(false, (k) => box.x0 + k, deep),
    x1: box.x1 - cut(false, (k) => box.x1 - 1 - k, deep),
    y0: box.y0 + cut(true, (k) => box.y0 + k, deep),
    y1: box.y1 - cut(true, (k) => box.y1 - 1 - k, deep),
  };
}

/**
 * A box without the frame drawn round it (matplotlib's spines): while its outermost line is
 * one colour from end to end, unlike the line inside it, that line is taken off.
 */
export function withoutFrame(img: Image, box: Box): Box {
  const color = (x: number, y: number) =>
    img.rgb.subarray((y * img.width + x) * 3, (y * img.width + x) * 3 + 3);
  const line = (horizontal: boolean, at: number, b: Box) => {
    const out: Uint8Array[] = [];
    if (horizontal) for (let x = b.x0; x < b.x1; x++) out.push(color(x, at));
    else for (let y = b.y0; y < b.y1; y++) out.push(color(at, y));
    return out;
  };
  // One colour from end to end, but for a few pixels (a frame's blended corners, tick marks).
  const uniform = (l: Uint8Array[]) => {
    const counts = new Map<number, number>();
    for (const c of l) {
      const k = (c[0]! << 16) | (c[1]! << 8) | c[2]!;
      counts.set(k, (counts.get(k) ?? 0) + 1);
    }
    const top = [...counts].sort((a, b) => b[1] - a[1])[0]![0];
    const m = [top >> 16, (top >> 8) & 255, top & 255];
    const same = l.filter(
      (c) =>
        Math.max(Math.abs(c[0]! - m[0]!), Math.abs(c[1]! - m[1]!), Math.abs(c[2]! - m[2]!)) <= 10,
    ).length;
    return same >= 0.85 * l.length;
  };
  const unlike = (a: Uint8Array[], b: Uint8Array[]) => {
    let d = 0;
    for (let i = 0; i < a.length; i++)
      d += Math.max(
        Math.abs(a[i]![0]! - b[i]![0]!),
        Math.abs(a[i]![1]! - b[i]![1]!),
        Math.abs(a[i]![2]! - b[i]![2]!),
      );
    return d / a.length > 40;
  };
  let b = box;
  for (let k = 0; k < 4; k++) {
    const cut = (edge: 'top' | 'bottom' | 'left' | 'right') => {
      const h = edge === 'top' || edge === 'bottom';
      const at =
        edge === 'top' ? b.y0 : edge === 'bottom' ? b.y1 - 1 : edge === 'left' ? b.x0 : b.x1 - 1;
      const inner = edge === 'top' || edge === 'left' ? at + 1 : at - 1;
      const outer = line(h, at, b);
      return uniform(outer) && unlike(outer, line(h, inner, b));
    };
    const next = {
      x0: b.x0 + (cut('left') ? 1 : 0),
      x1: b.x1 - (cut('right') ? 1 : 0),
      y0: b.y0 + (cut('top') ? 1 : 0),
      y1: b.y1 - (cut('bottom') ? 1 : 0),
    };
    if (next.x0 === b.x0 && next.x1 === b.x1 && next.y0 === b.y0 && next.y1 === b.y1) break;
    if (next.x1 - next.x0 < 4 || next.y1 - next.y0 < 4) break;
    b = next;
  }
  return b;
}

/**
 * A grid without the panel's own colour around its cells: ggplot2 expands a scale past its
 * outer tiles (a tenth of a tile each side on a discrete axis, half a tile on a numeric one)
 * and `theme_grey` fills the panel grey (#EBEBEB) there, its white grid lines crossing it; that
 * strip was taken as the grid's edge, and a 8×10 grid read 8×61. A strip is cut where both
 * edges across an axis have one, of lines each one colour from end to end (but for the grid
 * lines across it; nine in ten of its pixels), the same colour on both sides and on every
 * strip, one the colorbar does not hold (more than 12 levels from all its colours: a first
 * row of cells of one value is the bar's), 2 px deep or more, as deep on both sides (within
 * 2 px or a fifth) and at most a quarter of the grid's extent.
 */
export function withoutPanel(img: Image, box: Box, bar: Box, vertical: boolean): Box {
  const w = img.width;
  const rgb = img.rgb;
  // In a noisy image (a JPEG) colours stray by its noise: the tolerances widen by it, a
  // line's colour is the mean of its pixels like it, and colours are compared by their
  // lightness alone (its halved chroma bleeds from the cells: the panel's grey beside them
  // turned blue, 235, 232, 246).
  const noise = img.noise ?? 0;
  const luma = (r: number, g: number, b: number) => 0.299 * r + 0.587 * g + 0.114 * b;
  const pixelGapOf = (p: number, q: number) =>
    noise
      ? Math.abs(luma(rgb[p]!, rgb[p + 1]!, rgb[p + 2]!) - luma(rgb[q]!, rgb[q + 1]!, rgb[q + 2]!))
      : rgbGap(rgb, p, q);
  // The colour of nine in ten of a line's pixels (within 10 levels), or -1.
  const lineTone = (horizontal: boolean, at: number): number => {
    const [from, to] = horizontal ? [box.x0, box.x1] : [box.y0, box.y1];
    const line = pixelLine(img, horizontal, at, from, to);
    const off = line.offset;
    // The middle pixel may be a grid line's: the commonest of three places along the line.
    const { ref: tone, n: like } = commonestAlong(img, line, 10 + noise, pixelGapOf);
    if (like < 0.9 * (to - from)) return -1;
    if (!noise) return colorAt(rgb, tone);
    const sum = [0, 0, 0];
    for (let i = from; i < to; i++)
      if (pixelGapOf(off(i), tone) <= 10 + noise)
        for (let c = 0; c < 3; c++) sum[c]! += rgb[off(i) + c]!;
    const [r, g, b] = sum.map((v) => Math.round(v / like)) as [number, number, number];
    return (r << 16) | (g << 8) | b;
  };
  const rgbGapOf = (a: number, b: number) =>
    noise
      ? Math.abs(luma(a >> 16, (a >> 8) & 255, a & 255) - luma(b >> 16, (b >> 8) & 255, b & 255))
      : Math.max(
          Math.abs((a >> 16) - (b >> 16)),
          Math.abs(((a >> 8) & 255) - ((b >> 8) & 255)),
          Math.abs((a & 255) - (b & 255)),
        );
  const near = (a: number, b: number) => rgbGapOf(a, b) <= 3 + noise / 2;
  // How many lines from an edge inwards are one colour, that of the line after the edge's
  // (the edge's own, one colour too, may be that blended with the page; a JPEG blurs 2 px).
  const blur = noise ? 2 : 1;
  const strip = (horizontal: boolean, from: number, step: number, limit: number) => {
    // (Where the line after is of another colour, the edge is two lines deep: theme_dark's
    // panel ends in a line darker than its fill, then one blended with the page.)
    const first = lineTone(horizontal, from + blur * step);
    const second = lineTone(horizontal, from + (blur + 1) * step);
    const edge = first >= 0 && second >= 0 && !near(first, second) ? blur + 1 : blur;
    const tone = edge === blur ? first : second;
    for (let k = 0; k < edge; k++)
      if (lineTone(horizontal, from + k * step) < 0) return { depth: 0, tone: -1 };
    if (tone < 0) return { depth: 0, tone };
    let depth = edge + 1;
    while (depth <= limit) {
      const t = lineTone(horizontal, from + step * depth);
      if (t >= 0 && near(t, tone)) {
        depth++;
        continue;
      }
      // A grid line along the strip (a numeric axis's, in its margin): lines of one other
      // colour, up to 6, with the strip's own beyond them.
      let k = 1;
      while (k <= 6 && lineTone(horizontal, from + step * (depth + k)) >= 0) {
        const beyond = lineTone(horizontal, from + step * (depth + k));
        if (near(beyond, tone)) break;
        k++;
      }
      const across = t >= 0 && k <= 6 && depth + k <= limit;
      if (!across || !near(lineTone(horizontal, from + step * (depth + k)), tone)) break;
      depth += k + 1;
    }
    return { depth, tone };
  };
  const cut = (horizontal: boolean) => {
    const [lo, hi] = horizontal ? [box.y0, box.y1] : [box.x0, box.x1];
    const limit = Math.floor((hi - lo) / 4);
    const a = strip(horizontal, lo, 1, limit);
    const b = strip(horizontal, hi - 1, -1, limit);
    const depths = [a.depth, b.depth];
    if (Math.min(...depths) < 2 || Math.max(...depths) > limit || !near(a.tone, b.tone))
      return null;
    if (Math.abs(a.depth - b.depth) > Math.max(2, Math.max(...depths) / 5)) return null;
    const crossed =
      stubs(horizontal, lo, a.depth, 1, a.tone) && stubs(horizontal, hi - 1, b.depth, -1, b.tone);
    return { lo: a.depth, hi: b.depth, tone: a.tone, crossed };
  };
  // Whether two or more lines cross a strip from end to end (the grid lines' ends, at most
  // 8 px wide), unlike its colour by more than 10 levels.
  const stubs = (horizontal: boolean, from: number, depth: number, step: number, tone: number) => {
    const [lo, hi] = horizontal ? [box.x0, box.x1] : [box.y0, box.y1];
    const off = (at: number, i: number) => (horizontal ? (at * w + i) * 3 : (i * w + at) * 3);
    const unlike = (at: number, i: number) => rgbGapOf(colorAt(rgb, off(at, i)), tone) > 10;
    // (The strip's outer line, blended with the page, is left out.)
    const lines = Array.from({ length: depth - 1 }, (_, k) => from + step * (k + 1));
    let n = 0;
    for (let i = lo; i < hi; ) {
      if (!lines.every((at) => unlike(at, i))) {
        i++;
        continue;
      }
      let j = i;
      while (j < hi && lines.every((at) => unlike(at, j))) j++;
      if (j - i <= 8) n++;
      i = j;
    }
    return n >= 2;
  };
  const across = cut(true);
  const along = cut(false);
  const tones = [across, along].filter((c) => c !== null);
  if (!tones.length || (across && along && !near(across.tone, along.tone))) return box;
  // The panel's colour is not the colorbar's (more than 12 levels from all its colours), or
  // the grid lines cross its strips: a first row of cells of one value is neither.
  const tone = tones[0]!.tone;
  const scale = sampleColorbar(img, bar, vertical);
  let nearest = Infinity;
  for (let i = 0; i < scale.n; i++) {
    const c = scale.colors;
    const d = Math.max(
      Math.abs(c[i * 3]! - (tone >> 16)),
      Math.abs(c[i * 3 + 1]! - ((tone >> 8) & 255)),
      Math.abs(c[i * 3 + 2]! - (tone & 255)),
    );
    nearest = Math.min(nearest, d);
  }
  if (nearest <= 12 && !tones.every((t) => t.crossed)) return box;
  return {
    x0: box.x0 + (along?.lo ?? 0),
    x1: box.x1 - (along?.hi ?? 0),
    y0: box.y0 + (across?.lo ?? 0),
    y1: box.y1 - (across?.hi ?? 0),
  };
}

/**
 * The inside of a border drawn around the grid apart from its cells (ggplot2's `theme_bw`,
 * `theme_linedraw`, `theme_light`: the panel's outline a tenth of a tile past the outer tiles
 * on a discrete axis, half a tile on a numeric one, the page between with the grid lines'
 * ends crossing it), and the grid within it; or null. On every side, within half the grid's
 * extent (pale cells lost to the page lie between), a line one colour (nine in ten of its
 * pixels within 12 levels of one at a quarter, half or three quarters along it), 20 levels
 * or more from the page (theme_light's grey70 outline, a pixel wide, is 225 on a white page
 * where it falls between two at 100 dpi: at 40, its pale outer tiles, lost to the page, were
 * not found again), as long as the grid's side, 2 px out or more (a line touching the
 * cells under 40 levels from the page, a JPEG's blurred edge of theirs, is passed). The
 * border stands as far out on both sides of an axis: where one side's is further (by more
 * than 2 px), the grid found lost cells there (as pale as the page), and grows by the
 * difference.
 * Lines at the left and below alone are axes' lines (ggplot2's `theme_classic`), the other
 * sides taken as far out (`open`: the caller takes them so again from the grid as its marks
 * give it, which may hold cells the grid found had lost). The tick marks and labels stand
 * outside it, as they do outside matplotlib's frame.
 */
export function withinBorder(
  img: Image,
  grid: Box,
  bg: readonly number[],
): { grid: Box; frame: Box; open: boolean } | null {
  const w = img.width;
  const gap = (p: number) => distance(img, p / 3, bg[0]!, bg[1]!, bg[2]!);
  // How far out the border is on one side, or 0.
  const out = (side: 'left' | 'right' | 'top' | 'bottom') => {
    const horizontal = side === 'top' || side === 'bottom';
    const [from, to] = horizontal ? [grid.x0, grid.x1] : [grid.y0, grid.y1];
    const limit = Math.floor((horizontal ? grid.y1 - grid.y0 : grid.x1 - grid.x0) / 2);
    for (let d = 1; d <= limit; d++) {
      const at =
        side === 'left'
          ? grid.x0 - d
          : side === 'right'
            ? grid.x1 - 1 + d
            : side === 'top'
              ? grid.y0 - d
              : grid.y1 - 1 + d;
      if (at < 0 || at >= (horizontal ? img.height : w)) return 0;
      const line = pixelLine(img, horizontal, at, from, to);
      // (Beside the cells, a line under 40 levels from the page is their own edge blurred,
      // a JPEG's, and is passed; one of 40 or more, a frame drawn at their edge, is no border.)
      const least = d === 1 ? 40 : 20;
      const inked = (p: number) => gap(p) >= least;
      if (commonestAlong(img, line, 12, undefined, inked, inked).n >= 0.9 * (to - from))
        return d >= 2 ? d : 0;
    }
    return 0;
  };
  const [l, r, t, b] = (['left', 'right', 'top', 'bottom'] as const).map(out) as [
    number,
    number,
    number,
    number,
  ];
  // Axis lines at the left and below only (ggplot2's `theme_classic`): as far out on the
  // other two sides, where nothing is drawn.
  if (l && b && !r && !t)
    return {
      grid,
      frame: { x0: grid.x0 - l + 1, x1: grid.x1 + l - 1, y0: grid.y0 - b + 1, y1: grid.y1 + b - 1 },
      open: true,
    };
  if (!l || !r || !t || !b) return null;
  const [mx, my] = [Math.min(l, r), Math.min(t, b)];
  const grow = (d: number, m: number) => (d - m > 2 ? d - m : 0);
  const cells = {
    x0: grid.x0 - grow(l, mx),
    x1: grid.x1 + grow(r, mx),
    y0: grid.y0 - grow(t, my),
    y1: grid.y1 + grow(b, my),
  };
  return {
    grid: cells,
    frame: { x0: grid.x0 - l + 1, x1: grid.x1 + r - 1, y0: grid.y0 - t + 1, y1: grid.y1 + b - 1 },
    open: false,
  };
}
