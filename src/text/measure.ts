import { DEJAVU_SANS, DEJAVU_SANS_BOLD } from './dejavu-metrics.ts';

/**
 * How layout learns the size of text. Sizes are in pixels (CSS px); a measurer is pure:
 * the same text and size always give the same numbers.
 */
export interface TextMeasurer {
  /** The font family the measurements belong to (renderers draw with it). */
  readonly family: string;
  /** Advance width of `text` at `size` px, kerning included. */
  width(text: string, size: number): number;
  /** Where each character of `text` starts, in px from the text's start, kerning included. */
  offsets(text: string, size: number): number[];
  /** Distance from the baseline up to the top of the line box, per px of font size. */
  readonly ascent: number;
  /** Distance from the baseline down to the bottom of the line box, per px of font size (positive). */
  readonly descent: number;
  /** Height of capital letters and digits above the baseline, per px of font size. */
  readonly capHeight: number;
  /** True if the font (or one of its fallbacks) has a glyph for the code point. */
  covers?(codePoint: number): boolean;
  /** The same family's bold face, where one is known (highlighted cell text is bold). */
  readonly bold?: TextMeasurer;
}

/** A face's metrics as scripts/export-font-metrics.ts writes them. */
export interface FaceTable {
  readonly family: string;
  /** The font file, in the package's fonts/ folder. */
  readonly file: string;
  readonly unitsPerEm: number;
  readonly ascender: number;
  readonly descender: number;
  readonly capHeight: number;
  readonly runs: ReadonlyArray<readonly [number, string]>;
  readonly kerning: Readonly<Record<string, number>>;
}

/**
 * Measures with DejaVu Sans's own advance widths and kerning (the font the package ships and
 * PNG/PDF draw with), so a layout computed in Node or in a browser is the same.
 */
export function dejavuSansMeasurer(): TextMeasurer {
  // The table is decoded once per process; the measurer holds no state, so it is shared.
  if (!shared) {
    // The bold table keeps Latin-1, dashes and the minus sign (scripts/export-font-metrics.ts):
    // other characters of bold text are measured at the regular face's widths.
    const regular = tableMeasurer(DEJAVU_SANS);
    shared = { ...regular, bold: tableMeasurer(DEJAVU_SANS_BOLD, regular) };
  }
  return shared;
}

let shared: TextMeasurer | undefined;

/**
 * The advance width of a code point, in font units, or undefined when the font lacks it.
 * Runs are decoded when first needed (most figures use one, ASCII): decoding all ~5,500
 * widths took a millisecond of every start.
 */
function runWidths(runs: FaceTable['runs']): (cp: number) => number | undefined {
  const decoded: (Uint16Array | undefined)[] = new Array(runs.length);
  return (cp: number): number | undefined => {
    let lo = 0;
    let hi = runs.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (runs[mid]![0] <= cp) lo = mid;
      else hi = mid - 1;
    }
    // Indexed, not destructured: array destructuring runs the iterator protocol.
    const run = runs[lo]!;
    const start = run[0];
    const b64 = run[1];
    if (cp < start) return undefined;
    let w = decoded[lo];
    if (!w) {
      const bytes = atob(b64);
      w = new Uint16Array(bytes.length / 2);
      for (let i = 0; i < w.length; i++)
        w[i] = bytes.charCodeAt(2 * i) | (bytes.charCodeAt(2 * i + 1) << 8);
      decoded[lo] = w;
    }
    return w[cp - start];
  };
}

/**
 * The advance of printable ASCII text (every number, most labels) from flat tables, made on
 * first use: the advances, and the kerning of each pair at [first · 128 + second]; NaN for
 * text with any other character.
 */
function asciiAdvancer(
  widthOf: (cp: number) => number | undefined,
  fallback: number,
  kerning: Readonly<Record<string, number>>,
): (text: string) => number {
  let asciiWidths: Float64Array | null = null;
  let asciiKerning: Float64Array | null = null;
  return (text: string): number => {
    if (asciiWidths === null || asciiKerning === null) {
      asciiWidths = new Float64Array(128);
      for (let c = 32; c < 127; c++) asciiWidths[c] = widthOf(c) ?? fallback;
      asciiKerning = new Float64Array(128 * 128);
      for (const [pair, k] of Object.entries(kerning))
        if (pair.length === 2) asciiKerning[pair.charCodeAt(0) * 128 + pair.charCodeAt(1)] = k;
    }
    let units = 0;
    let prev = -1;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c < 32 || c > 126) return Number.NaN;
      units += asciiWidths[c]!;
      if (prev >= 0) units += asciiKerning[prev * 128 + c]!;
      prev = c;
    }
    return units;
  };
}

/**
 * A measurer from a face's table. Characters the face lacks are measured by `fallback` (the
 * face a renderer falls back to), else as the face's replacement character; the line box is
 * the taller of the two.
 */
export function tableMeasurer(
  m: FaceTable,
  fallback?: TextMeasurer,
  bold?: TextMeasurer,
): TextMeasurer {
  const upm = m.unitsPerEm;
  const own = runWidths(m.runs);
  const missing = own(0xfffd) ?? own(0x3f) ?? upm / 2;
  const widthOf = fallback
    ? (cp: number) =>
        own(cp) ??
        (fallback.covers?.(cp) === false
          ? undefined
          : fallback.width(String.fromCodePoint(cp), upm))
    : own;
  const fallbackWidth = fallback ? fallback.width('\ufffd', upm) : missing;
  const kerning = m.kerning;
  // Advance of each text measured, in font units: a figure measures the same few labels and
  // annotation texts thousands of times. Bounded, since a process may measure many figures.
  const known = new Map<string, number>();
  const asciiAdvance = asciiAdvancer(widthOf, fallbackWidth, kerning);
  const advance = (text: string): number => {
    const cached = known.get(text);
    if (cached !== undefined) return cached;
    let units = asciiAdvance(text);
    if (Number.isNaN(units)) {
      units = 0;
      let prev = '';
      for (const ch of text) {
        units += widthOf(ch.codePointAt(0)!) ?? fallbackWidth;
        if (prev) units += kerning[prev + ch] ?? 0;
        prev = ch;
      }
    }
    if (known.size >= 50_000) known.clear();
    known.set(text, units);
    return units;
  };
  return {
    family: fallback ? `${JSON.stringify(m.family)}, ${fallback.family}` : m.family,
    ascent: Math.max(m.ascender / upm, fallback?.ascent ?? 0),
    descent: Math.max(-m.descender / upm, fallback?.descent ?? 0),
    capHeight: m.capHeight / upm,
    width(text, size) {
      return (advance(text) / upm) * size;
    },
    covers(cp) {
      return own(cp) !== undefined || (fallback?.covers?.(cp) ?? false);
    },
    ...(bold ? { bold } : {}),
    offsets(text, size) {
      const out: number[] = [];
      let units = 0;
      let prev = '';
      for (const ch of text) {
        if (prev) units += kerning[prev + ch] ?? 0;
        out.push((units / upm) * size);
        units += widthOf(ch.codePointAt(0)!) ?? fallbackWidth;
        prev = ch;
      }
      return out;
    },
  };
}
