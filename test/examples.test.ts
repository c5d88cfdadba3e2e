import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { schemaText } from '../scripts/schema-text.ts';
import { validateSpec } from '../src/spec/validate.ts';
import { ROOT } from './helpers.ts';

const specs = readdirSync(`${ROOT}examples`).filter((f) => f.endsWith('.json'));

describe('examples and the schema', () => {
  it('the committed JSON Schema is the one generated from the spec types', () => {
    assert.equal(readFileSync(`${ROOT}schema/heatfig.schema.json`, 'utf8'), schemaText());
  });

  it('every example points to the schema and follows it', () => {
    assert.ok(specs.length >= 5);
    for (const f of specs) {
      const spec = JSON.parse(readFileSync(`${ROOT}examples/${f}`, 'utf8'));
      assert.equal(spec.$schema, '../schema/heatfig.schema.json', f);
      validateSpec(spec, f);
    }
  });

  it('the generated seed 003 data is what its committed generator writes', async () => {
    const before = readFileSync(`${ROOT}examples/seed-003.json`, 'utf8');
    await import(`${ROOT}examples/generate-seed-003.ts?check`);
    assert.equal(readFileSync(`${ROOT}examples/seed-003.json`, 'utf8'), before);
  });
});

describe('the gallery examples made with scikit-learn (examples/make-real-examples.py)', () => {
  it('grid search: the pivot index is the rows and names the y axis; annotated', async () => {
    const { renderSpec } = await import('../src/node.ts');
    const r = renderSpec(`${ROOT}examples/gridsearch-svc.json`, { format: 'svg' });
    const p = r.figure.grid.panels[0]!;
    assert.deepEqual(p.rowLabels, ['0.01', '0.1', '1.0', '10.0', '100.0']);
    assert.deepEqual(r.figure.grid.colLabels, ['0.0001', '0.001', '0.01', '0.1']);
    assert.equal(r.figure.ylabel, 'param_C');
    assert.ok(r.figure.norm.vmin > 0.09 && r.figure.norm.vmax < 1);
    assert.equal(r.layout.annotSize !== null, true);
  });

  it('activations: 20000 × 24 keeps its 24 labelled columns, the rows in blocks', async () => {
    const { renderSpec } = await import('../src/node.ts');
    const r = renderSpec(`${ROOT}examples/mlp-activations.json`, { format: 'png' });
    assert.equal(r.figure.grid.cols, 24);
    assert.ok(r.figure.grid.reduced && r.figure.grid.reduced.rows === 20000);
    const xs = r.scene.primitives.filter((t) => t.type === 'text' && t.role === 'xtick');
    assert.equal(xs.length, 24);
    assert.ok(r.layout.panels[0]!.cw >= 4);
  });
});
