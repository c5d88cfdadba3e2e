import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { assertChecks, figureOf, held, run } from './helpers.ts';

describe('detector: sign', () => {
  it('counts cells on each side of the centre and names the largest magnitude', () => {
    const f = figureOf(
      [
        [-1, 2, 0],
        [-3, 4, 0.5],
      ],
      { center: 0 },
    );
    const r = run('sign', f);
    const [c] = held(r);
    const n = (k: string) => c!.numbers.find((x) => x.name === k)!.value;
    assert.deepEqual([n('above'), n('below'), n('at'), n('largest')], [3, 2, 1, 4]);
    assert.deepEqual(
      c!.facts.wholeColumns.map((x) => `${x.key.label} ${x.side}`),
      ['c0 below', 'c1 above'],
    );
    assertChecks(f, c!);
  });

  it('is not planned for a scale that does not diverge', () => {
    assert.deepEqual(
      run(
        'sign',
        figureOf([
          [1, 2],
          [3, 4],
        ]),
      ).plan,
      [],
    );
  });

  it('counts infinite cells on their side, and takes one as the largest magnitude (issue 15)', () => {
    const f = figureOf(
      [
        [-1, 2, Infinity],
        [-3, -Infinity, 0.5],
      ],
      { center: 0 },
    );
    const [c] = held(run('sign', f));
    const n = (k: string) => c!.numbers.find((x) => x.name === k)!.value;
    assert.deepEqual([n('above'), n('below')], [3, 3]);
    assert.equal(n('largest'), Infinity);
    assertChecks(f, c!);
  });
});
