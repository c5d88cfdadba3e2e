import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { assertChecks, figureOf, held, run } from './helpers.ts';

describe('detector: marginal', () => {
  it('finds the rows and columns of highest and lowest mean, with ties', () => {
    const f = figureOf([
      [1, 2, 3],
      [4, 5, 6],
      [4, 5, 6],
    ]);
    const found = held(run('marginal', f));
    const best = found.find((c) => c.params.axis === 'row' && c.params.which === 'best')!;
    assert.deepEqual(
      best.facts.lines.map((k) => k.label),
      ['r1', 'r2'],
    );
    const worstCol = found.find((c) => c.params.axis === 'col' && c.params.which === 'worst')!;
    assert.deepEqual(
      worstCol.facts.lines.map((k) => k.label),
      ['c0'],
    );
    for (const c of found) assertChecks(f, c);
  });

  it('needs three lines and a single panel', () => {
    assert.deepEqual(
      held(
        run(
          'marginal',
          figureOf([
            [1, 2],
            [3, 4],
          ]),
        ),
      ),
      [],
    );
  });
});
