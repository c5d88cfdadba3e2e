import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { describe as describeFigure } from '../../../src/describe/describe.ts';
import type { Figure } from '../../../src/figure/types.ts';
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

  it('tells a triangle of blank cells (a symmetric matrix’s masked half, as an image shows it)', () => {
    // seaborn's gallery of pairwise correlations read back: row B holds one value, C two…
    const tri = figureOf([
      [0.1, null, null, null],
      [0.2, 0.3, null, null],
      [0.4, 0.5, 0.6, null],
      [0.7, 0.8, 0.9, 1],
    ]);
    const r = run('missing', tri);
    const [c] = held(r);
    assert.equal(c!.facts.triangle, true);
    assert.match(
      r.sentences[0]!,
      /one cell more in each row than in the row above: a triangle, from 1 cell \(/,
    );
    const md = describeFigure(tri).markdown;
    assert.doesNotMatch(md, /measured over different ranges/);
    assert.match(md, /mirrored half left blank/);
    assertChecks(tri, c!);
    // Rows ending early unevenly are no triangle.
    const uneven = figureOf([
      [1, 2, null, null],
      [3, null, null, null],
      [4, 5, 6, null],
    ]);
    const [u] = held(run('missing', uneven));
    assert.equal(u!.facts.triangle, false);
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

describe('detector: missing, with masks and empty grids (issue 15)', () => {
  it('does not call masked cells missing, nor their rows measured over different ranges', () => {
    const f = figureOf(
      [
        [1, 0.5, 0.2],
        [0.5, 1, 0.3],
        [0.2, 0.3, 1],
      ],
      { mask: 'upper' },
    );
    assert.deepEqual(held(run('missing', f)), []);
    const d = describeFigure(f);
    assert.doesNotMatch(d.markdown, /no measurement|are missing/);
    assert.match(d.markdown, /Masked cells\*\* \(3\) are hidden/);
  });

  it('counts only the unmasked missing cells', () => {
    const f = figureOf(
      [
        [1, 0.5, 0.2],
        [null, 1, 0.3],
        [0.2, 0.3, 1],
      ],
      { mask: 'upper' },
    );
    const [c] = held(run('missing', f));
    assert.equal(c!.numbers.find((n) => n.name === 'missing')!.value, 1);
    assert.equal(c!.numbers.find((n) => n.name === 'cells')!.value, 6);
    assertChecks(f, c!);
  });

  it('says an all-missing grid holds no value, not that rows end early', () => {
    const r = run(
      'missing',
      figureOf([
        [null, null],
        [null, null],
      ]),
    );
    const [c] = held(r);
    assert.equal(c!.facts.pattern, 'all');
    assert.equal(r.sentences[0], 'Every cell is missing (4 of 4): the grid holds no value.');
  });
});

describe('detector: missing, in a grid read from an image (issue 20)', () => {
  const read = (grid: Partial<Figure['grid']>) => {
    const f = figureOf([
      [0.21, null, 0.62],
      [0.95, 0.67, 0.5],
      [null, 0.47, 0.86],
    ]);
    return { ...f, grid: { ...f.grid, readDecimals: 2, ...grid } };
  };

  it('says the cells print "nan" where the image printed it in each, not that they are left blank', () => {
    // A Styler table's NaN scores, printed "nan": "they are left blank" had been said of them.
    const r = run('missing', read({ printedMissing: { cells: 2, as: ['nan'] } }));
    assert.equal(
      r.sentences[0],
      '2 of 9 cells are missing; each prints `nan` in place of a number.',
    );
    // A dash (na_rep="-" or "—"): which one is not told, text recognition mistakes them.
    const dash = run('missing', read({ printedMissing: { cells: 2, as: ['-'] } }));
    assert.equal(
      dash.sentences[0],
      '2 of 9 cells are missing; each prints a dash in place of a number.',
    );
  });

  it('says no value was read where the image shows no missing value printed, or some only', () => {
    for (const grid of [{}, { printedMissing: { cells: 1, as: ['nan'] } }])
      assert.equal(
        run('missing', read(grid)).sentences[0],
        '2 of 9 cells are missing; no value was read for them from the image.',
      );
    // The figure's own data: heatfig leaves them blank.
    const own = run(
      'missing',
      figureOf([
        [null, 1],
        [2, 3],
      ]),
    );
    assert.match(own.sentences[0]!, /they are left blank\.$/);
  });
});
