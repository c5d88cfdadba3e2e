/** Cell text: each distinct annotation formatted once, and the size it fits its cells at. */
import type { Warnings } from '../errors.ts';
import { GEOMETRY as G } from '../figure/geometry.ts';
import type { Figure } from '../figure/types.ts';
import { makeFormatter } from '../format/number.ts';
import * as msg from '../messages.ts';
import type { TextMeasurer } from '../text/measure.ts';

/** The annotations of a figure: each distinct text once, and which one each cell shows. */
export interface AnnotationTexts {
  /** Each text once; a text of several lines holds them joined by "\n". */
  readonly distinct: readonly string[];
  /** Per panel, row-major: the cell's index in `distinct`, or -1 where it is missing or masked. */
  readonly ids: readonly Int32Array[];
  /** Lines of the longest text (1 for values). */
  readonly lines: number;
}

/**
 * The annotation of every cell, formatted once per distinct value: the layout sizes cells by
 * the widest, and hands them to the scene (Layout.annotations), which measures each once.
 */
export function annotationTexts(fig: Figure): AnnotationTexts {
  const own = fig.annot?.cells;
  if (own) return givenTexts(fig, own);
  const f = makeFormatter(fig.annot?.fmt ?? fig.fmt);
  // Values repeat (two-decimal scores, counts): each distinct one is formatted once.
  // (A Map holds 0 and -0 as one key, and they print differently: "0.00", "-0.00".)
  const byValue = new Map<number, number>();
  let negativeZero = -1;
  const byText = new Map<string, number>();
  const distinct: string[] = [];
  const idOf = (v: number): number => {
    let id = v === 0 && 1 / v < 0 ? negativeZero : byValue.get(v);
    if (id !== undefined && id !== -1) return id;
    const s = f(v);
    id = byText.get(s);
    if (id === undefined) {
      id = distinct.length;
      distinct.push(s);
      byText.set(s, id);
    }
    if (v === 0 && 1 / v < 0) negativeZero = id;
    else byValue.set(v, id);
    return id;
  };
  const ids = fig.grid.panels.map((p, pi) => {
    const mask = fig.mask[pi];
    const out = new Int32Array(p.values.length);
    for (let k = 0; k < p.values.length; k++) {
      const v = p.values[k]!;
      out[k] = v !== v || mask?.[k] ? -1 : idOf(v);
    }
    return out;
  });
  return { distinct, ids, lines: 1 };
}

/** The texts a figure gives its cells (a matrix or a template), each distinct one once. */
function givenTexts(fig: Figure, cells: readonly (readonly (string | null)[])[]): AnnotationTexts {
  const byText = new Map<string, number>();
  const distinct: string[] = [];
  let lines = 1;
  const ids = fig.grid.panels.map((p, pi) => {
    const mask = fig.mask[pi];
    const given = cells[pi]!;
    const out = new Int32Array(p.values.length).fill(-1);
    for (let k = 0; k < out.length; k++) {
      const s = given[k];
      if (s === null || s === undefined || s === '' || mask?.[k]) continue;
      let id = byText.get(s);
      if (id === undefined) {
        id = distinct.length;
        distinct.push(s);
        byText.set(s, id);
        lines = Math.max(lines, s.split('\n').length);
      }
      out[k] = id;
    }
    return out;
  });
  return { distinct, ids, lines };
}

/**
 * Widest line of the annotations per px of font size, or 0 if no cell has text; in `bold` too
 * when given (a figure with highlighted cells, whose text is bold).
 */
export function annotWidthPerPx(
  texts: AnnotationTexts,
  m: TextMeasurer,
  bold?: TextMeasurer,
): number {
  let w = 0;
  const widen = (line: string) => {
    w = Math.max(w, m.width(line, 1), bold ? bold.width(line, 1) : 0);
  };
  // Values' texts are one line each: only texts of several lines are split.
  for (const s of texts.distinct)
    if (texts.lines > 1) for (const line of s.split('\n')) widen(line);
    else widen(s);
  return w;
}

/**
 * The annotation size: the preferred size, shrunk to fit the cell; null (with a warning)
 * below the minimum. `annot` is the widest annotation per px of font size.
 */
export function annotationSize(
  fig: Figure,
  m: TextMeasurer,
  cw: number,
  ch: number,
  annot: number | null,
  warnings: Warnings,
  lines = 1,
): number | null {
  let annotSize: number | null = null;
  if (annot !== null && annot > 0) {
    const want = fig.annot!.size ?? (G.annotSize * fig.fontSize) / 12;
    const fitW = (cw - 2 * G.annotPadX) / annot;
    const fitH = (ch - 2 * G.annotPadY) / (lines * (m.ascent + m.descent));
    const s = Math.min(want, fitW, fitH);
    if (s >= G.minAnnotSize) annotSize = Math.floor(s * 10) / 10;
    else warnings.add(msg.annotDropped(s));
  }
  return annotSize;
}
