import type { DataSource } from './spec-type.ts';

/** Long data aggregated by a SQL engine: a spec's `data` with x and y (and no inline values). */
export type QuerySource = Extract<
  Exclude<DataSource, string | readonly unknown[]>,
  { readonly x: string; readonly y: string }
>;

/** Files only an engine reads: Parquet, NDJSON, Arrow IPC, compressed text, or a glob of files. */
const ENGINE_FILE = /\.(parquet|ndjson|jsonl|gz|arrow|feather|ipc)$|[*?[]/i;
/** What the in-memory pivot of a CSV file can combine. */
const FILE_AGGS = new Set(['mean', 'sum', 'min', 'max', 'count', 'first']);

/**
 * Whether a data source is a query (handed to a SQL engine) rather than a file read whole:
 * it names an engine, a table or SQL, asks for bins, a filter, top categories or an
 * aggregate only an engine computes, or its file is one only an engine reads.
 */
export function isQuerySource(src: DataSource): src is QuerySource {
  if (typeof src !== 'object' || Array.isArray(src) || 'values' in src) return false;
  const s = src as Record<string, unknown>;
  if (['engine', 'table', 'sql', 'bins', 'filter', 'top'].some((k) => k in s)) return true;
  if (typeof s['agg'] === 'string' && !FILE_AGGS.has(s['agg'])) return true;
  if (['parquet', 'ndjson', 'arrow'].includes(s['format'] as string)) return true;
  return typeof s['file'] === 'string' && ENGINE_FILE.test(s['file']);
}
