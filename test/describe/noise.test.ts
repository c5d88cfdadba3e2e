/**
 * Descriptions of pure noise (issue 15): seeded grids of Gaussian noise of several sizes, with
 * numbered (ordered) axes that invite trend tests. At most 5% of them may get a sentence that
 * says a line rises or falls (a trend or a step in level), and at most 5% one that calls cells outliers; every claim and
 * sentence passes checkClaims.
 */
import assert from 'node:assert/strict';
import { describe as suite, it } from 'node:test';
import { normals } from './random.ts';
import { checkClaims } from '../../src/describe/check.ts';
import { describe } from '../../src/describe/describe.ts';
import { Warnings } from '../../src/errors.ts';
import { gridFromSpec } from '../../src/figure/grid-from-spec.ts';
import { resolveSpec } from '../../src/figure/resolve.ts';
import type { Spec } from '../../src/spec/spec-type.ts';

/** The share of noise grids of n × n whose observations say a trend, and call outliers. */
function rates(n: number, runs: number, seed: number): { trend: number; outliers: number } {
  const normal = normals(seed);
  let trend = 0;
  let outliers = 0;
  for (let k = 0; k < runs; k++) {
    const values = Array.from({ length: n }, () => Array.from({ length: n }, normal));
    // Rows numbered from 1, columns from 0: ordered axes, not the same labels (not a square matrix of categories).
    const spec = {
      data: {
        values,
        rows: values.map((_, i) => String(i + 1)),
        cols: values[0]!.map((_, j) => String(j)),
      },
    } as Spec;
    const d = describe(resolveSpec(spec, gridFromSpec(spec, null), new Warnings()));
    if (k < 10) assert.deepEqual(checkClaims(d.grid, d.claims, d.sentences).failures, []);
    const said = d.sentences
      .filter((s) => s.section !== 'interpretation')
      .map((s) => s.text)
      .join(' ');
    // A step in level says a direction too ("drop", "rises in one step").
    if (/\b(rises|falls|rise|fall|drops?)\b/.test(said)) trend++;
    if (/do(es)? not fit/.test(said)) outliers++;
  }
  return { trend: trend / runs, outliers: outliers / runs };
}

suite('descriptions of noise (issue 15)', () => {
  for (const [n, runs] of [
    [5, 300],
    [10, 300],
    [20, 300],
    [50, 200],
  ] as const) {
    it(`say a trend or outliers of at most 5% of ${n}×${n} Gaussian noise grids (${runs} seeded grids)`, () => {
      const r = rates(n, runs, 7 + n);
      assert.ok(r.trend <= 0.05, `trend sentences on ${(r.trend * 100).toFixed(1)}% of the grids`);
      assert.ok(
        r.outliers <= 0.05,
        `outlier sentences on ${(r.outliers * 100).toFixed(1)}% of the grids`,
      );
    });
  }
});
