/**
 * Clustering's Euclidean distances on every core (issue 18): the rows split among worker
 * threads in parts of equal work, each part computed by the same function as in one thread
 * (its source is what the workers run), into one shared array. The main thread computes a
 * part too and waits for the others (Atomics.wait), so the pipeline stays synchronous. Every
 * distance is the same bits whatever the number of threads: the output does not depend on
 * the cores.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { type EuclideanKernel, euclideanRows, sequentialEuclidean } from '../cluster/distance.ts';

/** Below this many multiply-adds a worker's start (tens of ms) costs more than it saves. */
const MIN_WORK = 50_000_000;

const WORKER = `
const { workerData: w } = require('node:worker_threads');
const flag = new Int32Array(w.flag);
try {
  const rows = (0, eval)('(' + w.src + ')');
  rows(new Float64Array(w.y), w.n, w.d, new Float64Array(w.out), w.root, w.i0, w.i1);
  Atomics.add(flag, 0, 1);
} catch (e) {
  Atomics.store(flag, 1 + w.part, 1);
  Atomics.add(flag, 0, 1);
}
Atomics.notify(flag, 0);
`;

/** Row bounds splitting the n(n − 1)/2 pairs into `parts` of about equal count. */
export function rowParts(n: number, parts: number): number[] {
  const pairs = (n * (n - 1)) / 2;
  const bounds = [0];
  let done = 0;
  for (let i = 0; i < n && bounds.length < parts; i++) {
    done += n - 1 - i;
    if (done >= (pairs * bounds.length) / parts) bounds.push(i + 1);
  }
  bounds.push(n);
  return bounds;
}

/** A kernel that uses `threads` threads (default: the cores Node may use) for large matrices. */
export function parallelEuclidean(
  threads = availableParallelism(),
  minWork = MIN_WORK,
): EuclideanKernel {
  return (y, n, d, root) => {
    const pairs = (n * (n - 1)) / 2;
    if (threads < 2 || pairs * d < minWork || n < 2 * threads)
      return sequentialEuclidean(y, n, d, root);
    const shared = new Float64Array(new SharedArrayBuffer(y.byteLength));
    shared.set(y);
    const out = new Float64Array(new SharedArrayBuffer(pairs * 8));
    const flag = new Int32Array(new SharedArrayBuffer(4 * (threads + 1)));
    const bounds = rowParts(n, threads);
    const parts = bounds.length - 1;
    const src = euclideanRows.toString();
    for (let t = 1; t < parts; t++)
      new Worker(WORKER, {
        eval: true,
        workerData: {
          src,
          y: shared.buffer,
          out: out.buffer,
          flag: flag.buffer,
          n,
          d,
          root,
          i0: bounds[t],
          i1: bounds[t + 1],
          part: t,
        },
      }).unref();
    euclideanRows(shared, n, d, out, root, bounds[0]!, bounds[1]!);
    for (let seen = Atomics.load(flag, 0); seen < parts - 1; seen = Atomics.load(flag, 0))
      Atomics.wait(flag, 0, seen);
    // A part whose worker failed is computed here.
    for (let t = 1; t < parts; t++)
      if (Atomics.load(flag, 1 + t))
        euclideanRows(shared, n, d, out, root, bounds[t]!, bounds[t + 1]!);
    return out;
  };
}
