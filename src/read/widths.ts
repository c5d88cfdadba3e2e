/**
 * The ink widths of the numbers written over a grid's cells, by what they show: how many
 * digits, and whether a minus. One font at one size prints them all, so a number's width
 * follows from its characters, and a reading with a digit fewer or more than its ink holds
 * is off.
 * Text recognition drops a thin digit run into its neighbour (a 72-dpi JPEG's 0.91 read
 * "09", as wide as every 0.xx beside it); a cell's colour cannot tell 0.91 from 0.9, but the
 * width can. Only the digits' span counts: a minus, a point and specks are too small to
 * measure so in a JPEG.
 */
import { glyphRuns, type RunShape, runHeight, runShapes } from './glyphs.ts';
import { numberText } from './ticks.ts';

/**
 * How wide a number's digits span, px: from the first to the last glyph as tall as the
 * tallest but a third (a minus, a point, a speck of a JPEG's ringing beside the number are
 * not, nor a minus run into the first digit, from its end on; a 72-dpi JPEG's dark cell
 * shows one a digit wide). Null without such a glyph.
 */
export function digitSpan(
  ink: Uint8Array,
  w: number,
  h: number,
  /** Its runs' shapes, when found already (runShapes). */
  shapes: readonly RunShape[] = runShapes(ink, w, h, glyphRuns(ink, w, h)),
  /** The column its digits begin at, at the earliest: after a leading minus (minusEnd), run into its first digit or not. */
  from = 0,
): number | null {
  const tallest = Math.max(0, ...shapes.map(runHeight));
  const digits = shapes.filter((r) => runHeight(r) >= (2 / 3) * tallest && runHeight(r) > 0);
  if (!digits.length) return null;
  return digits[digits.length - 1]!.b - Math.max(digits[0]!.a, from);
}

/** What a number's text shows: its digits, and whether a point (a leading zero is one lost); null: not a plain number. */
function shape(text: string): { digits: number; minus: boolean; point: boolean } | null {
  const t = numberText(text);
  if (!/^-?[0-9.]*[0-9][0-9.]*%?$/.test(t)) return null;
  return {
    // A point first stands for "0." (".84" read for 0.84: its 0 lost, but not its value).
    digits: t.replace(/[^0-9]/g, '').length + (/^-?\./.test(t) ? 1 : 0),
    minus: t.startsWith('-'),
    point: t.includes('.'),
  };
}

/** The middle one of `v` in order (of an even count, the upper of the two middle ones). */
export const middleOf = (v: readonly number[]) => [...v].sort((a, b) => a - b)[v.length >> 1]!;

/** The middle of `v` (of an even count, the mean of the two middle ones). */
export const median = (v: readonly number[]) => {
  const s = [...v].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};

/** A width known from this many numbers is the commonest shape's. */
const KNOWN = 3;

export class InkWidths {
  /**
   * The digit spans seen, by how many digits the number shows and its sign (a minus run into
   * the first digit counts in its span: "3" three digits, "3-" with a minus), and how many of
   * them had a point.
   */
  private readonly seen = new Map<string, { spans: number[]; points: number }>();

  /** A number read whole, its digits spanning `width` px (digitSpan). */
  add(text: string, width: number | null): void {
    const s = shape(text);
    if (!s || width === null) return;
    const key = `${s.digits}${s.minus ? '-' : ''}`;
    const group = this.seen.get(key) ?? { spans: [], points: 0 };
    group.spans.push(width);
    if (s.point) group.points++;
    this.seen.set(key, group);
  }

  /** The shapes of a sign known from three numbers or more: their digits, median span, count, whether most have a point; commonest first. */
  private known(minus: boolean) {
    return [...this.seen]
      .filter(([k, g]) => k.endsWith('-') === minus && g.spans.length >= KNOWN)
      .map(([k, g]) => ({
        digits: Number.parseInt(k, 10),
        span: median(g.spans),
        n: g.spans.length,
        point: g.points > g.spans.length / 2,
      }))
      .sort((a, b) => b.n - a.n || a.digits - b.digits);
  }

  /**
   * Whether `text`, read from digits spanning `width` px (digitSpan), is a digit short of its
   * ink ('short': the span is one digit more's, within half a digit, and more than half a digit
   * past its own; "09" for 0.91) or holds a digit or more than its ink ('long': the span is at
   * most one digit fewer's, within half a digit, and more than half a digit short of its own;
   * a neighbour's number run into it, "080063" for 0.80, or a speck read as a digit, "2.557"
   * for 2.57); else null. Specks widen a span, never narrow it.
   * Against the numbers of its sign. A digit's width is the span of the commonest shape of
   * two digits or more (none known: null) over what it spans: each digit's width but a fifth
   * of the last's (its ink is four fifths of it in DejaVu Sans), and half of one for a point
   * (the step between two shapes is not: a 72-dpi single digit's span is its ink and both
   * rims, 6 px where two span 10). A shape not known is that shape's span and a digit's width
   * for each digit more or less.
   */
  off(text: string, width: number | null): 'short' | 'long' | null {
    const s = shape(text);
    if (!s || width === null) return null;
    const known = this.known(s.minus);
    // A digit's width from the commonest shape of two digits or more: a single digit's span
    // is its ink and both rims, too wide a measure (a confusion matrix's 118 among thirty
    // single digits, 6 px each at 72 dpi, was judged a digit too long for its 17 px).
    const base = known.find((k) => k.digits >= 2);
    if (!base) return null;
    const digit = base.span / (base.digits - 0.2 + (base.point ? 0.5 : 0));
    if (!(digit > 0)) return null;
    const spanOf = (d: number) =>
      known.find((k) => k.digits === d)?.span ?? base.span + (d - base.digits) * digit;
    // A reading without the point the numbers of its digits show (half a digit wide) is that
    // much narrower: a white 5.1 over a pale JPEG cell read "51", as wide as every d.d, had
    // passed for one (and, with no colorbar to say otherwise, been written 51.0).
    const lost = (known.find((k) => k.digits === s.digits) ?? base).point && !s.point;
    const own = spanOf(s.digits) - (lost ? digit / 2 : 0);
    if (lost && Math.abs(width - spanOf(s.digits)) <= digit / 2 && width - own > digit / 4)
      return 'short';
    if (width - own > digit / 2 && Math.abs(width - spanOf(s.digits + 1)) <= digit / 2)
      return 'short';
    if (own - width > digit / 2 && s.digits > 1 && width <= spanOf(s.digits - 1) + digit / 2)
      return 'long';
    return null;
  }
}
