import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { assertChecks, figureOf, held, run } from './helpers.ts';

const labels = ['a', 'b', 'c'];

describe('detector: top_offdiag', () => {
  it('lists the largest cells off the diagonal when the diagonal mostly holds', () => {
    const f = figureOf(
      [
        [9, 5, 2],
        [1, 8, 3],
        [4, 3, 7],
      ],
      { rows: labels, cols: labels },
    );
    const r = run('top_offdiag', f);
    const [c] = held(r);
    assert.deepEqual(
      c!.numbers.map((n) => n.value),
      [5, 4, 3],
    );
    assert.match(
      r.sentences[0]!,
      /^The largest cells off the diagonal are 5 at row `a` \/ column `b`/,
    );
    assertChecks(f, c!);
  });

  it('is not planned when most diagonal cells are beaten', () => {
    const f = figureOf(
      [
        [1, 9, 9],
        [9, 1, 9],
        [9, 9, 1],
      ],
      { rows: labels, cols: labels },
    );
    assert.deepEqual(run('top_offdiag', f).plan, []);
  });
});
