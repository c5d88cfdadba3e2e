/**
 * The SQL heatfig sends for a query source, for any engine (its Dialect spells it): what
 * range a binned axis spans, which categories are the most frequent, and the one GROUP BY
 * that returns the grid's cells and nothing more (at most `maxCells` + 1 rows, so a query
 * that would return more is refused without reading them).
 */
import { HeatfigError } from '../errors.ts';
import * as msg from '../messages.ts';
import type { QuerySource } from '../spec/query-source.ts';
import type { Agg, Dialect } from './dialect.ts';

/** The aggregate a source asks for (mean with a value, count without). */
export function aggOf(src: QuerySource, where: string): Agg {
  const a = src.agg ?? (src.value === undefined ? 'count' : 'mean');
  let agg: Agg;
  if (a === 'median') agg = { fn: 'quantile', q: 0.5 };
  else if (['mean', 'sum', 'count', 'min', 'max', 'std'].includes(a))
    agg = { fn: a as Exclude<Agg['fn'], 'quantile'> };
  else {
    const m = /^quantile\(\s*([0-9.eE+-]+)\s*\)$/.exec(a);
    const q = m ? Number(m[1]) : Number.NaN;
    if (!(q >= 0 && q <= 1)) throw new HeatfigError('bad-spec', msg.badAgg(a), `${where}.agg`);
    agg = { fn: 'quantile', q };
  }
  if (agg.fn !== 'count' && src.value === undefined)
    throw new HeatfigError('bad-spec', msg.aggNeedsValue(a), `${where}.value`);
  return agg;
}

/** Where a binned axis's bins lie: n bins of `width` from `lo`, holding values up to `hi`. */
export interface Bins {
  readonly lo: number;
  readonly width: number;
  readonly n: number;
  readonly hi: number;
}

/** The rows the aggregation reads: the source and its filter, with no missing x or y. */
export function whereClause(
  d: Dialect,
  src: QuerySource,
  binned: { readonly x: Bins | null; readonly y: Bins | null },
): string {
  const conds: string[] = [];
  for (const axis of ['x', 'y'] as const) {
    const c = d.ident(src[axis]);
    const b = binned[axis];
    // A binned value lies in the bins' span: NULL and NaN do not (NaN is above every number
    // in DuckDB, and compares false in ClickHouse), and one test is cheaper than three.
    conds.push(b ? `${c} BETWEEN ${d.num(b.lo)} AND ${d.num(b.hi)}` : `${c} IS NOT NULL`);
  }
  if (src.filter !== undefined) conds.push(`(${src.filter})`);
  return conds.join(' AND ');
}

/**
 * The smallest and largest value of each binned axis's column (their bins' spans), in one
 * scan: plain min and max first, which DuckDB answers from a Parquet file's statistics
 * without reading it; `numbers` leaves NaN out (asked again only when NaN came back).
 */
export function rangeSql(
  d: Dialect,
  src: QuerySource,
  from: string,
  axes: readonly ('x' | 'y')[],
  numbers = false,
): string {
  const cols = axes.map((a) => {
    const c = d.ident(src[a]);
    return numbers
      ? `${d.minNumber(c)} AS ${a}_lo, ${d.maxNumber(c)} AS ${a}_hi`
      : `min(${c}) AS ${a}_lo, max(${c}) AS ${a}_hi`;
  });
  const filter = src.filter !== undefined ? ` WHERE (${src.filter})` : '';
  return `SELECT ${cols.join(', ')} FROM ${from}${filter}`;
}

/** The k + 1 most frequent categories of an axis (by rows; ties by value), and their counts. */
export function topSql(
  d: Dialect,
  src: QuerySource,
  from: string,
  axis: 'x' | 'y',
  k: number,
): string {
  const c = d.ident(src[axis]);
  const filter = src.filter !== undefined ? ` AND (${src.filter})` : '';
  return `SELECT ${c} AS k, count(*) AS n FROM ${from} WHERE ${c} IS NOT NULL${filter} GROUP BY ${c} ORDER BY n DESC, k LIMIT ${k + 1}`;
}

/** How many categories an axis has (asked only when the rest are grouped as "other"). */
export function distinctSql(d: Dialect, src: QuerySource, from: string, axis: 'x' | 'y'): string {
  const c = d.ident(src[axis]);
  const filter = src.filter !== undefined ? ` AND (${src.filter})` : '';
  return `SELECT count(*) AS n FROM (SELECT ${c} FROM ${from} WHERE ${c} IS NOT NULL${filter} GROUP BY ${c}) AS t`;
}

/** An axis of the GROUP BY: its categories (all, or the top ones and the rest as NULL), or its bins. */
export type AxisPlan =
  | { readonly kind: 'all' }
  | { readonly kind: 'top'; readonly keep: readonly unknown[]; readonly other: boolean }
  | { readonly kind: 'bins'; readonly bins: Bins };

/** A value as it came back from the engine, as a literal to send again. */
function literal(d: Dialect, v: unknown): string {
  if (typeof v === 'number') return d.num(v);
  if (typeof v === 'bigint') return v.toString();
  return d.str(String(v));
}

function axisExpr(d: Dialect, column: string, plan: AxisPlan): string {
  const c = d.ident(column);
  if (plan.kind === 'bins') return d.bin(c, plan.bins.lo, plan.bins.width, plan.bins.n);
  if (plan.kind === 'all') return c;
  // The rest of the categories are NULL, which is "other" (a missing x or y was left out).
  return `CASE WHEN ${c} IN (${plan.keep.map((v) => literal(d, v)).join(', ')}) THEN ${c} END`;
}

/** The GROUP BY: one row per cell, (y, x, v, n), at most `maxCells` + 1 of them. */
export function gridSql(
  d: Dialect,
  src: QuerySource,
  from: string,
  agg: Agg,
  plan: { readonly x: AxisPlan; readonly y: AxisPlan },
  maxCells: number,
): string {
  const value = src.value !== undefined ? d.ident(src.value) : null;
  const bins = (p: AxisPlan) => (p.kind === 'bins' ? p.bins : null);
  let where = whereClause(d, src, { x: bins(plan.x), y: bins(plan.y) });
  // Categories past the top k, when they are refused, are not read at all.
  for (const axis of ['x', 'y'] as const) {
    const p = plan[axis];
    if (p.kind === 'top' && !p.other)
      where += ` AND ${d.ident(src[axis])} IN (${p.keep.map((v) => literal(d, v)).join(', ')})`;
  }
  const y = axisExpr(d, src.y, plan.y);
  const x = axisExpr(d, src.x, plan.x);
  return `SELECT ${y} AS hf_y, ${x} AS hf_x, ${d.agg(agg, value)} AS hf_v, count(*) AS hf_n FROM ${from} WHERE ${where} GROUP BY hf_y, hf_x LIMIT ${maxCells + 1}`;
}
