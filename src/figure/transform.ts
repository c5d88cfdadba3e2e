/**
 * Transforms users otherwise do by hand before plotting, applied to the values before the
 * colour scale: normalize (fractions of each row, column or the panel), seaborn clustermap's
 * z_score and standard_scale, and sorting the rows and columns. The raw values are kept for
 * the view's hover and the description.
 */
import type { Grid, Panel } from '../data/grid.ts';
import { naturalCompare } from '../data/table.ts';
import { HeatfigError } from '../errors.ts';
import * as msg from '../messages.ts';
import type { Spec } from '../spec/spec-type.ts';

export type Transform =
  | { readonly kind: 'normalize'; readonly axis: 'row' | 'col' | 'all' }
  | { readonly kind: 'zScore' | 'standardScale'; readonly axis: 'row' | 'col' };

/** The transform a spec asks for, or null; zScore and standardScale exclude each other and normalize, as in seaborn. */
export function transformOf(spec: Spec): Transform | null {
  const given = [
    spec.normalize !== undefined ? 'normalize' : null,
    spec.zScore !== undefined ? 'zScore' : null,
    spec.standardScale !== undefined ? 'standardScale' : null,
  ].filter((x) => x !== null);
  if (given.length > 1)
    throw new HeatfigError('bad-spec', msg.oneTransform(given.join(' and ')), `$.${given[1]}`);
  if (spec.normalize !== undefined) return { kind: 'normalize', axis: spec.normalize };
  if (spec.zScore !== undefined) return { kind: 'zScore', axis: spec.zScore };
  if (spec.standardScale !== undefined) return { kind: 'standardScale', axis: spec.standardScale };
  return null;
}

/**
 * A panel's values transformed: each line (row or column; for normalize "all", the panel) over
 * its finite values — normalize: x / Σx; zScore: (x − mean) / sd with sd of n − 1 as pandas'
 * std (seaborn's z_score); standardScale: (x − min) / (max − min). A line whose divisor is 0
 * becomes missing (NaN), as pandas gives. Missing and infinite cells stay as they are.
 */
export function transformPanel(p: Panel, cols: number, t: Transform): Float64Array {
  const v = p.values;
  const out = new Float64Array(v);
  const lines =
    t.axis === 'all'
      ? [Array.from({ length: v.length }, (_, k) => k)]
      : t.axis === 'row'
        ? Array.from({ length: p.rows }, (_, r) =>
            Array.from({ length: cols }, (_, c) => r * cols + c),
          )
        : Array.from({ length: cols }, (_, c) =>
            Array.from({ length: p.rows }, (_, r) => r * cols + c),
          );
  for (const line of lines) {
    const xs = line.filter((k) => v[k]! - v[k]! === 0);
    if (!xs.length) continue;
    let sum = 0;
    let lo = Infinity;
    let hi = -Infinity;
    for (const k of xs) {
      sum += v[k]!;
      lo = Math.min(lo, v[k]!);
      hi = Math.max(hi, v[k]!);
    }
    const mean = sum / xs.length;
    let ss = 0;
    for (const k of xs) ss += (v[k]! - mean) ** 2;
    const sd = xs.length > 1 ? Math.sqrt(ss / (xs.length - 1)) : Number.NaN;
    for (const k of xs) {
      const x = v[k]!;
      out[k] =
        t.kind === 'normalize'
          ? sum !== 0
            ? x / sum
            : Number.NaN
          : t.kind === 'zScore'
            ? sd > 0
              ? (x - mean) / sd
              : Number.NaN
            : hi > lo
              ? (x - lo) / (hi - lo)
              : Number.NaN;
    }
  }
  return out;
}

/** The grid with each panel's values transformed (see transformPanel). */
export function transformGrid(grid: Grid, t: Transform): Grid {
  return {
    ...grid,
    panels: grid.panels.map((p) => ({ ...p, values: transformPanel(p, grid.cols, t) })),
  };
}

/** How an axis is ordered: by label, naturally (2 before 10), by mean (highest first), or by one column's (row's) values. */
export type AxisOrder = 'value' | 'label' | 'natural' | { readonly by: string };

/**
 * The order of the rows (or columns) of a grid: their indices sorted as asked, ties kept in
 * place. Rows are ordered within each panel by its own values; columns by all panels'.
 */
export function axisOrder(
  grid: Grid,
  axis: 'rows' | 'cols',
  how: AxisOrder,
  panel: number,
  where: string,
): number[] {
  const C = grid.cols;
  const p = grid.panels[panel]!;
  const labels = axis === 'rows' ? p.rowLabels : grid.colLabels;
  const idx = labels.map((_, i) => i);
  if (how === 'label')
    return idx.sort(
      (a, b) => (labels[a]! < labels[b]! ? -1 : labels[a]! > labels[b]! ? 1 : 0) || a - b,
    );
  if (how === 'natural') return idx.sort((a, b) => naturalCompare(labels[a]!, labels[b]!) || a - b);
  // Values: each line's mean (descending), or the values of one column (row), ascending as
  // pandas' sort_values(by=…); missing last.
  const cellsOf = (i: number): number[] =>
    axis === 'rows'
      ? Array.from({ length: C }, (_, c) => p.values[i * C + c]!)
      : grid.panels.flatMap((q) => Array.from({ length: q.rows }, (_, r) => q.values[r * C + i]!));
  let key: (i: number) => number;
  if (how === 'value') {
    key = (i) => {
      const ok = cellsOf(i).filter((x) => x - x === 0);
      return ok.length ? -ok.reduce((s, x) => s + x, 0) / ok.length : Number.NaN;
    };
  } else {
    const other = axis === 'rows' ? grid.colLabels : p.rowLabels;
    const at = other.indexOf(how.by);
    if (at < 0)
      throw new HeatfigError(
        'bad-spec',
        msg.sortBy(how.by, axis === 'rows' ? 'column' : 'row'),
        where,
      );
    key = (i) => (axis === 'rows' ? p.values[i * C + at]! : p.values[at * C + i]!);
  }
  const keys = idx.map(key);
  return idx.sort((a, b) => {
    const x = keys[a]!;
    const y = keys[b]!;
    if (x !== x || y !== y) return (x !== x ? 1 : 0) - (y !== y ? 1 : 0) || a - b;
    return x - y || a - b;
  });
}

/**
 * The grid with its columns in `cols`' order and each panel's rows in `rows(panel)`'s (the
 * indices of the lines to put first, second, …), labels and values alike. Shared by sort and
 * cluster.
 */
export function permutedGrid(
  grid: Grid,
  rows: (panel: number) => readonly number[],
  cols: readonly number[],
): Grid {
  const C = grid.cols;
  return {
    ...grid,
    colLabels: cols.map((c) => grid.colLabels[c]!),
    panels: grid.panels.map((p, pi) => {
      const ro = rows(pi);
      const values = new Float64Array(p.values.length);
      ro.forEach((r, i) => {
        cols.forEach((c, j) => {
          values[i * C + j] = p.values[r * C + c]!;
        });
      });
      return { ...p, rowLabels: ro.map((r) => p.rowLabels[r]!), values };
    }),
  };
}

const identity = (n: number) => Array.from({ length: n }, (_, i) => i);

/** The grid with its rows and columns in the spec's order (sort.rows, sort.cols). */
export function sortedGrid(grid: Grid, sort: Spec['sort']): Grid {
  if (!sort) return grid;
  const co = sort.cols ? axisOrder(grid, 'cols', sort.cols, 0, '$.sort.cols') : null;
  return permutedGrid(
    grid,
    (pi) =>
      sort.rows
        ? axisOrder(grid, 'rows', sort.rows, pi, '$.sort.rows')
        : identity(grid.panels[pi]!.rows),
    co ?? identity(grid.cols),
  );
}
