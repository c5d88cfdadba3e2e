import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { chanceApart, labelGroups } from '../../../src/describe/detectors/group-contrast.ts';
import { describe as describeFigure } from '../../../src/describe/describe.ts';
import { Warnings } from '../../../src/errors.ts';
import { gridFromSpec } from '../../../src/figure/grid-from-spec.ts';
import { resolveSpec } from '../../../src/figure/resolve.ts';
import type { Spec } from '../../../src/spec/spec-type.ts';
import { normals } from '../random.ts';
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
    const rows = [
      'cities',
      'neg_cities',
      'facts',
      'neg_facts',
      'trans',
      'neg_trans',
      'inv',
      'neg_inv',
    ];
    const f = figureOf(
      [
        [1, 1, 1],
        [1, 0, 1],
        [0.96, 0.92, 0.96],
        [0.93, 0.09, 0.93],
        [1, 0.98, 1],
        [0.98, 0.03, 0.98],
        [0.97, 0.98, 0.94],
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
      'Column `t_p` sets the rows starting with `neg_` apart: all 4 are at most 0.09 there, and all 4 others at least 0.92.',
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

  it('weighs the gap against groups picked at random: every pick of k of n, or seeded ones', () => {
    // Seed 002's reduction: only the neg_ rows, and the others (half the rows each), stand
    // 0.83 apart on t_p: 2 picks of 20 (six rows cannot tell; seed 002's twelve, 2 of 924).
    const tp = [1, 0, 0.92, 0.09, 0.98, 0.03];
    assert.equal(chanceApart([tp], 6, 3, 0.83, 0.05), 2 / 20);
    // Any two of six are apart on a line of six evenly spread values by a sixth at least:
    // the top two or the bottom two, 2 picks of 15.
    assert.equal(chanceApart([[0, 0.2, 0.4, 0.6, 0.8, 1]], 6, 2, 0.2, 0.05), 2 / 15);
    // Rare enough by the bound alone: 2 · 3 lines / C(40, 20).
    assert.ok(chanceApart([tp, tp, tp], 40, 20, 0.5, 0.05) < 1e-9);
    // Seeded picks (C(30, 6) = 593,775): the same answer each time, the group counted once.
    const wide = Array.from({ length: 60 }, (_, j) =>
      Array.from({ length: 30 }, (_, i) => ((i * 7 + j * 13) % 30) / 29),
    );
    const p = chanceApart(wide, 30, 6, 0.1, 1e-6);
    assert.equal(p, chanceApart(wide, 30, 6, 0.1, 1e-6));
    assert.ok(p >= 1 / 2001 && p <= 1);
  });

  it('says two rows of eight apart on the one column where they alone are low: "both"', () => {
    const f = figureOf([[0.9], [0.1], [0.8], [0.05], [0.7], [0.85], [0.95], [0.75]], {
      rows: ['a', 'neg_a', 'b', 'neg_b', 'c', 'd', 'e', 'f'],
      cols: ['acc'],
      vmin: 0,
      vmax: 1,
    });
    const r = run('group_contrast', f);
    const [c] = held(r);
    assert.equal(
      r.sentences[0],
      'Column `acc` sets the rows starting with `neg_` apart: both are at most 0.1 there, and all 6 others at least 0.7.',
    );
    assertChecks(f, c!);
  });

  it('is said of at most 5% of noise grids whose rows are labelled in groups (300 seeded grids each)', () => {
    const normal = normals(3);
    for (const [rows, m] of [
      [['GPT 2 small', 'GPT 2 medium', 'OPT 1.3B', 'Pythia 410M', 'T5 base', 'BERT base'], 11],
      [['neg_a', 'neg_b', 'neg_c', 'pos_a', 'pos_b', 'pos_c', 'x', 'y'], 8],
      [['a_1', 'a_2', 'b_1', 'b_2'], 5],
    ] as [string[], number][]) {
      let said = 0;
      for (let k = 0; k < 300; k++) {
        const values = rows.map(() => Array.from({ length: m }, () => normal()));
        const spec = {
          data: { values, rows, cols: values[0]!.map((_, j) => `c${j}`) },
        } as Spec;
        const d = describeFigure(resolveSpec(spec, gridFromSpec(spec, null), new Warnings()));
        if (d.sentences.some((s) => / apart: /.test(s.text))) said++;
      }
      // (Before the permutation test: 11.7% of the first, 31.7% of the last.)
      assert.ok(said / 300 <= 0.05, `${rows.length}×${m}: ${said} of 300`);
    }
  });
});
