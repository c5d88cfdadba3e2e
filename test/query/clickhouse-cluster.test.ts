/**
 * The same long data in DuckDB (a Parquet file) and in a ClickHouse cluster (a Distributed
 * table over three MergeTree shards, three servers on loopback) gives the same grid, for
 * every aggregate, bins, top categories and filters: counts, minima, maxima, sums and means
 * exactly (both engines sum with compensation), the sample deviation and quantiles to 1e-9.
 */
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Grid } from '../../src/data/grid.ts';
import { openEngine } from '../../src/io/engines.ts';
import { queryData } from '../../src/io/query-data.ts';
import type { Spec } from '../../src/spec/spec-type.ts';
import { tempDir } from '../helpers.ts';
import { CLICKHOUSE_SERVER, type Cluster, startCluster } from './clickhouse-cluster.ts';
import { rowBinary, rows, writeFiles } from './data.ts';

const skip = existsSync(CLICKHOUSE_SERVER)
  ? false
  : `${CLICKHOUSE_SERVER} is not installed (.ci/run installs Debian's clickhouse-server)`;
const N = 30_000;
const dir = tempDir('heatfig-clickhouse-');
let cluster: Cluster;

before(async () => {
  if (skip) return;
  const rs = rows(N);
  await writeFiles(dir, rs);
  cluster = await startCluster(join(dir, 'cluster'));
  const columns =
    'id Int64, model String, task String, layer Int64, score Float64, x Float64, y Float64';
  for (let s = 0; s < 3; s++) {
    await cluster.sql(s, `CREATE TABLE ev_local (${columns}) ENGINE = MergeTree ORDER BY id`);
    await cluster.sql(
      s,
      `CREATE TABLE ev (${columns}) ENGINE = Distributed(hf, default, ev_local)`,
    );
    // Shard s holds the rows whose id is s modulo 3, sent as binary (ClickHouse 18.16's text
    // parser reads 9.899 as 9.899000000000001; RowBinary carries the doubles themselves).
    await cluster.sql(
      s,
      'INSERT INTO ev_local FORMAT RowBinary',
      rowBinary(rs.filter((r) => r.id % 3 === s)),
    );
  }
});
after(async () => {
  await cluster?.stop();
});

/** The grid an engine makes of a query (the source given, the rest shared). */
async function gridOf(data: Record<string, unknown>): Promise<Grid> {
  const spec = { data } as Spec;
  const load = await queryData(spec, { source: join(dir, 'spec.json') });
  return load!(spec.data as never, '$.data');
}

const QUERIES: Record<string, unknown>[] = [
  { x: 'task', y: 'model', value: 'score' },
  { x: 'task', y: 'model', value: 'score', agg: 'sum' },
  { x: 'task', y: 'model' },
  { x: 'task', y: 'model', value: 'score', agg: 'min' },
  { x: 'task', y: 'model', value: 'x', agg: 'max' },
  { x: 'layer', y: 'model', value: 'score', agg: 'median' },
  { x: 'layer', y: 'model', value: 'score', agg: 'quantile(0.25)' },
  { x: 'layer', y: 'model', value: 'score', agg: 'std' },
  { x: 'x', y: 'y', bins: { x: 20, y: 15 } },
  { x: 'x', y: 'model', value: 'score', bins: { x: { width: 0.5 } } },
  { x: 'task', y: 'model', value: 'score', top: { x: 10, rest: 'other' } },
  { x: 'task', y: 'layer', value: 'score', top: { x: 5, y: 4, rest: 'drop' } },
  { x: 'task', y: 'model', value: 'score', filter: "layer < 6 AND model != 'm3'" },
];

describe('a ClickHouse cluster and DuckDB', { skip }, () => {
  it('hold the same rows: the Distributed table reads all three shards', async () => {
    const counts = await Promise.all(
      [0, 1, 2].map((s) => cluster.sql(s, 'SELECT count() FROM ev_local')),
    );
    assert.deepEqual(
      counts.map((c) => Number(c)),
      [10_000, 10_000, 10_000],
    );
    assert.equal(Number(await cluster.sql(1, 'SELECT count() FROM ev')), N);
  });

  for (const q of QUERIES)
    it(`give the same grid: ${JSON.stringify(q)}`, async () => {
      const url = cluster.urls[0]!.replace('http', 'clickhouse');
      const duck = await gridOf({ file: 'ev.parquet', ...q });
      const ch = await gridOf({ engine: `${url}/default`, table: 'ev', ...q });
      assert.deepEqual(ch.colLabels, duck.colLabels);
      assert.deepEqual(ch.panels[0]!.rowLabels, duck.panels[0]!.rowLabels);
      const a = duck.panels[0]!.values;
      const b = ch.panels[0]!.values;
      assert.equal(b.length, a.length);
      // ClickHouse sums plainly (its compensated sum crashes 18.16's cluster), DuckDB with
      // compensation; quantiles and deviations are computed in other orders.
      const exact = q['agg'] === undefined && q['value'] === undefined;
      const loose = !exact && !['min', 'max', 'count'].includes(String(q['agg']));
      let present = 0;
      for (let i = 0; i < a.length; i++) {
        if (Number.isNaN(a[i]!)) {
          assert.ok(Number.isNaN(b[i]!), `cell ${i}: DuckDB missing, ClickHouse ${b[i]}`);
          continue;
        }
        present++;
        if (loose)
          assert.ok(
            Math.abs(a[i]! - b[i]!) <= 1e-9 * Math.abs(a[i]!),
            `cell ${i}: ${a[i]} ≠ ${b[i]}`,
          );
        else assert.equal(b[i], a[i], `cell ${i}`);
      }
      assert.ok(present > 10, 'the grid has cells');
      // Both say how many rows they aggregated, and what was grouped or left out.
      const over = (g: Grid) => /over ([\d,]+) rows/.exec(g.origin ?? '')?.[1];
      assert.equal(over(ch), over(duck));
      assert.deepEqual(ch.notes, duck.notes);
    });

  it('refuse a missing column and writing SQL in one line each', async () => {
    const url = `${cluster.urls[0]!.replace('http', 'clickhouse')}/default`;
    await assert.rejects(gridOf({ engine: url, table: 'ev', x: 'task', y: 'modle' }), {
      message: /\$\.data\.y: no column named "modle"; the columns are "id", "model"/,
    });
    await assert.rejects(
      gridOf({
        engine: url,
        sql: 'INSERT INTO ev_local SELECT * FROM ev_local',
        x: 'task',
        y: 'model',
      }),
      { message: /ClickHouse: .*Syntax error/ },
    );
    // readonly=2: the server itself refuses anything but reading, whatever heatfig is sent.
    const engine = await openEngine(url, dir, '$.data');
    try {
      await assert.rejects(engine.query('DROP TABLE ev_local', '$.data'), {
        message: /^\$\.data: ClickHouse: .*readonly mode/,
      });
    } finally {
      await engine.close();
    }
    assert.equal(Number(await cluster.sql(0, 'SELECT count() FROM ev_local')), 10_000);
  });
});
