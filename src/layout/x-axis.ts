/** The column axis: tick marks, labels (level or turned, all or thinned) and its title, above or below the stack. */
import type { Warnings } from '../errors.ts';
import { GEOMETRY as G } from '../figure/geometry.ts';
import type { Figure } from '../figure/types.ts';
import * as msg from '../messages.ts';
import type { TextMeasurer } from '../text/measure.ts';
import { maxOf, minOf } from '../util/extent.ts';
import { allLabels, isPositions, positionTicks } from './axis-ticks.ts';
import { maxWidth } from './cell-size.ts';
import { lineHeight, placeText, shiftText } from './text.ts';
import { chooseTicks } from './ticks.ts';
import type { LayoutText, Parts, Segment, Sizes } from './types.ts';

/** Cells of a few pixels get labels on round positions at least this far apart. */
export const denseSpacing = (size: number, far: number) => (size < G.rasterCellSize ? far : 0);

export function xAxis(
  fig: Figure,
  m: TextMeasurer,
  sizes: Sizes,
  cw: number,
  stackH: number,
  warnings: Warnings,
): Parts {
  const C = fig.grid.cols;
  const gridW = C * cw;
  const texts: LayoutText[] = [];
  const tickMarks: Segment[] = [];
  const xl = fig.xticks;
  const xWidths = xl.labels.map((l) => m.width(l, sizes.tick));
  const red = fig.grid.reduced;
  // A reduced axis whose labels are positions gets ticks at round positions of the original
  // grid; an axis kept whole (a tall array's columns) keeps its own labels.
  const xTicks: { center: number; label: string }[] =
    red && red.cols !== C && xl.mode !== 'none' && isPositions(xl.labels)
      ? positionTicks(red.cols, gridW, (w) => m.width(w, sizes.tick) + 2 * G.labelGap, 60)
      : [];
  // Every label asked for (xticklabels true, as in seaborn): the font shrinks to the smallest
  // readable size before the labels turn, and only then are they thinned, with a warning.
  const xChoose = (size: number, level: boolean) =>
    chooseTicks(
      C,
      xl.mode,
      level && fig.xrotation === 'auto' ? 0 : fig.xrotation,
      cw,
      size === sizes.tick ? maxOf(xWidths, 0) : maxWidth(m, xl.labels, size),
      lineHeight(m, size),
      G.labelGap,
      denseSpacing(cw, 60),
    );
  const xFit = xTicks.length ? null : allLabels(xl.mode, sizes.tick, xChoose);
  const xSize = xFit?.size ?? sizes.tick;
  const xc = xTicks.length ? { indices: [], rotate: 0, every: 1, thinned: false } : xFit!.choice;
  if (!xTicks.length)
    for (const i of xc.indices) xTicks.push({ center: (i + 0.5) * cw, label: xl.labels[i]! });
  if (xc.thinned && xl.mode !== 'auto')
    warnings.add(msg.ticksThinned('x', xc.every, 'a larger width or cellWidth'));
  const top = fig.xaxis === 'top';
  const edge = top ? 0 : stackH;
  const dir = top ? -1 : 1;
  const anchor = xc.rotate === 0 ? 'middle' : xc.rotate < 0 !== top ? 'end' : 'start';
  let xs: LayoutText[] = [];
  for (const { center: cx, label } of xTicks) {
    tickMarks.push({ x1: cx, y1: edge, x2: cx, y2: edge + dir * G.tickLength });
    if (label === '') continue;
    xs.push({ ...placeText(m, label, xSize, cx, 0, anchor, xc.rotate), role: 'xtick' });
  }
  if (xs.length) {
    const ref = edge + dir * (G.tickLength + G.tickPad);
    const dy = top
      ? ref - maxOf(xs.map((t) => t.box.y + t.box.h))
      : ref - minOf(xs.map((t) => t.box.y));
    xs = xs.map((t) => shiftText(t, 0, dy));
  }
  texts.push(...xs);
  let xOuter = xs.length
    ? top
      ? minOf(xs.map((t) => t.box.y))
      : maxOf(xs.map((t) => t.box.y + t.box.h))
    : edge + dir * (xc.indices.length ? G.tickLength : 0);
  if (fig.xlabel) {
    const t = placeText(m, fig.xlabel, sizes.label, gridW / 2, 0, 'middle');
    const dy = top
      ? xOuter - G.axisTitleGap - (t.box.y + t.box.h)
      : xOuter + G.axisTitleGap - t.box.y;
    const s = shiftText(t, 0, dy);
    texts.push({ ...s, role: 'xlabel' });
    xOuter = top ? s.box.y : s.box.y + s.box.h;
  }
  return { texts, tickMarks };
}
