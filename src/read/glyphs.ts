/**
 * The glyphs of the numbers written over a grid's cells, learnt from the numbers read whole,
 * to read a number whose last (or first) glyph is partly hidden: under the line between two
 * cells, where the text has the line's colour (seaborn's white `-10.19` running past its cell
 * at 150 dpi, its 9 half under a white line). Text recognition drops such a glyph; the same
 * digit drawn whole elsewhere in the image, the same font at the same size, tells it from
 * its visible part.
 */

/** A glyph's ink, columns by rows (0–255), its top at the text's top. */
interface Glyph {
  readonly w: number;
  readonly h: number;
  readonly ink: Uint8Array;
}

/** A column is blank where its darkest pixel is below this (the anti-aliased rims between glyphs). */
const BLANK = 80;

/** The runs of non-blank columns of an ink image: one a glyph (where glyphs do not touch). */
export function glyphRuns(
  ink: Uint8Array,
  w: number,
  h: number,
  /** The ink under which a column is blank. */
  blank = BLANK,
): [number, number][] {
  const runs: [number, number][] = [];
  for (let x = 0; x < w; x++) {
    let most = 0;
    for (let y = 0; y < h; y++) most = Math.max(most, ink[y * w + x]!);
    if (most < blank) continue;
    const last = runs[runs.length - 1];
    if (last && last[1] === x) last[1] = x + 1;
    else runs.push([x, x + 1]);
  }
  return runs;
}

/** A run of inked columns [a, b) and the rows its ink (above half) spans, top to bottom inclusive; top > bottom when none. */
export interface RunShape {
  readonly a: number;
  readonly b: number;
  readonly top: number;
  readonly bottom: number;
}

/** How many rows a run's ink spans (0 or less: none). */
export const runHeight = (r: RunShape) => r.bottom - r.top + 1;

/** Each run's rows of ink (pixels darker than half). */
export function runShapes(
  ink: Uint8Array,
  w: number,
  h: number,
  runs: readonly [number, number][],
  /** The ink over which a pixel is the glyph's (half; less for grey text). */
  level = 128,
): RunShape[] {
  return runs.map(([a, b]) => {
    let top = h;
    let bottom = -1;
    for (let y = 0; y < h; y++)
      for (let x = a; x < b; x++)
        if (ink[y * w + x]! > level) {
          top = Math.min(top, y);
          bottom = Math.max(bottom, y);
          break;
        }
    return { a, b, top, bottom };
  });
}

/**
 * Where a number's ink shows a decimal point: how many digits stand before it and after, when
 * one glyph apart, between digits, is a dot on their foot (as wide and as high as a third of
 * a digit at most, its lowest row theirs or within a tenth of a digit above: a comma reaches
 * below) and every other glyph is a digit's height; else null. Text recognition drops a point more often than a digit (the
 * matplotlib gallery's white "2.4" at 100 dpi read "24", its "0.8" read whole), and a number
 * read with none when its ink shows one is off by a power of ten.
 */
export function shownPoint(shapes: readonly RunShape[]): { before: number; after: number } | null {
  const tallest = Math.max(0, ...shapes.map(runHeight));
  if (tallest < 6) return null;
  const digits = shapes.filter((r) => runHeight(r) >= (2 / 3) * tallest);
  const foot = Math.max(...digits.map((r) => r.bottom));
  const dots = shapes.filter(
    (r) =>
      runHeight(r) > 0 &&
      runHeight(r) <= tallest / 3 &&
      r.b - r.a <= tallest / 3 &&
      r.bottom <= foot &&
      r.bottom >= foot - Math.max(1, tallest / 10),
  );
  if (dots.length !== 1 || digits.length + 1 !== shapes.length) return null;
  const at = shapes.indexOf(dots[0]!);
  return at > 0 && at < shapes.length - 1 ? { before: at, after: shapes.length - 1 - at } : null;
}

/**
 * The glyph in columns [a, b): all the text's rows, or (`tight`) only those its own ink
 * reaches (a blank row's darkest pixel under BLANK), its top at its ink's.
 */
function glyphOf(
  ink: Uint8Array,
  w: number,
  h: number,
  a: number,
  b: number,
  tight = false,
): Glyph {
  const gw = b - a;
  let top = 0;
  let bottom = h;
  if (tight) {
    const inked = (y: number) => {
      for (let x = a; x < b; x++) if (ink[y * w + x]! >= BLANK) return true;
      return false;
    };
    while (top < h && !inked(top)) top++;
    while (bottom > top && !inked(bottom - 1)) bottom--;
  }
  const gh = bottom - top;
  const out = new Uint8Array(gw * gh);
  for (let y = 0; y < gh; y++)
    for (let x = 0; x < gw; x++) out[y * gw + x] = ink[(top + y) * w + a + x]!;
  return { w: gw, h: gh, ink: out };
}

/**
 * How unlike a glyph is a whole one, 0 (the same) to 1, over the columns it shows: all of
 * them, or its first (`from` 'left') or last ('right') `g.w` when it is cut at the other side.
 * Rows are aligned at the top (the text's top: a number's digits are as tall as its box).
 */
function unlike(g: Glyph, t: Glyph, from: 'left' | 'right' | 'whole'): number {
  if (from === 'whole' ? Math.abs(g.w - t.w) > 1 : g.w > t.w + 1) return 1;
  const w = Math.min(g.w, t.w);
  const h = Math.min(g.h, t.h);
  const gx = from === 'right' ? g.w - w : 0;
  const tx = from === 'right' ? t.w - w : 0;
  let sum = 0;
  for (let y = 0; y < h; y++)
    for (let x = 0; x < w; x++)
      sum += Math.abs(g.ink[y * g.w + gx + x]! - t.ink[y * t.w + tx + x]!);
  return sum / (255 * w * h);
}

/**
 * How unlike two glyphs trimmed to their ink are, 0 to 1, at the best of their placements a
 * pixel apart each way (a label's letters stand at fractions of a pixel, its trimmed rows
 * and columns a pixel either way): the sum of the differences over both boxes, the page
 * outside them, over the larger box's pixels.
 */
function unlikeTrimmed(g: Glyph, t: Glyph): number {
  if (Math.abs(g.w - t.w) > 1 || Math.abs(g.h - t.h) > 1) return 1;
  const w = Math.max(g.w, t.w);
  const h = Math.max(g.h, t.h);
  // In place first, then a pixel off each way; a placement is left once it is no better.
  let best = Infinity;
  for (const [dx, dy] of SHIFTS) {
    let sum = 0;
    const y0 = Math.min(0, dy);
    const y1 = Math.max(g.h, t.h + dy);
    const x0 = Math.min(0, dx);
    const x1 = Math.max(g.w, t.w + dx);
    for (let y = y0; y < y1 && sum < best; y++) {
      const gy = y >= 0 && y < g.h ? y * g.w : -1;
      const ty = y - dy >= 0 && y - dy < t.h ? (y - dy) * t.w : -1;
      for (let x = x0; x < x1; x++) {
        const a = gy >= 0 && x >= 0 && x < g.w ? g.ink[gy + x]! : 0;
        const tx = x - dx;
        const b = ty >= 0 && tx >= 0 && tx < t.w ? t.ink[ty + tx]! : 0;
        sum += a > b ? a - b : b - a;
      }
    }
    if (sum < best) best = sum;
  }
  return best / (255 * w * h);
}

/** The placements unlikeTrimmed tries: in place, then a pixel off each way. */
const SHIFTS: readonly (readonly [number, number])[] = [
  [0, 0],
  [-1, 0],
  [1, 0],
  [0, -1],
  [0, 1],
  [-1, -1],
  [1, -1],
  [-1, 1],
  [1, 1],
];

/** The characters of numbers, learnt from their glyphs; read a number glyph by glyph. */
export class GlyphBook {
  private readonly seen = new Map<string, (Glyph & { owner: number })[]>();

  /**
   * `tight`: each glyph is trimmed to the rows of its own ink, and compared only with glyphs
   * as high within a pixel (the letters of labels: an x-high o, a tall t, a descending y,
   * where a number's digits are all as high as its text).
   */
  constructor(private readonly tight = false) {}

  /**
   * Learns the glyphs of a number read whole: where it has as many glyphs as characters
   * (none touching), each one's, as `owner`'s (its cell). Twelve of each character are kept.
   */
  learn(ink: Uint8Array, w: number, h: number, text: string, owner = -1): void {
    const runs = glyphRuns(ink, w, h);
    if (runs.length !== text.length) return;
    runs.forEach(([a, b], i) => {
      const ch = text[i]!;
      const list = this.seen.get(ch) ?? [];
      if (list.length < 12) list.push({ ...glyphOf(ink, w, h, a, b, this.tight), owner });
      this.seen.set(ch, list);
    });
  }

  /**
   * How far a glyph is from each character learnt from others than `except`, nearest first:
   * the mean of its two likeliest glyphs' distances (one misread glyph does not make a
   * character alone), and of how many glyphs.
   */
  private distances(
    g: Glyph,
    from: 'left' | 'right' | 'whole',
    except: number,
  ): [string, number, number][] {
    const scores: [string, number, number][] = [];
    for (const [ch, list] of this.seen) {
      const d = list
        .filter((t) => except < 0 || t.owner !== except)
        .map((t) => (this.tight ? unlikeTrimmed(g, t) : unlike(g, t, from)))
        .sort((p, q) => p - q);
      if (d.length) scores.push([ch, d.length > 1 ? (d[0]! + d[1]!) / 2 : d[0]!, d.length]);
    }
    return scores.sort((p, q) => p[1] - q[1]);
  }

  /**
   * The character a glyph is, against those learnt but `except`'s: null where it is unlike
   * every one, or as like two (it is taken when twice as far from the next likeliest as from
   * its own). A character's distance is the mean of its two likeliest glyphs': one misread
   * number's glyph does not make a character alone.
   */
  private which(g: Glyph, from: 'left' | 'right' | 'whole', except: number): string | null {
    const [best, second] = this.distances(g, from, except);
    if (!best || best[1] > 0.12 || (second && second[1] <= 2 * best[1])) return null;
    return best[0];
  }

  /**
   * A number read glyph by glyph against those learnt, its first glyph cut at its left
   * (`cutLeft`: only its right part shows) or its last at its right: the characters, or null
   * where a glyph is not told (see which).
   */
  read(
    ink: Uint8Array,
    w: number,
    h: number,
    cutLeft: boolean,
    cutRight: boolean,
    /** Whose glyphs are left out (a number checked against the others'). */
    except = -1,
  ): string | null {
    const runs = glyphRuns(ink, w, h);
    if (!runs.length) return null;
    let text = '';
    for (let i = 0; i < runs.length; i++) {
      const [a, b] = runs[i]!;
      const from =
        i === 0 && cutLeft ? 'right' : i === runs.length - 1 && cutRight ? 'left' : 'whole';
      const ch = this.which(glyphOf(ink, w, h, a, b), from, except);
      if (ch === null) return null;
      text += ch;
    }
    return text;
  }

  /**
   * Each glyph of a text's ink against the glyphs learnt but `except`'s: its distance from
   * each character and of how many glyphs (see distances), nearest first; null where the ink shows as many glyphs
   * as `length` not (glyphs touch, or one is lost).
   */
  tell(
    ink: Uint8Array,
    w: number,
    h: number,
    length: number,
    except: number,
  ): [string, number, number][][] | null {
    const runs = glyphRuns(ink, w, h);
    if (runs.length !== length) return null;
    return runs.map(([a, b]) =>
      this.distances(glyphOf(ink, w, h, a, b, this.tight), 'whole', except),
    );
  }

  /** The last glyph of a number whose last glyph is cut at its right (only its left part shows), read so; null where not told. */
  last(ink: Uint8Array, w: number, h: number): string | null {
    const runs = glyphRuns(ink, w, h);
    const run = runs[runs.length - 1];
    return run ? this.which(glyphOf(ink, w, h, run[0], run[1]), 'left', -1) : null;
  }
}

/** Holes in each character of a number as DejaVu Sans draws it ("0" one, "8" two, "1" none). */
const HOLES: Readonly<Record<string, number>> = {
  '0': 1,
  '4': 1,
  '6': 1,
  '8': 2,
  '9': 1,
  '%': 2,
  e: 1,
};

/** The holes a text's characters have (HOLES; others none). */
export function textHoles(text: string): number {
  let n = 0;
  for (const ch of text) n += HOLES[ch] ?? 0;
  return n;
}

/**
 * The counters in an ink image of a line of text `h` px high (its glyphs and a pixel above
 * and below): regions of no ink (under half) that its ink (half or more) encloses,
 * 4-connected, of half a 0's counter or more. DejaVu Sans's 0 encloses about 0.3 (h - 2)² px
 * (28 px at 100 dpi); smaller enclosures are a low resolution's: at 72 dpi a 3 or a 5 shows
 * one of a few pixels between its anti-aliased strokes, and text under 10 px is not asked. (A 4's or an 8's counters are under
 * that size too, and not counted: fewer counters than a reading has is no sign anyway.)
 */
export function inkHoles(ink: Uint8Array, w: number, h: number): number {
  // Under 10 px of glyph, none is counted: a 72-dpi JPEG's 55 enclosed 10 px of its ringing.
  if (h < 12) return 0;
  const least = 0.15 * (h - 2) ** 2;
  const seen = new Uint8Array(w * h);
  const stack = new Int32Array(w * h);
  let top = 0;
  const push = (j: number) => {
    if (!seen[j] && ink[j]! < 128) {
      seen[j] = 1;
      stack[top++] = j;
    }
  };
  let holes = 0;
  for (let start = 0; start < w * h; start++) {
    if (seen[start] || ink[start]! >= 128) continue;
    push(start);
    let size = 0;
    let edge = false;
    while (top) {
      const i = stack[--top]!;
      size++;
      const x = i % w;
      const y = (i - x) / w;
      if (x === 0 || y === 0 || x === w - 1 || y === h - 1) edge = true;
      if (x > 0) push(i - 1);
      if (x < w - 1) push(i + 1);
      if (y > 0) push(i - w);
      if (y < h - 1) push(i + w);
    }
    if (!edge && size >= least) holes++;
  }
  return holes;
}
