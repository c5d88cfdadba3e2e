import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { gridFromRecords } from '../../src/data/arrays.ts';
import { resolveSpec } from '../../src/figure/resolve.ts';
import type { Spec } from '../../src/spec/spec-type.ts';

/** An eval log: model × task × shots → accuracy, as a long table. */
const log = [
  { model: 'gpt', task: 'qa', shots: '5', seed: 's1', acc: 0.7 },
  { model: 'gpt', task: 'qa', shots: '0', seed: 's1', acc: 0.5 },
  { model: 'gpt', task: 'math', shots: '10', seed: 's1', acc: 0.2 },
  { model: 'llama', task: 'qa', shots: '0', seed: 's2', acc: 0.4 },
  { model: 'llama', task: 'math', shots: '5', seed: 's1', acc: 0.3 },
  { model: 'llama', task: 'math', shots: '10', seed: 's2', acc: 0.35 },
];
const keys = { x: 'shots', y: 'seed', value: 'acc' };

describe('facets of long data (issue 16: seaborn row= and col=)', () => {
  it('splits the records by a row and a column of facets that share the axes, missing pairs missing', () => {
    const g = gridFromRecords(log, { ...keys, facetRow: 'model', facetCol: 'task' });
    assert.deepEqual(g.arrayShape, [2, 2]);
    assert.deepEqual(g.facetLabels, {
      rowName: 'model',
      rows: ['gpt', 'llama'],
      colName: 'task',
      cols: ['qa', 'math'],
    });
    // Every facet has every x and y label seen anywhere.
    assert.deepEqual(g.colLabels, ['5', '0', '10']);
    assert.deepEqual(g.panels[0]!.rowLabels, ['s1', 's2']);
    assert.deepEqual(
      g.panels.map((p) => p.title),
      [
        'model = gpt | task = qa',
        'model = gpt | task = math',
        'model = llama | task = qa',
        'model = llama | task = math',
      ],
    );
    const at = (p: number) => [...g.panels[p]!.values].map((v) => (Number.isNaN(v) ? null : v));
    assert.deepEqual(at(0), [0.7, 0.5, null, null, null, null]);
    assert.deepEqual(at(3), [0.3, null, null, null, null, 0.35]);
    // Axis titles from the columns read, as pandas' pivot names them.
    assert.equal(g.colName, 'shots');
    assert.equal(g.rowName, 'seed');
  });

  it('sorts the shared labels over every facet, and refuses a pair twice in one facet', () => {
    const g = gridFromRecords(log, { ...keys, facetCol: 'model', sort: 'natural' });
    assert.deepEqual(g.colLabels, ['0', '5', '10']);
    assert.deepEqual([...g.panels[0]!.values].slice(0, 3), [0.5, 0.7, 0.2]);
    assert.throws(
      () =>
        gridFromRecords([...log, { model: 'gpt', task: 'qa', shots: '5', seed: 's1', acc: 1 }], {
          ...keys,
          facetCol: 'model',
        }),
      /\(shots="5", seed="s1"\) appears again/,
    );
  });

  it('lays out a facet column variable wrapped, a row variable in one column, both as margins', () => {
    const figure = (o: object, spec: Partial<Spec> = {}) =>
      resolveSpec({ data: [[0]], ...spec } as Spec, gridFromRecords(log, { ...keys, ...o }));
    const byCol = figure({ facetCol: 'model' });
    assert.deepEqual(byCol.facets, { rows: 1, cols: 2, margins: null, sharex: true, sharey: true });
    assert.deepEqual(
      byCol.grid.panels.map((p) => p.title),
      ['model = gpt', 'model = llama'],
    );
    assert.deepEqual(figure({ facetRow: 'task' }).facets, {
      rows: 2,
      cols: 1,
      margins: null,
      sharex: true,
      sharey: true,
    });
    assert.deepEqual(figure({ facetRow: 'model', facetCol: 'task' }).facets?.margins, {
      rows: ['model = gpt', 'model = llama'],
      cols: ['task = qa', 'task = math'],
    });
    // The spec's titles and labels win over the columns' names and values.
    assert.deepEqual(
      figure(
        { facetCol: 'model' },
        { facet: { colTitle: 'LM', colLabels: ['GPT', 'Llama'] } },
      ).grid.panels.map((p) => p.title),
      ['LM = GPT', 'LM = Llama'],
    );
  });
});
