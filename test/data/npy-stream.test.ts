/**
 * streamNpy over values already in memory (a typed array mounted in a page, looked at in place
 * in chunks of its own size) against the same values read as a file's bytes (copied a chunk at
 * a time into a buffer): the same reduced grid and summary, value for value, for any shape,
 * reduction and mix of missing values, in one chunk or many.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { typedArrayHeader } from '../../src/data/npy.ts';
import { streamNpy } from '../../src/data/npy-stream.ts';

/** The values as a file's bytes, read where asked (as npy-file's positioned reads do). */
function bytesOf(v: Float32Array | Float64Array) {
  const bytes = new Uint8Array(v.buffer, v.byteOffset, v.byteLength);
  return (into: Uint8Array, length: number, position: number) => {
    const part = bytes.subarray(position, position + length);
    into.set(part);
    return part.length;
  };
}

/** Seeded values: a spread of magnitudes, both signs, and NaN where `missing` says. */
function values(
  n: number,
  seed: number,
  missing: number,
  wide: boolean,
): Float32Array | Float64Array {
  const out = wide ? new Float64Array(n) : new Float32Array(n);
  let s = seed >>> 0;
  for (let i = 0; i < n; i++) {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    const u = s / 2 ** 32;
    out[i] = u < missing ? Number.NaN : (u - 0.5) * 10 ** ((s >>> 8) % 5);
  }
  return out;
}

describe('streamNpy of values in memory', () => {
  it('gives the grid and summary that reading their bytes gives', () => {
    fc.assert(
      fc.property(
        fc.record({
          // Up to 400 × 500 (200,000 values, 0.8 MB as float32: several in-memory chunks).
          rows: fc.integer({ min: 1, max: 400 }),
          cols: fc.integer({ min: 1, max: 500 }),
          panels: fc.constantFrom(1, 1, 3),
          outRows: fc.integer({ min: 1, max: 60 }),
          outCols: fc.integer({ min: 1, max: 60 }),
          how: fc.constantFrom('mean', 'max', 'min', 'absmax'),
          missing: fc.constantFrom(0, 0.01, 0.5),
          wide: fc.boolean(),
          robust: fc.constantFrom(null, 'linear'),
          seed: fc.integer(),
        }),
        (c) => {
          const shape = c.panels > 1 ? [c.panels, c.rows, c.cols] : [c.rows, c.cols];
          const v = values(c.panels * c.rows * c.cols, c.seed, c.missing, c.wide);
          const h = typedArrayHeader(v, shape);
          const out = { rows: c.outRows, cols: c.outCols };
          const from = (data: Parameters<typeof streamNpy>[1]) =>
            streamNpy(h, data, '$.values', out, c.how, () => {}, c.robust);
          const file = from(bytesOf(v));
          const memory = from(v);
          assert.deepEqual(memory, file);
        },
      ),
      { numRuns: 40 },
    );
  });

  it('reads a line longer than a chunk in segments, as a file is read', () => {
    // 2 rows of 100,000 float32 values: each row is longer than an in-memory chunk (256 kB),
    // not than a file's (8 MB). Block sums split at other places agree to rounding.
    const v = values(2 * 100_000, 7, 0.01, false);
    const h = typedArrayHeader(v, [2, 100_000]);
    const file = streamNpy(h, bytesOf(v), '$.values', { rows: 2, cols: 37 }, 'mean');
    const memory = streamNpy(h, v, '$.values', { rows: 2, cols: 37 }, 'mean');
    assert.deepEqual(memory.reduced, file.reduced);
    const a = memory.panels[0]!.values;
    const b = file.panels[0]!.values;
    assert.equal(a.length, b.length);
    for (let i = 0; i < a.length; i++)
      assert.ok(Math.abs(a[i]! - b[i]!) <= 1e-12 * Math.max(1, Math.abs(b[i]!)), `${a[i]} ${b[i]}`);
  });
});
