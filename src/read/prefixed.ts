/**
 * Labels of one prefix and a number, as a DataFrame's index and columns often are ("gene0",
 * "s3", "sample_12", "x7"). Text recognition reads a digit after letters as a letter (its
 * model expects a word to go on as one: "gene1" read "genel", "gene4" "gened", "s7" "s/",
 * "s0" "sO") and a letter before digits as a digit ("s2" read "52"). Where labels of an axis
 * read as a prefix and a number, every other label whose ink begins as theirs does (the
 * prefix's glyphs, as drawn) has its number read again alone, as a number, from the ink past
 * the prefix; it is taken when it has as many digits as that ink is wide, and is drawn as
 * the same number is elsewhere on the axis. A label read as digits whose first glyph is lower
 * than a digit is a letter and a number (letterFirst).
 */
import { inTurns } from '../util/turns.ts';
import { advance, type Crop, type Ink, inkBox } from './label-ink.ts';
import { fivesTold, glyphInk } from './letters.ts';
import type { Recognize, Word } from './ticks.ts';
import { middleOf } from './widths.ts';

/** A prefix with a letter in it, and a whole number. */
const PREFIXED = /^(\D*\p{L}\D*?)(\d+)$/u;

/** How much ink a column of a crop holds: its darkness summed down it. */
function inkIn(c: Crop, x: number): number {
  let sum = 0;
  for (let y = 0; y < c.height; y++) sum += 255 - c.rgba[(y * c.width + x) * 4]!;
  return sum;
}

/**
 * Where two glyphs part near `x`, within `reach`: the column with the least ink, the nearest
 * of equals (a crop scaled up smoothly blurs a 72-dpi gap of a pixel, or none: seaborn's
 * "s0" at 72 dpi has no blank column between its glyphs).
 */
function gapNear(c: Crop, ink: Ink, x: number, reach: number): number {
  let best = Math.round(x);
  let least = Infinity;
  for (let d = 0; d <= reach; d++)
    for (const at of [Math.round(x) - d, Math.round(x) + d]) {
      if (at <= ink.x0 || at >= ink.x1) continue;
      const v = inkIn(c, at);
      if (v < least) [best, least] = [at, v];
    }
  return best;
}

/**
 * How unlike two crops' prefixes are: the mean difference of their grey, 0 to 1, over the
 * prefix's width from each one's ink's top left corner.
 */
function unlike(a: Crop, ia: Ink, b: Crop, ib: Ink, width: number, height: number): number {
  let sum = 0;
  for (let y = 0; y < height; y++) {
    const ya = ia.y0 + y;
    const yb = ib.y0 + y;
    for (let x = 0; x < width; x++) {
      const xa = ia.x0 + x;
      const xb = ib.x0 + x;
      const ga = xa < a.width && ya < a.height ? a.rgba[(ya * a.width + xa) * 4]! : 255;
      const gb = xb < b.width && yb < b.height ? b.rgba[(yb * b.width + xb) * 4]! : 255;
      sum += Math.abs(ga - gb);
    }
  }
  return width * height ? sum / (width * height) / 255 : 1;
}

/**
 * A crop's columns from x0 to x1 (exclusive), on a white margin all round: a digit alone,
 * with the crop's 8 px above and below, was read "8" for "5", 28% sure; with 24, "5".
 */
function columns(c: Crop, x0: number, x1: number, margin = 16): Crop {
  const width = x1 - x0 + 2 * margin;
  const height = c.height + 2 * margin;
  const rgba = new Uint8Array(width * height * 4).fill(255);
  for (let y = 0; y < c.height; y++)
    rgba.set(
      c.rgba.subarray((y * c.width + x0) * 4, (y * c.width + x1) * 4),
      ((y + margin) * width + margin) * 4,
    );
  return { rgba, width, height };
}

/** A label's crop parted at `cut` (crop x): its lead before, its tail (digits) from there on. */
function partedAt(crop: Crop, ink: Ink, cut: number): { lead: Crop; tail: Crop } {
  return { lead: columns(crop, ink.x0, cut), tail: columns(crop, cut, ink.x1 + 2) };
}

/** Each parted label's lead read as text and its tail as a number, as many at once as `parallel`. */
function readParts(
  parted: readonly { lead: Crop; tail: Crop }[],
  recognize: Recognize,
  recognizeNumber: Recognize,
  parallel: number,
): Promise<[readonly Word[], readonly Word[]][]> {
  return inTurns(
    parted,
    parallel,
    async ({ lead, tail }): Promise<[readonly Word[], readonly Word[]]> => [
      await recognize(lead.rgba, lead.width, lead.height),
      await recognizeNumber(tail.rgba, tail.width, tail.height),
    ],
  );
}

/**
 * The labels of an axis (`given`: as read, '' where not), each with its crop as it was read
 * (level), with the numbers of those that share the prefix of the others read again; the
 * others as they were.
 */
export async function prefixed(
  given: readonly string[],
  /** The crop of label i, made when first asked for and kept (by the caller: readAxis). */
  crops: (i: number) => Crop,
  recognize: Recognize,
  recognizeNumber: Recognize,
  parallel = 1,
): Promise<string[]> {
  const texts = await letterFirst(given, crops, recognize, recognizeNumber, parallel);
  const out = [...texts];
  const parts = texts.map((t) => PREFIXED.exec(t));
  // The prefix: the one most labels read as with a number after it; where none read so, the
  // letters two or more readings share but for a last character or two (a 72-dpi JPEG's
  // "gene1" and "gene4" read "genel" and "gened", its others not at all), one letter where
  // they share it but for one character (a 72-dpi "r1" and "r4" read "rl" and "rd").
  const count = new Map<string, number>();
  for (const m of parts) if (m) count.set(m[1]!, (count.get(m[1]!) ?? 0) + 1);
  const numbered = count.size > 0;
  if (!numbered)
    for (const t of texts)
      for (const tail of [1, 2]) {
        const p = [...t].slice(0, -tail).join('');
        if ((p.length >= 2 || tail === 1) && /\p{L}/u.test(p) && !/\d/.test(p))
          count.set(
            p,
            texts.filter((u) => u.startsWith(p) && [...u].length - [...p].length === tail).length,
          );
      }
  let prefix = '';
  let most = 0;
  for (const [p, k] of count)
    if (k > most || (k === most && p.length > prefix.length)) [prefix, most] = [p, k];
  // Two at least begin with it (which others share it, their ink tells).
  const support = texts.filter((t) => prefix && t.startsWith(prefix)).length;
  if (!most || support < 2) return out;
  // Where the prefix's ink ends, and how wide a digit is, in the labels read so (what follows
  // the prefix, read as a number or not, is that many digits).
  const refs: { crop: Crop; ink: Ink; split: number; digit: number }[] = [];
  for (const [i, t] of texts.entries()) {
    const rest = [...t].length - [...prefix].length;
    if (!t.startsWith(prefix) || rest < 1 || rest > 3) continue;
    // Read as the prefix and a number, where some are ("sum" is not one of "s0" to "s12").
    if (numbered && parts[i]?.[1] !== prefix) continue;
    const crop = crops(i);
    const ink = inkBox(crop);
    if (!ink) continue;
    const em = ink.w / (advance(prefix + '0'.repeat(rest)) - 0.1);
    const at = ink.x0 + (advance(prefix) - 0.05) * em;
    const split = gapNear(crop, ink, at, Math.ceil(0.12 * em));
    refs.push({ crop, ink, split: split - ink.x0, digit: (ink.x1 - split) / rest });
  }
  if (!refs.length) return out;
  const prefixPx = middleOf(refs.map((r) => r.split));
  const digitPx = middleOf(refs.map((r) => r.digit));
  const height = middleOf(refs.map((r) => r.ink.h));
  // How high the digits after the prefix stand, where labels read so show them: a label's
  // rest lower than that is letters of the x-height ("sum" among "s0" to "s12": its "um" is
  // as wide as two digits).
  const tailOf = (crop: Crop, ink: Ink, split: number) => columns(crop, split, ink.x1 + 2);
  const digitHeight = numbered
    ? middleOf(refs.map((r) => inkBox(tailOf(r.crop, r.ink, r.ink.x0 + r.split))?.h ?? 0))
    : 0;
  // Every label whose ink begins as the prefix's does, and is as wide as a whole number of
  // digits past it: those read so too (a 72-dpi JPEG's "gene1" was read "gene2").
  const again: { i: number; tail: Crop; digits: number }[] = [];
  for (let i = 0; i < texts.length; i++) {
    const crop = crops(i);
    const ink = inkBox(crop);
    if (!ink || Math.abs(ink.h - height) > 0.15 * height) continue;
    // Where the prefix's glyphs end in the others (its glyphs are theirs, drawn alike): the
    // least ink near there strays into the digit in a JPEG ("5" read "8").
    const split = Math.round(ink.x0 + prefixPx);
    const wide = (ink.x1 - split) / digitPx;
    const digits = Math.round(wide);
    if (digits < 1 || Math.abs(wide - digits) > 0.35) continue;
    // Against three of them at most (an axis of 25 labels, each against all 25, took 3 s).
    const apart = Math.min(
      ...refs.slice(0, 3).map((r) => unlike(crop, ink, r.crop, r.ink, prefixPx, height)),
    );
    if (apart > SAME) continue;
    const tail = tailOf(crop, ink, split);
    if ((inkBox(tail)?.h ?? 0) < 0.85 * digitHeight) continue;
    again.push({ i, tail, digits });
  }
  const numbers = await inTurns(again, parallel, ({ tail }) =>
    recognizeNumber(tail.rgba, tail.width, tail.height),
  );
  const readAlone = again.map(({ digits }, j) => {
    const words = numbers[j]!;
    // Read surely: a digit alone read at less than half (a "5" read "8", 28% sure) is not.
    const n = words.every((w) => w.confidence >= 50) ? words.map((w) => w.text).join('') : '';
    return /^\d+$/.test(n) && n.length === digits ? n : null;
  });
  // Where none read as the prefix and a number, the labels that share the prefix's ink are
  // taken only as a family of numbers: half of them at least, and two, read alone as
  // numbers, two different at least and no more than one in four of them a number another
  // has too ("cat" and "car" share "ca"; their "t" and "r" are not taken for digits, nor
  // dropped). Those read alike are then told by their inks (drawnAs): a 72-dpi "r6" read "5"
  // alone, beside "r5", had kept its axis's other six from their numbers.
  if (!numbered) {
    const read = readAlone.filter((n) => n !== null);
    const distinct = new Set(read).size;
    if (
      read.length < 2 ||
      2 * read.length < again.length ||
      distinct < 2 ||
      4 * (read.length - distinct) > read.length
    )
      return out;
  }
  // The number read alone is taken; one read otherwise as the prefix and a number is kept
  // where it is not read alone, and not read where the two differ (a 72-dpi JPEG's "s8" read
  // "5" alone). Another reading as long as the prefix and the number is one of them misread
  // ("s5" read "th"): not read.
  // A number read both ways alike is sure. Labels given one number by their ink alone are
  // one drawing of it: one whose ink is not the sure one's, or, with none sure, not the
  // others', is misread (a 150-dpi JPEG's "gene1" and "gene5" both read "5" alone).
  const sure = new Map<string, Crop>();
  again.forEach(({ i, tail }, j) => {
    const n = readAlone[j];
    if (n && parts[i]?.[1] === prefix && parts[i]![2] === n) sure.set(n, tail);
  });
  const byNumber = new Map<string, Crop[]>();
  again.forEach(({ i, tail }, j) => {
    const n = readAlone[j];
    if (n && parts[i]?.[1] !== prefix) byNumber.set(n, [...(byNumber.get(n) ?? []), tail]);
  });
  const drawnAs = (n: string, tail: Crop) => {
    const like = sure.get(n);
    if (like) return sameInk(tail, like);
    return byNumber.get(n)!.every((other) => other === tail || sameInk(tail, other));
  };
  again.forEach(({ i, digits, tail }, j) => {
    const n = readAlone[j]!;
    const was = parts[i]?.[1] === prefix ? parts[i]![2]! : null;
    if (was !== null) {
      if (n !== null && n !== was) out[i] = '';
    } else if (n !== null && drawnAs(n, tail)) out[i] = `${prefix}${n}`;
    else if (n !== null || [...texts[i]!].length === [...prefix].length + digits) out[i] = '';
  });
  return out;
}

/**
 * Labels read as digits alone whose first glyph is not as high as a digit: a lower-case
 * letter without ascender (a, c, e, m, n, o, r, s, u, v, w, x, z: the x-height, 0.55 em, not
 * the digits' 0.73). A 72-dpi "s2" read "52", every "s" of its axis a "5". That letter is
 * read alone as text, the rest alone as a number; the label is the two where both are read
 * so, and not read otherwise.
 */
async function letterFirst(
  texts: readonly string[],
  crops: (i: number) => Crop,
  recognize: Recognize,
  recognizeNumber: Recognize,
  parallel: number,
): Promise<string[]> {
  const out = [...texts];
  const split: { i: number; lead: Crop; tail: Crop; digits: number }[] = [];
  for (const [i, text] of texts.entries()) {
    if (!/^\d+$/.test(text)) continue;
    const crop = crops(i);
    const ink = inkBox(crop);
    if (!ink) continue;
    // Digits alone: the ink is their height, 0.73 em.
    const em = ink.h / 0.73;
    // A digit alone is a letter and a digit where its ink is wider than a digit's (0.6 em at
    // most in DejaVu Sans; a letter and a digit, 0.9 and more): seaborn's "r0" to "r7" turned
    // up at 72 dpi were read "0" to "7", silently.
    if (text.length === 1 && ink.w < 0.7 * em) continue;
    // (Within the ink's box, by its level: a column of paler ink, none under 128, had run
    // this search down past the crop's end, without end.)
    let top = ink.y0 + ink.h;
    for (let x = ink.x0; x <= ink.x0 + 0.35 * em && x <= ink.x1; x++)
      for (let y = ink.y0; y < top; y++)
        if (crop.rgba[(y * crop.width + x) * 4]! < ink.level) {
          top = y;
          break;
        }
    if (top - ink.y0 < 0.15 * ink.h) continue;
    const cut = gapNear(crop, ink, ink.x0 + 0.5 * em, Math.ceil(0.15 * em));
    const digits = Math.round((ink.x1 - cut) / (0.636 * em));
    out[i] = '';
    if (digits >= 1) split.push({ i, ...partedAt(crop, ink, cut), digits });
  }
  const read = await readParts(split, recognize, recognizeNumber, parallel);
  split.forEach(({ i, digits }, j) => {
    const [lead, tail] = read[j]!.map((words) => words.map((w) => w.text).join(''));
    // Alone, a 72-dpi "s" still reads "5": a digit it is not (its height says so) is the
    // letter of its shape.
    const letter = LOOKALIKE[lead!] ?? lead!;
    if (/^[acemnorsuvwxz]$/.test(letter) && /^\d+$/.test(tail!) && tail!.length === digits)
      out[i] = `${letter}${tail}`;
  });
  return out;
}

/** Whether two crops' inks are one drawing (as `unlike` compares them, over the narrower). */
function sameInk(a: Crop, b: Crop): boolean {
  const ia = inkBox(a);
  const ib = inkBox(b);
  if (!ia || !ib) return false;
  return unlike(a, ia, b, ib, Math.min(ia.w, ib.w), Math.max(ia.h, ib.h)) <= SAME;
}

/** The lower-case letters without ascenders that digits look like, read as those digits. */
const LOOKALIKE: Readonly<Record<string, string>> = { '5': 's', '0': 'o', '2': 'z' };

/** The most two drawings of one prefix differ by (mean grey, 0 to 1). */
const SAME = 0.15;

/** A code: a capital or two, then a whole number ("A1", "K5", "H12": a plate's wells, samples). */
const CODE = /^(\p{Lu}{1,2})(\d{1,3})$/u;

/** The capitals that digits and marks read alone for a capital look like. */
const CAPITAL_OF: Readonly<Record<string, string>> = {
  '0': 'O',
  '1': 'I',
  '2': 'Z',
  '5': 'S',
  '8': 'B',
  l: 'I',
  '|': 'I',
  '!': 'I',
};

/**
 * Labels that are codes, a capital or two and then a number, the capitals differing from label
 * to label ("O4", "K1", "V5": a plate's wells, samples' names). Text recognition reads a digit
 * after a capital as the letter it looks like and a capital before a digit as a digit, the word
 * taken as one kind ("S8" read "Sa", "K5" "KS", "O6" "06", "X3" "x3", "I5" "in"). Where three
 * or more of an axis's labels read as codes of one count of capitals and of digits, two
 * capitals at least differ, and three in four of those read are as long, every other label
 * whose ink is as high as theirs and no wider than a code's is read again in two parts,
 * parted where its digits begin (as wide as the codes' digits, at the least ink near there):
 * the digits alone as a number, the capitals alone as text (a digit or a stem read for a
 * capital alone is the capital it looks like; a small letter whose glyph is as high as the
 * capitals, its capital). A reading as long as a code that the two parts bear out (alike
 * wherever it read a character of the kind due there) is taken where each part was read 30%
 * sure or more; another where the capitals were read 40% sure and the digits 50%. A label
 * whose glyphs show an S or a 5 the code has the other of (fivesTold), or show the first
 * reading's where a part reads as nothing, is no code: left as read. Else one read as long
 * as a code is not read (said), and another (a word among codes) kept. Of 318 such codes
 * drawn by ggplot2 (72 to 300 dpi, PNG and JPEG), 62 had been read wrong, silently, and 124
 * not read; 28 and 86 now (most of those left at 72 dpi, where fewer than three of an axis
 * read as codes; and a capital read as another, "G3" for "O3", is a code).
 */
export async function codes(
  given: readonly string[],
  /** Label i's crop, level (null: none). */
  crops: (i: number) => Crop | null,
  recognize: Recognize,
  recognizeNumber: Recognize,
  /** How many crop pixels an image pixel is. */
  scale: number,
  parallel = 1,
): Promise<string[]> {
  const out = [...given];
  const parts = given.map((t) => CODE.exec(t));
  const count = new Map<string, number>();
  for (const m of parts)
    if (m) {
      const key = `${m[1]!.length},${m[2]!.length}`;
      count.set(key, (count.get(key) ?? 0) + 1);
    }
  let shape = '';
  let most = 0;
  for (const [k, n] of count) if (n > most) [shape, most] = [k, n];
  const [letters, digits] = shape.split(',').map(Number) as [number, number];
  // Those read, and those read as long as a code (misread codes among them).
  const read = given.filter((t) => t).length;
  const long = given.filter((t) => t && [...t].length === letters + digits).length;
  const isCode = (i: number) =>
    parts[i] !== null && parts[i]![1]!.length === letters && parts[i]![2]!.length === digits;
  const leads = new Set(parts.flatMap((m, i) => (isCode(i) ? [m![1]!] : [])));
  if (most < 3 || long < 0.75 * read || leads.size < 2) return out;
  // The codes' ink: how high their capitals and digits stand, and how wide a digit is.
  const refs: { height: number; digit: number }[] = [];
  for (const [i, t] of given.entries()) {
    if (!isCode(i)) continue;
    const crop = crops(i);
    const ink = crop && inkBox(crop);
    if (!crop || !ink) continue;
    const em = ink.w / (advance(t) - 0.1);
    const at = ink.x1 + 1 - (advance('0'.repeat(digits)) - 0.05) * em;
    const split = gapNear(crop, ink, at, Math.ceil(0.12 * em));
    refs.push({ height: ink.h, digit: (ink.x1 + 1 - split) / digits });
  }
  if (refs.length < 3) return out;
  const height = middleOf(refs.map((r) => r.height));
  const digitPx = middleOf(refs.map((r) => r.digit));
  // DejaVu Sans' capitals stand 0.73 em high; the widest (W) is 0.99 em wide.
  const em = height / 0.73;
  const again: {
    i: number;
    lead: Crop;
    tail: Crop;
    leadHigh: number;
    crop: Crop;
    level: number;
  }[] = [];
  for (const [i, t] of given.entries()) {
    if (isCode(i) || [...t].length > letters + digits + 1) continue;
    const crop = crops(i);
    const ink = crop && inkBox(crop);
    if (!crop || !ink || Math.abs(ink.h - height) > 0.15 * height) continue;
    const lead = ink.w - digits * digitPx;
    if (lead <= 0 || lead > letters * 1.1 * em) continue;
    const split = gapNear(crop, ink, ink.x1 + 1 - digits * digitPx, Math.ceil(0.12 * em));
    const parts = partedAt(crop, ink, split);
    again.push({ i, ...parts, leadHigh: inkBox(parts.lead)?.h ?? 0, crop, level: ink.level });
  }
  const readings = await readParts(again, recognize, recognizeNumber, parallel);
  const whole = new RegExp(`^\\p{Lu}{${letters}}\\d{${digits}}$`, 'u');
  again.forEach(({ i, leadHigh, crop, level }, j) => {
    const [leadWords, tailWords] = readings[j]!;
    const text = (words: readonly Word[]) => words.map((w) => w.text).join('');
    const least = (words: readonly Word[]) =>
      words.length ? Math.min(...words.map((w) => w.confidence)) : 0;
    const capital = (ch: string) =>
      CAPITAL_OF[ch] ?? (/^\p{Ll}$/u.test(ch) && leadHigh >= 0.9 * height ? ch.toUpperCase() : ch);
    const code = `${[...text(leadWords)].map(capital).join('')}${text(tailWords)}`;
    const was = [...given[i]!];
    // Where the label's glyphs show an S or a 5 that the code has the other of (fivesTold),
    // it is no code, and is left as read: "MS" and "53" beside "T5", "R5" and "C5". So too
    // where a part read again is nothing and the glyphs show the first reading's S or 5 ("MS",
    // its S read alone as no number).
    const g = glyphInk(crop, level);
    if (whole.test(code) && fivesTold(code, g, scale) !== code) return;
    if (!text(leadWords) || !text(tailWords)) {
      const swapped = was.map((ch) => (ch === 'S' ? '5' : ch === '5' ? 'S' : ch)).join('');
      if (swapped !== given[i] && fivesTold(swapped, g, scale) === given[i]) return;
    }
    if (!whole.test(code)) {
      if (was.length === letters + digits) out[i] = '';
      return;
    }
    // A reading as long as a code that the parts read again bear out: alike wherever it read
    // a character of the kind due there (a capital, a digit), other only where it did not
    // ("NO" read again "N0"; "Sa" read again "B8" is not borne out).
    const due = (k: number) => (k < letters ? /^\p{Lu}$/u : /^\d$/u);
    const borne =
      was.length === letters + digits &&
      [...code].every((ch, k) => ch === was[k] || !due(k).test(was[k]!));
    // Borne out, each part read 30% sure or more; else 40% the capitals, 50% the digits (a
    // digit alone was read wrong 40% sure, and right from 37%).
    const sure = borne
      ? Math.min(least(leadWords), least(tailWords)) >= 30
      : least(leadWords) >= 40 && least(tailWords) >= 50;
    if (sure) out[i] = code;
    else if (was.length === letters + digits) out[i] = '';
  });
  return out;
}
