/**
 * An axis's labels read letter by letter against each other's letters. Text recognition
 * reads a short word alone, with no word around it to tell it by, and can take one letter
 * for another surely: Plotly's token "on", 12 px high, was read "an", 90% sure, both ways up,
 * with "to", "shop" and "work" beside it showing what its o is. The same font at the same
 * size draws a letter alike in every label, so each label's glyphs, where none touch, teach
 * the others' (GlyphBook, as the numbers over cells do).
 */
import { GlyphBook, glyphRuns, runHeight, runShapes } from './glyphs.ts';
import { type Crop, inkLevel } from './label-ink.ts';

/** A crop's ink (dark text on light): 255 where black, 0 where white. */
function inkOf(c: Crop): Uint8Array {
  const out = new Uint8Array(c.width * c.height);
  for (let i = 0; i < out.length; i++) out[i] = 255 - c.rgba[i * 4]!;
  return out;
}

/** The characters of a label, spaces left out (they show no glyph). */
export const charsOf = (text: string) => [...text.replace(/\s+/gu, '')].length;

/**
 * How many glyphs a label's crop shows apart: runs of inked columns (glyphRuns) whose ink is
 * two fifths as high as the tallest's or more (a JPEG's speck, a quote mark beside letters,
 * is not one). Glyphs that touch show as one, so a reading may have more characters, never
 * fewer (but for a " or a character whose parts stand apart, which labels seldom hold).
 * `strict`: a column is inked only past the ink's level (inkLevel), so that the rims that
 * smoothing leaves between glyphs do not join them (seaborn's "t3", its t and 3 joined so,
 * read "2"); for digits only: the thin arches of letters (an m's) part them so.
 */
export function glyphsShown(c: Crop, strict: boolean): number {
  const ink = inkOf(c);
  const runs = glyphRuns(ink, c.width, c.height, strict ? 255 - inkLevel(c) : undefined);
  const shapes = runShapes(ink, c.width, c.height, runs);
  const tallest = Math.max(0, ...shapes.map(runHeight));
  return shapes.filter((r) => runHeight(r) >= 0.4 * tallest).length;
}

/** Letters and digits: what a glyph is mended from and to (not a sign, whose shape is its own). */
const LETTER = /^[\p{L}\p{N}]$/u;

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
 * seen only in this label is not asked (the likeliest other letter would be taken for it).
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
    return { ink: inkOf(c), w: c.width, h: c.height, text: l, chars: [...l.replace(/\s+/gu, '')] };
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
      const [best] = told[j]!;
      const own = told[j]!.find(([c]) => c === ch);
      if (!best || !own || best[0] === ch || !LETTER.test(ch) || !LETTER.test(best[0])) return ch;
      // (Told by two glyphs or more: one may be another label's misread letter.)
      if (best[2] < 2 || best[1] > NEAR || own[1] <= best[1] || own[1] < DOUBT * best[1]) return ch;
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
