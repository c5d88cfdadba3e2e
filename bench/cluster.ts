/**
 * Clustered heatmaps (issue 18), beside seaborn's clustermap and scipy's linkage:
 * - c1: a 1000×1000 float64 .npy (10 groups of rows and noise), both axes clustered (average
 *   linkage of Euclidean distances), to PNG at one device pixel per px: the whole process,
 *   heatfig's CLI against bench/peers/seaborn_clustermap.py (target: ≥ 3× faster);
 * - c2: 5000×100 rows clustered, the clustering alone timed inside each process: heatfig's
 *   clusterAxis (bench/cluster-linkage.ts) against scipy's linkage
 *   (bench/peers/scipy_linkage.py), pdist included in both (target: within 2×), and heatfig's
 *   peak memory beside the condensed distances' 8·n(n − 1)/2 bytes.
 * The data are written by numpy, seeded, into bench/data/ when missing.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DATA } from './data.ts';

const ROOT = new URL('..', import.meta.url).pathname;
const PY = '/usr/bin/python3';
const node = process.execPath;

function generate(): void {
  if (existsSync(join(DATA, 'c1.npy')) && existsSync(join(DATA, 'c2.npy'))) return;
  execFileSync(PY, [
    '-c',
    `import numpy as np
rng = np.random.default_rng(18)
c = rng.normal(size=(10, 1000)); np.save('${DATA}c1.npy', c[rng.integers(0, 10, 1000)] + rng.normal(size=(1000, 1000)))
c = rng.normal(size=(20, 100)); np.save('${DATA}c2.npy', c[rng.integers(0, 20, 5000)] + rng.normal(size=(5000, 100)))`,
  ]);
}

const median = (v: number[]) => [...v].sort((a, b) => a - b)[v.length >> 1]!;

function wall(argv: string[], runs: number): { s: number; mb: number } {
  const s: number[] = [];
  let mb = 0;
  for (let k = 0; k <= runs; k++) {
    const t0 = process.hrtime.bigint();
    const r = spawnSync('/usr/bin/time', ['-f', '%M', ...argv], { encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`${argv.join(' ')}: ${r.stderr}`);
    if (k) s.push(Number(process.hrtime.bigint() - t0) / 1e9);
    mb = Math.max(mb, Number(r.stderr.trim().split('\n').pop()) / 1024);
  }
  return { s: median(s), mb };
}

export function benchCluster(out: string, runs: number): string {
  generate();
  readFileSync(join(DATA, 'c1.npy'));
  const hf = wall([node, join(ROOT, 'bin/heatfig.cjs'), 'render', join(DATA, 'c1.npy'), '--cluster', 'both', '--scale', '1', '-o', join(out, 'c1.png')], runs);
  const sns = wall([PY, join(ROOT, 'bench/peers/seaborn_clustermap.py'), join(DATA, 'c1.npy'), join(out, 'c1-sns.png')], runs);
  const ours = execFileSync(node, ['--import', 'tsx', join(ROOT, 'bench/cluster-linkage.ts'), join(DATA, 'c2.npy'), 'average', 'euclidean', String(runs)], { cwd: ROOT, encoding: 'utf8' }).trim().split(' ').map(Number) as [number, number];
  const scipy = Number(execFileSync(PY, [join(ROOT, 'bench/peers/scipy_linkage.py'), join(DATA, 'c2.npy'), 'average', 'euclidean', String(runs)], { encoding: 'utf8' }).trim());
  const condensed = (5000 * 4999 * 8) / 2 / 2 ** 20;
  const faster = sns.s / hf.s;
  const ratio = ours[0] / scipy;
  return `| case | heatfig | peer | ratio |
| --- | --- | --- | --- |
| c1 1000×1000, both axes, average/euclidean → PNG (whole process) | ${hf.s.toFixed(2)} s, ${Math.round(hf.mb)} MB | seaborn clustermap ${sns.s.toFixed(2)} s, ${Math.round(sns.mb)} MB | heatfig ${faster.toFixed(1)}× faster (target ≥ 3×: ${faster >= 3 ? 'met' : '**not met**'}) |
| c2 5000×100 rows, average/euclidean: pdist + linkage inside the process | ${ours[0].toFixed(2)} s, peak ${Math.round(ours[1])} MB (condensed distances ${Math.round(condensed)} MB) | scipy ${scipy.toFixed(2)} s | heatfig/scipy ${ratio.toFixed(2)} (target ≤ 2: ${ratio <= 2 ? 'met' : '**not met**'}) |`;
}
