/**
 * Inputs a JavaScript developer has (issue 13): typed arrays with a shape, records with
 * x/y/value, NaN, Infinity and null, and Apache Arrow tables (apache-arrow's own Table,
 * read by duck typing: heatfig imports nothing of it).
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { tableFromArrays } from 'apache-arrow';
import {
  gridFromArray,
  gridFromArrow,
  gridFromRecords,
  HeatfigError,
  render,
} from '../../src/index.ts';

describe('JavaScript inputs', () => {
  it('take a Float32Array and a shape, row-major, 1-D to 3-D', () => {
    const g = gridFromArray(Float32Array.from([1, 2, 3, 4, 5, 6]), [2, 3], {
      cols: ['a', 'b', 'c'],
    });
    assert.equal(g.cols, 3);
    assert.deepEqual(g.colLabels, ['a', 'b', 'c']);
    assert.deepEqual([...g.panels[0]!.values], [1, 2, 3, 4, 5, 6]);
    assert.equal(gridFromArray([1, 2, 3], [3]).panels[0]!.rows, 1);
    const heads = gridFromArray(new Float64Array(2 * 2 * 2).fill(0.5), [2, 2, 2]);
    assert.equal(heads.panels.length, 2);
    const r = render({}, { grid: gridFromArray([Number.NaN, Infinity, null, 1], [2, 2]) });
    assert.ok(r.warnings.some((w) => /infinite/.test(w)));
    assert.equal(r.figure.stats.missing, 2);
    assert.throws(
      () => gridFromArray([1, 2, 3], [2, 2]),
      (e: unknown) => e instanceof HeatfigError && /3 values for shape \[2, 2\]/.test(e.message),
    );
    assert.throws(() => gridFromArray([1], [0]), HeatfigError);
  });

  it('pivot records on x, y and value, combining duplicates only when told how', () => {
    const records = [
      { model: 'm1', task: 't1', acc: 0.5 },
      { model: 'm1', task: 't2', acc: 0.75 },
      { model: 'm2', task: 't1', acc: 0.25 },
      { model: 'm1', task: 't1', acc: 0.7 },
    ];
    assert.throws(
      () => gridFromRecords(records, { x: 'task', y: 'model', value: 'acc' }),
      /appears again/,
    );
    const g = gridFromRecords(records, { x: 'task', y: 'model', value: 'acc', agg: 'mean' });
    assert.deepEqual(g.colLabels, ['t1', 't2']);
    assert.deepEqual(g.panels[0]!.rowLabels, ['m1', 'm2']);
    assert.deepEqual(
      [...g.panels[0]!.values].map((v) => (Number.isNaN(v) ? null : v)),
      [0.6, 0.75, 0.25, null],
    );
  });

  it('read Apache Arrow tables, wide and long', () => {
    const wide = tableFromArrays({
      layer: ['l0', 'l1'],
      head0: Float32Array.from([0.1, 0.2]),
      head1: Float32Array.from([0.3, 0.4]),
    });
    const g = gridFromArrow(wide, { index: 'layer' });
    assert.deepEqual(g.colLabels, ['head0', 'head1']);
    assert.deepEqual(g.panels[0]!.rowLabels, ['l0', 'l1']);
    assert.deepEqual(
      [...g.panels[0]!.values].map((v) => Math.round(v * 10) / 10),
      [0.1, 0.3, 0.2, 0.4],
    );
    const long = tableFromArrays({
      model: ['a', 'a', 'b'],
      task: ['x', 'y', 'x'],
      score: Float64Array.from([1, 2, 3]),
    });
    const l = gridFromArrow(long, { keys: { x: 'task', y: 'model', value: 'score' } });
    assert.deepEqual(
      [...l.panels[0]!.values].map((v) => (Number.isNaN(v) ? null : v)),
      [1, 2, 3, null],
    );
    assert.throws(
      () => gridFromArrow(long, { index: 'nope' }),
      /no column named "nope"; the table has "model", "task", "score"/,
    );
  });
});
