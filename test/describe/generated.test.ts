/**
 * Every claim and sentence true, on generated grids (issue 15): noise of several
 * distributions, grids with structure (row and column effects, gradients, blocks, diagonals),
 * ties and float near-ties, infinities, missing cells, masks, several panels, tiny and wide
 * shapes. checkClaims recomputes every claim and binds every number and label of every
 * sentence to a claim it cites.
 */
import assert from 'node:assert/strict';
import { describe as suite, it } from 'node:test';
import fc from 'fast-check';
import { checkClaims } from '../../src/describe/check.ts';
import { describe } from '../../src/describe/describe.ts';
import { Warnings } from '../../src/errors.ts';
import { gridFromSpec } from '../../src/figure/grid-from-spec.ts';
import { resolveSpec } from '../../src/figure/resolve.ts';
import type { Spec } from '../../src/spec/spec-type.ts';

const shape = fc.record({
  rows: fc.integer({ min: 1, max: 24 }),
  cols: fc.integer({ min: 1, max: 24 }),
});

/** A cell's value from its position and a draw, by the grid's kind. */
const kinds = [
  'noise',
  'uniform',
  'heavy',
  'effects',
  'gradient',
  'block',
  'diagonal',
  'ties',
] as const;

const grid = fc
  .record({
    shape,
    kind: fc.constantFrom(...kinds),
    draws: fc.array(fc.double({ min: -1, max: 1, noNaN: true }), {
      minLength: 600,
      maxLength: 600,
    }),
    holes: fc.array(fc.nat(600), { maxLength: 12 }),
    infs: fc.array(fc.nat(600), { maxLength: 3 }),
    square: fc.boolean(),
    numbered: fc.boolean(),
    mask: fc.constantFrom(undefined, 'upper', 'lower'),
    annot: fc.boolean(),
    center: fc.option(fc.constant(0)),
    panels: fc.constantFrom(1, 1, 2),
  })
  .map((g) => {
    const rows = g.shape.rows;
    const cols = g.square ? rows : g.shape.cols;
    let d = 0;
    const draw = () => g.draws[d++ % g.draws.length]!;
    const value = (r: number, c: number): number => {
      const x = draw();
      switch (g.kind) {
        case 'noise':
          return x;
        case 'uniform':
          return (x + 1) / 2;
        case 'heavy':
          return Math.tan(x * 1.4);
        case 'effects':
          return r * 0.3 - c * 0.2 + 0.05 * x;
        case 'gradient':
          return c / Math.max(1, cols - 1) + 0.01 * x;
        case 'block':
          return (r < rows / 3 && c === 0 ? 0.05 : 0.95) + 0.01 * x;
        case 'diagonal':
          return r === c ? 0.9 + 0.05 * x : 0.02 * Math.abs(x);
        case 'ties':
          return [1 / 6, 0.1 + 0.2 - 0.1 / 6 - 0.1 - 0.2 + 1 / 6, 1, 1 - 2 ** -53][
            Math.floor(Math.abs(x) * 4) % 4
          ]!;
      }
    };
    const matrix = () => {
      const m: (number | null)[][] = Array.from({ length: rows }, (_, r) =>
        Array.from({ length: cols }, (_, c) => value(r, c)),
      );
      for (const h of g.holes) m[h % rows]![Math.floor(h / rows) % cols] = null;
      for (const [i, k] of g.infs.entries())
        m[k % rows]![Math.floor(k / rows) % cols] = i % 2 ? -Infinity : Infinity;
      return m;
    };
    const labels = (n: number, from: number) =>
      Array.from({ length: n }, (_, i) => (g.numbered ? String(from + i) : `k${i}`));
    const data = (m: (number | null)[][]) => ({
      values: m,
      rows: labels(rows, g.square ? 0 : 1),
      cols: labels(cols, 0),
    });
    const spec = {
      ...(g.panels === 1
        ? { data: data(matrix()) }
        : {
            panels: [
              { title: 'Targets', data: data(matrix()) },
              { title: 'Outputs', data: data(matrix()) },
            ],
          }),
      ...(g.mask && g.square && g.panels === 1 ? { mask: g.mask } : {}),
      ...(g.annot ? { annot: true } : {}),
      ...(g.center !== null ? { center: g.center } : {}),
    } as Spec;
    return spec;
  });

suite('descriptions of generated grids (issue 15)', () => {
  it('make only claims and sentences that checkClaims verifies', () => {
    fc.assert(
      fc.property(grid, (spec) => {
        let figure: ReturnType<typeof resolveSpec>;
        try {
          figure = resolveSpec(spec, gridFromSpec(spec, null), new Warnings());
        } catch {
          return; // a spec the figure refuses (say, an infinite value where a range needs finite ones)
        }
        const d = describe(figure);
        assert.deepEqual(
          checkClaims(d.grid, d.claims, d.sentences).failures,
          [],
          JSON.stringify(spec),
        );
      }),
      { numRuns: 3000, seed: 15 },
    );
  });
});
