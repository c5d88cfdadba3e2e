/**
 * Clustering's Euclidean distances in WebAssembly SIMD (issue 18): the same bits as the
 * JavaScript kernel for every shape (columns in fours or not, fewer than four, two rows, a
 * row per call block or many), so that Node and a browser give the same trees; the same
 * figure; and the committed module is the one src/io/euclid.wat compiles to.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { euclidWasmBytes, euclidWasmSource } from '../../scripts/build-wasm.ts';
import { sequentialEuclidean } from '../../src/cluster/distance.ts';
import { wasmEuclidean } from '../../src/io/distances.ts';
import { render } from '../../src/pipeline.ts';
import type { Spec } from '../../src/spec/spec-type.ts';
import { ROOT } from '../helpers.ts';

const wasm = wasmEuclidean();

describe('Euclidean distances in WebAssembly', () => {
  it('runs here (Node has WebAssembly SIMD): its results live in WebAssembly memory', () => {
    const [out] = wasm([{ y: Float64Array.from([0, 0, 3, 4]), n: 2, d: 2, root: true }]);
    assert.deepEqual(Array.from(out!), [5]);
    assert.ok(!(out!.buffer instanceof SharedArrayBuffer) && out!.byteOffset === 32);
  });

  it('are the same bits as in JavaScript, for any shape and values', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2, max: 40 }),
        fc.integer({ min: 1, max: 23 }),
        fc.boolean(),
        fc.integer({ min: 0, max: 2 ** 31 }),
        (n, d, root, seed) => {
          let s = seed;
          const y = Float64Array.from({ length: n * d }, () => {
            s = (s * 1103515245 + 12345) % 2 ** 31;
            return s % 7 === 0 ? s % 5 : (s / 2 ** 31 - 0.5) * 10 ** ((s % 9) - 4);
          });
          const jobs = [{ y, n, d, root }];
          assert.deepEqual(new Float64Array(wasm(jobs)[0]!), sequentialEuclidean(jobs)[0]);
        },
      ),
      { numRuns: 300 },
    );
    // Two jobs at once, as clustering both axes asks.
    const y = Float64Array.from({ length: 300 * 41 }, (_, i) => Math.sin(i) * 1e3);
    const jobs = [
      { y, n: 300, d: 41, root: true },
      { y, n: 41, d: 300, root: false },
    ];
    assert.deepEqual(
      wasm(jobs).map((a) => new Float64Array(a)),
      sequentialEuclidean(jobs),
    );
  });

  it('give the same figure as JavaScript', () => {
    const values = Array.from({ length: 40 }, (_, r) =>
      Array.from({ length: 30 }, (_, c) => Math.cos(r * c * 0.1) + (r % 3)),
    );
    const spec = { data: values, cluster: true } as Spec;
    assert.equal(
      render(spec, { format: 'svg' }).output,
      render(spec, { format: 'svg', euclidean: wasm }).output,
    );
  });

  it('is the module src/io/euclid.wat compiles to (npm run wasm)', async () => {
    assert.equal(
      readFileSync(`${ROOT}src/io/euclid-wasm.ts`, 'utf8'),
      euclidWasmSource(await euclidWasmBytes()),
    );
  });
});
