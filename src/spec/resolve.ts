import { quantileSorted } from 'd3-array';
import { type Colormap, colormapFromList, namedColormap } from '../color/colormap.ts';
import type { NormSpec } from '../color/norm.ts';
import { hexFromRgb, parseColor } from '../color/parse.ts';
import { type Grid, sortedFinite } from '../data/grid.ts';
import { HeatfigError, Warnings } from '../errors.ts';
import { isPercentFormat, makeFormatter } from '../format/number.ts';
import { msg } from '../messages.ts';
import { DEFAULTS } from './defaults.ts';
import type { Extend, Figure, TickLabels } from './figure.ts';
import type { Spec, TickLabelsOption } from './schema.ts';

/**
 * Resolves a validated spec against its grid: fills every default, chooses the colour
 * range, norm, colormap and extend from the data where the user left them open. Pure: the
 * spec and grid are not changed, and the same inputs give an equal Figure.
 */
export function resolveSpec(spec: Spec, grid: Grid, warnings = new Warnings()): Figure {
  const mask = resolveMask(spec, grid);
  const stats = dataStats(grid, mask);
  if (stats.finite === 0) warnings.add(msg.allMissing());
  if (stats.infinite > 0) warnings.add(msg.nonFinite(stats.infinite));

  const norm = resolveNorm(spec, grid, mask, stats);
  const cmap = resolveCmap(spec);
  const fmt = spec.fmt ?? DEFAULTS.fmt;
  makeFormatter(fmt, '$.fmt');

  const cb = spec.colorbar ?? true;
  const cbo = typeof cb === 'object' ? cb : {};
  if (cbo.format !== undefined) makeFormatter(cbo.format, '$.colorbar.format');
  const colorbar =
    cb === false
      ? null
      : {
          label: cbo.label ?? null,
          ticks: cbo.ticks ?? null,
          format: cbo.format ?? null,
          percent: isPercentFormat(fmt),
          extend: resolveExtend(cbo.extend ?? DEFAULTS.extend, norm, grid, mask),
        };

  const lines = spec.linewidths ?? 0;
  const sep = spec.separators;
  if (sep) {
    for (const [k, n] of [
      ['cols', grid.cols],
      ['rows', Math.max(...grid.panels.map((p) => p.rows))],
    ] as const) {
      (sep[k] ?? []).forEach((at, i) => {
        if (at < 1 || at >= n)
          throw new HeatfigError(
            'bad-spec',
            msg.separatorOutOfRange(at, n),
            `$.separators.${k}[${i}]`,
          );
      });
    }
  }

  return {
    grid,
    title: spec.title ?? null,
    xlabel: spec.xlabel ?? null,
    ylabel: spec.ylabel ?? null,
    xticks: resolveTicks(spec.xticklabels, grid.colLabels, '$.xticklabels'),
    yticks: grid.panels.map((p) => resolveTicks(spec.yticklabels, p.rowLabels, '$.yticklabels')),
    xaxis: spec.xaxis ?? DEFAULTS.xaxis,
    xrotation: spec.xrotation ?? DEFAULTS.xrotation,
    cmap,
    norm,
    annot: spec.annot ? { fmt, size: spec.annotSize ?? null } : null,
    colorbar,
    mask,
    cellLines:
      lines > 0
        ? {
            width: lines,
            color: hexFromRgb(parseColor(spec.linecolor ?? DEFAULTS.linecolor, '$.linecolor')),
          }
        : null,
    separators: sep
      ? {
          rows: [...(sep.rows ?? [])].sort((a, b) => a - b),
          cols: [...(sep.cols ?? [])].sort((a, b) => a - b),
          color: hexFromRgb(parseColor(sep.color ?? DEFAULTS.separatorColor, '$.separators.color')),
          width: sep.width ?? DEFAULTS.separatorWidth,
        }
      : null,
    size: {
      width: spec.width ?? null,
      height: spec.height ?? null,
      cellWidth: spec.cellWidth ?? null,
      cellHeight: spec.cellHeight ?? null,
      square: spec.square ?? false,
    },
    fontSize: spec.fontSize ?? DEFAULTS.fontSize,
    background: hexFromRgb(parseColor(spec.background ?? DEFAULTS.background, '$.background')),
    panelGap: spec.panelGap ?? DEFAULTS.panelGap,
    raster: spec.raster ?? DEFAULTS.raster,
    reduce: grid.reduced?.how ?? spec.reduce ?? DEFAULTS.reduce,
    stats,
  };
}

function resolveTicks(
  opt: TickLabelsOption | undefined,
  labels: readonly string[],
  where: string,
): TickLabels {
  const o = opt ?? DEFAULTS.ticklabels;
  if (Array.isArray(o)) {
    if (o.length !== labels.length) {
      throw new HeatfigError(
        'bad-spec',
        `${o.length} labels for ${labels.length} positions; give exactly ${labels.length}`,
        where,
      );
    }
    return { labels: o.map(String), mode: 'auto' };
  }
  if (o === true) return { labels, mode: 'all' };
  if (o === false) return { labels, mode: 'none' };
  if (typeof o === 'number') return { labels, mode: o === 1 ? 'all' : { every: o } };
  return { labels, mode: 'auto' };
}

function resolveMask(spec: Spec, grid: Grid): (Uint8Array | null)[] {
  const m = spec.mask;
  return grid.panels.map((p) => {
    if (m === undefined) return null;
    const out = new Uint8Array(p.rows * grid.cols);
    if (m === 'upper' || m === 'lower') {
      for (let r = 0; r < p.rows; r++) {
        for (let c = 0; c < grid.cols; c++)
          out[r * grid.cols + c] = (m === 'upper' ? c > r : c < r) ? 1 : 0;
      }
      return out;
    }
    if (m.length !== p.rows || m.some((row) => row.length !== grid.cols)) {
      throw new HeatfigError('bad-spec', msg.maskShape(p.rows, grid.cols), '$.mask');
    }
    m.forEach((row, r) => {
      row.forEach((h, c) => {
        out[r * grid.cols + c] = h ? 1 : 0;
      });
    });
    return out;
  });
}

type Stats = Figure['stats'];

/** Counts and finite extremes over the cells that will be drawn. */
export function dataStats(grid: Grid, mask: readonly (Uint8Array | null)[]): Stats {
  let finite = 0;
  let missing = 0;
  let infinite = 0;
  let min = Infinity;
  let max = -Infinity;
  grid.panels.forEach((p, i) => {
    const mk = mask[i];
    const v = p.values;
    for (let k = 0; k < v.length; k++) {
      const x = v[k]!;
      if (mk?.[k]) continue;
      if (!(x === x)) missing++;
      else if (x === Infinity || x === -Infinity) infinite++;
      else {
        finite++;
        if (x < min) min = x;
        if (x > max) max = x;
      }
    }
  });
  return { finite, missing, infinite, min, max };
}

/** The smallest and largest positive finite values (for a log scale's default range). */
function positiveExtent(grid: Grid, mask: readonly (Uint8Array | null)[]): [number, number] {
  let lo = Infinity;
  let hi = -Infinity;
  grid.panels.forEach((p, i) => {
    const m = mask[i];
    const v = p.values;
    for (let k = 0; k < v.length; k++) {
      const x = v[k]!;
      if (m?.[k] || !(x > 0) || x === Infinity) continue;
      if (x < lo) lo = x;
      if (x > hi) hi = x;
    }
  });
  return [lo, hi];
}

function resolveNorm(
  spec: Spec,
  grid: Grid,
  mask: readonly (Uint8Array | null)[],
  stats: Stats,
): NormSpec {
  const kind = spec.norm ?? DEFAULTS.norm;
  const log = kind === 'log';
  let lo: number;
  let hi: number;
  if (spec.robust && (spec.vmin === undefined || spec.vmax === undefined)) {
    const s = sortedFinite(grid, mask, log);
    const [p0, p1] = DEFAULTS.robustPercentiles;
    lo = s.length ? quantileSorted(s as unknown as number[], p0 / 100)! : Number.NaN;
    hi = s.length ? quantileSorted(s as unknown as number[], p1 / 100)! : Number.NaN;
  } else if (log) {
    [lo, hi] =
      spec.vmin !== undefined && spec.vmax !== undefined
        ? [spec.vmin, spec.vmax]
        : positiveExtent(grid, mask);
  } else {
    lo = stats.min;
    hi = stats.max;
  }
  let vmin = spec.vmin ?? (Number.isFinite(lo) ? lo : log ? 1 : 0);
  let vmax = spec.vmax ?? (Number.isFinite(hi) ? hi : log ? 10 : 1);
  const center = spec.center;
  if (center !== undefined && kind === 'linear') {
    // A data-derived range must hold the centre on both sides (seaborn keeps vmin/vmax; a
    // two-slope norm needs vmin < center < vmax).
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
  if (kind === 'symlog') {
    return {
      kind: 'symlog',
      vmin,
      vmax,
      linthresh: spec.linthresh ?? DEFAULTS.linthresh,
      linscale: DEFAULTS.linscale,
    };
  }
  return { kind: 'linear', vmin, vmax };
}

function resolveCmap(spec: Spec): Colormap {
  const c = spec.cmap ?? (spec.center !== undefined ? DEFAULTS.cmapCentered : DEFAULTS.cmap);
  return typeof c === 'string' ? namedColormap(c, '$.cmap') : colormapFromList(c, 256, '$.cmap');
}

function resolveExtend(
  opt: 'auto' | Extend,
  norm: NormSpec,
  grid: Grid,
  mask: readonly (Uint8Array | null)[],
): Extend {
  if (opt !== 'auto') return opt;
  let below = false;
  let above = false;
  const { vmin, vmax } = norm;
  const log = norm.kind === 'log';
  grid.panels.forEach((p, i) => {
    const m = mask[i];
    const v = p.values;
    for (let k = 0; k < v.length; k++) {
      const x = v[k]!;
      if (!(x === x) || m?.[k] || (log && !(x > 0))) continue;
      if (x < vmin) below = true;
      else if (x > vmax) above = true;
    }
  });
  return below && above ? 'both' : below ? 'min' : above ? 'max' : 'neither';
}
