import type { TextMeasurer } from './measure.ts';

/**
 * One font's metrics as a measurer needs them, whatever read the file (the Node entry reads
 * .ttf/.otf/.ttc files with fontkit): advances in font units per code point, undefined where
 * the font has no glyph.
 */
export interface FontFace {
  readonly family: string;
  readonly unitsPerEm: number;
  /** Above the baseline, positive; below it, positive. */
  readonly ascent: number;
  readonly descent: number;
  readonly capHeight: number;
  advance(codePoint: number): number | undefined;
}

/**
 * A measurer over a fallback chain of fonts: each character is measured in the first font
 * that has it (the shipped DejaVu Sans is the last), as a renderer given the same list draws
 * it. The line box is the tallest of the chain's, so no font's glyphs leave it. Characters
 * no font has are measured as the last font's replacement character. Kerning is left out
 * (advances only), in measuring and drawing alike.
 */
export function chainMeasurer(faces: readonly FontFace[], last: TextMeasurer): TextMeasurer {
  const lastCovers = (cp: number) => last.covers?.(cp) ?? true;
  /** Width of each character of the text in px at size 1, in order. */
  const advances = (text: string): number[] => {
    const out: number[] = [];
    for (const ch of text) {
      const cp = ch.codePointAt(0)!;
      let w: number | undefined;
      for (const f of faces) {
        const a = f.advance(cp);
        if (a !== undefined) {
          w = a / f.unitsPerEm;
          break;
        }
      }
      out.push(w ?? last.width(ch, 1));
    }
    return out;
  };
  const per = (f: FontFace, v: number) => v / f.unitsPerEm;
  return {
    family: [...faces.map((f) => f.family), last.family].map((n) => JSON.stringify(n)).join(', '),
    ascent: Math.max(last.ascent, ...faces.map((f) => per(f, f.ascent))),
    descent: Math.max(last.descent, ...faces.map((f) => per(f, f.descent))),
    capHeight: faces.length ? per(faces[0]!, faces[0]!.capHeight) : last.capHeight,
    width(text, size) {
      let w = 0;
      for (const a of advances(text)) w += a;
      return w * size;
    },
    offsets(text, size) {
      const out: number[] = [];
      let x = 0;
      for (const a of advances(text)) {
        out.push(x * size);
        x += a;
      }
      return out;
    },
    covers(cp) {
      return faces.some((f) => f.advance(cp) !== undefined) || lastCovers(cp);
    },
  };
}

/** The first character of `text` that no font of the measurer has, or null. */
export function missingGlyph(m: TextMeasurer, text: string): string | null {
  if (!m.covers) return null;
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    if (cp <= 0x20 || (cp >= 0x7f && cp <= 0xa0) || cp === 0x200b) continue;
    if (!m.covers(cp)) return ch;
  }
  return null;
}
