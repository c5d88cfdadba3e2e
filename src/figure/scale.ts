/**
 * The colour scale of a figure: the values it is chosen from (all of them, however the grid
 * is drawn), the norm and its range, the colormap, and where values run past the range.
 */
import type { ColorInput } from '../color/parse.ts';
import { quantileSorted } from 'd3-array';
import {
  type Colormap,
  colormapFromList,
  linspace,
  namedColormap,
  toggledReverse,
} from '../color/colormap.ts';
import type { NormSpec } from '../color/norm.ts';
import { type Grid, sortedFinite } from '../data/grid.ts';
import { summarize, type ValueSummary } from '../data/summary.ts';
import { HeatfigError } from '../errors.ts';
import * as msg from '../messages.ts';
import { DEFAULTS } from '../spec/defaults.ts';
import type { Spec } from '../spec/spec-type.ts';
import { categoricalScale } from './categories.ts';
import { resolveMask } from './mask.ts';
import type { Extend } from './types.ts';

/** All of the values the scale is chosen from, however the grid is drawn. */
export interface FullValues {
  readonly summary: ValueSummary;
  /** The robust range, when a streamed reduction computed it. */
  readonly robust: { readonly lo: number; readonly hi: number; readonly log: boolean } | null;
  /** The finite values, sorted (for robust percentiles), made on demand. */
  readonly sorted: (positiveOnly: boolean) => Float64Array;
}

export function fullValues(
  spec: Spec,
  grid: Grid,
  mask: readonly (Uint8Array | null)[],
  full: Grid | null,
): FullValues {
  if (full && full !== grid) {
    // A triangle mask applies to the whole grid as to the drawn one; a mask given cell by
    // cell is the drawn grid's, and leaves the whole grid's values all in.
    const fullMask = spec.mask === 'upper' || spec.mask === 'lower' ? resolveMask(spec, full) : [];
    // Reducing the grid summarised all of its values already; with no mask, that is this.
    const known = fullMask.length === 0 ? grid.reduced?.summary : undefined;
    return {
      summary: known ?? summarize(full, fullMask),
      robust: null,
      sorted: (pos) => sortedFinite(full, fullMask, pos),
    };
  }
  const red = grid.reduced;
  return {
    summary: red?.summary ?? summarize(grid, mask),
    robust: red?.robust ?? null,
    sorted: (pos) => sortedFinite(grid, mask, pos),
  };
}

/**
 * The data's range for the scale: seaborn's robust percentiles when asked for (from the
 * values, or as a streamed reduction found them), the positive extremes on a log scale, else
 * the extremes. NaN when there are no such values.
 */
function dataRange(spec: Spec, values: FullValues, log: boolean): [lo: number, hi: number] {
  const stats = values.summary;
  let lo: number;
  let hi: number;
  if (spec.robust && (spec.vmin === undefined || spec.vmax === undefined)) {
    if (values.robust && values.robust.log === log) ({ lo, hi } = values.robust);
    else {
      const s = values.sorted(log);
      const [p0, p1] = DEFAULTS.robustPercentiles;
      lo = s.length ? quantileSorted(s as unknown as number[], p0 / 100)! : Number.NaN;
      hi = s.length ? quantileSorted(s as unknown as number[], p1 / 100)! : Number.NaN;
    }
  } else if (log) {
    if (Number.isNaN(stats.posMin))
      throw new HeatfigError('bad-option', msg.streamedForLinear(), '$.norm');
    [lo, hi] =
      spec.vmin !== undefined && spec.vmax !== undefined
        ? [spec.vmin, spec.vmax]
        : [stats.posMin, stats.posMax];
  } else {
    lo = stats.min;
    hi = stats.max;
  }
  return [lo, hi];
}

/** The norm: its kind, range (the spec's, else the data's), and centre, checked as matplotlib checks them. */
export function resolveNorm(spec: Spec, values: FullValues): NormSpec {
  if (spec.categories) return categoricalScale(spec).norm;
  const kind = spec.norm ?? (spec.boundaries ? 'boundary' : DEFAULTS.norm);
  if (kind === 'boundary') return boundaryNorm(spec);
  const log = kind === 'log';
  const [lo, hi] = dataRange(spec, values, log);
  let vmin = spec.vmin ?? (Number.isFinite(lo) ? lo : log ? 1 : 0);
  let vmax = spec.vmax ?? (Number.isFinite(hi) ? hi : log ? 10 : 1);
  const center = spec.center;
  if (center !== undefined && kind !== 'linear' && kind !== 'twoslope')
    throw new HeatfigError('bad-spec', msg.centerNeedsLinear(kind), '$.center');
  if (kind === 'twoslope') {
    if (center === undefined)
      throw new HeatfigError('bad-spec', msg.twoslopeNeedsCenter(), '$.norm');
    // A data-derived range must hold the centre on both sides: TwoSlopeNorm needs
    // vmin < center < vmax.
    if (spec.vmin === undefined && vmin >= center) vmin = center - Math.max(vmax - center, 1e-12);
    if (spec.vmax === undefined && vmax <= center) vmax = center + Math.max(center - vmin, 1e-12);
    if (!(vmin < center && center < vmax))
      throw new HeatfigError('bad-spec', msg.centerOutside(center, vmin, vmax), '$.center');
    return { kind: 'center', vmin, vmax, center };
  }
  if (vmin === vmax && spec.vmin === undefined && spec.vmax === undefined) {
    // A constant grid: centre its value in the colormap rather than paint it the low end.
    if (log) {
      vmin /= 10;
      vmax *= 10;
    } else {
      vmin -= 0.5;
      vmax += 0.5;
    }
  }
  if (!(vmin < vmax)) {
    throw new HeatfigError(
      'bad-spec',
      msg.vminNotBelowVmax(vmin, vmax),
      spec.vmin !== undefined ? '$.vmin' : '$.vmax',
    );
  }
  if (log) {
    if (!(vmin > 0))
      throw new HeatfigError('bad-spec', msg.logNeedsPositive('vmin', vmin), '$.vmin');
    return { kind: 'log', vmin, vmax };
  }
  if (kind === 'power') return { kind: 'power', vmin, vmax, gamma: spec.gamma ?? 1 };
  if (kind === 'asinh')
    return { kind: 'asinh', vmin, vmax, linearWidth: spec.linearWidth ?? DEFAULTS.linearWidth };
  if (kind === 'symlog') {
    return {
      kind: 'symlog',
      vmin,
      vmax,
      linthresh: spec.linthresh ?? DEFAULTS.linthresh,
      linscale: spec.linscale ?? DEFAULTS.linscale,
      base: spec.base ?? DEFAULTS.symlogBase,
    };
  }
  // seaborn's center keeps the range and cuts the colormap (resolveCmap).
  return center !== undefined
    ? { kind: 'linear', vmin, vmax, center }
    : { kind: 'linear', vmin, vmax };
}

/**
 * matplotlib's BoundaryNorm over the spec's boundaries, with as many colours as the colormap
 * has, extended where the colorbar's extend is set (auto and neither: no extension bin).
 */
function boundaryNorm(spec: Spec): NormSpec {
  const b = spec.boundaries;
  if (!b) throw new HeatfigError('bad-spec', msg.boundaryNeedsBoundaries(), '$.norm');
  for (const key of ['vmin', 'vmax', 'center'] as const)
    if (spec[key] !== undefined)
      throw new HeatfigError('bad-spec', msg.boundaryRange(key), `$.${key}`);
  for (let i = 1; i < b.length; i++)
    if (!(b[i]! > b[i - 1]!))
      throw new HeatfigError(
        'bad-spec',
        msg.boundariesNotIncreasing(i, b[i - 1]!, b[i]!),
        `$.boundaries[${i}]`,
      );
  const cb = typeof spec.colorbar === 'object' ? spec.colorbar.extend : undefined;
  const extend = cb === undefined || cb === 'auto' ? 'neither' : cb;
  const ncolors = resolveCmap(spec).n;
  const bins = b.length - 1 + (extend === 'both' ? 2 : extend === 'neither' ? 0 : 1);
  if (bins > ncolors)
    throw new HeatfigError('bad-spec', msg.boundaryTooManyBins(bins, ncolors), '$.boundaries');
  return { kind: 'boundary', vmin: b[0]!, vmax: b[b.length - 1]!, boundaries: b, ncolors, extend };
}

/**
 * The colormap: a name (`_r` reverses it), a list spread evenly, or stops; `reverse` reverses
 * any of them as matplotlib's Colormap.reversed() does (a list's segments mirrored: the
 * colours in reverse at 1 − x).
 */
export function resolveCmap(spec: Spec): Colormap {
  if (spec.categories) return categoricalScale(spec).cmap;
  const c = spec.cmap ?? (spec.center !== undefined ? DEFAULTS.cmapCentered : DEFAULTS.cmap);
  if (typeof c === 'string') return namedColormap(spec.reverse ? toggledReverse(c) : c, '$.cmap');
  // [[position, colour], …]: stops at given positions (matplotlib's from_list with pairs).
  const stops = c.every(
    (x) =>
      Array.isArray(x) && x.length === 2 && typeof x[0] === 'number' && typeof x[1] !== 'number',
  );
  const colors = stops
    ? c.map((x) => (x as unknown as [number, ColorInput])[1])
    : (c as ColorInput[]);
  const positions = stops ? c.map((x) => (x as unknown as [number, ColorInput])[0]) : null;
  // Checked as given, so that an error names the entry the user wrote.
  const forward = colormapFromList(colors, 256, '$.cmap', positions);
  if (!spec.reverse) return forward;
  const xs = positions ?? linspace(0, 1, colors.length);
  return {
    ...colormapFromList([...colors].reverse(), 256, '$.cmap', xs.map((x) => 1 - x).reverse()),
    name: 'custom_r',
  };
}

/** Where values fall outside the range (for a log scale, of the values it can draw: above 0). */
export function resolveExtend(opt: 'auto' | Extend, norm: NormSpec, stats: ValueSummary): Extend {
  if (opt !== 'auto') return opt;
  const { vmin, vmax } = norm;
  const log = norm.kind === 'log';
  const below = log ? stats.posMin < vmin : stats.min < vmin || stats.negInf > 0;
  const above = (log ? stats.posMax > vmax : stats.max > vmax) || stats.infinite > stats.negInf;
  return below && above ? 'both' : below ? 'min' : above ? 'max' : 'neither';
}
