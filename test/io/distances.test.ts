/**
 * Clustering's distances on worker threads (issue 18): the same bits as in one thread, for
 * any number of threads and any split of the rows, and the same tree and figure bytes.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { sequentialEuclidean } from '../../src/cluster/distance.ts';
import { parallelEuclidean, rowParts } from '../../src/io/distances.ts';
import { render } from '../../src/pipeline.ts';
import type { Spec } from '../../src/spec/spec-type.ts';

describe('Euclidean distances on worker threads', () => {
  it('are the same bits as in one thread, with 2, 3 or 4 threads', () => {
    const n = 97;
    const d = 13;
    const y = Float64Array.from({ length: n * d }, (_, i) => Math.sin(i * 0.37) * 100 + (i % 7));
    const one = sequentialEuclidean(y, n, d, true);
    for (const threads of [2, 3, 4]) {
      const many = parallelEuclidean(threads, 0)(y, n, d, true);
      assert.deepEqual(new Float64Array(many), one, `${threads} threads`);
    }
    assert.deepEqual(
      new Float64Array(parallelEuclidean(2, 0)(y, n, d, false)),
      sequentialEuclidean(y, n, d, false),
    );
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
