import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { assertChecks, figureOf, held, run } from './helpers.ts';

describe('detector: concentration', () => {
  it('finds a row whose largest cell holds most of its sum', () => {
    const f = figureOf([
      [1, 1, 18],
      [5, 5, 5],
    ]);
    const r = run('concentration', f);
    const found = held(r);
    assert.equal(found.length, 1);
    assert.equal(found[0]!.facts.at.col, 'c2');
    assert.match(r.sentences[0]!, /holds 90% of the row's sum/);
    assertChecks(f, found[0]!);
  });

  it('leaves rows with negative values alone', () => {
    assert.deepEqual(held(run('concentration', figureOf([[-1, 1, 18]]))), []);
  });
});
