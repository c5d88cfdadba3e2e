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
import {
  type EuclideanJob,
  type EuclideanKernel,
  euclideanRows,
  sequentialEuclidean,
} from '../cluster/distance.ts';

/** Below this many multiply-adds a worker's start (tens of ms) costs more than it saves. */
const MIN_WORK = 50_000_000;

const WORKER = `
const { workerData: w } = require('node:worker_threads');
const flag = new Int32Array(w.flag);
try {
  const rows = (0, eval)('(' + w.src + ')');
  for (const t of w.tasks) {
    const j = w.jobs[t.job];
    rows(new Float64Array(j.y), j.n, j.d, new Float64Array(j.out), j.root, t.i0, t.i1);
  }
} catch (e) {
  Atomics.store(flag, 1 + w.part, 1);
}
Atomics.add(flag, 0, 1);
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

interface Task {
  readonly job: number;
  readonly i0: number;
  readonly i1: number;
  readonly work: number;
}

/**
 * The jobs' rows as tasks shared among `threads` (thread 0 is this one): each job cut into
 * `threads` parts of equal pairs, then the largest task first to the thread with the least
 * work (two equal jobs on two threads: one each, whole).
 */
export function schedule(jobs: readonly EuclideanJob[], threads: number): Task[][] {
  const tasks: Task[] = [];
  jobs.forEach((j, job) => {
    const parts = jobs.length >= threads ? 1 : Math.ceil(threads / jobs.length);
    const b = rowParts(j.n, parts);
    for (let k = 0; k + 1 < b.length; k++) {
      const [i0, i1] = [b[k]!, b[k + 1]!];
      const pairs = (i1 - i0) * (j.n - 1) - ((i1 - 1) * i1 - (i0 - 1) * i0) / 2;
      if (i1 > i0) tasks.push({ job, i0, i1, work: pairs * j.d });
    }
  });
  tasks.sort((a, b) => b.work - a.work || a.job - b.job || a.i0 - b.i0);
  const bins: Task[][] = Array.from({ length: threads }, () => []);
  const load = new Array<number>(threads).fill(0);
  for (const t of tasks) {
    let best = 0;
    for (let k = 1; k < threads; k++) if (load[k]! < load[best]!) best = k;
    bins[best]!.push(t);
    load[best]! += t.work;
  }
  return bins;
}

/** A kernel that uses `threads` threads (default: the cores Node may use) for large jobs. */
export function parallelEuclidean(
  threads = availableParallelism(),
  minWork = MIN_WORK,
): EuclideanKernel {
  return (jobs) => {
    const work = jobs.reduce((s, j) => s + ((j.n * (j.n - 1)) / 2) * j.d, 0);
    if (threads < 2 || work < minWork) return sequentialEuclidean(jobs);
    const shared = jobs.map((j) => {
      const y = new Float64Array(new SharedArrayBuffer(j.y.byteLength));
      y.set(j.y);
      const out = new Float64Array(new SharedArrayBuffer(((j.n * (j.n - 1)) / 2) * 8));
      return { ...j, y, out };
    });
    const bins = schedule(jobs, threads);
    const flag = new Int32Array(new SharedArrayBuffer(4 * (threads + 1)));
    const src = euclideanRows.toString();
    const busy = bins.map((b, k) => (k > 0 && b.length ? k : 0)).filter((k) => k > 0);
    const data = shared.map((j) => ({
      y: j.y.buffer,
      out: j.out.buffer,
      n: j.n,
      d: j.d,
      root: j.root,
    }));
    for (const part of busy)
      new Worker(WORKER, {
        eval: true,
        workerData: { src, jobs: data, tasks: bins[part], flag: flag.buffer, part },
      }).unref();
    const run = (tasks: readonly Task[]) => {
      for (const t of tasks) {
        const j = shared[t.job]!;
        euclideanRows(j.y, j.n, j.d, j.out, j.root, t.i0, t.i1);
      }
    };
    run(bins[0]!);
    for (let seen = Atomics.load(flag, 0); seen < busy.length; seen = Atomics.load(flag, 0))
      Atomics.wait(flag, 0, seen);
    // The tasks of a worker that failed are computed here.
    for (const part of busy) if (Atomics.load(flag, 1 + part)) run(bins[part]!);
    return shared.map((j) => j.out);
  };
}
