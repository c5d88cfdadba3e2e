/**
 * Properties of the parsers, shared by the test suite (thousands of cases) and
 * `npm run fuzz` (many more): valid files round-trip; random bytes and mutated files load or
 * raise the one user-error type, never anything else, and never hang.
 */
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { parseDelimited } from '../../src/data/csv.ts';
import type { InputFormat } from '../../src/data/load.ts';
import { gridFromBytes } from '../../src/data/load.ts';
import { HeatfigError } from '../../src/errors.ts';
import { type NpyDtype, writeCsv, writeNpy, writeNpz } from './writers.ts';

const DTYPES: readonly NpyDtype[] = [
  'f2',
  'f4',
  'f8',
  'i1',
  'i2',
  'i4',
  'i8',
  'u1',
  'u2',
  'u4',
  'u8',
  'b1',
];
const RANGE: Record<string, [number, number]> = {
  i1: [-128, 127],
  i2: [-32768, 32767],
  i4: [-(2 ** 31), 2 ** 31 - 1],
  i8: [-(2 ** 53), 2 ** 53],
  u1: [0, 255],
  u2: [0, 65535],
  u4: [0, 2 ** 32 - 1],
  u8: [0, 2 ** 53],
  b1: [0, 1],
};

export const npyCase = fc
  .record({
    dtype: fc.constantFrom(...DTYPES),
    shape: fc.oneof(
      fc.tuple(fc.integer({ min: 1, max: 9 })),
      fc.tuple(fc.integer({ min: 1, max: 7 }), fc.integer({ min: 1, max: 7 })),
      fc.tuple(
        fc.integer({ min: 1, max: 3 }),
        fc.integer({ min: 1, max: 4 }),
        fc.integer({ min: 1, max: 4 }),
      ),
    ),
    bigEndian: fc.boolean(),
    fortran: fc.boolean(),
    version: fc.constantFrom(1, 2, 3) as fc.Arbitrary<1 | 2 | 3>,
    seed: fc.integer(),
  })
  .map((c) => {
    const n = c.shape.reduce((a, b) => a * b, 1);
    let s = c.seed;
    const rand = () => {
      s = (Math.imul(s ^ (s >>> 15), 2246822507) + 0x9e3779b9) | 0;
      return (s >>> 0) / 4294967296;
    };
    const values = Array.from({ length: n }, () => {
      if (c.dtype.startsWith('f')) {
        const r = rand();
        if (r < 0.05) return Number.NaN;
        if (r < 0.08) return r < 0.065 ? Infinity : -Infinity;
        if (c.dtype === 'f2') return Math.floor((rand() - 0.5) * 4094) / 8; // exact in half precision
        const v = (rand() - 0.5) * 10 ** Math.floor(rand() * 8 - 3);
        return c.dtype === 'f8' ? v : Math.fround(v);
      }
      const [lo, hi] = RANGE[c.dtype]!;
      return Math.floor(lo + rand() * (hi - lo + 1));
    });
    return { ...c, values };
  });

const same = (a: number, b: number) => a === b || (Number.isNaN(a) && Number.isNaN(b));

/** A valid .npy file loads back equal (C or Fortran order, any byte order, versions 1–3). */
export function npyRoundTrip(numRuns: number, seed = 5) {
  fc.assert(
    fc.property(npyCase, (c) => {
      const bytes = writeNpy(c.values, c.shape, c.dtype, c.bigEndian, c.fortran, c.version);
      const g = gridFromBytes(bytes, 'a.npy');
      const got = g.panels.flatMap((p) => [...p.values]);
      assert.equal(got.length, c.values.length);
      got.forEach((v, i) => {
        assert.ok(same(v, c.values[i]!), `${c.dtype}[${i}]: ${v} vs ${c.values[i]}`);
      });
      if (c.shape.length === 3) assert.equal(g.panels.length, c.shape[0]);
    }),
    { seed, numRuns },
  );
}

const label = fc
  .string({
    minLength: 1,
    maxLength: 12,
    unit: fc.constantFrom('a', 'b', 'Z', ' ', ',', '"', '\n', ';', '\t', 'é', '→', '1', '.', '-'),
  })
  .filter((s) => /[a-zé→Z]/.test(s) && s.trim() === s && s.trim() !== '');

/** A wide table written as CSV/TSV (quoted where needed, LF or CRLF) loads back equal. */
export function csvRoundTrip(numRuns: number, seed = 6) {
  fc.assert(
    fc.property(
      fc.record({
        rows: fc.integer({ min: 1, max: 8 }),
        cols: fc.integer({ min: 1, max: 8 }),
        sep: fc.constantFrom(',', '\t', ';'),
        eol: fc.constantFrom('\n', '\r\n'),
        labels: fc.array(label, { minLength: 16, maxLength: 16 }),
        values: fc.array(
          fc.oneof(
            fc.double({ noDefaultInfinity: false }),
            fc.constant(Number.NaN),
            fc.integer({ min: -1000, max: 1000 }),
          ),
          { minLength: 64, maxLength: 64 },
        ),
      }),
      (c) => {
        const header = ['', ...c.labels.slice(8, 8 + c.cols)];
        const body = Array.from({ length: c.rows }, (_, r) => [
          c.labels[r]!,
          ...Array.from({ length: c.cols }, (_, k) => fmtValue(c.values[r * 8 + k]!)),
        ]);
        const text = writeCsv([header, ...body], c.sep, c.eol);
        const g = gridFromBytes(
          new TextEncoder().encode(text),
          `t.${c.sep === '\t' ? 'tsv' : 'csv'}`,
          c.sep === ';' ? { sep: ';' } : {},
        );
        assert.deepEqual(g.colLabels, header.slice(1));
        assert.deepEqual(
          g.panels[0]!.rowLabels,
          body.map((r) => r[0]),
        );
        for (let r = 0; r < c.rows; r++)
          for (let k = 0; k < c.cols; k++)
            assert.ok(same(g.panels[0]!.values[r * c.cols + k]!, c.values[r * 8 + k]!));
      },
    ),
    { seed, numRuns },
  );
}

const fmtValue = (v: number) =>
  Number.isNaN(v) ? '' : v === Infinity ? 'inf' : v === -Infinity ? '-inf' : String(v);

/** Any fields written as CSV are split back into the same fields. */
export function csvFieldsRoundTrip(numRuns: number, seed = 7) {
  fc.assert(
    fc.property(
      fc.array(fc.array(fc.string({ maxLength: 6 }), { minLength: 2, maxLength: 5 }), {
        minLength: 1,
        maxLength: 6,
      }),
      fc.constantFrom(',', '\t', '|'),
      (rows, sep) => {
        const text = writeCsv(rows, sep);
        assert.deepEqual(
          parseDelimited(text, sep, 'x.csv').map((r) => r.map((f) => f.text)),
          rows,
        );
      },
    ),
    { seed, numRuns },
  );
}

function onlyUserErrors(bytes: Uint8Array, name: string, format: InputFormat) {
  try {
    gridFromBytes(bytes, name, { format });
  } catch (e) {
    if (!(e instanceof HeatfigError))
      throw new Error(`${format}: ${(e as Error)?.stack ?? String(e)}`);
  }
}

export const valid: Record<InputFormat, Uint8Array> = {
  npy: writeNpy([1, 2, 3, 4, 5, 6], [2, 3], 'f8'),
  npz: writeNpz(
    { a: writeNpy([1, 2, 3, 4], [2, 2], 'i4', true, true), b: writeNpy([0.5], [1], 'f4') },
    true,
  ),
  csv: new TextEncoder().encode(',a,"b, c"\nx,1,2\n"y\nz",nan,-3e-5\r\n'),
  tsv: new TextEncoder().encode('\ta\tb\nx\t1\t2\n'),
  json: new TextEncoder().encode(
    '{"values": [[1, null], [3]], "rows": ["a", "b"], "cols": [1, 2]}',
  ),
};

export const mutation = fc.oneof(
  fc.record({
    kind: fc.constant('flip' as const),
    at: fc.nat(),
    byte: fc.integer({ min: 0, max: 255 }),
  }),
  fc.record({ kind: fc.constant('cut' as const), at: fc.nat(), byte: fc.constant(0) }),
  fc.record({
    kind: fc.constant('insert' as const),
    at: fc.nat(),
    byte: fc.integer({ min: 0, max: 255 }),
  }),
);

export function mutate(
  src: Uint8Array,
  ms: readonly { kind: 'flip' | 'cut' | 'insert'; at: number; byte: number }[],
): Uint8Array {
  let b = src;
  for (const m of ms) {
    const at = b.length ? m.at % (b.length + 1) : 0;
    if (m.kind === 'cut') b = b.subarray(0, at);
    else if (m.kind === 'insert')
      b = new Uint8Array([...b.subarray(0, at), m.byte, ...b.subarray(at)]);
    else if (at < b.length) {
      b = b.slice();
      b[at] = m.byte;
    }
  }
  return b;
}

/** Random bytes and random mutations of valid files load or raise HeatfigError, in every format. */
export function parsersNeverCrash(numRuns: number, seed = 8) {
  for (const format of Object.keys(valid) as InputFormat[]) {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (bytes) =>
        onlyUserErrors(bytes, `r.${format}`, format),
      ),
      { seed, numRuns },
    );
    fc.assert(
      fc.property(fc.array(mutation, { minLength: 1, maxLength: 4 }), (ms) =>
        onlyUserErrors(mutate(valid[format], ms), `m.${format}`, format),
      ),
      { seed: seed + 1, numRuns },
    );
  }
}
