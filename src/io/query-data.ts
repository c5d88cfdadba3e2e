/**
 * The query sources of a spec sent to their engines before the (synchronous) pipeline runs:
 * each engine opened once, every statement logged if asked, every engine closed, also when a
 * query fails. The grids come back as a QueryLoader for render and describe.
 */
import { dirname } from 'node:path';
import type { Grid } from '../data/grid.ts';
import type { QueryLoader } from '../figure/grid-from-spec.ts';
import { QUERY_MAX_CELLS, queryGrid, type SqlEngine } from '../query/run.ts';
import { isQuerySource, type QuerySource } from '../spec/query-source.ts';
import type { Spec } from '../spec/spec-type.ts';
import { validateSpec } from '../spec/validate.ts';
import { type OpenEngine, openEngine } from './engines.ts';

export interface QueryDataOptions {
  /** The spec's file: files and SQL name files relative to its folder, errors name it. */
  readonly source?: string | null;
  /** Told each SQL statement before it is sent (heatfig's --verbose and `heatfig sql`). */
  readonly log?: (sql: string, engine: string) => void;
  /** The most cells a query may return. Default 4,000,000. */
  readonly maxCells?: number;
  /**
   * Engines of your own, by the name a spec's `engine` gives: a dialect and a query function
   * (see SqlEngine), for a SQL engine heatfig has no adapter for. Found before the built-in ones.
   */
  readonly engines?: Readonly<Record<string, SqlEngine>>;
}

/** The query sources of a spec, with their JSON paths: `data`, or each panel's. */
export function querySources(spec: Spec): { src: QuerySource; path: string }[] {
  const out: { src: QuerySource; path: string }[] = [];
  if (spec.data !== undefined && isQuerySource(spec.data))
    out.push({ src: spec.data, path: '$.data' });
  spec.panels?.forEach((p, i) => {
    if (isQuerySource(p.data)) out.push({ src: p.data, path: `$.panels[${i}].data` });
  });
  return out;
}

/**
 * Sends every query source of `spec` to its engine and returns the grids as a loader for
 * renderSpec / describeFile (their `loadQuery` option); null when the spec has none.
 */
export async function queryData(
  spec: Spec,
  options: QueryDataOptions = {},
): Promise<QueryLoader | null> {
  const source = options.source ?? null;
  // Checked before anything is sent: a query's options go into its SQL (render checks it again).
  const sources = querySources(validateSpec(spec, source));
  if (!sources.length) return null;
  const base = source ? dirname(source) : '.';
  const engines = new Map<string, OpenEngine>();
  const grids = new Map<string, Grid>();
  try {
    for (const { src, path } of sources) {
      const where = source ? `${source}: ${path}` : path;
      const key = src.engine ?? 'duckdb';
      let engine: SqlEngine | undefined = options.engines?.[key] ?? engines.get(key);
      if (!engine) {
        const opened = await openEngine(src.engine, base, where);
        engines.set(key, opened);
        engine = opened;
      }
      const name = engine.dialect.engine;
      const { grid } = await queryGrid(src, engine, {
        where,
        maxCells: options.maxCells ?? QUERY_MAX_CELLS,
        ...(options.log ? { log: (sql: string) => options.log!(sql, name) } : {}),
      });
      grids.set(path, grid);
    }
  } finally {
    for (const e of engines.values()) await e.close();
  }
  // The pipeline names a source by its JSON path (with the spec's file before it).
  return (_src, where) => grids.get(where.replace(/^.*: (?=\$)/, ''))!;
}
