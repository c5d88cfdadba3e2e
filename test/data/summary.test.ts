/**
 * The summary of all values and the streamed percentiles (issue 11's one colour range):
 * property tests against plain recomputation, with missing values, infinities, both signs,
 * runs of any length and any split into runs.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { quantileSorted } from 'd3-array';
import fc from 'fast-check';
import { rankedValues, streamedPercentiles } from '../../src/data/percentile.ts';
import { SummaryAccumulator } from '../../src/data/summary.ts';

const value = fc.oneof(
  { weight: 8, arbitrary: fc.double({ min: -1e6, max: 1e6, noNaN: true }) },
  { weight: 1, arbitrary: fc.constantFrom(Number.NaN, Infinity, -Infinity, 0, -0) },
  { weight: 2, arbitrary: fc.integer({ min: -3, max: 3 }) },
);

function plain(values: number[]) {
  const finite = values.filter((x) => Number.isFinite(x));
  const pos = finite.filter((x) => x > 0);
  return {
    finite: finite.length,
    missing: values.filter((x) => Number.isNaN(x)).length,
    infinite: values.filter((x) => x === Infinity || x === -Infinity).length,
    negInf: values.filter((x) => x === -Infinity).length,
    // The sign of a zero extreme is whichever zero came first; both are 0.
    min: finite.length ? Math.min(...finite) + 0 : Infinity,
    max: finite.length ? Math.max(...finite) + 0 : -Infinity,
    posMin: pos.length ? Math.min(...pos) : Infinity,
    posMax: pos.length ? Math.max(...pos) : -Infinity,
    nonPositive: values.filter((x) => x <= 0).length,
  };
}

describe('SummaryAccumulator', () => {
  it('equals a plain recomputation, however the values are split into runs', () => {
    fc.assert(
      fc.property(
        fc.array(value, { maxLength: 300 }),
        fc.array(fc.nat(300), { maxLength: 5 }),
        fc.boolean(),
        (values, cuts, f32) => {
          const arr = f32 ? Float32Array.from(values) : Float64Array.from(values);
          const want = plain([...arr]);
          const acc = new SummaryAccumulator(true);
          const edges = [
            0,
            ...cuts.map((c) => c % (arr.length + 1)).sort((a, b) => a - b),
            arr.length,
          ];
          for (let i = 1; i < edges.length; i++)
            acc.add(arr, edges[i - 1]!, edges[i]! - edges[i - 1]!);
          const got = acc.result();
          assert.deepEqual({ ...got, min: got.min + 0, max: got.max + 0 }, want);
        },
      ),
      { seed: 11, numRuns: 400 },
    );
  });

  it('leaves the positive extremes unknown only when not asked for and both signs occur', () => {
    const acc = new SummaryAccumulator(false);
    acc.add(Float64Array.from([-1, 2, 3]));
    const r = acc.result();
    assert.equal(r.min, -1);
    assert.ok(Number.isNaN(r.posMin) && Number.isNaN(r.nonPositive));
    const pos = new SummaryAccumulator(false);
    pos.add(Float64Array.from([1, 2, 3]));
    assert.equal(pos.result().posMin, 1);
    assert.equal(pos.result().nonPositive, 0);
  });
});

describe('percentiles of streamed data', () => {
  it('are exactly d3’s (numpy’s linear) quantiles of the sorted values', () => {
    fc.assert(
      fc.property(
        fc.array(value, { minLength: 1, maxLength: 400 }),
        fc.nat(50),
        fc.boolean(),
        (values, chunk, positiveOnly) => {
          const arr = Float64Array.from(values);
          const acc = new SummaryAccumulator(true);
          acc.add(arr);
          const s = acc.result();
          const size = chunk + 1;
          const scan = (visit: (v: ArrayLike<number>, n: number) => void) => {
            for (let i = 0; i < arr.length; i += size) {
              const part = arr.subarray(i, i + size);
              visit(part, part.length);
            }
          };
          const kept = [...arr].filter((x) => Number.isFinite(x) && (!positiveOnly || x > 0));
          const got = streamedPercentiles(scan, s, positiveOnly);
          if (kept.length === 0) {
            assert.ok(Number.isNaN(got.lo) && Number.isNaN(got.hi));
            return;
          }
          const sorted = Float64Array.from(kept).sort() as unknown as number[];
          assert.deepEqual(got, {
            lo: quantileSorted(sorted, 0.02),
            hi: quantileSorted(sorted, 0.98),
          });
        },
      ),
      { seed: 12, numRuns: 300 },
    );
  });

  it('find ranks past the collection limit by narrowing, in bounded passes', () => {
    const n = 3_000_000;
    const arr = new Float64Array(n);
    for (let i = 0; i < n; i++) arr[i] = ((i * 7919) % n) / 7; // every value once, shuffled
    let passes = 0;
    const scan = (visit: (v: ArrayLike<number>, n: number) => void) => {
      passes++;
      for (let i = 0; i < n; i += 1 << 20) {
        const part = arr.subarray(i, i + (1 << 20));
        visit(part, part.length);
      }
    };
    const v = rankedValues(scan, [0, 12345, n - 1], 0, (n - 1) / 7, n, (x) => x === x);
    assert.deepEqual(v, [0, 12345 / 7, (n - 1) / 7]);
    assert.ok(passes <= 3, `${passes} passes`);
  });
});
