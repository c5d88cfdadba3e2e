import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { assertChecks, figureOf, held, run } from './helpers.ts';

describe('detector: missing', () => {
  it('tells rows that end early from scattered gaps', () => {
    const ragged = figureOf([
      [1, 2, 3],
      [4, 5, null],
      [6, null, null],
    ]);
    const r = run('missing', ragged);
    const [c] = held(r);
    assert.equal(c!.facts.pattern, 'ragged-ends');
    assert.match(r.sentences[0]!, /^3 of 9 cells are missing: every row holds values/);
    assertChecks(ragged, c!);
    const scattered = figureOf([
      [1, null, 3],
      [4, 5, 6],
    ]);
    assert.equal(held(run('missing', scattered))[0]!.facts.pattern, 'scattered');
  });

  it('finds nothing in a full grid', () => {
    assert.deepEqual(
      held(
        run(
          'missing',
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
