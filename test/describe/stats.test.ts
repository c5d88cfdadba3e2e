import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import {
  benjaminiHochberg,
  erfc,
  inversions,
  mannKendall,
  median,
  quantileSorted,
} from '../../src/describe/stats.ts';
import { bestFitLagOne, sharedLagOne } from '../../src/describe/serial.ts';
import { normals } from './random.ts';

describe('Mann–Kendall', () => {
  it('gives the exact p of a strictly monotone sequence: 2/n!', () => {
    assert.equal(mannKendall([1, 2, 3, 4, 5]).s, 10);
    assert.ok(Math.abs(mannKendall([1, 2, 3, 4, 5]).p - 2 / 120) < 1e-12);
    assert.ok(Math.abs(mannKendall([6, 5, 4, 3, 2, 1]).p - 2 / 720) < 1e-12);
  });
  it('counts steps up, down and flat', () => {
    const r = mannKendall([1, 3, 3, 2, 5]);
    assert.deepEqual([r.up, r.down, r.flat], [2, 1, 1]);
    assert.equal(r.exact, false);
  });
  it('has p = 1 for no change and a symmetric p for reversed data', () => {
    assert.equal(mannKendall([2, 2, 2, 2, 2]).p, 1);
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: -100, max: 100, noNaN: true }), { minLength: 2, maxLength: 60 }),
        (x) => {
          const a = mannKendall(x);
          const b = mannKendall([...x].reverse());
          assert.equal(a.s + b.s, 0);
          assert.ok(Math.abs(a.p - b.p) < 1e-12);
          assert.ok(a.p >= 0 && a.p <= 1);
        },
      ),
      { seed: 12, numRuns: 300 },
    );
  });
  it('gives the same result on ranks (an Int32Array) as on the values', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.oneof(fc.integer({ min: -3, max: 3 }), fc.double({ noNaN: true }), fc.constant(-0)),
          {
            maxLength: 120,
          },
        ),
        (x) => {
          const distinct = [...new Set(x)].sort((a, b) => a - b);
          const ranks = Int32Array.from(x, (v) => distinct.indexOf(v));
          assert.deepEqual(mannKendall(ranks), mannKendall(x));
        },
      ),
      { seed: 8, numRuns: 400 },
    );
  });
  it('agrees with the normal approximation for moderate n', () => {
    // n = 40 without ties: exact; the same data with one tie uses the approximation. The
    // wiggle is not serially correlated (lag-1 autocorrelation -0.38), so no inflation applies.
    const x = Array.from({ length: 40 }, (_, i) => i + (((i * 37) % 11) - 5) * 1.6);
    const exact = mannKendall(x).p;
    const approx = mannKendall([...x.slice(0, 39), x[38]!]).p;
    assert.ok(exact < 1e-6 && approx < 1e-6);
  });
});

describe('erfc', () => {
  it('keeps a relative error below 1.2e-7 far into the tail, where p-values are printed', () => {
    // Reference values from Python's math.erfc (double precision).
    const known: [number, number][] = [
      [-1, 1.842700792949715],
      [0, 1],
      [0.5, 0.4795001221869535],
      [1, 0.15729920705028513],
      [2, 0.004677734981047265],
      [3, 2.2090496998585438e-5],
      [4, 1.541725790028002e-8],
      [5, 1.5374597944280351e-12],
      [6, 2.1519736712498916e-17],
      [8, 1.1224297172982928e-29],
    ];
    for (const [x, want] of known)
      assert.ok(Math.abs(erfc(x) - want) <= 1.2e-7 * want, `erfc(${x}) = ${erfc(x)}, want ${want}`);
  });
  it('gives the Mann–Kendall normal-approximation p as 2·(1 − Φ(|z|))', () => {
    // 50 values in order but for one tie: z = (S − 1) / √var(S), p = erfc(z / √2).
    const x = Array.from({ length: 50 }, (_, i) => (i === 49 ? 48 : i));
    const r = mannKendall(x);
    const n = 50;
    const varS = (n * (n - 1) * (2 * n + 5)) / 18 - (2 * 1 * 9) / 18;
    assert.equal(r.s, (n * (n - 1)) / 2 - 1);
    assert.equal(r.exact, false);
    assert.equal(r.p, erfc((r.s - 1) / Math.sqrt(varS) / Math.SQRT2));
    assert.ok(r.p > 1e-30 && r.p < 1e-15);
  });
});

describe('quantiles', () => {
  it('interpolate linearly as numpy does', () => {
    assert.equal(quantileSorted([1, 2, 3, 4], 0.25), 1.75);
    assert.equal(median([3, 1, 2]), 2);
    assert.equal(median([4, 1, 2, 3]), 2.5);
  });
});

describe('inversions', () => {
  it('counts the pairs out of order, ties not counted, as the quadratic definition does', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -5, max: 5 }), { maxLength: 300 }), (x) => {
        let slow = 0;
        let s = 0;
        for (let i = 0; i < x.length; i++)
          for (let j = i + 1; j < x.length; j++) {
            if (x[i]! > x[j]!) slow++;
            s += Math.sign(x[j]! - x[i]!);
          }
        assert.equal(inversions(x), slow);
        assert.equal(mannKendall(x).s, s);
      }),
    );
  });
});

describe('serial correlation and families of tests (issue 15)', () => {
  it('inflates the variance for AR(1) noise, so it is called a trend far less often', () => {
    const normal = normals(11);
    let called = 0;
    const runs = 400;
    for (let k = 0; k < runs; k++) {
      const x: number[] = [normal()];
      for (let i = 1; i < 20; i++) x.push(0.8 * x[i - 1]! + normal());
      if (mannKendall(x).p < 0.05) called++;
    }
    // Without the correction about half of such lines are called trends (issue 15); with it,
    // 17% of these 20-step lines (an estimate of φ from 20 steps stays low).
    assert.ok(called / runs < 0.25, `${called} of ${runs}`);
  });

  it('estimates the φ that many lines share, and nothing from independent noise', () => {
    const normal = normals(29);
    const pooled = (phi: number, lines: number, n: number) => {
      let products = 0;
      let squares = 0;
      for (let k = 0; k < lines; k++) {
        const x: number[] = [normal() / Math.sqrt(1 - phi * phi)];
        for (let i = 1; i < n; i++) x.push(phi * x[i - 1]! + normal());
        const r = bestFitLagOne(x);
        products += r.products;
        squares += r.squares;
      }
      return sharedLagOne(products, squares, new Map([[n, lines]]));
    };
    // Twenty lines of twenty: φ = 0.8 reads as 0.5 to 0.95 (one line's raw estimate is about 0.3, anywhere from −0.2 to 0.9).
    for (let k = 0; k < 20; k++) {
      const est = pooled(0.8, 20, 20);
      assert.ok(est >= 0.5 && est <= 0.95, `φ = 0.8 estimated as ${est}`);
    }
    // Independent noise: 0 (no inflation) in at least 90% of figures, the pre-test's 5% plus slack.
    let zero = 0;
    for (let k = 0; k < 200; k++) if (pooled(0, 20, 20) === 0) zero++;
    assert.ok(zero >= 180, `${zero} of 200`);
    // The same series give the same estimate: the calibration is seeded.
    const x = Array.from({ length: 30 }, (_, i) => Math.sin(i / 3));
    const r = bestFitLagOne(x);
    assert.equal(
      sharedLagOne(r.products * 10, r.squares * 10, new Map([[30, 10]])),
      sharedLagOne(r.products * 10, r.squares * 10, new Map([[30, 10]])),
    );
  });

  it('takes out the better of a line and a step before measuring the residuals', () => {
    // A clean step: the two levels leave no residual, so no serial correlation is left.
    assert.deepEqual(bestFitLagOne([1, 1, 1, 1, 5, 5, 5, 5]), { products: 0, squares: 0 });
    // A straight line: none either.
    const line = bestFitLagOne([1, 2, 3, 4, 5, 6, 7, 8]);
    assert.ok(Math.abs(line.squares) < 1e-20 && Math.abs(line.products) < 1e-20);
  });

  it('adjusts a family of p-values as Benjamini and Hochberg do', () => {
    assert.deepEqual(
      benjaminiHochberg([0.01, 0.04, 0.03, 0.5]).map((p) => Number(p.toFixed(6))),
      [0.04, 0.053333, 0.053333, 0.5],
    );
  });
});
