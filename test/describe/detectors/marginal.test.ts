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

  it('holds means equal but for float rounding as one tie: rows of mean 1/6 (issue 15)', () => {
    const rows = [
      [0.35, 0.15, 0.3, 0.05, 0.15, 0],
      [0.55, 0.05, 0.05, 0.1, 0.15, 0.1],
      [1 / 6, 1 / 6, 1 / 6, 1 / 6, 1 / 6, 1 / 6],
      [0.5, 0, 0, 0.5, 0, 0],
      [0.1, 0.2, 0.2, 0.1, 0.2, 0.2],
      [1, 1, 1, 1, 1, 1],
    ];
    const means = rows.map((r) => r.reduce((a, b) => a + b, 0) / r.length);
    assert.ok(new Set(means.slice(0, 5)).size > 1, 'the test needs means that differ in float');
    const f = figureOf(rows);
    const worst = held(run('marginal', f)).find(
      (c) => c.params.axis === 'row' && c.params.which === 'worst',
    )!;
    assert.deepEqual(
      worst.facts.lines.map((k) => k.label),
      ['r0', 'r1', 'r2', 'r3', 'r4'],
    );
    assertChecks(f, worst);
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
