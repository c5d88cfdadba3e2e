import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { assertChecks, figureOf, held, run } from './helpers.ts';

const cols = ['1', '2', '3', '4', '5', '6'];
const rising = (k: number) => [1, 2, 3, 4, 5, 6].map((v) => v * k);

describe('detector: trend_family', () => {
  it('finds a direction most rows share, and names the exceptions', () => {
    const f = figureOf([rising(1), rising(2), rising(3), rising(4), [3, 1, 4, 1, 5, 2]], { cols });
    const r = run('trend_family', f);
    const [c] = held(r);
    assert.equal(c!.facts.direction, 'up');
    assert.deepEqual(
      c!.facts.exceptions.map((e) => e.key.label),
      ['r4'],
    );
    assert.match(r.sentences[0]!, /^Values rise in 4 of 5 rows/);
    assertChecks(f, c!);
  });

  it('finds none when the rows disagree', () => {
    const f = figureOf([rising(1), rising(-1), rising(1), rising(-1)], { cols });
    assert.deepEqual(held(run('trend_family', f)), []);
  });
});
