import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { type Grid, sortedFinite } from '../../src/data/grid.ts';

const cell = fc.oneof(
  fc.double(),
  fc.constantFrom(0, -0, 2, Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY),
);
const panelsArb = fc.array(fc.array(cell, { maxLength: 30 }), { minLength: 1, maxLength: 3 });

/** One column per panel: only the values matter here. */
const gridOf = (panels: number[][]): Grid =>
  ({
    cols: 1,
    colLabels: ['c'],
    panels: panels.map((v) => ({
      rows: v.length,
      rowLabels: v.map((_, i) => String(i)),
      values: Float64Array.from(v),
    })),
  }) as unknown as Grid;

describe('sortedFinite', () => {
  it('sorts the finite values of every panel, leaving out NaN and the infinities', () => {
    fc.assert(
      fc.property(panelsArb, (panels) => {
        // The finite values gathered, then sorted as a typed array sorts them (-0 before 0).
        const want = [...Float64Array.from(panels.flat().filter(Number.isFinite)).sort()];
        assert.deepEqual([...sortedFinite(gridOf(panels))], want);
      }),
      { seed: 3, numRuns: 300 },
    );
  });

  it('leaves out masked cells, and with positiveOnly what is not above 0', () => {
    fc.assert(
      fc.property(panelsArb, fc.boolean(), (panels, positiveOnly) => {
        // Every other cell masked.
        const mask = panels.map((v) => Uint8Array.from(v, (_, k) => k % 2));
        const kept = panels.flatMap((v) => v.filter((_, k) => k % 2 === 0));
        const want = [
          ...Float64Array.from(
            kept.filter((x) => Number.isFinite(x) && (!positiveOnly || x > 0)),
          ).sort(),
        ];
        assert.deepEqual([...sortedFinite(gridOf(panels), mask, positiveOnly)], want);
      }),
      { seed: 4, numRuns: 300 },
    );
  });
});
