/**
 * Marginals: each row's and column's sum (or mean) written in an extra column right of the
 * grid and an extra row under it, apart from the cells and outside the colour scale, with
 * the grand one at the corner (a confusion matrix's support and predicted totals).
 */
import { GEOMETRY as G } from '../figure/geometry.ts';
import type { Figure } from '../figure/types.ts';
import { makeFormatter } from '../format/number.ts';
import type { TextMeasurer } from '../text/measure.ts';
import { lineHeight } from './text.ts';

/** Space between the grid and its marginals, in px at font size 12. */
export const MARGIN_GAP = 6;

/** The marginal texts of a one-panel figure: per row, per column, and the corner; null without marginals. */
export function marginalTexts(
  fig: Figure,
): { rows: string[]; cols: string[]; total: string; label: string } | null {
  const how = fig.marginals;
  if (!how) return null;
  const p = fig.grid.panels[0]!;
  const C = fig.grid.cols;
  // Totals of the values as given: in the cells' format, or, when the cells show transformed
  // values (fractions, z-scores), in a plain one (a row's count, not "3700%").
  const f = makeFormatter(fig.transform ? '.6g' : (fig.annot?.fmt ?? fig.fmt));
  const agg = (xs: number[]) => {
    const ok = xs.filter((x) => x - x === 0);
    if (!ok.length) return '';
    const s = ok.reduce((a, b) => a + b, 0);
    return f(how === 'sum' ? s : s / ok.length);
  };
  const raw = fig.raw?.[0] ?? p.values;
  const cell = (r: number, c: number) => raw[r * C + c]!;
  return {
    rows: Array.from({ length: p.rows }, (_, r) =>
      agg(Array.from({ length: C }, (_, c) => cell(r, c))),
    ),
    cols: Array.from({ length: C }, (_, c) =>
      agg(Array.from({ length: p.rows }, (_, r) => cell(r, c))),
    ),
    total: agg(Array.from(raw)),
    label: how,
  };
}

/** The width of the marginal column: a cell, or the widest total with room around it. */
export function marginalWidth(
  m: TextMeasurer,
  cw: number,
  size: number,
  texts: { rows: string[]; total: string },
): number {
  const widest = Math.max(...[...texts.rows, texts.total].map((s) => m.width(s, size)));
  return Math.max(cw, widest + 2 * G.annotPadX);
}

/** The height of the marginal row: a cell, or a line of text with room around it. */
export const marginalHeight = (m: TextMeasurer, ch: number, size: number) =>
  Math.max(ch, lineHeight(m, size) + 2 * G.annotPadY);
