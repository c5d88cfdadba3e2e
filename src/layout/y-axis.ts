/** The row axis of each panel: tick marks, labels and the panel's title at its left, and the axis title. */
import type { Warnings } from '../errors.ts';
import { GEOMETRY as G } from '../figure/geometry.ts';
import type { Figure } from '../figure/types.ts';
import * as msg from '../messages.ts';
import type { TextMeasurer } from '../text/measure.ts';
import { allLabels, isPositions, positionTicks } from './axis-ticks.ts';
import { lineHeight, placeText, shiftText } from './text.ts';
import { chooseTicks } from './ticks.ts';
import type { LayoutText, PanelBox, Parts, Segment, Sizes } from './types.ts';
import { denseSpacing } from './x-axis.ts';

export function yAxis(
  fig: Figure,
  m: TextMeasurer,
  sizes: Sizes,
  panels: readonly PanelBox[],
  ch: number,
  stackH: number,
  warnings: Warnings,
  side: 'left' | 'right' = 'left',
): Parts {
  // The labels at the right (a clustered figure's, as seaborn's clustermap puts them, its
  // dendrogram at the left): everything mirrored about the grid's right edge.
  const s = side === 'right' ? 1 : -1;
  const anchor = side === 'right' ? 'start' : 'end';
  const outer = (a: number, b: number) => (side === 'right' ? Math.max(a, b) : Math.min(a, b));
  const texts: LayoutText[] = [];
  const tickMarks: Segment[] = [];
  const red = fig.grid.reduced;
  const lhTick = lineHeight(m, sizes.tick);
  let leftmost = 0;
  fig.grid.panels.forEach((p, pi) => {
    const pb = panels[pi]!;
    const yt = fig.yticks[pi]!;
    const yTicks: { center: number; label: string }[] =
      red && red.rows !== p.rows && yt.mode !== 'none' && isPositions(yt.labels)
        ? positionTicks(red.rows, p.rows * ch, () => lhTick + G.labelGap, 40)
        : [];
    const yFit = yTicks.length
      ? null
      : allLabels(yt.mode, sizes.tick, (size) => {
          const lh = lineHeight(m, size);
          return chooseTicks(p.rows, yt.mode, 0, ch, lh, lh, G.labelGap, denseSpacing(ch, 40));
        });
    const ySize = yFit?.size ?? sizes.tick;
    const yc = yTicks.length ? { indices: [], every: 1, thinned: false } : yFit!.choice;
    if (!yTicks.length)
      for (const r of yc.indices) yTicks.push({ center: (r + 0.5) * ch, label: yt.labels[r]! });
    if (yc.thinned && yt.mode !== 'auto')
      warnings.add(msg.ticksThinned('y', yc.every, 'a larger height or cellHeight'));
    const x0 = side === 'right' ? pb.x + pb.cols * pb.cw : 0;
    let left = x0;
    const far = (t: { readonly box: { readonly x: number; readonly w: number } }) =>
      side === 'right' ? t.box.x + t.box.w : t.box.x;
    for (const { center, label } of yTicks) {
      const cy = pb.y + center;
      tickMarks.push({ x1: x0, y1: cy, x2: x0 + s * G.tickLength, y2: cy });
      left = outer(left, x0 + s * G.tickLength);
      if (label === '') continue;
      const t = placeText(m, label, ySize, x0 + s * (G.tickLength + G.tickPad), cy, anchor);
      texts.push({ ...t, role: 'ytick', panel: pi });
      left = outer(left, far(t));
    }
    if (p.title) {
      const t = placeText(
        m,
        p.title,
        sizes.label,
        left + s * G.axisTitleGap,
        pb.y + (p.rows * ch) / 2,
        anchor,
      );
      texts.push({ ...t, role: 'panel-title', panel: pi });
      left = far(t);
    }
    leftmost = pi === 0 ? left : outer(leftmost, left);
  });
  if (fig.ylabel) {
    const t = placeText(m, fig.ylabel, sizes.label, 0, stackH / 2, 'middle', -90);
    const dx =
      side === 'right'
        ? leftmost + G.axisTitleGap - t.box.x
        : leftmost - G.axisTitleGap - (t.box.x + t.box.w);
    texts.push({ ...shiftText(t, dx, 0), role: 'ylabel' });
  }
  return { texts, tickMarks };
}
