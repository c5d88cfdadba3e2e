/**
 * A query source made a Grid by a SQL engine: the few small planning queries a spec needs
 * (a binned axis's range, an axis's most frequent categories), then one GROUP BY that
 * returns only the cells. The engine does the work; what comes back is bounded before it
 * is read. Runs anywhere an engine can be reached (its adapter is the edge: io/engines.ts).
 */
import type { Grid } from '../data/grid.ts';
import { HeatfigError } from '../errors.ts';
import * as msg from '../messages.ts';
import type { QuerySource } from '../spec/query-source.ts';
import type { Agg, Dialect } from './dialect.ts';
import { type CellRow, edgeDecimals, gridOfCells, labelOf, numberOf } from './grid.ts';
import { type AxisPlan, aggOf, type Bins, distinctSql, gridSql, rangeSql, topSql } from './plan.ts';

/** A SQL engine as heatfig uses it: its dialect, where a source's rows come from, a query. */
export interface SqlEngine {
  readonly dialect: Dialect;
  /** The FROM clause of a source (a file reader, a table, a subquery), checked. */
  relation(src: QuerySource, where: string): Promise<string>;
  /** The columns of a relation, when the engine can tell without reading it (else null). */
  columns(from: string): Promise<readonly string[] | null>;
  /** Rows as objects, or a HeatfigError (one line) naming `where`. */
  query(sql: string, where: string): Promise<readonly Record<string, unknown>[]>;
  /** What the data is called in the description: the file, the table, "a SQL query". */
  describe(src: QuerySource): string;
}

export interface QueryOptions {
  /** The JSON path of the source, with its file: what an error names. */
  readonly where: string;
  /** The most cells the grid may have. */
  readonly maxCells: number;
  /** Told each statement before it is sent (--verbose, heatfig sql). */
  readonly log?: (sql: string) => void;
}

export interface QueryResult {
  readonly grid: Grid;
  /** Every statement sent, in order. */
  readonly statements: readonly string[];
}

/** The most cells a query returns, unless told otherwise: about what a figure can show. */
export const QUERY_MAX_CELLS = 4_000_000;

const AGG_WORDS: Record<Agg['fn'], string> = {
  mean: 'the mean',
  sum: 'the sum',
  count: 'the count',
  min: 'the minimum',
  max: 'the maximum',
  std: 'the sample standard deviation',
  quantile: 'the quantile',
};

export async function queryGrid(
  src: QuerySource,
  engine: SqlEngine,
  options: QueryOptions,
): Promise<QueryResult> {
  const { where } = options;
  const d = engine.dialect;
  const agg = aggOf(src, where);
  const statements: string[] = [];
  const run = (sql: string) => {
    statements.push(sql);
    options.log?.(sql);
    return engine.query(sql, where);
  };
  const from = await engine.relation(src, where);
  const columns = await engine.columns(from);
  if (columns) {
    for (const key of ['x', 'y', 'value'] as const) {
      const name = src[key];
      if (name !== undefined && !columns.includes(name))
        throw new HeatfigError(
          'bad-column',
          msg.noSuchColumn(JSON.stringify(name), columns.map((c) => JSON.stringify(c)).join(', ')),
          `${where}.${key}`,
        );
    }
  }
  const notes: string[] = [];
  const plan = {} as { x: AxisPlan; y: AxisPlan };
  const binned = (['x', 'y'] as const).filter((a) => src.bins?.[a] !== undefined);
  let [range] = binned.length ? await run(rangeSql(d, src, from, binned)) : [];
  const spans = (r: typeof range) =>
    binned.every(
      (a) => Number.isFinite(numberOf(r?.[`${a}_lo`])) && Number.isFinite(numberOf(r?.[`${a}_hi`])),
    );
  // A NaN (or no number) came back: the span again, of the numbers only.
  if (binned.length && !spans(range)) [range] = await run(rangeSql(d, src, from, binned, true));
  for (const axis of ['x', 'y'] as const) {
    const bin = src.bins?.[axis];
    const k = src.top?.[axis];
    if (bin !== undefined) {
      const lo = numberOf(range?.[`${axis}_lo`]);
      const hi = numberOf(range?.[`${axis}_hi`]);
      if (!Number.isFinite(lo) || !Number.isFinite(hi))
        throw new HeatfigError(
          'bad-column',
          msg.binsNotNumbers(src[axis]),
          `${where}.bins.${axis}`,
        );
      plan[axis] = { kind: 'bins', bins: binsOf(bin, lo, hi, axis, `${where}.bins.${axis}`) };
    } else if (k !== undefined) {
      const rows = await run(topSql(d, src, from, axis, k));
      const rest = src.top?.rest ?? 'refuse';
      if (rows.length <= k) plan[axis] = { kind: 'all' };
      else if (rest === 'refuse')
        throw new HeatfigError(
          'too-large',
          msg.topRefused(axis, src[axis], k),
          `${where}.top.${axis}`,
        );
      else {
        const [c] = await run(distinctSql(d, src, from, axis));
        const others = numberOf(c?.['n']) - k;
        notes.push(msg.restGrouped(k, src[axis], others, rest));
        plan[axis] = {
          kind: 'top',
          keep: rows.slice(0, k).map((r) => r['k']),
          other: rest === 'other',
        };
      }
    } else plan[axis] = { kind: 'all' };
  }
  const rows = await run(gridSql(d, src, from, agg, plan, options.maxCells));
  if (rows.length > options.maxCells)
    throw new HeatfigError('too-large', msg.queryTooManyCells(options.maxCells), where);
  if (rows.length === 0) throw new HeatfigError('empty-grid', msg.queryNoRows(), where);
  let total = 0;
  const cells: CellRow[] = rows.map((r) => {
    total += numberOf(r['hf_n']);
    return { y: r['hf_y'], x: r['hf_x'], v: numberOf(r['hf_v']) };
  });
  const grid = gridOfCells(
    cells,
    plan,
    { x: src.x, y: src.y },
    agg.fn === 'count' ? 0 : Number.NaN,
    src.sort ?? 'natural',
    options.maxCells,
    where,
  );
  return {
    grid: { ...grid, notes, origin: originOf(src, engine, agg, plan, total, notes) },
    statements,
  };
}

/** The smallest round width (1, 2, 2.5 or 5 × 10^k) at least `raw`. */
export function niceWidth(raw: number): number {
  if (!(raw > 0)) return 1;
  const p = 10 ** Math.floor(Math.log10(raw));
  for (const m of [1, 2, 2.5, 5, 10]) if (m * p >= raw * (1 - 1e-12)) return m * p;
  return 10 * p;
}

/**
 * The bins of an axis, from its smallest and largest value: a count asks for at most about
 * that many bins of a round width starting at a multiple of it (as Vega-Lite's maxbins and
 * Plotly's nbins choose them), so every edge is a short number; a width is taken as given.
 * A bin holds [edge, next edge); the largest value may open a bin of its own.
 */
function binsOf(
  bin: NonNullable<NonNullable<QuerySource['bins']>['x']>,
  lo: number,
  hi: number,
  axis: string,
  where: string,
): Bins {
  const width = typeof bin === 'number' ? niceWidth((hi - lo) / bin) : bin.width;
  const start =
    typeof bin !== 'number' && bin.start !== undefined ? bin.start : Math.floor(lo / width) * width;
  const n = Math.max(1, Math.floor((hi - start) / width) + 1);
  if (n > 10_000) throw new HeatfigError('too-large', msg.tooManyBins(axis, n), where);
  return { lo: start, width, n, hi };
}

/** The description's sentence of where the values came from. */
function originOf(
  src: QuerySource,
  engine: SqlEngine,
  agg: Agg,
  plan: { x: AxisPlan; y: AxisPlan },
  rows: number,
  notes: readonly string[],
): string {
  const what =
    agg.fn === 'count' && src.value === undefined
      ? 'the number of rows'
      : `${agg.fn === 'quantile' ? (agg.q === 0.5 ? 'the median' : `the ${agg.q} quantile`) : AGG_WORDS[agg.fn]} of ${labelOf(src.value)}`;
  const axis = (a: 'x' | 'y') => {
    const p = plan[a];
    const name = src[a];
    if (p.kind !== 'bins') return name;
    const d = edgeDecimals(p.bins.width);
    return `bin of ${name} (${p.bins.n} of width ${p.bins.width.toFixed(d)} from ${p.bins.lo.toFixed(d)})`;
  };
  const filter = src.filter !== undefined ? `, where ${src.filter}` : '';
  const rest = notes.length ? `; ${notes.join('; ')}` : '';
  return `Aggregated by ${engine.dialect.engine} from ${engine.describe(src)}: ${what} for each ${axis('y')} in the rows and ${axis('x')} in the columns, over ${rows.toLocaleString('en-US')} rows${filter}${rest}.`;
}
