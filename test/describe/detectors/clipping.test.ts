import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkClaims } from '../../../src/describe/check.ts';
import { describedGrid } from '../../../src/describe/describe.ts';
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

  it('pairs each value with its own cell when a cell below the range comes first (issue 15)', () => {
    const f = figureOf([[-5, 3, 12]], { vmin: 0, vmax: 10 });
    const r = run('clipping', f);
    const [c] = held(r);
    assert.match(
      r.sentences[0]!,
      /12 at row `r0` \/ column `c2` and -5 at row `r0` \/ column `c0`/,
    );
    assertChecks(f, c!);
    // A claim that pairs the values with the wrong cells is refused: numbers are bound to cells.
    const v = c!.numbers.filter((n) => n.at);
    const swapped = {
      ...c!,
      numbers: c!.numbers.map((n) =>
        n === v[0] ? { ...n, at: v[1]!.at } : n === v[1] ? { ...n, at: v[0]!.at } : n,
      ),
    };
    assert.equal(checkClaims(describedGrid(f), [swapped]).ok, false);
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
