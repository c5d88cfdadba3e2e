import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { HeatfigError } from '../../src/errors.ts';
import { isPercentFormat, makeFormatter, tickFormat } from '../../src/format/number.ts';
import { readJson } from '../helpers.ts';

const cases = readJson<[string, number, string][]>('test/fixtures/python-format.json');

describe('number formats', () => {
  it(`write what Python's format() writes (${cases.length} cases from Python 3)`, () => {
    const wrong: string[] = [];
    for (const [spec, value, want] of cases) {
      const got = makeFormatter(spec)(value);
      if (got !== want)
        wrong.push(`format(${value}, ${JSON.stringify(spec)}): got ${got}, want ${want}`);
    }
    assert.deepEqual(wrong.slice(0, 10), []);
  });

  it('keep the sign of a negative value that rounds to zero', () => {
    assert.equal(makeFormatter('.4f')(-0.00002), '-0.0000');
    assert.equal(makeFormatter('.2f')(-0.001), '-0.00');
  });

  it('accept templates with one field', () => {
    assert.equal(makeFormatter('{:.1f}%')(96.7), '96.7%');
    assert.equal(makeFormatter('{x:.2f} s')(1.5), '1.50 s');
    assert.equal(makeFormatter('{}')(0.5), '0.5');
  });

  it('write nan and inf as Python does', () => {
    assert.equal(makeFormatter('.2f')(Number.NaN), 'nan');
    assert.equal(makeFormatter('.2f')(-Infinity), '-inf');
  });

  it('reject a bad spec with a hint', () => {
    for (const bad of ['.2q', '{:.2f', 'abc', '{:.1f}{:.2f}']) {
      assert.throws(
        () => makeFormatter(bad, '$.fmt'),
        (e: unknown) =>
          e instanceof HeatfigError &&
          /is not a number format; use a format spec/.test(e.message) &&
          e.where === '$.fmt',
      );
    }
  });

  it('never throw for any finite number', () => {
    const fmts = ['.2f', '.1%', 'd', '.3g', '.2e', ',.0f'].map((f) => makeFormatter(f));
    fc.assert(
      fc.property(fc.double({ noNaN: true }), (v) => {
        for (const f of fmts) assert.equal(typeof f(v), 'string');
      }),
      { seed: 4, numRuns: 2000 },
    );
  });

  it('know percent formats', () => {
    assert.ok(isPercentFormat('.1%'));
    assert.ok(isPercentFormat('{:.0%}'));
    assert.ok(!isPercentFormat('{:.1f}%'));
    assert.ok(!isPercentFormat('.2f'));
  });
});

describe('tickFormat', () => {
  it('uses the fewest decimals that show every tick exactly', () => {
    assert.equal(tickFormat([0, 0.2, 0.4, 0.6, 0.8, 1], false), '.1f');
    assert.equal(tickFormat([0, 0.25, 0.5], false), '.2f');
    assert.equal(tickFormat([0, 10, 20], false), '.0f');
    assert.equal(tickFormat([0, 0.5, 1], true), '.0%');
    assert.equal(tickFormat([0, 0.025, 0.05], true), '.1%');
  });

  it('takes the cells’ sign, thousands separator and exponent notation (seaborn #917)', () => {
    const show = (t: number[], p: boolean, like: string) =>
      t.map(makeFormatter(tickFormat(t, p, like))).join(' ');
    assert.equal(show([0, 5000, 10000], false, ',.0f'), '0 5,000 10,000');
    assert.equal(show([-0.5, 0, 0.5], false, '+.2f'), '-0.5 +0.0 +0.5');
    assert.equal(show([0, 2000, 4000], false, '.2e'), '0e+00 2e+03 4e+03');
    assert.equal(show([0, 0.25, 0.5], true, '.1%'), '0% 25% 50%');
    // seaborn's default ".2g" lends nothing: the fewest decimals that show the ticks.
    assert.equal(show([0, 0.2, 0.4], false, '.2g'), '0.0 0.2 0.4');
  });
});
