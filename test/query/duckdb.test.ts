/**
 * Long data aggregated by DuckDB, checked against what pandas and numpy make of the same
 * file (test/fixtures/query: a long evaluation log written by pandas, and pivot_table's and
 * histogram2d's answers, by scripts/make-query-fixtures.py): every aggregate, every file
 * format heatfig hands DuckDB, globs and SQL, bins, top categories, and each refusal in one
 * line. Then the figure, its description, and the command line, as users run them.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { before, describe, it } from 'node:test';
import { gzipSync } from 'node:zlib';
import { DuckDBInstance } from '@duckdb/node-api';
import { Table, tableFromArrays, tableToIPC } from 'apache-arrow';
import type { Grid } from '../../src/data/grid.ts';
import { checkClaims } from '../../src/describe/check.ts';
import { queryData } from '../../src/io/query-data.ts';
import { describeFile, duckdb, renderSpec, type SqlEngine } from '../../src/node.ts';
import type { Spec } from '../../src/spec/spec-type.ts';
import { ROOT, tempDir } from '../helpers.ts';

const FIX = join(ROOT, 'test/fixtures/query');
const dir = tempDir('heatfig-duckdb-');
type Pivot = { rows: string[]; cols: string[]; values: (number | null)[][] };
const expected = JSON.parse(readFileSync(join(FIX, 'expected.json'), 'utf8')) as Record<
  string,
  Pivot
> & {
  hist: { width: number; xlo: number; ylo: number; counts: number[][] };
};

before(async () => {
  copyFileSync(join(FIX, 'evals.csv'), join(dir, 'evals.csv'));
  writeFileSync(join(dir, 'evals.csv.gz'), gzipSync(readFileSync(join(FIX, 'evals.csv'))));
  const db = await DuckDBInstance.create(':memory:');
  const c = await db.connect();
  const csv = `read_csv('${dir}/evals.csv', header = true)`;
  await c.run(`COPY (SELECT * FROM ${csv}) TO '${dir}/evals.parquet' (FORMAT parquet)`);
  await c.run(`COPY (SELECT * FROM ${csv}) TO '${dir}/evals.ndjson' (FORMAT json)`);
  // The same rows in two parts, for a glob.
  for (const [i, w] of [
    [1, 'seed < 2'],
    [2, 'seed >= 2'],
  ] as const)
    await c.run(
      `COPY (SELECT * FROM ${csv} WHERE ${w}) TO '${dir}/part-${i}.parquet' (FORMAT parquet)`,
    );
  c.closeSync();
  db.closeSync();
  // The same rows as an Arrow IPC file, written by Apache Arrow's JavaScript library in two
  // record batches (pyarrow, which pandas writes Feather with, is not in Debian 12).
  const lines = readFileSync(join(FIX, 'evals.csv'), 'utf8').trim().split('\n').slice(1);
  const cells = lines.map((l) => l.split(','));
  const text = (i: number) => cells.map((r) => r[i] || null);
  const num = (i: number) => cells.map((r) => (r[i] === '' ? null : Number(r[i])));
  const table = tableFromArrays({
    model: text(0),
    task: text(1),
    seed: Int32Array.from(cells, (r) => Number(r[2])),
    score: num(3),
    pred: num(4),
    truth: num(5),
  });
  const half = Math.floor(table.numRows / 2);
  const two = new Table([...table.slice(0, half).batches, ...table.slice(half).batches]);
  writeFileSync(join(dir, 'evals.arrow'), tableToIPC(two, 'file'));
});

async function gridOf(data: Record<string, unknown>, maxCells?: number): Promise<Grid> {
  const spec = { data } as Spec;
  const load = await queryData(spec, {
    source: join(dir, 'spec.json'),
    ...(maxCells ? { maxCells } : {}),
  });
  return load!(spec.data as never, '$.data');
}

/** Every cell pandas has is heatfig's (to `tol`, relative); every other cell of heatfig's is missing. */
function assertPivot(g: Grid, p: Pivot, tol: number, none: number | null = null) {
  const rows = g.panels[0]!.rowLabels;
  for (const r of p.rows) assert.ok(rows.includes(r), `row ${r}`);
  for (const c of p.cols) assert.ok(g.colLabels.includes(c), `column ${c}`);
  rows.forEach((r, i) => {
    g.colLabels.forEach((c, j) => {
      const got = g.panels[0]!.values[i * g.cols + j]!;
      const pi = p.rows.indexOf(r);
      const pj = p.cols.indexOf(c);
      const want = (pi < 0 || pj < 0 ? null : p.values[pi]![pj]!) ?? none;
      if (want === null) assert.ok(Number.isNaN(got), `${r}/${c}: ${got}, pandas has none`);
      else
        assert.ok(
          Math.abs(got - want) <= tol * Math.abs(want),
          `${r}/${c}: ${got} ≠ pandas ${want}`,
        );
    });
  });
}

describe('DuckDB aggregates as pandas pivot_table does', () => {
  for (const agg of ['mean', 'sum', 'count', 'min', 'max', 'median', 'std', 'quantile(0.9)'])
    it(agg, async () => {
      const g = await gridOf({ file: 'evals.parquet', x: 'task', y: 'model', value: 'score', agg });
      // Compensated sums against pandas' pairwise ones; std and quantiles in other orders.
      // A count of no rows is 0 (pandas' pivot_table leaves the cell out).
      assertPivot(
        g,
        expected[agg]!,
        ['min', 'max', 'count'].includes(agg) ? 0 : 1e-12,
        agg === 'count' ? 0 : null,
      );
    });

  it('counts rows without a value column, with 0 where there are none', async () => {
    const g = await gridOf({ file: 'evals.parquet', x: 'task', y: 'model' });
    assertPivot(g, expected['rows']!, 0);
  });

  it('bins as numpy.histogram2d does over the same edges, the highest bin at the top', async () => {
    const g = await gridOf({
      file: 'evals.parquet',
      x: 'pred',
      y: 'truth',
      bins: { x: { width: 0.5 }, y: { width: 0.5 } },
    });
    const h = expected.hist;
    assert.equal(g.colLabels[0], h.xlo.toFixed(1));
    assert.equal(g.panels[0]!.rowLabels.at(-1), h.ylo.toFixed(1));
    const R = h.counts.length;
    const C = h.counts[0]!.length;
    assert.equal(g.cols, C);
    assert.equal(g.panels[0]!.rows, R);
    for (let r = 0; r < R; r++)
      for (let c = 0; c < C; c++)
        assert.equal(g.panels[0]!.values[(R - 1 - r) * C + c], h.counts[r]![c], `bin ${r}, ${c}`);
  });
});

describe('bins', () => {
  it('leave out NULL and NaN, and hold the largest value in the last bin', async () => {
    const g = await gridOf({
      sql: "SELECT * FROM (VALUES (1.0, 0.5), (CAST('nan' AS DOUBLE), 0.2), (NULL, 0.3), (2.0, 0.9), (1.5, CAST('nan' AS DOUBLE))) t(a, b)",
      x: 'a',
      y: 'b',
      bins: { x: 2, y: 1 },
    });
    assert.deepEqual(g.colLabels, ['1.0', '1.5', '2.0']);
    assert.equal(g.panels[0]!.rowLabels.length, 1);
    assert.deepEqual([...g.panels[0]!.values], [1, 0, 1]);
    assert.match(g.origin!, /over 2 rows/);
  });
});

describe('DuckDB reads', () => {
  it('Parquet, CSV, gzipped CSV, NDJSON, a glob of Parquet files and Arrow IPC alike', async () => {
    const q = { x: 'task', y: 'model', value: 'score', agg: 'median' };
    const want = await gridOf({ file: 'evals.parquet', ...q });
    for (const file of [
      'evals.csv',
      'evals.csv.gz',
      'evals.ndjson',
      'part-*.parquet',
      'evals.arrow',
    ]) {
      const g = await gridOf({ file, ...q });
      assert.deepEqual(g.colLabels, want.colLabels, file);
      assert.deepEqual([...g.panels[0]!.values], [...want.panels[0]!.values], file);
    }
  });

  it('a SELECT over files named relative to the spec, as a filter would', async () => {
    const a = await gridOf({
      sql: "SELECT * FROM 'evals.parquet' WHERE seed < 3",
      x: 'task',
      y: 'model',
      value: 'score',
    });
    const b = await gridOf({
      file: 'evals.parquet',
      filter: 'seed < 3',
      x: 'task',
      y: 'model',
      value: 'score',
    });
    assert.deepEqual([...a.panels[0]!.values], [...b.panels[0]!.values]);
  });

  it('the k most frequent categories, the rest as "other" (its count is theirs) or left out', async () => {
    const g = await gridOf({
      file: 'evals.parquet',
      x: 'task',
      y: 'model',
      top: { x: 5, rest: 'other' },
    });
    assert.equal(g.cols, 6);
    assert.equal(g.colLabels.at(-1), 'other');
    const all = expected['rows']!;
    const kept = g.colLabels.slice(0, 5);
    // The five tasks with the most rows in pandas' count (ties by name).
    const totals = all.cols.map(
      (c, j) => [c, all.values.reduce((s, row) => s + row[j]!, 0)] as const,
    );
    totals.sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
    assert.deepEqual(
      [...kept].sort(),
      totals
        .slice(0, 5)
        .map(([c]) => c)
        .sort(),
    );
    g.panels[0]!.rowLabels.forEach((r, i) => {
      const pr = all.values[all.rows.indexOf(r)]!;
      const rest = all.cols.reduce((s, c, j) => (kept.includes(c) ? s : s + pr[j]!), 0);
      assert.equal(g.panels[0]!.values[i * 6 + 5], rest, r);
    });
    assert.deepEqual(g.notes, [
      '19 "task" categories beyond the 5 most frequent are grouped as "other"',
    ]);
    const d = await gridOf({
      file: 'evals.parquet',
      x: 'task',
      y: 'model',
      top: { x: 5, rest: 'drop' },
    });
    assert.deepEqual(d.colLabels, kept);
    assert.match(d.notes![0]!, /are left out$/);
  });
});

describe('an engine of your own', () => {
  it('is a dialect and a query function, found by the name the spec gives it', async () => {
    const db = await DuckDBInstance.create(':memory:');
    const c = await db.connect();
    await c.run(`CREATE TABLE evals AS SELECT * FROM read_csv('${dir}/evals.csv', header = true)`);
    const sent: string[] = [];
    const engine: SqlEngine = {
      dialect: { ...duckdb, engine: 'MyEngine' },
      relation: async (src) => src.table!,
      columns: async () => null,
      query: async (sql) => {
        sent.push(sql);
        return (await c.runAndReadAll(sql)).getRowObjectsJS();
      },
      describe: (src) => `the table ${src.table}`,
    };
    const spec = {
      data: {
        engine: 'mine://evals',
        table: 'evals',
        x: 'task',
        y: 'model',
        value: 'score',
        agg: 'median',
      },
    } as Spec;
    const loadQuery = await queryData(spec, { engines: { 'mine://evals': engine } });
    const d = describeFile(spec, { loadQuery });
    assert.equal(sent.length, 1);
    assert.match(
      d.description.markdown,
      /Aggregated by MyEngine from the table evals: the median of score/,
    );
    assertPivot(d.figure.grid, expected['median']!, 1e-12);
    c.closeSync();
    db.closeSync();
  });
});

describe('refusals, each in one line naming where', () => {
  const cases: [string, Record<string, unknown>, RegExp][] = [
    [
      'a missing column',
      { file: 'evals.parquet', x: 'task', y: 'modle' },
      /\$\.data\.y: no column named "modle"; the columns are "model", "task", "seed"/,
    ],
    [
      'a missing file',
      { file: 'nope-*.parquet', x: 'a', y: 'b' },
      /\$\.data: DuckDB: IO Error: No files found that match the pattern/,
    ],
    [
      'two sources',
      { file: 'evals.parquet', table: 't', x: 'a', y: 'b' },
      /\$\.data: a query reads more than one source; give exactly one of "file", "table" or "sql"/,
    ],
    ['no source', { engine: 'duckdb', x: 'a', y: 'b' }, /\$\.data: a query reads nothing/],
    [
      'a second statement',
      { sql: "SELECT * FROM 'evals.parquet'; DROP TABLE x", x: 'task', y: 'model' },
      /\$\.data\.sql: the SQL must be one read-only SELECT/,
    ],
    [
      'a statement that writes',
      { sql: "COPY (SELECT 1) TO 'x.csv'", x: 'task', y: 'model' },
      /\$\.data\.sql: the SQL must be one read-only SELECT/,
    ],
    [
      'a filter that ends the query',
      { file: 'evals.parquet', filter: '1=1) ; DROP TABLE x; --', x: 'task', y: 'model' },
      /\$\.data: the SQL must be one read-only SELECT/,
    ],
    [
      'more categories than top',
      { file: 'evals.parquet', x: 'task', y: 'model', top: { x: 5 } },
      /\$\.data\.top\.x: "task" has more than 5 categories \(top\.x\); keep them all, or group the rest/,
    ],
    [
      'bins of text',
      { file: 'evals.parquet', x: 'model', y: 'task', bins: { x: 10 } },
      /\$\.data: DuckDB: /,
    ],
    [
      'bins too narrow',
      { file: 'evals.parquet', x: 'pred', y: 'model', bins: { x: { width: 1e-6 } } },
      /\$\.data\.bins\.x: bins\.x of that width make [\d,]+ bins, more than 10,000/,
    ],
    [
      'an unknown engine',
      { engine: 'postgres://db', table: 't', x: 'a', y: 'b' },
      /\$\.data\.engine: unknown engine "postgres:\/\/db"/,
    ],
    [
      'ClickHouse with a file',
      { engine: 'clickhouse://127.0.0.1:1/db', file: 'evals.parquet', x: 'a', y: 'b' },
      /\$\.data\.file: ClickHouse reads a "table" or "sql", not files/,
    ],
    [
      'a server that is not there',
      { engine: 'clickhouse://u:secret@127.0.0.1:1/db', table: 't', x: 'a', y: 'b' },
      /\$\.data\.engine: cannot reach ClickHouse at clickhouse:\/\/127\.0\.0\.1:1\/db \(ECONNREFUSED\)/,
    ],
    [
      'an aggregate without values',
      { file: 'evals.parquet', x: 'task', y: 'model', agg: 'std' },
      /\$\.data\.value: agg "std" needs the column of values/,
    ],
  ];
  // Checked before anything is sent: an option goes into the SQL.
  cases.push(
    [
      'an option of the wrong type, before any SQL',
      { file: 'evals.parquet', x: 'task', y: 'model', top: { x: 'five' } },
      /\$\.data\.top\.x: expected number, got "five"/,
    ],
    [
      'a misspelt option, with the near one named',
      { file: 'evals.parquet', x: 'task', y: 'model', toop: { x: 5 } },
      /\$\.data: "toop" is not an option; did you mean "top"\?/,
    ],
    [
      'options of a file read whole beside a query’s',
      { file: 'evals.csv', sep: ';', x: 'task', y: 'model', bins: { x: 5 } },
      /\$\.data: "bins" is an option of another form of this value than its other keys make/,
    ],
  );
  for (const [what, data, re] of cases)
    it(what, async () => {
      await assert.rejects(gridOf(data), (e: Error) => {
        assert.match(e.message, re);
        assert.ok(!e.message.includes('\n'), e.message);
        assert.ok(!e.message.includes('secret'), 'the password is never shown');
        return e.name === 'HeatfigError';
      });
    });

  it('more cells than the bound, refused from the LIMIT + 1 rows', async () => {
    await assert.rejects(gridOf({ file: 'evals.parquet', x: 'task', y: 'model' }, 100), {
      message:
        /\$\.data: the aggregation returns more than 100 cells; keep the most frequent categories \("top"\)/,
    });
  });
});

describe('the figure of an aggregation', () => {
  const spec = {
    title: 'Scores',
    data: {
      file: 'evals.parquet',
      x: 'task',
      y: 'model',
      value: 'score',
      agg: 'mean',
      top: { x: 8, rest: 'other' },
    },
  } as Spec;

  it('is described with where its values came from, and every claim checks', async () => {
    const source = join(dir, 'spec.json');
    const loadQuery = await queryData(spec, { source });
    const d = describeFile(spec, { source, loadQuery });
    assert.match(
      d.description.markdown,
      /- \*\*Data\*\*: Aggregated by DuckDB from evals\.parquet: the mean of score for each model in the rows and task in the columns, over 2,998 rows; 16 "task" categories beyond the 8 most frequent are grouped as "other"\./,
    );
    assert.deepEqual(checkClaims(d.figure.grid, d.description.claims), { failures: [], ok: true });
    assert.ok(d.warnings.some((w) => /16 "task" categories beyond the 8 most frequent/.test(w)));
  });

  it('is the same bytes every time', async () => {
    const source = join(dir, 'spec.json');
    const svg = async () =>
      renderSpec(spec, { source, loadQuery: await queryData(spec, { source }) }).output;
    assert.equal(await svg(), await svg());
  });
});

describe('heatfig with an engine, on the command line', () => {
  const BIN = join(ROOT, 'bin/heatfig.cjs');
  const run = (...args: string[]) =>
    spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', cwd: dir });

  it('renders a Parquet file from the flags, and --verbose shows the SQL', () => {
    const r = run(
      'render',
      'evals.parquet',
      '--x',
      'task',
      '--y',
      'model',
      '--value',
      'score',
      '--agg',
      'median',
      '-o',
      'median.png',
      '-v',
    );
    assert.equal(r.status, 0, r.stderr);
    assert.match(
      r.stderr,
      /heatfig: DuckDB: SELECT "model" AS hf_y, "task" AS hf_x, quantile_cont\("score", 0\.5\)/,
    );
    assert.ok(readFileSync(join(dir, 'median.png')).length > 1000);
  });

  it('heatfig sql prints every statement a spec sends', () => {
    writeFileSync(
      join(dir, 'density.json'),
      JSON.stringify({
        data: { file: 'evals.parquet', x: 'pred', y: 'truth', bins: { x: 20, y: 20 } },
      }),
    );
    const r = run('sql', 'density.json');
    assert.equal(r.status, 0, r.stderr);
    const lines = r.stdout.trim().split('\n');
    // One look at both axes' spans (Parquet's statistics answer it), then the GROUP BY.
    assert.equal(lines.length, 2);
    assert.match(
      lines[0]!,
      /^SELECT min\("pred"\) AS x_lo, max\("pred"\) AS x_hi, min\("truth"\) AS y_lo, max\("truth"\) AS y_hi FROM read_parquet\('.*evals\.parquet'\);$/,
    );
    assert.match(
      lines[1]!,
      / AS hf_x, count\(\*\) AS hf_v, count\(\*\) AS hf_n FROM .* WHERE "pred" BETWEEN .* GROUP BY hf_y, hf_x LIMIT 4000001;$/,
    );
  });

  it('names the flag of a wrong option, in one line, exit 2', () => {
    const r = run(
      'render',
      'evals.parquet',
      '--x',
      'task',
      '--y',
      'model',
      '--value',
      'scor',
      '-o',
      'x.png',
    );
    assert.equal(r.status, 2);
    assert.equal(
      r.stderr,
      'heatfig: error: --value: no column named "scor"; the columns are "model", "task", "seed", "score", "pred", "truth"\n',
    );
    const a = run(
      'render',
      'evals.parquet',
      '--x',
      'task',
      '--y',
      'model',
      '--agg',
      'quantile(2)',
      '-o',
      'x.png',
    );
    assert.equal(a.status, 2);
    assert.match(a.stderr, /^heatfig: error: --agg: "quantile\(2\)" is not an aggregate/);
  });
});
