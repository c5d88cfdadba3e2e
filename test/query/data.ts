/**
 * The long table the query tests aggregate, the same rows for DuckDB and ClickHouse: an
 * evaluation log (model × task → score, with a layer and two coordinates). Every number has
 * three decimals, so that any engine's parser reads it as the same double. Task frequencies
 * differ (task k has 2k + 1 rows in every 1,600), so "the most frequent" is well defined.
 */
import { writeFileSync } from 'node:fs';
import { DuckDBInstance } from '@duckdb/node-api';

export interface Row {
  id: number;
  model: string;
  task: string;
  layer: number;
  score: number;
  x: number;
  y: number;
}

export function rows(n: number): Row[] {
  return Array.from({ length: n }, (_, id) => ({
    id,
    model: `m${id % 7}`,
    task: `t${Math.min(39, Math.floor(Math.sqrt(id % 1600)))}`,
    layer: id % 12,
    score: ((id * 7919) % 1000) / 1000 + (id % 7) * 0.125,
    x: ((id * 104729) % 10000) / 1000,
    y: (((id * 1299709) % 10000) / 1000) * (1 + (id % 3)),
  }));
}

export const ndjson = (rs: readonly Row[]) => `${rs.map((r) => JSON.stringify(r)).join('\n')}\n`;

/** The rows as a Parquet file written by DuckDB (and as NDJSON and CSV beside it). */
export async function writeFiles(dir: string, rs: readonly Row[]): Promise<void> {
  writeFileSync(`${dir}/ev.ndjson`, ndjson(rs));
  writeFileSync(
    `${dir}/ev.csv`,
    `id,model,task,layer,score,x,y\n${rs.map((r) => `${r.id},${r.model},${r.task},${r.layer},${r.score},${r.x},${r.y}`).join('\n')}\n`,
  );
  const db = await DuckDBInstance.create(':memory:');
  const c = await db.connect();
  await c.run(
    `COPY (SELECT * FROM read_json('${dir}/ev.ndjson', format = 'newline_delimited', columns = {id: 'BIGINT', model: 'VARCHAR', task: 'VARCHAR', layer: 'BIGINT', score: 'DOUBLE', x: 'DOUBLE', y: 'DOUBLE'}) ORDER BY id) TO '${dir}/ev.parquet' (FORMAT parquet)`,
  );
  c.closeSync();
  db.closeSync();
}

/** The rows in ClickHouse's RowBinary format (Int64, String, Int64, Float64 … little-endian). */
export function rowBinary(rs: readonly Row[]): Uint8Array {
  const parts: Buffer[] = [];
  const str = (t: string) => {
    const b = Buffer.from(t, 'utf8');
    if (b.length > 127) throw new Error('rowBinary: strings under 128 bytes only');
    return Buffer.concat([Buffer.from([b.length]), b]);
  };
  const f64 = (x: number) => {
    const b = Buffer.alloc(8);
    b.writeDoubleLE(x);
    return b;
  };
  const i64 = (x: number) => {
    const b = Buffer.alloc(8);
    b.writeBigInt64LE(BigInt(x));
    return b;
  };
  for (const r of rs)
    parts.push(
      i64(r.id),
      str(r.model),
      str(r.task),
      i64(r.layer),
      f64(r.score),
      f64(r.x),
      f64(r.y),
    );
  return new Uint8Array(Buffer.concat(parts));
}
