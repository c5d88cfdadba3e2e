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
import type { Box } from './text.ts';
import type { ColorbarLayout, LayoutText, Parts, Segment, Sizes } from './types.ts';

/**
 * The colorbar beside the grid: upright at its right (default) or left, as long as the
 * stack; or lying along the bottom or top, as long as the grid is wide; `shrink` of that
 * length, centred. A short side (a 1×N grid) still gets room for two ticks. `around` is the
 * box of the grid and its axes, which a colorbar at the left, top or bottom stays outside.
 */
export function colorbarPart(
  fig: Figure,
  m: TextMeasurer,
  sizes: Sizes,
  gridW: number,
  stackH: number,
  warnings: Warnings,
  around: Box = { x: 0, y: 0, w: gridW, h: stackH },
): Parts & { colorbar: ColorbarLayout | null } {
  const texts: LayoutText[] = [];
  const tickMarks: Segment[] = [];
  if (!fig.colorbar) return { texts, tickMarks, colorbar: null };
  if (fig.categories) return legendPart(fig, fig.categories, m, sizes, around.x + around.w);
  const cb = fig.colorbar;
  const location = cb.location ?? 'right';
  const upright = location === 'right' || location === 'left';
  const lhTick = lineHeight(m, sizes.tick);
  const w = G.colorbarWidth;
  const side = upright ? stackH : gridW;
  const len = Math.max(side * (cb.shrink ?? 1), 3 * lhTick + 2 * G.colorbarWidth);
  // Along the bar: `a0` its start (top, or left), `a0 + len` its end; across: `c0` to `c0 + w`.
  const a0 = (side - len) / 2;
  const c0 =
    location === 'right'
      ? around.x + around.w + G.colorbarGap
      : location === 'left'
        ? around.x - G.colorbarGap - w
        : location === 'bottom'
          ? around.y + around.h + G.colorbarGap
          : around.y - G.colorbarGap - w;
  const tri = w;
  const lo = cb.extend === 'min' || cb.extend === 'both';
  const hi = cb.extend === 'max' || cb.extend === 'both';
  // An upright bar runs from high (top) to low; a lying one from low (left) to high.
  const lowEnd = upright ? a0 + len - (lo ? tri : 0) : a0 + (lo ? tri : 0);
  const highEnd = upright ? a0 + (hi ? tri : 0) : a0 + len - (hi ? tri : 0);
  const barLen = Math.abs(highEnd - lowEnd);
  const norm = colorbarPosition(fig.norm);
  const dir = upright ? -1 : 1;
  const posOf = (v: number) => lowEnd + dir * Math.min(1, Math.max(0, norm(v))) * barLen;
  const fmtFor = (values: number[]) =>
    makeFormatter(
      cb.format ??
        (fig.norm.kind === 'log' || fig.norm.kind === 'symlog' || fig.norm.kind === 'asinh'
          ? 'g'
          : tickFormat(values, cb.percent, fig.annot?.fmt ?? fig.fmt)),
    );
  // Labels along an upright bar need a line each; along a lying one, their widths apart.
  const room = upright
    ? () => lhTick + 1
    : (vs: number[]) => {
        const f = fmtFor(vs);
        return Math.max(...vs.map((v) => m.width(f(v), sizes.tick))) + 2 * G.tickPad;
      };
  const values = tickValues(fig, barLen, posOf, room, warnings);
  const fmt = fmtFor(values);
  const ticks = values.map((value) => ({ value, y: posOf(value) }));
  // Outward from the bar: +1 for right and bottom, -1 for left and top.
  const out = location === 'right' || location === 'bottom' ? 1 : -1;
  const edge = out > 0 ? c0 + w : c0;
  const markEnd = edge + out * G.tickLength;
  const labelAt = markEnd + out * G.tickPad;
  let far = edge;
  for (const t of ticks) {
    if (upright) {
      tickMarks.push({ x1: edge, y1: t.y, x2: markEnd, y2: t.y });
      const p = placeText(m, fmt(t.value), sizes.tick, labelAt, t.y, out > 0 ? 'start' : 'end');
      texts.push({ ...p, role: 'cbar-tick' });
      far = out > 0 ? Math.max(far, p.box.x + p.box.w) : Math.min(far, p.box.x);
    } else {
      tickMarks.push({ x1: t.y, y1: edge, x2: t.y, y2: markEnd });
      const p = placeText(m, fmt(t.value), sizes.tick, t.y, 0, 'middle');
      const dy = out > 0 ? labelAt - p.box.y : labelAt - (p.box.y + p.box.h);
      const q = shiftText(p, 0, dy);
      texts.push({ ...q, role: 'cbar-tick' });
      far = out > 0 ? Math.max(far, q.box.y + q.box.h) : Math.min(far, q.box.y);
    }
  }
  if (cb.label) {
    if (upright) {
      const t = placeText(m, cb.label, sizes.label, 0, a0 + len / 2, 'middle', -90);
      const dx =
        out > 0 ? far + G.axisTitleGap - t.box.x : far - G.axisTitleGap - (t.box.x + t.box.w);
      texts.push({ ...shiftText(t, dx, 0), role: 'cbar-label' });
    } else {
      const t = placeText(m, cb.label, sizes.label, a0 + len / 2, 0, 'middle');
      const dy =
        out > 0 ? far + G.axisTitleGap - t.box.y : far - G.axisTitleGap - (t.box.y + t.box.h);
      texts.push({ ...shiftText(t, 0, dy), role: 'cbar-label' });
    }
  }
  // The shape as an upright bar at the right, turned for a lying one: (along, across) → (x, y).
  const shape = barShape(
    c0,
    a0,
    w,
    len,
    Math.min(lowEnd, highEnd),
    Math.max(lowEnd, highEnd),
    upright ? lo : hi,
    upright ? hi : lo,
  );
  const turn = (p: readonly [number, number]): [number, number] => [p[1], p[0]];
  const bar = upright ? { x: c0, y: highEnd, w, h: barLen } : { x: lowEnd, y: c0, w: barLen, h: w };
  return {
    texts,
    tickMarks,
    colorbar: upright
      ? { bar, ...shape, ticks }
      : {
          bar,
          // Upright, the low triangle is at the bottom (the far end); lying, at the left.
          extendMin: shape.extendMax?.map(turn) ?? null,
          extendMax: shape.extendMin?.map(turn) ?? null,
          outline: shape.outline.map(turn),
          ticks,
          horizontal: true,
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
  room: (values: number[]) => number,
  warnings: Warnings,
): number[] {
  const cb = fig.colorbar!;
  let values = colorbarTicks(fig.norm, cb.ticks, barLen, G.colorbarTickSpacing);
  let step = 1;
  const tooDense = (vs: number[]) => {
    const gap = room(vs);
    return vs.some((v, i) => i > 0 && Math.abs(posOf(vs[i - 1]!) - posOf(v)) < gap);
  };
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
