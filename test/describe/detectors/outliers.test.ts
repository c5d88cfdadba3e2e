import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { assertChecks, figureOf, held, run } from './helpers.ts';

describe('detector: outliers', () => {
  it("finds cells beyond Tukey's fences, the most extreme first", () => {
    const f = figureOf([
      [1, 2, 3, 2],
      [1, 2, 3, 2],
      [2, 40, 1, -30],
    ]);
    const r = run('outliers', f);
    const [c] = held(r);
    assert.deepEqual(
      c!.facts.at.map((k) => `${k.row}/${k.col}`),
      ['r2/c1', 'r2/c3'],
    );
    assert.match(r.sentences[0]!, /^2 cells lie outside Tukey's fences/);
    assertChecks(f, c!);
  });

  it('needs eight cells and a spread', () => {
    assert.deepEqual(held(run('outliers', figureOf([[1, 2, 100]]))), []);
    assert.deepEqual(
      held(
        run(
          'outliers',
          figureOf([
            [1, 1, 1, 1],
            [1, 1, 1, 1],
          ]),
        ),
      ),
      [],
    );
  });
});
