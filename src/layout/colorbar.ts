/** The colorbar: its gradient box, extend triangles and outline, ticks (thinned when crowded) and title. */
import { colorbarPosition } from '../color/norm.ts';
import { colorbarTicks } from '../color/ticks.ts';
import type { Warnings } from '../errors.ts';
import { GEOMETRY as G } from '../figure/geometry.ts';
import type { Figure } from '../figure/types.ts';
import { makeFormatter, tickFormat } from '../format/number.ts';
import * as msg from '../messages.ts';
import type { TextMeasurer } from '../text/measure.ts';
import { lineHeight, placeText, shiftText } from './text.ts';
import type { ColorbarLayout, LayoutText, Parts, Segment, Sizes } from './types.ts';

/**
 * The colorbar at the right of a grid `gridW` px wide, as long as the stack; beside a short
 * stack (a 1×N grid), long enough for two ticks and centred on it.
 */
export function colorbarPart(
  fig: Figure,
  m: TextMeasurer,
  sizes: Sizes,
  gridW: number,
  stackH: number,
  warnings: Warnings,
): Parts & { colorbar: ColorbarLayout | null } {
  const texts: LayoutText[] = [];
  const tickMarks: Segment[] = [];
  if (!fig.colorbar) return { texts, tickMarks, colorbar: null };
  if (fig.categories) return legendPart(fig, fig.categories, m, sizes, gridW);
  const lhTick = lineHeight(m, sizes.tick);
  const cb = fig.colorbar;
  const x0 = gridW + G.colorbarGap;
  const w = G.colorbarWidth;
  const len = Math.max(stackH, 3 * lhTick + 2 * G.colorbarWidth);
  const y0 = (stackH - len) / 2; // 0, or above the top of a short stack
  const tri = w;
  const lo = cb.extend === 'min' || cb.extend === 'both';
  const hi = cb.extend === 'max' || cb.extend === 'both';
  const barTop = y0 + (hi ? tri : 0);
  const barBottom = y0 + len - (lo ? tri : 0);
  const barLen = barBottom - barTop;
  const norm = colorbarPosition(fig.norm);
  const posOf = (v: number) => barBottom - Math.min(1, Math.max(0, norm(v))) * barLen;
  const values = tickValues(fig, barLen, posOf, lhTick + 1, warnings);
  const fmt = makeFormatter(
    cb.format ??
      (fig.norm.kind === 'log' || fig.norm.kind === 'symlog' || fig.norm.kind === 'asinh'
        ? 'g'
        : tickFormat(values, cb.percent, fig.annot?.fmt ?? fig.fmt)),
  );
  const ticks = values.map((value) => ({ value, y: posOf(value) }));
  let right = x0 + w;
  for (const t of ticks) {
    tickMarks.push({ x1: x0 + w, y1: t.y, x2: x0 + w + G.tickLength, y2: t.y });
    const p = placeText(
      m,
      fmt(t.value),
      sizes.tick,
      x0 + w + G.tickLength + G.tickPad,
      t.y,
      'start',
    );
    texts.push({ ...p, role: 'cbar-tick' });
    right = Math.max(right, p.box.x + p.box.w);
  }
  if (cb.label) {
    const t = placeText(m, cb.label, sizes.label, 0, y0 + len / 2, 'middle', -90);
    texts.push({ ...shiftText(t, right + G.axisTitleGap - t.box.x, 0), role: 'cbar-label' });
  }
  const shape = barShape(x0, y0, w, len, barTop, barBottom, lo, hi);
  return {
    texts,
    tickMarks,
    colorbar: {
      bar: { x: x0, y: barTop, w, h: barLen },
      ...shape,
      ticks,
    },
  };
}

/**
 * Categorical data's legend in the colorbar's place: its title (colorbar.label) over a column
 * of swatches, one per category, each with its name at its right, from the grid's top down
 * (matplotlib's legend outside the axes, upper left). A long list runs below the grid.
 */
function legendPart(
  fig: Figure,
  names: readonly string[],
  m: TextMeasurer,
  sizes: Sizes,
  gridW: number,
): Parts & { colorbar: ColorbarLayout } {
  const texts: LayoutText[] = [];
  const x0 = gridW + G.colorbarGap;
  const lh = lineHeight(m, sizes.tick);
  const side = Math.round(lh * 0.8);
  const rowH = Math.round(lh * 1.3);
  let y = 0;
  const label = fig.colorbar!.label;
  if (label) {
    const t = placeText(m, label, sizes.label, x0, 0, 'start');
    texts.push({ ...shiftText(t, 0, -t.box.y), role: 'cbar-label' });
    y = t.box.h + G.tickPad * 2;
  }
  const swatches = names.map((name, value) => {
    const top = y + value * rowH;
    const t = placeText(m, name, sizes.tick, x0 + side + G.tickPad * 2, top + side / 2, 'start');
    texts.push({ ...t, role: 'cbar-tick' });
    return { x: x0, y: top, w: side, h: side, value };
  });
  const right = Math.max(x0 + side, ...texts.map((t) => t.box.x + t.box.w));
  const bottom = y + (names.length - 1) * rowH + side;
  const outline: [number, number][] = [
    [x0, 0],
    [right, 0],
    [right, bottom],
    [x0, bottom],
  ];
  return {
    texts,
    tickMarks: [],
    colorbar: {
      bar: { x: x0, y: 0, w: right - x0, h: bottom },
      extendMin: null,
      extendMax: null,
      outline,
      ticks: [],
      swatches,
    },
  };
}

/**
 * The colorbar's tick values: given, every `step`, or round numbers for its length; halved
 * while any two are closer than `gap` px (with a warning when the user chose them).
 */
function tickValues(
  fig: Figure,
  barLen: number,
  posOf: (v: number) => number,
  gap: number,
  warnings: Warnings,
): number[] {
  const cb = fig.colorbar!;
  let values = colorbarTicks(fig.norm, cb.ticks, barLen, G.colorbarTickSpacing);
  let step = 1;
  const tooDense = (vs: number[]) =>
    vs.some((v, i) => i > 0 && Math.abs(posOf(vs[i - 1]!) - posOf(v)) < gap);
  while (values.length > 2 && tooDense(values)) {
    values = values.filter((_, i) => i % 2 === 0);
    step *= 2;
  }
  if (step > 1 && cb.ticks !== null) warnings.add(msg.colorbarTicksThinned(step));
  return values;
}

/** The extend triangles beyond the bar's ends, and the outline around the bar and them. */
function barShape(
  x0: number,
  y0: number,
  w: number,
  len: number,
  barTop: number,
  barBottom: number,
  lo: boolean,
  hi: boolean,
): Pick<ColorbarLayout, 'extendMin' | 'extendMax' | 'outline'> {
  const mid = x0 + w / 2;
  const extendMin: [number, number][] | null = lo
    ? [
        [x0, barBottom],
        [x0 + w, barBottom],
        [mid, y0 + len],
      ]
    : null;
  const extendMax: [number, number][] | null = hi
    ? [
        [x0, barTop],
        [mid, y0],
        [x0 + w, barTop],
      ]
    : null;
  const outline: [number, number][] = [
    [x0, barTop],
    ...(hi
      ? ([[mid, y0]] as [number, number][])
      : [[x0, y0] as [number, number], [x0 + w, y0] as [number, number]]),
    [x0 + w, barTop],
    [x0 + w, barBottom],
    ...(lo
      ? ([[mid, y0 + len]] as [number, number][])
      : [[x0 + w, y0 + len] as [number, number], [x0, y0 + len] as [number, number]]),
    [x0, barBottom],
  ];
  return { extendMin, extendMax, outline: dedupe(outline) };
}

/** The outline's points without repeats (a corner where a triangle starts). */
function dedupe(points: [number, number][]): [number, number][] {
  return points.filter((p, i) => {
    const q = points[(i + points.length - 1) % points.length]!;
    return p[0] !== q[0] || p[1] !== q[1];
  });
}
