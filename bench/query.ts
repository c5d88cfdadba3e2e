/**
 * Long data aggregated by DuckDB (issue 19), as whole processes, beside DuckDB alone running
 * the same statements (bench/peers/duckdb_sql.mjs: the overhead is heatfig's) and pandas +
 * seaborn (bench/peers/pandas_pivot.py, reading the same rows as CSV):
 * - q1: an evaluation log of 10⁸ rows (50 models × 200 tasks), the mean score per cell → PNG;
 * - q2: 10⁸ points (truth, prediction) → a 2-D histogram of 500 × 462 bins → PNG;
 * - heatfig's peak memory for q1 at 10⁶, 10⁷ and 10⁸ rows (it should not grow with them).
 * Targets: heatfig ≤ 1.3× DuckDB alone, and ≥ 10× faster than pandas. The files are written
 * by DuckDB into bench/data/ when missing (the 10⁸-row CSVs take 4 GB and a few minutes).
 * pandas runs once: one run takes minutes.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { queryFiles, writeQueryData } from './query-data.ts';

const ROOT = new URL('..', import.meta.url).pathname;
const PY = '/usr/bin/python3';
const node = process.execPath;
const HEATFIG = join(ROOT, 'bin/heatfig.cjs');
const median = (v: number[]) => [...v].sort((a, b) => a - b)[v.length >> 1]!;

/** Median wall seconds of `runs` runs after a warm-up (or one run, with no warm-up, for runs 0), and the largest peak RSS in MB. */
function wall(argv: string[], runs: number): { s: number; mb: number } {
  const s: number[] = [];
  let mb = 0;
  for (let k = runs ? 0 : 1; k <= Math.max(1, runs); k++) {
    const t0 = process.hrtime.bigint();
    const r = spawnSync('/usr/bin/time', ['-f', '%M', ...argv], { encoding: 'utf8', maxBuffer: 1 << 26 });
    if (r.status !== 0) throw new Error(`${argv.join(' ')}: ${r.stderr}`);
    if (k) s.push(Number(process.hrtime.bigint() - t0) / 1e9);
    mb = Math.max(mb, Number(r.stderr.trim().split('\n').pop()) / 1024);
  }
  return { s: median(s), mb };
}

function spec(out: string, name: string, data: object): string {
  const path = join(out, `${name}.json`);
  writeFileSync(path, JSON.stringify({ title: name, data }));
  // The statements heatfig sends, for DuckDB alone to run.
  writeFileSync(join(out, `${name}.sql`), execFileSync(node, [HEATFIG, 'sql', path], { encoding: 'utf8' }));
  return path;
}

export async function benchQuery(out: string, runs: number): Promise<string> {
  const big = await writeQueryData(1e8, true);
  await writeQueryData(1e7, false);
  await writeQueryData(1e6, false);
  const cases = [
    {
      id: 'q1 eval log, 10⁸ rows, mean per model × task (50 × 200) → PNG',
      spec: spec(out, 'q1', { file: big.evals, x: 'task', y: 'model', value: 'score', agg: 'mean' }),
      pandas: [PY, join(ROOT, 'bench/peers/pandas_pivot.py'), 'evals', big.evalsCsv, join(out, 'q1-pandas.png')],
    },
    {
      id: 'q2 10⁸ points → 2-D histogram, 500 × 462 bins of width 0.004 → PNG',
      spec: spec(out, 'q2', { file: big.points, x: 'truth', y: 'pred', bins: { x: { width: 0.004 }, y: { width: 0.004 } } }),
      pandas: [PY, join(ROOT, 'bench/peers/pandas_pivot.py'), 'points', big.pointsCsv, join(out, 'q2-pandas.png'), '500'],
    },
  ];
  const rows: string[] = [];
  for (const c of cases) {
    const name = c.spec.replace(/\.json$/, '');
    // Alternating, round by round, so that neither runs on a quieter machine.
    const hf: { s: number; mb: number }[] = [];
    const duck: { s: number; mb: number }[] = [];
    for (let k = 0; k <= runs; k++) {
      const h = wall([node, HEATFIG, 'render', c.spec, '-o', `${name}.png`, '--scale', '1'], 0);
      const d = wall([node, join(ROOT, 'bench/peers/duckdb_sql.mjs'), `${name}.sql`], 0);
      if (k) {
        hf.push(h);
        duck.push(d);
      }
    }
    const h = { s: median(hf.map((x) => x.s)), mb: Math.max(...hf.map((x) => x.mb)) };
    const d = { s: median(duck.map((x) => x.s)), mb: Math.max(...duck.map((x) => x.mb)) };
    const p = wall(c.pandas, 0);
    const over = h.s / d.s;
    const faster = p.s / h.s;
    rows.push(
      `| ${c.id} | ${h.s.toFixed(2)} s, ${Math.round(h.mb)} MB | DuckDB alone ${d.s.toFixed(2)} s, ${Math.round(d.mb)} MB | pandas + seaborn ${p.s.toFixed(1)} s, ${Math.round(p.mb)} MB (one run) | ${over.toFixed(2)}× DuckDB alone (target ≤ 1.3: ${over <= 1.3 ? 'met' : '**not met**'}); ${faster.toFixed(0)}× faster than pandas (target ≥ 10: ${faster >= 10 ? 'met' : '**not met**'}) |`,
    );
    console.log(rows.at(-1));
  }
  const mem = [1e6, 1e7, 1e8].map((n) => {
    const s = spec(out, `m${n}`, { file: queryFiles(n).evals, x: 'task', y: 'model', value: 'score', agg: 'mean' });
    return wall([node, HEATFIG, 'render', s, '-o', join(out, `m${n}.png`), '--scale', '1'], 1);
  });
  rows.push(
    `| q1 at 10⁶ / 10⁷ / 10⁸ rows: heatfig's peak memory | ${mem.map((m) => `${Math.round(m.mb)} MB`).join(' / ')} (${mem.map((m) => `${m.s.toFixed(2)} s`).join(' / ')}) | | | independent of the rows: ${mem[2]!.mb <= 1.5 * mem[0]!.mb ? 'met' : '**not met**'} |`,
  );
  return `| case | heatfig | DuckDB alone | pandas + seaborn | ratio |
| --- | --- | --- | --- | --- |
${rows.join('\n')}`;
}

if (import.meta.url === `file://${process.argv[1]}`) console.log(await benchQuery(process.argv[2] ?? '/tmp', Number(process.env['BENCH_RUNS'] ?? 3)));
