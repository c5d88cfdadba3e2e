/** Time to describe a 1000×1000 grid in process (median of 5 after a warm-up). */
import { describe } from '../src/describe/describe.ts';
import { resolveSpec } from '../src/figure/resolve.ts';

const n = 1000;
const values = new Float64Array(n * n);
let s = 7;
for (let i = 0; i < values.length; i++) {
  s = (Math.imul(s, 1103515245) + 12345) | 0;
  values[i] = ((s >>> 8) & 0xffff) / 65536 + Math.sin(i / 5000);
}
const labels = Array.from({ length: n }, (_, i) => String(i));
const figure = resolveSpec({ data: [[0]] }, { cols: n, colLabels: labels, panels: [{ title: null, rows: n, rowLabels: labels, values }] });
const times: number[] = [];
for (let k = 0; k < 6; k++) {
  const t0 = performance.now();
  describe(figure);
  if (k > 0) times.push(performance.now() - t0);
}
times.sort((a, b) => a - b);
console.log(`A 1000×1000 grid is described in ${(times[2]! / 1000).toFixed(3)} s (median of 5, in process).`);
