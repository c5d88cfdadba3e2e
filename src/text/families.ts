/**
 * The font families the package ships besides DejaVu Sans (Node only: their files are in the
 * package's fonts/ folder), chosen by name in a spec's `font`: DejaVu Serif (matplotlib's
 * serif), Liberation Serif (Times New Roman's metrics) and CMU Serif (Computer Modern, LaTeX's
 * default), each with its bold face.
 */
import { join } from 'node:path';
import {
  CMU_SERIF,
  CMU_SERIF_BOLD,
  DEJAVU_SERIF,
  DEJAVU_SERIF_BOLD,
  LIBERATION_SERIF,
  LIBERATION_SERIF_BOLD,
} from './family-metrics.ts';
import { type FaceTable, type TextMeasurer, dejavuSansMeasurer, tableMeasurer } from './measure.ts';
import { FONTS_DIR } from './shipped-font.ts';

const FAMILIES: Readonly<Record<string, readonly [FaceTable, FaceTable] | null>> = {
  'DejaVu Sans': null,
  'DejaVu Serif': [DEJAVU_SERIF, DEJAVU_SERIF_BOLD],
  'Liberation Serif': [LIBERATION_SERIF, LIBERATION_SERIF_BOLD],
  'CMU Serif': [CMU_SERIF, CMU_SERIF_BOLD],
};

/** Other names users give them, lower case: CSS's generic families, and what each stands in for. */
const ALIASES: Readonly<Record<string, string>> = {
  'sans-serif': 'DejaVu Sans',
  serif: 'DejaVu Serif',
  times: 'Liberation Serif',
  'times new roman': 'Liberation Serif',
  'computer modern': 'CMU Serif',
  'cmu serif roman': 'CMU Serif',
};

/** True for a font file's path (an extension of one, or a folder in it), false for a family's name. */
export function looksLikeFontFile(name: string): boolean {
  return /\.(ttf|otf|ttc|otc)$/i.test(name) || /[\\/]/.test(name);
}

/** The shipped families' names, for messages and the schema. */
export const SHIPPED_FAMILIES: readonly string[] = Object.keys(FAMILIES);

/** The shipped family a name means (case-insensitive, aliases too), or null. */
export function familyName(name: string): string | null {
  const key = name.trim().toLowerCase();
  return SHIPPED_FAMILIES.find((f) => f.toLowerCase() === key) ?? ALIASES[key] ?? null;
}

/** A shipped family: its measurer (bold face included; DejaVu Sans after it) and files. */
export interface ShippedFamily {
  readonly family: string;
  readonly file: string;
  readonly bold: string;
  /** Measures with the family, then `next` (DejaVu Sans by default) for what it lacks. */
  measurer(next?: TextMeasurer): TextMeasurer;
}

/** The family of that name other than the default DejaVu Sans, or null for DejaVu Sans. */
export function shippedFamily(name: string): ShippedFamily | null {
  const faces = FAMILIES[name];
  if (!faces) return null;
  const [regular, bold] = faces;
  return {
    family: regular.family,
    file: join(FONTS_DIR, regular.file),
    bold: join(FONTS_DIR, bold.file),
    measurer(next = dejavuSansMeasurer()) {
      return tableMeasurer(regular, next, tableMeasurer(bold, next.bold ?? next));
    },
  };
}
