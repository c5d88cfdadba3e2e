import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { schemaText } from '../src/cli/schema-text.ts';
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
