import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkClaims } from '../../../src/describe/check.ts';
import { describe as describeFigure } from '../../../src/describe/describe.ts';
import { assertChecks, figureOf, held, run } from './helpers.ts';

const values = [
  [1, 2, 3, 4],
  [9, 8, 7, 6],
  [1.5, 2.5, 3, 4.2],
  [8, 8, 7, 5],
];
const opts = { rows: ['a', 'b', 'c', 'd'], cols: ['w', 'x', 'y', 'z'] };

describe('detector: clusters (issue 18: describe states the clusters)', () => {
  it('says each axis’s top split: its height, its two groups and their means; checkable', () => {
    const f = figureOf(values, { ...opts, cluster: true });
    const r = run('clusters', f);
    assert.deepEqual(
      r.plan.map((p) => p.lines),
      ['row', 'col'],
    );
    const [rows, cols] = held(r);
    assert.ok(rows && cols);
    assert.deepEqual(
      [rows.facts.first.map((k) => k.label), rows.facts.second.map((k) => k.label)],
      [
        ['a', 'c'],
        ['b', 'd'],
      ],
    );
    assert.equal(
      r.sentences[0],
      'Clustering (average linkage of euclidean distances) splits the rows first, at height 10.2, into 2 rows (`a` and `c`) with mean 2.65 and 2 rows (`b` and `d`) with mean 7.25.',
    );
    assert.match(
      r.sentences[1]!,
      /splits the columns first, at height 4\.35, into 1 column \(`z`\)/,
    );
    assertChecks(f, rows);
    assertChecks(f, cols);
    // The groups are facts: a claim that moves a row to the other group fails.
    const moved = {
      ...rows,
      facts: {
        first: [rows.facts.first[0]!],
        second: [...rows.facts.first.slice(1), ...rows.facts.second],
      },
    };
    const grid = r.writer.grid;
    assert.equal(checkClaims(grid, [moved]).ok, false);
  });

  it('says a symmetric matrix’s split once, for rows and columns alike', () => {
    const corr = [
      [1, 0.9, 0.1, 0.2],
      [0.9, 1, 0.15, 0.1],
      [0.1, 0.15, 1, 0.8],
      [0.2, 0.1, 0.8, 1],
    ];
    const d = describeFigure(
      figureOf(corr, {
        rows: ['p', 'q', 'r', 's'],
        cols: ['p', 'q', 'r', 's'],
        cluster: { metric: 'correlation' },
      }),
    );
    const said = d.sentences.filter((s) => s.text.startsWith('Clustering'));
    assert.equal(said.length, 1);
    assert.match(
      said[0]!.text,
      /splits the rows and the columns alike first, at height [\d.]+, into 2 \(`p` and `q`\)/,
    );
    assert.deepEqual(checkClaims(d.grid, d.claims).failures, []);
  });

  it('does not apply without clustering, to a tree given as a linkage, or to two lines', () => {
    assert.deepEqual(run('clusters', figureOf(values, opts)).plan, []);
    const given = figureOf(values, {
      ...opts,
      cluster: {
        cols: false,
        rowLinkage: [
          [0, 2, 1, 2],
          [1, 3, 2, 2],
          [4, 5, 10, 4],
        ],
      },
    });
    assert.deepEqual(run('clusters', given).plan, []);
    assert.deepEqual(
      run(
        'clusters',
        figureOf(
          [
            [1, 2],
            [3, 4],
          ],
          { cluster: true },
        ),
      ).plan,
      [],
    );
  });
});
