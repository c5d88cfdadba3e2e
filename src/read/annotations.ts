/**
 * The numbers written over the cells (annotations), read as printed. Each cell's text is the
 * ink unlike the colour of the cell it lies on, parted among a row's cells by centring (a
 * number may run past its cell); it is drawn dark on white (white text on a dark cell as
 * well as black on a light one), scaled to a size text recognition reads well, and a row's
 * cells are read as one line, their texts far apart, each word given to the cell it came from.
 * A cell whose text is not one number is read again alone. The numbers read whole then teach
 * their glyphs (GlyphBook): each is checked against the others', and a digit half hidden
 * under a line is told from them.
 */
import { inTurns } from '../util/turns.ts';
import type { Cells } from './cells.ts';
import { GlyphBook, glyphRuns, inkHoles, runShapes, shownPoint, textHoles } from './glyphs.ts';
import { type Box, distance } from './locate.ts';
import type { Image } from './png.ts';
import { extentOf } from './label-ink.ts';
import { lineOf } from './labels.ts';
import { bilinear, labelNumber, numberText, type Recognize } from './ticks.ts';
import { digitSpan, InkWidths } from './widths.ts';

export interface Annotations {
  /** Each cell's number as printed, row by row (NaN: none, or not read). */
  readonly values: Float64Array;
  /** The text each cell was read as (null: no text in it). */
  readonly texts: readonly (string | null)[];
  /** Cells with text in them, and cells whose text was not read as a number. */
  readonly written: number;
  readonly unread: number;
  /** The most decimals printed (a percentage counts two more: 12.5% is 0.125). */
  readonly decimals: number;
  /** 1 where a piece of text stands over the cell (read or not). */
  readonly inked: Uint8Array;
  /** 1 where the cell prints a missing value ("nan", pandas'; MISSING): it has none. */
  readonly missing: Uint8Array;
  /** Cells whose number is followed by a spread ("0.84±0.02": SPREAD), its value the first. */
  readonly spreads: number;
}

/**
 * A number and its spread after a ± ("0.84±0.02", a mean and its standard deviation, as
 * results tables print them; text recognition reads the ± as a +), both with as many
 * decimals: the number, and the spread. A sum is not printed over a cell.
 */
const SPREAD = /^(-?\d*\.?\d+)\s*(?:±|\+\/?-|\+)\s*(\d*\.?\d+)$/u;

/** The number a cell's text holds before a spread (SPREAD), or null where it holds none. */
export function beforeSpread(text: string): string | null {
  const m = SPREAD.exec(text.trim().replace(/[\u2212\u2013]/gu, '-'));
  if (!m) return null;
  const places = (t: string) => (t.includes('.') ? t.length - t.indexOf('.') - 1 : 0);
  return places(m[1]!) === places(m[2]!) ? m[1]! : null;
}

/**
 * What pandas prints for a missing value in a table (a Styler's `format('{:.2f}')` of NaN,
 * `<NA>` of a nullable column's, `na_rep` "-", "—", "N/A"): read as text, such a cell has no
 * value, and is said to print one missing, not to be misread. (At 2×, a Styler's "—" was
 * read "ee" and its "-" "—": a dash is said to be one, not which.)
 */
const MISSING = /^(nan|NaN|<NA>|NA|None|N\/A|n\/a|null|-|–|—)$/u;

/** A cell's text: its box in the image, and how dark each pixel of it is to be drawn (0–255, 255 ink). */
interface Piece {
  readonly cell: number;
  readonly box: Box;
  readonly ink: Uint8Array;
  /** Whether the text begins with a minus: a short level stroke, apart, at mid-height. */
  readonly minus: boolean;
  /** Whether the ink reaches a line between cells or the grid's side: part of it may be hidden. */
  readonly cut: boolean;
  /** Which side it reaches: its first glyph may show only its right part, its last only its left. */
  readonly cutLeft: boolean;
  readonly cutRight: boolean;
  /** How many glyphs it shows apart (runs of inked columns; touching glyphs are one). */
  readonly glyphs: number;
  /** How wide its digits span, px (digitSpan); null without one. */
  readonly span: number | null;
  /** The decimal point its ink shows, by the digits before and after it (shownPoint); null: none seen. */
  readonly point: { readonly before: number; readonly after: number } | null;
  /** The holes its ink encloses (inkHoles): a 0 has one, a 1 none. */
  readonly holes: number;
  /**
   * Whether its ink has a gap wider than one and a half times its height: several texts in
   * one cell (a number's glyphs, a space of a thousands' separator among them, stand closer).
   */
  readonly apart: boolean;
}

/**
 * Whether a reading is not as wide as its piece's digits (InkWidths.off). A minus the piece
 * does not show is weighed without it too, against the numbers of no sign: a white 6.3 over a
 * pale JPEG cell, read "-3" where no number is negative, had passed (no negative number's
 * width known to say otherwise); one sitting on the cell's edge, outside the piece, leaves its
 * digits as wide as read.
 */
function widthOff(widths: InkWidths, p: Piece, text: string): boolean {
  if (widths.off(text, p.span) !== null) return true;
  return !p.minus && text.startsWith('-') && widths.off(text.slice(1), p.span) !== null;
}

/** A piece's glyphs counted, whether it begins with a minus, its digits' span and the point it shows. */
function glyphsOf(ink: Uint8Array, w: number, h: number) {
  const shapes = runShapes(ink, w, h, glyphRuns(ink, w, h));
  const end = minusEnd(ink, w, h);
  return {
    minus: end !== null,
    glyphs: shapes.length,
    span: digitSpan(ink, w, h, shapes, end ?? 0),
    point: shownPoint(shapes),
    holes: inkHoles(ink, w, h),
  };
}

/**
 * Where a piece of text's leading minus sign ends (the column after it), or null without
 * one: its first inked columns, two at least, hold only a level stroke across the middle (at
 * most a third of the text's height, centred), before the first digit's taller columns begin
 * (at 72 dpi with no gap between), the stroke longer than it is thick. The last such column,
 * taller than the stroke, is the next digit's edge (a 72-dpi 6 or 0 run into the minus): not
 * the stroke's. Text recognition drops a hyphen-minus more often than a digit.
 */
export function minusEnd(ink: Uint8Array, w: number, h: number): number | null {
  const flat: { x: number; y0: number; y1: number }[] = [];
  for (let x = 0; x < w; x++) {
    let y0 = h;
    let y1 = -1;
    for (let y = 0; y < h; y++)
      if (ink[y * w + x]! > 128) {
        y0 = Math.min(y0, y);
        y1 = Math.max(y1, y);
      }
    if (y1 < 0) {
      if (flat.length) break;
      continue;
    }
    const mid = (y0 + y1) / 2;
    if (y1 - y0 + 1 > h / 3 || mid < 0.3 * h || mid > 0.7 * h) break;
    flat.push({ x, y0, y1 });
  }
  const high = (c: { y0: number; y1: number }) => c.y1 - c.y0 + 1;
  const last = flat[flat.length - 1];
  if (last && flat.length > 1 && high(last) > Math.min(...flat.slice(0, -1).map(high))) flat.pop();
  const top = Math.min(...flat.map((c) => c.y0));
  const bottom = Math.max(...flat.map((c) => c.y1));
  return flat.length >= 2 && flat.length > bottom - top + 1 ? flat[flat.length - 1]!.x + 1 : null;
}

/**
 * Whether a piece of text is one level bar, as a dash drawn alone is: one glyph with no hole,
 * its ink (over half dark) a solid run two and a half times as long as it is thick or longer,
 * 3 px long at least. A hyphen is 0.36 em by 0.08, an em dash 1 em; a digit or a point is
 * not so flat.
 */
export function levelBar(p: Pick<Piece, 'box' | 'ink' | 'glyphs' | 'holes'>): boolean {
  if (p.glyphs !== 1 || p.holes !== 0) return false;
  const w = p.box.x1 - p.box.x0;
  const e = extentOf(0, 0, w, p.box.y1 - p.box.y0, (x, y) => p.ink[y * w + x]! > 128);
  if (!e) return false;
  const long = e.x1 - e.x0 + 1;
  const thick = e.y1 - e.y0 + 1;
  return long >= 3 && 2.5 * thick <= long && e.n >= 0.7 * long * thick;
}

/** Ink: a channel more than this away from the cell's colour. */
const INK = 48;

/** A run of inked columns [a, b) along a row, and how many inked pixels it holds. */
interface Run {
  a: number;
  b: number;
  n: number;
}

/** The most runs × cells a row is parted over by centring (a 100×100 grid's row: 50,000). */
const MAX_PARTING = 2_000_000;

/** A speck: a pixel or two (a glyph's end, or a neighbour's, beside a line). */
const speck = (q: Run) => q.n <= 2;

/**
 * A row's runs parted among its cells (each cell's runs [i, j), in order), so that each cell's
 * text is centred on its `centre` (the fewest pixels off centre over the row; specks do not
 * weigh): a run goes to a cell whose centre is not beyond its neighbours'. Null where the runs
 * cannot be parted so (a run across two centres), or are too many (MAX_PARTING).
 */
export function partRuns(
  runs: readonly Run[],
  cols: number,
  centre: (c: number) => number,
): { c: number; i: number; j: number }[] | null {
  const lo = (c: number) => (c > 0 ? centre(c - 1) : -Infinity);
  const hi = (c: number) => (c < cols - 1 ? centre(c + 1) : Infinity);
  // best[j·(cols+1) + c+1]: the least cost of giving the runs before j to cells, the last
  // of them c (-1: none yet); from: the first run and cell of the group before.
  const R = runs.length;
  const S = cols + 1;
  // Its tables grow as runs × cells: a row past this (no legible grid) is not parted so.
  if ((R + 1) * S > MAX_PARTING) return null;
  const firstReal = new Int32Array(R + 1).fill(R);
  const lastReal = new Int32Array(R).fill(-1);
  for (let i = R - 1; i >= 0; i--) firstReal[i] = speck(runs[i]!) ? firstReal[i + 1]! : i;
  for (let i = 0; i < R; i++) lastReal[i] = speck(runs[i]!) ? (i ? lastReal[i - 1]! : -1) : i;
  const best = new Float64Array((R + 1) * S).fill(Infinity);
  const from = new Int32Array((R + 1) * S * 2).fill(-1);
  best[0] = 0;
  for (let i = 0; i < R; i++) {
    const run = runs[i]!;
    // The least cost before run i over the cells before c, and which.
    let least = best[i * S]!;
    let which = -1;
    for (let c = 0; c < cols; c++) {
      if (c > 0 && best[i * S + c]! < least) {
        least = best[i * S + c]!;
        which = c - 1;
      }
      if (least === Infinity || hi(c) <= run.a || run.a < lo(c) - 1) continue;
      for (let j = i + 1; j <= R && runs[j - 1]!.b <= hi(c) + 1; j++) {
        const f = firstReal[i]!;
        const l = lastReal[j - 1]!;
        const off = f < j && l >= i ? Math.abs((runs[f]!.a + runs[l]!.b) / 2 - centre(c)) : 0;
        const cost = least + off;
        const k = j * S + c + 1;
        if (cost < best[k]!) {
          best[k] = cost;
          from[2 * k] = i;
          from[2 * k + 1] = which;
        }
      }
    }
  }
  let end = -1;
  for (let c = 0; c < cols; c++)
    if (best[R * S + c + 1]! < (end < 0 ? Infinity : best[R * S + end + 1]!)) end = c;
  if (end < 0) return null;
  const groups: { c: number; i: number; j: number }[] = [];
  for (let j = R, c = end; j > 0; ) {
    const k = j * S + c + 1;
    const i = from[2 * k]!;
    groups.unshift({ c, i, j });
    [j, c] = [i, from[2 * k + 1]!];
  }
  return groups;
}

/**
 * The cells a piece of text stands over, found as readAnnotations finds them, before any is
 * read, and those whose text stands apart in several (unequalCells): the cells a table's
 * numbers stand over, when its columns were read on a lattice finer than they are, are not
 * every cell; when its columns were not found, each holds a row's numbers.
 */
export function inkedCells(img: Image, grid: Box, cells: Cells): { inked: number; apart: number } {
  const inked = new Uint8Array(cells.rows * cells.cols);
  const apart = new Uint8Array(cells.rows * cells.cols);
  const marks = innerTicks(img, grid, cells);
  for (let r = 0; r < cells.rows; r++)
    for (const piece of rowPieces(img, cells, grid, r, marks)) {
      inked[piece.cell] = 1;
      if (piece.apart) apart[piece.cell] = 1;
    }
  const count = (a: Uint8Array) => a.reduce((s: number, v) => s + v, 0);
  return { inked: count(inked), apart: count(apart) };
}

/**
 * Tick marks drawn into the grid over its outer cells (`direction='in'`: matplotlib's classic
 * style, SciencePlots' and many journals' house styles), as boxes to leave out of the cells'
 * ink. Along each side, the ink that runs in from the grid's edge, off its cell's colour, in
 * runs no more than 3 px across: marks where three or more such runs reach in as far as each
 * other (within a pixel), 2 px or more and under a third of a cell (20 px at most); major
 * marks at the cells' middles and minor ones between are two such lengths. A number that
 * reaches the edge is wider, or alone of its length. Left in, a mark read as a minus ("0.90"
 * read "-0.90") or as a stroke of the number over it, and the outer cells' numbers were
 * taken from their colours: a third of a 6×5 grid's.
 */
export function innerTicks(img: Image, grid: Box, cells: Cells): Box[] {
  const { xs, ys, rows, cols } = cells;
  const X0 = Math.ceil(grid.x0 + xs.origin);
  const X1 = Math.floor(grid.x0 + xs.origin + cols * xs.width) - 1;
  const Y0 = Math.ceil(grid.y0 + ys.origin);
  const Y1 = Math.floor(grid.y0 + ys.origin + rows * ys.width) - 1;
  if (X1 - X0 < 4 || Y1 - Y0 < 4) return [];
  const cellAt = (x: number, y: number) => {
    const c = Math.max(
      0,
      Math.min(cols - 1, Math.floor((x + 0.5 - grid.x0 - xs.origin) / xs.width)),
    );
    const r = Math.max(
      0,
      Math.min(rows - 1, Math.floor((y + 0.5 - grid.y0 - ys.origin) / ys.width)),
    );
    return (r * cols + c) * 3;
  };
  const inked = (x: number, y: number, k: number) =>
    x >= 0 &&
    y >= 0 &&
    x < img.width &&
    y < img.height &&
    distance(img, y * img.width + x, cells.colors[k]!, cells.colors[k + 1]!, cells.colors[k + 2]!) >
      INK;
  const boxes: Box[] = [];
  // One side: its edge's first pixels inside from `from` to `to` along it, the way in.
  const side = (
    along: 'x' | 'y',
    fixed: number,
    from: number,
    to: number,
    inward: 1 | -1,
    most: number,
  ) => {
    const point = (p: number, d: number): [number, number] =>
      along === 'x' ? [p, fixed + inward * d] : [fixed + inward * d, p];
    const lengths: number[] = [];
    for (let p = from; p <= to; p++) {
      const k = cellAt(...point(p, 0));
      let len = 0;
      while (len <= most + 2 && inked(...point(p, len), k)) len++;
      lengths.push(len);
    }
    // Runs of places along the edge with ink reaching in 2 px or more: a mark is 3 px across at most.
    const found: { a: number; b: number; reach: number }[] = [];
    for (let i = 0; i < lengths.length; ) {
      if (lengths[i]! < 2) {
        i++;
        continue;
      }
      let j = i;
      while (j < lengths.length && lengths[j]! >= 2) j++;
      if (j - i <= 3)
        found.push({ a: from + i, b: from + j, reach: Math.max(...lengths.slice(i, j)) });
      i = j;
    }
    const kept = found.filter(
      (f) =>
        f.reach <= most &&
        found.filter((g) => Math.abs(g.reach - f.reach) <= 1 && g.reach <= most).length >= 3,
    );
    for (const f of kept) {
      const [i0, i1] = inward > 0 ? [fixed - 1, fixed + f.reach + 1] : [fixed - f.reach, fixed + 2];
      boxes.push(
        along === 'x'
          ? { x0: f.a - 1, x1: f.b + 1, y0: i0, y1: i1 }
          : { x0: i0, x1: i1, y0: f.a - 1, y1: f.b + 1 },
      );
    }
  };
  const across = Math.min(20, xs.width / 3);
  const down = Math.min(20, ys.width / 3);
  side('y', X0, Y0, Y1, 1, across);
  side('y', X1, Y0, Y1, -1, across);
  side('x', Y0, X0, X1, 1, down);
  side('x', Y1, X0, X1, -1, down);
  return boxes;
}

/**
 * The texts written over one row of cells, each given to its cell. A number wider than its
 * cell runs on past the line between cells into the next one (seaborn's `-10.19` in a 9×10
 * grid at 150 dpi), and part of it can lie under the line, hidden where the text is the
 * line's colour (white on white): the row is looked at whole. Each pixel's ink is how far it
 * is from the colour of the cell it lies in; the columns of a line between cells (inked most
 * of the way down, or at a cell's edge) are hidden, and bridged where the ink on both sides
 * meets (a stroke that crosses the line). The row's runs of inked columns are then parted
 * among the cells so that each cell's text is centred on it, as it is drawn (partRuns).
 */
function rowPieces(
  img: Image,
  cells: Cells,
  grid: Box,
  r: number,
  /** Tick marks drawn over the cells (innerTicks): not their ink. */
  marks: readonly Box[] = [],
): Piece[] {
  const { xs, ys, cols } = cells;
  const my = Math.max(2, Math.ceil(0.06 * ys.width));
  const y0 = Math.max(grid.y0, Math.ceil(grid.y0 + ys.origin + r * ys.width) + my);
  const y1 = Math.min(grid.y1, Math.floor(grid.y0 + ys.origin + (r + 1) * ys.width) - my);
  const X0 = Math.max(grid.x0, Math.ceil(grid.x0 + xs.origin));
  const X1 = Math.min(grid.x1, Math.floor(grid.x0 + xs.origin + cols * xs.width));
  const W = X1 - X0;
  const H = y1 - y0;
  if (W < 3 || H < 3) return [];
  // Clear of the cells' edges by this much (an anti-aliased edge, a JPEG's ringing).
  const mx = Math.max(1, Math.round(0.02 * xs.width));
  const edge = (c: number) => grid.x0 + xs.origin + c * xs.width;
  // A noisy image (a JPEG) rings beside the cells' edges: a pixel more is left out there.
  const ring = (img.noise ?? 0) > 0 ? 0.5 : 0;
  const cellOf = new Int32Array(W);
  const hidden = new Uint8Array(W);
  for (let x = 0; x < W; x++) {
    const mid = X0 + x + 0.5;
    const c = Math.max(0, Math.min(cols - 1, Math.floor((mid - edge(0)) / xs.width)));
    cellOf[x] = c;
    if (mid - edge(c) < mx + ring || edge(c + 1) - mid < mx + ring) hidden[x] = 1;
  }
  const far = new Uint8Array(W * H);
  for (let x = 0; x < W; x++) {
    const k = (r * cols + cellOf[x]!) * 3;
    const [cr, cg, cb] = [cells.colors[k]!, cells.colors[k + 1]!, cells.colors[k + 2]!];
    let inked = 0;
    for (let y = 0; y < H; y++) {
      const d = distance(img, (y0 + y) * img.width + X0 + x, cr, cg, cb);
      far[y * W + x] = d;
      if (d > INK) inked++;
    }
    // A column inked most of the way down is a line between cells (or its rim), not text.
    if (inked > 0.8 * H) hidden[x] = 1;
  }
  for (const m of marks)
    for (let y = Math.max(y0, m.y0); y < Math.min(y1, m.y1); y++)
      for (let x = Math.max(X0, m.x0); x < Math.min(X1, m.x1); x++) far[(y - y0) * W + x - X0] = 0;
  // Hidden columns bridged: ink where the columns on both sides have it (a stroke crossing).
  const bridged = new Uint8Array(W);
  for (let a = 0; a < W; ) {
    if (!hidden[a]) {
      a++;
      continue;
    }
    let b = a;
    while (b < W && hidden[b]) b++;
    for (let y = 0; y < H; y++) {
      const v = a > 0 && b < W ? Math.min(far[y * W + a - 1]!, far[y * W + b]!) : 0;
      for (let x = a; x < b; x++) far[y * W + x] = v;
      if (v > INK) for (let x = a; x < b; x++) bridged[x] = 1;
    }
    a = b;
  }
  // Runs of inked columns, parted at hidden ones too (a stroke bridged across a line may be
  // two numbers' meeting there: the 0 of 11.80 and the minus of -11.28 beyond the line).
  const runs: Run[] = [];
  for (let x = 0; x < W; x++) {
    let n = 0;
    if (!hidden[x]) for (let y = 0; y < H; y++) if (far[y * W + x]! > INK) n++;
    if (!n) continue;
    const last = runs[runs.length - 1];
    if (last && last.b === x) {
      last.b = x + 1;
      last.n += n;
    } else runs.push({ a: x, b: x + 1, n });
  }
  if (!runs.length) return [];
  const centre = (c: number) => xs.origin + (c + 0.5) * xs.width - (X0 - grid.x0);
  const centred = partRuns(runs, cols, centre);
  // The runs [i, j) of each cell's text. A row whose runs cannot be parted so (a run across
  // two centres) is parted at the cells' edges, each run to the cell its middle is in.
  const parted = centred !== null;
  const groups = centred ?? [];
  if (!parted)
    runs.forEach((q, i) => {
      const c = cellOf[Math.floor((q.a + q.b - 1) / 2)]!;
      const g = groups[groups.length - 1];
      if (g && g.c === c) g.j = i + 1;
      else groups.push({ c, i, j: i + 1 });
    });
  const pieces: Piece[] = [];
  for (const g of groups) {
    const { c } = g;
    // A speck at its end (a pixel or two of a glyph beside a line: a neighbour's minus, or
    // what shows of its own last digit) is left out: it reads as a stray mark. One at its
    // start is kept: it may be what shows of its own minus.
    const { i } = g;
    let { j } = g;
    while (j - i > 1 && speck(runs[j - 1]!)) j--;
    const a = runs[i]!.a;
    const b = runs[j - 1]!.b;
    let n = 0;
    let top = H;
    let bottom = -1;
    for (let y = 0; y < H; y++)
      for (let x = a; x < b; x++)
        if (far[y * W + x]! > INK) {
          n++;
          top = Math.min(top, y);
          bottom = Math.max(bottom, y);
        }
    if (n < 4) continue;
    // A pixel of margin keeps the ink's anti-aliased rim.
    const bx0 = Math.max(0, a - 1);
    const bx1 = Math.min(W, b + 1);
    const by0 = Math.max(0, top - 1);
    const by1 = Math.min(H, bottom + 2);
    const w = bx1 - bx0;
    const h = by1 - by0;
    let most = 1;
    for (let y = by0; y < by1; y++)
      for (let x = bx0; x < bx1; x++) most = Math.max(most, far[y * W + x]!);
    const ink = new Uint8Array(w * h);
    for (let y = 0; y < h; y++)
      for (let x = 0; x < w; x++)
        ink[y * w + x] = Math.min(255, Math.round((far[(by0 + y) * W + bx0 + x]! * 255) / most));
    let widest = 0;
    for (let k = i + 1; k < j; k++) widest = Math.max(widest, runs[k]!.a - runs[k - 1]!.b);
    // Part of it may be lost: ink up to a hidden column (a line's) or the grid's side may run
    // on under it, and a stroke bridged across a line may not be as drawn.
    const cutLeft = a === 0 || !parted || hidden[a - 1] === 1;
    const cutRight = b === W || !parted || hidden[b] === 1;
    let cut = cutLeft || cutRight;
    for (let x = a; x < b && !cut; x++) if (bridged[x]) cut = true;
    pieces.push({
      cell: r * cols + c,
      box: { x0: X0 + bx0, y0: y0 + by0, x1: X0 + bx1, y1: y0 + by1 },
      ink,
      cut,
      cutLeft,
      cutRight,
      apart: widest > 1.5 * (bottom - top + 1),
      ...glyphsOf(ink, w, h),
    });
  }
  return pieces;
}

/** How many times text `tall` px high is scaled for text recognition: to about 36 px, 1 to 4 times. */
const stripScale = (tall: number) => Math.max(1, Math.min(4, Math.round(36 / tall)));

/** Pieces side by side on white, dark on light, scaled k times, `gap` px apart, `pad` px of white around: the image and where each piece lies. */
function strip(pieces: readonly Piece[], k: number, gap: number, pad = gap) {
  const h = Math.max(...pieces.map((p) => p.box.y1 - p.box.y0)) * k + 2 * pad;
  const w = pieces.reduce((s, p) => s + (p.box.x1 - p.box.x0) * k + gap, 2 * pad - gap);
  const rgba = new Uint8Array(w * h * 4).fill(255);
  const spans: [number, number][] = [];
  let at = pad;
  for (const p of pieces) {
    const pw = p.box.x1 - p.box.x0;
    const ph = p.box.y1 - p.box.y0;
    const top = pad + Math.floor((h - 2 * pad - ph * k) / 2);
    // Scaled smoothly: text recognition reads blocky glyphs worse.
    const ink = (x: number, y: number) =>
      p.ink[Math.min(ph - 1, Math.max(0, y)) * pw + Math.min(pw - 1, Math.max(0, x))]!;
    for (let y = 0; y < ph * k; y++)
      for (let x = 0; x < pw * k; x++) {
        const v = 255 - Math.round(bilinear(ink, (x + 0.5) / k - 0.5, (y + 0.5) / k - 0.5));
        const q = ((top + y) * w + at + x) * 4;
        rgba[q] = rgba[q + 1] = rgba[q + 2] = v;
      }
    spans.push([at, at + pw * k]);
    at += pw * k + gap;
  }
  return { rgba, width: w, height: h, spans };
}

/**
 * How far a printed number may be from the value its colour shows, beside the colour's own
 * tolerance: a number printed with one decimal ("0.0" for 0.03, seaborn's fmt='.1f') is its
 * value to within 0.05 (half of seaborn's 42 such numbers had been refused as off their
 * colours, held to 0.005); others to 0.005, whole numbers too (seaborn's fmt='d' prints
 * counts as they are; at 0.5, a 72-dpi JPEG's 27 read 21 was taken).
 */
const halfDigit = (d: number) => (d === 1 ? 0.05 : 0.005);

/**
 * Decimals a number is printed with (a percentage two more); in exponent notation, its
 * mantissa's less its exponent, below 0 where its last digit is tens or more (scikit-learn's
 * '.2g' prints 199 as "2e+02", good to ±50: its "e+02" had counted as 5 decimals, ±0.000005).
 */
export function printedDecimals(text: string): number {
  // As labelNumber reads it: a leading zero before digits is a point too small to read.
  const t = numberText(text);
  const e = /^(-?\d+(?:\.(\d*))?)e([+-]?\d+)$/i.exec(t);
  if (e) return (e[2]?.length ?? 0) - Number(e[3]);
  const dot = t.indexOf('.');
  const d = dot < 0 ? 0 : t.replace(/%$/, '').length - dot - 1;
  return d + (t.endsWith('%') ? 2 : 0);
}

/** `x`, digits alone, with the point put back before its last `d` (591 at two decimals is 5.91); else `x`. */
function withPoint(x: string, d: number): string {
  return d > 0 && /^-?\d+$/.test(x) && x.replace('-', '').length > d
    ? `${x.slice(0, x.length - d)}.${x.slice(x.length - d)}`
    : x;
}

/**
 * The readings a piece gave twice (each later time). A cut piece's text may have lost part of
 * a digit at its side, under a line of its own colour: only such a reading is trusted (an
 * icefire "-11.63", its minus and the foot of its 3 hidden, was read "11.6", "11.62", "11.6-").
 */
const twice = (readings: readonly string[]) => readings.filter((t, i) => readings.indexOf(t) !== i);

/** Reads the numbers written over the cells of a grid. */
export async function readAnnotations(
  img: Image,
  grid: Box,
  cells: Cells,
  recognize: Recognize,
  /**
   * Whether a reading is one its cell's colour allows, printed to within `half` (half its
   * last digit, two decimals' at most).
   */
  plausible: (cell: number, value: number, half: number) => boolean = () => true,
  /** How many strips to read at once (the readers `recognize` has). */
  parallel = 1,
  /** Reads a line of text (not numbers only): a number not read is then asked for as text (MISSING). */
  recognizeText: Recognize | null = null,
): Promise<Annotations> {
  const n = cells.rows * cells.cols;
  const values = new Float64Array(n).fill(Number.NaN);
  const texts: (string | null)[] = new Array(n).fill(null);
  let written = 0;
  let unread = 0;
  /** Decimals each number was printed with, counted: the commonest is the format's. */
  const printed = new Map<number, number>();
  /** The widths of the numbers the lines read whole, once the lines are read (see InkWidths). */
  let widths: InkWidths | null = null;
  /** Cells read with a spread after their number (SPREAD): their ink is wider than it. */
  const spread = new Set<number>();
  const take = (piece: Piece, read: string): boolean => {
    const cell = piece.cell;
    // A spread after the number: its value is the number (the ink is the whole text's).
    const before = beforeSpread(read);
    const text = before ?? read;
    const v = labelNumber(text);
    // A piece that begins with a minus is not read without one, nor one that shows two glyphs
    // more than the reading has characters (a JPEG's 3.71 read as 3; one more may be a speck).
    if (
      v === null ||
      (piece.minus && !text.startsWith('-')) ||
      piece.glyphs >= numberText(read).length + 2 ||
      // A spread shows its glyphs: "12" read "1+2" is not one (a point is no glyph apart).
      (before !== null && piece.glyphs < read.replace(/[.\s]/gu, '').length - 1) ||
      // Ink with more holes than the reading's characters have is not it: a line of twenty
      // counts read a 0 as "1" three times in a 20×20 confusion matrix, and its pale colour
      // allowed either. (Fewer is no sign: a small glyph's counter may fill in.)
      piece.holes > textHoles(read) ||
      (widths !== null && !piece.cut && before === null && widthOff(widths, piece, text)) ||
      !plausible(cell, v, halfDigit(printedDecimals(text)))
    )
      return false;
    texts[cell] = text;
    values[cell] = v;
    if (before !== null) spread.add(cell);
    else spread.delete(cell);
    const d = printedDecimals(text);
    printed.set(d, (printed.get(d) ?? 0) + 1);
    return true;
  };
  // Pieces no reading of which its colour allowed, with what they were read as.
  const doubtful: { piece: Piece; readings: string[] }[] = [];
  /** Decimals counted: the commonest (the first of a tie), how many have them, of how many. */
  const commonest = (counts: ReadonlyMap<number, number>) => {
    let all = 0;
    let best = 0;
    let most = 0;
    for (const [d, k] of counts) {
      all += k;
      if (k > most) [best, most] = [d, k];
    }
    return { decimals: best, most, all };
  };
  /** The numbers taken so far: their commonest decimals (the format's). */
  const formatSoFar = () => commonest(printed);
  /**
   * Decimals the colours ask of readings that lost their point: a reading of digits alone
   * votes for the one place of a point (1 to 4 from the right) that makes it a number its
   * colour allows, either sign (a 72-dpi line drops almost every point: "1127" whose colour
   * allows 11.27 and no other place of the point is 11.27).
   */
  const voted = new Map<number, number>();
  const noisy = (img.noise ?? 0) > 0;
  /** The format's decimals once three numbers or more are read and three in four share them; else 0. */
  const provisional = () => {
    const f = formatSoFar();
    if (f.all >= 3 && f.most >= 0.75 * f.all) return f.decimals;
    // Too few read yet: the colours' votes, as many and as agreed.
    const v = commonest(voted);
    return v.all >= 3 && v.most >= 0.75 * v.all ? v.decimals : 0;
  };
  /**
   * A reading taken with the minus the piece shows put back (text recognition drops a
   * hyphen-minus more often than a digit), or read for the 1 it begins with (a 150-dpi JPEG's
   * -10.82 read "110.82": the minus and a speck of ringing as a one); only a reading with a
   * decimal point, and as its colour allows.
   */
  const takeSigned = (p: Piece, t: string) =>
    p.minus && t.includes('.') && !t.startsWith('-') && (take(p, `-${t}`) || oneAsMinus(p, t));
  /** `t`'s first 1 taken as the minus it was read for, as the colour allows ("110.82" is -10.82). */
  const oneAsMinus = (p: Piece, t: string) => /^1\d*\./.test(t) && take(p, `-${t.slice(1)}`);
  const clean = (words: readonly { text: string }[]) =>
    words
      .map((w) => w.text)
      .join('')
      .replace(/\s+/g, '');
  // Each row's cells read as one line first, all of them (as many at once as there are
  // readers), so that the format (the decimals most numbers are printed with) is known from
  // the whole grid before a reading that lost its decimal point is mended with it or its
  // piece read again alone.
  const marks = innerTicks(img, grid, cells);
  const rows = await inTurns(
    Array.from({ length: cells.rows }, (_, r) => r),
    parallel,
    async (r) => {
      const pieces = rowPieces(img, cells, grid, r, marks);
      if (!pieces.length) return null;
      // Text about 36 px high reads best; apart by two of its heights, a character's width
      // and more, with one of white around (half of that lost 1 in 10 numbers of the JPEGs;
      // two, as before, read no more right and took longer).
      const tall = Math.max(...pieces.map((p) => p.box.y1 - p.box.y0));
      const k = stripScale(tall);
      const gap = 2 * tall * k;
      const s = strip(pieces, k, gap, tall * k);
      const words = await recognize(s.rgba, s.width, s.height);
      const said = pieces.map(() => [] as { text: string }[]);
      for (const w of words) {
        const mid = (w.box.x0 + w.box.x1) / 2;
        const j = s.spans.findIndex(([a, b]) => mid >= a - gap / 2 && mid <= b + gap / 2);
        if (j >= 0) said[j]!.push(w);
      }
      return { pieces, said, k, tall };
    },
  );
  /** The pieces the line did not give a number its colour allows, with their readings so far. */
  const lines: { p: Piece; readings: string[]; sizes: number[]; pad: number }[] = [];
  /**
   * Alone, at two sizes: a piece the line did not give a number its colour allows; one
   * clear of its cell's sides at two more (a 72-dpi "95" read as "%" at 4 and 5 times,
   * as 95 at 6; a "94" as 94 at 3 times only). A cut piece is not: part of its last
   * digit may be hidden (under a line of its own colour), and more tries find a wrong
   * one its colour allows (an icefire "-11.63" read as "-11.62").
   */
  const again = (p: Piece, k: number, tall: number) => {
    const sizes = p.cut ? [k, k + 1] : k > 1 ? [k, k + 1, k + 2, k - 1] : [k, k + 1, k + 2];
    lines.push({ p, readings: readingsOf.get(p.cell)!, sizes, pad: tall * k });
  };
  // Decimals the lines read with a point, counted: a point the ink shows is put back into a
  // reading of digits alone only where other numbers were read with as many decimals.
  const withPointRead = new Map<number, number>();
  for (const row of rows)
    for (const words of row?.said ?? []) {
      const t = numberText(clean(words));
      if (/^-?\d+\.\d+$/.test(t)) {
        const d = printedDecimals(t);
        withPointRead.set(d, (withPointRead.get(d) ?? 0) + 1);
      }
    }
  /**
   * A reading of digits alone with the point the piece's ink shows put back ("24" for a
   * white 2.4, its point lost: shownPoint), where as many digits stand apart as were read and
   * other numbers were read with a point and as many decimals; else the reading.
   */
  const pointed = (p: Piece, read: string): string => {
    const t = numberText(read);
    const m = /^(-?)(\d+)$/.exec(t);
    if (!m || !p.point || !withPointRead.get(p.point.after)) return read;
    const { before, after } = p.point;
    const digits = m[2]!;
    if (digits.length !== before + after) return read;
    return `${m[1]}${digits.slice(0, before)}.${digits.slice(before)}`;
  };
  /** Every piece, each by its cell, and what each was read as. */
  const all: Piece[] = [];
  const pieceAt = new Map<number, Piece>();
  const readingsOf = new Map<number, string[]>();
  for (const row of rows) {
    if (!row) continue;
    const { pieces, said, k, tall } = row;
    written += pieces.length;
    pieces.forEach((p, j) => {
      const t = pointed(p, clean(said[j]!));
      all.push(p);
      pieceAt.set(p.cell, p);
      readingsOf.set(p.cell, [t]);
      if (take(p, t)) return;
      again(p, k, tall);
    });
  }
  // The widths of the numbers read whole on their lines (InkWidths): one of them a digit
  // short of its ink (a thin digit run into the next: a 72-dpi JPEG's 0.91 read "09") or a
  // digit long (a neighbour's digits run in) is read again, and no later reading so is taken.
  widths = new InkWidths();
  for (const p of all) {
    const t = texts[p.cell];
    if (!p.cut && t && values[p.cell] === values[p.cell] && !spread.has(p.cell))
      widths.add(t, p.span);
  }
  for (const p of all) {
    const t = texts[p.cell];
    if (p.cut || !t || values[p.cell] !== values[p.cell] || spread.has(p.cell)) continue;
    if (!widthOff(widths, p, t)) continue;
    const d = printedDecimals(t);
    printed.set(d, printed.get(d)! - 1);
    texts[p.cell] = null;
    values[p.cell] = Number.NaN;
    spread.delete(p.cell);
    // Its line's scale and text height.
    const { k, tall } = rows[Math.floor(p.cell / cells.cols)]!;
    again(p, k, tall);
  }
  /**
   * A reading taken as text recognition is known to lose it: the minus the piece shows put
   * back (a hyphen-minus is dropped more often than a digit), or the decimal point (a line
   * drops a small one more often than not: 72 dpi, 116 of 120 numbers read without one) once
   * three numbers in four read so far share a format, and the minus with it. Read so twice
   * (the line's reading and one alone, or two alone), a minus the piece does not show is put
   * back where its colour allows the negative number and not the unsigned (at 72 dpi the
   * minus sits on the cell's edge, outside the piece). A cut piece (its last digit may be
   * lost) is mended only so, read alike twice; in a clean image, read once, as its digits with
   * the format's point put back.
   */
  const mend = (p: Piece, t: string, readings: readonly string[]) => {
    const format = provisional();
    const dotted = withPoint(t, format);
    const alike = readings.filter((r) => withPoint(r, format) === dotted).length >= 2;
    // A cut piece read once: in a clean image (not a JPEG, whose digits are misread more
    // often as others the colour allows) only as its digits with the format's point put back
    // (a digit lost at its side leaves too few for the colour to allow); else not.
    if (p.cut && !alike)
      return !noisy && dotted !== t && (take(p, dotted) || takeSigned(p, dotted));
    if (takeSigned(p, t)) return true;
    if (dotted !== t && (take(p, dotted) || takeSigned(p, dotted))) return true;
    return (
      alike &&
      format > 0 &&
      !dotted.startsWith('-') &&
      printedDecimals(dotted) === format &&
      (take(p, `-${dotted}`) || oneAsMinus(p, dotted))
    );
  };
  // The colours' votes (see voted), from the lines' readings of digits alone.
  for (const { p, readings } of lines) {
    const t = readings[0]!;
    if (!/^-?\d+$/.test(t)) continue;
    const at = [1, 2, 3, 4].filter((d) => {
      const v = Math.abs(Number(t)) / 10 ** d;
      return plausible(p.cell, v, halfDigit(d)) || plausible(p.cell, -v, halfDigit(d));
    });
    if (at.length === 1) voted.set(at[0]!, (voted.get(at[0]!) ?? 0) + 1);
  }
  // The line's reading mended; else the piece read alone at each of its sizes in turn, all
  // pieces still unread at once, each reading weighed in the pieces' order (the same
  // readings and choices however many readers there are).
  let pending = lines.filter(({ p, readings }) => !mend(p, readings[0]!, readings));
  for (let round = 0; pending.length; round++) {
    const now = pending.filter((l) => round < l.sizes.length);
    for (const l of pending)
      if (round >= l.sizes.length) doubtful.push({ piece: l.p, readings: l.readings });
    const read = await inTurns(now, parallel, async ({ p, sizes, pad }) => {
      const one = strip([p], sizes[round]!, 0, pad);
      return clean(await recognize(one.rgba, one.width, one.height));
    });
    pending = now.filter((l, i) => {
      const t = pointed(l.p, read[i]!);
      l.readings.push(t);
      return !(take(l.p, t) || mend(l.p, t, l.readings));
    });
  }
  // What text recognition drops, put back where the image shows it and the colour allows it:
  // a minus the piece begins with, and a decimal point too small to read (591 printed with
  // the format's two decimals is 5.91); then a minus the colour alone asks for.
  const format = formatSoFar().decimals;
  const dotted = (x: string) => withPoint(x, format);
  for (const { piece, readings } of doubtful) {
    // A cut piece (a digit at its side may be hidden): a reading it gave twice first; then one
    // read alone showing every decimal of the format (a 72-dpi JPEG's -20.70 was read "207"
    // on its line, "20.70" and "20.7" alone); last its line's digits with the format's point
    // ("-757" is -7.57, where two readings alone gave -1.57, which its colour refuses).
    // Readings once are taken only as its colour allows them, to a JPEG's noise once.
    const sure = piece.cut
      ? [
          ...twice(readings),
          ...readings
            .slice(1)
            .filter((t) => printedDecimals(t) === format && /^-?\d+\.\d+$/.test(numberText(t))),
          ...(/^-?\d+$/.test(readings[0]!) && readings[0]!.replace('-', '').length > format
            ? [dotted(readings[0]!)]
            : []),
        ]
      : readings;
    const mended = sure.flatMap((t) => {
      const signed = piece.minus && !t.startsWith('-') ? `-${t}` : t;
      // Last, a minus the piece's shape did not show (at 72 dpi it can sit on the cell's
      // edge): taken only where the colour allows the negative number and not the unsigned.
      const negative = t.startsWith('-') ? [] : [`-${dotted(t)}`, `-${t}`];
      return [signed, dotted(signed), dotted(t), ...negative];
    });
    // Readings with the format's decimals first: a leading zero is taken for a point lost
    // ("-09" is -0.9), and such a reading of "-0.93" would be taken before its own.
    mended.sort((a, b) => +(printedDecimals(a) !== format) - +(printedDecimals(b) !== format));
    if (!mended.some((t) => take(piece, t))) {
      // Read, but not as its colour shows it: the last reading that is a number is kept as
      // its text, the value left out (readValues reads the colour instead).
      texts[piece.cell] = readings.find((t) => labelNumber(t) !== null) ?? readings[0] ?? '';
      unread++;
    }
  }
  // The glyphs of the numbers read whole, learnt (each as its cell's).
  const book = new GlyphBook();
  const size = (p: Piece) => [p.box.x1 - p.box.x0, p.box.y1 - p.box.y0] as const;
  for (const p of all) {
    const t = texts[p.cell];
    // (Not a number with a spread after it: its ink holds more glyphs than its text.)
    if (!p.cut && t && values[p.cell] === values[p.cell] && !spread.has(p.cell))
      book.learn(p.ink, ...size(p), t, p.cell);
  }
  const digits = (s: string) => s.replace(/[^0-9]/g, '');
  /** `g` with the minus text recognition read in `t` (the glyphs' minus may be a speck left out). */
  const signedAs = (g: string, t: string) =>
    t.startsWith('-') && !g.startsWith('-') ? `-${g}` : g;
  // Each number read whole checked against the glyphs of the others (its own left out):
  // where they tell it as another number (a JPEG's 7.21 read as 7.23), that one is taken
  // if its colour allows it; else neither.
  for (const p of all) {
    const t = texts[p.cell];
    if (p.cut || !t || values[p.cell] !== values[p.cell] || spread.has(p.cell)) continue;
    const g = book.read(p.ink, ...size(p), false, false, p.cell);
    if (!g || digits(g) === digits(t)) continue;
    const s = signedAs(g, t);
    // The same number (a point text recognition lost: "09" for 0.90) is taken as told;
    // one told with another shape (glyphs that touch told as one) says nothing.
    if (labelNumber(s) === labelNumber(t)) {
      take(p, s);
      continue;
    }
    if (s.length !== t.length || s.indexOf('.') !== t.indexOf('.')) continue;
    if (printedDecimals(s) === printedDecimals(t) && take(p, s)) continue;
    values[p.cell] = Number.NaN;
    unread++;
  }
  // Where three numbers in four or more have one format's decimals: one read with fewer,
  // whose ink reaches its cell's side, was cut short (its last digit ran past the cell, a
  // number wider than the cell, and was lost under the line or the next cell's text), or
  // that shows more glyphs than it was read with lost one (a 72-dpi JPEG's 0.91 read "09");
  // one read with more holds stray marks. Not read, rather than read wrong.
  if (format > 0 && (printed.get(format) ?? 0) >= 0.75 * formatSoFar().all) {
    for (let i = 0; i < n; i++) {
      const t = texts[i];
      const p = pieceAt.get(i);
      const d = t ? printedDecimals(t) : format;
      const lost = !!p && !spread.has(i) && (p.cut || (!!t && p.glyphs > numberText(t).length));
      if (values[i] === values[i] && ((lost && d < format) || d > format)) {
        values[i] = Number.NaN;
        unread++;
      }
    }
  }
  // A cut piece (its last glyph, or its first, partly hidden under a line of its colour):
  // read glyph by glyph against the glyphs of the numbers read whole. Left unread, it is
  // taken so where text recognition read every digit before the hidden one alike; read, its
  // last digit is taken so where text recognition read another (a 7 whose right half is
  // hidden was read as a 3). Either where the colour allows it.
  /** Whether text recognition's `r` is `g`'s digits, or all of them but the last. */
  const before = (g: string, r: string) =>
    digits(g).startsWith(digits(r)) && digits(r).length >= digits(g).length - 1;
  /** Taken, or with the minus its colour asks for (one under a line shows a speck at most). */
  const signed = (p: Piece, t: string) => take(p, t) || (!t.startsWith('-') && take(p, `-${t}`));
  for (const p of all) {
    if (!p.cut) continue;
    const g = book.read(p.ink, ...size(p), p.cutLeft, p.cutRight);
    const read = values[p.cell] === values[p.cell] ? texts[p.cell]! : null;
    if (g && printedDecimals(g) === format) {
      if (read !== null) {
        if (digits(read) !== digits(g) && before(g, digits(read).slice(0, -1)))
          take(p, signedAs(g, read));
        continue;
      }
      if (readingsOf.get(p.cell)!.some((r) => before(g, r)) && signed(p, g)) {
        unread--;
        continue;
      }
    }
    if (read !== null || !p.cutRight) continue;
    // Not told glyph by glyph (a JPEG's: a minus run into the digit after it, glyphs
    // blurred): the last glyph alone, after what text recognition read before it, with
    // the format's decimals (its reading of the hidden digit replaced), the readings
    // alike more often first.
    const d = book.last(p.ink, ...size(p));
    if (d === null || !/\d/.test(d)) continue;
    const alike = new Map<string, number>();
    for (const r of readingsOf.get(p.cell)!) {
      const m = /^(-?\d+)\.(\d*)/.exec(numberText(r));
      if (!m) continue;
      const dec = m[2]!;
      const t =
        dec.length === format
          ? `${m[1]}.${dec.slice(0, -1)}${d}`
          : dec.length === format - 1
            ? `${m[1]}.${dec}${d}`
            : null;
      if (t) alike.set(t, (alike.get(t) ?? 0) + 1);
    }
    const order = [...alike].sort((x, y) => y[1] - x[1]).map(([t]) => t);
    if (order.some((t) => signed(p, t))) unread--;
  }
  // Pieces still unread, whole (not cut), in which no digit was read alone, read as text: a
  // missing value printed ("nan" in a Styler table of scores: two such cells had been said
  // misread). (A number misread shows digits read alone: it is not read again.)
  const missing = new Uint8Array(n);
  const left = all.filter(
    (p) =>
      !p.cut &&
      values[p.cell] !== values[p.cell] &&
      (readingsOf.get(p.cell) ?? []).slice(1).every((r) => !/\d/.test(r)),
  );
  // A dash alone (na_rep "-", "–" or "—") is told by its shape, one level bar (text
  // recognition read a 2× "—" as "ee"); which dash, by its length, is not told.
  for (const p of left)
    if (levelBar(p)) {
      missing[p.cell] = 1;
      texts[p.cell] = '-';
      unread--;
    }
  if (recognizeText) {
    const asText = left.filter((p) => !missing[p.cell]);
    const said = await inTurns(asText, parallel, async (p) => {
      const tall = p.box.y1 - p.box.y0;
      const k = stripScale(tall);
      const one = strip([p], k, 0, tall * k);
      return lineOf(await recognizeText(one.rgba, one.width, one.height)).text;
    });
    asText.forEach((p, i) => {
      if (!MISSING.test(said[i]!)) return;
      missing[p.cell] = 1;
      // (A dash is told from a hyphen by its length, which text recognition mistakes: "-".)
      texts[p.cell] = /^[-–—]$/u.test(said[i]!) ? '-' : said[i]!;
      unread--;
    });
  }
  // The most decimals of the numbers kept (one taken and dropped again does not count: a
  // 20×20 matrix of counts had been given one decimal by a reading read anew).
  let decimals = 0;
  texts.forEach((t, i) => {
    if (t !== null && !missing[i]) decimals = Math.max(decimals, printedDecimals(t));
  });
  const inked = new Uint8Array(n);
  for (const p of all) inked[p.cell] = 1;
  return { values, texts, written, unread, decimals, inked, missing, spreads: spread.size };
}
