/**
 * Writes what is generated from the zod spec (`npm run schema`): the JSON Schema
 * (schema/heatfig.schema.json) and the validation rules (src/spec/spec-rules.ts).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { schemaText } from '../src/cli/schema-text.ts';
import { specRulesText } from './spec-rules.ts';

mkdirSync(new URL('../schema/', import.meta.url), { recursive: true });
writeFileSync(new URL('../schema/heatfig.schema.json', import.meta.url), schemaText());
writeFileSync(new URL('../src/spec/spec-rules.ts', import.meta.url), specRulesText());
