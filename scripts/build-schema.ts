/** Writes schema/heatfig.schema.json from the zod schema (`npm run schema`). */
import { mkdirSync, writeFileSync } from 'node:fs';
import { schemaText } from '../src/cli/schema-text.ts';

mkdirSync(new URL('../schema/', import.meta.url), { recursive: true });
writeFileSync(new URL('../schema/heatfig.schema.json', import.meta.url), schemaText());
