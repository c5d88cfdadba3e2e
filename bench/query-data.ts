/**
 * The long tables of the query benchmark (issue 19), written by DuckDB into bench/data/ when
 * missing: an evaluation log of N rows (model × task → score; 50 models, 200 tasks) and N
 * points of predictions against truths, as Parquet, and as CSV for pandas (Debian has no
 * pyarrow, so pandas cannot read the Parquet). Scores and coordinates come from DuckDB's
 * hash of the row number, so every run writes the same rows.
 */
import { existsSync } from 'node:fs';
import { DuckDBInstance } from '@duckdb/node-api';
import { DATA } from './data.ts';

/** The files for n rows: evals-N.{parquet,csv} and points-N.{parquet,csv}. */
export function queryFiles(n: number) {
  const tag = n >= 1e8 ? '1e8' : n >= 1e7 ? '1e7' : '1e6';
  return {
    evals: `${DATA}evals-${tag}.parquet`,
    evalsCsv: `${DATA}evals-${tag}.csv`,
    points: `${DATA}points-${tag}.parquet`,
    pointsCsv: `${DATA}points-${tag}.csv`,
  };
}

export async function writeQueryData(n: number, csv: boolean): Promise<ReturnType<typeof queryFiles>> {
  const f = queryFiles(n);
  const db = await DuckDBInstance.create(':memory:');
  const c = await db.connect();
  const evals = `SELECT 'model-' || lpad(CAST(i % 50 AS VARCHAR), 2, '0') AS model, 'task-' || lpad(CAST((i // 50) % 200 AS VARCHAR), 3, '0') AS task, round(((hash(i) % 1000) / 1000.0) * 0.6 + (i % 50) / 125.0, 3) AS score FROM range(${n}) t(i)`;
  const points = `SELECT round(t, 4) AS truth, round(0.8 * t + 0.25 * ((hash(i * 7 + 1) % 100000) / 100000.0 - 0.5) + 0.1, 4) AS pred FROM (SELECT i, (hash(i * 3) % 100000) / 100000.0 + (hash(i * 5) % 100000) / 100000.0 AS t FROM range(${n}) r(i))`;
  if (!existsSync(f.evals)) await c.run(`COPY (${evals}) TO '${f.evals}' (FORMAT parquet)`);
  if (!existsSync(f.points)) await c.run(`COPY (${points}) TO '${f.points}' (FORMAT parquet)`);
  if (csv && !existsSync(f.evalsCsv)) await c.run(`COPY (SELECT * FROM '${f.evals}') TO '${f.evalsCsv}' (HEADER)`);
  if (csv && !existsSync(f.pointsCsv)) await c.run(`COPY (SELECT * FROM '${f.points}') TO '${f.pointsCsv}' (HEADER)`);
  c.closeSync();
  db.closeSync();
  return f;
}
