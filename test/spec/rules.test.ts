import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { specRulesText } from '../../scripts/spec-rules.ts';
import { checkRule, type Issue, keysAt } from '../../src/spec/rules.ts';
import { specSchema, type ZodSpec } from '../../src/spec/schema.ts';
import type { Spec } from '../../src/spec/spec-type.ts';
import { specTypeText } from '../../scripts/spec-type.ts';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

/** true when A and B are the same type (each assignable to the other, no any). */
type Equal<A, B> =
  (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
import { SPEC_RULES } from '../../src/spec/spec-rules.ts';

const ROOT = new URL('../../', import.meta.url);

/** The fields of an issue that decide heatfig's message, from zod's issues or ours. */
// biome-ignore lint/suspicious/noExplicitAny: zod's issues and ours, compared field by field
function essence(issue: any): unknown {
  const out: Record<string, unknown> = { code: issue.code, path: issue.path };
  for (const k of ['expected', 'values', 'keys', 'minimum', 'maximum', 'inclusive', 'exact']) {
    if (issue[k] !== undefined) out[k] = issue[k];
  }
  if (issue.origin === 'array' || issue.origin === 'string') out['origin'] = issue.origin;
  if (issue.input !== undefined) out['input'] = issue.input;
  if (issue.code === 'invalid_union' || issue.code === 'custom') out['message'] = issue.message;
  // biome-ignore lint/suspicious/noExplicitAny: as above
  if (issue.errors) out['errors'] = issue.errors.map((e: any[]) => e.map(essence));
  return out;
}

function agree(input: unknown): void {
  const z = specSchema.safeParse(input, { reportInput: true });
  const ours = checkRule(SPEC_RULES, input);
  assert.deepEqual(
    ours.map(essence),
    z.success ? [] : z.error.issues.map(essence),
    JSON.stringify(input),
  );
}

const examples = ['seed-000', 'seed-001', 'seed-002', 'seed-003', 'seed-004', 'eval-results'].map(
  (n) => JSON.parse(readFileSync(new URL(`examples/${n}.json`, ROOT), 'utf8')),
);

const rich = {
  title: 't',
  panels: [
    { title: 'A', data: { values: [[1, null]], rows: ['a'], cols: [0, 'b'] } },
    { data: { file: 'x.csv', sep: ',', x: 'a', y: 'b', value: 'v', agg: 'mean', sort: 'natural' } },
  ],
  xticklabels: 2,
  yticklabels: ['a'],
  xrotation: 45,
  cmap: ['red', [0, 0.5, 1]],
  colorbar: { label: 'l', ticks: { step: 0.5 }, format: '.1f', extend: 'both' },
  mask: [[true, false]],
  separators: { cols: [1], rows: [0], color: 'white', width: 2 },
  width: 400,
  fontSize: 10,
  linewidths: 0.5,
  linecolor: [1, 1, 1, 0.5],
};

/** Every path to a value inside a JSON value, and its parent. */
function paths(v: unknown, at: (string | number)[] = []): (string | number)[][] {
  const out = [at];
  if (Array.isArray(v)) for (const [i, x] of v.entries()) out.push(...paths(x, [...at, i]));
  else if (v && typeof v === 'object')
    for (const [k, x] of Object.entries(v)) out.push(...paths(x, [...at, k]));
  return out;
}

function setAt(root: unknown, path: (string | number)[], value: unknown): unknown {
  if (path.length === 0) return value;
  const copy = structuredClone(root) as Record<string | number, unknown>;
  let node = copy;
  for (const k of path.slice(0, -1)) node = node[k] as Record<string | number, unknown>;
  const last = path[path.length - 1]!;
  // Removing an array's item takes it out: `delete` would leave a hole, which no JSON text
  // can hold (and which zod reports as undefined, in the input it copies).
  if (value === undefined && Array.isArray(node)) (node as unknown[]).splice(Number(last), 1);
  else if (value === undefined) delete node[last];
  else node[last] = value;
  return copy;
}

const odd = fc.constantFrom(
  '',
  'x',
  'auto',
  'upper',
  'RdBu',
  0,
  -1,
  1.5,
  1e300,
  -1e300,
  2 ** 60,
  100,
  true,
  false,
  null,
  undefined,
  [],
  [[]],
  [[1, 'x']],
  [1, 2],
  [0, 0.5, 2],
  [0.1, 0.2, 0.3, 0.4, 0.5],
  {},
  { file: '' },
  { file: 'a.csv', sep: ',,' },
  { values: [[1]], extra: 1 },
  { step: 0 },
  { step: 1 },
  { length: 3 },
  { label: 'x', lable: 'y' },
  Number.POSITIVE_INFINITY,
  Number.NaN,
);
const value = fc.oneof(odd, fc.jsonValue({ maxDepth: 3 }));
const key = fc.constantFrom('cmpa', 'vmni', 'colour', 'lable', 'stpe', 'file', 'values', 'x');

describe('spec rules', () => {
  it('are generated from the zod schema (npm run schema)', () => {
    assert.equal(readFileSync(new URL('src/spec/spec-rules.ts', ROOT), 'utf8'), specRulesText());
  });

  it("and so is the Spec type, which is zod's input type, documentation and all", () => {
    const committed = readFileSync(new URL('src/spec/spec-type.ts', ROOT), 'utf8');
    const fresh = execFileSync(
      join(ROOT.pathname, 'node_modules/.bin/biome'),
      ['format', '--stdin-file-path=src/spec/spec-type.ts'],
      {
        input: specTypeText(),
        encoding: 'utf8',
      },
    );
    assert.equal(committed, fresh);
    assert.match(committed, /\/\*\* Figure title, centred above the grid/);
    // Checked by the type checker: every spec zod takes is a Spec (which also takes readonly
    // arrays), and the two have the same keys.
    const fits: [ZodSpec extends Spec ? true : false, Equal<keyof Spec, keyof ZodSpec>] = [
      true,
      true,
    ];
    assert.deepEqual(fits, [true, true]);
  });

  it('accept what zod accepts and report what zod reports, on the examples', () => {
    for (const spec of [...examples, rich]) {
      assert.deepEqual(checkRule(SPEC_RULES, spec), []);
      agree(spec);
    }
  });

  it('report the issues zod reports, on specs with random values at random places', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...examples, rich),
        fc.array(fc.tuple(fc.nat(), value, fc.option(key)), { minLength: 1, maxLength: 3 }),
        (base, edits) => {
          let spec: unknown = base;
          for (const [i, v, k] of edits) {
            const all = paths(spec);
            const p = all[i % all.length]!;
            // A new key goes into an object (an array with a named key is not JSON).
            const parent = typeof p[p.length - 1] === 'string';
            const target = k !== null && parent ? [...p.slice(0, -1), k] : p;
            spec = setAt(spec, target, v);
          }
          agree(spec);
        },
      ),
      // Seeded, as every property test here: CI runs the same cases each time. (An unseeded run,
      // fast-check seed 1910757490, found a "disagreement" that was this test's own: a deleted
      // array item left a hole, which zod copies as undefined; JSON has no holes.)
      { numRuns: 3000, seed: Number(process.env['FC_SEED'] ?? 21) },
    );
  });

  it('report the issues zod reports, on any JSON value', () => {
    fc.assert(
      fc.property(value, (v) => agree(v)),
      { numRuns: 500 },
    );
    fc.assert(
      fc.property(fc.dictionary(fc.string({ maxLength: 6 }), value), (v) => agree(v)),
      { numRuns: 500 },
    );
  });

  it('lists the keys allowed at a path, through unions and arrays', () => {
    assert.ok(keysAt(SPEC_RULES, []).includes('cmap'));
    assert.deepEqual(keysAt(SPEC_RULES, ['colorbar']), [
      'label',
      'ticks',
      'format',
      'extend',
      'location',
      'orientation',
      'shrink',
      'drawedges',
    ]);
    assert.ok(keysAt(SPEC_RULES, ['panels', 0, 'data']).includes('values'));
    assert.ok(keysAt(SPEC_RULES, ['panels', 0, 'data']).includes('sep'));
    assert.deepEqual(keysAt(SPEC_RULES, ['nothing']), []);
  });

  it('give every issue a path and keep checking after a failed check', () => {
    const issues: Issue[] = checkRule(SPEC_RULES, { data: [[1]], width: 10, fontSize: 100 });
    assert.deepEqual(
      issues.map((i) => i.path),
      [['width'], ['fontSize']],
    );
  });
});
