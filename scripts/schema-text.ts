import { z } from 'zod';
import { specSchema } from '../src/spec/schema.ts';

/** The spec's JSON Schema as text, generated from the same zod schema as the types. */
export function schemaText(): string {
  const schema = z.toJSONSchema(specSchema, { target: 'draft-2020-12' });
  return `${JSON.stringify({ $id: 'https://heatfig.dev/schema/heatfig.schema.json', title: 'heatfig spec', ...schema }, null, 2)}\n`;
}
