import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import {
  exactExponentDigits,
  exactFixedDigits,
  exponentDigits,
  fixedDigits,
} from '../../src/format/decimal.ts';

const finite = fc.double({ noNaN: true, noDefaultInfinity: true });
/** Values with few binary digits after the point: the ones that can sit exactly on a midpoint. */
const dyadic = fc
  .tuple(fc.integer({ min: -(2 ** 40), max: 2 ** 40 }), fc.integer({ min: 0, max: 60 }))
  .map(([n, j]) => n / 2 ** j);
const decimalish = fc
  .tuple(fc.integer({ min: -1e6, max: 1e6 }), fc.integer({ min: 0, max: 8 }))
  .map(([n, j]) => n / 10 ** j);
const value = fc.oneof(finite, dyadic, decimalish);

describe('decimal digits', () => {
  it('round half to even on the exact value (0.125 → 0.12, 0.375 → 0.38, 2.5 → 2)', () => {
    assert.equal(fixedDigits(0.125, 2), '0.12');
    assert.equal(fixedDigits(0.375, 2), '0.38');
    assert.equal(fixedDigits(2.5, 0), '2');
    assert.equal(fixedDigits(0.1, 20), '0.10000000000000000555');
    assert.deepEqual(exponentDigits(125, 1), { mantissa: '1.2', exp: 2 });
    assert.deepEqual(exponentDigits(9.5, 0), { mantissa: '1', exp: 1 });
    assert.deepEqual(exponentDigits(0, 2), { mantissa: '0.00', exp: 0 });
  });

  it('agree with the exact digits on any double, fixed (fast path vs exact)', () => {
    fc.assert(
      fc.property(value, fc.integer({ min: 0, max: 25 }), (x, p) => {
        assert.equal(fixedDigits(x, p), exactFixedDigits(Math.abs(x), p));
      }),
      { numRuns: 20000 },
    );
  });

  it('agree with the exact digits on any double, scientific (fast path vs exact)', () => {
    fc.assert(
      fc.property(value, fc.integer({ min: 0, max: 25 }), (x, p) => {
        assert.deepEqual(exponentDigits(x, p), exactExponentDigits(Math.abs(x), p));
      }),
      { numRuns: 20000 },
    );
  });
});
