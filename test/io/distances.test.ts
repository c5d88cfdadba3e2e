/**
 * Clustering's distances on worker threads (issue 18): the same bits as in one thread, for
 * any number of threads and any split of the rows, and the same tree and figure bytes.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { sequentialEuclidean } from '../../src/cluster/distance.ts';
import { parallelEuclidean, rowParts, schedule } from '../../src/io/distances.ts';
import { render } from '../../src/pipeline.ts';
import type { Spec } from '../../src/spec/spec-type.ts';

describe('Euclidean distances on worker threads', () => {
  it('are the same bits as in one thread, with 2, 3 or 4 threads, for one job or several', () => {
    const job = (n: number, d: number, root: boolean, k: number) => ({
      y: Float64Array.from({ length: n * d }, (_, i) => Math.sin(i * 0.37 + k) * 100 + (i % 7)),
      n,
      d,
      root,
    });
    for (const jobs of [
      [job(97, 13, true, 0)],
      [job(97, 13, true, 0), job(13, 97, true, 1)],
      [job(40, 5, false, 2), job(61, 3, true, 3), job(7, 2, true, 4)],
    ]) {
      const one = sequentialEuclidean(jobs);
      for (const threads of [2, 3, 4]) {
        const many = parallelEuclidean(threads, 0)(jobs);
        assert.deepEqual(
          many.map((m) => new Float64Array(m)),
          one,
          `${jobs.length} jobs on ${threads} threads`,
        );
      }
    }
  });

  it('share the work: two equal jobs on two threads go one to each, one job is cut in halves', () => {
    const j = { y: new Float64Array(100 * 10), n: 100, d: 10, root: true };
    const two = schedule([j, j], 2);
    assert.deepEqual(
      two.map((b) => b.map((t) => [t.job, t.i0, t.i1])),
      [[[0, 0, 100]], [[1, 0, 100]]],
    );
    const halves = schedule([j], 2).map((b) => b.reduce((s, t) => s + t.work, 0));
    assert.ok(Math.abs(halves[0]! - halves[1]!) / (halves[0]! + halves[1]!) < 0.05, String(halves));
  });

  it('split the rows into parts of about equal pairs, covering every row once', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 3000 }), fc.integer({ min: 1, max: 8 }), (n, parts) => {
        const b = rowParts(n, parts);
        assert.equal(b[0], 0);
        assert.equal(b[b.length - 1], n);
        for (let i = 1; i < b.length; i++) assert.ok(b[i]! >= b[i - 1]!);
        assert.ok(b.length - 1 <= parts);
      }),
    );
  });

  it('give the same figure as one thread', () => {
    const values = Array.from({ length: 40 }, (_, r) =>
      Array.from({ length: 30 }, (_, c) => Math.cos(r * c * 0.1) + (r % 3)),
    );
    const spec = { data: values, cluster: true } as Spec;
    const a = render(spec, { format: 'svg' }).output;
    const b = render(spec, { format: 'svg', euclidean: parallelEuclidean(2, 0) }).output;
    assert.equal(a, b);
  });
});
