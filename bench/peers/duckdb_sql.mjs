// DuckDB alone: the statements heatfig sends (one per line, as `heatfig sql` prints them), run
// in order by @duckdb/node-api in a process of its own, every row read. The floor of the
// long-data cases: heatfig's time beyond it is its own.
import { readFileSync } from 'node:fs';
import { DuckDBInstance } from '@duckdb/node-api';

const statements = readFileSync(process.argv[2], 'utf8').split(';\n').filter((s) => s.trim());
const db = await DuckDBInstance.create(':memory:');
const c = await db.connect();
let rows = 0;
for (const s of statements) rows += (await c.runAndReadAll(s)).getRowObjectsJS().length;
if (!rows) throw new Error('no rows');
