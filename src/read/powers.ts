/**
 * Powers of ten as matplotlib labels a logarithmic colorbar (`LogNorm`: mathtext's 10⁰, 10¹,
 * 10⁻²): a base "10" and an exponent set smaller and raised. Text recognition reads the two
 * as one number ("103" for 10³, "10-1" for 10⁻¹), which a linear reading took for the tick's
 * value; the ink tells them apart.
 */
import type { Box } from './locate.ts';
import type { Image } from './png.ts';
import { fitTicks, isDark, type ScaleFit } from './ticks.ts';

/** A label's ink parted into its base and its raised exponent, each its ink's box. */
export interface Raised {
  readonly base: Box;
  readonly exponent: Box;
}

/**
 * The label's base and exponent where its ink ends in a raised part: columns whose ink all
 * stands above the base's foot by more than a quarter of the label's height (an exponent's
 * digits and minus), after columns that reach it (the base's digits), none of them after
 * the raised part begins. Null for a label on one line (a number, a word).
 */
export function raisedTail(img: Image, line: Box): Raised | null {
  const cols: { x: number; top: number; foot: number }[] = [];
  for (let x = line.x0; x < line.x1; x++) {
    let top = -1;
    let foot = -1;
    for (let y = line.y0; y < line.y1; y++)
      if (isDark(img, x, y)) {
        if (top < 0) top = y;
        foot = y;
      }
    if (top >= 0) cols.push({ x, top, foot });
  }
  if (cols.length < 3) return null;
  const foot = Math.max(...cols.map((c) => c.foot));
  const top = Math.min(...cols.map((c) => c.top));
  const h = foot - top + 1;
  if (h < 6) return null;
  const raised = (c: { foot: number }) => foot - c.foot > h / 4;
  // The base: the columns up to the last that reaches the foot; the rest all raised.
  let last = -1;
  for (let i = 0; i < cols.length; i++) if (!raised(cols[i]!)) last = i;
  if (last < 0 || last === cols.length - 1) return null;
  const base = cols.slice(0, last + 1);
  const tail = cols.slice(last + 1);
  // The exponent's top above the base's: a raised end of the base's own last glyph (a 7's
  // bar) is not an exponent.
  const baseTop = Math.min(...base.map((c) => c.top));
  const tailTop = Math.min(...tail.map((c) => c.top));
  const tailFoot = Math.max(...tail.map((c) => c.foot));
  if (tailTop >= baseTop || tailFoot - tailTop + 1 < 3) return null;
  const box = (part: typeof cols, y0: number, y1: number): Box => ({
    x0: part[0]!.x,
    y0,
    x1: part[part.length - 1]!.x + 1,
    y1,
  });
  return {
    base: box(base, baseTop, foot + 1),
    exponent: box(tail, tailTop, tailFoot + 1),
  };
}

/**
 * An exponent's text as a whole number: digits after an optional minus (mathtext's U+2212,
 * read as one dash or two, or a hyphen). Null for anything else.
 */
export function exponentOf(text: string): number | null {
  const m = /^([-\u2212\u2013\u2014]+)?(\d{1,3})$/.exec(text.trim());
  if (!m) return null;
  const v = Number(m[2]);
  return m[1] ? -v : v;
}

/**
 * A power of ten's exponent from the power read whole, as text recognition reads 10³ ("103",
 * "10-2"): the digits after the base 10. Null for anything else.
 */
export function powerOf(text: string): number | null {
  const m = /^10([-\u2212\u2013\u2014]*\d{1,3})$/.exec(text.trim());
  return m ? exponentOf(m[1]!) : null;
}

/**
 * What matplotlib writes at the end of a linear colorbar whose labels are scaled
 * (ScalarFormatter's offset text): a factor (`1e−5`: each label times 10⁻⁵), an amount added
 * (`+1e3`, `+1.5e3`), or both (`1e−5+1e3`), as text recognition reads them. Null for text
 * that is not one.
 */
export function offsetOf(text: string): { times: number; plus: number } | null {
  const t = text
    .trim()
    .replace(/[\u2212\u2013\u2014]/g, '-')
    .replace(/\s+/g, '');
  const m = /^(?:1e(-?\d{1,3}))?(?:([+-])(\d(?:\.\d+)?)e(-?\d{1,3}))?$/.exec(t);
  if (!m || (m[1] === undefined && m[2] === undefined)) return null;
  return {
    // (1e-5 as JavaScript reads it: 10 ** -5 is 0.000009999999999999999.)
    times: m[1] !== undefined ? Number(`1e${m[1]}`) : 1,
    plus: m[2] !== undefined ? Number(`${m[2]}${m[3]}e${m[4]}`) : 0,
  };
}

/**
 * Text that has the look of an offset, read or not: a digit, and an exponent (an e after a
 * digit or what a 1 or 0 is misread as, before a digit) or a leading sign.
 */
export const offsetLike = (text: string): boolean =>
  /\d/.test(text) && (/[\dlIO]e[-\u2212\u2013]*\d/i.test(text) || /^\s*[+×x]/.test(text));

/**
 * A logarithmic colorbar's scale from one power of ten read (`at`: its tick's place, `exponent`)
 * and the tick marks along the bar, minor ones among them: matplotlib marks 2×, 3×, … 9× each
 * power between its labelled ones, log10(m) of a decade along, closer and closer towards the
 * next power. The decade's length (and which way the values rise) is the one whose places
 * and the marks agree most (a mark on each place, a place for each mark): at least five
 * marks, and nine in ten of them, on its places, and a mark on eight in ten of those (a short
 * decade has places everywhere, and any mark near one). A colorbar of one decade or two
 * shows a single power. A decade is 40 px or more (the marks for 8× and 9× then stand 2 px
 * apart, and are told apart). log10(value) = a + b · place, or null where no decade fits so.
 */
export function decadeFit(
  at: number,
  exponent: number,
  marks: readonly number[],
  /** The bar's extent along it, in the same pixels. */
  from: number,
  to: number,
): { a: number; b: number } | null {
  const others = marks.filter((m) => Math.abs(m - at) > 1.5);
  if (others.length < 5) return null;
  const steps = [1, 2, 3, 4, 5, 6, 7, 8, 9].map(Math.log10);
  // Every place a decade of length d (signed) puts a mark, within the bar.
  const places = (d: number) => {
    const out: number[] = [];
    const k0 = Math.floor((from - at) / d);
    const k1 = Math.ceil((to - at) / d);
    for (let k = Math.min(k0, k1) - 1; k <= Math.max(k0, k1); k++)
      for (const s of steps) {
        const p = at + d * (k + s);
        if (p >= from - 1 && p <= to + 1) out.push(p);
      }
    return out;
  };
  let best: { d: number; hits: number; score: number; err: number } | null = null;
  for (const q of others)
    for (let k = -2; k <= 1; k++)
      for (const s of steps) {
        if (k + s === 0) continue;
        const d = (q - at) / (k + s);
        if (Math.abs(d) < 40) continue;
        const p = places(d);
        let hits = 0;
        let err = 0;
        for (const m of others) {
          const near = p.reduce((n, x) => Math.min(n, Math.abs(x - m)), Infinity);
          if (near <= 1.5) {
            hits++;
            err += near;
          }
        }
        // Places with a mark on them (the power's own counts).
        const marked = p.filter((x) => marks.some((m) => Math.abs(m - x) <= 1.5)).length;
        if (marked < 0.8 * p.length) continue;
        const score = hits - (p.length - marked);
        if (!best || score > best.score || (score === best.score && err < best.err))
          best = { d, hits, score, err };
      }
  if (!best || best.hits < 5 || best.hits < 0.9 * others.length) return null;
  // Least squares over the marks it places, for the decade's length, each mark given its
  // nearest place anew with the length found (8× and 9× stand a few pixels apart: a length
  // from one pair of marks can give a mark its neighbour's place).
  let d = best.d;
  for (let round = 0; round < 3; round++) {
    const p = places(d);
    let sxx = 0;
    let sxy = 0;
    for (const m of others) {
      // Its place, where no other is nearly as near (7×, 8× and 9× can be told apart by a
      // pixel or two only: such marks are left out of the length).
      const near = [...p].sort((x, y) => Math.abs(x - m) - Math.abs(y - m));
      const x = near[0]!;
      if (Math.abs(x - m) > 1.5 || Math.abs((near[1] ?? Infinity) - m) - Math.abs(x - m) < 1)
        continue;
      // Decades from the power's tick, as that place stands for them.
      const t = (x - at) / d;
      sxx += t * t;
      sxy += t * (m - at);
    }
    d = sxy / sxx;
  }
  return { a: exponent - at / d, b: 1 / d };
}

/**
 * A logarithmic colorbar's scale, log10(value) = a + b · place, from the powers read beside
 * it (each its mark's place and its exponent) and its marks: the decade the minor marks give
 * (decadeFit), from the power that the most others read agree with (a power misread, 10¹ as
 * 10³, agrees with none; a colorbar of a decade or two shows one power); or the line through
 * the powers read, taken over it only through more powers and where its decade is the
 * marks' too (two powers, one misread, are always on a line: 10³ and 10¹ read 10², two
 * decades as one). With it, every major mark's exponent, the scale's whole exponent at each
 * (a label not read or misread, given by the scale), where those take in every power read on
 * the scale; else the exponents read.
 */
export function powersScale(
  powers: readonly { pos: number; value: number }[],
  /** The major marks (and, at 100 dpi and more, the minor ones). */
  marks: readonly number[],
  /** Every mark, minor ones among them (minorMarks). */
  minor: readonly number[],
  from: number,
  to: number,
): { fit: ScaleFit | null; exponents: number[] } {
  const agree = (f: { a: number; b: number }) =>
    powers.filter((t) => Math.abs(f.a + f.b * t.pos - t.value) < 0.1);
  let fit: ScaleFit | null = null;
  for (const t of powers) {
    const f = decadeFit(t.pos, t.value, minor, from, to);
    const n = f ? agree(f).length : 0;
    if (f && (!fit || n > fit.used)) fit = { ...f, used: n, dropped: powers.length - n };
  }
  const line = fitTicks(powers);
  if (line && (!fit || (line.used > fit.used && Math.abs(line.b / fit.b - 1) < 0.02))) fit = line;
  const read = powers.map((t) => t.value);
  if (!fit) return { fit: null, exponents: read };
  const { a, b } = fit;
  // A major mark's exponent: the whole one within 0.03 of a decade of it (1.5 px, on a short
  // decade), the nearest mark for each (a 9× minor mark stands 0.046 of a decade from the
  // next power; a 72-dpi JPEG's 10⁴ mark, 0.021 off the line through 10¹ and 10³, had been
  // left out at 0.02, and its unread label with it).
  const tolerance = Math.min(0.03, 1.5 * Math.abs(b));
  const nearest = new Map<number, number>();
  for (const m of marks) {
    const e = a + b * m;
    const k = Math.round(e);
    const off = Math.abs(e - k);
    if (off <= tolerance && off < (nearest.get(k) ?? Infinity)) nearest.set(k, off);
  }
  const onMarks = marks.flatMap((m) => {
    const e = a + b * m;
    const k = Math.round(e);
    return nearest.get(k) === Math.abs(e - k) ? [k] : [];
  });
  return {
    fit,
    exponents: agree(fit).every((t) => onMarks.includes(t.value)) ? onMarks : read,
  };
}

/**
 * A logarithmic colorbar labelled with plain numbers (`format='%.0f'` or LogFormatter: 1, 10,
 * 100 evenly spaced, no exponents), as log10(value) = a + b · place; null for a linear one.
 * Logarithmic where the minor marks give a decade from a label that is a power of ten and
 * every label lies on that scale; where every label is a power of ten, two or more (heatfig's
 * own logarithmic colorbar, 10 and 100 and no minor marks: a linear one is not labelled so);
 * or where three labels or more lie on one line of their logarithms and not on one line as
 * they are. A linear reading of 1, 10, 100 had drawn the line through two of them, and read
 * values from -77 to 187 for 1 to 920, with no warning.
 */
export function plainLogScale(
  ticks: readonly { pos: number; value: number }[],
  minor: readonly number[],
  from: number,
  to: number,
): ScaleFit | null {
  if (ticks.length === 0 || ticks.some((t) => !(t.value > 0))) return null;
  const logs = ticks.map((t) => ({ pos: t.pos, value: Math.log10(t.value) }));
  const on = (f: { a: number; b: number }) =>
    logs.every((t) => Math.abs(f.a + f.b * t.pos - t.value) < 0.05);
  for (const t of logs) {
    const k = Math.round(t.value);
    if (Math.abs(t.value - k) > 1e-9) continue;
    const f = decadeFit(t.pos, k, minor, from, to);
    if (f && on(f)) return { ...f, used: logs.length, dropped: 0 };
  }
  if (logs.length < 2) return null;
  const inLogs = fitTicks(logs);
  if (!inLogs || inLogs.dropped > 0) return null;
  if (logs.every((t) => Math.abs(t.value - Math.round(t.value)) < 1e-9)) return inLogs;
  const asRead = fitTicks(ticks);
  return logs.length >= 3 && (!asRead || asRead.dropped > 0) ? inLogs : null;
}
