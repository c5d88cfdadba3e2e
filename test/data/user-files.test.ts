/**
 * Files as users of pandas, numpy and scikit-learn write them (issue 11): a pivot of a grid
 * search with a named index, MultiIndex columns, crosstabs and confusion matrices, every
 * to_json orient, np.savetxt, a decimal comma, a training log with its epoch as index. Each
 * must come back as pandas reads it (read_csv(index_col=0, header=[…]), read_json) and be
 * labelled as seaborn labels it. The committed fixtures come from
 * scripts/make-user-fixtures.py; where Debian's pandas, sklearn and seaborn are installed
 * the test writes a fresh set and checks that too.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import type { Grid } from '../../src/data/grid.ts';
import { gridFromBytes, type LoadOptions } from '../../src/data/load.ts';
import { render } from '../../src/index.ts';
import { ROOT, tempDir } from '../helpers.ts';

interface Expected {
  rows: string[];
  cols: string[];
  values: (number | null)[][];
  ylabel: string | null;
  xlabel: string | null;
  note?: 'index' | 'data';
}

/** Labels as written; pandas' JSON writes number labels as numbers, so 1.0 reads back as 1. */
const sameLabel = (got: string, want: string) =>
  got === want ||
  (got.trim() !== '' && Number(got.replace(',', '.')) === Number(want.replace(',', '.')));

function check(g: Grid, e: Expected, what: string) {
  const p = g.panels[0]!;
  assert.equal(p.rows, e.rows.length, `${what}: rows`);
  assert.equal(g.cols, e.cols.length, `${what}: cols`);
  p.rowLabels.forEach((l, i) => {
    assert.ok(sameLabel(l, e.rows[i]!), `${what}: row ${i} ${l} ≠ ${e.rows[i]}`);
  });
  g.colLabels.forEach((l, i) => {
    assert.ok(sameLabel(l, e.cols[i]!), `${what}: col ${i} ${l} ≠ ${e.cols[i]}`);
  });
  e.values.flat().forEach((v, k) => {
    const got = p.values[k]!;
    if (v === null) assert.ok(Number.isNaN(got), `${what}[${k}]: got ${got}, want missing`);
    else assert.equal(got, v, `${what}[${k}]`);
  });
  assert.equal(g.rowName ?? null, e.ylabel, `${what}: the index's name`);
  assert.equal(g.colName ?? null, e.xlabel, `${what}: the columns' name`);
  if (e.note)
    assert.match(g.notes?.[0] ?? '', e.note === 'index' ? /as row labels/ : /as data/, what);
  else assert.equal(g.notes, undefined, `${what}: no note`);
}

function checkDir(dir: string) {
  const expected = JSON.parse(readFileSync(join(dir, 'expected.json'), 'utf8')) as Record<
    string,
    Expected
  >;
  assert.ok(Object.keys(expected).length >= 16);
  for (const [name, e] of Object.entries(expected)) {
    const options: LoadOptions = name === 'orient-index.json' ? { orient: 'index' } : {};
    check(gridFromBytes(new Uint8Array(readFileSync(join(dir, name))), name, options), e, name);
  }
}

const read = (name: string, o: LoadOptions = {}) =>
  gridFromBytes(new Uint8Array(readFileSync(join(ROOT, 'test/fixtures/user', name))), name, o);
const text = (s: string, name = 't.csv', o: LoadOptions = {}) =>
  gridFromBytes(new TextEncoder().encode(s), name, o);

describe('files as pandas, numpy and scikit-learn users write them', () => {
  it('read back as pandas reads them: the committed fixtures', () => {
    checkDir(join(ROOT, 'test/fixtures/user'));
  });

  const python = '/usr/bin/python3';
  const hasTools =
    existsSync(python) &&
    spawnSync(python, ['-c', 'import pandas, sklearn, seaborn'], { encoding: 'utf8' }).status === 0;
  it('read back as pandas reads them: a set written now', {
    skip: hasTools ? false : 'Debian python3-pandas/sklearn/seaborn not installed',
  }, () => {
    const dir = tempDir('heatfig-user-');
    const r = spawnSync(python, [join(ROOT, 'scripts/make-user-fixtures.py'), dir], {
      encoding: 'utf8',
    });
    assert.equal(r.status, 0, r.stderr);
    checkDir(dir);
  });

  it('title the axes with the index and column level names, as seaborn does', () => {
    const spec = { data: { values: [[0]] } };
    const g = read('gridsearch-multi.csv');
    const f = render(spec, { grid: g }).figure;
    assert.equal(f.ylabel, 'param_C');
    assert.equal(f.xlabel, 'param_gamma');
    assert.equal(render({ ...spec, ylabel: 'C' }, { grid: g }).figure.ylabel, 'C');
    const grid = read('gridsearch.csv');
    const fig = render(spec, { grid }).figure;
    assert.equal(fig.ylabel, 'param_C');
    // The index is not data: the colour range is the scores', not 0.1…100.
    assert.ok(fig.norm.vmax <= 1 && fig.norm.vmin >= 0.3, `${fig.norm.vmin}…${fig.norm.vmax}`);
  });

  it('warn which reading a guess took, and let indexCol decide', () => {
    const r = render({ data: { values: [[0]] } }, { grid: read('history.csv') });
    assert.ok(
      r.warnings.some((w) => w.includes('--index-col none')),
      r.warnings.join('\n'),
    );
    const asData = read('history.csv', { indexCol: 'none' });
    assert.equal(asData.cols, 3);
    assert.deepEqual(asData.colLabels, ['epoch', 'train_loss', 'val_loss']);
    assert.equal(asData.notes, undefined);
    const ids = read('ids.csv', { indexCol: 0 });
    assert.deepEqual(ids.panels[0]!.rowLabels, ['7', '3', '9', '1', '5']);
    assert.equal(ids.rowName, 'id');
    const second = text('a,b,c\n1,x,2\n3,y,4\n', 't.csv', { indexCol: 1 });
    assert.deepEqual(second.panels[0]!.rowLabels, ['x', 'y']);
    assert.deepEqual([...second.panels[0]!.values], [1, 2, 3, 4]);
    assert.throws(() => text('a,b\n1,2\n', 't.csv', { indexCol: 5 }), /index column 5 is past/);
  });

  it('keep a plain table whole: no index where pandas would find none', () => {
    for (const s of ['1,2,3\n4,5,6\n', 'a,b\n0.5,0.25\n0.75,0.1\n', 'x y\n']) {
      if (s === 'x y\n') continue;
      const g = text(s);
      assert.equal(g.notes, undefined, s);
      assert.equal(g.rowName, undefined, s);
    }
    assert.equal(text('1,2,3\n4,5,6\n').cols, 3);
    // Duplicate column names over data: the second line is data, not a second header.
    const dup = text(',a,a\n0,1,2\n1,3,4\n');
    assert.equal(dup.panels[0]!.rows, 2);
    assert.deepEqual(dup.colLabels, ['a', 'a']);
  });

  it('read MultiIndex columns written without the index', () => {
    const g = text('a,a,b,b\nx,y,x,y\n1,2,3,4\n');
    assert.deepEqual(g.colLabels, ['a-x', 'a-y', 'b-x', 'b-y']);
    assert.deepEqual([...g.panels[0]!.values], [1, 2, 3, 4]);
    const named = text('lvl,a,a,b,b\nsub,x,y,x,y\n0,1,2,3,4\n');
    assert.deepEqual(named.colLabels, ['a-x', 'a-y', 'b-x', 'b-y']);
    assert.equal(named.colName, 'lvl-sub');
  });

  it('say what was seen when a second header line cannot be told from data', () => {
    assert.throws(
      () => text(',acc,acc,f1,f1\ntask,t1,2,t1,2\nm,0.5,0.6,0.7,0.8\n'),
      (e: unknown) =>
        e instanceof Error &&
        /t\.csv:2:\d+: "t1" is not a number, and the header above repeats its labels: if line 2 is a second header line \(pandas' MultiIndex columns\)/.test(
          e.message,
        ),
    );
  });

  it('read records and refuse long records without x/y/value, saying so', () => {
    const g = text('[{"a":1,"b":2},{"a":3,"b":null}]', 'r.json');
    assert.deepEqual(g.colLabels, ['a', 'b']);
    assert.throws(() => text('[{"model":"m","acc":1}]', 'r.json'), /--x --y --value/);
    assert.throws(
      () => text('{"a":{"x":1}}', 'r.json', { orient: 'split' }),
      /not in orient "split"/,
    );
  });

  it('detect np.savetxt and a decimal comma', () => {
    const g = read('savetxt.txt');
    assert.equal(g.cols, 4);
    assert.equal(g.panels[0]!.rows, 5);
    const aligned = text('  1.5   2.25\n -3.0   4.0\n', 'a.txt');
    assert.deepEqual([...aligned.panels[0]!.values], [1.5, 2.25, -3, 4]);
    const dc = read('decimal-comma.csv');
    assert.equal(dc.cols, 4);
    assert.equal(dc.panels[0]!.values[0], 0.32);
    // A comma-separated file keeps commas as separators.
    assert.deepEqual([...text('a,b\n1,2\n').panels[0]!.values], [1, 2]);
  });

  it('read a CSV of 300,000 columns and draw it (no spread over labels either)', () => {
    const n = 300_000;
    const header = Array.from({ length: n }, (_, i) => `f${i}`).join(',');
    const row = Array.from({ length: n }, (_, i) => String(i % 7)).join(',');
    const g = text(`${header}\n${row}\n${row}\n`, 'wide.csv');
    assert.equal(g.cols, n);
    const r = render({ data: { values: [[0]] } }, { grid: g, format: 'scene' });
    assert.equal(r.figure.norm.vmax, 6);
    assert.ok(r.figure.grid.reduced);
  });

  it('read a million CSV rows (no spread or recursion over the data)', () => {
    const n = 1_000_000;
    const lines = ['step,loss'];
    for (let i = 0; i < n; i++) lines.push(`${i},${(i % 1000) / 1000}`);
    const g = text(`${lines.join('\n')}\n`, 'big.csv');
    assert.equal(g.panels[0]!.rows, n);
    assert.equal(g.cols, 1);
    assert.equal(g.rowName, 'step');
    const r = render({ data: { values: [[0]] } }, { grid: g, format: 'scene', describe: false });
    assert.equal(r.figure.norm.vmax, 0.999);
  });
});
