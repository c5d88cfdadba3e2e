/**
 * Font files for figures (Node only): a fallback chain of .ttf, .otf or .ttc files the user
 * names (`font` in a spec, `--font FILE`), read with fontkit, for measuring text; the PNG and
 * PDF writers draw with the same files, and the SVG names their families.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { HeatfigError } from '../errors.ts';
import * as msg from '../messages.ts';
import type { FontFace } from './chain.ts';

const require = createRequire(import.meta.url);

/** What heatfig uses of a fontkit font. */
interface KitFont {
  readonly familyName: string;
  readonly postscriptName: string;
  readonly unitsPerEm: number;
  readonly ascent: number;
  readonly descent: number;
  readonly capHeight: number;
  hasGlyphForCodePoint(cp: number): boolean;
  glyphForCodePoint(cp: number): { readonly advanceWidth: number };
}

/** A font file read for a figure: its path, its first face and what measuring needs of it. */
export interface FontFile {
  readonly file: string;
  readonly family: string;
  readonly postscriptName: string;
  readonly face: FontFace;
}

/** The most font files a figure may name, and the largest one read. */
export const FONT_LIMITS = { files: 8, bytes: 64 << 20 } as const;

/**
 * Reads font files (a collection, .ttc, gives its first face). Throws one HeatfigError at
 * `where` for a file that is missing, too large, or not a font.
 */
export function loadFonts(paths: readonly string[], where: string): FontFile[] {
  if (paths.length > FONT_LIMITS.files)
    throw new HeatfigError('bad-font', msg.tooManyFonts(paths.length, FONT_LIMITS.files), where);
  let fontkit: { create(b: Uint8Array): KitFont | { fonts: KitFont[] } };
  try {
    fontkit = require('fontkit');
  } catch {
    throw new HeatfigError('missing-package', msg.missingPackage('fontkit', 'font files'), where);
  }
  return paths.map((file) => {
    let bytes: Uint8Array;
    try {
      bytes = readFileSync(file);
    } catch (e) {
      throw new HeatfigError(
        'bad-font',
        msg.unreadableFont(JSON.stringify(file), (e as NodeJS.ErrnoException).code),
        where,
      );
    }
    if (bytes.length > FONT_LIMITS.bytes)
      throw new HeatfigError(
        'bad-font',
        msg.fontTooLarge(JSON.stringify(file), bytes.length, FONT_LIMITS.bytes),
        where,
      );
    let font: KitFont;
    try {
      const made = fontkit.create(bytes);
      font = 'fonts' in made ? made.fonts[0]! : made;
      if (!font || typeof font.unitsPerEm !== 'number') throw new Error('no face');
    } catch {
      throw new HeatfigError('bad-font', msg.notAFont(JSON.stringify(file)), where);
    }
    const advances = new Map<number, number | undefined>();
    const face: FontFace = {
      family: font.familyName,
      unitsPerEm: font.unitsPerEm,
      ascent: font.ascent,
      descent: Math.abs(font.descent),
      capHeight: font.capHeight || font.ascent * 0.7,
      advance(cp) {
        if (!advances.has(cp))
          advances.set(
            cp,
            font.hasGlyphForCodePoint(cp) ? font.glyphForCodePoint(cp).advanceWidth : undefined,
          );
        return advances.get(cp);
      },
    };
    return { file, family: font.familyName, postscriptName: font.postscriptName, face };
  });
}
