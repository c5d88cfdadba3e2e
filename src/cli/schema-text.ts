import { readFileSync } from 'node:fs';

/**
 * The spec's JSON Schema as text: the committed schema/heatfig.schema.json, which
 * `npm run schema` generates from the zod schema (scripts/schema-text.ts; a test checks it).
 * The CLI bundle holds it inline.
 */
export function schemaText(): string {
  return readFileSync(new URL('../../schema/heatfig.schema.json', import.meta.url), 'utf8');
}
