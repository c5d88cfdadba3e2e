import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { normals } from '../random.ts';
import { assertChecks, figureOf, held, run } from './helpers.ts';

/** A rows × cols grid of Gaussian noise plus `slope` × (column / cols), numbered axes. */
function grid(rows: number, cols: number, slope: number, seed: number, from = 1) {
  const normal = normals(seed);
  const values = Array.from({ length: rows }, () =>
    Array.from({ length: cols }, (_, j) => (slope * j) / cols + normal()),
  );
  return figureOf(values, {
    rows: values.map((_, i) => String(i + from)),
    cols: values[0]!.map((_, j) => String(j)),
  });
}

describe('detector: gradient (issue 15: large grids are tested on blocks of lines)', () => {
  it('finds a left-to-right gradient in 300 rows, in blocks of 6, and says what was tested', () => {
    const f = grid(300, 120, 1, 5);
    const r = run('gradient', f);
    const [c] = held(r);
    assert.ok(c, 'no gradient found');
    assert.equal(c.params.line, 'row');
    assert.equal(c.facts.direction, 'up');
    assert.match(
      r.sentences[0]!,
      /^Values rise from left to right, from a mean of \S+ in the first column to \S+ in the last: (4[0-9]|50) of 50 blocks of 6 rows go that way over their 120 columns \(too many for a test per row; Mann–Kendall per block, p < 0\.05 after adjusting for the 100 tests\)\.$/,
    );
    assertChecks(f, c);
  });

  it('finds it in an array read without labels (0, 1, … along both axes), and in long lines', () => {
    const square = run('gradient', grid(120, 120, -2, 6, 0));
    assert.equal(held(square)[0]?.facts.direction, 'down');
    // 20 rows of 1000 cells: one row per block, bins of 2 or 3 cells.
    const long = run('gradient', grid(20, 1000, 2, 7));
    const [c] = held(long);
    assert.equal(c?.facts.direction, 'up');
    assert.match(
      long.sentences[0]!,
      /: 20 of 20 rows go that way over 400 bins of 2 to 3 columns \(too many for a test per row; Mann–Kendall per row,/,
    );
  });

  it('is planned only for axes too large to test line by line (the trend detectors test the rest)', () => {
    assert.deepEqual(run('gradient', grid(40, 40, 1, 8)).plan, []);
    // 50 rows of 400: rows are tested one by one; 400 columns are too many.
    assert.deepEqual(
      run('gradient', grid(50, 400, 1, 8)).plan.map((p) => p.line),
      ['col'],
    );
  });

  it('says nothing of noise: no gradient in 40 seeded 120 × 120 grids', () => {
    let found = 0;
    for (let k = 0; k < 40; k++) found += held(run('gradient', grid(120, 120, 0, 100 + k))).length;
    assert.equal(found, 0);
  });
});
