import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DETECTORS } from '../../../src/describe/detectors/index.ts';
import { assertChecks, figureOf, held, run } from './helpers.ts';

describe('detector: low_variance', () => {
  it('finds constant and nearly constant lines, and says them together', () => {
    const f = figureOf([
      [5, 5, 5, 5],
      [10, 10.1, 9.9, 10],
      [0, 7, 2, 9],
    ]);
    const r = run('low_variance', f);
    const found = held(r);
    const rows = found.filter((c) => c.params.line === 'row');
    assert.deepEqual(
      rows.map((c) => [c.params.key.label, c.facts.constant]),
      [
        ['r0', true],
        ['r1', false],
      ],
    );
    for (const c of found) assertChecks(f, c);
    const text = DETECTORS.low_variance.group!.sentence(r.writer, rows);
    assert.equal(text, 'Row `r0` is constant at 5; row `r1` (9.9 to 10.1) is nearly constant.');
  });

  it('finds none in a line that varies', () => {
    const f = figureOf([
      [0, 7, 2, 9],
      [9, 1, 5, 3],
      [4, 8, 0, 6],
    ]);
    assert.deepEqual(
      held(run('low_variance', f)).filter((c) => c.params.line === 'row'),
      [],
    );
  });
});
