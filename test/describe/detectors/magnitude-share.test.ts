import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { renderSpec } from '../../../src/node.ts';
import { ROOT } from '../../helpers.ts';
import { assertChecks, figureOf, held, run } from './helpers.ts';

describe('detector: magnitude_share (issue 15: seed 004, one row holds most of the attribution)', () => {
  it("says seed 004's row -x holds 61% of all |attribution|", () => {
    const f = renderSpec(`${ROOT}examples/seed-004.json`).figure;
    const r = run('magnitude_share', f);
    const [c] = held(r);
    assert.equal(c!.params.key.label, '-x');
    assert.equal(c!.numbers.find((n) => n.name === 'share')!.text, '61%');
    assert.equal(
      r.sentences[0],
      "Row `-x` holds 61% of the grid's total magnitude (the sum of absolute values), as one of 11 rows.",
    );
    assertChecks(f, c!);
  });

  it('says nothing when the magnitude is spread out, or a line holds less than three times its even share', () => {
    const even = figureOf([
      [1, 2, 1],
      [2, 1, 2],
      [1, 1, 1],
      [2, 2, 2],
    ]);
    assert.deepEqual(held(run('magnitude_share', even)), []);
    // 45% of the total, but among 2 columns… and rows: 4 rows, the largest holds 40% (< 3 × 25%).
    const four = figureOf([
      [4, 0.1],
      [2, 0.1],
      [2, 0.1],
      [2, 0.1],
    ]);
    const found = held(run('magnitude_share', four));
    assert.deepEqual(found, []);
  });
});
