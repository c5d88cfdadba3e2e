/**
 * Clustering in the join stage (issue 18): rows and columns in the trees' order after
 * zScore, with their labels, raw values, and a cell-by-cell mask moved with them; colour
 * bars; each refusal with its one line and JSON path.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { gridFromMatrix } from '../../src/data/grid.ts';
import { Warnings } from '../../src/errors.ts';
import { cluster } from '../../src/figure/cluster.ts';
import { gridFromSpec } from '../../src/figure/grid-from-spec.ts';
import { resolveSpec } from '../../src/figure/resolve.ts';
import { render } from '../../src/pipeline.ts';
import type { Spec } from '../../src/spec/spec-type.ts';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { renderSpec } from '../../src/node.ts';
import { writeNpy } from '../data/writers.ts';
import { assertRefused, tempDir } from '../helpers.ts';

const values = [
  [1, 2, 3, 4],
  [9, 8, 7, 6],
  [1.5, 2.5, 3, 4.2],
  [8, 8, 7, 5],
];
const data = { values, rows: ['a', 'b', 'c', 'd'], cols: ['w', 'x', 'y', 'z'] };
const resolve = (spec: Partial<Spec>, warnings = new Warnings()) => {
  const s = { data, ...spec } as Spec;
  return resolveSpec(s, gridFromSpec(s, null), warnings);
};

describe('cluster in the join stage', () => {
  it('reorders rows and columns by the trees’ leaves, labels, values and mask alike', () => {
    const mask = values.map((r, i) => r.map((_, j) => i === 1 && j === 0));
    const f = resolve({ cluster: true, mask });
    const p = f.grid.panels[0]!;
    assert.deepEqual(p.rowLabels, ['a', 'c', 'b', 'd']);
    assert.deepEqual(f.grid.colLabels, ['z', 'y', 'w', 'x']);
    assert.deepEqual(Array.from(p.values.slice(0, 4)), [4, 3, 1, 2]);
    // Cell (b, w) masked in the data's order is masked where it is drawn: row 2, column 2.
    assert.equal(f.mask[0]![2 * 4 + 2], 1);
    assert.equal(
      f.mask[0]!.reduce((a, b) => a + b, 0),
      1,
    );
    assert.deepEqual(f.dendrograms?.rows?.order, [0, 2, 1, 3]);
  });

  it('clusters the z-scored values and keeps the raw ones for the hover', () => {
    const f = resolve({ cluster: { cols: false }, zScore: 'row' });
    assert.equal(f.dendrograms?.cols, null);
    assert.deepEqual(f.grid.colLabels, ['w', 'x', 'y', 'z']);
    const rows = f.grid.panels[0]!.rowLabels;
    // Rows a and c rise, b and d fall: z-scored, they pair as such.
    assert.deepEqual(
      [rows.indexOf('a') >> 1, rows.indexOf('b') >> 1],
      [rows.indexOf('c') >> 1, rows.indexOf('d') >> 1],
    );
    const raw = f.raw![0]!;
    const i = rows.indexOf('b');
    assert.deepEqual(Array.from(raw.slice(i * 4, i * 4 + 4)), [9, 8, 7, 6]);
  });

  it('colours each row’s bar by its category, in the drawn order', () => {
    const f = resolve({
      cluster: { rowColors: [{ name: 'kind', values: ['x', 'y', 'x', 'z'] }] },
    });
    const bar = f.dendrograms!.rowBars[0]!;
    assert.deepEqual(bar.colors, ['#1f77b4', '#1f77b4', '#ff7f0e', '#2ca02c']);
    assert.deepEqual(
      bar.legend.map((e) => e.label),
      ['x', 'y', 'z'],
    );
  });

  it('warns of missing cells left out of the distances, counting them', () => {
    const w = new Warnings();
    const s = {
      data: {
        values: [
          [1, null, 3],
          [1, 2, 3],
          [7, 8, 9],
        ],
      },
      cluster: { cols: false },
    } as Spec;
    resolveSpec(s, gridFromSpec(s, null), w);
    assert.deepEqual(w.list, [
      "1 missing cell left out of the euclidean distances between rows: each pair is measured over the values both have (pairwise-complete, scaled up to all columns as R's dist does)",
    ]);
  });

  it('is a library function too: cluster(grid) gives each axis’s Z, order and merges', () => {
    const { rows, cols } = cluster(gridFromMatrix(values));
    assert.deepEqual(rows?.order, [0, 2, 1, 3]);
    assert.deepEqual(cols?.order, [3, 2, 0, 1]);
    assert.equal(rows?.z.length, 3 * 4);
    assert.equal(rows?.links.length, 3);
    assert.equal(cluster(gridFromMatrix(values), { cols: false }).cols, null);
  });

  it('clusters a grid held whole but drawn in blocks: arranged whole, then reduced (zScore too)', () => {
    const n = 2500;
    const rows = Array.from({ length: n }, (_, r) =>
      Array.from({ length: 20 }, (_, c) => Math.sin(r * 0.7) * (c % 5) + ((r * 31 + c * 7) % 11)),
    );
    for (const extra of [{}, { zScore: 'row' }] as const) {
      const r = render({ data: rows, cluster: { cols: false }, ...extra } as Spec, {
        format: 'png',
      });
      const f = r.figure;
      assert.ok(f.grid.reduced, 'drawn in blocks');
      assert.ok(f.grid.panels[0]!.rows < n);
      assert.equal(f.dendrograms?.rows?.order.length, n);
      // The trees' leaves spread over the whole height of the blocks.
      const ys = r.layout.dendrograms.filter((l) => l.y1 === l.y2).map((l) => l.y1);
      const p = r.layout.panels[0]!;
      assert.ok(Math.min(...ys) >= p.y && Math.max(...ys) <= p.y + p.rows * p.ch + 1e-6);
    }
  });

  it('refuses to cluster or transform a streamed .npy, which is never held whole', () => {
    const file = join(tempDir('heatfig-cluster-'), 'big.npy');
    // 3000 × 1500 float32: 18 MB, past the 16 MB from which a .npy is streamed in blocks.
    writeFileSync(file, writeNpy(new Array(3000 * 1500).fill(0.5), [3000, 1500], 'f4'));
    assertRefused(
      () => renderSpec({ data: file, cluster: true } as Spec, { format: 'png' }),
      /cluster needs every cell, and this grid is too large to hold whole/,
      '$.cluster',
    );
    assertRefused(
      () => renderSpec({ data: file, zScore: 'row' } as Spec, { format: 'png' }),
      /zScore needs every cell/,
      '$.zScore',
    );
  });

  it('refuses what it cannot do, with one line and where', () => {
    assertRefused(
      () => resolve({ cluster: true, sort: { rows: 'label' } }),
      /cluster reorders the rows and columns itself; leave out sort/,
      '$.sort',
    );
    assertRefused(
      () => resolve({ cluster: { method: 'ward', metric: 'cityblock' } }),
      /Euclidean distances only/,
      '$.cluster',
    );
    assertRefused(
      () => resolve({ cluster: { rowColors: [{ values: ['x'] }] } }),
      /1 values for 4 rows; give one category per row/,
      '$.cluster.rowColors[0].values',
    );
    assertRefused(
      () => resolve({ cluster: { rowLinkage: [[0, 1, 1, 2]] } }),
      /the row linkage is not a linkage of 4 leaves .*: it has 1 rows/,
      '$.cluster.rowLinkage',
    );
    const panels = {
      panels: [
        {
          title: 'one',
          data: [
            [1, 2],
            [3, 4],
          ],
        },
        {
          title: 'two',
          data: [
            [5, 6],
            [7, 8],
          ],
        },
      ],
      cluster: true,
    } as unknown as Spec;
    assertRefused(() => render(panels), /clustering needs one matrix/, '$.cluster');
  });
});
