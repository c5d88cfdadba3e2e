/**
 * Fuzzing past the parsers (issue 12): random specs through the whole pipeline, and random
 * command lines (flags, values, file names, mutated input files up to megabytes) through the
 * CLI in process. Every case must end in a figure or in the one user-error type (exit 2),
 * never in an internal error (exit 1) or a crash. The suite runs a few thousand cases;
 * `npm run fuzz` many more.
 */
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { main } from '../../src/cli/main.ts';
import { isHeatfigError, render, type Spec } from '../../src/index.ts';
import { keysAt } from '../../src/spec/rules.ts';
import { SPEC_RULES } from '../../src/spec/spec-rules.ts';
import { mutate, mutation, valid } from '../data/properties.ts';
import { tempDir } from '../helpers.ts';

/** Every option of the spec, from the schema itself (the data and font files apart). */
const SPEC_KEYS = keysAt(SPEC_RULES, []).filter(
  (k) => !['data', 'panels', '$schema', 'font'].includes(k),
);

/** Values of every JSON type, with the edge cases that broke things before. */
const jsonValue: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.constantFrom(0, -1, 1, 0.5, 1e-320, 1e308, -1e308, 2 ** 53, 6.1e8, 1000, 20000, 50),
    fc.double({ noNaN: true, noDefaultInfinity: true }),
    fc.integer({ min: -1000, max: 1000 }),
    fc.boolean(),
    fc.constant(null),
    fc.constantFrom(
      'auto',
      'never',
      'always',
      'upper',
      'lower',
      'log',
      'symlog',
      'twoslope',
      'viridis',
      'RdBu_r',
      '.2f',
      'd',
      '.1000f',
      '{:>200}',
      'transparent',
      '#ff000080',
      'white',
      'max',
      'absmax',
      'top',
      'ward',
      'centroid',
      'cosine',
      'correlation',
      'precomputed',
    ),
    fc.string({ maxLength: 30 }),
    fc.array(tie('value'), { maxLength: 4 }),
    fc.dictionary(
      fc.constantFrom(
        'label',
        'ticks',
        'step',
        'format',
        'extend',
        'cols',
        'rows',
        'color',
        'width',
        'method',
        'metric',
        'optimalOrdering',
        'rowColors',
        'values',
      ),
      tie('value'),
      { maxKeys: 3 },
    ),
  ),
})).value;

const matrix = fc.array(
  fc.array(
    fc.oneof(
      fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e6, max: 1e6 }),
      fc.constant(null),
      fc.integer({ min: -5, max: 5 }),
    ),
    { minLength: 1, maxLength: 6 },
  ),
  { minLength: 1, maxLength: 6 },
);

export const specArbitrary = fc.record({
  data: fc.oneof(
    matrix,
    fc.record(
      { values: matrix, rows: fc.array(fc.string({ maxLength: 8 }), { maxLength: 6 }) },
      { requiredKeys: ['values'] },
    ),
    jsonValue,
  ),
  options: fc.dictionary(fc.constantFrom(...SPEC_KEYS), jsonValue, { maxKeys: 6 }),
});

/** Random specs: rendered to SVG and scene JSON, or refused with a HeatfigError. */
export function specsNeverCrash(numRuns: number, seed = 21): void {
  fc.assert(
    fc.property(specArbitrary, ({ data, options }) => {
      for (const format of ['svg', 'scene'] as const) {
        try {
          render({ data, ...options } as Spec, { format });
        } catch (e) {
          assert.ok(isHeatfigError(e), `internal error: ${(e as Error)?.stack}`);
        }
      }
    }),
    { seed, numRuns },
  );
}

const FLAGS: [string, fc.Arbitrary<string>][] = [
  ['--scale', fc.constantFrom('0', '-1', '1', '2', '16', '17', '1e9', 'abc', 'NaN', '')],
  ['--dpi', fc.constantFrom('0', '96', '300', '99999', 'x')],
  ['--width', fc.constantFrom('10', '50', '300', '20000', '1e9', '-5')],
  ['--height', fc.constantFrom('60', '400', '20001')],
  ['--cell-width', fc.constantFrom('0', '1', '1000', '1001', '6.1e8')],
  ['--xrotation', fc.constantFrom('auto', '45', '-90', '91', 'abc', '')],
  ['--fmt', fc.constantFrom('.2f', 'd', '.1000000000f', '{:.1f}%', '%', '}{')],
  ['--cmap', fc.constantFrom('viridis', 'nope', 'RdBu_r', '')],
  ['--norm', fc.constantFrom('log', 'symlog', 'twoslope', 'bogus')],
  ['--center', fc.constantFrom('0', '0.5', 'x')],
  ['--vmin', fc.constantFrom('0', '-1e308', '1')],
  ['--title', fc.string({ maxLength: 40 })],
  ['--xticklabels', fc.constantFrom('true', 'false', 'auto', '0', '3', 'a,b,c')],
  ['--index-col', fc.constantFrom('0', '1', '99', 'none', '-1', 'x')],
  ['--orient', fc.constantFrom('split', 'index', 'nope')],
  ['--max-input-bytes', fc.constantFrom('0', '10', '100000', '2000000000')],
  ['--raster', fc.constantFrom('auto', 'always', 'never')],
  ['--reduce', fc.constantFrom('mean', 'absmax')],
  ['--sep', fc.constantFrom(',', ';', '\\t', 'xx')],
];

const flags = fc.array(
  fc
    .integer({ min: 0, max: FLAGS.length - 1 })
    .chain((i) => FLAGS[i]![1].map((v) => [FLAGS[i]![0], v])),
  { maxLength: 4 },
);

/**
 * Random command lines, run in process: a file of each format (valid, mutated, or a
 * multi-megabyte CSV, mutated), random flags, an output of each format or an odd name. The
 * exit code is 0 or 2, never 1.
 */
export async function cliNeverCrashes(numRuns: number, seed = 22): Promise<void> {
  const dir = tempDir('heatfig-fuzz-');
  const bigCsv = new TextEncoder().encode(
    `,${Array.from({ length: 40 }, (_, c) => `c${c}`).join(',')}\n${Array.from({ length: 6000 }, (_, r) => `r${r},${Array.from({ length: 40 }, (_, c) => ((r * c) % 97) / 7).join(',')}`).join('\n')}\n`,
  );
  const inputs: Record<string, Uint8Array> = { ...valid, 'big.csv': bigCsv };
  const writeErr = process.stderr.write.bind(process.stderr);
  await fc.assert(
    fc.asyncProperty(
      fc.constantFrom(...Object.keys(inputs)),
      fc.array(mutation, { maxLength: 3 }),
      flags,
      fc.constantFrom(
        'o.svg',
        'o.png',
        'o.pdf',
        'o.html',
        'o.json',
        'o.gif',
        'sub/none/o.svg',
        '',
        'o\u001b[31m.svg',
        'o\n.png',
        ' .svg',
        'in.csv',
        '..',
      ),
      fc.constantFrom('render', 'describe'),
      async (name, ms, fl, out, command) => {
        const ext = name === 'big.csv' ? 'csv' : name;
        const input = join(dir, `in.${ext}`);
        writeFileSync(input, ms.length ? mutate(inputs[name]!, ms) : inputs[name]!);
        // Nothing may reach standard output, where the test runner reports: describe, which
        // writes there without -o, is given a file.
        const to = command === 'describe' ? 'd.md' : out;
        const args = [command, input, ...fl.flat(), ...(to ? ['-o', join(dir, to)] : [])];
        let stderr = '';
        process.stderr.write = ((s: string) => {
          stderr += s;
          return true;
        }) as typeof process.stderr.write;
        let code: number;
        try {
          code = await main(args);
        } finally {
          process.stderr.write = writeErr;
        }
        assert.ok(code === 0 || code === 2, `exit ${code} for ${JSON.stringify(args)}: ${stderr}`);
        if (code === 2 && stderr)
          assert.match(stderr, /^heatfig: error: |^error: |^heatfig: warning: /m, stderr);
      },
    ),
    { seed, numRuns },
  );
}
