/**
 * The axes' tick labels of a heatmap image: the row labels at the left of the grid, the
 * column labels below it (level, or turned a quarter up, as matplotlib's rotation=90), each
 * read on its own and given to the row or column whose centre it is beside. The axis title
 * beyond them (a separate block, past a gap) is left out.
 */
import { inTurns } from '../util/turns.ts';
import type { Cells, Lattice } from './cells.ts';
import { type Box, distance } from './locate.ts';
import type { Image } from './png.ts';
import {
  axisMarks,
  beside,
  bilinear,
  crop,
  isDark,
  labelNumber,
  type Recognize,
  reach,
  runs,
  type Side,
} from './ticks.ts';
import {
  advance,
  type Crop,
  extentOf,
  type Ink,
  inkBox,
  inkLevel,
  turnedWay,
} from './label-ink.ts';
import {
  endHangs,
  type GlyphInk,
  glyphChars,
  glyphInk,
  dotsAgree,
  ellsTold,
  fivesTold,
  zerosTold,
  glyphsShown,
  hangsAgree,
  keyEll,
  letterChecked,
  shapesAgree,
  SMALL_OF,
  smallMended,
  tailsMended,
  spacesShown,
  stemBeside,
  stemsMended,
  stemsTold,
} from './letters.ts';
import { codes, prefixed } from './prefixed.ts';
import { median } from './widths.ts';

/**
 * How far the frame and tick marks reach out of the grid's left or right side (at the row
 * centres) or its top or bottom (at the column centres): what is not the background from the
 * grid's edge on and is a frame or a mark (markReach), not a label's glyph (a tick read with
 * its label would be a minus sign or a dash).
 */
function tickReach(img: Image, grid: Box, cells: Cells, side: Side, bg: readonly number[]): number {
  const left = side === 'left' || side === 'right';
  const l = left ? cells.ys : cells.xs;
  // At each centre and a pixel either side: a mark a pixel wide can stand a pixel off the
  // centre the cells' lattice gives (seaborn at 100 dpi: its mark's column beside the
  // centre's, which holds only its faint edge).
  const centres = Array.from({ length: left ? cells.rows : cells.cols }, (_, i) => {
    const c = Math.round((left ? grid.y0 : grid.x0) + l.origin + (i + 0.5) * l.width);
    return [c - 1, c, c + 1];
  }).flat();
  const mark = (x: number, y: number) =>
    distance(img, y * img.width + x, bg[0]!, bg[1]!, bg[2]!) > 16;
  // The marks may begin a pixel or two out: seaborn's cells end within a pixel or two of
  // the axes' edge, where its ticks begin (at 100 and 200 dpi, blank lines between them; its
  // ticks were read with the labels, as dashes, and no label was taken).
  return marksFrom(0, (start) => markReach(img, grid, side, centres, mark, start, l.width));
}

/**
 * How far marks reach out from a side (`reachFrom` a number of pixels out), looked for from
 * `first` px out to 2 (blank lines between the side and its marks: seaborn's at 100 and 200
 * dpi; Plotly's at two device pixels per px, 2 px, where its row labels had been read in the
 * marks' place, none read, and an 80-row index axis not counted); 0 where there are none.
 */
function marksFrom(first: number, reachFrom: (start: number) => number): number {
  let most = 0;
  for (let start = first; start <= 2; start++) {
    const r = reachFrom(start);
    if (r > start) most = Math.max(most, r);
  }
  return most;
}

/**
 * How far marks reach out of the grid's `side` at the places `at` (reach): a frame's line
 * along the side (the ink across it running 40 px or more either way), then a mark, a thin
 * line: the ink across it runs no further anywhere than where it begins, at most 4 px or a
 * fifth of a cell (`cell` px), and as far as the line reaches at most. What reaches out
 * otherwise is a label's glyph, set a pixel or two from the grid (Plotly's, with no marks:
 * its row labels' last letters had been cut as marks, "horse" read "hor", "dog" "d"; a
 * glyph's stem runs 9 px across and 2 out).
 */
function markReach(
  img: Image,
  grid: Box,
  side: Side,
  at: readonly number[],
  mark: (x: number, y: number) => boolean,
  start: number,
  cell: number,
  /** How many marks apart must pass: two of an axis's marks found (a "2"'s foot 6 px long,
   * 2 px from the grid, passed for one). */
  least = 1,
): number {
  const level = side === 'left' || side === 'right';
  const inside = (x: number, y: number) =>
    x >= 0 && y >= 0 && x < img.width && y < img.height && mark(x, y);
  // The ink across the line `d` px out at `c`: up to MOST px either way; a frame's line
  // along the side runs so far both ways.
  const MOST = 40;
  const FRAME = 2 * MOST - 1;
  // How far the ink runs from the line `d` px out at `c`, up to MOST px one way (dir).
  const side1 = (c: number, d: number, dir: number) => {
    const [x, y] = beside(grid, side, c, d);
    let k = 1;
    while (k < MOST && (level ? inside(x, y + dir * k) : inside(x + dir * k, y))) k++;
    return k - 1;
  };
  const across = (c: number, d: number) => 1 + side1(c, d, -1) + side1(c, d, 1);
  // Whether a mark ends clear at `r` (where its middle line's ink ends): nothing dark
  // (a glyph's stroke going on) from `lo` to `hi` (its width and a pixel either side) past
  // that end, nor at `lo` and `hi` at its last pixel.
  const dark = (c: number, d: number) => {
    const [x, y] = beside(grid, side, c, d);
    return x >= 0 && y >= 0 && x < img.width && y < img.height && isDark(img, x, y, 140);
  };
  const endsClear = (r: number, lo: number, hi: number) => {
    if (dark(lo, r - 1) || dark(hi, r - 1)) return false;
    for (let a = lo; a <= hi; a++) if (dark(a, r)) return false;
    return true;
  };
  // The marks passed, `least` or more apart.
  const passed: { c: number; r: number }[] = [];
  for (const m of at) {
    const c = Math.round(m);
    const r = reach(img, grid, side, [c], mark, MOST, start);
    if (r <= start) continue;
    let d = start;
    while (d < r && across(c, d) >= FRAME) d++;
    if (d < r) {
      const [above, below] = [side1(c, d, -1), side1(c, d, 1)];
      const t = 1 + above + below;
      if (t > Math.max(4, 0.2 * cell) || t > r - d) continue;
      let even = true;
      for (let e = d + 1; e < r && even; e++) even = across(c, e) <= t + 1;
      // (A glyph set a pixel or two from the grid, with no marks: the top and foot of
      // Plotly's "c" run out 4 px, a pixel thick, and passed for two marks, "Dec" read "De";
      // its stroke curves on where that ends.)
      if (!even || !endsClear(r, c - above - 1, c + below + 1)) continue;
    }
    passed.push({ c, r });
  }
  const apart = passed.filter((p, i) => passed.findIndex((q) => Math.abs(q.c - p.c) <= 2) === i);
  return apart.length >= least ? Math.max(0, ...passed.map((p) => p.r)) : 0;
}

/**
 * Pieces of text (along an axis, each [first, end)) joined where together they stand centred
 * on a tick mark (`marks`), within a pixel and a half, none of them so alone, each within 8
 * px of the next: one label whose glyphs stand apart. (A Plotly chart saved at two device
 * pixels per px has 4 px between the "2" and the "0" of its column label "20", each read
 * as a label and given to the columns either side, silently: its marks, every 20th column,
 * tell them one. Labels of their own stand each at its mark: seaborn's dense "20", "21",
 * "22" at 150 dpi, a few pixels apart, had been read "202122" when parted at wider gaps.)
 */
export function atMarks(
  pieces: readonly [number, number][],
  marks: readonly number[],
): [number, number][] {
  const centred = (a: number, b: number) => marks.some((m) => Math.abs((a + b - 1) / 2 - m) <= 1.5);
  const out: [number, number][] = [];
  for (let i = 0; i < pieces.length; i++) {
    const [a] = pieces[i]!;
    let joined = -1;
    for (let j = i + 1; j < pieces.length && pieces[j]![0] - pieces[j - 1]![1] <= 8; j++)
      if (centred(a, pieces[j]![1])) {
        joined = j;
        break;
      }
    if (joined < 0 || pieces.slice(i, joined + 1).some(([p, q]) => centred(p, q))) {
      out.push(pieces[i]!);
      continue;
    }
    out.push([a, pieces[joined]![1]]);
    i = joined;
  }
  return out;
}

/**
 * Level column labels gathered by column (byCell), but those that run into a neighbour's:
 * a piece of ink from one column's label into the next one's, which has its own (labels
 * wider than their columns, overlapping: seed-004's "8 x 48 = 384" and "3 x 4 = 12" read
 * "38x 4 = 12"). Both are left unread.
 */
export function apart(
  pieces: readonly [number, number][],
  from: number,
  lattice: Lattice,
  /** The axis's tick marks (a mark at a cell's centre: the cell has a label). */
  marks: readonly number[] = [],
  /** The pieces as parted, before atMarks joined them (a label's words, or labels run together). */
  parted: readonly [number, number][] = pieces,
): { own: Map<number, [number, number]>; touching: Map<number, [number, number]> } {
  const out = byCell(pieces, from, lattice);
  // A piece of text as parted (a word, or labels run together) across the edge between two
  // labelled cells (pieces of their own, or tick marks: seed-004's five overlapping labels
  // above its columns are one piece), past it on both sides by more than a glyph's rim (a
  // pixel and a half), is two labels run together; but for a label whole, centred on its
  // cell within 2 px and over no other cell's centre (seaborn's "times" at 100 and 150 dpi,
  // a pixel into the column of "of" beside it, and "attention", 7 px into that of "is", had
  // left both out, and said that no label was shown there).
  const centre = (c: number) => from + lattice.origin + (c + 0.5) * lattice.width;
  const cellOf = (x: number) => Math.floor((x - from - lattice.origin) / lattice.width);
  const labelled = (c: number) => out.has(c) || marks.some((m) => Math.abs(m - centre(c)) <= 1.5);
  const whole = (a: number, b: number) => {
    const c = cellOf((a + b - 1) / 2);
    return Math.abs((a + b - 1) / 2 - centre(c)) <= 2 && centre(c - 1) < a && centre(c + 1) >= b;
  };
  const touching = new Map<number, [number, number]>();
  for (const [a, b] of parted)
    for (let c = 0; c + 1 < lattice.n; c++) {
      const edge = from + lattice.origin + (c + 1) * lattice.width;
      if (a >= edge - 1.5 || b <= edge + 1.5 || !labelled(c) || !labelled(c + 1) || whole(a, b))
        continue;
      for (const d of [c, c + 1]) touching.set(d, out.get(d) ?? [a, b]);
    }
  // A piece wider than two cells, not centred on its own (within 2 px), over a neighbour's
  // centre where that neighbour has no label and the cell beyond it has, is labels run
  // together too (ggplot2's "hellaswag" and "accuracy" overlapping at 72 dpi, "tokens" a
  // pixel or two beyond, no tick marks found: read "hellaswagccuracy tokens" for "accuracy",
  // and "tokens" with the last column's "winogrande", silently). A label every other cell is
  // at most two cells wide, or it would run into the next; one every few stands beside none
  // labelled.
  for (const [c, [a, b]] of out) {
    if (b - a <= 2 * lattice.width || Math.abs((a + b - 1) / 2 - centre(c)) <= 2) continue;
    const over = [c - 1, c + 1].filter(
      (n) =>
        n >= 0 &&
        n < lattice.n &&
        (n < c ? a < centre(n) : b > centre(n)) &&
        !out.has(n) &&
        out.has(2 * n - c),
    );
    if (over.length) for (const d of [c, ...over]) touching.set(d, out.get(d) ?? [a, b]);
  }
  for (const c of touching.keys()) out.delete(c);
  return { own: out, touching };
}

/**
 * Pieces of text along an axis gathered by the row or column whose centre they stand beside
 * (`from`: the grid's start on that axis): a label's words and letters (a label turned up is
 * letters apart) stay together, neighbours part. Each cell's span of pieces.
 */
function byCell(
  pieces: readonly [number, number][],
  from: number,
  lattice: Lattice,
): Map<number, [number, number]> {
  const inCell = new Map<number, [number, number][]>();
  for (const [a, b] of pieces) {
    const i = Math.floor(((a + b) / 2 - from - lattice.origin) / lattice.width);
    if (i < 0 || i >= lattice.n) continue;
    const had = inCell.get(i);
    if (had) had.push([a, b]);
    else inCell.set(i, [[a, b]]);
  }
  // A label is centred on its cell. Where cells are large, a label centred at an edge
  // between two is neither's: matplotlib's imshow of 4 rows marks -0.5, 0.0, 0.5, ... 3.5,
  // three labels beside each row (the middle one its own) read as one, and no row's label
  // was read. Pieces further apart than a piece is long are apart (letters of a label
  // turned up stand nearer); those of them not in the middle three fifths of a cell at
  // least three times as long are left out.
  const extents = pieces.map(([a, b]) => b - a).sort((p, q) => p - q);
  const apart = extents[extents.length >> 1] ?? 0;
  const out = new Map<number, [number, number]>();
  for (const [i, list] of inCell) {
    const lo = from + lattice.origin + i * lattice.width;
    const mid = (g: readonly [number, number]) =>
      Math.min(g[0] + g[1] - 2 * lo, 2 * (lo + lattice.width) - g[0] - g[1]) / 2;
    const groups: [number, number][] = [];
    for (const [a, b] of [...list].sort((p, q) => p[0] - q[0])) {
      const last = groups[groups.length - 1];
      if (last && a - last[1] <= apart) last[1] = Math.max(last[1], b);
      else groups.push([a, b]);
    }
    const kept = groups.filter(
      (g) => lattice.width < 3 * (g[1] - g[0]) || mid(g) >= 0.2 * lattice.width,
    );
    if (kept.length)
      out.set(i, [Math.min(...kept.map((g) => g[0])), Math.max(...kept.map((g) => g[1]))]);
  }
  // A label stands centred beside its cell: pieces that do not reach across their cell's
  // centre are part of a neighbour's label (a turned label's glyphs can stand further apart
  // than the split's gap, past its cell's edge: a 100-dpi "20" turned up, a label every
  // other row, was read as "0" in row 20 and "2" in row 21), joined to the nearer one,
  // within half a cell.
  const centre = (i: number) => from + lattice.origin + (i + 0.5) * lattice.width;
  for (const i of [...out.keys()].sort((p, q) => p - q)) {
    const span = out.get(i);
    if (!span) continue;
    const [a, b] = span;
    if (a <= centre(i) && centre(i) < b) continue;
    const gaps = [i - 1, i + 1].flatMap((j) => {
      const o = out.get(j);
      if (!o) return [];
      return [{ j, gap: j < i ? a - o[1] : o[0] - b }];
    });
    const to = gaps.sort((p, q) => p.gap - q.gap)[0];
    if (!to || to.gap > 0.5 * lattice.width) continue;
    const o = out.get(to.j)!;
    const joined: [number, number] = [Math.min(o[0], a), Math.max(o[1], b)];
    // The label is the cell's whose centre it stands nearer ("26" turned up, its "6" in row
    // 26 and its "2" in row 27, both short of their centres, is row 26's).
    const mid = (joined[0] + joined[1]) / 2;
    const [keep, drop] =
      Math.abs(mid - centre(i)) < Math.abs(mid - centre(to.j)) ? [i, to.j] : [to.j, i];
    out.delete(drop);
    out.set(keep, joined);
  }
  return out;
}

/**
 * A reading with spaces where the label's ink has no gap between its words: joined along the
 * baseline by an underscore, which text recognition reads as a space (seed-002's "neg_facts"
 * read "neg facts"; "element_symb" read "element _symb" twice). A space is a run of empty
 * columns more than a quarter of the text's height wide.
 */
export function underscored(text: string, c: Crop, ink: Ink): string {
  if (!text.includes(' ')) return text;
  const { rgba, width: w, height: h } = c;
  const inked = (x: number) => {
    for (let y = 0; y < h; y++) if (rgba[(y * w + x) * 4]! < ink.level) return true;
    return false;
  };
  // A space is 0.32 em of DejaVu Sans at least, with the side bearings; a text with a
  // descender is about an em high, one without three quarters: more than 0.27 of its height.
  // The gaps between glyphs (an underscore's end and an "f", 0.2 em) are less.
  const wide = Math.max(2, Math.round(0.27 * ink.h));
  let run = 0;
  for (let x = ink.x0; x <= ink.x1; x++) {
    run = inked(x) ? 0 : run + 1;
    if (run >= wide) return text;
  }
  return text.replace(/\s*_\s*/g, '_').replace(/\s+/g, '_');
}

/**
 * A reading that lost an underscore the ink shows (seed-002's "t_g" read "tg", 74% sure):
 * a run of columns, a quarter of the ink's height wide or more, whose ink is all in its
 * bottom fifth, is an underscore; it goes in where the text's advances put that run, if the
 * reading is then as wide as its ink. Null otherwise.
 */
function lostUnderscore(
  text: string,
  c: Crop,
  ink: Ink,
  font: number,
  em: number | null,
): string | null {
  const { rgba, width: w } = c;
  const floor = ink.y0 + ink.h - Math.max(2, Math.round(0.2 * ink.h));
  // Each column's lowest and highest inked rows (-1 and Infinity for none, and past the ink).
  const lowest = (x: number) => {
    for (let y = ink.y0 + ink.h - 1; x >= ink.x0 && x <= ink.x1 && y >= ink.y0; y--)
      if (rgba[(y * w + x) * 4]! < ink.level) return y;
    return -1;
  };
  const highest = (x: number) => {
    for (let y = ink.y0; x >= ink.x0 && x <= ink.x1 && y < ink.y0 + ink.h; y++)
      if (rgba[(y * w + x) * 4]! < ink.level) return y;
    return Infinity;
  };
  let run = 0;
  /** The run's lowest inked row. */
  let low = -1;
  let best: [number, number] | null = null;
  for (let x = ink.x0; x <= ink.x1 + 1; x++) {
    // Ink in the bottom fifth only: a column of an underscore.
    const bottom = lowest(x);
    if (bottom >= floor && highest(x) >= floor) {
      run++;
      low = Math.max(low, bottom);
    } else {
      // Lower than a glyph beside it, or as wide as most of an underscore (its neighbours,
      // a t's hook and a g's tail, may reach as low where they overlap it): a bold 1's foot,
      // as low as its own stem and a fifth of the ink's height wide, had been read an
      // underscore ("f1" read "f_l").
      const beside = [lowest(x - run - 1), bottom].filter((b) => b >= 0);
      const below = (beside.length > 0 && low > Math.min(...beside)) || run >= 0.4 * ink.h;
      if (run >= 0.25 * ink.h && below && (!best || run > best[1] - best[0])) best = [x - run, x];
      run = 0;
      low = -1;
    }
  }
  if (!best) return null;
  const at = ((best[0] + best[1]) / 2 - ink.x0) / ink.w;
  const chars = [...text];
  let pick: string | null = null;
  let nearest = Infinity;
  for (let i = 1; i < chars.length; i++) {
    const before = chars.slice(0, i).join('');
    const withIt = `${before}_${chars.slice(i).join('')}`;
    const off = Math.abs((advance(before) + 0.26) / advance(withIt) - at);
    if (off < nearest) [pick, nearest] = [withIt, off];
  }
  return pick && asWide(pick, ink, true, font, em) ? pick : null;
}

/**
 * How far a text's letters reach above and below the baseline in DejaVu Sans, per px of font
 * size: ascenders 0.76 (and i and j, by their dots, when `dots`: a dot turned 45° and
 * smoothed fades below the ink's threshold), capitals and digits 0.73, the x-height 0.55;
 * descenders 0.24 below. Top null: no letter tells (signs alone). A t is lower in other
 * fonts (0.73 in DejaVu Sans, about 0.66 in Arial and 0.58 in Times; its thin top fades when
 * small): where it is the tallest letter, the top is anywhere from the x-height to 0.73
 * (`low`, the least). A capital J or Q may reach below as far (`under`): DejaVu Sans' J 0.2
 * and Q 0.13, Arial's J not at all (Plotly's month labels "Jan", "Jun", "Jul" were refused
 * as too high for their letters).
 */
function letterExtent(
  text: string,
  dots: boolean,
): { top: number | null; low: number | null; bottom: number; under: number } {
  const top = (dots ? /[bdfhklij]/ : /[bdfhkl]/).test(text)
    ? 0.76
    : /[A-Z0-9t#$%&@?!(){}[\]|/\\'"]/.test(text)
      ? 0.73
      : /[acemnorsuvwxzgpqy]/.test(text)
        ? 0.55
        : null;
  const low = top === 0.73 && !/[A-Z0-9#$%&@?!(){}[\]|/\\'"]/.test(text) ? 0.55 : top;
  const bottom = /[gjpqy()[\]{}|_,;]/.test(text) ? 0.24 : 0;
  return { top, low, bottom, under: /[JQ]/.test(text) ? Math.max(bottom, 0.24) : bottom };
}

/**
 * Whether a reading of two characters or more is as wide as its ink, in the font matplotlib
 * and seaborn write labels in (DejaVu Sans): its size found from the ink's height and the
 * letters' (letterExtent), its width from the font's advances (advance). A character dropped
 * or added changes it by half an em or so ("t_g" read "tg"); fonts a little narrower or
 * wider pass (within a third of an em, or an eighth of the width). `dots`: the dots of i
 * and j are in the ink (level text; turned 45° and smoothed, they fade): "science" was
 * refused, its size taken from the x-height where its ink reaches the dot. `font`: how wide
 * the image's font is against DejaVu Sans (fontWidth: Liberation Sans' about 0.86,
 * Liberation Serif's 0.83 to 0.87).
 */
export function asWide(
  text: string,
  ink: Ink,
  dots = true,
  font = 1,
  em: number | null = null,
): boolean {
  const size = emOf(text, ink, dots, em);
  const want = (advance(text) - 0.1) * size * font;
  // One character: not half an em wider than its glyph ("5h" read "5", silently).
  if ([...text].length < 2) return ink.w - want <= 0.5 * size;
  return Math.abs(ink.w - want) <= Math.max(0.34 * size, 0.125 * want);
}

/**
 * A reading with a bar "|", or a square bracket that closes or opens nothing, whose ink does
 * not reach below the line as those do (DejaVu Sans' reach as far down as a g) but is as high
 * as the reading with a letter there: the letter, I beside capitals (or none), l beside small
 * letters. Text recognition reads a capital I alone, with nothing to tell it by, as a stem of
 * some kind: scikit-learn's NER tags "I-PER", "I-LOC" were read "|-PER" at 72 dpi and
 * "[-PER" at 150, and not kept (too low for either). A bar or bracket whose reading reaches
 * below the line anyway ("P(y|x)") is kept, as is a bracket that pairs ("[0.5, 1.0)").
 */
export function stemMended(
  text: string,
  ink: Ink,
  em: number | null,
  g: GlyphInk | null = null,
): string {
  if (!/[|[\]]/u.test(text)) return text;
  const chars = [...text];
  const stems = chars.map(
    (ch, i) =>
      ch === '|' ||
      (ch === '[' && !chars.slice(i + 1).some((c) => c === ']' || c === ')')) ||
      (ch === ']' && !chars.slice(0, i).some((c) => c === '[' || c === '(')),
  );
  if (!stems.some(Boolean)) return text;
  const mend = (which: readonly boolean[]) =>
    chars.map((ch, i) => (which[i] ? stemBeside(chars, i) : ch)).join('');
  if (!asHigh(text, ink, em)) {
    const mended = mend(stems);
    return asHigh(mended, ink, em) ? mended : text;
  }
  // As high as read, for other letters that hang: a bar at the reading's end whose glyph
  // stands on the line ("rouge_l" read "rouge_|", its g and underscore below the line).
  if (!g) return text;
  const ends = chars.map(
    (ch, i) => ch === '|' && (i === 0 || i === chars.length - 1) && endHangs(g, i > 0) === false,
  );
  return ends.some(Boolean) ? mend(ends) : text;
}

/** Whether each { of a text is closed by a } after it, and each } closes one. */
export function bracesPaired(text: string): boolean {
  let open = 0;
  for (const ch of text) {
    if (ch === '{') open++;
    else if (ch === '}' && --open < 0) return false;
  }
  return open === 0;
}

/**
 * The size of the text in `ink`, px, by its letters' reach in DejaVu Sans (letterExtent); of
 * a text whose tallest letter is a t, or whose only letter reaching below the line is a J or
 * a Q (their heights and reaches differ by font), the labels' size `em` where that is known
 * (GLUE's "QNLI", its Q's tail below the line, had been taken for a larger text, too narrow
 * for its reading, and an underscore put in).
 */
function emOf(text: string, ink: Ink, dots: boolean, em: number | null = null): number {
  const { top, low, bottom, under } = letterExtent(text, dots);
  return em !== null && (top !== low || under !== bottom) ? em : ink.h / ((top ?? 0.55) + bottom);
}

/**
 * Whether a reading's letters are as high as its ink at the tick labels' size (`em`, in the
 * crop's px; null: not known, not asked), within 0.12 em: "o" (0.55) is not "0" (0.73), "a"
 * not "d" (0.76), "c" not "C".
 */
function asHigh(text: string, ink: Ink, em: number | null): boolean {
  const { top, low, bottom, under } = letterExtent(text, true);
  if (em === null || top === null || low === null) return true;
  return ink.h >= (low + bottom - 0.12) * em && ink.h <= (top + under + 0.12) * em;
}

/** Whether the dark ink in a box is a run of glyphs: at least 2.2 times as long as it is wide. */
function glyphs(img: Image, box: Box): boolean {
  const e = extentOf(box.x0, box.y0, box.x1, box.y1, (x, y) => isDark(img, x, y));
  if (!e) return false;
  const w = e.x1 - e.x0 + 1;
  const h = e.y1 - e.y0 + 1;
  return Math.max(w, h) >= 2.2 * Math.min(w, h);
}

/**
 * A crop turned `degrees` clockwise (45: text written up to the right at 45°, matplotlib's
 * rotation=45, reads level; −30: text written down to the right, Plotly's labels turned when
 * crowded), on white, sampled smoothly; and where a pixel of the turned image was in the crop.
 */
function turnedBy(
  c: Crop,
  degrees: number,
): Crop & { back: (u: number, v: number) => [number, number] } {
  const { width: w, height: h, rgba } = c;
  const cos = Math.cos((degrees * Math.PI) / 180);
  const sin = Math.sin((degrees * Math.PI) / 180);
  const width = Math.ceil(w * Math.abs(cos) + h * Math.abs(sin)) + 2;
  const height = Math.ceil(w * Math.abs(sin) + h * Math.abs(cos)) + 2;
  const cx = w / 2;
  const cy = h / 2;
  const mu = width / 2;
  const mv = height / 2;
  // Back from the turned image: x = cx + cos(u−mu) + sin(v−mv), y = cy − sin(u−mu) + cos(v−mv).
  const back = (u: number, v: number): [number, number] => [
    cx + cos * (u - mu) + sin * (v - mv),
    cy - sin * (u - mu) + cos * (v - mv),
  ];
  const channels = [0, 1, 2].map((ch) => (x: number, y: number) => rgba[(y * w + x) * 4 + ch]!);
  const out = new Uint8Array(width * height * 4).fill(255);
  for (let v = 0; v < height; v++)
    for (let u = 0; u < width; u++) {
      const [x, y] = back(u + 0.5, v + 0.5);
      // Pixel centres are at half-integers: the four round (x − ½, y − ½), inside the crop.
      if (x < 0.5 || y < 0.5 || x >= w - 0.5 || y >= h - 0.5) continue;
      for (let ch = 0; ch < 3; ch++)
        out[(v * width + u) * 4 + ch] = Math.round(bilinear(channels[ch]!, x - 0.5, y - 0.5));
    }
  return { rgba: out, width, height, back };
}

/**
 * Column labels turned below the grid (matplotlib's and seaborn's rotation=45, Plotly's 30°
 * down): the block of text under the tick marks turned level, each label a line of its own;
 * each given to the column its end (ha='right') or its middle (ha='center') stands under,
 * whichever puts every label under a column of its own and nearer, or, written down to the
 * right, its start. Null when they are not so.
 */
async function diagonalLabels(
  img: Image,
  area: Box,
  grid: Box,
  cells: Cells,
  k: number,
  read: (c: Crop) => Promise<string>,
  /**
   * How far the labels may be turned (turnedBy), tried in turn: 45, up to the right; −30, down
   * to the right.
   */
  angles: readonly number[] = [45],
): Promise<{ texts: (string | null)[]; crops: (Crop | null)[] } | null> {
  // The block: the rows with ink from the marks down, to a gap of 12 px (the axis title is beyond).
  const block = runs(img, area, false, 12)[0];
  if (!block || block[1] - block[0] < 12) return null;
  const box = { ...area, y0: block[0], y1: block[1] };
  // (The block's crop made once, turned each way asked.)
  const base = crop(img, box, k, 8, true);
  const at = async (
    degrees: number,
  ): Promise<{ texts: (string | null)[]; crops: (Crop | null)[] } | null> => {
    const c = turnedBy(base, degrees);
    // Ink as a label's crop has it (inkBox's level: grey text turned and smoothed is paler than
    // 128 in its thin strokes, and Plotly's "dog" lost its g's tail, read "aoa").
    const level = inkLevel(c);
    const dark = (u: number, v: number) => c.rgba[(v * c.width + u) * 4]! < level;
    // Lines of the turned block: bands of rows with ink.
    const bands: [number, number][] = [];
    let start = -1;
    for (let v = 0; v <= c.height; v++) {
      let any = false;
      for (let u = 0; v < c.height && u < c.width && !any; u++) any = dark(u, v);
      if (any && start < 0) start = v;
      if (!any && start >= 0) {
        if (v - start >= 2 * k) bands.push([start, v]);
        start = -1;
      }
    }
    // The tick marks above the labels, turned, are thin lines of their own: a line of text is
    // more than 0.4 of the tallest's height.
    const tallest = Math.max(0, ...bands.map(([a, b]) => b - a));
    const lines = bands.filter(([a, b]) => b - a > 0.4 * tallest);
    if (lines.length < 2) return null;
    const found: {
      v0: number;
      v1: number;
      u0: number;
      u1: number;
      start: number;
      end: number;
      middle: number;
    }[] = [];
    for (const [v0, v1] of lines) {
      let u0 = c.width;
      let u1 = -1;
      for (let v = v0; v < v1; v++)
        for (let u = 0; u < c.width; u++)
          if (dark(u, v)) {
            u0 = Math.min(u0, u);
            u1 = Math.max(u1, u);
          }
      // Where the line's end and middle were, in the image (the crop's margin is 8 px, scale k).
      const at = (u: number) => {
        const [x] = c.back(u, (v0 + v1) / 2);
        return box.x0 + (x - 8) / k;
      };
      found.push({ v0, v1, u0, u1, start: at(u0), end: at(u1), middle: at((u0 + u1) / 2) });
    }
    // Each a line of text, long and thin (level labels turned so are blots as high as wide).
    // (A label of two glyphs, "1K", is 1.4 times as wide as high so: three in four a fifth
    // wider than high at least, the longest half as wide again; one of a narrow capital and
    // a digit, ggplot2's "I3" and "J7" at 300 dpi, 1.06 and 0.97, no narrower than 0.8: such
    // an axis's labels had all been left unread.)
    const ratio = (f: (typeof found)[number]) => (f.u1 - f.u0 + 1) / (f.v1 - f.v0);
    const thin = found.filter((f) => ratio(f) < 1.2).length;
    if (
      4 * thin > found.length ||
      found.some((f) => ratio(f) < 0.8) ||
      Math.max(...found.map(ratio)) < 1.5
    )
      return null;
    const column = (x: number) => (x - grid.x0 - cells.xs.origin) / cells.xs.width - 0.5;
    const assign = (pick: (f: (typeof found)[number]) => number) => {
      const got = found.map((f) => column(pick(f)));
      const cols = got.map((g) => Math.round(g));
      const off = got.reduce((sum, g, i) => sum + Math.abs(g - cols[i]!), 0) / got.length;
      const ok = new Set(cols).size === cols.length && cols.every((i) => i >= 0 && i < cells.cols);
      return { cols, off, ok };
    };
    // Labels written down to the right begin at their marks (Plotly's); up to the right, end
    // there or stand centred on them (matplotlib's ha='right', 'center').
    const anchors =
      degrees < 0 ? [assign((f) => f.start)] : [assign((f) => f.end), assign((f) => f.middle)];
    const best = anchors.filter((a) => a.ok && a.off < 0.25).sort((a, b) => a.off - b.off)[0];
    if (!best) return null;
    const out: (string | null)[] = Array.from({ length: cells.cols }, () => null);
    // Each line's crop, level, by its column (codes are read again from it).
    const crops: (Crop | null)[] = out.map(() => null);
    for (let i = 0; i < found.length; i++) {
      const f = found[i]!;
      const w = f.u1 - f.u0 + 1 + 8;
      const h = f.v1 - f.v0 + 8;
      const line = new Uint8Array(w * h * 4).fill(255);
      for (let v = 0; v < f.v1 - f.v0; v++)
        line.set(
          c.rgba.subarray(((f.v0 + v) * c.width + f.u0) * 4, ((f.v0 + v) * c.width + f.u1 + 1) * 4),
          ((v + 4) * w + 4) * 4,
        );
      const level = { rgba: line, width: w, height: h };
      crops[best.cols[i]!] = level;
      const text = await read(level);
      if (text) out[best.cols[i]!] = text;
    }
    return { texts: out, crops };
  };
  for (const degrees of angles) {
    const out = await at(degrees);
    if (out) return out;
  }
  return null;
}

/**
 * Whether a crop's ink is half as wide again as it is high, in two glyphs or more side by
 * side (columns of ink parted by a blank one): level text (see `read`). One glyph does not
 * tell: a digit or a "b" turned up is wider than high (a Vega JPEG's turned "1" and "2",
 * read level only, left its axis read level and its "12" read "1:").
 */
function levelInk(c: Crop): boolean {
  // (At 128, the glyphs' cores: at the level of their faint edges, a 72-dpi JPEG's turned-up
  // "8" passed for level ink and was read "E".)
  const ink = inkBox(c, 128);
  if (ink === null || ink.w < 1.5 * ink.h) return false;
  let glyphs = 0;
  let inked = false;
  for (let x = ink.x0; x <= ink.x1; x++) {
    let any = false;
    for (let y = ink.y0; y < ink.y0 + ink.h && !any; y++)
      any = c.rgba[(y * c.width + x) * 4]! < ink.level;
    if (any && !inked) glyphs++;
    inked = any;
  }
  return glyphs >= 2;
}

/** A line's words as one text, and how sure the least sure of them is (0: none). */
export function lineOf(words: readonly { text: string; confidence: number }[]) {
  return {
    text: words
      .map((w) => w.text)
      .join(' ')
      .trim(),
    confidence: words.length ? Math.min(...words.map((w) => w.confidence)) : 0,
  };
}

/**
 * The line (value = a + b·position) through two neighbours among `known` ([position, value])
 * that the most lie on, its slope one `slope` allows (the first of a tie; on: 0 where none). A
 * line that all but one in ten lie on passes through two neighbours, and no other line holds
 * as many: neighbours are enough (n² work, not n³ over every pair).
 */
function lineThrough(
  known: readonly (readonly [number, number])[],
  slope: (b: number) => boolean,
): { a: number; b: number; on: number } {
  let line = { a: 0, b: 0, on: 0 };
  for (let p = 0; p + 1 < known.length; p++) {
    const [i0, v0] = known[p]!;
    const [i1, v1] = known[p + 1]!;
    const b = (v1 - v0) / (i1 - i0);
    if (!slope(b)) continue;
    const a = v0 - b * i0;
    const on = known.filter(([i, v]) => v === a + b * i).length;
    if (on > line.on) line = { a, b, on };
  }
  return line;
}

/**
 * Labels numbered in sequence (seaborn's default 0, 1, 2…, a frame's positions; `layer 0`…
 * `layer 8`): where the labels read as one prefix and a whole number lie on one line through
 * their positions (value = a + b·position, b a whole number), three of them at least and all
 * but one in ten, or all but one that is its place's number with one digit misread (five at
 * least on the line for any off it), a label beside which text stands (`present`) and read
 * as none of them, or off the line, is the line's: a 72-dpi "8" read "B", "6" read
 * "on", "layer 0" read "layer O", a 300-dpi "6" turned up read "0", or one not read. A
 * reading much longer (a word among numbers) is kept. As the colorbar's ticks are given by
 * the others. The positions given so.
 */
export function inSequence(labels: (string | null)[], present: (i: number) => boolean): number[] {
  // (A hyphen after a letter is the prefix's, not a minus: "checkpoint-1000" is
  // "checkpoint-" and 1000; read as "checkpoint" and -1000, "checkpoint0", its hyphen lost,
  // had been taken for the sequence's first.)
  // (Nor after a digit: "2024-01-01" is "2024-01-" and 01, not "2024-01" and -1.)
  const parts = labels.map((l) =>
    l === null ? null : /^(.*?)((?:(?<![\p{L}\p{N}])-)?\d+)$/u.exec(l),
  );
  const count = new Map<string, number>();
  for (const m of parts) if (m) count.set(m[1]!, (count.get(m[1]!) ?? 0) + 1);
  let prefix = '';
  let most = 0;
  for (const [p, k] of count) if (k > most) [prefix, most] = [p, k];
  if (most < 3) return [];
  const known = parts.flatMap((m, i) => (m && m[1] === prefix ? [[i, Number(m[2])] as const] : []));
  const line = lineThrough(known, (b) => Number.isInteger(b) && b !== 0);
  const offLine = known.filter(([i, v]) => v !== line.a + line.b * i);
  const off = offLine.length;
  // One off among fewer than ten, where it is its place's number with one digit misread (a
  // 200-dpi "6" read "0" among eight, 0 to 7; not "row13" among row0 to row5, a label of
  // its own).
  const misread = ([i, v]: readonly [number, number]) => {
    const [a, b] = [String(v), String(line.a + line.b * i)];
    return a.length === b.length && [...a].filter((ch, k) => ch !== b[k]).length === 1;
  };
  // A number off the line that another label on it reads already (a JPEG's turned-up "7"
  // read "1", its "15" read "4", beside the "1" and "4" read right) is a misreading: an
  // index's labels are all different. Such ones are not counted among those off, where seven
  // in ten at least are on the line (a frame's labels 0, 1, 2, 0, 1, 2 of two levels are not).
  const onLine = new Set(known.flatMap(([i, v]) => (v === line.a + line.b * i ? [v] : [])));
  const counted =
    line.on >= 0.7 * known.length ? offLine.filter(([, v]) => !onLine.has(v)) : offLine;
  const allowed =
    Math.floor(0.1 * known.length) || (counted.length === 1 && misread(counted[0]!) ? 1 : 0);
  if (line.on < 3 || (off > 0 && (line.on < 5 || counted.length > allowed))) return [];
  // A label read as another kind of number (2.5 among whole ones; 7 among `layer i`) says the
  // labels are not such a sequence: none is given.
  if (
    labels.some(
      (l, i) => l !== null && /^-?\d+[.,]\d+$|^-?\d+$/.test(l) && parts[i]?.[1] !== prefix,
    )
  )
    return [];
  // Numbers written with leading zeros ("01" to "31", a date's day) are given so.
  const padded = known.flatMap(([i]) => {
    const d = parts[i]![2]!.replace('-', '');
    return d.length > 1 && d.startsWith('0') ? [d.length] : [];
  });
  const width = padded.length ? Math.max(...padded) : 0;
  const written = (v: number) => `${v < 0 ? '-' : ''}${String(Math.abs(v)).padStart(width, '0')}`;
  const given: number[] = [];
  labels.forEach((l, i) => {
    const want = `${prefix}${written(line.a + line.b * i)}`;
    if (!present(i) || l === want) return;
    // A label read that begins otherwise than the sequence's prefix is another label
    // (scikit-learn's diabetes features "age", "bmi", "bp" before "s1" to "s6" had been given
    // as "s-3", "s-1" and "s0"; a 72-dpi JPEG's "gene3" read "gauab" is still its own).
    if (l !== null && prefix && l[0] !== prefix[0]) return;
    // Nor is one before a whole sequence's start ("sex" given as "s-2" before "s1").
    if (line.a + line.b * i < 0 && known.every(([, v]) => v >= 0)) return;
    if (l === null || Math.abs(l.length - want.length) <= 1) {
      labels[i] = want;
      given.push(i);
    }
  });
  return given;
}

/**
 * Labels lettered in sequence (A, B, C…; a, b, c…: a toy frame's columns, seaborn's gallery
 * of pairwise correlations, A to Z): where the labels read as one letter lie on one line
 * through their positions (its code = a + b·position, b = 1 or −1), five at least and six
 * in ten of the labels read as one character, and no label is read longer than two, a label
 * beside which text stands (`present`), read as none or as another character, is the line's
 * letter, in the case of those on it. Text recognition reads a capital alone, with no word
 * to tell it by, as what it looks like, or not at all: seaborn's gallery of pairwise
 * correlations at 72 dpi had "P" read "p", "Q" "0", "S" "5", "N" "M", at 150 "P" read "D",
 * silently, and 11 of its 50 labels not read at 100. The positions given so.
 */
export function inLetters(labels: (string | null)[], present: (i: number) => boolean): number[] {
  const read = labels.filter((l): l is string => l !== null);
  if (read.some((l) => [...l].length > 2)) return [];
  const singles = read.filter((l) => [...l].length === 1).length;
  const known = labels.flatMap((l, i) =>
    l !== null && /^[A-Za-z]$/.test(l) ? [[i, l.charCodeAt(0)] as const] : [],
  );
  const line = lineThrough(known, (b) => b === 1 || b === -1);
  if (line.on < 5 || line.on < 0.6 * singles) return [];
  // The case of those on the line: a letter given is of it.
  const upper = known.some(([i, v]) => v === line.a + line.b * i && v < 97);
  const [lo, hi] = upper ? [65, 90] : [97, 122];
  const given: number[] = [];
  labels.forEach((l, i) => {
    const code = line.a + line.b * i;
    const want = String.fromCharCode(code);
    if (!present(i) || l === want || code < lo || code > hi) return;
    if (l !== null && [...l].length !== 1) return;
    labels[i] = want;
    given.push(i);
  });
  return given;
}

/** Labels in sequence, numbered (inSequence) or lettered (inLetters): the positions given. */
const inOrder = (labels: (string | null)[], present: (i: number) => boolean) => [
  ...inSequence(labels, present),
  ...inLetters(labels, present),
];

/**
 * An axis of decimal numbers whose labels read as digits with a leading zero lost their
 * point: where a label reads as a decimal ("0.2") and none as a whole number written
 * without a leading zero, a label of digits that begins with 0 ("01", "005") is that 0, a
 * point and the rest ("0.1", "0.05"): a number with a leading zero is not written beside
 * decimals, and text recognition drops a point more often than a digit (seaborn's dropout
 * axis at 72 dpi, 0.1 to 0.5, read "01", "0.2", "03", "05", silently). Their places.
 */
export function pointsLost(labels: (string | null)[]): number[] {
  const decimal = labels.some((l) => l !== null && /^-?\d+\.\d+$/u.test(l));
  const whole = labels.some((l) => l !== null && /^-?(?:[1-9]\d*|0)$/u.test(l));
  if (!decimal || whole) return [];
  const mended: number[] = [];
  labels.forEach((l, i) => {
    const m = l === null ? null : /^(-?)0(\d+)$/u.exec(l);
    if (!m) return;
    labels[i] = `${m[1]}0.${m[2]}`;
    mended.push(i);
  });
  return mended;
}

/**
 * Labels of one family, a number between a prefix and a suffix of their own ("1K" to "128K",
 * "0h" to "23h", "layer 0" to "layer 8"): where half at least of those read are so, one read
 * as a number alone, where the family's have a prefix (two or more), lost it, and, where
 * three or more are so, one read as that prefix and suffix round a glyph to three that look
 * like digits but are letters ("BK" for "8K" at 45°, "ah" for "4h"), is its number misread:
 * not read (said, as every label not read is). Their places.
 */
export function offFamily(labels: (string | null)[]): number[] {
  const parts = labels.map((l) => (l === null ? null : /^(\D*?)(\d+)(\D*)$/u.exec(l)));
  const count = new Map<string, number>();
  for (const m of parts)
    if (m && (m[1] || m[3])) {
      const key = `${m[1]}\u0000${m[3]}`;
      count.set(key, (count.get(key) ?? 0) + 1);
    }
  let family = '';
  let most = 0;
  for (const [k, n] of count) if (n > most) [family, most] = [k, n];
  const read = labels.filter((l) => l).length;
  if (most < 2 || 2 * most < read) return [];
  const [prefix, suffix] = family.split('\u0000') as [string, string];
  const dropped: number[] = [];
  labels.forEach((l, i) => {
    // A number alone where the family's have a prefix lost it, and what it read it as: "r0"
    // turned up, read "2" beside "r1", "r3" and "r7", silently, and beside "r1" and "r3"
    // alone (two of a prefix, the others not read, are a family here). (Beside a suffix, a
    // number alone may be as written: 512 beside 1K, 2K.)
    if (prefix && l && parts[i] && !parts[i][1] && !parts[i][3]) {
      labels[i] = null;
      dropped.push(i);
      return;
    }
    if (most < 3 || !l || parts[i] || l.length <= prefix.length + suffix.length) return;
    if (!l.startsWith(prefix) || !l.endsWith(suffix)) return;
    const middle = l.slice(prefix.length, l.length - suffix.length);
    if (/^[OoDQIl|iSsZzBbGgqaAT]{1,3}$/.test(middle)) {
      labels[i] = null;
      dropped.push(i);
    }
  });
  return dropped;
}

/**
 * A square grid's two axes that carry the same labels (a confusion matrix's classes, an
 * attention map's tokens: three pairs read or more, three in four of them alike): the places
 * where the row's label and the column's, both read, differ. One of the two is misread, and
 * which is not known (scikit-learn's `I-ORG` read `IFORG` on one axis, a 72-dpi `dog` at 45°
 * read `00g`); neither is taken.
 */
export function pairsDiffer(
  rows: readonly (string | null)[],
  cols: readonly (string | null)[],
): number[] {
  if (rows.length !== cols.length) return [];
  const read = rows.flatMap((r, i) => (r !== null && cols[i] !== null ? [i] : []));
  return sameLabels(rows, cols, read) ? read.filter((i) => rows[i] !== cols[i]) : [];
}

/** Whether two axes carry the same labels: of the places `both` read, three or more, and three in four, alike. */
function sameLabels(
  rows: readonly (string | null)[],
  cols: readonly (string | null)[],
  both: readonly number[],
): boolean {
  const alike = both.filter((i) => rows[i] === cols[i]).length;
  return alike >= 3 && alike >= 0.75 * both.length;
}

/**
 * Labels read unsurely (read's maybe) that the other axis bears out, where a square grid's two
 * axes carry the same labels (pairsDiffer's test, on the labels read, not those given): a
 * label not read (or given by its place) whose unsure reading is the other axis's label, read
 * surely or unsurely alike. Two readings of two crops agree, as two scales' do (read). At 150
 * dpi scikit-learn's NER tag "I-LOC" was read 38% sure as the rows' label and as the
 * columns', and neither kept. The labels to set: which axis, where, and to what.
 */
export function pairsConfirmed(
  read: {
    readonly rows: readonly (string | null)[];
    readonly cols: readonly (string | null)[];
    readonly given: { readonly rows: readonly number[]; readonly cols: readonly number[] };
  },
  maybe: { readonly rows: readonly (string | null)[]; readonly cols: readonly (string | null)[] },
): ['rows' | 'cols', number, string][] {
  const { rows, cols, given } = read;
  if (rows.length !== cols.length) return [];
  const sure = (axis: 'rows' | 'cols', i: number) =>
    read[axis][i] !== null && !given[axis].includes(i) ? read[axis][i]! : null;
  const both = rows.flatMap((_, i) =>
    sure('rows', i) !== null && sure('cols', i) !== null ? [i] : [],
  );
  if (!sameLabels(rows, cols, both)) return [];
  const out: ['rows' | 'cols', number, string][] = [];
  rows.forEach((_, i) => {
    const r = sure('rows', i);
    const c = sure('cols', i);
    const mr = r === null ? maybe.rows[i] : null;
    const mc = c === null ? maybe.cols[i] : null;
    if (mr && (mr === c || mr === mc)) out.push(['rows', i, mr]);
    if (mc && (mc === r || mc === mr)) out.push(['cols', i, mc]);
  });
  return out;
}

/** A label read along an axis, and where its ink's middle stands (image pixels). */
export interface LabelAt {
  readonly text: string;
  readonly at: number;
}

/**
 * The labels of a continuous axis: matplotlib's imshow, matshow or pcolormesh marks its
 * coordinates (0.0, 2.5, 5.0 … over 16 columns; 0, 2, 4 … at pcolormesh's cell edges), not
 * its cells, and a label at a cell's edge had been given to the cell beside it ("2.5" to
 * column 2, "10.0" read "100" to column 10). Where three or more labels read as numbers lie
 * on one line through their places (value = a + b·place, to 1.5 px), all but one in five of
 * them, and one at least stands a quarter of a cell or more off its cell's centre, the
 * axis is one: each cell is labelled with its centre's coordinate on that line, to the
 * fewest decimals that write every centre within a tenth of a cell or 2 px (written with the
 * ticks' decimals where they have more: "1.0" among "0.0, 2.5"). A label whose decimal point
 * was not read is on the line where its digits, pointed as the others are, are. Null
 * otherwise (the labels are the cells' own, as seaborn draws them, each at its centre).
 */
/** Whether a place along an axis stands a quarter of a cell or more off the nearest cell's centre. */
function offCentre(at: number, from: number, lattice: Lattice): boolean {
  const i = Math.min(
    lattice.n - 1,
    Math.max(0, Math.floor((at - from - lattice.origin) / lattice.width)),
  );
  return Math.abs(at - (from + lattice.origin + (i + 0.5) * lattice.width)) >= 0.25 * lattice.width;
}

export function coordinateLabels(
  read: readonly LabelAt[],
  from: number,
  lattice: Lattice,
): {
  labels: string[];
  ticks: string[];
  /** The line, value = a + b · place, and whether every label on it is a whole number. */
  line: { a: number; b: number };
  whole: boolean;
} | null {
  const nums = read
    .flatMap((r) => {
      const v = labelNumber(r.text);
      return v === null ? [] : [{ ...r, v }];
    })
    .sort((p, q) => p.at - q.at);
  if (nums.length < 3) return null;
  const centre = (i: number) => from + lattice.origin + (i + 0.5) * lattice.width;
  let line = { a: 0, b: 0, on: [] as typeof nums };
  for (let p = 0; p + 1 < nums.length; p++) {
    const [n0, n1] = [nums[p]!, nums[p + 1]!];
    if (n1.at - n0.at < 1 || n1.v === n0.v) continue;
    const b = (n1.v - n0.v) / (n1.at - n0.at);
    const a = n0.v - b * n0.at;
    const on = nums.filter((n) => Math.abs(n.v - (a + b * n.at)) <= 1.5 * Math.abs(b));
    if (on.length > line.on.length) line = { a, b, on };
  }
  // A label whose decimal point was not read ("10.0" read "100" at 100 dpi, beside "7.5"):
  // on the line when its digits, with the point where the others have it, are.
  const decimals = (t: string) => /\.(\d+)$/.exec(t)?.[1]?.length ?? 0;
  const dec = decimals(line.on[0]?.text ?? '');
  const pointed = dec > 0 && line.on.every((n) => decimals(n.text) === dec);
  const pointedValue = (n: (typeof nums)[number]) =>
    !pointed || n.text.includes('.') ? n.v : n.v / 10 ** dec;
  // The line that fits those on it best (least squares: marks stand at whole pixels, and a
  // line through two neighbours is off by a pixel's share at the axis's end), then those on
  // it to 1.5 px, twice.
  const fit = (list: readonly (typeof nums)[number][]) => {
    const mx = list.reduce((t, n) => t + n.at, 0) / list.length;
    const my = list.reduce((t, n) => t + pointedValue(n), 0) / list.length;
    const b =
      list.reduce((t, n) => t + (n.at - mx) * (pointedValue(n) - my), 0) /
      list.reduce((t, n) => t + (n.at - mx) ** 2, 0);
    return { a: my - b * mx, b };
  };
  let on = line.on;
  for (let round = 0; round < 2 && on.length >= 2; round++) {
    const f = fit(on);
    on = nums.filter((n) => Math.abs(pointedValue(n) - (f.a + f.b * n.at)) <= 1.5 * Math.abs(f.b));
  }
  if (on.length < 3 || on.length < nums.length - Math.floor(nums.length / 5)) return null;
  const { a, b } = fit(on);
  if (!on.some((n) => offCentre(n.at, from, lattice))) return null;
  const values = Array.from({ length: lattice.n }, (_, i) => a + b * centre(i));
  // Within a tenth of a cell, or 2 px (the marks and the cells' edges are whole pixels).
  const within = Math.max(0.1 * Math.abs(b * lattice.width), 2 * Math.abs(b));
  let d = 0;
  while (d < 6 && values.some((v) => Math.abs(Number(v.toFixed(d)) - v) > within)) d++;
  // Each centre at those decimals, written with the ticks' own decimals where they have more.
  const shown = Math.max(d, pointed ? dec : 0);
  return {
    labels: values.map((v) => {
      const s = Number(v.toFixed(d)).toFixed(shown);
      return Number(s) === 0 ? (0).toFixed(shown) : s;
    }),
    ticks: on.map((n) => (pointedValue(n) === n.v ? n.text : pointedValue(n).toFixed(dec))),
    line: { a, b },
    whole: on.every((n) => Number.isInteger(pointedValue(n))),
  };
}

/**
 * The cells an axis of whole-number coordinates counts (imshow's and Plotly's index axes: 0,
 * 10, 20 … at the centres of rows 0, 10, 20, each row a unit, the grid from -0.5 to N - 0.5),
 * where its line puts the grid's two ends there (within a tenth of a unit, or 1.5 px): N, at
 * least 2, its cells 3 px or more; else null. A JPEG of Plotly's 64 rows of 5 px, their
 * edges faint, had been read 27 rows, labelled 0.0, 2.4, 4.8 … by this line, silently.
 */
export function indexCells(
  line: { readonly a: number; readonly b: number },
  from: number,
  to: number,
): number | null {
  const ends = [line.a + line.b * from, line.a + line.b * to].sort((p, q) => p - q);
  const [lo, hi] = [ends[0]!, ends[1]!];
  const n = Math.round(hi + 0.5);
  const near = Math.max(0.1, 1.5 * Math.abs(line.b));
  if (n < 2 || Math.abs(lo + 0.5) > near || Math.abs(hi - (n - 0.5)) > near) return null;
  return (to - from) / n >= 3 ? n : null;
}

export interface Labels {
  /** A label for each row and column; null where none was read. */
  readonly rows: (string | null)[];
  readonly cols: (string | null)[];
  /** The rows and columns whose label was not read but given by its sequence (inSequence). */
  readonly given: { readonly rows: readonly number[]; readonly cols: readonly number[] };
  /**
   * The rows and columns with no label in the image: no text stands beside them where the
   * others' labels stand (seaborn labels every other one, or every fifth, of many). Their
   * labels are null, as unread ones are.
   */
  readonly blank: { readonly rows: readonly number[]; readonly cols: readonly number[] };
  /**
   * Whether an axis's blank ones are numbered as the labels shown are (numberedBetween);
   * else positions stand in.
   */
  readonly between: { readonly rows: boolean; readonly cols: boolean };
  /**
   * A continuous axis's tick labels as read (coordinateLabels), where its rows or columns are
   * labelled with their centres' coordinates; null for an axis of the cells' own labels.
   */
  readonly coordinates: {
    readonly rows: readonly string[] | null;
    readonly cols: readonly string[] | null;
  };
  /**
   * How many cells a continuous axis of whole-number coordinates counts, where its labels put
   * the grid's ends at -0.5 and N - 0.5 (indexCells); null otherwise.
   */
  readonly index: { readonly rows: number | null; readonly cols: number | null };
  /** Where the labels stand: the rows' at the left or right, the columns' below or above (null: none found). */
  readonly sides: { readonly rows: 'left' | 'right' | null; readonly cols: 'below' | 'top' | null };
  /** The rows' axis title where it stands level beside them, no label there (seed-003's "Targets"); else null. */
  readonly rowTitle: string | null;
  /** Labels not read because they run off the image's edge (savefig's, long labels turned up). */
  readonly cut: { readonly rows: readonly number[]; readonly cols: readonly number[] };
  /** How wide the labels' font is against DejaVu Sans (fontWidth; 1: as wide, or not told). */
  readonly fontWidth: number;
}

/** How many labels of an axis are read both ways before the rest are read the way they agree on. */
const PROBE = 4;

/**
 * Where a row labels' band ends (its outer edge, image x), an axis title turned up along the
 * rows left out: the band's outermost part, apart from the rest by a blank column or more,
 * no wider than twice the labels' height (the line of a turned title), holds ink that runs on
 * along two and a half times that height or more (a level label's glyphs are as high as it;
 * the title's glyphs taken as one run where they stand apart by under half that height, and
 * by under half the blank between two rows' labels, so that labels one over another are
 * not). The labels' height is their ink's along the rest of the band (the median of its runs
 * down it, within a row and a half). Else its edge as it was. ggplot2 sets its axis title 4
 * px from the row labels at 100 dpi, within the gap that parts blocks of text (7 px at 150
 * dpi, beyond it): the labels beside it had been read with a piece of its glyphs ("3 pear",
 * "a horse"), or not read at all.
 */
export function titleApart(img: Image, band: Box, right: boolean, rowHigh: number): number {
  const edge = right ? band.x1 : band.x0;
  const parts = runs(img, band, true, 1);
  if (parts.length < 2) return edge;
  const [x0, x1] = right ? parts[parts.length - 1]! : parts[0]!;
  const rest = right ? { ...band, x1: parts[parts.length - 2]![1] } : { ...band, x0: parts[1]![0] };
  const heights = runs(img, rest, false, 2)
    .map(([a, b]) => b - a)
    .filter((h) => h <= 1.5 * rowHigh);
  if (!heights.length) return edge;
  const textHigh = median(heights);
  if (x1 - x0 > 2 * textHigh) return edge;
  const gap = Math.max(1, Math.min(Math.ceil(textHigh / 2), Math.floor((rowHigh - textHigh) / 2)));
  const along = runs(img, { ...band, x0, x1 }, false, gap);
  if (!along.some(([a, b]) => b - a >= 2.5 * textHigh)) return edge;
  return right ? rest.x1 : rest.x0;
}

/** A plain number, as a label reads. */
const NUMBER = /^-?\d+(\.\d+)?$/;

/**
 * The labels, read in the font the image's are written in. Each reading is held to the width
 * its text has in that font (asWide), which is first taken as DejaVu Sans (matplotlib's and
 * seaborn's); the sure readings (fontWidth) then tell whether it is another (Liberation
 * Sans, Arial's metrics, is about 0.86 as wide, Liberation Serif, Times', 0.83 to 0.87:
 * Plotly's labels, and matplotlib's in a paper's font, had most of their right readings
 * refused, 90% sure and more, and some wrong ones taken). In another, they are weighed again at its width: each strip is read once (the
 * second time answered as before).
 */
export async function readLabels(
  img: Image,
  grid: Box,
  cells: Cells,
  bg: readonly number[],
  recognize: Recognize,
  recognizeNumber: Recognize,
  em: number | null = null,
  /** How many labels to read at once (the readers the recognizers have). */
  parallel = 1,
  /** The colorbar's box: row labels at the right of the grid stand before it. */
  colorbar: Box | null = null,
  /** Other heatmaps' grids in the image: the labels' areas end before them. */
  others: readonly Box[] = [],
): Promise<Labels> {
  const asked: Asked = {
    img,
    grid,
    cells,
    bg,
    recognize: remembering(recognize),
    recognizeNumber: remembering(recognizeNumber),
    em,
    parallel,
    colorbar,
    others,
  };
  const seen: number[] = [];
  const read = (font: number, sure: number[] | null) => labelsIn(asked, font, sure);
  const first = await read(1, seen);
  const font = fontWidth(seen);
  return font === 1 ? first : read(font, null);
}

/**
 * How wide the labels' font is against DejaVu Sans, from the sure readings' inks (each its
 * ink's width over its text's in DejaVu Sans at its size): their median, where three or more
 * tell and it is off by more than 8% (DejaVu Sans' own, scaled and smoothed, are within 5%);
 * else 1.
 */
export function fontWidth(ratios: readonly number[]): number {
  if (ratios.length < 3) return 1;
  const m = median(ratios);
  return Math.abs(m - 1) > 0.08 ? Math.min(1.4, Math.max(0.6, m)) : 1;
}

/**
 * A recognizer that reads each strip once: the same pixels again are answered as the first
 * time (readLabels reads an image's labels twice where its font is not DejaVu Sans).
 */
export function remembering(recognize: Recognize): Recognize {
  const seen = new Map<string, { rgba: Uint8Array; words: ReturnType<Recognize> }[]>();
  return (rgba, width, height) => {
    // FNV-1a over the pixels.
    let h = 0x811c9dc5;
    for (let i = 0; i < rgba.length; i++) h = Math.imul(h ^ rgba[i]!, 0x01000193);
    const key = `${width}x${height}:${h >>> 0}`;
    const same = seen.get(key) ?? [];
    const had = same.find(
      (e) => e.rgba.length === rgba.length && e.rgba.every((v, i) => v === rgba[i]),
    );
    if (had) return had.words;
    const words = recognize(rgba, width, height);
    same.push({ rgba, words });
    seen.set(key, same);
    return words;
  };
}

/** What readLabels is asked to read the labels of, and with (its arguments). */
interface Asked {
  readonly img: Image;
  readonly grid: Box;
  readonly cells: Cells;
  readonly bg: readonly number[];
  readonly recognize: Recognize;
  readonly recognizeNumber: Recognize;
  readonly em: number | null;
  readonly parallel: number;
  readonly colorbar: Box | null;
  readonly others: readonly Box[];
}

async function labelsIn(
  asked: Asked,
  /** How wide the labels' font is against DejaVu Sans (fontWidth). */
  font: number,
  /** Where the sure readings' widths against DejaVu Sans' are gathered (null: not asked). */
  sure: number[] | null,
): Promise<Labels> {
  const { img, grid, cells, bg, recognize, recognizeNumber, em, parallel, colorbar, others } =
    asked;
  // How far each side's labels may reach: to the next heatmap on that side (the area under
  // the first of four panels one over another had reached into the second's cells, read as
  // its column labels, "none could be read").
  const acrossX = (o: Box) => o.x1 > grid.x0 && o.x0 < grid.x1;
  const acrossY = (o: Box) => o.y1 > grid.y0 && o.y0 < grid.y1;
  const reachTo = {
    below: Math.min(
      img.height,
      ...others.filter((o) => acrossX(o) && o.y0 >= grid.y1).map((o) => o.y0),
    ),
    top: Math.max(0, ...others.filter((o) => acrossX(o) && o.y1 <= grid.y0).map((o) => o.y1)),
    left: Math.max(0, ...others.filter((o) => acrossY(o) && o.x1 <= grid.x0).map((o) => o.x1)),
    right: Math.min(
      img.width,
      ...others.filter((o) => acrossY(o) && o.x0 >= grid.x1).map((o) => o.x0),
    ),
  };
  const k = img.height < 1200 ? 3 : 2;
  const rows: (string | null)[] = Array.from({ length: cells.rows }, () => null);
  const cols: (string | null)[] = Array.from({ length: cells.cols }, () => null);
  const given: { rows: number[]; cols: number[] } = { rows: [], cols: [] };
  /** The labels read unsurely (read's maybe), where none was read surely. */
  const maybe: { rows: (string | null)[]; cols: (string | null)[] } = {
    rows: rows.map(() => null),
    cols: cols.map(() => null),
  };
  const sides: { rows: 'left' | 'right' | null; cols: 'below' | 'top' | null } = {
    rows: null,
    cols: null,
  };
  const coordinates: { rows: string[] | null; cols: string[] | null } = { rows: null, cols: null };
  const index: { rows: number | null; cols: number | null } = { rows: null, cols: null };
  // The axes' tick marks, each side looked for once (the row labels' edge and a continuous
  // axis both ask for the left's).
  const marksFound = new Map<'left' | 'below' | 'top', number[]>();
  const marksOn = (side: 'left' | 'below' | 'top') => {
    const had = marksFound.get(side);
    if (had) return had;
    const m = axisMarks(img, grid, side);
    marksFound.set(side, m);
    return m;
  };
  const blank: { rows: number[]; cols: number[] } = { rows: [], cols: [] };
  /** The boxes of labels that run off the image (not read). */
  const cutBoxes: Box[] = [];
  /** The labels not read beside which no text stands, where some does beside others. */
  const blanks = (labels: readonly (string | null)[], beside: ReadonlyMap<number, unknown>) =>
    beside.size ? labels.flatMap((l, i) => (l === null && !beside.has(i) ? [i] : [])) : [];
  /**
   * A label read as text; a short one as a number too (numbers, the positions numpy arrays
   * are labelled with, read better so), the number kept when it is read as surely.
   */
  const textOrNumber = async (
    line: (r: Recognize) => Promise<{ text: string; confidence: number }>,
  ) => {
    const text = await line(recognize);
    const asNumber = text.text.length <= 4 ? await line(recognizeNumber) : null;
    return asNumber && NUMBER.test(asNumber.text) && asNumber.confidence >= text.confidence - 5
      ? asNumber
      : text;
  };
  /** A label's text and how sure the reading is, level or turned a quarter. */
  const readAs = async (
    box: Box,
    /** Level (false), turned a quarter clockwise (true: text written upwards), or anticlockwise. */
    turn: boolean | 'down',
    smooth: boolean,
    scale = k,
    numbers = false,
    /** The box's crop at `scale`, where it was made already. */
    cropped: Crop | null = null,
  ) => {
    const c0 = cropped ?? crop(img, box, scale, 8, smooth);
    const c = turnedWay(c0, turn);
    const line = async (r: Recognize) => lineOf(await r(c.rgba, c.width, c.height));
    // An axis of numbers: read as a number alone, as text too only where that is not one.
    const first = numbers ? await line(recognizeNumber) : null;
    // (Read less surely as a number alone than a label is kept at, it is read as text too:
    // two-digit row labels read 36% to 50% sure as numbers, 90% and more as text.)
    const best =
      first && NUMBER.test(first.text) && first.confidence >= 60 ? first : await textOrNumber(line);
    const ink = inkBox(c);
    if (!ink) return { text: '', confidence: 0 };
    const size = em === null ? null : em * scale;
    // (The crop's ink made once for the glyphs' checks.)
    const g = glyphInk(c, ink.level);
    const said = stemMended(underscored(best.text, c, ink), ink, size, g);
    const wide = asWide(said, ink, true, font, size)
      ? said
      : (lostUnderscore(said, c, ink, font, size) ?? said);
    // A capital O and a 0 alone are told by their ink's shape, 0.8 as wide as high between
    // them (DejaVu Sans' glyph boxes: its 0 is 0.67 as wide as high, its O 0.89; other fonts
    // were not measured): scikit-learn's NER tag "O" had been read "0", on both axes.
    const one = /^[0O]$/.test(wide) ? (ink.w >= 0.8 * ink.h ? 'O' : '0') : wide;
    // Stems told by their glyphs ("f1" read "fl", "ppl" read "pp!"), checked as the rest is.
    const stems = stemsTold(one, g);
    // A capital of a small letter's shape (C, O, S, U, V, W, X, Z), in a reading of three
    // characters or more with small letters, where the ink is only as high as small letters:
    // that small letter (a 300-dpi JPEG's "car" read "Car", 87% sure, and refused as not as
    // high as a C). A character alone tells nothing so: seaborn's "a" read "O" is not an o.
    // (The capitals of SMALL_OF, which smallMended makes small by a taller glyph beside them.)
    const small = stems.replace(/\p{Lu}/gu, (ch) => SMALL_OF[ch] ?? ch);
    const cased = [...stems].length >= 3 && /\p{Ll}/u.test(stems);
    const stemsHigh = asHigh(stems, ink, size);
    const read = cased && !stemsHigh && asHigh(small, ink, size) ? small : stems;
    const high = read !== stems || stemsHigh;
    // A sure reading of three letters or more, its size told by its ink, tells the font's
    // width (where a t is the tallest letter, its ink does not tell).
    const { top, low } = letterExtent(read, true);
    if (sure && high && top === low && best.confidence >= 90 && /(\p{L}.*){3}/u.test(read))
      sure.push(ink.w / ((advance(read) - 0.1) * emOf(read, ink, true)));
    // Not as wide as its ink (a character lost or gained), not as high as its letters are
    // at the tick labels' size (seed-001's "o" turned up read "0"), or of fewer characters
    // than its ink shows glyphs apart (seaborn's "t3" read "2", 70% sure), or whose
    // characters are not as high as its glyphs ("I-ORG" read "IFORG"): not read.
    if (!high || !asWide(read, ink, true, font, size)) return { text: '', confidence: 0 };
    // Braces not in pairs: one was read for a parenthesis (iris's "sepal width (cm)" read
    // "sepal width {cm)" at 72 dpi); which one is not told, so the label is not read.
    // (Brackets of other kinds pair across: pandas' intervals are written "(0.5, 1.0]".)
    if (!bracesPaired(read)) return { text: '', confidence: 0 };
    // Capitals and digits as high as small letters made those ("s1" read "51"), an I beside
    // small letters as tall as an l made one ("ALBERT-xxl" read "ALBERT-xxI"), and a g, p
    // or q the letter its tail shows ("qwen2-7b" read "gwen2-7b"), a key=value label's key's
    // I before small letters an l ("lr=1e-4" read "Ir=1e-4"), and an S or a 5 the one its
    // glyph shows ("S3" read "53").
    const told = keyEll(
      tailsMended(ellsTold(zerosTold(fivesTold(smallMended(read, g), g, scale), g, scale), g), g),
    );
    // Fewer words than its ink shows apart: a space lost, and a letter with it or misread for
    // the gap ("LoRA r 8" turned up, read "LoRAT 8", and "IA3 v 2" read "IA3v 2", silently).
    if (size !== null && spacesShown(g, size) > (told.match(/\s+/gu) ?? []).length)
      return { text: '', confidence: 0 };
    // More stems than the ink shows, where glyphs stand apart ("CoLA" read "ColLA" at 200
    // dpi): the one too many left out where that tells one text, as wide as the ink and with a
    // glyph for each character; else not read.
    // (An unsure reading is asked from 14 px to the em: "block1" read "block1l" at 150 dpi,
    // 28% and 35% sure at two scales, an l where no glyph stands.)
    const emPx = emOf(told, ink, true, size) / scale;
    const text = stemsMended(told, g, emPx >= (best.confidence >= 60 ? 20 : 14));
    if (text === null || (text !== told && !asWide(text, ink, true, font, size)))
      return { text: '', confidence: 0 };
    return glyphsShown(g, /^[\d.,-]+$/.test(text)) <= glyphChars(text).length &&
      shapesAgree(text, g) &&
      hangsAgree(text, g) &&
      dotsAgree(text, g)
      ? { ...best, text }
      : { text: '', confidence: 0 };
  };
  /**
   * Whether a label's box runs off the image: it reaches the image's edge, or stops within 3 px
   * of it with ink, however pale, between (a glyph cut by the edge shows a rim of anti-aliased
   * ink under its last dark row: seaborn's "model 0" turned up, its m cut at the foot of a
   * figure saved without tight_layout, was read "odel 0").
   */
  const runsOff = (box: Box): Box | null => {
    const pale = (x0: number, x1: number, y0: number, y1: number) => {
      for (let y = y0; y < y1; y++)
        for (let x = x0; x < x1; x++) if (isDark(img, x, y, 230)) return true;
      return false;
    };
    // (The box taken to the edge it runs off: cutOf finds the labels by it.)
    const off = {
      x0: box.x0 <= 3 && pale(0, box.x0, box.y0, box.y1) ? 0 : box.x0,
      y0: box.y0 <= 3 && pale(box.x0, box.x1, 0, box.y0) ? 0 : box.y0,
      x1: img.width - box.x1 <= 3 && pale(box.x1, img.width, box.y0, box.y1) ? img.width : box.x1,
      y1:
        img.height - box.y1 <= 3 && pale(box.x0, box.x1, box.y1, img.height) ? img.height : box.y1,
    };
    return off.x0 <= 0 || off.y0 <= 0 || off.x1 >= img.width || off.y1 >= img.height ? off : null;
  };
  /**
   * A label: a long one turned when it is much taller than wide (matplotlib's rotation=90);
   * a short one (a digit or two, whose shape does not tell) read both ways, the surer kept.
   */
  const read = async (
    box: Box,
    turn: boolean | null = null,
    numbers = false,
    /** Which way labels taller than wide are written on this axis, where known (readAxis). */
    upright: true | 'down' | null = null,
  ) => {
    // A label that runs off the image is not there whole: not read, and said. (Long labels
    // turned up past savefig's edge, "checkpoint-4000" showing "4000" with its 4 cut, read
    // "1000".) The page is light here: a dark one is read turned over (decodeImage).
    const off = runsOff(box);
    if (off) {
      cutBoxes.push(off);
      return { text: '', maybe: '', turn: null, upright: null, way: null };
    }
    const w = box.x1 - box.x0;
    const h = box.y1 - box.y0;
    const shaped = Math.max(w, h) >= 2.2 * Math.min(w, h);
    // A label of several glyphs scaled up smoothly (pixel blocks made "row0" read "row", 7%
    // sure, and "row1" "owl"); a glyph or two in blocks (a lone "x", smoothed, was not read;
    // matplotlib's "0" and "3" were read "o" and "w"). Its ink tells, not its box (a column's
    // box is as tall as the line of labels, turned or not).
    const smooth = glyphs(img, box);
    // Ink half as wide again as it is high, glyphs side by side, runs level: text turned a
    // quarter is taller than wide (a sign turned up, seed-004's "=", is two upright bars). Read
    // turned too, Plotly's level "W2" and "W3" under their columns were read "=", 90% sure,
    // and kept as the surer way, no label.
    // (The crop looked at is the one read: made once.)
    const c0 = !shaped && turn === null ? crop(img, box, k, 8, smooth) : null;
    const level = c0 !== null && levelInk(c0);
    // A label taller than wide is written upwards (matplotlib's rotation=90) or downwards
    // (Plotly's crowded columns, turned 90°: read upwards, upside down, "kappa" was "eddey",
    // 89% sure): both, where the axis's way is not known yet.
    // A short one on such an axis is turned its long ones' way.
    const up = upright === 'down' ? 'down' : true;
    const ways: (boolean | 'down')[] = shaped
      ? h > w
        ? upright === null
          ? [true, 'down']
          : [upright]
        : [false]
      : level
        ? [false]
        : turn === null
          ? [false, up]
          : [turn && up];
    let best = { text: '', confidence: 0 };
    let bestTurn: boolean | 'down' = false;
    for (const turn of ways) {
      const r = await readAs(box, turn, smooth, k, numbers, c0);
      if (r.confidence > best.confidence || !best.text) [best, bestTurn] = [r, turn];
    }
    /**
     * The label's text, which way it was read where its shape did not tell, and which way a
     * label taller than wide was (the axis's others are read so).
     */
    const as = (text: string, maybe = '') => ({
      text,
      /** A reading passed over as unsure (but as wide and high as its ink): another may bear it out (pairsConfirmed). */
      maybe,
      turn: shaped || !text || bestTurn === 'down' ? null : bestTurn,
      upright: shaped && text && bestTurn !== false ? bestTurn : null,
      /** The way it was read (null where it was not). */
      way: text ? bestTurn : null,
    });
    // A label has a letter or a digit. The surer way is kept before that is asked, so that a
    // sign read one way does not leave the other way's misreading of it (seed-004's "=",
    // turned up, read "Il" level): such a label is not read. A sign is not taken even read
    // surely: seed-001's "u" and ">", turned up, read "=" turned, 90% sure and more.
    if (!/[\p{L}\p{N}]/u.test(best.text)) return as('');
    if (best.confidence >= 60) return as(best.text);
    // Less sure (text recognition's confidence is low for short words with digits and
    // hyphens: "llama-7b" read right 59% sure, "gpt2-xl" 0%): kept when read alike again at
    // another scale. Three characters at least: a mark read "Il" twice is not a label.
    // Or, where the other two scales read it alike, one of them surely, as they read it: an
    // I lost at one scale is not lost at two ("I-ORG" at 72 dpi read "-ORG" 28% sure, and
    // "I-ORG" 75% and 28% at the scales either side).
    // Or as one of them reads it surer than a label is kept at (80%), the other reading
    // nothing else as surely (seaborn's "SST-2" turned up at 100 dpi read "557-2" 1% sure, and
    // "SST-2" 85% at the scale below).
    if (best.text.length < 3) return as('', best.text);
    const again: { text: string; confidence: number }[] = [];
    for (const scale of [k + 1, k - 1]) {
      const r = await readAs(box, bestTurn, smooth, scale);
      if (r.text === best.text) return as(best.text);
      again.push(r);
    }
    const [a, b] = [again[0]!, again[1]!];
    const label = (t: string) => t.length >= 3 && /[\p{L}\p{N}]/u.test(t);
    if (a.text === b.text && Math.max(a.confidence, b.confidence) >= 60 && label(a.text))
      return as(a.text);
    const surest = again.filter((r) => r.confidence >= 80 && label(r.text));
    return surest.length === 1 ? as(surest[0]!.text) : as('', best.text);
  };
  /**
   * An axis's labels, all turned alike and all of a kind: the first few whose shape does not
   * tell (a digit or two) are read both ways; where three or more of them are read and all
   * one way, the rest are read only that way (a numbered axis's labels were each read four
   * times: level and turned, as text and as a number). Where the first few read are three or
   * more and all numbers, the rest are read as numbers first (as text too where one is not).
   * As many at once as there are readers; the same choices however many there are.
   */
  const readAxis = async (
    boxes: readonly Box[],
  ): Promise<{ texts: string[]; maybes: string[] }> => {
    const first = await inTurns(boxes.slice(0, PROBE), parallel, (b) => read(b));
    const turns = first.flatMap((r) => (r.turn === null ? [] : [r.turn]));
    const way = turns.length >= 3 && turns.every((t) => t === turns[0]) ? turns[0]! : null;
    const texts = first.filter((r) => r.text);
    const numbers = texts.length >= 3 && texts.every((r) => NUMBER.test(r.text));
    // (A glyph alone does not tell which way up it is: Plotly's token "I", turned down, was
    // read as well turned up.)
    const ups = first.flatMap((r) =>
      r.upright === null || glyphChars(r.text).length < 2 ? [] : [r.upright],
    );
    const upright = ups.length >= 3 && ups.every((u) => u === ups[0]) ? ups[0]! : null;
    const rest = await inTurns(boxes.slice(PROBE), parallel, (b) => read(b, way, numbers, upright));
    // A label of no letter read turned down where the axis's first labels do not say it runs
    // down is not read: 0, 1 and 8 read alike upside down, and a number written upwards can
    // read as another downwards (seaborn's learning rates at 72 dpi, turned up as matplotlib
    // turns them, "0.0001", "0.001" and "0.003" read downwards as "10000", "1000" and "£000",
    // the upward readings not kept, silently).
    const all = [...first, ...rest].map((r) =>
      r.upright === 'down' && upright !== 'down' && r.text && !/\p{L}/u.test(r.text)
        ? { ...r, text: '', maybe: '' }
        : r,
    );
    // Each label's crop as read, level (turned where it was, or where its shape or the
    // axis's way says), made once when first asked for: by prefixed (labels of one prefix and
    // a number) and by the letter check (every label read with a letter or a digit).
    const made = new Map<number, Crop>();
    const level = (i: number) => {
      let c = made.get(i);
      if (!c) {
        c = levelOf(i);
        made.set(i, c);
      }
      return c;
    };
    const levelOf = (i: number) => {
      const b = boxes[i]!;
      const w = b.x1 - b.x0;
      const h = b.y1 - b.y0;
      const c = crop(img, b, k, 8, true);
      // The way it was read; one not read, the way its shape or the axis's says (a short
      // label read downwards, Plotly's "on" among its tokens, is no way's by its shape).
      const read = all[i]!.way;
      if (read !== null) return turnedWay(c, read);
      const turn = Math.max(w, h) >= 2.2 * Math.min(w, h) ? h > w : (all[i]!.turn ?? way ?? false);
      return turnedWay(c, turn && (all[i]!.upright ?? upright) === 'down' ? 'down' : turn);
    };
    const said = await codes(
      await prefixed(
        all.map((r) => r.text),
        level,
        recognize,
        recognizeNumber,
        parallel,
      ),
      level,
      recognize,
      recognizeNumber,
      k,
      parallel,
    );
    return { texts: letterChecked(said, level).labels, maybes: all.map((r) => r.maybe) };
  };
  /**
   * A continuous axis's labels (coordinateLabels): where the axis's tick marks on `side` are
   * three or more over the grid and one at least stands a quarter of a cell or more off every
   * cell's centre, the label at each mark (the pieces of text, along `band`, whose middles
   * are within half a mark's spacing of it) is read, and each cell is given its centre's
   * coordinate. `into` takes them; the ticks read are returned, or null (the axis's labels are
   * then read cell by cell).
   */
  const continuousAxis = async (
    side: 'left' | 'below' | 'top',
    band: Box,
    into: (string | null)[],
  ): Promise<string[] | null> => {
    const along = side === 'left';
    const lattice = along ? cells.ys : cells.xs;
    const [from, to] = along ? [grid.y0, grid.y1] : [grid.x0, grid.x1];
    // (Marks at the grid's first and last edges stand within a pixel and a half of them.)
    const inside = (m: number) => m >= from - 1.5 && m <= to + 1.5;
    const marked = marksOn(side).filter(inside);
    // An axis with no marks (Plotly's): its labels' middles stand where its marks would,
    // each label a piece of text along the band, to count its cells by (a JPEG of its 80
    // rows of 4 px, read as one row, had its labels 0 to 70 taken for that row's one label).
    const marks =
      marked.length >= 3
        ? marked
        : runs(img, band, !along, along ? 2 : 3)
            .map(([a, b]) => (a + b - 1) / 2)
            .filter(inside);
    if (marks.length < 3) return null;
    // (Before any label is read: most axes are their cells' own.)
    if (!marks.some((m) => offCentre(m, from, lattice))) return null;
    const spacing = (marks[marks.length - 1]! - marks[0]!) / (marks.length - 1);
    // The labels begin past the marks (measured at them: the band was found past marks at
    // the cells' centres, where such an axis has none, and a mark read with its label is a
    // dash: "8-").
    const dark = (x: number, y: number) => isDark(img, x, y, 170);
    const out =
      marks === marked
        ? marksFrom(1, (start) => reach(img, grid, side, marks, dark, 40, start)) + 2
        : 0;
    const clear =
      side === 'left'
        ? { ...band, x1: Math.min(band.x1, grid.x0 - out) }
        : side === 'below'
          ? { ...band, y0: Math.max(band.y0, grid.y1 + out) }
          : { ...band, y1: Math.min(band.y1, grid.y0 - out) };
    if (clear.x1 - clear.x0 < 3 || clear.y1 - clear.y0 < 3) return null;
    const pieces = runs(img, clear, !along, along ? 2 : 3);
    const spans = marks.flatMap((m) => {
      const near = pieces.filter(([a, b]) => Math.abs((a + b) / 2 - m) <= spacing / 2);
      if (!near.length) return [];
      const a = Math.min(...near.map((p) => p[0]));
      const b = Math.max(...near.map((p) => p[1]));
      return [{ m, box: along ? { ...clear, y0: a, y1: b } : { ...clear, x0: a, x1: b } }];
    });
    const { texts } = await readAxis(spans.map((s) => s.box));
    const c = coordinateLabels(
      spans.map((s, i) => ({ text: texts[i] ?? '', at: s.m })),
      from,
      lattice,
    );
    if (!c) return null;
    if (c.whole) index[along ? 'rows' : 'cols'] = indexCells(c.line, from, to);
    // Pieces of text for marks count an index axis's cells, and no more: a label's ink
    // leaves its middle off its cell's (a "y" hangs below "layer 0"), and labels so read had
    // been given as coordinates ("0.4" for "layer 0"). The labels are read cell by cell.
    if (marks !== marked) return null;
    c.labels.forEach((l, i) => {
      into[i] = l;
    });
    return c.ticks;
  };
  // Row labels: the block of text nearest the grid on its left (the axis title is beyond a
  // gap); where none is read there, on its right (seaborn's clustermap: its rows' dendrogram
  // at the left, their labels at the right), before the colorbar if that stands there.
  const split = Math.max(6, 2 * k);
  // A piece taller than a row and a half is no one row's.
  const piecesOf = (x0: number, x1: number) =>
    byCell(
      runs(img, { x0, x1, y0: grid.y0, y1: grid.y1 }, false, 2).filter(
        ([y0, y1]) => y1 - y0 <= 1.5 * cells.ys.width,
      ),
      grid.y0,
      cells.ys,
    );
  /** An axis's labels read, mended as a family's numbers (offFamily) and an axis of decimals (pointsLost). */
  const numbersMended = (labels: (string | null)[]) => {
    offFamily(labels);
    pointsLost(labels);
  };
  const rowLabels = async (right: boolean) => {
    // Past the marks at the rows' centres, and at the axis's own marks on the left (a
    // continuous axis's stand at the rows' edges: its marks had been taken for the labels).
    const marked = right
      ? 0
      : marksFrom(1, (start) =>
          markReach(
            img,
            grid,
            'left',
            marksOn('left'),
            (x, y) => isDark(img, x, y, 170),
            start,
            cells.ys.width,
            2,
          ),
        );
    const out = right
      ? tickReach(img, grid, cells, 'right', bg)
      : Math.max(tickReach(img, grid, cells, 'left', bg), marked);
    // Two pixels more, for the grid's blurred edge; one, where nothing reaches out and the
    // second pixel's column is no line (Plotly's row labels end 2 px from the grid: "cat"
    // had been read "cal", its t's bar cut, and "0" "C").
    const x2 = right ? grid.x1 + 1 : grid.x0 - 2;
    let inked = 0;
    for (let y = grid.y0; y < grid.y1; y++) if (isDark(img, x2, y, 170)) inked++;
    const margin = out === 0 && inked < 0.5 * (grid.y1 - grid.y0) ? 1 : 2;
    const edge = right ? grid.x1 + out + margin : grid.x0 - out - margin;
    const end = right
      ? Math.min(reachTo.right, colorbar && colorbar.x0 > grid.x1 ? colorbar.x0 - 2 : img.width)
      : reachTo.left;
    if (Math.abs(end - edge) < 4) return;
    const area = { x0: Math.min(edge, end), y0: grid.y0, x1: Math.max(edge, end), y1: grid.y1 };
    // The blocks from the grid out.
    const blocks = runs(img, area, true, split);
    if (!right) blocks.reverse();
    const near = blocks[0];
    if (!near) return;
    const band = { x0: near[0], x1: near[1], y0: grid.y0, y1: grid.y1 };
    // Labels of words whose spaces fall in the same columns on every row ("layer 0" to
    // "layer 6", right-aligned) part into blocks: a block further out joins when it is near
    // (within two of its split gaps, or a word's space with its glyphs' sides, about 0.55 of a
    // digit's height: "layer 0" at 200 dpi in seaborn's talk size parts by 18 px, its 0 33 px
    // high) and is pieces beside the rows' own,
    // two or more (an axis title, turned up along the rows, is one piece, or pieces of no row).
    // Only labels written level part so: those turned up (their pieces twice as long as their
    // block is wide, or more) have their spaces along the rows, and a block beyond is no word
    // of theirs (seaborn's "learning_rate" turned up 7 px beside "0.0001" and "0.0003" at 150
    // dpi had been joined to them, a band of 45 px where theirs is 17, and neither was read).
    const rowsOf = piecesOf(band.x0, band.x1);
    const heights = [...rowsOf.values()].map(([a, b]) => b - a);
    const space = heights.length ? Math.round(0.6 * median(heights)) : 0;
    const level = heights.length > 0 && median(heights) < 2 * (near[1] - near[0]);
    for (const [x0, x1] of level ? blocks.slice(1) : []) {
      const far = piecesOf(x0, x1);
      if ((right ? x0 - band.x1 : band.x0 - x1) > Math.max(2 * split, space) || far.size < 2) break;
      if (![...far.keys()].every((r) => rowsOf.has(r))) break;
      // Each on the line of its row's label, and as high: the needle-in-a-haystack charts'
      // two-word title turned up beside their row labels ("Depth Percent", each word a piece
      // in a row of its own) had been joined to them, and three rows read as one blot.
      const online = ([r, [a, b]]: [number, [number, number]]) => {
        const [na, nb] = rowsOf.get(r)!;
        const h = nb - na;
        return b - a <= 1.5 * h + 2 && Math.abs(a + b - na - nb) / 2 <= 0.5 * h + 1;
      };
      if (![...far].every(online)) break;
      if (right) band.x1 = x1;
      else band.x0 = x0;
    }
    // An axis title turned up along the rows, within `split` of their labels, is taken into
    // their block: the band ends before it.
    const outer = titleApart(img, band, right, cells.ys.width);
    if (right) band.x1 = outer;
    else band.x0 = outer;
    const joined = band.x0 !== near[0] || band.x1 !== near[1];
    const pieces = joined ? piecesOf(band.x0, band.x1) : rowsOf;
    // A continuous axis's labels stand at its marks, which may be at the rows' edges (half a
    // label past the grid's first and last).
    if (!right) {
      const margin = Math.ceil(cells.ys.width / 2);
      coordinates.rows = await continuousAxis(
        'left',
        { ...band, y0: Math.max(0, grid.y0 - margin), y1: Math.min(img.height, grid.y1 + margin) },
        rows,
      );
      if (coordinates.rows) {
        sides.rows = 'left';
        return;
      }
    }
    // Each label alone (readAxis). A first or last row's label that runs on past the grid's
    // top or foot (turned up, longer than its row is high) is read whole: to the first row
    // of no ink beyond, within a row's height (seaborn's "attention" turned up beside the
    // first row of a 100-dpi attention map, its n cut at the grid's top, had been read
    // "attentior", silently).
    const inkedRow = (y: number) => {
      for (let x = band.x0; x < band.x1; x++) if (isDark(img, x, y, 170)) return true;
      return false;
    };
    const beyond = (y: number, step: 1 | -1) => {
      let at = y;
      const limit = y + step * Math.ceil(cells.ys.width);
      while (at !== limit && at + step >= 0 && at + step < img.height && inkedRow(at + step))
        at += step;
      return at === limit ? y : at;
    };
    const each = [...pieces].map(([r, [y0, y1]]): [number, [number, number]] => [
      r,
      [
        y0 <= grid.y0 && inkedRow(grid.y0) ? beyond(grid.y0, -1) : y0,
        y1 >= grid.y1 && inkedRow(grid.y1 - 1) ? beyond(grid.y1 - 1, 1) + 1 : y1,
      ],
    ]);
    const { texts, maybes } = await readAxis(
      each.map(([, [y0, y1]]) => ({ x0: band.x0, x1: band.x1, y0, y1 })),
    );
    // One piece of text level at the middle of three rows or more, and no tick mark: the
    // axis's title (`set_ylabel(..., rotation=0)`, seed-003's "Targets"), not a row's label
    // (it had been given to row 4).
    const [only] = each;
    const rowMarks = marksOn('left').some((y) => y >= grid.y0 && y <= grid.y1);
    if (each.length === 1 && only && cells.rows >= 3 && !rowMarks) {
      const mid = (only[1][0] + only[1][1]) / 2;
      if (Math.abs(mid - (grid.y0 + grid.y1) / 2) <= cells.ys.width / 2) {
        rowTitle = texts[0] || null;
        return;
      }
    }
    each.forEach(([r], i) => {
      if (texts[i]) rows[r] = texts[i];
      else if (maybes[i]) maybe.rows[r] = maybes[i];
    });
    numbersMended(rows);
    given.rows = inOrder(rows, (r) => pieces.has(r));
    // Ink that runs on along more than 1.5 rows in the labels' band is no row's piece, but may
    // hide their labels: an axis title turned up within `split` of them, taken in with them
    // (seaborn's "learning_rate" 3 px from its 72-dpi labels "0.0001" and "0.0003", which had
    // been said to be no label). Those rows are not said to have none.
    const long = runs(img, band, false, 2).filter(([a, b]) => b - a > 1.5 * cells.ys.width);
    const hidden = (r: number) => {
      const y0 = grid.y0 + cells.ys.origin + r * cells.ys.width;
      return long.some(([a, b]) => a < y0 + cells.ys.width && b > y0);
    };
    blank.rows = blanks(rows, pieces).filter((r) => !hidden(r));
    if (pieces.size) sides.rows = right ? 'right' : 'left';
  };
  /** The rows' axis title, where it stands level at their labels' side (see rowLabels). */
  let rowTitle: string | null = null;
  await rowLabels(false);
  if (rows.every((l) => l === null)) await rowLabels(true);
  // An axis's title, under or over the grid: one line, one run of words, centred on a grid
  // of two columns or more and at most 0.6 of its width (the rest of a row of labels turned
  // up spans the grid).
  const titleLine = (area: Box, [y0, y1]: [number, number]) => {
    const words = runs(img, { x0: area.x0, x1: area.x1, y0, y1 }, true, y1 - y0);
    if (words.length !== 1 || cells.cols < 2) return false;
    const [a, b] = words[0]!;
    const wide = grid.x1 - grid.x0;
    return Math.abs((a + b) / 2 - (grid.x0 + grid.x1) / 2) <= 0.1 * wide && b - a <= 0.6 * wide;
  };
  /**
   * Whether a line of text past a gap goes on the labels' lines before it: labels turned a
   * quarter whose words a space parts ("model 0" turned up showed its "0" alone, 6 blank rows
   * before "model" at 100 dpi, and was read "0", silently): two or more pieces of text, each
   * centred on one of the lines' before it (a turned label's words stand on one line), the gap
   * under an em (a space is a third of one).
   */
  const wordsGoOn = (area: Box, [a0, a1]: [number, number], [b0, b1]: [number, number]) => {
    if (b0 > a1 ? b0 - a1 >= (em ?? 4 * split) : a0 - b1 >= (em ?? 4 * split)) return false;
    const centres = (y0: number, y1: number) =>
      runs(img, { x0: area.x0, x1: area.x1, y0, y1 }, true, 3).map(([x0, x1]) => ({
        at: (x0 + x1) / 2,
        w: x1 - x0,
      }));
    const before = centres(a0, a1);
    const line = centres(b0, b1);
    return (
      line.length >= 2 &&
      line.every((p) =>
        before.some((q) => Math.abs(p.at - q.at) <= Math.max(2, 0.3 * Math.min(p.w, q.w))),
      )
    );
  };
  // Whether any text stands below the grid (its labels are there, read or not).
  let textBelow = false;
  /** The columns beside whose centre text stands, read or not (readColumns). */
  const shownCols = new Set<number>();
  /**
   * The column labels in a band of text lines below or above the grid: its pieces of text
   * (split at gaps of 3 px or more, joined where together they stand centred on a tick mark:
   * atMarks) gathered by column, each read alone; the pieces, those of labels run together
   * (apart) among them.
   */
  const readColumns = async (band: Box, side: 'below' | 'top') => {
    coordinates.cols = await continuousAxis(side, band, cols);
    // (Every column labelled.)
    if (coordinates.cols)
      return new Map(cols.map((_, c): [number, [number, number]] => [c, [band.x0, band.x1]]));
    const marks = marksOn(side).filter((m) => m >= grid.x0 && m <= grid.x1);
    const parted = runs(img, band, true, 3);
    // (Words parted at a quarter of an em: at 150 dpi a word's letters stand 3 px apart.)
    const words = em === null ? parted : runs(img, band, true, Math.max(3, Math.round(0.25 * em)));
    const { own, touching } = apart(atMarks(parted, marks), grid.x0, cells.xs, marks, words);
    for (const c of [...own.keys(), ...touching.keys()]) shownCols.add(c);
    const each = [...own];
    const { texts, maybes } = await readAxis(
      each.map(([, [x0, x1]]) => ({ x0, x1, y0: band.y0, y1: band.y1 })),
    );
    each.forEach(([c], i) => {
      if (texts[i]) cols[c] = texts[i];
      else if (maybes[i]) maybe.cols[c] = maybes[i];
    });
    // (Labels run together are shown, not read: not blank.)
    return new Map([...own, ...touching]);
  };
  // A colorbar at the grid's right that reaches past its foot or top (matshow's square grid
  // beside a taller bar) is not the columns' labels: its foot had been taken for them, and
  // the labels above the grid were not looked for.
  const besideBar = colorbar && colorbar.x0 > grid.x1 ? colorbar.x0 - 2 : Number.POSITIVE_INFINITY;
  // Column labels: the block of text nearest the grid below it.
  const top = grid.y1 + tickReach(img, grid, cells, 'below', bg) + 2;
  if (top < reachTo.below - 4) {
    const area = {
      x0: grid.x0 - 40 < 0 ? 0 : grid.x0 - 40,
      y0: top,
      x1: Math.min(img.width, grid.x1 + 40, besideBar),
      y1: reachTo.below,
    };
    // The labels' lines of text, parted where three rows or more are blank: the first, and
    // those after it nearer than a gap of `split` rows (a label turned up can show blank rows
    // between its letters), but for the axis's title: one line, one run of words, centred
    // under a grid of two columns or more and at most 0.6 of its width (the rest of a row of
    // labels turned up spans the grid). scikit-learn's "Predicted label", 5 blank rows under
    // its labels at 100 dpi, was read with them, and "dog" and "bird" above it not at all.
    let near: [number, number] | undefined;
    // (Without tick marks below, the first line may be the axis's title itself: seed-003's
    // "Time →" had been read as two columns' labels.)
    // (Marks of the grid's own: the side is looked along the whole image, where a colorbar's
    // stand beside it, heatfig's facets' at the same height.)
    const unmarked = !marksOn('below').some((x) => x >= grid.x0 && x <= grid.x1);
    for (const line of runs(img, area, false, 3)) {
      if ((near || unmarked) && titleLine(area, line)) break;
      if (near && line[0] - near[1] >= split && !wordsGoOn(area, near, line)) break;
      near = near ? [near[0], line[1]] : line;
    }
    textBelow = near !== undefined;
    let levelRead = 0;
    let levelPieces = new Map<number, [number, number]>();
    if (near) {
      const pieces = await readColumns(
        { x0: area.x0, x1: area.x1, y0: near[0], y1: near[1] },
        'below',
      );
      levelPieces = pieces;
      levelRead = pieces.size ? cols.filter((l) => l !== null).length / pieces.size : 0;
      if (pieces.size) sides.cols = 'below';
    }
    // Labels turned 45°: most of the pieces below the grid not read level or turned a quarter
    // (a label every other column, as matplotlib's imshow marks them, read so, is not).
    if (levelRead < 0.5) {
      // (Above the axis's title where one was found under them: seaborn's "Token Limit", 8 px
      // under its labels, turned with them, had run across their lines as one.)
      const above = near ? { ...area, y1: Math.min(area.y1, near[1] + 1) } : area;
      const readLine = async (c: Crop) => {
        const ink = inkBox(c);
        if (!ink) return '';
        const r = lineOf(await recognize(c.rgba, c.width, c.height));
        const text = underscored(r.text, c, ink);
        return r.confidence >= 60 && /[\p{L}\p{N}]/u.test(text) && asWide(text, ink, false, font)
          ? text
          : '';
      };
      // Up to the right at 45° (matplotlib's), else down to the right at 30° (Plotly's, when
      // its labels would overlap level: CIFAR's ten class names in a 450-px chart, none read).
      const diagonal = await diagonalLabels(img, above, grid, cells, k, readLine, [45, -30]);
      // (Codes among them read again, as a level axis's are: readAxis.)
      const texts = diagonal
        ? await codes(
            diagonal.texts.map((t) => t ?? ''),
            (i) => diagonal.crops[i] ?? null,
            recognize,
            recognizeNumber,
            k,
            parallel,
          )
        : [];
      texts.forEach((l, i) => {
        if (l && cols[i] === null) cols[i] = l;
      });
    }
    numbersMended(cols);
    given.cols = coordinates.cols
      ? []
      : inOrder(cols, (c) => levelPieces.has(c) || cols[c] !== null);
    // (Labels turned 45° stand beside no one column: only level or upright ones tell.)
    if (levelRead >= 0.5) blank.cols = blanks(cols, levelPieces);
  }
  // Column labels above the grid (`ax.xaxis.tick_top()`, seed-002's and seed-004's), where
  // no text stands below it: the lines nearest the grid, up to a gap of `split` rows or a
  // title (one run of words, centred: seed-004's "Token Attribution"). A first line that is
  // a title is no labels.
  if (!cols.some((l) => l !== null) && !textBelow) {
    const bottom = grid.y0 - tickReach(img, grid, cells, 'top', bg) - 2;
    const area = {
      x0: Math.max(0, grid.x0 - 40),
      y0: reachTo.top,
      x1: Math.min(img.width, grid.x1 + 40, besideBar),
      y1: bottom,
    };
    let near: [number, number] | undefined;
    if (bottom > reachTo.top + 4)
      for (const line of runs(img, area, false, 3).reverse()) {
        if (titleLine(area, line)) break;
        if (near && near[0] - line[1] >= split && !wordsGoOn(area, near, line)) break;
        near = near ? [line[0], near[1]] : line;
      }
    if (near) {
      const pieces = await readColumns(
        { x0: area.x0, x1: area.x1, y0: near[0], y1: near[1] },
        'top',
      );
      numbersMended(cols);
      given.cols = coordinates.cols ? [] : inOrder(cols, (c) => pieces.has(c) || cols[c] !== null);
      blank.cols = blanks(cols, pieces);
      if (cols.some((l) => l !== null)) sides.cols = 'top';
    }
  }
  // Where the two axes carry the same labels: those read unsurely that the other axis reads
  // alike, kept (pairsConfirmed), then those the other axis reads otherwise, not read
  // (pairsDiffer; but those given by a sequence or as coordinates, not read as such).
  if (!coordinates.rows && !coordinates.cols) {
    for (const [axis, i, text] of pairsConfirmed({ rows, cols, given }, maybe)) {
      (axis === 'rows' ? rows : cols)[i] = text;
      given[axis] = given[axis].filter((g) => g !== i);
    }
    for (const i of pairsDiffer(rows, cols)) {
      if (!given.rows.includes(i)) rows[i] = null;
      if (!given.cols.includes(i)) cols[i] = null;
    }
  }
  // An axis with no text beside it at all shows no labels: every one is blank.
  if (sides.rows === null && rows.every((l) => l === null)) blank.rows = rows.map((_, i) => i);
  // (But for the columns whose labels stand there run together, not read.)
  if (sides.cols === null && cols.every((l) => l === null))
    blank.cols = cols.flatMap((_, i) => (shownCols.has(i) ? [] : [i]));
  // The labels not read whose box ran off the image: at its left or right edge a row's, at
  // its top or foot a column's, by where the box lies along the grid.
  const cutOf = (labels: readonly (string | null)[], rowsAxis: boolean) => {
    const l = rowsAxis ? cells.ys : cells.xs;
    const start = (rowsAxis ? grid.y0 : grid.x0) + l.origin;
    return labels.flatMap((text, i) => {
      const a = start + i * l.width;
      const b = a + l.width;
      const hit = cutBoxes.some((box) => {
        const across = rowsAxis
          ? box.x0 <= 0 || box.x1 >= img.width
          : box.y0 <= 0 || box.y1 >= img.height;
        const [lo, hi] = rowsAxis ? [box.y0, box.y1] : [box.x0, box.x1];
        return across && lo < b && hi > a;
      });
      return text === null && hit ? [i] : [];
    });
  };
  const cut = { rows: cutOf(rows, true), cols: cutOf(cols, false) };
  const between = {
    rows: !coordinates.rows && numberedBetween(rows, blank.rows),
    cols: !coordinates.cols && numberedBetween(cols, blank.cols),
  };
  return {
    rows,
    cols,
    given,
    blank,
    between,
    coordinates,
    index,
    sides,
    rowTitle,
    cut,
    fontWidth: font,
  };
}

/**
 * The cells with no label shown (`blank`) between labels that are whole numbers, numbered as
 * those are: where three or more labels are shown, every one a whole number on one line
 * through their places (value = a + b·place, b whole), and that line is not the places
 * themselves (positions stand in for those, and are the same). ggplot2 labels a numeric axis
 * every few tiles (1 to 8 as 2, 4, 6, 8): the others had been given their positions, 0 to 7,
 * two columns named "2" and two "4". Returns whether the blank ones were given so.
 */
export function numberedBetween(labels: (string | null)[], blank: readonly number[]): boolean {
  if (!blank.length) return false;
  const shown = labels.flatMap((l, i) => (blank.includes(i) ? [] : [[i, l] as const]));
  if (shown.length < 3 || shown.some(([, l]) => l === null || !/^-?\d+$/.test(l))) return false;
  const known = shown.map(([i, l]) => [i, Number(l)] as const);
  const { a, b, on } = lineThrough(known, (b) => Number.isInteger(b) && b !== 0);
  if (on < known.length || (a === 0 && b === 1)) return false;
  for (const i of blank) labels[i] = String(a + b * i);
  return true;
}
