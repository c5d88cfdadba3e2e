/**
 * Writes what is generated from the zod spec (`npm run schema`): the JSON Schema
 * (schema/heatfig.schema.json), the validation rules (src/spec/spec-rules.ts) and the spec's
 * TypeScript type (src/spec/spec-type.ts).
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { schemaText } from './schema-text.ts';
import { specRulesText } from './spec-rules.ts';
import { specTypeText } from './spec-type.ts';

mkdirSync(new URL('../schema/', import.meta.url), { recursive: true });
writeFileSync(new URL('../schema/heatfig.schema.json', import.meta.url), schemaText());
writeFileSync(new URL('../src/spec/spec-rules.ts', import.meta.url), specRulesText());
writeFileSync(new URL('../src/spec/spec-type.ts', import.meta.url), formatted(specTypeText()));

/** TypeScript text as the house formats it (biome), so the generated file reads like the rest. */
export function formatted(text: string): string {
  return execFileSync(
    'node_modules/.bin/biome',
    ['format', '--stdin-file-path=src/spec/spec-type.ts'],
    {
      input: text,
      encoding: 'utf8',
    },
  );
}
