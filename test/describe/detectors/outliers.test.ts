import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { normals } from '../random.ts';
import { Warnings } from '../../../src/errors.ts';
import { gridFromSpec } from '../../../src/figure/grid-from-spec.ts';
import { resolveSpec } from '../../../src/figure/resolve.ts';
import type { Spec } from '../../../src/spec/spec-type.ts';
import { assertChecks, figureOf, held, run } from './helpers.ts';

describe('detector: outliers (issue 15: residuals after rows and columns)', () => {
  it('finds a cell that does not fit its row and column', () => {
    // Rows and columns with their own levels, a little noise, and one cell far off.
    const n = normals(3);
    const values = Array.from({ length: 8 }, (_, r) =>
      Array.from({ length: 8 }, (_, c) => r + 2 * c + 0.1 * n()),
    );
    values[5]![2] = 40;
    const f = figureOf(values);
    const r = run('outliers', f);
    const [c] = held(r);
    assert.deepEqual(
      c!.facts.at.map((k) => `${k.row}/${k.col}`),
      ['r5/c2'],
    );
    assert.match(
      r.sentences[0]!,
      /^One cell does not fit its row and column \(more than 6\.0 robust standard deviations/,
    );
    assertChecks(f, c!);
  });

  it('flags nothing on Gaussian noise, whatever its size', () => {
    for (const [size, seed] of [
      [5, 1],
      [20, 2],
      [60, 3],
    ] as const) {
      const n = normals(seed);
      const f = figureOf(Array.from({ length: size }, () => Array.from({ length: size }, n)));
      assert.deepEqual(held(run('outliers', f)), [], `${size}×${size}`);
    }
  });

  it('calls a block or a diagonal structure, not outliers', () => {
    // Seed 002's shape: six neg_ rows fail on one column.
    const block = Array.from({ length: 20 }, (_, r) => [0.98, r < 6 ? 0.03 : 0.97, 0.96]);
    assert.deepEqual(held(run('outliers', figureOf(block))), []);
    const diagonal = Array.from({ length: 10 }, (_, r) =>
      Array.from({ length: 10 }, (_, c) => (r === c ? 0.9 : 0.01)),
    );
    assert.deepEqual(held(run('outliers', figureOf(diagonal))), []);
  });

  it('tests every panel, around missing cells, and names the panel of each', () => {
    const n = normals(5);
    const smooth = () =>
      Array.from({ length: 6 }, (_, r) => Array.from({ length: 6 }, (_, c) => r - c + 0.05 * n()));
    const a = smooth();
    a[1]![4] = null as unknown as number;
    const b = smooth();
    b[3]![3] = -25;
    const spec = {
      panels: [
        { data: a, title: 'a' },
        { data: b, title: 'b' },
      ],
    } as Spec;
    const f = resolveSpec(spec, gridFromSpec(spec, null), new Warnings());
    const [c] = held(run('outliers', f));
    assert.deepEqual(
      c!.facts.at.map((k) => [k.panel, k.row, k.col]),
      [[1, '3', '3']],
    );
    assertChecks(f, c!);
  });

  it('needs panels of at least 3 × 3 cells', () => {
    assert.deepEqual(held(run('outliers', figureOf([[1, 2, 100]]))), []);
  });
});
