/** What a scene draws over and beside the cells: highlight outlines and marginals. */
import { textColorOn } from '../color/contrast.ts';
import type { Figure } from '../figure/types.ts';
import type { Layout, PanelBox } from '../layout/layout.ts';
import type { Marginals } from '../layout/types.ts';
import type { TextMeasurer } from '../text/measure.ts';
import type { PolygonPrimitive, Primitive } from './types.ts';

/**
 * The outline of each highlighted cell (spec highlight), inside its edges so that neighbours
 * do not share it: in the text colour of the figure, 2 px (at least, a quarter of the cell).
 */
export function highlights(fig: Figure, layout: Layout, ink: string): PolygonPrimitive[] {
  const out: PolygonPrimitive[] = [];
  fig.highlight?.forEach((marks, pi) => {
    const b = layout.panels[pi]!;
    const width = Math.max(0.5, Math.min(2, b.cw / 4, b.ch / 4));
    for (let k = 0; k < marks.length; k++) {
      if (!marks[k]) continue;
      const x0 = b.x + (k % b.cols) * b.cw + width / 2;
      const y0 = b.y + Math.floor(k / b.cols) * b.ch + width / 2;
      const x1 = x0 + b.cw - width;
      const y1 = y0 + b.ch - width;
      out.push({
        type: 'polygon',
        role: 'highlight',
        points: [
          [x0, y0],
          [x1, y0],
          [x1, y1],
          [x0, y1],
        ],
        fill: null,
        stroke: ink,
        width,
      });
    }
  });
  return out;
}

/**
 * The marginals: a pale cell per total, apart from the grid and outside the colour scale, its
 * text centred in the figure's ink (the corner holds the grand one).
 */
export function marginals(mg: Marginals, b: PanelBox, m: TextMeasurer): Primitive[] {
  const fill = MARGIN_FILL;
  const ink = textColorOn(fill);
  const out: Primitive[] = [];
  const size = mg.size;
  const put = (x: number, y: number, w: number, h: number, text: string) => {
    out.push({ type: 'rect', role: 'marginal', x, y, w, h, fill });
    if (!text) return;
    out.push({
      type: 'text',
      role: 'marginal',
      text,
      x: x + w / 2,
      y: y + h / 2 + (m.capHeight * size) / 2,
      size,
      anchor: 'middle',
      rotate: 0,
      width: m.width(text, size),
      ascent: m.ascent * size,
      descent: m.descent * size,
      fill: ink,
    });
  };
  mg.rows.forEach((t, r) => {
    put(mg.column.x, b.y + r * b.ch, mg.column.w, b.ch, t);
  });
  mg.cols.forEach((t, c) => {
    put(b.x + c * b.cw, mg.row.y, b.cw, mg.row.h, t);
  });
  put(mg.corner.x, mg.corner.y, mg.corner.w, mg.corner.h, mg.total);
  return out;
}

/** The marginals' cells: a light grey, apart from every colormap's colours by its place. */
const MARGIN_FILL = '#eeeeee';
