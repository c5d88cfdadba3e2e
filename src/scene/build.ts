import { colormapStrip, makeColorizer, paintRgba } from '../color/colorize.ts';
import { textColorOn } from '../color/contrast.ts';
import { annotationTexts, type Layout } from '../layout/layout.ts';
import { unrotatedBox } from '../layout/text.ts';
import type { Figure } from '../spec/figure.ts';
import type { TextMeasurer } from '../text/measure.ts';
import type { LinePrimitive, Primitive, Scene, TextPrimitive } from './types.ts';

const INK = '#000000';

/**
 * Builds the scene from a resolved figure and its layout: one rect per drawn cell (missing
 * and masked cells get none), annotations in black or white by contrast, separators, tick
 * marks and labels, and the colorbar as an image with its outline and extend triangles.
 */
export function buildScene(fig: Figure, layout: Layout, m: TextMeasurer, description = ''): Scene {
  const out: Primitive[] = [];
  out.push({
    type: 'rect',
    role: 'background',
    x: 0,
    y: 0,
    w: layout.width,
    h: layout.height,
    fill: fig.background,
  });

  const color = makeColorizer(fig.cmap, fig.norm);
  const texts = fig.annot && layout.annotSize !== null ? annotationTexts(fig) : null;
  // 256 colours at most: the text colour on each is worked out once.
  const inkOn = new Map<string, '#000000' | '#ffffff'>();
  const ink = (fill: string) => {
    const known = inkOn.get(fill);
    if (known) return known;
    const c = textColorOn(fill);
    inkOn.set(fill, c);
    return c;
  };
  const annots: TextPrimitive[] = [];
  const size = layout.annotSize;
  const half = size === null ? 0 : (m.capHeight * size) / 2;
  const ascent = size === null ? 0 : m.ascent * size;
  const descent = size === null ? 0 : m.descent * size;
  fig.grid.panels.forEach((p, pi) => {
    const b = layout.panels[pi]!;
    const mask = fig.mask[pi];
    if (layout.raster) {
      out.push({
        type: 'image',
        role: 'cells',
        x: b.x,
        y: b.y,
        w: b.cols * b.cw,
        h: b.rows * b.ch,
        pixelWidth: b.cols,
        pixelHeight: b.rows,
        rgba: paintRgba(fig.cmap, fig.norm, p.values, mask ?? null),
        smoothing: 'nearest',
      });
      return;
    }
    for (let r = 0; r < p.rows; r++) {
      for (let c = 0; c < b.cols; c++) {
        const k = r * b.cols + c;
        const value = p.values[k]!;
        if (mask?.[k]) continue;
        const fill = color(value);
        if (fill === null) continue;
        const cell = { panel: pi, row: r, col: c, value };
        const x = b.x + c * b.cw;
        const y = b.y + r * b.ch;
        out.push({ type: 'rect', role: 'cell', x, y, w: b.cw, h: b.ch, fill, cell });
        const text = texts?.[pi]?.[k];
        if (text != null && size !== null) {
          // As placeText puts unrotated text centred on the cell (its baseline half the cap
          // height below the centre), built in one object: 2,500 annotations are a hot loop.
          const tx = x + b.cw / 2;
          const ty = y + b.ch / 2 + half;
          const width = m.width(text, size);
          annots.push({
            type: 'text',
            role: 'annot',
            text,
            x: tx,
            y: ty,
            size,
            anchor: 'middle',
            rotate: 0,
            width,
            ascent,
            descent,
            box: unrotatedBox(tx, ty, width, ascent, descent, 'middle'),
            fill: ink(fill),
            cell,
          });
        }
      }
    }
  });

  const lines: LinePrimitive[] = [];
  layout.panels.forEach((b) => {
    const x1 = b.x + b.cols * b.cw;
    const y1 = b.y + b.rows * b.ch;
    if (fig.cellLines) {
      const { width, color: stroke } = fig.cellLines;
      for (let c = 1; c < b.cols; c++)
        lines.push(vline(b.x + c * b.cw, b.y, y1, stroke, width, 'cell-line'));
      for (let r = 1; r < b.rows; r++)
        lines.push(hline(b.y + r * b.ch, b.x, x1, stroke, width, 'cell-line'));
    }
    if (fig.separators) {
      const { width, color: stroke } = fig.separators;
      for (const c of fig.separators.cols)
        lines.push(vline(b.x + c * b.cw, b.y, y1, stroke, width, 'separator'));
      for (const r of fig.separators.rows)
        if (r < b.rows) lines.push(hline(b.y + r * b.ch, b.x, x1, stroke, width, 'separator'));
    }
  });
  out.push(...lines, ...annots);

  for (const s of layout.tickMarks)
    out.push({ type: 'line', role: 'tick', ...s, stroke: INK, width: 1 });
  for (const t of layout.texts) {
    const { panel: _p, ...rest } = t;
    out.push({ type: 'text', ...rest, fill: INK });
  }

  const cb = layout.colorbar;
  if (cb) {
    out.push({
      type: 'image',
      role: 'colorbar',
      ...cb.bar,
      pixelWidth: 1,
      pixelHeight: fig.cmap.n,
      rgba: colormapStrip(fig.cmap),
      smoothing: 'nearest',
    });
    const { lut, n } = fig.cmap;
    const end = (i: number) =>
      `#${[0, 1, 2].map((j) => lut[i * 3 + j]!.toString(16).padStart(2, '0')).join('')}`;
    if (cb.extendMin)
      out.push({
        type: 'polygon',
        role: 'cbar-extend',
        points: cb.extendMin,
        fill: end(0),
        stroke: null,
        width: 0,
      });
    if (cb.extendMax)
      out.push({
        type: 'polygon',
        role: 'cbar-extend',
        points: cb.extendMax,
        fill: end(n - 1),
        stroke: null,
        width: 0,
      });
    out.push({
      type: 'polygon',
      role: 'cbar-outline',
      points: cb.outline,
      fill: null,
      stroke: INK,
      width: 0.8,
    });
  }

  return {
    width: layout.width,
    height: layout.height,
    fontFamily: m.family,
    title: fig.title ?? 'Heatmap',
    description,
    primitives: out,
  };
}

function vline(
  x: number,
  y0: number,
  y1: number,
  stroke: string,
  width: number,
  role: LinePrimitive['role'],
): LinePrimitive {
  return { type: 'line', role, x1: x, y1: y0, x2: x, y2: y1, stroke, width };
}

function hline(
  y: number,
  x0: number,
  x1: number,
  stroke: string,
  width: number,
  role: LinePrimitive['role'],
): LinePrimitive {
  return { type: 'line', role, x1: x0, y1: y, x2: x1, y2: y, stroke, width };
}
