import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { uniforms } from '../random.ts';
import { assertChecks, figureOf, held, run } from './helpers.ts';

const labels = ['a', 'b', 'c'];

describe('detector: diagonal_max', () => {
  it('holds when each diagonal cell is the largest of its row and column', () => {
    const f = figureOf(
      [
        [9, 1, 2],
        [1, 8, 3],
        [2, 3, 7],
      ],
      { rows: labels, cols: labels },
    );
    const r = run('diagonal_max', f);
    const [c] = held(r);
    assert.equal(c!.facts.all, true);
    assert.match(
      r.sentences[0]!,
      /Every diagonal cell is the largest of its row and column \(3 of 3\)/,
    );
    assertChecks(f, c!);
  });

  it('names the exceptions and the cell that beats each', () => {
    const f = figureOf(
      [
        [9, 1, 2],
        [1, 2, 8],
        [2, 3, 7],
      ],
      { rows: labels, cols: labels },
    );
    const [c] = held(run('diagonal_max', f));
    assert.equal(c!.facts.all, false);
    assert.deepEqual(
      c!.facts.exceptions.map((e) => `${e.cell.row}<${e.by.row}/${e.by.col}`),
      ['b<b/c', 'c<b/c'],
    );
    assertChecks(f, c!);
  });

  it('is not planned when rows and columns name different things', () => {
    assert.deepEqual(
      run(
        'diagonal_max',
        figureOf([
          [1, 2],
          [3, 4],
        ]),
      ).plan,
      [],
    );
  });

  it('is no story on a square array of noise: it leads only when a third of the diagonal holds (issue 15)', () => {
    const u = uniforms(9);
    let leads = 0;
    for (let k = 0; k < 100; k++) {
      const f = figureOf(Array.from({ length: 10 }, () => Array.from({ length: 10 }, u)));
      const [c] = held(run('diagonal_max', f));
      if (c && c.score >= 100) leads++;
    }
    assert.ok(leads <= 5, `${leads} of 100`);
    // Seed 000's diagonal, 2 of 5, is its story.
    const labels = ['a', 'b', 'c', 'd', 'e'];
    const f = figureOf(
      [
        [1, 0.9, 0.9, 0.9, 0.9],
        [0.9, 1, 0.9, 0.9, 0.9],
        [0.9, 0.95, 0.5, 0.9, 0.9],
        [0.9, 0.95, 0.9, 0.5, 0.9],
        [0.9, 0.95, 0.9, 0.9, 0.5],
      ],
      { rows: labels, cols: labels },
    );
    assert.equal(held(run('diagonal_max', f))[0]!.score, 100);
  });
});
