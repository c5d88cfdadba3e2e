import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { describe as describeFigure } from '../../../src/describe/describe.ts';
import { assertChecks, figureOf, held, run } from './helpers.ts';

describe('detector: categories (issue 16: describe supports categorical legends)', () => {
  it('counts the cells of each category, most first, ties in the names’ order', () => {
    const f = figureOf(
      [
        [0, 2, 2, null],
        [1, 2, 0, 0],
      ],
      { categories: ['cat', 'dog', 'bird', 'fish'] },
    );
    const r = run('categories', f);
    const [c] = held(r);
    assert.ok(c);
    assert.deepEqual(c.facts, { order: ['cat', 'bird', 'dog'], absent: ['fish'] });
    assert.equal(
      r.sentences[0],
      'Of the 7 cells with a category, by category: `cat` in 3 (43%), `bird` in 3 (43%) and `dog` in 1 (14%). `fish` holds no cell.',
    );
    assertChecks(f, c);
  });

  it('counts cells that hold no code apart, and says so', () => {
    const f = figureOf([[0, 1, 1.5, 9]], { categories: ['a', 'b'] });
    const r = run('categories', f);
    assert.match(
      r.sentences[0]!,
      /Of the 2 cells with a category.* 2 cells hold no category’s code\.$/,
    );
    assertChecks(f, held(r)[0]!);
  });

  it('does not apply to numbers; and with categories, no statistic of the codes is said', () => {
    assert.deepEqual(run('categories', figureOf([[0, 1, 2]])).plan, []);
    const d = describeFigure(
      figureOf(
        [
          [0, 1, 2, 3],
          [1, 2, 3, 0],
          [2, 3, 0, 1],
        ],
        { categories: ['w', 'x', 'y', 'z'] },
      ),
    );
    assert.deepEqual(
      [...new Set(d.claims.map((c) => c.kind))].sort(),
      ['categories', 'missing', 'summary'].filter((k) => d.claims.some((c) => c.kind === k)),
    );
    assert.doesNotMatch(d.markdown, /rises|falls|mean|range from/);
  });
});
