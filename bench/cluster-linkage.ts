/**
 * heatfig's clustering alone, timed inside the process as bench/peers/scipy_linkage.py times
 * scipy's: `clusterAxis` (pdist, in WebAssembly as heatfig/node computes it, then linkage) on INPUT.npy's rows, the median of RUNS after a
 * warm-up; prints the seconds and the peak resident memory in MB of the first run.
 *
 *     node --import tsx bench/cluster-linkage.ts INPUT.npy METHOD METRIC RUNS
 */
import { readFileSync } from 'node:fs';
import { clusterAxis } from '../src/cluster/cluster.ts';
import type { Metric } from '../src/cluster/distance.ts';
import type { Method } from '../src/cluster/linkage.ts';
import { gridFromNpy } from '../src/data/npy.ts';
import { wasmEuclidean } from '../src/io/distances.ts';

const [file, method, metric, runs] = process.argv.slice(2) as [string, Method, Metric, string];
const grid = gridFromNpy(new Uint8Array(readFileSync(file)), file);
const p = grid.panels[0]!;
// As heatfig/node computes them: Euclidean distances in WebAssembly SIMD.
const euclidean = wasmEuclidean();
const times: number[] = [];
let peak = 0;
for (let k = 0; k <= Number(runs); k++) {
  const t0 = performance.now();
  clusterAxis(p.values, p.rows, grid.cols, { method, metric, euclidean }, 'rows', '$');
  if (k) times.push((performance.now() - t0) / 1000);
  // The peak of one clustering: after the first, before a later run's garbage adds to it.
  else peak = process.resourceUsage().maxRSS / 1024;
}
times.sort((a, b) => a - b);
console.log(times[times.length >> 1], peak);
