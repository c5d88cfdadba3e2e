import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { assertChecks, figureOf, held, run } from './helpers.ts';

describe('detector: summary', () => {
  it('counts cells, the missing and the range, and says what the figure is', () => {
    const f = figureOf(
      [
        [1, 2, null],
        [4, 5, 6],
      ],
      { title: 'T', xlabel: 'x', ylabel: 'y' },
    );
    const r = run('summary', f);
    const [c] = held(r);
    const n = (k: string) => c!.numbers.find((x) => x.name === k)!.value;
    assert.deepEqual(
      [n('rows'), n('cols'), n('cells'), n('finite'), n('missing')],
      [2, 3, 6, 5, 1],
    );
    assert.deepEqual([n('min'), n('max'), n('mean'), n('median')], [1, 6, 3.6, 4]);
    assert.deepEqual(c!.params.titles, ['T', 'x', 'y']);
    assert.equal(
      r.sentences[0],
      '`T`: a heatmap of 2 rows by 3 columns (6 cells); rows are `y`, columns are `x`; values range from 1 to 6, mean 3.6.',
    );
    assertChecks(f, c!);
  });

  it('says so when no cell has a value', () => {
    const r = run('summary', figureOf([[null, null]]));
    assert.match(r.sentences[0]!, /no cell has a finite value/);
  });
});

describe('detector: summary, with infinite cells (issue 15)', () => {
  it('counts infinite cells as infinite, not missing', () => {
    const f = figureOf([
      [1, Infinity, -Infinity, null],
      [2, 3, 4, 5],
    ]);
    const r = run('summary', f);
    const [c] = held(r);
    const n = (k: string) => c!.numbers.find((x) => x.name === k)!.value;
    assert.deepEqual([n('finite'), n('infinite'), n('missing')], [5, 2, 1]);
    assert.match(r.sentences[0]!, /finite values range from 1 to 5, mean 3; 2 cells are infinite/);
    assertChecks(f, c!);
  });
});
