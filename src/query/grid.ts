/**
 * The rows a GROUP BY returned, made a Grid: labels from the engine's values (numbers as
 * JavaScript writes them, bins by their lower edge), ordered the same whatever order the
 * engine sent them in, and a cell the data never reached missing (or 0, for a count).
 */
import type { Grid } from '../data/grid.ts';
import { HeatfigError } from '../errors.ts';
import * as msg from '../messages.ts';
import { sortGrid } from '../data/table.ts';
import type { AxisPlan, Bins } from './plan.ts';

/** A label of a value the engine returned (a bigint, a Date, text). */
export function labelOf(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (v instanceof Date) return v.toISOString();
  return String(v);
}

/** A number from an engine: JSON may quote 64-bit integers, DuckDB gives bigints. */
export function numberOf(v: unknown): number {
  if (v === null || v === undefined) return Number.NaN;
  if (typeof v === 'number') return v;
  if (typeof v === 'bigint') return Number(v);
  if (typeof v === 'string') {
    const n = v === 'nan' || v === 'NaN' ? Number.NaN : Number(v);
    return v.trim() === '' ? Number.NaN : n;
  }
  return Number(v);
}

/** Decimals that write every edge of bins of width w distinctly and, where they can, exactly. */
export function edgeDecimals(w: number): number {
  const least = Math.max(0, Math.ceil(-Math.log10(w)));
  for (let d = least; d <= least + 3 && d <= 15; d++)
    if (Math.abs(Number(w.toFixed(d)) - w) <= w * 1e-9) return d;
  return Math.min(15, least + 2);
}

/** The label of bin i: its lower edge. */
export function binLabels(b: Bins): string[] {
  const d = edgeDecimals(b.width);
  return Array.from({ length: b.n }, (_, i) => (b.lo + i * b.width).toFixed(d));
}

export interface CellRow {
  readonly y: unknown;
  readonly x: unknown;
  readonly v: number;
}

export const OTHER = 'other';

/** An axis's labels, and the position of each value's label among them. */
function axisOf(
  plan: AxisPlan,
  values: readonly unknown[],
): { labels: string[]; key: (v: unknown) => string } {
  if (plan.kind === 'bins') {
    const edges = binLabels(plan.bins);
    return { labels: [...edges], key: (v) => edges[numberOf(v)] ?? '' };
  }
  const key = (v: unknown) => (v === null || v === undefined ? OTHER : labelOf(v));
  const seen = [...new Set(values.map(key))].filter((l) => l !== OTHER || plan.kind === 'top');
  // Binary order first, so that the natural sort's ties fall the same way every time.
  seen.sort((a, b) => (a === OTHER ? 1 : b === OTHER ? -1 : a < b ? -1 : a > b ? 1 : 0));
  return { labels: seen, key };
}

/**
 * The grid of the cells: y → rows, x → columns. Categories in natural order (or `sort`),
 * "other" last; bins in order, a binned y axis with its highest bin at the top.
 */
export function gridOfCells(
  cells: readonly CellRow[],
  plan: { readonly x: AxisPlan; readonly y: AxisPlan },
  names: { readonly x: string; readonly y: string },
  empty: number,
  sort: 'natural' | 'alpha' | 'value',
  maxCells: number,
  where: string,
): Grid {
  const xs = axisOf(
    plan.x,
    cells.map((c) => c.x),
  );
  const ys = axisOf(
    plan.y,
    cells.map((c) => c.y),
  );
  if (plan.y.kind === 'bins') ys.labels.reverse();
  // Sparse cells can still span a grid too large to hold: refused before it is made.
  if (ys.labels.length * xs.labels.length > maxCells)
    throw new HeatfigError(
      'too-large',
      msg.queryGridTooLarge(ys.labels.length, xs.labels.length, maxCells),
      where,
    );
  const xi = new Map(xs.labels.map((l, i) => [l, i]));
  const yi = new Map(ys.labels.map((l, i) => [l, i]));
  const C = xs.labels.length;
  const values = new Float64Array(ys.labels.length * C).fill(empty);
  for (const c of cells) {
    const r = yi.get(ys.key(c.y));
    const k = xi.get(xs.key(c.x));
    if (r !== undefined && k !== undefined) values[r * C + k] = c.v;
  }
  const grid: Grid = {
    cols: C,
    colLabels: xs.labels,
    rowName: names.y,
    colName: names.x,
    panels: [{ title: null, rows: ys.labels.length, rowLabels: ys.labels, values }],
  };
  if (plan.x.kind === 'bins' && plan.y.kind === 'bins') return grid;
  // Category axes sorted (bins keep their order); "other" stays last.
  const sorted = sortGrid(grid, sort);
  const keep = (axis: AxisPlan, before: readonly string[], after: readonly string[]) =>
    axis.kind === 'bins'
      ? before
      : [...after.filter((l) => l !== OTHER), ...after.filter((l) => l === OTHER)];
  return reorder(
    grid,
    keep(plan.y, ys.labels, sorted.panels[0]!.rowLabels),
    keep(plan.x, xs.labels, sorted.colLabels),
  );
}

/** The grid with its rows and columns in the order of these labels (each label once). */
function reorder(grid: Grid, rows: readonly string[], cols: readonly string[]): Grid {
  const p = grid.panels[0]!;
  const ri = new Map(p.rowLabels.map((l, i) => [l, i]));
  const ci = new Map(grid.colLabels.map((l, i) => [l, i]));
  const C = grid.cols;
  const values = new Float64Array(rows.length * cols.length);
  rows.forEach((r, i) => {
    const from = ri.get(r)!;
    cols.forEach((c, j) => {
      values[i * cols.length + j] = p.values[from * C + ci.get(c)!]!;
    });
  });
  return {
    ...grid,
    cols: cols.length,
    colLabels: cols,
    panels: [{ ...p, rows: rows.length, rowLabels: rows, values }],
  };
}
