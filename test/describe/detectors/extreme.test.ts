import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { assertChecks, figureOf, held, run } from './helpers.ts';

describe('detector: extreme', () => {
  it('finds the maximum and the minimum with every cell that holds them', () => {
    const f = figureOf([
      [1, 9, 3],
      [9, 0, 2],
    ]);
    const [max, min] = held(run('extreme', f));
    assert.deepEqual(
      max!.facts.at.map((k) => `${k.row}/${k.col}`),
      ['r0/c1', 'r1/c0'],
    );
    assert.equal(max!.numbers.find((x) => x.name === 'cells')!.value, 2);
    assert.deepEqual(
      min!.facts.at.map((k) => `${k.row}/${k.col}`),
      ['r1/c1'],
    );
    assertChecks(f, max!);
    assertChecks(f, min!);
  });

  it('names the runner-up when it shows as the same text in the annotation format', () => {
    const f = figureOf([[0.991, 0.994, 0.1]], { annot: true, fmt: '.2f' });
    const [max] = held(run('extreme', f));
    assert.ok(max!.facts.runnerUp);
    assert.match(run('extreme', f).sentences[0]!, /runner-up, 0\.991/);
  });

  it('says both values as the data holds them, never "exactly" of a rounded text (issue 15)', () => {
    const f = figureOf([[1.18055, 1.1805, 0.2]], { annot: true, fmt: '.2f' });
    const s = run('extreme', f).sentences[0]!;
    assert.match(s, /it is 1\.18055, and the runner-up, 1\.1805 at/);
    assert.doesNotMatch(s, /exactly/);
    const g = figureOf([[1, 0.99995, 0.2]], { annot: true, fmt: '.2f' });
    assert.match(run('extreme', g).sentences[0]!, /it is 1, and the runner-up, 0\.99995 at/);
    assertChecks(g, held(run('extreme', g))[0]!);
  });

  it('holds values a float rounding apart as one value (issue 15)', () => {
    const f = figureOf([[1, 0.9999999999999998, 0.5]]);
    const [max] = held(run('extreme', f));
    assert.equal(max!.numbers.find((n) => n.name === 'cells')!.value, 2);
    assert.equal(max!.facts.runnerUp, undefined);
    assert.match(run('extreme', f).sentences[0]!, /is in 2 cells/);
  });

  it('takes +inf as the maximum and -inf as the minimum (issue 15)', () => {
    const f = figureOf([
      [1, Infinity, -Infinity],
      [2, 3, Infinity],
    ]);
    const r = run('extreme', f);
    const [max, min] = held(r);
    assert.deepEqual(
      max!.facts.at.map((k) => k.col),
      ['c1', 'c2'],
    );
    assert.match(r.sentences[0]!, /^The maximum, inf, is in 2 cells/);
    assert.match(r.sentences[1]!, /^The minimum is -inf, at row `r0` \/ column `c2`/);
    assertChecks(f, max!);
    assertChecks(f, min!);
  });
});
