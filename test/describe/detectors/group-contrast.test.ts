import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { labelGroups } from '../../../src/describe/detectors/group-contrast.ts';
import { DETECTORS } from '../../../src/describe/detectors/index.ts';
import { assertChecks, figureOf, held, run } from './helpers.ts';

describe('detector: group_contrast (issue 15: the story first)', () => {
  it('groups labels by their first word', () => {
    assert.deepEqual(labelGroups(['cities', 'neg_cities', 'facts', 'neg_facts', 'neg_x']), [
      { prefix: 'neg_', members: [1, 3, 4] },
    ]);
    assert.deepEqual(labelGroups(['a_1', 'a_2', 'b']), []); // leaves fewer than 2 others
  });

  it("says seed 002's point: the neg_ rows fail on t_p, every one of them", () => {
    const rows = ['cities', 'neg_cities', 'facts', 'neg_facts', 'trans', 'neg_trans'];
    const f = figureOf(
      [
        [1, 1, 1],
        [1, 0, 1],
        [0.96, 0.92, 0.96],
        [0.93, 0.09, 0.93],
        [1, 0.98, 1],
        [0.98, 0.03, 0.98],
      ],
      { rows, cols: ['t_g', 't_p', 'd_LR'], vmin: 0, vmax: 1 },
    );
    const r = run('group_contrast', f);
    const [c] = held(r);
    assert.equal(c!.facts.on.label, 't_p');
    assert.equal(c!.facts.side, 'below');
    assert.equal(
      r.sentences[0],
      'Column `t_p` sets the rows starting with `neg_` apart: all 3 are at most 0.09 there, and all 3 others at least 0.92.',
    );
    assertChecks(f, c!);
    // The reading says which way, by the labels, hedged: a reader learns t_p fails on neg_ rows.
    assert.equal(
      DETECTORS.group_contrast.interpret!(c!),
      'Read by label, `t_p` is low wherever the rows start with `neg_`, and only there: if `neg_` marks a kind of input and higher is better, whatever `t_p` measures fails on that kind.',
    );
  });

  it('says nothing when the group overlaps the others, or is apart by less than a quarter of the scale', () => {
    const f = figureOf(
      [
        [0.5, 0.2],
        [0.4, 0.3],
        [0.6, 0.9],
        [0.3, 0.8],
      ],
      { rows: ['a', 'neg_a', 'b', 'neg_b'], vmin: 0, vmax: 1 },
    );
    assert.deepEqual(held(run('group_contrast', f)), []);
  });
});
