/**
 * Clustering against scipy (issue 18): linkage heights to 1e-9 relative and the same merges,
 * dendrogram leaves and optimal leaf ordering exactly, over every method × metric on the
 * inputs of test/fixtures/cluster/scipy.json (written by Debian's python3-scipy with
 * scripts/make-cluster-fixtures.py), including ties, duplicate rows and two or three points;
 * scipy's refusals are heatfig's; seaborn's clustermap order for a z-scored table.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { clusterAxis, treeOfLinkage } from '../../src/cluster/cluster.ts';
import { METRICS, type Metric } from '../../src/cluster/distance.ts';
import { METHODS, type Method } from '../../src/cluster/linkage.ts';
import { HeatfigError } from '../../src/errors.ts';
import { transformPanel } from '../../src/figure/transform.ts';
import { ROOT, tempDir } from '../helpers.ts';

interface Case {
  input: string;
  method: Method;
  metric: Metric;
  Z?: number[][];
  leaves?: number[];
  olo?: number[];
  error?: string;
}
interface Fixture {
  inputs: Record<string, number[][]>;
  cases: Case[];
  clustermap: { values: number[][]; rows: number[]; cols: number[]; rowZ: number[][] };
}
const F = JSON.parse(
  readFileSync(join(ROOT, 'test/fixtures/cluster/scipy.json'), 'utf8'),
) as Fixture;
const PY = '/usr/bin/python3';
const hasScipy =
  existsSync(PY) &&
  spawnSync(PY, ['-c', 'import scipy, seaborn'], { encoding: 'utf8' }).status === 0;
const matrix = (rows: number[][]) => ({
  x: Float64Array.from(rows.flat()),
  n: rows.length,
  d: rows[0]!.length,
});

/** Every case of a fixture compared: the linkage, leaves and optimal order, or the refusal. */
function compareAll(F: Fixture): number {
  let compared = 0;
  for (const c of F.cases) {
    const { x, n, d } = matrix(F.inputs[c.input]!);
    const what = `${c.input} ${c.method}/${c.metric}`;
    if (c.error) {
      assert.throws(
        () => clusterAxis(x, n, d, c, 'rows', '$.cluster'),
        HeatfigError,
        `${what}: scipy refused (${c.error})`,
      );
      continue;
    }
    const t = clusterAxis(x, n, d, c, 'rows', '$.cluster');
    c.Z!.forEach((row, k) => {
      assert.deepEqual(
        [t.z[k * 4], t.z[k * 4 + 1], t.z[k * 4 + 3]],
        [row[0], row[1], row[3]],
        `${what}: merge ${k}`,
      );
      const h = t.z[k * 4 + 2]!;
      assert.ok(
        Math.abs(h - row[2]!) <= 1e-9 * Math.max(1, Math.abs(row[2]!)),
        `${what}: height ${k}: ${h} vs ${row[2]}`,
      );
    });
    assert.deepEqual(t.order, c.leaves, `${what}: leaves`);
    if (c.olo) {
      const o = clusterAxis(x, n, d, { ...c, optimalOrdering: true }, 'rows', '$.cluster');
      assert.deepEqual(o.order, c.olo, `${what}: optimal leaf ordering`);
    }
    compared++;
  }
  return compared;
}

describe('clusterAxis, as scipy', () => {
  it('gives scipy’s linkage, leaves and optimal leaf order for every method × metric', () => {
    const compared = compareAll(F);
    assert.ok(compared > 180, `${compared} cases compared`);
  });

  it('agrees with scipy run now on other random inputs (Debian’s python3-scipy)', {
    skip: hasScipy ? false : 'Debian python3-scipy and python3-seaborn are not installed',
  }, () => {
    const out = join(tempDir('heatfig-cluster-'), 'fresh.json');
    const r = spawnSync(PY, [join(ROOT, 'scripts/make-cluster-fixtures.py'), out, '2026'], {
      encoding: 'utf8',
    });
    assert.equal(r.status, 0, r.stderr);
    assert.ok(compareAll(JSON.parse(readFileSync(out, 'utf8')) as Fixture) > 180);
  });

  it('orders a z-scored table as seaborn’s clustermap does', () => {
    const cm = F.clustermap;
    const { x, n, d } = matrix(cm.values);
    const z = transformPanel({ rows: n, rowLabels: [], values: x, title: null }, d, {
      kind: 'zScore',
      axis: 'row',
    });
    const rows = clusterAxis(z, n, d, { metric: 'correlation' }, 'rows', '$.cluster');
    assert.deepEqual(rows.order, cm.rows);
    const t = new Float64Array(n * d);
    for (let r = 0; r < n; r++) for (let c = 0; c < d; c++) t[c * n + r] = z[r * d + c]!;
    assert.deepEqual(
      clusterAxis(t, d, n, { metric: 'correlation' }, 'columns', '$.cluster').order,
      cm.cols,
    );
  });

  it('takes scipy’s own Z, and refuses one that is not a linkage of its leaves', () => {
    const cm = F.clustermap;
    assert.deepEqual(
      treeOfLinkage(cm.rowZ, cm.values.length, 'row', '$.cluster.rowLinkage').order,
      cm.rows,
    );
    assert.throws(
      () => treeOfLinkage([[0, 0, 1, 2]], 2, 'row', '$.cluster.rowLinkage'),
      /the row linkage is not a linkage of 2 leaves/,
    );
    assert.throws(() => treeOfLinkage([], 3, 'row', '$.w'), /it has 0 rows/);
  });

  it('refuses more leaves than its bound before computing anything, saying the memory needed', () => {
    const n = 20_001;
    assert.throws(
      () => clusterAxis(new Float64Array(n), n, 1, {}, 'rows', '$.cluster'),
      (e: unknown) =>
        e instanceof HeatfigError &&
        e.code === 'too-large' &&
        e.message ===
          '$.cluster: clustering 20001 rows needs 1.5 GiB for their pairwise distances; heatfig clusters at most 20000 rows (aggregate or sample them first)',
    );
  });

  it('refuses what scipy cannot do, with one line', () => {
    const { x, n, d } = matrix([
      [1, 2],
      [3, 4],
      [5, 7],
    ]);
    assert.throws(
      () => clusterAxis(x, n, d, { method: 'ward', metric: 'cosine' }, 'rows', '$.cluster'),
      /defined on Euclidean distances only/,
    );
    assert.throws(
      () => clusterAxis(x, n, d, { metric: 'precomputed' }, 'rows', '$.cluster'),
      /square matrix of distances, not 3×2/,
    );
    const asym = Float64Array.from([0, 1, 2, 1, 0, 3, 2, 4, 0]);
    assert.throws(
      () => clusterAxis(asym, 3, 3, { metric: 'precomputed' }, 'rows', '$.cluster'),
      /row 2, column 1 differs/,
    );
    const zero = matrix([
      [0, 0],
      [1, 2],
      [2, 1],
    ]);
    assert.throws(
      () => clusterAxis(zero.x, 3, 2, { metric: 'cosine' }, 'rows', '$.cluster'),
      /rows 0 and 1 have no cosine distance/,
    );
  });

  it('clusters with missing values over the pairs’ common columns, and counts them', () => {
    const { x, n, d } = matrix([
      [1, Number.NaN, 3],
      [1, 2, 3],
      [9, 9, Number.NaN],
      [8, 9, 9],
    ]);
    const t = clusterAxis(x, n, d, {}, 'rows', '$.cluster');
    assert.equal(t.missing, 2);
    assert.deepEqual(t.order.slice().sort(), [0, 1, 2, 3]);
    // Rows 0 and 1 agree wherever both have values: distance 0, merged first.
    assert.deepEqual([t.z[0], t.z[1], t.z[2]], [0, 1, 0]);
    const none = matrix([
      [1, Number.NaN],
      [Number.NaN, 2],
    ]);
    assert.throws(() => clusterAxis(none.x, 2, 2, {}, 'rows', '$.cluster'), /share no value/);
  });

  it('never crashes: any matrix (missing cells, constant and duplicate rows, one row), any method and metric, gives a tree or a HeatfigError', () => {
    const methods = METHODS;
    const metrics = [...METRICS, 'precomputed'] as const;
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 9 }),
        fc.integer({ min: 1, max: 5 }),
        fc.constantFrom(...methods),
        fc.constantFrom(...metrics),
        fc.boolean(),
        fc.array(
          fc.oneof(
            fc.integer({ min: -2, max: 2 }),
            fc.constant(Number.NaN),
            fc.double({ min: -1e6, max: 1e6, noNaN: true }),
          ),
          { minLength: 45, maxLength: 45 },
        ),
        (n, d, method, metric, optimalOrdering, vals) => {
          const x = Float64Array.from(vals.slice(0, n * d));
          try {
            const t = clusterAxis(
              x,
              n,
              d,
              { method, metric, optimalOrdering },
              'rows',
              '$.cluster',
            );
            assert.deepEqual(
              t.order.slice().sort((a, b) => a - b),
              Array.from({ length: n }, (_, i) => i),
            );
          } catch (e) {
            assert.ok(e instanceof HeatfigError, String((e as Error).stack));
          }
        },
      ),
      { numRuns: 500 },
    );
  });

  it('never crashes on any finite matrix: a tree of every leaf, heights in order', () => {
    const methods: Method[] = ['single', 'complete', 'average', 'weighted', 'ward'];
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 1, max: 4 }),
        fc.constantFrom(...methods),
        fc.array(fc.integer({ min: -3, max: 3 }), { minLength: 48, maxLength: 48 }),
        (n, d, method, vals) => {
          const x = Float64Array.from(vals.slice(0, n * d));
          const t = clusterAxis(x, n, d, { method, optimalOrdering: true }, 'rows', '$.cluster');
          assert.deepEqual(
            t.order.slice().sort((a, b) => a - b),
            Array.from({ length: n }, (_, i) => i),
          );
          for (let k = 1; k < n - 1; k++) assert.ok(t.z[k * 4 + 2]! >= t.z[(k - 1) * 4 + 2]!);
        },
      ),
      { numRuns: 300 },
    );
  });
});
