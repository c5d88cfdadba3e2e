import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { cellNumber, detectDelimiter, parseDelimited } from '../../src/data/csv.ts';
import { gridFromBytes, type LoadOptions } from '../../src/data/load.ts';
import { aggregate } from '../../src/data/table.ts';
import { HeatfigError } from '../../src/errors.ts';
import { writeNpy } from './writers.ts';

const text = (s: string, name = 't.csv', o: LoadOptions = {}) =>
  gridFromBytes(new TextEncoder().encode(s), name, o);

function fails(f: () => unknown, where: string, message: RegExp) {
  assert.throws(f, (e: unknown) => {
    assert.ok(e instanceof HeatfigError, String(e));
    assert.equal(e.where, where);
    assert.match(e.message, message);
    return true;
  });
}

describe('CSV', () => {
  it('splits quoted fields with delimiters, quotes and newlines, CRLF and a BOM', () => {
    const rows = parseDelimited('\uFEFFa,"b,c","d ""e"""\r\n"f\ng",h,\n', ',', 'x');
    assert.deepEqual(
      rows.map((r) => r.map((f) => f.text)),
      [
        ['a', 'b,c', 'd "e"'],
        ['f\ng', 'h', ''],
      ],
    );
    assert.deepEqual([rows[1]![1]!.line, rows[1]![1]!.col], [3, 4]);
  });

  it('reports an unclosed quote where it opens', () => {
    fails(
      () => parseDelimited('a,b\nc,"d\n', ',', 'f.csv'),
      'f.csv:2:3',
      /a quoted field is not closed/,
    );
  });

  it('detects the delimiter, respecting quotes', () => {
    assert.equal(detectDelimiter('a\tb\tc\n1\t2\t3\n'), '\t');
    assert.equal(detectDelimiter('a;b\n"1;2";3\n'), ';');
    assert.equal(detectDelimiter('"x\ty",b\n1,2\n'), ',');
  });

  it('reads missing and infinite values as pandas writes them', () => {
    for (const m of ['', 'NaN', 'nan', 'NA', 'null', 'None'])
      assert.ok(Number.isNaN(cellNumber(m)!), m);
    assert.equal(cellNumber('inf'), Infinity);
    assert.equal(cellNumber('-Infinity'), -Infinity);
    assert.equal(cellNumber('1e-3'), 0.001);
    assert.equal(cellNumber('abc'), null);
  });

  it('takes row labels from a first column with an empty header or text, and keeps duplicates', () => {
    const g = text(',x,y\na,1,2\na,3,4\n');
    assert.deepEqual(g.panels[0]!.rowLabels, ['a', 'a']);
    assert.deepEqual(g.colLabels, ['x', 'y']);
    const n = text('x,y\n1,2\n3,4\n');
    assert.deepEqual(n.panels[0]!.rowLabels, ['0', '1']);
    assert.deepEqual([...n.panels[0]!.values], [1, 2, 3, 4]);
  });

  it('names the file, line and column of a value that is not a number', () => {
    fails(
      () => text(',x,y\na,1,oops\n', 'r.csv'),
      'r.csv:2:5',
      /"oops" is not a number; use a number, or leave the cell empty/,
    );
  });

  it('rejects a row longer than its header', () => {
    fails(
      () => text('x,y\n1,2,3\n', 'r.csv'),
      'r.csv:2:5',
      /this row has 3 fields but the header has 2/,
    );
  });

  it('ends short rows in missing cells', () => {
    const g = text(',x,y\na,1\n');
    assert.ok(Number.isNaN(g.panels[0]!.values[1]!));
  });

  it('reads a tab-separated file by its extension and any delimiter when told', () => {
    assert.deepEqual(text('\tx\na\t1\n', 't.tsv').colLabels, ['x']);
    assert.deepEqual(text('|x|y\na|1|2\n', 't.txt', { sep: '|' }).colLabels, ['x', 'y']);
  });
});

describe('long data', () => {
  const csv = 'model,task,acc\nm1,t10,0.5\nm2,t2,0.7\nm1,t2,0.9\nm1,t10,0.6\nm2,t10,\n';

  it('pivots x, y and value columns, in order of first appearance', () => {
    const g = text(csv.replace('m1,t10,0.6\n', ''), 'l.csv', {
      x: 'task',
      y: 'model',
      value: 'acc',
    });
    assert.deepEqual(g.colLabels, ['t10', 't2']);
    assert.deepEqual(g.panels[0]!.rowLabels, ['m1', 'm2']);
    assert.deepEqual([...g.panels[0]!.values].map(String), ['0.5', '0.9', 'NaN', '0.7']);
  });

  it('names a duplicate pair and both places unless agg says how to combine it', () => {
    fails(
      () => text(csv, 'l.csv', { x: 'task', y: 'model', value: 'acc' }),
      'l.csv:5:8',
      /\(task="t10", model="m1"\) appears again \(first at l\.csv:2:8\); combine duplicates with agg/,
    );
    const mean = text(csv, 'l.csv', { x: 'task', y: 'model', value: 'acc', agg: 'mean' });
    assert.equal(mean.panels[0]!.values[0], 0.55);
    const count = text(csv, 'l.csv', { x: 'task', y: 'model', value: 'acc', agg: 'count' });
    assert.deepEqual([...count.panels[0]!.values], [2, 1, 0, 1]);
  });

  it('sorts labels naturally, alphabetically or by value', () => {
    const o = { x: 'task', y: 'model', value: 'acc', agg: 'max' } as const;
    assert.deepEqual(text(csv, 'l.csv', { ...o, sort: 'natural' }).colLabels, ['t2', 't10']);
    assert.deepEqual(text(csv, 'l.csv', { ...o, sort: 'alpha' }).colLabels, ['t10', 't2']);
    assert.deepEqual(text(csv, 'l.csv', { ...o, sort: 'value' }).colLabels, ['t2', 't10']);
  });

  it('lists the columns when one is not there', () => {
    fails(
      () => text(csv, 'l.csv', { x: 'task', y: 'model', value: 'accuracy' }),
      'l.csv:1:1',
      /no column named "accuracy"; the columns are "model", "task", "acc"/,
    );
  });

  it('needs all three of x, y and value', () => {
    fails(() => text(csv, 'l.csv', { x: 'task' }), 'l.csv', /needs all three of x, y and value/);
  });

  it('pivots JSON records the same way', () => {
    const g = text(
      JSON.stringify([
        { m: 'a', t: 1, v: 2 },
        { m: 'b', t: 1, v: null },
      ]),
      'r.json',
      { x: 't', y: 'm', value: 'v' },
    );
    assert.deepEqual(g.colLabels, ['1']);
    assert.deepEqual(g.panels[0]!.rowLabels, ['a', 'b']);
  });

  it('aggregates ignoring missing values', () => {
    assert.equal(aggregate([1, Number.NaN, 3], 'mean'), 2);
    assert.equal(aggregate([Number.NaN], 'max').toString(), 'NaN');
    assert.equal(aggregate([1, Number.NaN], 'count'), 1);
    assert.equal(aggregate([Number.NaN, 1], 'first').toString(), 'NaN');
  });
});

describe('JSON', () => {
  it('reads rows, ragged rows and { values, rows, cols }', () => {
    assert.equal(text('[[1,2],[3]]', 'a.json').cols, 2);
    assert.deepEqual(text('{"values":[[1]],"rows":["r"],"cols":["c"]}', 'a.json').colLabels, ['c']);
  });
  it('reports a syntax error with line and column, and long records without x/y/value', () => {
    fails(() => text('[[1,2],\n [3,]]', 'a.json'), 'a.json:2:5', /expected valid JSON/);
    fails(() => text('[{"a":"m"}]', 'a.json'), 'a.json: $[0].a', /pass --x --y --value/);
  });
});

describe('.npy', () => {
  it('rejects a header that claims more data than the file holds', () => {
    const full = writeNpy([1, 2, 3, 4], [2, 2], 'f8');
    fails(
      () => gridFromBytes(full.subarray(0, full.length - 8), 'c.npy'),
      'c.npy',
      /claims shape \(2, 2\): 4 values, 32 bytes, but the file holds 24 bytes/,
    );
  });
  it('rejects dtypes and dimensions it cannot draw, saying what it can', () => {
    const c = new TextDecoder('latin1')
      .decode(writeNpy([1, 2], [2], 'f8'))
      .replace("'<f8'", "'<c8'");
    fails(
      () =>
        gridFromBytes(
          Uint8Array.from(c, (ch) => ch.charCodeAt(0)),
          'c.npy',
        ),
      'c.npy',
      /dtype "<c8" is a complex array \(draw its abs\(\) or \.real\); use float16/,
    );
    fails(
      () => gridFromBytes(writeNpy([1], [1, 1, 1, 1, 1], 'f8'), 'd.npy'),
      'd.npy',
      /array of 5 dimensions cannot be drawn; give 1-D \(one row\), 2-D, 3-D \(one facet per leading index\) or 4-D \(facet rows × facet columns\)/,
    );
    fails(
      () => gridFromBytes(new TextEncoder().encode('hello'), 'e.npy'),
      'e.npy',
      /not a NumPy \.npy file/,
    );
  });
  it('reads a 3-D array as one panel per leading index', () => {
    const g = gridFromBytes(writeNpy([1, 2, 3, 4, 5, 6, 7, 8], [2, 2, 2], 'i2'), 'p.npy');
    assert.deepEqual(
      g.panels.map((p) => [p.title, [...p.values]]),
      [
        ['0', [1, 2, 3, 4]],
        ['1', [5, 6, 7, 8]],
      ],
    );
  });
});

describe('formats', () => {
  it('refuses a name it cannot place, saying which formats it reads', () => {
    fails(
      () => text('x', 'data.xlsx'),
      'data.xlsx',
      /cannot tell the format of "data\.xlsx"; name it \.csv, \.tsv, \.json, \.npy or \.npz/,
    );
  });
  it('refuses text that is not UTF-8', () => {
    fails(() => gridFromBytes(new Uint8Array([0xff, 0xfe, 0x41]), 'b.csv'), 'b.csv', /not UTF-8/);
  });
});
