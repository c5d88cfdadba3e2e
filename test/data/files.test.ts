/**
 * Loading files as numpy and pandas write them: every .npy dtype, byte order and memory
 * order, 1-D and 3-D, format versions 1–3, .npz plain and compressed, pandas CSV/TSV.
 * The committed fixtures come from scripts/make-file-fixtures.py; when Debian's numpy and
 * pandas are on the machine, the test writes a fresh set with them and checks that too.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import type { Grid } from '../../src/data/grid.ts';
import { gridFromBytes } from '../../src/data/load.ts';
import { npzKeys } from '../../src/data/npz.ts';
import { reduceGrid } from '../../src/data/reduce.ts';
import { load } from '../../src/node.ts';
import { ROOT, tempDir } from '../helpers.ts';

type Enc = (number | string | null)[][][];
const dec = (v: number | string | null) =>
  v === null ? Number.NaN : v === 'inf' ? Infinity : v === '-inf' ? -Infinity : (v as number);

function assertGrid(g: Grid, want: Enc, what: string) {
  assert.equal(g.panels.length, want.length, `${what}: panels`);
  g.panels.forEach((p, i) => {
    const w = want[i]!;
    assert.equal(p.rows, w.length, `${what}: rows`);
    assert.equal(g.cols, w[0]!.length, `${what}: cols`);
    w.flat().forEach((v, k) => {
      const got = p.values[k]!;
      const exp = dec(v);
      assert.ok(
        Object.is(got, exp) || got === exp || (Number.isNaN(got) && Number.isNaN(exp)),
        `${what}[${i}][${k}]: got ${got}, want ${exp}`,
      );
    });
  });
}

function checkDir(dir: string) {
  const expected = JSON.parse(readFileSync(join(dir, 'expected.json'), 'utf8')) as Record<
    string,
    unknown
  >;
  const load = (name: string, o = {}) =>
    gridFromBytes(new Uint8Array(readFileSync(join(dir, name))), name, o);
  const npy = readdirSync(dir).filter((f) => f.endsWith('.npy'));
  assert.ok(npy.length >= 48, `${npy.length} .npy files`);
  for (const f of npy) assertGrid(load(f), expected[f] as Enc, f);
  for (const f of ['plain.npz', 'compressed.npz']) {
    const want = expected[f] as Record<string, Enc>;
    assert.deepEqual(npzKeys(new Uint8Array(readFileSync(join(dir, f))), f), Object.keys(want));
    assertGrid(load(f), Object.values(want)[0]!, `${f} (first)`);
    for (const [k, v] of Object.entries(want)) assertGrid(load(f, { key: k }), v, `${f}[${k}]`);
  }
  const table = expected['pandas-table'] as { rows: string[]; cols: string[]; values: Enc };
  for (const f of ['pandas-index.csv', 'pandas-index.tsv', 'pandas-crlf-bom.csv']) {
    const g = load(f);
    assert.deepEqual(g.panels[0]!.rowLabels, table.rows, f);
    assert.deepEqual(g.colLabels, table.cols, f);
    assertGrid(g, table.values, f);
  }
  const noindex = load('pandas-noindex.csv');
  assert.deepEqual(noindex.colLabels, table.cols);
  assert.deepEqual(noindex.panels[0]!.rowLabels, ['0', '1', '2']);
  assertGrid(noindex, table.values, 'pandas-noindex.csv');
  assertGrid(load('savetxt.csv'), expected['savetxt.csv'] as Enc, 'savetxt.csv');
  const long = load('long.csv', { x: 'task', y: 'model', value: 'accuracy', agg: 'mean' });
  assert.deepEqual(long.colLabels, ['t10', 't2']);
  assert.deepEqual(long.panels[0]!.rowLabels, ['m1', 'm2']);
  assert.deepEqual([...long.panels[0]!.values], [0.6, 0.75, 0.25, 1.0]);
  const longJson = load('long.json', {
    x: 'task',
    y: 'model',
    value: 'accuracy',
    agg: 'max',
    sort: 'natural',
  });
  assert.deepEqual(longJson.colLabels, ['t2', 't10']);
  assert.deepEqual([...longJson.panels[0]!.values], [0.75, 0.7, 1.0, 0.25]);
}

describe('files written by numpy and pandas', () => {
  it('load back equal: the committed fixtures', () => {
    checkDir(join(ROOT, 'test/fixtures/files'));
  });

  it('read a 4-D array (layers × heads × query × key) as facets, C and Fortran order alike', () => {
    for (const f of ['4d.npy', '4d-F.npy']) {
      const g = gridFromBytes(
        new Uint8Array(readFileSync(join(ROOT, 'test/fixtures/files', f))),
        f,
      );
      assert.deepEqual(g.arrayShape, [2, 3], f);
      assert.deepEqual(
        g.panels.map((p) => p.title),
        ['0, 0', '0, 1', '0, 2', '1, 0', '1, 1', '1, 2'],
        f,
      );
    }
  });

  const python = '/usr/bin/python3';
  const hasNumpy =
    existsSync(python) &&
    spawnSync(python, ['-c', 'import numpy, pandas'], { encoding: 'utf8' }).status === 0;
  it('load back equal: a set written now by numpy and pandas', {
    skip: hasNumpy ? false : 'Debian python3-numpy/pandas not installed',
  }, () => {
    const dir = tempDir('heatfig-np-');
    const r = spawnSync(python, [join(ROOT, 'scripts/make-file-fixtures.py'), dir], {
      encoding: 'utf8',
    });
    assert.equal(r.status, 0, r.stderr);
    checkDir(dir);
  });

  it('stream large files written by numpy (C and Fortran order) to the same blocks as reading them whole', {
    skip: hasNumpy ? false : 'Debian python3-numpy not installed',
  }, () => {
    const dir = tempDir('heatfig-npbig-');
    const code = `import numpy as np
a = (np.arange(2100 * 2100, dtype=np.float64).reshape(2100, 2100) % 997 / 997).astype(np.float32)
a[5, 7] = np.nan
np.save("${dir}/c.npy", a)
np.save("${dir}/f.npy", np.asfortranarray(a))`;
    const r = spawnSync(python, ['-c', code], { encoding: 'utf8' });
    assert.equal(r.status, 0, r.stderr);
    for (const f of ['c.npy', 'f.npy']) {
      const streamed = load(join(dir, f), {}, '.', f, { pixelRatio: 1 });
      assert.ok(streamed.reduced, `${f} streamed`);
      const whole = reduceGrid(
        gridFromBytes(new Uint8Array(readFileSync(join(dir, f))), f),
        2.1,
        'mean',
      );
      const a = streamed.panels[0]!.values;
      const b = whole.panels[0]!.values;
      assert.equal(a.length, b.length);
      for (let i = 0; i < a.length; i++)
        assert.ok(Math.abs(a[i]! - b[i]!) < 1e-9, `${f} block ${i}`);
    }
  });
});
