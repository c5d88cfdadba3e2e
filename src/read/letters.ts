/**
 * An axis's labels read letter by letter against each other's letters. Text recognition
 * reads a short word alone, with no word around it to tell it by, and can take one letter
 * for another surely: Plotly's token "on", 12 px high, was read "an", 90% sure, both ways up,
 * with "to", "shop" and "work" beside it showing what its o is. The same font at the same
 * size draws a letter alike in every label, so each label's glyphs, where none touch, teach
 * the others' (GlyphBook, as the numbers over cells do).
 */
import { GlyphBook, glyphRuns, type RunShape, runHeight, runShapes } from './glyphs.ts';
import type { Crop } from './label-ink.ts';

/** A crop's ink (dark text on light): 255 where black, 0 where white. */
function inkOf(c: Crop): Uint8Array {
  const out = new Uint8Array(c.width * c.height);
  for (let i = 0; i < out.length; i++) out[i] = 255 - c.rgba[i * 4]!;
  return out;
}

/**
 * A label's crop as its glyphs are looked at: its ink (inkOf), made once for the checks of a
 * reading, and the ink over which a pixel is a stroke's (255 less its ink box's level).
 */
export interface GlyphInk {
  readonly ink: Uint8Array;
  readonly w: number;
  readonly h: number;
  readonly stroke: number;
}

/** A crop's GlyphInk, `level` its ink box's (inkBox: Ink.level). */
export const glyphInk = (c: Crop, level: number): GlyphInk => ({
  ink: inkOf(c),
  w: c.width,
  h: c.height,
  stroke: 255 - level,
});

/** The characters of a text that show glyphs: spaces left out, and (`dots`) points too. */
export const glyphChars = (text: string, dots = false) => [
  ...text.replace(dots ? /[\s.,:;'`]+/gu : /\s+/gu, ''),
];

/** The tallest of glyph shapes' heights (0 for none). */
const tallestOf = (shapes: readonly RunShape[]) => Math.max(0, ...shapes.map(runHeight));

/**
 * How many glyphs a label's crop shows apart: runs of inked columns (glyphRuns) whose ink is
 * two fifths as high as the tallest's or more (a JPEG's speck, a quote mark beside letters,
 * is not one). Glyphs that touch show as one, so a reading may have more characters, never
 * fewer (but for a " or a character whose parts stand apart, which labels seldom hold).
 * `strict`: a column is inked only past the strokes' level, so that the rims that smoothing
 * leaves between glyphs do not join them (seaborn's "t3", its t and 3 joined so, read "2");
 * for digits only: the thin arches of letters (an m's) part them so.
 */
export function glyphsShown(g: GlyphInk, strict: boolean): number {
  const runs = glyphRuns(g.ink, g.w, g.h, strict ? g.stroke : undefined);
  const shapes = runShapes(g.ink, g.w, g.h, runs);
  const tallest = tallestOf(shapes);
  return shapes.filter((r) => runHeight(r) >= 0.4 * tallest).length;
}

/** A crop's glyphs, found once for every check of its readings that asks (inkedGlyphs). */
const glyphsFound = new WeakMap<GlyphInk, { parted?: RunShape[]; page?: RunShape[] }>();

/**
 * A crop's glyphs with ink: runs of inked columns, parted at the strokes' level (`parted`:
 * the rims smoothing leaves between glyphs do not join them) or at the page's, each with the
 * rows its ink reaches at the strokes' level. Found once a crop: a label's reading is checked
 * by several rules, each asking for them.
 */
function inkedGlyphs(g: GlyphInk, parted: boolean): readonly RunShape[] {
  const found = glyphsFound.get(g) ?? {};
  glyphsFound.set(g, found);
  const key = parted ? 'parted' : 'page';
  found[key] ??= runShapes(
    g.ink,
    g.w,
    g.h,
    glyphRuns(g.ink, g.w, g.h, parted ? g.stroke : undefined),
    g.stroke,
  ).filter((r) => runHeight(r) > 0);
  return found[key];
}

/** Characters as high as a capital (capitals, digits, ascenders) and those a level stroke (dashes). */
const TALL = /^[A-Z0-9bdfhklt]$/u;
const LEVEL = /^[-–—_=~]$/u;
/** Letters and digits that stand on the line (no descender). */
const STANDS = /^[A-IK-PR-Za-fhik-oru-xz0-9]$/u;

/**
 * The glyphs a reading's crop shows, one to one with its characters (dots left out of both),
 * or null where it shows another number of them, or the reading is longer than six
 * characters: then which glyph is which character is not told.
 */
function glyphsOf(
  text: string,
  g: GlyphInk,
): { chars: string[]; shapes: readonly RunShape[] } | null {
  // (Dots left out of both: a point, a colon, and an i's dot that stands apart from its stem
  // at 72 dpi, "reading" parted r+e, a, d, i, its dot, n, g: seven, its d then an i.)
  const chars = glyphChars(text, true);
  // (Six characters at most: in a longer label a glyph parted in two and two joined in one
  // fall out of step more often, and the counts still agree: iris's "petal width (cm)".)
  if (chars.length > 6) return null;
  // Glyphs parted at the strokes' level (the rims smoothing leaves join an I and a hyphen),
  // but for a reading with letters whose thin arches that parts (m, n, h, u, r: seed-002's
  // "element_symb", its m in two and its t_ one, had as many glyphs as characters, out of
  // step), or where it parts more than the characters: at the page's. Each glyph's rows are
  // measured at the strokes' level (Plotly's grey "#444" text has strokes no darker than
  // half, and the r of "Fri" had its foot measured above the F's).
  const at = (parted: boolean) => {
    const shapes = inkedGlyphs(g, parted);
    const tallest = tallestOf(shapes);
    return shapes.filter((r) => runHeight(r) > 0.25 * tallest || r.b - r.a > 0.25 * tallest);
  };
  let shapes = /[mnhur]/u.test(text) ? [] : at(true);
  if (shapes.length !== chars.length) shapes = at(false);
  return shapes.length === chars.length ? { chars, shapes } : null;
}

/** The line glyphs stand on: the commonest foot (the median's). */
function footOf(shapes: readonly RunShape[]): number {
  const feet = shapes.map((r) => r.bottom).sort((p, q) => p - q);
  return feet[feet.length >> 1]!;
}

/**
 * Whether a reading's characters are as high as the glyphs its crop shows, one to one where
 * it shows as many as the reading has characters (glyphsOf): a capital or a digit where a
 * glyph is under half the tallest one's height, or a dash where one is over two fifths, is
 * misread (scikit-learn's NER tag "I-ORG" read "IFORG", its hyphen an F), as is a letter
 * that stands on the line where its glyph hangs below it (GLUE's "QNLI" read "ONLI"). Where
 * the counts differ, or the reading is longer than six characters, nothing is told.
 */
export function shapesAgree(text: string, g: GlyphInk): boolean {
  const seen = glyphsOf(text, g);
  if (!seen) return true;
  const { chars, shapes } = seen;
  const tallest = tallestOf(shapes);
  const foot = footOf(shapes);
  return chars.every((ch, i) => {
    const r = shapes[i]!;
    const h = runHeight(r);
    return (
      !(TALL.test(ch) && h < 0.5 * tallest) &&
      !(LEVEL.test(ch) && h > 0.4 * tallest) &&
      // A letter with no descender whose glyph hangs below the line ("QNLI" read "ONLI").
      !(STANDS.test(ch) && r.bottom > foot + Math.max(2, 0.1 * tallest))
    );
  });
}

/** Letters that hang below the line, and characters that hang too or may join them there. */
const HANGS = /[gjpqy]/gu;
const HANGS_TOO = /[,;()[\]{}|_QJ@$]/u;

/**
 * The pieces of a crop's ink that hang below the line (onLine), left to right: runs of
 * columns with stroke ink a twelfth of the tallest glyph's height and more below it, each
 * [first column, past the last); with the tallest glyph's height. Null where no line is told.
 */
function tailsOf(
  g: GlyphInk,
): { tails: [number, number][]; tallest: number; shapes: readonly RunShape[] } | null {
  const seen = onLine(g);
  if (!seen) return null;
  const { tallest, deep, line, shapes } = seen;
  const tails: [number, number][] = [];
  let from = -1;
  for (let x = 0; x <= g.w; x++) {
    let hangs = false;
    for (let y = line + deep + 1; x < g.w && y < g.h && !hangs; y++)
      hangs = g.ink[y * g.w + x]! > g.stroke;
    if (hangs && from < 0) from = x;
    else if (!hangs && from >= 0) {
      tails.push([from, x]);
      from = -1;
    }
  }
  return { tails, tallest, shapes };
}

/**
 * Whether a reading has no more letters that hang below the line (g, j, p, q, y) than its
 * crop shows glyphs hanging there (tailsOf; two glyphs or more standing on the line, under
 * the lowest), each counted as two where wider than 0.8 of the tallest glyph's height (a
 * g's tail is under half an em wide: two that touch are wider). Text recognition
 * reads a bold header's q as "qg" ("truthfulqa" read "truthfulqga" at 2×, within the
 * width check's eighth of its width), which shows one. Readings with other characters that
 * hang (a comma, a bracket, an underscore that joins the tails beside it) are not asked.
 */
export function hangsAgree(text: string, g: GlyphInk): boolean {
  const want = text.match(HANGS)?.length ?? 0;
  if (!want || HANGS_TOO.test(text)) return true;
  const seen = tailsOf(g);
  if (!seen) return true;
  const shown = seen.tails.reduce((n, [a, b]) => n + (b - a > 0.8 * seen.tallest ? 2 : 1), 0);
  return shown >= want;
}

/**
 * A reading with each g whose tail is a stem made the letter of that stem (p where it stands
 * at its glyph's left, q at its right), and each p or q whose tail is a hook made g, where
 * the crop shows as many tails below the line as the reading has letters that hang (tailsOf),
 * each told by its width: a stem's is its stroke's, about an eighth of the tallest glyph's
 * height (0.11 to 0.13 in seaborn's labels at 72, 150 and 200 dpi), a g's hook half of it
 * (0.50 at 150 and 200 dpi); under 0.3 a stem, over 0.4 a hook. Text recognition read
 * seaborn's "qwen2-7b" as "gwen2-7b" at 150 and 200 dpi, with no warning. A y's and a j's
 * tails, which lean or curl, are not asked.
 */
export function tailsMended(text: string, g: GlyphInk): string {
  const hanging = [...text.matchAll(HANGS)];
  if (!hanging.some((m) => /[gpq]/u.test(m[0])) || HANGS_TOO.test(text)) return text;
  const seen = tailsOf(g);
  if (!seen || seen.tails.length !== hanging.length) return text;
  const chars = [...text];
  hanging.forEach((m, i) => {
    const [a, b] = seen.tails[i]!;
    const wide = (b - a) / seen.tallest;
    const at = [...text.slice(0, m.index)].length;
    if (m[0] === 'g' && wide < 0.3) {
      // The glyph the stem hangs from: one glyph (under 0.9 of the tallest wide), whose
      // columns hold the stem.
      const glyph = seen.shapes.find((r) => r.a <= a && b <= r.b);
      if (!glyph || glyph.b - glyph.a > 0.9 * seen.tallest) return;
      chars[at] = a + b > glyph.a + glyph.b ? 'q' : 'p';
    } else if ((m[0] === 'p' || m[0] === 'q') && wide > 0.4) chars[at] = 'g';
  });
  return chars.join('');
}

/**
 * Small letters whose dot stands apart above their stem: an i after an f is not asked for
 * its dot, which the fi ligature takes into the f's hook (ggplot2's PNGs draw it, and
 * Chromium's text and canvas: ggplot2's "fig" and "fish", in DejaVu Sans, had been refused at
 * every size, no dot over their i).
 */
const DOTTED = /(?<!f)[ij]/gu;

/**
 * Whether a reading has no more dotted letters (i, j) than its crop shows dots: columns, in
 * runs, whose ink (past half the strokes' level: a 72-dpi JPEG's dot, over "mixed", is
 * paler than its stems) is a short piece (a third of the tallest glyph's height at most)
 * wholly above the x-height's top, then blank, then a stem at least as tall as a third of
 * the tallest down to the line. Text recognition reads a bold header's "mmlu" as "mmliu" at
 * 1× and 2× (its m, m, l and u show four glyphs, the widths agree within their eighth),
 * which shows no dot. Other ink so (an f's bar over its stem) counts as a dot: a reading is
 * let pass, never refused, by it. A crop of fewer than two glyphs asks nothing, nor an fi.
 */
export function dotsAgree(text: string, g: GlyphInk): boolean {
  const want = text.match(DOTTED)?.length ?? 0;
  if (!want) return true;
  // The line: the commonest foot of the glyphs (those that hang are fewer; onLine asks for
  // some that do not stand on it, and none may here).
  const { shapes, tallest, deep } = strokeGlyphs(g);
  if (shapes.length < 2) return true;
  const line = footOf(shapes);
  const dotted = (x: number) => {
    const inked = (y: number) => g.ink[y * g.w + x]! > g.stroke / 2;
    let y = 0;
    while (y < g.h && !inked(y)) y++;
    const dotTop = y;
    while (y < g.h && inked(y)) y++;
    const dotBottom = y - 1;
    while (y < g.h && !inked(y)) y++;
    const stemTop = y;
    while (y < g.h && inked(y)) y++;
    const stemBottom = y - 1;
    return (
      stemTop < g.h &&
      dotBottom - dotTop + 1 <= tallest / 3 &&
      stemBottom - stemTop + 1 >= tallest / 3 &&
      stemBottom >= line - deep &&
      dotBottom < line - tallest / 2
    );
  };
  let dots = 0;
  for (let x = 0; x < g.w; x++) if (dotted(x) && (x === 0 || !dotted(x - 1))) dots++;
  return dots >= want;
}

/** A crop's glyphs at the strokes' level (runs of columns with ink), the tallest's height, and a twelfth of it. */
function strokeGlyphs(g: GlyphInk): {
  shapes: readonly RunShape[];
  tallest: number;
  deep: number;
} {
  const shapes = inkedGlyphs(g, true);
  const tallest = tallestOf(shapes);
  return { shapes, tallest, deep: Math.max(1, Math.round(tallest / 12)) };
}

/**
 * A crop's glyphs (runs of columns at the strokes' level, with ink), the tallest one's
 * height, how far below the line a glyph hangs at least (a twelfth of that), and the line
 * most stand on: the commonest foot of those standing above the lowest foot; null where two
 * glyphs or fewer do (every glyph may hang: "gpqy").
 */
function onLine(
  g: GlyphInk,
): { shapes: readonly RunShape[]; tallest: number; deep: number; line: number } | null {
  const { shapes, tallest, deep } = strokeGlyphs(g);
  const lowest = Math.max(...shapes.map((r) => r.bottom));
  const standing = shapes.filter((r) => r.bottom < lowest - deep);
  return standing.length < 2 ? null : { shapes, tallest, deep, line: footOf(standing) };
}

/**
 * Whether the first glyph of a crop (or the last: `last`) hangs below the line the others
 * stand on (onLine); null where no line is told.
 */
export function endHangs(g: GlyphInk, last: boolean): boolean | null {
  const seen = onLine(g);
  if (!seen) return null;
  const end = last ? seen.shapes[seen.shapes.length - 1]! : seen.shapes[0]!;
  return end.bottom > seen.line + seen.deep;
}

/**
 * The small letters whose capitals (or digits) are their shapes drawn as high as a capital:
 * text recognition takes one for the other where no word tells it, but only the glyph's
 * height does (an x-height 0.55 em high in DejaVu Sans against a capital's 0.73).
 */
export const SMALL_OF: Readonly<Record<string, string>> = {
  '0': 'o',
  O: 'o',
  '5': 's',
  S: 's',
  C: 'c',
  U: 'u',
  V: 'v',
  W: 'w',
  X: 'x',
  Z: 'z',
};

/**
 * A reading with each capital or digit whose glyph is as high as a small letter made that
 * small letter (SMALL_OF): its glyph standing on the line, under 0.82 of the tallest glyph's
 * height of those that stand on it (a small letter's is 0.75 of a capital's in DejaVu Sans,
 * 0.72 of an ascender's), where the crop shows a glyph for each character (glyphsOf).
 * scikit-learn's diabetes features "s1" to "s6" were read "51" to "56" at 100 dpi, their s as
 * high as the x of "sex".
 * A reading with no glyph taller than the one asked (a capital alone) is left as it is.
 */
export function smallMended(text: string, g: GlyphInk): string {
  if (!/[05OSCUVWXZ]/u.test(text)) return text;
  const seen = glyphsOf(text, g);
  if (!seen) return text;
  const { chars, shapes } = seen;
  // Measured on the glyphs that stand on the line: a Q's or a j's tail makes its glyph
  // taller than a capital and its foot lower ("QS" at 100 dpi read "Qs", its S 0.8 as high as
  // the Q with its tail).
  const standing = shapes.filter((_, i) => STANDS.test(chars[i]!));
  if (!standing.length) return text;
  const tallest = tallestOf(standing);
  const foot = footOf(standing);
  const near = Math.max(2, 0.1 * tallest);
  const mended = chars.map((ch, i) => {
    const small = SMALL_OF[ch];
    const r = shapes[i]!;
    return small !== undefined && runHeight(r) < 0.82 * tallest && Math.abs(r.bottom - foot) <= near
      ? small
      : ch;
  });
  return putBack(text, chars, mended);
}

/** Letters and digits: what a glyph is mended from and to (not a sign, whose shape is its own). */
const LETTER = /^[\p{L}\p{N}]$/u;
const DIGIT = /^\p{N}$/u;
const LETTERS = /^\p{L}$/u;

/** A glyph is another letter than read where that one is this near (the largest distance a letter's own glyphs were seen at, Plotly's 12-px tokens: 0.089)… */
const NEAR = 0.12;
/** …and the letter read half as far again (a reading's own letter was 1.6 to 4 times nearer than the next): it is not read. */
const DOUBT = 1.5;
/** Twice as far: the glyph is the other letter (learnt from two labels or more). */
const OTHER = 2;

/**
 * The labels with each glyph that the others' glyphs tell as another letter than read made
 * that letter (the letter read twice as far from it as the other, which is near: NEAR, OTHER),
 * and those where a glyph is only nearer another letter (DOUBT) not read (''). A letter
 * seen in fewer than two other labels' glyphs is not asked (the likeliest other letter would
 * be taken for it).
 * `cropOf(i)`: label i's crop, level and scaled as read. Which labels changed, and how: `mended`.
 */
export function letterChecked(
  /** The labels read ('' where none is). */
  labels: readonly string[],
  cropOf: (i: number) => Crop,
): { labels: string[]; mended: number[] } {
  const book = new GlyphBook(true);
  const inks = labels.map((l, i) => {
    if (!/[\p{L}\p{N}]/u.test(l)) return null;
    const c = cropOf(i);
    return { ink: inkOf(c), w: c.width, h: c.height, text: l, chars: glyphChars(l) };
  });
  inks.forEach((x, i) => {
    if (x) book.learn(x.ink, x.w, x.h, x.chars.join(''), i);
  });
  const out = [...labels];
  const mended: number[] = [];
  inks.forEach((x, i) => {
    if (!x) return;
    const told = book.tell(x.ink, x.w, x.h, x.chars.length, i);
    if (!told) return;
    let doubt = false;
    let changed = false;
    const chars = x.chars.map((ch, j) => {
      const [best, next] = told[j]!;
      const own = told[j]!.find(([c]) => c === ch);
      if (!best || best[0] === ch || !LETTER.test(ch) || !LETTER.test(best[0])) return ch;
      // A digit that no other label shows, its glyph near a letter others show and clearly
      // farther from any other: that letter. Text recognition reads a letter alone, with no word
      // around it, as the digit it looks like: scikit-learn's NER tag "O" at 72 dpi was read
      // "0", beside "B-ORG" whose O its glyph matched (0.08; a 0 is narrower than an O, and
      // glyphs are compared only with glyphs as wide within a pixel).
      if (!own) {
        const lone = DIGIT.test(ch) && LETTERS.test(best[0]);
        // (Twice as far from the next letter, or half as far again and not near it: the NER
        // tag's glyph was 0.079 from O and 0.141 from G.)
        const far =
          !next || next[1] >= OTHER * best[1] || (next[1] >= DOUBT * best[1] && next[1] > NEAR);
        const clear = best[1] <= NEAR && far;
        if (!lone || !clear) return ch;
        changed = true;
        return best[0];
      }
      // (Both letters learnt from two glyphs or more: one may be another label's misread
      // letter, and an i seen once, in iris's "sepal width (cm)", was nearer the l of three
      // labels than itself in "petal width (cm)".)
      if (best[2] < 2 || own[2] < 2 || best[1] > NEAR) return ch;
      if (own[1] <= best[1] || own[1] < DOUBT * best[1]) return ch;
      if (own[1] < OTHER * best[1]) doubt = true;
      changed = true;
      return best[0];
    });
    if (!changed) return;
    mended.push(i);
    // The mended letters put back between the label's words (spaces show no glyph).
    let k = 0;
    out[i] = doubt ? '' : x.text.replace(/\S/gu, () => chars[k++]!);
  });
  return { labels: out, mended };
}

/** Whether a glyph's ink runs unbroken from its top to its foot: no row of its columns blank at the strokes' level. */
function unbroken(r: RunShape, g: GlyphInk): boolean {
  for (let y = r.top; y <= r.bottom; y++) {
    let most = 0;
    for (let x = r.a; x < r.b; x++) most = Math.max(most, g.ink[y * g.w + x]!);
    if (most <= g.stroke) return false;
  }
  return true;
}

/**
 * A reading with its stems told by their glyphs' shapes, where the crop shows a glyph for
 * each character (glyphsOf): an l whose glyph is wider than half its height is a 1 (an l is a
 * bare stem, under 0.35 of its height wide with its serifs, in DejaVu Sans, DejaVu Serif and
 * Liberation Serif; a 1 is 0.5 to 0.6 with its flag and foot), and a ! whose glyph is one
 * unbroken stroke (no dot apart under it) is the stem it is: a 1 where as wide, else an I
 * beside capitals or alone and an l beside small letters. Text recognition reads a label
 * letter by letter against its words: seaborn's columns "f1" and "ppl", under a heatmap of
 * scores in every style matplotlib ships, were read "fl" and "pp!", silently. An l whose
 * glyph is as wide as a 1 but an L's shape (ellShaped) is an L: GLUE's "CoLA" was read
 * "ColA" at 72 dpi, silently, its L 0.54 as wide as high.
 */
export function stemsTold(text: string, g: GlyphInk): string {
  if (!/[l!]/u.test(text)) return text;
  const seen = glyphsOf(text, g);
  if (!seen) return text;
  const { chars, shapes } = seen;
  const tallest = tallestOf(shapes);
  const top = Math.min(...shapes.map((r) => r.top));
  const mended = chars.map((ch, i) => {
    if (ch !== 'l' && ch !== '!') return ch;
    const r = shapes[i]!;
    const h = runHeight(r);
    // (A stem as tall as the text's tallest glyphs: a short one is some other mark.)
    if (h < 0.8 * tallest) return ch;
    // (Half as wide as high but for a smoothed rim; two fifths where it stands lower than the
    // tallest glyph, as a 1's cap height does an l's ascender: Solarize_Light2's pale text,
    // its 1 0.5 as wide as high at the strokes' level. A serif l, its foot 0.34 of its height
    // wide, is as tall as the ascenders.)
    const wide = r.b - r.a >= 0.55 * h || (r.b - r.a >= 0.42 * h && r.top > top);
    // (An L is as wide: its stem at its left, its foot to its right.)
    if (ch === 'l' && r.b - r.a >= 0.42 * h && ellShaped(r, g)) return 'L';
    if (ch === 'l') return wide ? '1' : ch;
    if (!unbroken(r, g)) return ch;
    return wide ? '1' : stemBeside(chars, i);
  });
  return putBack(text, chars, mended);
}

/**
 * What tells a 5 from an S in its glyph (at half the strokes' level, from its ink's top):
 * - `bulge`: how far its left side stands out under its top, a share of its width (its
 *   leftmost ink over rows 0.15 to 0.3 of its height down against over its first two rows).
 *   A 5's stem runs straight down from its top bar's left end (0 to 0.034 in seaborn's
 *   labels); an S's top is an arch, its side bulging out under it (0.14 to 0.29 where it shows).
 * - `drop`: how far down its last third of columns is inked from its top, a share of its
 *   height: a 5's bar is a tenth of it, an S's top runs on into a hook down to a fifth.
 */
function fiveOrS(r: RunShape, g: GlyphInk): { bulge: number; drop: number } {
  const top = inkTop(r, g);
  const h = r.bottom - top + 1;
  const w = r.b - r.a;
  const inked = (y: number, x0: number, x1: number) => {
    for (let x = x0; x < x1; x++) if (g.ink[y * g.w + x]! > g.stroke / 2) return x;
    return -1;
  };
  const left = (y0: number, y1: number) => {
    let min = r.b;
    for (let y = y0; y < Math.min(g.h, y1); y++) {
      const x = inked(y, r.a, min);
      if (x >= 0) min = x;
    }
    return min;
  };
  const under = left(top + Math.round(0.15 * h), top + Math.max(Math.round(0.3 * h), 1) + 1);
  let y = top;
  while (y <= r.bottom && inked(y, r.b - Math.max(1, Math.round(w / 3)), r.b) >= 0) y++;
  return { bulge: (left(top, top + 2) - under) / w, drop: (y - top) / h };
}

/**
 * A reading with each S and 5 the one its glyph shows (fiveOrS): a side bulging out a seventh
 * of its width or more, an S; where the glyph is 9 image px high or more (`px`: crop px to
 * the image's), one straight (a twentieth at most) whose last third is inked down no more
 * than 0.165 of its height, a 5, and one inked down 0.17 or more, an S. Else the glyph does
 * not tell and the reading is left as it is: at 72 dpi an S or a 5 is 7 px high, and its hook
 * and its bar are a pixel each. An s whose glyph reaches the top of the capitals, digits and
 * ascenders beside it within a tenth of its height (a small s's top is a quarter lower in
 * DejaVu Sans) is an S or a 5 so, an S where the glyph does not tell. Text recognition reads
 * a letter beside a digit as a digit, a digit among letters as a letter, and a capital S
 * beside a capital as a small one: at 100 dpi "S3" was read "53", "QS" "Qs", "CS" "Cs", "Q5"
 * "Qs", at 72 "MS" "M5", silently. (seaborn's labels at 72 to 200 dpi, PNG and JPEG at
 * quality 75, every S and 5 in them: no 5 bulged out more than 0.034 of its width; at 100
 * dpi and more its last third was inked down 0.10 to 0.16, an S's 0.17 to 0.23.)
 */
export function fivesTold(text: string, g: GlyphInk, px: number): string {
  if (!/[S5s]/u.test(text)) return text;
  const seen = glyphsOf(text, g);
  if (!seen) return text;
  const { chars, shapes } = seen;
  // The top of the capitals, digits and ascenders (not a t's, lower) read: none, no s is asked.
  const tops = shapes.filter((_, i) => TALL.test(chars[i]!) && chars[i] !== 't').map((r) => r.top);
  const capTop = Math.min(...tops);
  const mended = chars.map((ch, i) => {
    const r = shapes[i]!;
    const capital =
      ch === 's' && tops.length > 0 && r.top - capTop <= 0.1 * (r.bottom - capTop + 1);
    if (ch !== 'S' && ch !== '5' && !capital) return ch;
    const { bulge, drop } = fiveOrS(r, g);
    const large = runHeight(r) >= 9 * px;
    if (bulge >= 1 / 7 || (large && drop >= 0.17)) return 'S';
    if (large && bulge <= 0.05 && drop <= 0.165) return '5';
    return capital ? 'S' : ch;
  });
  return putBack(text, chars, mended);
}

/**
 * Where a glyph's hole is (the page it closes round: not reached from outside its box over
 * pixels under half the strokes' level), its first and last rows as shares of its height
 * (0 at its top, 1 at its foot); null where it has none, or more than one (an 8's).
 */
export function holeOf(r: RunShape, g: GlyphInk): { top: number; bottom: number } | null {
  const w = r.b - r.a;
  const h = runHeight(r);
  if (w < 3 || h < 3) return null;
  const open = (i: number) => g.ink[(r.top + ((i / w) | 0)) * g.w + r.a + (i % w)]! <= g.stroke / 2;
  const seen = new Uint8Array(w * h);
  // Fills the open pixels reached from those given; the rows it reached, first and last.
  const fill = (starts: readonly number[]) => {
    const stack = starts.filter((i) => !seen[i] && open(i));
    for (const i of stack) seen[i] = 1;
    let [top, bottom] = [h, -1];
    while (stack.length) {
      const i = stack.pop()!;
      const [x, y] = [i % w, (i / w) | 0];
      [top, bottom] = [Math.min(top, y), Math.max(bottom, y)];
      for (const j of [x > 0 ? i - 1 : -1, x < w - 1 ? i + 1 : -1, i - w, i + w])
        if (j >= 0 && j < w * h && !seen[j] && open(j)) {
          seen[j] = 1;
          stack.push(j);
        }
    }
    return { top, bottom };
  };
  const edge = Array.from({ length: w * h }, (_, i) => i).filter(
    (i) => i < w || i >= w * (h - 1) || i % w === 0 || i % w === w - 1,
  );
  fill(edge);
  // What is left open is the holes: one, or none told (an 8's two).
  const left = () => seen.findIndex((v, i) => !v && open(i));
  const first = left();
  if (first < 0) return null;
  const { top, bottom } = fill([first]);
  return left() >= 0 ? null : { top: top / (h - 1), bottom: bottom / (h - 1) };
}

/**
 * A reading's 0, 6 and 9 the one its glyph's hole shows (holeOf), where the glyph is 14
 * image px high or more (`px`: crop px to the image's; smaller, a 6's hook may touch its bowl
 * and close its hole at the top): from near its top to near its foot
 * (beginning in its upper quarter, ending in its lower), a 0; only in its lower part
 * (beginning below 0.3 of its height), a 6; only in its upper part (ending above 0.7), a 9.
 * Else the glyph does not tell and the reading is left. Text recognition read ggplot2's
 * row label "6" at 300 dpi, alone and sharp, as "0", 90% sure: the axis's labels 6, 4, 2
 * were then on no line, and the rows between them not numbered.
 */
export function zerosTold(text: string, g: GlyphInk, px: number): string {
  if (!/[069]/u.test(text)) return text;
  const seen = glyphsOf(text, g);
  if (!seen) return text;
  const { chars, shapes } = seen;
  const mended = chars.map((ch, i) => {
    const r = shapes[i]!;
    if (!/[069]/u.test(ch) || runHeight(r) < 14 * px) return ch;
    const hole = holeOf(r, g);
    if (!hole) return ch;
    if (hole.top < 0.25 && hole.bottom > 0.75) return '0';
    if (hole.top > 0.3 && hole.bottom > 0.75) return '6';
    if (hole.top < 0.25 && hole.bottom < 0.7) return '9';
    return ch;
  });
  return putBack(text, chars, mended);
}

/**
 * Where a glyph's ink begins from the top, at half the strokes' level: the smoothing of a
 * scaled crop spreads an edge over its pixels, so that half tells it within a fraction of
 * the image's pixel (the strokes' own level reaches only whole ones).
 */
function inkTop(r: RunShape, g: GlyphInk): number {
  for (let y = 0; y < g.h; y++)
    for (let x = r.a; x < r.b; x++) if (g.ink[y * g.w + x]! > g.stroke / 2) return y;
  return g.h;
}

/**
 * A reading's I beside small letters (stemBeside) made an l where its stem stands taller
 * than the capitals: an l reaches the ascenders' height, 0.76 em in DejaVu Sans, a capital
 * 0.73 (the I among them). Text
 * recognition read seaborn's "ALBERT-xxl" as "ALBERT-xxI" at 100 and 200 dpi, silently;
 * there its l's top stood 0.7 and 1.0 of the image's pixels above the capitals'. At 72 and
 * 150 dpi matplotlib's hinting draws the two at one height, and nothing is told. The stems
 * are found whatever the glyphs between them (the R, T and hyphen of "ALBERT-xxl" touch at
 * 200 dpi): glyphs at the strokes' level under 0.35 of their height wide, unbroken (an i's
 * dot stands apart), on the capitals' line, as high as they are or more, one to one in
 * order with the reading's stems (I, l, |, !), else nothing is told. The capitals' top is
 * their glyphs' (those as high as the tallest but a tenth, not bare stems, unbroken), so a
 * reading with other letters that reach the ascenders (b, d, f, h, k) is not asked, nor one
 * with fewer than two capitals or digits besides.
 */
export function ellsTold(text: string, g: GlyphInk): string {
  const asked = [...text].flatMap((ch, i, all) =>
    ch === 'I' && stemBeside(all, i) === 'l' ? [i] : [],
  );
  if (
    !asked.length ||
    /[bdfhk]/u.test(text) ||
    (text.match(/[A-Z0-9]/gu) ?? []).length - asked.length < 2
  )
    return text;
  const { shapes, tallest } = strokeGlyphs(g);
  const bare = (r: RunShape) => r.b - r.a <= 0.35 * runHeight(r) && unbroken(r, g);
  const caps = shapes.filter((r) => runHeight(r) >= 0.9 * tallest && !bare(r) && unbroken(r, g));
  if (!caps.length) return text;
  const tops = caps.map((r) => inkTop(r, g)).sort((p, q) => p - q);
  const capTop = tops[tops.length >> 1]!;
  const capHigh = Math.min(...caps.map(runHeight));
  const foot = footOf(caps);
  // The bare stems on the line, left to right, one to one with the reading's (I, l, |, !).
  const stems = shapes.filter(
    (r) => bare(r) && Math.abs(r.bottom - foot) <= 1 && runHeight(r) >= capHigh,
  );
  const read = [...text].flatMap((ch, i) => (/[Il|!]/u.test(ch) ? [i] : []));
  if (stems.length !== read.length) return text;
  const chars = [...text];
  const margin = Math.max(0.5, 0.03 * capHigh);
  read.forEach((i, k) => {
    if (asked.includes(i) && capTop - inkTop(stems[k]!, g) >= margin) chars[i] = 'l';
  });
  return chars.join('');
}

/**
 * Whether a glyph is an L's shape: the ink of its top quarter within its left two fifths (the
 * stem alone), that of its foot reaching past seven tenths of its width. A 1's flag and stem
 * reach past the middle at its top (DejaVu Sans draws its stem at 0.45 to 0.65 of its width).
 */
function ellShaped(r: RunShape, g: GlyphInk): boolean {
  const w = r.b - r.a;
  const h = runHeight(r);
  const right = (y0: number, y1: number) => {
    let most = -1;
    for (let y = y0; y <= y1; y++)
      for (let x = r.a; x < r.b; x++) if (g.ink[y * g.w + x]! > g.stroke) most = Math.max(most, x);
    return most;
  };
  const top = right(r.top, r.top + Math.floor(h / 4));
  const foot = right(r.bottom - Math.max(1, Math.floor(h / 8)), r.bottom);
  return top >= r.a && top < r.a + 0.4 * w && foot >= r.a + 0.7 * w;
}

/**
 * A reading with no more stems (l, I, |) than its crop shows glyphs that could be one: at the
 * strokes' level, unbroken, at most half as wide as high (a bare stem is under 0.35 with its
 * serifs; a 1, a t or an f may pass for one, which only lets a reading through). Asked only
 * where glyphs stand apart (`apart`: letters 20 image px to the em or more; the labels'
 * reader asks readings text recognition was unsure of from 14): DejaVu Sans
 * leaves 0.073 em or more of blank between a stem and any neighbour, kerned (its sides 0.094
 * to 0.127 em; a K's leg the nearest, then a j's hook and an f's arm), 1.5 px there, so that a
 * stem read where none shows was not drawn. A J's hook reaches within 0.042 em of a stem
 * before it, and a j's 0.076: a reading with a stem before a J or a j is not asked.
 * One stem too many is left out where every choice of it gives the same text and that text
 * has as many characters as the crop shows glyphs apart (glyphsShown), or where one choice
 * alone leaves each stem read over a glyph that is one, glyph for character; else null. Text
 * recognition read seaborn's GLUE "CoLA" as "ColLA" at 200 dpi (64% sure, an l between the
 * o and the L where the ink is blank) and "ALBERT-xxl" as "ALBERT-xxll" in a 200-dpi JPEG
 * (its R, T and hyphen touch: not told which), silently.
 */
export function stemsMended(text: string, g: GlyphInk, apart: boolean): string | null {
  const chars = [...text];
  const at = chars.flatMap((ch, i) => (/[lI|]/u.test(ch) ? [i] : []));
  if (!apart || at.length === 0 || /[lI|][Jj]/u.test(text)) return text;
  const { shapes } = strokeGlyphs(g);
  const stem = (r: RunShape) => r.b - r.a <= 0.5 * runHeight(r) && unbroken(r, g);
  const shown = shapes.filter(stem).length;
  if (shown >= at.length) return text;
  if (at.length - shown > 1) return null;
  const left = [...new Set(at.map((i) => chars.filter((_, j) => j !== i).join('')))];
  const glyphs = glyphsShown(g, false);
  const fits = left.filter((t) => glyphChars(t).length === glyphs);
  if (fits.length === 1) return fits[0]!;
  // Of several, the one whose stems stand where the glyphs are stems, glyph for character
  // ("block1" read "block1l": "bock1l" has its stem where the crop shows an o).
  const tall = tallestOf(shapes);
  const standing = shapes.filter((r) => runHeight(r) >= 0.4 * tall);
  const aligned = fits.filter(
    (t) =>
      standing.length === glyphChars(t).length &&
      glyphChars(t).every(
        (ch, k) => /[lI|]/u.test(ch) === stem(standing[k]!) || !/[lI|]/u.test(ch),
      ),
  );
  return aligned.length === 1 ? aligned[0]! : null;
}

/**
 * A key of a key=value label read with a capital I before small letters, made an l: the keys
 * of hyperparameters are written as Python names, in small letters ("lr=1e-4", "l2=0.01"),
 * and where the ink does not tell an I from an l (at 72 and 150 dpi matplotlib draws them at
 * one height: ellsTold) text recognition read seaborn's "lr=1e-4", "lr=3e-4" and "lr=1e-3" as
 * "Ir=…", silently. A key with a capital after the I ("IoU=0.5") is left as read.
 */
export function keyEll(text: string): string {
  return text.replace(/(^|[\s,;(])I(?=[a-z][a-z0-9_]*=)/gu, '$1l');
}

/**
 * The letter a bare stem at `i` of `chars` is: an l beside small letters (the nearest letter
 * after it, else before), an I beside capitals or alone.
 */
export function stemBeside(chars: readonly string[], i: number): 'l' | 'I' {
  const near =
    chars.slice(i + 1).find((c) => /\p{L}/u.test(c)) ??
    chars
      .slice(0, i)
      .reverse()
      .find((c) => /\p{L}/u.test(c));
  return near !== undefined && near !== near.toUpperCase() ? 'l' : 'I';
}

/** A text with its glyphs' characters (glyphChars with dots) made `mended`, between the dots and spaces they leave out. */
function putBack(text: string, chars: readonly string[], mended: readonly string[]): string {
  if (mended.every((ch, i) => ch === chars[i])) return text;
  let k = 0;
  return text.replace(/[^\s.,:;'`]/gu, () => mended[k++]!);
}

/**
 * How many gaps between words a label's crop shows: blanks between its glyphs (glyphRuns)
 * `em`'s 0.28 wide or more. A space is 0.32 em wide in DejaVu Sans before its neighbours'
 * sides, and glyphs of one word stand 0.2 em apart at most (a 1's sides); a pixel's rounding
 * at 72 dpi is a tenth of an em, so a space can show narrower, never a word's gap wider.
 */
export function spacesShown(g: GlyphInk, em: number): number {
  const runs = glyphRuns(g.ink, g.w, g.h);
  let gaps = 0;
  for (let i = 1; i < runs.length; i++) if (runs[i]![0] - runs[i - 1]![1] >= 0.28 * em) gaps++;
  return gaps;
}
