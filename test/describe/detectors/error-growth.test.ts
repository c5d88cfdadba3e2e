import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Warnings } from '../../../src/errors.ts';
import { gridFromSpec } from '../../../src/figure/grid-from-spec.ts';
import { resolveSpec } from '../../../src/figure/resolve.ts';
import type { Spec } from '../../../src/spec/spec-type.ts';
import { assertChecks, held, run } from './helpers.ts';

const targets = [
  [0, 1, 0, 1, 0, 1, 0, 1],
  [1, 0, 1, 0, 1, 0, 1, 0],
];
const outputs = targets.map((row) => row.map((v, i) => v + (i % 2 ? -1 : 1) * 0.05 * (i + 1)));

describe('detector: error_growth', () => {
  it('finds the mean difference between paired panels growing along the columns', () => {
    const spec = {
      panels: [
        { title: 'Targets', data: targets },
        { title: 'Outputs', data: outputs },
      ],
    } as Spec;
    const f = resolveSpec(spec, gridFromSpec(spec, null), new Warnings());
    const r = run('error_growth', f);
    const [c] = held(r);
    assert.equal(c!.facts.direction, 'up');
    assert.equal(c!.facts.segmentsIncreasing, true);
    assert.match(
      r.sentences[0]!,
      /^Between `Targets` and `Outputs`, the mean absolute difference grows/,
    );
    assertChecks(f, c!);
  });

  it('is not planned without a target and an output panel', () => {
    const spec = {
      panels: [
        { title: 'a', data: targets },
        { title: 'b', data: outputs },
      ],
    } as Spec;
    const f = resolveSpec(spec, gridFromSpec(spec, null), new Warnings());
    assert.deepEqual(run('error_growth', f).plan, []);
  });
});
