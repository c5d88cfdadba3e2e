import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { assertChecks, figureOf, held, run } from './helpers.ts';

const labels = ['a', 'b', 'c'];

describe('detector: symmetry', () => {
  it('says a grid equal to its transpose is symmetric', () => {
    const f = figureOf(
      [
        [1, 2, 3],
        [2, 1, 4],
        [3, 4, 1],
      ],
      { rows: labels, cols: labels },
    );
    const r = run('symmetry', f);
    assert.equal(held(r)[0]!.facts.symmetric, true);
    assert.match(r.sentences[0]!, /^The grid is symmetric/);
    assertChecks(f, held(r)[0]!);
  });

  it('names the pair that differs most', () => {
    const f = figureOf(
      [
        [1, 2, 3],
        [2, 1, 9],
        [3, 4, 1],
      ],
      { rows: labels, cols: labels },
    );
    const [c] = held(run('symmetry', f));
    assert.equal(c!.facts.symmetric, false);
    assert.deepEqual(
      c!.facts.pair.map((k) => `${k.row}/${k.col}`),
      ['b/c', 'c/b'],
    );
    assertChecks(f, c!);
  });

  it('is not symmetric when a cell holds a value and its mirror is missing (issue 15)', () => {
    const f = figureOf(
      [
        [1, 2, 3],
        [2, 1, null],
        [3, 4, 1],
      ],
      { rows: labels, cols: labels },
    );
    const r = run('symmetry', f);
    const [c] = held(r);
    assert.equal(c!.facts.symmetric, false);
    assert.equal(c!.facts.unmatched!.row, 'c');
    assert.match(
      r.sentences[0]!,
      /not symmetric: one cell holds a value whose mirror is missing \(row `c` \/ column `b`\)/,
    );
    assertChecks(f, c!);
  });
});
