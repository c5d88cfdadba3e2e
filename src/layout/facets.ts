/**
 * The facets of a figure placed as a grid (seaborn's FacetGrid with sharex and sharey): each
 * facet's title centred above it, the column labels under the last facet of each column (over
 * the first with the x axis on top), the row labels at the left of each row's first facet, and
 * the axis titles once, centred on the whole grid.
 */
import type { Warnings } from '../errors.ts';
import { GEOMETRY as G } from '../figure/geometry.ts';
import type { Figure } from '../figure/types.ts';
import type { TextMeasurer } from '../text/measure.ts';
import { lineHeight, placeText, shiftText } from './text.ts';
import { colorbarPart } from './colorbar.ts';
import { shiftColorbar, shiftSegment } from './place.ts';
import type { AxesParts, LayoutText, PanelBox, Segment, Sizes } from './types.ts';
import { xAxis } from './x-axis.ts';
import { yAxis } from './y-axis.ts';

/** Space between facets, beside the facet titles above each one, in px at font size 12. */
const FACET_GAP = 12;

/**
 * A facet title that fits `width`: at its size, else smaller (down to three quarters), else
 * cut short with an ellipsis (the description and the view's hover keep it whole).
 */
function fitted(
  m: TextMeasurer,
  text: string,
  size: number,
  width: number,
): { text: string; size: number } {
  if (m.width(text, size) <= width) return { text, size };
  const small = Math.max(1, Math.round(size * 0.75 * 2) / 2);
  for (let s = size - 0.5; s >= small; s -= 0.5)
    if (m.width(text, s) <= width) return { text, size: s };
  const chars = [...text];
  let n = chars.length;
  while (n > 0 && m.width(`${chars.slice(0, n).join('')}…`, small) > width) n--;
  return { text: n > 0 ? `${chars.slice(0, n).join('')}…` : '', size: small };
}

/** The facets' boxes, texts and tick marks in grid coordinates, and the size of their grid. */
export function facetParts(
  fig: Figure,
  m: TextMeasurer,
  sizes: Sizes,
  cw: number,
  ch: number,
  warnings: Warnings,
): AxesParts {
  const { rows: FR, cols: FC, margins } = fig.facets!;
  const C = fig.grid.cols;
  const R = fig.grid.panels[0]!.rows;
  const titleH = lineHeight(m, sizes.label);
  const panelW = C * cw;
  const panelH = R * ch;
  // Facets with scales of their own: a colorbar right of each facet, as wide as the widest.
  const own = fig.panelScales;
  const colorbarOf = (i: number, right: number) =>
    colorbarPart(
      {
        ...fig,
        ...own![i]!,
        // Each facet's own colorbar stands at its right, its full height.
        colorbar: own![i]!.colorbar && { ...own![i]!.colorbar!, location: 'right', shrink: 1 },
      },
      m,
      sizes,
      right,
      panelH,
      warnings,
    );
  let barsW = 0;
  // How far a colorbar reaches above or below a short facet (a bar has a least length).
  let overhang = 0;
  if (own)
    for (let i = 0; i < own.length; i++) {
      const c = colorbarOf(i, 0);
      barsW = Math.max(
        barsW,
        ...c.texts.map((t) => t.box.x + t.box.w),
        ...(c.colorbar?.outline.map(([x]) => x) ?? [0]),
      );
      const ys = [
        ...c.texts.flatMap((t) => [t.box.y, t.box.y + t.box.h]),
        ...(c.colorbar?.outline.map(([, y]) => y) ?? []),
      ];
      overhang = Math.max(overhang, -Math.min(0, ...ys), Math.max(panelH, ...ys) - panelH);
    }
  // One facet's column axis (at the origin), copied where labels go; with sharex false under
  // (or over) every facet, with sharey false the row labels left of every facet: the gaps
  // between facets make room for them.
  const top = fig.xaxis === 'top';
  const sharex = fig.facets!.sharex;
  const sharey = fig.facets!.sharey;
  const x = xAxis({ ...fig, xlabel: null }, m, sizes, cw, panelH, warnings);
  const xH = top
    ? -Math.min(0, ...x.texts.map((t) => t.box.y), ...x.tickMarks.map((t) => t.y2))
    : Math.max(panelH, ...x.texts.map((t) => t.box.y + t.box.h), ...x.tickMarks.map((t) => t.y2)) -
      panelH;
  const yOne = yAxis(
    {
      ...fig,
      ylabel: null,
      grid: { ...fig.grid, panels: [{ ...fig.grid.panels[0]!, title: null }] },
    },
    m,
    sizes,
    [{ x: 0, y: 0, cw, ch, rows: R, cols: C }],
    ch,
    panelH,
    warnings,
  );
  const yW = -Math.min(0, ...yOne.texts.map((t) => t.box.x), ...yOne.tickMarks.map((t) => t.x2));
  const baseGap = (FACET_GAP * fig.fontSize) / 12;
  const gap = baseGap + barsW + (sharey ? 0 : yW);
  const gapY = baseGap + (sharex ? 0 : xH) + 2 * overhang;
  // Over a facet: its labels (a top axis not shared), then its title; margin titles leave
  // only the top row a line for titles.
  const lift = top && !sharex ? xH : 0;
  const head = titleH + baseGap / 2 + lift + overhang;
  const rowStep = (margins ? lift : head) + panelH + gapY;
  const panels: PanelBox[] = fig.grid.panels.map((_, i) => ({
    x: (i % FC) * (panelW + gap),
    y: Math.floor(i / FC) * rowStep + head,
    cw,
    ch,
    rows: R,
    cols: C,
  }));
  const width = FC * panelW + (FC - 1) * gap;
  const height = (FR - 1) * rowStep + head + panelH;
  const texts: LayoutText[] = [];
  const tickMarks: Segment[] = [];

  // Facet titles: centred above each facet; or, for facets crossing two variables, each
  // column's above the top row and each row's at the right of the last column, turned.
  const above = (title: string, i: number) => {
    const b = panels[i]!;
    const fit = fitted(m, title, sizes.label, panelW + gap / 2);
    if (!fit.text) return;
    const t = placeText(m, fit.text, fit.size, b.x + panelW / 2, 0, 'middle');
    const s = shiftText(t, 0, b.y - lift - baseGap / 4 - (t.box.y + t.box.h));
    texts.push({ ...s, role: 'panel-title', panel: i });
  };
  let right = width;
  if (margins) {
    margins.cols.forEach((title, j) => {
      above(title, j);
    });
    margins.rows.forEach((title, r) => {
      const b = panels[r * FC + FC - 1]!;
      const fit = fitted(m, title, sizes.label, panelH + gapY / 2);
      if (!fit.text) return;
      const t = placeText(m, fit.text, fit.size, 0, b.y + panelH / 2, 'middle', 90);
      // Right of the last column (and of its colorbars, when each facet has one).
      const s = shiftText(t, width + (own ? barsW : 0) + baseGap / 2 - t.box.x, 0);
      texts.push({ ...s, role: 'panel-title', panel: r * FC });
      right = Math.max(right, s.box.x + s.box.w);
    });
  } else
    fig.grid.panels.forEach((p, i) => {
      if (p.title) above(p.title, i);
    });

  // Column labels: under the last facet of each column (or over the first, with the axis on
  // top), or under (over) every facet when not shared.
  for (let j = 0; j < FC; j++) {
    const inColumn = panels.filter((_, i) => i % FC === j);
    if (!inColumn.length) continue;
    const labelled = !sharex ? inColumn : [top ? inColumn[0]! : inColumn[inColumn.length - 1]!];
    for (const b of labelled) {
      // A shared top axis goes above the top row's titles.
      const dy = top && sharex && (!margins || b === panels[j]) ? b.y - titleH - baseGap / 2 : b.y;
      for (const t of x.texts) texts.push(shiftText(t, b.x, dy));
      for (const s of x.tickMarks) tickMarks.push(shiftSegment(s, b.x, dy));
    }
  }
  // Row labels at the left of each facet row, or of every facet when not shared.
  for (let j = 0; j < (sharey ? 1 : FC); j++) {
    const those = panels.flatMap((_, i) => (i % FC === j ? [i] : []));
    const y = yAxis(
      {
        ...fig,
        ylabel: null,
        grid: {
          ...fig.grid,
          panels: those.map((i) => ({ ...fig.grid.panels[i]!, title: null })),
        },
        yticks: those.map((i) => fig.yticks[i]!),
      },
      m,
      sizes,
      those.map((i) => ({ ...panels[i]!, x: 0 })),
      ch,
      height,
      warnings,
    );
    const dx = panels[j]!.x;
    for (const t of y.texts)
      texts.push(shiftText(t.panel !== undefined ? { ...t, panel: those[t.panel]! } : t, dx, 0));
    tickMarks.push(...y.tickMarks.map((s) => shiftSegment(s, dx, 0)));
  }

  // The axis titles, once: centred under (or over) all the facets, and left of them all.
  if (fig.xlabel) {
    const edge = top
      ? Math.min(0, ...texts.map((t) => t.box.y))
      : Math.max(height, ...texts.map((t) => t.box.y + t.box.h));
    const t = placeText(m, fig.xlabel, sizes.label, width / 2, 0, 'middle');
    const dy = top ? edge - G.axisTitleGap - (t.box.y + t.box.h) : edge + G.axisTitleGap - t.box.y;
    texts.push({ ...shiftText(t, 0, dy), role: 'xlabel' });
  }
  if (fig.ylabel) {
    const left = Math.min(0, ...texts.filter((t) => t.role === 'ytick').map((t) => t.box.x));
    const t = placeText(m, fig.ylabel, sizes.label, 0, height / 2, 'middle', -90);
    texts.push({
      ...shiftText(t, left - G.tickLength - G.axisTitleGap - (t.box.x + t.box.w), 0),
      role: 'ylabel',
    });
  }
  // Each facet's own colorbar, right of it.
  const colorbars = own
    ? panels.map((b, i) => {
        const c = colorbarOf(i, b.x + panelW);
        for (const t of c.texts) texts.push({ ...shiftText(t, 0, b.y), panel: i });
        for (const s of c.tickMarks) tickMarks.push(shiftSegment(s, 0, b.y));
        return c.colorbar ? shiftColorbar(c.colorbar, 0, b.y) : null;
      })
    : null;
  // The margin titles at the right widen what the colorbar goes beside.
  return { panels, texts, tickMarks, width: right, height, colorbars, marginals: null };
}
