import { recenteredColormap } from '../color/colormap.ts';
import type { NormSpec } from '../color/norm.ts';
import { hexFromRgb, isTransparent, parseColor } from '../color/parse.ts';
import type { Grid } from '../data/grid.ts';
import type { ValueSummary } from '../data/summary.ts';
import { HeatfigError, Warnings } from '../errors.ts';
import { isIntegerFormat, isPercentFormat, makeFormatter } from '../format/number.ts';
import * as msg from '../messages.ts';
import { DEFAULTS } from '../spec/defaults.ts';
import type { Figure, TickLabels } from './types.ts';
import { annotCells, highlightCells } from './annot.ts';
import type { EuclideanKernel } from '../cluster/distance.ts';
import { clusterFigure, clusterOptionsOf } from './cluster.ts';
import { reduceGridTo } from '../data/reduce.ts';
import { resolveFacets } from './facets.ts';
import { sortedGrid, transformGrid, transformOf } from './transform.ts';
import { resolveMask } from './mask.ts';
import { checkCodes } from './categories.ts';
import { fullValues, resolveCmap, resolveExtend, resolveNorm } from './scale.ts';
import type { Spec, TickLabelsOption } from '../spec/spec-type.ts';

/** What resolving may use besides the spec and grid: who computes clustering's distances. */
export interface ResolveContext {
  readonly euclidean?: EuclideanKernel;
}

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
  asked: Spec,
  given: Grid,
  warnings = new Warnings(),
  full: Grid | null = null,
  context: ResolveContext = {},
): Figure {
  // Sorted, then transformed (normalize, zScore, standardScale), then clustered: the
  // picture's values, the raw ones kept for the view's hover. They need every cell: a grid
  // reduced to the output's pixels is arranged whole (`full`, when it is in memory) and then
  // reduced to the same blocks; one that was never whole (a streamed .npy) is refused.
  const transform = transformOf(asked);
  const arranges = transform || asked.sort || clusterOptionsOf(asked);
  const whole = given.reduced && full && !full.reduced ? full : null;
  if (arranges && given.reduced && !whole) {
    const what = transform ? transform.kind : asked.sort ? 'sort' : 'cluster';
    throw new HeatfigError('bad-spec', msg.transformReduced(what), `$.${what}`);
  }
  // A mask or cell texts given cell by cell are in the data's order: sorting would move the
  // cells from under them.
  if (asked.sort && (Array.isArray(asked.mask) || Array.isArray(asked.annot)))
    throw new HeatfigError(
      'bad-spec',
      msg.sortWithMatrix(Array.isArray(asked.mask) ? 'mask' : 'annot'),
      Array.isArray(asked.mask) ? '$.mask' : '$.annot',
    );
  const start = arranges && whole ? whole : given;
  const sortedFirst = sortedGrid(start, asked.sort);
  const transformed = transform ? transformGrid(sortedFirst, transform) : sortedFirst;
  // Clustered on the values as drawn, then every cell in the trees' order (a cell-by-cell
  // mask or annot with them: `spec` is the asked spec with those moved).
  const clustered = clusterFigure(asked, transformed, sortedFirst, warnings, context.euclidean);
  const { spec, dendrograms } = clustered;
  let shown = clustered.shown;
  let sorted = clustered.raw;
  if (full && arranges) full = shown;
  if (arranges && whole) {
    // The arranged whole, reduced to the blocks the output draws (the raw values of a block
    // are not kept: the view's hover of a block gives its value).
    const r = given.reduced!;
    shown = reduceGridTo(shown, Math.max(...given.panels.map((p) => p.rows)), given.cols, r.how);
    sorted = shown;
  }
  const { grid, facets } = resolveFacets(spec, shown);
  if (spec.marginals && (grid.panels.length > 1 || grid.reduced))
    throw new HeatfigError('bad-spec', msg.marginalsOnePanel(), '$.marginals');
  const mask = resolveMask(spec, grid);
  const source = fullValues(spec, grid, mask, full);
  const stats = source.summary;
  if (stats.finite === 0) warnings.add(msg.allMissing());
  if (stats.infinite > 0) warnings.add(msg.nonFinite(stats.infinite));
  for (const note of grid.notes ?? []) warnings.add(note);

  const norm = resolveNorm(spec, source);
  if (spec.categories) checkCodes(grid, mask, spec.categories.length, warnings);
  if (norm.kind === 'log' && stats.nonPositive > 0)
    warnings.add(msg.logNonPositive(stats.nonPositive));
  const base = resolveCmap(spec);
  // matplotlib's set_under / set_over / set_bad, carried by the colormap.
  const byte = (c: string | readonly number[], where: string) =>
    parseColor(c as never, where).map((x) => Math.round(x * 255)) as unknown as [
      number,
      number,
      number,
    ];
  const extremes = {
    ...(spec.underColor !== undefined ? { under: byte(spec.underColor, '$.underColor') } : {}),
    ...(spec.overColor !== undefined ? { over: byte(spec.overColor, '$.overColor') } : {}),
    ...(spec.badColor !== undefined ? { bad: byte(spec.badColor, '$.badColor') } : {}),
  };
  const cmapFor = (n: NormSpec) => ({
    ...(n.kind === 'linear' && n.center !== undefined
      ? recenteredColormap(base, n.vmin, n.vmax, n.center)
      : base),
    ...extremes,
  });
  const cmap = cmapFor(norm);
  const fmt = spec.fmt ?? DEFAULTS.fmt;
  makeFormatter(fmt, '$.fmt');
  if (spec.annot === true && isIntegerFormat(fmt)) checkWhole(grid, mask, fmt, warnings);

  const lines = spec.linewidths ?? 0;

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
    annot: spec.annot
      ? {
          fmt,
          size: spec.annotKws?.size ?? pxOf(spec.annotSize, '$.annotSize', 0.5, 200),
          cells: annotCells(spec, grid, mask, fmt),
          template: typeof spec.annot === 'string' ? spec.annot : null,
          color:
            spec.annotKws?.color === undefined || spec.annotKws.color === 'auto'
              ? null
              : hexFromRgb(parseColor(spec.annotKws.color, '$.annotKws.color')),
          ...(spec.annotKws?.weight === 'bold' ? { bold: true } : {}),
        }
      : null,
    highlight: highlightCells(spec.highlight, grid, mask),
    dendrograms,
    transform,
    raw: transform && sorted !== shown ? sorted.panels.map((p) => p.values) : null,
    highlightOf: spec.highlight ?? null,
    categories: spec.categories ?? null,
    marginals: spec.marginals ?? null,
    colorbar: resolveColorbar(spec, fmt, norm, stats),
    // Facets with scales of their own: each panel's range from its own values (all of them,
    // when the full grid is at hand; else the drawn blocks', which a streamed 3-D file gives).
    panelScales:
      facets && spec.facet?.scale === 'independent'
        ? grid.panels.map((_, i) => {
            const one = ({ reduced: _r, ...g }: Grid): Grid => ({ ...g, panels: [g.panels[i]!] });
            const own = fullValues(spec, one(grid), [mask[i] ?? null], full ? one(full) : null);
            const n = resolveNorm(spec, own);
            return {
              norm: n,
              cmap: cmapFor(n),
              colorbar: resolveColorbar(spec, fmt, n, own.summary),
            };
          })
        : null,
    mask,
    cellLines:
      lines > 0
        ? {
            width: lines,
            color: hexFromRgb(parseColor(spec.linecolor ?? DEFAULTS.linecolor, '$.linecolor')),
          }
        : null,
    separators: resolveSeparators(spec, grid),
    size: {
      // matplotlib's figsize is in inches, at 96 CSS px to the inch.
      width: spec.width ?? (spec.figsize ? spec.figsize[0]! * 96 : null),
      height: spec.height ?? (spec.figsize ? spec.figsize[1]! * 96 : null),
      cellWidth: spec.cellWidth ?? null,
      cellHeight: spec.cellHeight ?? null,
      square: spec.square ?? false,
    },
    fontSize: pxOf(spec.fontSize, '$.fontSize', 4, 72) ?? DEFAULTS.fontSize,
    background: isTransparent(spec.background ?? themeBackground(spec))
      ? 'none'
      : hexFromRgb(parseColor(spec.background ?? themeBackground(spec), '$.background')),
    dpi: spec.dpi ?? null,
    maskColor:
      spec.maskColor !== undefined ? hexFromRgb(parseColor(spec.maskColor, '$.maskColor')) : null,
    ...(spec.maskHatch ? { maskHatch: true } : {}),
    panelGap: spec.panelGap ?? DEFAULTS.panelGap,
    facets,
    raster: spec.raster ?? DEFAULTS.raster,
    reduce: grid.reduced?.how ?? spec.reduce ?? DEFAULTS.reduce,
    stats,
  };
}

/** A theme's background (the ink follows it: black or white by contrast). */
const themeBackground = (spec: Spec): string =>
  spec.theme === 'dark' ? '#000000' : spec.theme === 'transparent' ? 'none' : DEFAULTS.background;

/** A font size in px from px or points ("8pt" is 8 × 4/3 px at 96 px to the inch), or null when not given. */
export function pxOf(
  v: number | string | undefined,
  where: string,
  min: number,
  max: number,
): number | null {
  if (v === undefined) return null;
  if (typeof v === 'number') return v;
  const m = /^(\d+(?:\.\d+)?)(px|pt)$/.exec(v);
  const px = m ? Number(m[1]) * (m[2] === 'pt' ? 4 / 3 : 1) : Number.NaN;
  if (!(px >= min && px <= max))
    throw new HeatfigError('bad-spec', msg.fontLength(v, min, max), where);
  return px;
}

function resolveColorbar(
  spec: Spec,
  fmt: string,
  norm: NormSpec,
  stats: ValueSummary,
): Figure['colorbar'] {
  const cb = spec.colorbar ?? true;
  if (cb === false) return null;
  const cbo = typeof cb === 'object' ? cb : {};
  if (cbo.format !== undefined) makeFormatter(cbo.format, '$.colorbar.format');
  // matplotlib: location and orientation must agree; orientation alone picks right or bottom.
  const across = (l: string) => (l === 'top' || l === 'bottom' ? 'horizontal' : 'vertical');
  if (cbo.location && cbo.orientation && across(cbo.location) !== cbo.orientation)
    throw new HeatfigError(
      'bad-spec',
      msg.colorbarOrientation(cbo.location, cbo.orientation),
      '$.colorbar.orientation',
    );
  const location = cbo.location ?? (cbo.orientation === 'horizontal' ? 'bottom' : 'right');
  return {
    label: cbo.label ?? null,
    ticks: cbo.ticks ?? null,
    format: cbo.format ?? null,
    percent: isPercentFormat(fmt),
    // A legend of categories has no ends to extend.
    extend: spec.categories ? 'neither' : resolveExtend(cbo.extend ?? DEFAULTS.extend, norm, stats),
    ...(location !== 'right' ? { location } : {}),
    ...(cbo.shrink !== undefined && cbo.shrink !== 1 ? { shrink: cbo.shrink } : {}),
    ...(cbo.drawedges ? { drawedges: true } : {}),
  };
}

/** Lines between groups of rows or columns, each inside the grid, in order. */
function resolveSeparators(spec: Spec, grid: Grid): Figure['separators'] {
  const sep = spec.separators;
  if (!sep) return null;
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
  return {
    rows: [...(sep.rows ?? [])].sort((a, b) => a - b),
    cols: [...(sep.cols ?? [])].sort((a, b) => a - b),
    color: hexFromRgb(parseColor(sep.color ?? DEFAULTS.separatorColor, '$.separators.color')),
    width: sep.width ?? DEFAULTS.separatorWidth,
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
      throw new HeatfigError('bad-spec', msg.tickLabelCount(o.length, labels.length), where);
    }
    return { labels: o.map(String), mode: 'auto' };
  }
  if (o === true) return { labels, mode: 'all' };
  if (o === false) return { labels, mode: 'none' };
  if (typeof o === 'number') return { labels, mode: o === 1 ? 'all' : { every: o } };
  return { labels, mode: 'auto' };
}
