/** The cell size a figure's content asks for: its grid's shape, annotations and column labels. */
import { GEOMETRY as G } from '../figure/geometry.ts';
import { largeGridArea, READABLE_AXIS, READABLE_CELL } from '../figure/fit-to-pixels.ts';
import type { Figure } from '../figure/types.ts';
import type { TextMeasurer } from '../text/measure.ts';
import { lineHeight } from './text.ts';
import type { Sizes } from './types.ts';

/** The long side of a facet, in px, when nothing else decides the cell size. */
const FACET_TARGET = 200;

export function contentCellSize(
  fig: Figure,
  m: TextMeasurer,
  sizes: Sizes,
  annot: number | null,
  rowsTotal: number,
  lines = 1,
): { cw: number; ch: number } {
  const C = fig.grid.cols;
  // A large grid (before any reduction) gets a cell area of its own shape (see largeGridArea),
  // shared by the blocks it was reduced to.
  const red = fig.grid.reduced;
  const area = largeGridArea(
    red ? red.rows * fig.grid.panels.length : rowsTotal,
    red ? red.cols : C,
    {
      ...fig.size,
      width: null,
      height: null,
    },
  );
  // Facets share the space a single grid would take, each at least FACET_TARGET px long.
  const target = fig.facets
    ? Math.max(FACET_TARGET, G.targetGrid / Math.max(fig.facets.rows, fig.facets.cols))
    : G.targetGrid;
  const base = Math.min(G.maxCell, Math.max(G.minCell, target / Math.max(rowsTotal, C)));
  // An axis of few cells keeps them readable, however many the other axis has.
  const readable = (n: number, px: number) =>
    n <= READABLE_AXIS ? Math.max(px, READABLE_CELL) : px;
  let cw = area ? area.w / C : (fig.size.cellWidth ?? readable(C, base));
  let ch = area ? area.h / rowsTotal : (fig.size.cellHeight ?? readable(rowsTotal, base));
  if (annot !== null && annot > 0) {
    let s = fig.annot!.size ?? (G.annotSize * fig.fontSize) / 12;
    const needW = (size: number) => annot * size + 2 * G.annotPadX;
    const needH = (size: number) => lines * lineHeight(m, size) + 2 * G.annotPadY;
    while (fig.annot!.size === null && s > G.minAnnotSize && C * needW(s) > G.maxGridForAnnot) {
      s -= 0.5;
    }
    // Grow cells to fit annotations only while the grid stays a sensible size; past that the
    // annotations are left out (with a warning) rather than the figure made enormous.
    const fits = C * needW(s) <= G.maxGridForAnnot && rowsTotal * needH(s) <= 2 * G.maxGridForAnnot;
    if (fits && fig.size.cellWidth === null) cw = Math.max(cw, needW(s));
    if (fits && fig.size.cellHeight === null) ch = Math.max(ch, needH(s));
  }
  if (fig.xrotation === 'auto' && fig.xticks.mode !== 'none' && fig.size.cellWidth === null) {
    const labelW = maxWidth(m, fig.xticks.labels, sizes.tick) + 2 * G.labelGap;
    if (labelW > cw && labelW <= 3 * cw && C * labelW <= G.maxGridForLabels) cw = labelW;
  }
  if (fig.size.square) cw = ch = Math.max(cw, ch);
  const round = (v: number) => (v >= 4 ? Math.ceil(v) : v >= 1 ? Math.round(v) : v);
  return { cw: round(cw), ch: round(ch) };
}

/** The widest of some labels at a font size. */
export function maxWidth(m: TextMeasurer, labels: readonly string[], size: number): number {
  let w = 0;
  for (const l of labels) w = Math.max(w, m.width(l, size));
  return w;
}
