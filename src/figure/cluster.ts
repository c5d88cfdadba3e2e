/**
 * Clustering's place in the join stage (issue 18): the spec's `cluster` run on the grid's
 * values as drawn (after zScore or standardScale, as seaborn's clustermap clusters), and the
 * grid, its raw values and any cell-by-cell mask or annotations put in the leaves' order.
 */
import { type AxisTree, checkLeaves, clusterAxis, treeOfLinkage } from '../cluster/cluster.ts';
import { type EuclideanKernel, hasMissing } from '../cluster/distance.ts';
import { namedColormap } from '../color/colormap.ts';
import { type ColorInput, hexFromBytes, hexFromRgb, parseColor } from '../color/parse.ts';
import type { Grid } from '../data/grid.ts';
import { HeatfigError, type Warnings } from '../errors.ts';
import * as msg from '../messages.ts';
import type { Spec } from '../spec/spec-type.ts';
import type { ColorBar, Dendrograms } from './dendrograms.ts';
import { permutedGrid } from './transform.ts';

type ClusterOptions = Exclude<Spec['cluster'], boolean | undefined>;

/** The spec's cluster options, or null for none. */
export const clusterOptionsOf = (spec: Spec): ClusterOptions | null =>
  spec.cluster === true ? {} : spec.cluster ? spec.cluster : null;

type BarSpec = NonNullable<ClusterOptions['rowColors']>[number];

/** A bar's colours in the drawn order `order`: its categories in tab10's (tab20's) colours, or its own. */
function colorBar(b: BarSpec, order: readonly number[], what: string, where: string): ColorBar {
  if (b.values.length !== order.length)
    throw new HeatfigError(
      'bad-spec',
      msg.clusterColorsLength(what, b.values.length, order.length),
      `${where}.values`,
    );
  const labels = [...new Set(b.values)];
  const k = labels.length;
  let palette: string[];
  if (b.colors) {
    if (b.colors.length < k)
      throw new HeatfigError(
        'bad-spec',
        msg.clusterColorsShort(k, b.colors.length),
        `${where}.colors`,
      );
    palette = b.colors.map((c, i) =>
      hexFromRgb(parseColor(c as ColorInput, `${where}.colors[${i}]`)),
    );
  } else {
    if (k > 20) throw new HeatfigError('bad-spec', msg.clusterColorsMany(k), `${where}.values`);
    const lut = namedColormap(k <= 10 ? 'tab10' : 'tab20').lut;
    palette = labels.map((_, i) => hexFromBytes(lut[i * 3]!, lut[i * 3 + 1]!, lut[i * 3 + 2]!));
  }
  const colorOf = new Map(labels.map((l, i) => [l, palette[i]!]));
  return {
    name: b.name ?? null,
    colors: order.map((i) => colorOf.get(b.values[i]!)!),
    legend: labels.map((label) => ({ label, color: colorOf.get(label)! })),
  };
}

const permuteMatrix = <T>(
  m: readonly (readonly T[])[],
  rows: readonly number[],
  cols: readonly number[],
): T[][] => rows.map((r) => cols.map((c) => m[r]![c]!));

/** What `cluster` is given: seaborn's clustermap options (both axes by default). */
export type ClusterGridOptions = Pick<
  ClusterOptions,
  'rows' | 'cols' | 'method' | 'metric' | 'optimalOrdering' | 'rowLinkage' | 'colLinkage'
> & { readonly euclidean?: EuclideanKernel };

/**
 * Clusters a one-panel grid's rows and columns as seaborn's clustermap does (both by default;
 * average linkage of Euclidean distances): for each, scipy's linkage `z`, the leaves' order
 * (`order`: the grid's row or column indices, top to bottom or left to right) and the merges
 * to draw. Missing cells are left out of the distances pair by pair, and counted in `warnings`.
 */
export function cluster(
  grid: Grid,
  c: ClusterGridOptions = {},
  warnings?: Warnings,
): { rows: AxisTree | null; cols: AxisTree | null } {
  if (grid.panels.length !== 1)
    throw new HeatfigError('bad-spec', msg.clusterOnePanel(), '$.cluster');
  const metric = c.metric ?? 'euclidean';
  const n = grid.panels[0]!.rows;
  const d = grid.cols;
  const x = grid.panels[0]!.values;
  const one = (
    axis: 'rows' | 'columns',
    data: Float64Array,
    count: number,
    dims: number,
    distances?: Float64Array,
  ) => {
    const given = axis === 'rows' ? c.rowLinkage : c.colLinkage;
    const where = `$.cluster.${axis === 'rows' ? 'rowLinkage' : 'colLinkage'}`;
    if (given) return treeOfLinkage(given, count, axis === 'rows' ? 'row' : 'column', where);
    const t = clusterAxis(
      data,
      count,
      dims,
      distances ? { ...c, distances } : c,
      axis,
      '$.cluster',
    );
    if (t.missing) warnings?.add(msg.clusterMissing(t.missing, axis, metric));
    return t;
  };
  const wantRows = (c.rows ?? true) && n > 1;
  const wantCols =
    (c.cols ?? true) && d > 1 && !(metric === 'precomputed' && wantRows && !c.colLinkage);
  const t = wantCols ? new Float64Array(n * d) : null;
  if (t) for (let r = 0; r < n; r++) for (let k = 0; k < d; k++) t[k * n + r] = x[r * d + k]!;
  // Both axes' Euclidean distances asked for at once: a kernel on several threads computes
  // one on each.
  let given: { rows?: Float64Array; cols?: Float64Array } = {};
  if (
    c.euclidean &&
    wantRows &&
    t &&
    !c.rowLinkage &&
    !c.colLinkage &&
    (metric === 'euclidean' || metric === 'sqeuclidean') &&
    !hasMissing(x)
  ) {
    checkLeaves(n, 'rows', '$.cluster');
    checkLeaves(d, 'columns', '$.cluster');
    const root = metric === 'euclidean';
    const [dr, dc] = c.euclidean([
      { y: x, n, d, root },
      { y: t, n: d, d: n, root },
    ]);
    given = { rows: dr!, cols: dc! };
  }
  const rows = wantRows ? one('rows', x, n, d, given.rows) : null;
  let cols: AxisTree | null = null;
  if (t) cols = one('columns', t, d, n, given.cols);
  else if ((c.cols ?? true) && d > 1 && metric === 'precomputed') cols = rows;
  return { rows, cols };
}

/**
 * The grid as drawn (`shown`) and as given (`raw`) in the order of the trees, the spec with a
 * cell-by-cell mask or annot in that order too, and the trees; unchanged when the spec has no
 * `cluster`.
 */
export function clusterFigure(
  spec: Spec,
  shown: Grid,
  raw: Grid,
  warnings: Warnings,
  euclidean?: EuclideanKernel,
): { shown: Grid; raw: Grid; spec: Spec; dendrograms: Dendrograms | null } {
  const c = clusterOptionsOf(spec);
  if (!c) return { shown, raw, spec, dendrograms: null };
  if (shown.reduced)
    throw new HeatfigError('bad-spec', msg.transformReduced('cluster'), '$.cluster');
  if (spec.sort) throw new HeatfigError('bad-spec', msg.clusterWith('sort'), '$.sort');
  const method = c.method ?? 'average';
  const metric = c.metric ?? 'euclidean';
  const n = shown.panels[0]!.rows;
  const d = shown.cols;
  const { rows, cols } = cluster(shown, euclidean ? { ...c, euclidean } : c, warnings);
  const ro = rows?.order ?? Array.from({ length: n }, (_, i) => i);
  const co = cols?.order ?? Array.from({ length: d }, (_, i) => i);
  // A mask or cell texts given cell by cell move with their cells (as seaborn's mask does).
  const fit = (m: unknown) =>
    Array.isArray(m) && m.length === n && m.every((r) => Array.isArray(r) && r.length === d);
  const moved: Spec = {
    ...spec,
    ...(fit(spec.mask) ? { mask: permuteMatrix(spec.mask as boolean[][], ro, co) } : {}),
    ...(fit(spec.annot) ? { annot: permuteMatrix(spec.annot as never[][], ro, co) } : {}),
  } as Spec;
  const drawn = permutedGrid(shown, () => ro, co);
  return {
    shown: drawn,
    raw: raw === shown ? drawn : permutedGrid(raw, () => ro, co),
    spec: moved,
    dendrograms: {
      rows,
      cols,
      ratio: c.dendrogramRatio ?? 0.2,
      method,
      metric,
      rowBars: (c.rowColors ?? []).map((b, i) =>
        colorBar(b, ro, 'rows', `$.cluster.rowColors[${i}]`),
      ),
      colBars: (c.colColors ?? []).map((b, i) =>
        colorBar(b, co, 'columns', `$.cluster.colColors[${i}]`),
      ),
    },
  };
}
