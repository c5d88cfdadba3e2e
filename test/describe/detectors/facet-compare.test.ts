import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { gridFromArray } from '../../../src/data/arrays.ts';
import { resolveSpec } from '../../../src/figure/resolve.ts';
import type { Spec } from '../../../src/spec/spec-type.ts';
import { assertChecks, held, run } from './helpers.ts';

/** The facets of an array of `shape`, each filled by `cell(facet, row, col)`. */
function facets(
  shape: number[],
  cell: (p: number, r: number, c: number) => number,
  spec: Partial<Spec> = {},
) {
  const [R, C] = shape.slice(-2) as [number, number];
  const n = shape.reduce((a, b) => a * b, 1);
  const values = Array.from({ length: n }, (_, i) =>
    cell(Math.floor(i / (R * C)), Math.floor(i / C) % R, i % C),
  );
  return resolveSpec({ data: [[0]], ...spec } as Spec, gridFromArray(values, shape));
}

describe('detector: facet_compare (issue 16: describe compares facets)', () => {
  it('names the facets with the highest and lowest mean, with ties', () => {
    const f = facets([4, 2, 3], (p, r, c) => [0.5, 0.9, 0.2, 0.9][p]! + 0.01 * (r + c), {
      facet: { colLabels: ['gpt', 'llama', 'bert', 't5'], colTitle: 'model' },
    });
    const r = run('facet_compare', f);
    const [c] = held(r);
    assert.ok(c);
    assert.deepEqual(c.facts, { best: ['model = llama', 'model = t5'], worst: ['model = bert'] });
    assert.equal(
      r.sentences[0],
      'Of the 4 facets, `model = llama` and `model = t5` share the highest mean, 0.915, and `model = bert` the lowest, 0.215.',
    );
    assertChecks(f, c);
  });

  it('names the most and least diagonal of square facets (attention heads)', () => {
    // Head 1 attends to itself, head 0 to the first position, head 2 a little to itself.
    const f = facets([1, 3, 4, 4], (p, r, c) =>
      p === 1 ? (r === c ? 0.85 : 0.05) : p === 0 ? (c === 0 ? 0.85 : 0.05) : r === c ? 0.4 : 0.2,
    );
    const r = run('facet_compare', f);
    const diag = held(r).find((c) => c.params.measure === 'diagonal')!;
    assert.deepEqual(diag.facts, { best: ['0 | 1'], worst: ['0 | 0'] });
    assert.match(
      r.sentences[r.found.indexOf(diag)]!,
      /^Of the 3 facets, `0 \| 1` is the most diagonal \(85% of its total on the diagonal\) and `0 \| 0` the least \(/,
    );
    assertChecks(f, diag);
  });

  it('says nothing when the facets show the same mean (attention rows summing to 1), or there are no facets', () => {
    const f = facets(
      [3, 3, 3],
      (p, r, c) => (c === p ? 0.5 : 0.25) + (p === 2 && r === 0 ? 1e-12 : 0),
    );
    assert.deepEqual(
      held(run('facet_compare', f)).filter((c) => c.params.measure === 'mean'),
      [],
    );
    const stacked = resolveSpec(
      { panels: [{ data: [[1]] }, { data: [[2]] }, { data: [[3]] }] } as Spec,
      gridFromArray([1, 2, 3], [3, 1, 1]),
    );
    assert.deepEqual(run('facet_compare', stacked).plan, []);
  });
});
