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
    assert.match(run('extreme', f).sentences[0]!, /runner-up 0\.991/);
  });
});
