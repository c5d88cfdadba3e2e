/**
 * mount()'s data as JavaScript has it (issue 17): a typed array with its shape, records, and
 * an Apache Arrow table (apache-arrow's own Table, long and wide), turned into the grid the
 * figure draws.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { tableFromArrays } from 'apache-arrow';
import { gridOfData } from '../../src/view/mount.ts';

describe('mount() data', () => {
  it('a Float32Array with a 3-D shape is one facet per leading index', () => {
    const g = gridOfData({ values: new Float32Array([1, 2, 3, 4, 5, 6, 7, 8]), shape: [2, 2, 2] });
    assert.equal(g.panels.length, 2);
    assert.deepEqual([...g.panels[1]!.values], [5, 6, 7, 8]);
    assert.deepEqual(g.arrayShape, [2]);
  });

  it('records pivot on x, y and value', () => {
    const g = gridOfData({
      records: [
        { model: 'a', task: 'x', acc: 0.5 },
        { model: 'b', task: 'x', acc: 0.25 },
        { model: 'a', task: 'y', acc: 1 },
      ],
      x: 'task',
      y: 'model',
      value: 'acc',
    });
    assert.deepEqual(g.colLabels, ['x', 'y']);
    assert.deepEqual(g.panels[0]!.rowLabels, ['a', 'b']);
    assert.deepEqual([...g.panels[0]!.values], [0.5, 1, 0.25, Number.NaN]);
  });

  it('an Arrow table, long (x, y, value) or wide (an index column of row labels)', () => {
    const long = tableFromArrays({
      model: ['a', 'a', 'b'],
      task: ['x', 'y', 'x'],
      acc: Float64Array.from([0.5, 1, 0.25]),
    });
    const g = gridOfData({ arrow: long, x: 'task', y: 'model', value: 'acc' });
    assert.deepEqual([...g.panels[0]!.values], [0.5, 1, 0.25, Number.NaN]);
    const wide = tableFromArrays({
      layer: ['L0', 'L1'],
      probe1: Float32Array.from([0.5, 0.75]),
      probe2: Float32Array.from([0.25, 1]),
    });
    const w = gridOfData({ arrow: wide, index: 'layer' });
    assert.deepEqual(w.colLabels, ['probe1', 'probe2']);
    assert.deepEqual(w.panels[0]!.rowLabels, ['L0', 'L1']);
    assert.deepEqual([...w.panels[0]!.values], [0.5, 0.25, 0.75, 1]);
  });
});
