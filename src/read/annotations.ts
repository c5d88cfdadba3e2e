/**
 * The numbers written over the cells (annotations), read as printed. Each cell's text is the
 * ink unlike the cell's own colour; it is drawn dark on white (white text on a dark cell as
 * well as black on a light one), scaled to a size text recognition reads well, and a row's
 * cells are read as one line, their texts far apart, each word given to the cell it came from.
 * A cell whose text is not one number is read again alone.
 */
import { inTurns } from '../util/turns.ts';
import type { Cells } from './cells.ts';
import { type Box, distance } from './locate.ts';
import type { Image } from './png.ts';
import { bilinear, labelNumber, numberText, type Recognize } from './ticks.ts';

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
}

/** A cell's text: its box in the image, and how dark each pixel of it is to be drawn (0–255, 255 ink). */
interface Piece {
  readonly cell: number;
  readonly box: Box;
  readonly ink: Uint8Array;
  /** Whether the text begins with a minus: a short level stroke, apart, at mid-height. */
  readonly minus: boolean;
  /** Whether the ink reaches the side of the cell's area: the text may run on past it. */
  readonly cut: boolean;
}

/**
 * Whether a piece of text begins with a minus sign: its first inked columns, two at least,
 * hold only a level stroke across the middle (at most a third of the text's height, centred),
 * before the first digit's taller columns begin (at 72 dpi with no gap between). Text
 * recognition drops a hyphen-minus more often than a digit.
 */
function leadingMinus(ink: Uint8Array, w: number, h: number): boolean {
  let flat = 0;
  let top = h;
  let bottom = -1;
  for (let x = 0; x < w; x++) {
    let y0 = h;
    let y1 = -1;
    for (let y = 0; y < h; y++)
      if (ink[y * w + x]! > 128) {
        y0 = Math.min(y0, y);
        y1 = Math.max(y1, y);
      }
    if (y1 < 0) {
      if (flat) break;
      continue;
    }
    const mid = (y0 + y1) / 2;
    if (y1 - y0 + 1 > h / 3 || mid < 0.3 * h || mid > 0.7 * h) break;
    flat++;
    top = Math.min(top, y0);
    bottom = Math.max(bottom, y1);
  }
  return flat >= 2 && flat > bottom - top + 1;
}

/** Ink: a channel more than this away from the cell's colour. */
const INK = 48;

/** The text in one cell: its ink's box (inside the cell, clear of its edges), or null for a plain cell. */
function pieceOf(img: Image, cells: Cells, grid: Box, r: number, c: number): Piece | null {
  const { xs, ys } = cells;
  const i = r * cells.cols + c;
  const col = cells.colors.subarray(i * 3, i * 3 + 3);
  // Clear of the cell's edges (a wide number's minus comes near its cell's left edge; lines
  // drawn between cells are left out below).
  const mx = Math.max(1, Math.round(0.02 * xs.width));
  const my = Math.max(2, Math.ceil(0.06 * ys.width));
  const x0 = Math.max(grid.x0, Math.ceil(grid.x0 + xs.origin + c * xs.width) + mx);
  const x1 = Math.min(grid.x1, Math.floor(grid.x0 + xs.origin + (c + 1) * xs.width) - mx);
  const y0 = Math.max(grid.y0, Math.ceil(grid.y0 + ys.origin + r * ys.width) + my);
  const y1 = Math.min(grid.y1, Math.floor(grid.y0 + ys.origin + (r + 1) * ys.width) - my);
  if (x1 - x0 < 3 || y1 - y0 < 3) return null;
  const far = (x: number, y: number) => distance(img, y * img.width + x, col[0]!, col[1]!, col[2]!);
  // A column inked most of the way down is a line between cells (or its anti-aliased rim),
  // not text.
  const line = new Uint8Array(x1 - x0);
  for (let x = x0; x < x1; x++) {
    let inked = 0;
    for (let y = y0; y < y1; y++) if (far(x, y) > INK) inked++;
    line[x - x0] = inked > 0.8 * (y1 - y0) ? 1 : 0;
  }
  let bx0 = x1;
  let by0 = y1;
  let bx1 = x0;
  let by1 = y0;
  let n = 0;
  for (let y = y0; y < y1; y++)
    for (let x = x0; x < x1; x++)
      if (!line[x - x0] && far(x, y) > INK) {
        n++;
        bx0 = Math.min(bx0, x);
        bx1 = Math.max(bx1, x + 1);
        by0 = Math.min(by0, y);
        by1 = Math.max(by1, y + 1);
      }
  if (n < 4) return null;
  // A pixel of margin keeps the ink's anti-aliased rim.
  const box = {
    x0: Math.max(x0, bx0 - 1),
    y0: Math.max(y0, by0 - 1),
    x1: Math.min(x1, bx1 + 1),
    y1: Math.min(y1, by1 + 1),
  };
  const w = box.x1 - box.x0;
  const h = box.y1 - box.y0;
  // How far from the cell's colour, stretched so that the text's strongest pixel is black.
  const text = (x: number, y: number) => (line[x - x0] ? 0 : far(x, y));
  let most = 1;
  for (let y = box.y0; y < box.y1; y++)
    for (let x = box.x0; x < box.x1; x++) most = Math.max(most, text(x, y));
  const ink = new Uint8Array(w * h);
  for (let y = 0; y < h; y++)
    for (let x = 0; x < w; x++)
      ink[y * w + x] = Math.min(255, Math.round((text(box.x0 + x, box.y0 + y) * 255) / most));
  // Ink up to the area's side (past the margin, or up to a line between cells): the text
  // may run on past its cell.
  const cut = bx0 <= x0 || bx1 >= x1 || line[bx0 - 1 - x0] === 1 || line[bx1 - x0] === 1;
  return { cell: i, box, ink, minus: leadingMinus(ink, w, h), cut };
}

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

/** Decimals a number is printed with (a percentage two more). */
export function printedDecimals(text: string): number {
  // As labelNumber reads it: a leading zero before digits is a point too small to read.
  const t = numberText(text);
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
  plausible: (cell: number, value: number) => boolean = () => true,
  /** How many strips to read at once (the readers `recognize` has). */
  parallel = 1,
): Promise<Annotations> {
  const n = cells.rows * cells.cols;
  const values = new Float64Array(n).fill(Number.NaN);
  const texts: (string | null)[] = new Array(n).fill(null);
  let written = 0;
  let unread = 0;
  let decimals = 0;
  /** Cells whose ink reaches their area's side (see Piece.cut). */
  const cut = new Uint8Array(n);
  /** Decimals each number was printed with, counted: the commonest is the format's. */
  const printed = new Map<number, number>();
  const take = (piece: Piece, text: string): boolean => {
    const cell = piece.cell;
    const v = labelNumber(text);
    // A piece that begins with a minus is not read without one.
    if (v === null || (piece.minus && !text.startsWith('-')) || !plausible(cell, v)) return false;
    texts[cell] = text;
    values[cell] = v;
    const d = printedDecimals(text);
    decimals = Math.max(decimals, d);
    printed.set(d, (printed.get(d) ?? 0) + 1);
    return true;
  };
  // Pieces no reading of which its colour allowed, with what they were read as.
  const doubtful: { piece: Piece; readings: string[] }[] = [];
  /** The numbers taken so far: their commonest decimals (the format's; the first of a tie), how many have them, of how many. */
  const formatSoFar = () => {
    let all = 0;
    let best = 0;
    let most = 0;
    for (const [d, k] of printed) {
      all += k;
      if (k > most) [best, most] = [d, k];
    }
    return { decimals: best, most, all };
  };
  /** The format's decimals once three numbers or more are read and three in four share them; else 0. */
  const provisional = () => {
    const f = formatSoFar();
    return f.all >= 3 && f.most >= 0.75 * f.all ? f.decimals : 0;
  };
  /**
   * A reading taken with the minus the piece shows put back (text recognition drops a
   * hyphen-minus more often than a digit); only a reading with a decimal point.
   */
  const takeSigned = (p: Piece, t: string) =>
    p.minus && t.includes('.') && !t.startsWith('-') && take(p, `-${t}`);
  const clean = (words: readonly { text: string }[]) =>
    words
      .map((w) => w.text)
      .join('')
      .replace(/\s+/g, '');
  // Each row's cells read as one line first, all of them (as many at once as there are
  // readers), so that the format (the decimals most numbers are printed with) is known from
  // the whole grid before a reading that lost its decimal point is mended with it or its
  // piece read again alone.
  const rows = await inTurns(
    Array.from({ length: cells.rows }, (_, r) => r),
    parallel,
    async (r) => {
      const pieces: Piece[] = [];
      for (let c = 0; c < cells.cols; c++) {
        const p = pieceOf(img, cells, grid, r, c);
        if (p) pieces.push(p);
      }
      if (!pieces.length) return null;
      // Text about 36 px high reads best; apart by two of its heights, a character's width
      // and more, with one of white around (half of that lost 1 in 10 numbers of the JPEGs;
      // two, as before, read no more right and took longer).
      const tall = Math.max(...pieces.map((p) => p.box.y1 - p.box.y0));
      const k = Math.max(1, Math.min(4, Math.round(36 / tall)));
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
  for (const row of rows) {
    if (!row) continue;
    const { pieces, said, k, tall } = row;
    written += pieces.length;
    pieces.forEach((p, j) => {
      if (p.cut) cut[p.cell] = 1;
      const t = clean(said[j]!);
      if (take(p, t)) return;
      // Alone, at two sizes: a piece the line did not give a number its colour allows; one
      // clear of its cell's sides at two more (a 72-dpi "95" read as "%" at 4 and 5 times,
      // as 95 at 6; a "94" as 94 at 3 times only). A cut piece is not: part of its last
      // digit may be hidden (under a line of its own colour), and more tries find a wrong
      // one its colour allows (an icefire "-11.63" read as "-11.62").
      const sizes = p.cut ? [k, k + 1] : k > 1 ? [k, k + 1, k + 2, k - 1] : [k, k + 1, k + 2];
      lines.push({ p, readings: [t], sizes, pad: tall * k });
    });
  }
  /**
   * A reading taken as text recognition is known to lose it: the minus the piece shows put
   * back (a hyphen-minus is dropped more often than a digit), or the decimal point (a line
   * drops a small one more often than not: 72 dpi, 116 of 120 numbers read without one) once
   * three numbers in four read so far share a format, and the minus with it. Read so twice
   * (the line's reading and one alone, or two alone), a minus the piece does not show is put
   * back where its colour allows the negative number and not the unsigned (at 72 dpi the
   * minus sits on the cell's edge, outside the piece). A cut piece (its last digit may be
   * lost) is mended only so, read alike twice.
   */
  const mend = (p: Piece, t: string, readings: readonly string[]) => {
    const format = provisional();
    const dotted = withPoint(t, format);
    const alike = readings.filter((r) => withPoint(r, format) === dotted).length >= 2;
    if (p.cut && !alike) return false;
    if (takeSigned(p, t)) return true;
    if (dotted !== t && (take(p, dotted) || takeSigned(p, dotted))) return true;
    return (
      alike &&
      format > 0 &&
      !dotted.startsWith('-') &&
      printedDecimals(dotted) === format &&
      take(p, `-${dotted}`)
    );
  };
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
      const t = read[i]!;
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
    // A cut piece: only a reading it gave twice is mended.
    const sure = piece.cut ? twice(readings) : readings;
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
  // Where three numbers in four or more have one format's decimals: one read with fewer,
  // whose ink reaches its cell's side, was cut short (its last digit ran past the cell, a
  // number wider than the cell, and was lost under the line or the next cell's text), and
  // one read with more holds stray marks. Not read, rather than read wrong.
  if (format > 0 && (printed.get(format) ?? 0) >= 0.75 * formatSoFar().all) {
    for (let i = 0; i < n; i++) {
      const t = texts[i];
      const d = t ? printedDecimals(t) : format;
      if (values[i] === values[i] && ((cut[i] && d < format) || d > format)) {
        values[i] = Number.NaN;
        unread++;
      }
    }
  }
  return { values, texts, written, unread, decimals };
}
