import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DETECTORS } from '../../../src/describe/detectors/index.ts';
import { assertChecks, figureOf, held, run } from './helpers.ts';

const cols = ['1', '2', '3', '4', '5', '6', '7', '8'];

describe('detector: trend', () => {
  it('finds a rising row along an ordered axis, with its size and Mann–Kendall p', () => {
    const f = figureOf(
      [
        [1, 2, 3, 4, 5, 6, 7, 8],
        [5, 1, 4, 2, 8, 3, 6, 7],
      ],
      { cols, xlabel: 'step' },
    );
    const found = held(run('trend', f));
    assert.equal(found[0]!.facts.direction, 'up');
    assert.equal(found[0]!.facts.strict, true);
    assert.ok(found[0]!.numbers.find((n) => n.name === 'p')!.value < 0.05);
    for (const c of found) assertChecks(f, c);
  });

  it('is not planned along labels that are not ordered numbers', () => {
    const f = figureOf([[1, 2, 3, 4, 5, 6, 7, 8]]);
    assert.deepEqual(run('trend', f).plan, []);
  });

  it('says the trends of a panel together, grouped by direction', () => {
    const f = figureOf(
      [
        [1, 2, 3, 4, 5, 6, 7, 8],
        [8, 7, 6, 5, 4, 3, 2, 1],
      ],
      { cols },
    );
    const r = run('trend', f);
    const text = DETECTORS.trend.group!.sentence(r.writer, held(r));
    assert.match(text, /row `r1` \(8 → 1\) falls; row `r0` \(1 → 8\) rises/);
  });
});
