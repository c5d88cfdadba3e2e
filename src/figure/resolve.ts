import { quantileSorted } from 'd3-array';
import {
  type Colormap,
  colormapFromList,
  namedColormap,
  recenteredColormap,
} from '../color/colormap.ts';
import type { NormSpec } from '../color/norm.ts';
import { hexFromRgb, isTransparent, parseColor } from '../color/parse.ts';
import { type Grid, sortedFinite } from '../data/grid.ts';
import { summarize, type ValueSummary } from '../data/summary.ts';
import { HeatfigError, Warnings } from '../errors.ts';
import { isIntegerFormat, isPercentFormat, makeFormatter } from '../format/number.ts';
import { msg } from '../messages.ts';
import { DEFAULTS } from '../spec/defaults.ts';
import type { Extend, Figure, TickLabels } from './types.ts';
import type { Spec, TickLabelsOption } from '../spec/spec-type.ts';

/**
 * Resolves a validated spec against its grid: fills every default, chooses the colour
 * range, norm, colormap and extend from the data where the user left them open. Pure: the
 * spec and grid are not changed, and the same inputs give an equal Figure.
 *
 * `full` is the grid before it was reduced to the output's pixels, when it is in memory.
 * The range, the robust percentiles, extend and the counts always come from all of the
 * values (`full`, or the summary a streamed reduction carries), never from block means, so
 * every output of one spec, at any size, shares one colour scale.
 */
export function resolveSpec(
  spec: Spec,
  grid: Grid,
  warnings = new Warnings(),
  full: Grid | null = null,
): Figure {
  const mask = resolveMask(spec, grid);
  const source = fullValues(spec, grid, mask, full);
  const stats = source.summary;
  if (stats.finite === 0) warnings.add(msg.allMissing());
  if (stats.infinite > 0) warnings.add(msg.nonFinite(stats.infinite));
  for (const note of grid.notes ?? []) warnings.add(note);

  const norm = resolveNorm(spec, source);
  if (norm.kind === 'log' && stats.nonPositive > 0)
    warnings.add(msg.logNonPositive(stats.nonPositive));
  const base = resolveCmap(spec);
  const cmap =
    norm.kind === 'linear' && norm.center !== undefined
      ? recenteredColormap(base, norm.vmin, norm.vmax, norm.center)
      : base;
  const fmt = spec.fmt ?? DEFAULTS.fmt;
  makeFormatter(fmt, '$.fmt');
  if (spec.annot && isIntegerFormat(fmt)) checkWhole(grid, mask, fmt, warnings);

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
          extend: resolveExtend(cbo.extend ?? DEFAULTS.extend, norm, stats),
        };

  const lines = spec.linewidths ?? 0;
  const sep = spec.separators;
  if (sep) {
    for (const [k, n] of [
      ['cols', grid.cols],
      ['rows', grid.panels.reduce((m, p) => Math.max(m, p.rows), 0)],
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
    // As seaborn titles the axes: the names of the column and row labels (pandas' index names).
    xlabel: spec.xlabel ?? grid.colName ?? null,
    ylabel: spec.ylabel ?? grid.rowName ?? null,
    xticks: resolveTicks(spec.xticklabels, grid.colLabels, '$.xticklabels'),
    yticks: grid.panels.map((p) => resolveTicks(spec.yticklabels, p.rowLabels, '$.yticklabels')),
    xaxis: spec.xaxis ?? DEFAULTS.xaxis,
    xrotation: spec.xrotation ?? DEFAULTS.xrotation,
    cmap,
    norm,
    fmt,
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
    background: isTransparent(spec.background ?? DEFAULTS.background)
      ? 'none'
      : hexFromRgb(parseColor(spec.background ?? DEFAULTS.background, '$.background')),
    panelGap: spec.panelGap ?? DEFAULTS.panelGap,
    raster: spec.raster ?? DEFAULTS.raster,
    reduce: grid.reduced?.how ?? spec.reduce ?? DEFAULTS.reduce,
    stats,
  };
}

/** Warns of the first shown cell with a fraction under an integer format (12.0 shows as 12, silently). */
function checkWhole(
  grid: Grid,
  mask: readonly (Uint8Array | null)[],
  fmt: string,
  warnings: Warnings,
): void {
  for (let pi = 0; pi < grid.panels.length; pi++) {
    const p = grid.panels[pi]!;
    const m = mask[pi];
    for (let k = 0; k < p.values.length; k++) {
      const v = p.values[k]!;
      if (m?.[k] || !Number.isFinite(v) || Number.isInteger(v)) continue;
      const r = Math.floor(k / grid.cols);
      const c = k % grid.cols;
      const panel =
        grid.panels.length > 1 ? `panel ${JSON.stringify(p.title ?? String(pi))}, ` : '';
      const at = `${panel}row ${JSON.stringify(p.rowLabels[r])}, column ${JSON.stringify(grid.colLabels[c])}`;
      warnings.add(msg.integerFormat(fmt, at, v));
      return;
    }
  }
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

/** All of the values the scale is chosen from, however the grid is drawn. */
interface FullValues {
  readonly summary: ValueSummary;
  /** The robust range, when a streamed reduction computed it. */
  readonly robust: { readonly lo: number; readonly hi: number; readonly log: boolean } | null;
  /** The finite values, sorted (for robust percentiles), made on demand. */
  readonly sorted: (positiveOnly: boolean) => Float64Array;
}

function fullValues(
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

function resolveNorm(spec: Spec, values: FullValues): NormSpec {
  const kind = spec.norm ?? DEFAULTS.norm;
  const log = kind === 'log';
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
      throw new HeatfigError(
        'bad-option',
        'this grid was streamed for a linear scale, so its positive values were not summarised; read it with load(…, { log: true }) (renderSpec does)',
        '$.norm',
      );
    [lo, hi] =
      spec.vmin !== undefined && spec.vmax !== undefined
        ? [spec.vmin, spec.vmax]
        : [stats.posMin, stats.posMax];
  } else {
    lo = stats.min;
    hi = stats.max;
  }
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
  if (kind === 'symlog') {
    return {
      kind: 'symlog',
      vmin,
      vmax,
      linthresh: spec.linthresh ?? DEFAULTS.linthresh,
      linscale: DEFAULTS.linscale,
    };
  }
  // seaborn's center keeps the range and cuts the colormap (resolveCmap).
  return center !== undefined
    ? { kind: 'linear', vmin, vmax, center }
    : { kind: 'linear', vmin, vmax };
}

function resolveCmap(spec: Spec): Colormap {
  const c = spec.cmap ?? (spec.center !== undefined ? DEFAULTS.cmapCentered : DEFAULTS.cmap);
  return typeof c === 'string' ? namedColormap(c, '$.cmap') : colormapFromList(c, 256, '$.cmap');
}

/** Where values fall outside the range (for a log scale, of the values it can draw: above 0). */
function resolveExtend(opt: 'auto' | Extend, norm: NormSpec, stats: ValueSummary): Extend {
  if (opt !== 'auto') return opt;
  const { vmin, vmax } = norm;
  const log = norm.kind === 'log';
  const below = log ? stats.posMin < vmin : stats.min < vmin || stats.negInf > 0;
  const above = (log ? stats.posMax > vmax : stats.max > vmax) || stats.infinite > stats.negInf;
  return below && above ? 'both' : below ? 'min' : above ? 'max' : 'neither';
}
