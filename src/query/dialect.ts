/**
 * How a SQL engine spells what heatfig asks of it. The aggregation is generated once
 * (plan.ts) and spelled per engine here: identifiers, literals, the aggregates, the bin of a
 * value. Adding an engine is a Dialect plus a `query(sql) → rows` function (io/engines.ts).
 */

/** An aggregate of the value column: its name, and q for quantile (median is q 0.5). */
export type Agg =
  | { readonly fn: 'mean' | 'sum' | 'count' | 'min' | 'max' | 'std' }
  | { readonly fn: 'quantile'; readonly q: number };

export interface Dialect {
  /** The engine's name, as the description says it: "DuckDB", "ClickHouse". */
  readonly engine: string;
  /** A column or table name, quoted. */
  ident(name: string): string;
  /** A string literal. */
  str(text: string): string;
  /** A double literal that the engine reads back as exactly this double. */
  num(x: number): string;
  /** The aggregate of `value` (a quoted column), or of the rows for count without a value. */
  agg(a: Agg, value: string | null): string;
  /** The 0-based bin of `expr` among `n` bins of `width` from `lo` (clamped to the last bin). */
  bin(expr: string, lo: number, width: number, n: number): string;
  /** The smallest and the largest number (not NaN) of a column: the span of its bins. */
  minNumber(expr: string): string;
  maxNumber(expr: string): string;
}

/** The shortest text that reads back as x (JavaScript's), for a finite double. */
const repr = (x: number) => (Object.is(x, -0) ? '0' : String(x));

/** A dotted table name, each part quoted: `db.events` → "db"."events". */
export const dotted = (d: Dialect, name: string) =>
  name
    .split('.')
    .map((p) => d.ident(p))
    .join('.');

export const duckdb: Dialect = {
  engine: 'DuckDB',
  ident: (name) => `"${name.replace(/"/g, '""')}"`,
  str: (text) => `'${text.replace(/'/g, "''")}'`,
  // A bare 0.1 is a DECIMAL to DuckDB; a string cast is read by its correctly rounding parser.
  num: (x) => `CAST('${repr(x)}' AS DOUBLE)`,
  agg(a, v) {
    if (a.fn === 'count') return v ? `count(${v})` : 'count(*)';
    if (a.fn === 'quantile') return `quantile_cont(${v}, ${a.q})`;
    // Compensated sums (Kahan–Babuška): the correctly rounded sum whatever order the threads
    // add in, so the same data gives the same bytes on any number of cores.
    if (a.fn === 'sum') return `fsum(CAST(${v} AS DOUBLE))`;
    if (a.fn === 'mean') return `fsum(CAST(${v} AS DOUBLE)) / count(${v})`;
    const fn = { min: 'min', max: 'max', std: 'stddev_samp' }[a.fn];
    return `${fn}(${v})`;
  },
  bin: (e, lo, w, n) =>
    `least(${n - 1}, CAST(floor((CAST(${e} AS DOUBLE) - ${duckdb.num(lo)}) / ${duckdb.num(w)}) AS BIGINT))`,
  minNumber: (e) => `min(${e}) FILTER (WHERE NOT isnan(CAST(${e} AS DOUBLE)))`,
  maxNumber: (e) => `max(${e}) FILTER (WHERE NOT isnan(CAST(${e} AS DOUBLE)))`,
};

/**
 * ClickHouse, as far back as Debian's 18.16: its exact quantile interpolates as numpy and
 * DuckDB do (quantileExact does not), from the sorted values of the group.
 */
export const clickhouse: Dialect = {
  engine: 'ClickHouse',
  ident: (name) => `\`${name.replace(/\\/g, '\\\\').replace(/`/g, '\\`')}\``,
  str: (text) => `'${text.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`,
  // A numeric literal is parsed as Float64 by strtod, which rounds correctly.
  num: (x) => `toFloat64(${repr(x)})`,
  agg(a, v) {
    if (a.fn === 'count') return v ? `count(${v})` : 'count()';
    if (a.fn === 'quantile') {
      // numpy's linear interpolation: p = q (n − 1), s[lo] + (p − lo) (s[hi] − s[lo]).
      const s = `arraySort(groupArray(toFloat64(${v})))`;
      const n = `length(${s})`;
      const p = `(${n} - 1) * ${a.q}`;
      const lo = `toUInt64(floor(${p}))`;
      const hi = `toUInt64(ceil(${p}))`;
      return `if(${n} = 0, nan, if(${lo} = ${hi}, ${s}[${lo} + 1], ${s}[${lo} + 1] + (${s}[${hi} + 1] - ${s}[${lo} + 1]) * (${p} - ${lo})))`;
    }
    // Not sumKahan: Debian's 18.16 crashes merging its state from the shards of a cluster.
    if (a.fn === 'sum') return `sum(toFloat64(${v}))`;
    if (a.fn === 'mean') return `sum(toFloat64(${v})) / count(${v})`;
    const fn = { min: 'min', max: 'max', std: 'stddevSamp' }[a.fn];
    return `${fn}(${v})`;
  },
  bin: (e, lo, w, n) =>
    `least(${n - 1}, toInt64(floor((toFloat64(${e}) - ${clickhouse.num(lo)}) / ${clickhouse.num(w)})))`,
  minNumber: (e) => `minIf(${e}, NOT isNaN(toFloat64(${e})))`,
  maxNumber: (e) => `maxIf(${e}, NOT isNaN(toFloat64(${e})))`,
};
