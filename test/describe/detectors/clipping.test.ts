import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { assertChecks, figureOf, held, run } from './helpers.ts';

describe('detector: clipping', () => {
  it('finds cells outside the colour range, drawn in the end colours', () => {
    const f = figureOf(
      [
        [0, 5, 12],
        [-3, 2, 4],
      ],
      { vmin: 0, vmax: 10 },
    );
    const r = run('clipping', f);
    const [c] = held(r);
    assert.deepEqual(
      c!.facts.over.map((k) => k.col),
      ['c2'],
    );
    assert.deepEqual(
      c!.facts.under.map((k) => k.col),
      ['c0'],
    );
    assert.match(
      r.sentences[0]!,
      /^2 cells lie outside the colour range \(1 above 10 and 1 below 0\)/,
    );
    assertChecks(f, c!);
  });

  it('sets apart the cells a log scale cannot show', () => {
    const f = figureOf(
      [
        [0, 5, 12],
        [1, 2, 4],
      ],
      { norm: 'log' },
    );
    const [c] = held(run('clipping', f));
    assert.equal(c!.facts.blank.length, 1);
  });

  it('finds nothing when the range holds every value', () => {
    assert.deepEqual(
      held(
        run(
          'clipping',
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
