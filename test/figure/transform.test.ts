import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { gridFromArray } from '../../src/data/arrays.ts';
import { sortedGrid, transformPanel } from '../../src/figure/transform.ts';
import { render } from '../../src/pipeline.ts';
import { overlappingTexts, readJson } from '../helpers.ts';

const fixture = readJson<{ values: number[][]; transforms: Record<string, (number | null)[][]> }>(
  'test/fixtures/annot-templates.json',
);

describe('transforms before the colour scale (issue 16 part 3)', () => {
  it("z-scores and rescales rows and columns as seaborn's clustermap does, and normalises rows", () => {
    const grid = gridFromArray(fixture.values.flat(), [10, 10]);
    for (const [name, want] of Object.entries(fixture.transforms)) {
      const [kind, axis] = name.split(' ') as ['zScore', 'row'];
      const got = transformPanel(grid.panels[0]!, 10, { kind, axis });
      want.flat().forEach((w, k) => {
        const g = got[k]!;
        if (w === null) assert.ok(Number.isNaN(g), `${name}[${k}]: ${g}, want NaN`);
        else
          assert.ok(
            Math.abs(g - w) <= 1e-12 * Math.max(1, Math.abs(w)),
            `${name}[${k}]: ${g}, want ${w}`,
          );
      });
    }
  });

  it('normalises so each line sums to 1, whatever the values (property)', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.array(fc.double({ min: 0.001, max: 1e6, noNaN: true }), {
            minLength: 3,
            maxLength: 3,
          }),
          {
            minLength: 1,
            maxLength: 6,
          },
        ),
        fc.constantFrom('row' as const, 'col' as const, 'all' as const),
        (rows, axis) => {
          const grid = gridFromArray(rows.flat(), [rows.length, 3]);
          const out = transformPanel(grid.panels[0]!, 3, { kind: 'normalize', axis });
          const sums =
            axis === 'all'
              ? [out.reduce((a, b) => a + b, 0)]
              : axis === 'row'
                ? rows.map((_, r) => out[r * 3]! + out[r * 3 + 1]! + out[r * 3 + 2]!)
                : [0, 1, 2].map((c) => rows.reduce((s, _, r) => s + out[r * 3 + c]!, 0));
          for (const s of sums) assert.ok(Math.abs(s - 1) < 1e-9, `sum ${s}`);
        },
      ),
      { seed: 16, numRuns: 200 },
    );
  });

  it('draws the transformed values, keeps the raw ones, says so, and refuses two transforms', () => {
    const { figure } = render({
      data: [
        [1, 3],
        [2, 2],
      ],
      normalize: 'row',
      annot: true,
    });
    assert.deepEqual([...figure.grid.panels[0]!.values], [0.25, 0.75, 0.5, 0.5]);
    assert.deepEqual([...figure.raw![0]!], [1, 3, 2, 2]);
    assert.equal(figure.norm.vmax, 0.75);
    assert.throws(
      () => render({ data: [[1, 2]], zScore: 'row', standardScale: 'col' }),
      /zScore and standardScale are both given; give one/,
    );
  });

  it("sorts rows and columns by label, naturally, by mean, or by one column's values", () => {
    const grid = gridFromArray([1, 9, 5, 7, 3, 2], [3, 2], {
      rows: ['r10', 'r2', 'r1'],
      cols: ['b', 'a'],
    });
    const labels = (s: Parameters<typeof sortedGrid>[1]) => {
      const g = sortedGrid(grid, s);
      return [g.panels[0]!.rowLabels, g.colLabels, [...g.panels[0]!.values]];
    };
    assert.deepEqual(labels({ rows: 'natural', cols: 'label' }), [
      ['r1', 'r2', 'r10'],
      ['a', 'b'],
      [2, 3, 7, 5, 9, 1],
    ]);
    assert.deepEqual(labels({ rows: 'label' })[0], ['r1', 'r10', 'r2']);
    assert.deepEqual(labels({ rows: 'value' })[0], ['r2', 'r10', 'r1']);
    assert.deepEqual(labels({ rows: { by: 'b' } })[0], ['r10', 'r1', 'r2']);
    assert.throws(
      () => render({ data: [[1]], sort: { rows: { by: 'zzz' } } }),
      /sort by "zzz": there is no column with that label/,
    );
  });
});

describe('marginals (issue 16 part 3)', () => {
  it("writes each row's and column's total of the values as given, apart from the grid, none overlapping", () => {
    const { scene, layout } = render({
      data: [
        [1, 3],
        [2, 2],
      ],
      normalize: 'row',
      annot: true,
      fmt: '.0%',
      marginals: 'sum',
      xlabel: 'predicted',
      ylabel: 'true',
    });
    const texts = scene.primitives
      .filter((p) => p.type === 'text' && p.role === 'marginal')
      .map((p) => (p as { text: string }).text);
    // Rows 4 and 4, columns 3 and 5, all 8: of the counts, not of the fractions drawn.
    assert.deepEqual(texts, ['4', '4', '3', '5', '8']);
    const m = layout.marginals!;
    const b = layout.panels[0]!;
    assert.ok(m.column.x > b.x + 2 * b.cw);
    assert.ok(m.row.y > b.y + 2 * b.ch);
    // Their cells are outside the colour scale: pale, not a colormap colour.
    const fills = scene.primitives.filter((p) => p.type === 'rect' && p.role === 'marginal');
    assert.equal(fills.length, 5);
    assert.deepEqual(overlappingTexts(scene), []);
    assert.throws(
      () => render({ panels: [{ data: [[1]] }, { data: [[2]] }], marginals: 'sum' }),
      /marginals are drawn beside one panel/,
    );
    const mean = render({ data: [[1, 3]], marginals: 'mean', fmt: '.1f' })
      .scene.primitives.filter((p) => p.type === 'text' && p.role === 'marginal')
      .map((p) => (p as { text: string }).text);
    assert.deepEqual(mean, ['2.0', '1.0', '3.0', '2.0']);
  });
});
