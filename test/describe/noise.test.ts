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

/**
 * The share of noise grids of n × n whose observations say a trend, and call outliers; with
 * phi > 0 each row is AR(1) noise along the columns (serially correlated, as a training curve's
 * noise is), the rows independent.
 */
function rates(
  n: number,
  runs: number,
  seed: number,
  phi = 0,
): { trend: number; outliers: number } {
  const normal = normals(seed);
  const series = () => {
    const x = [normal() / Math.sqrt(1 - phi * phi)];
    for (let i = 1; i < n; i++) x.push(phi * x[i - 1]! + normal());
    return x;
  };
  let trend = 0;
  let outliers = 0;
  for (let k = 0; k < runs; k++) {
    const values = Array.from({ length: n }, series);
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

  // One row of 20 cannot tell AR(1) noise from a trend (its φ reads as anything from −0.2 to
  // 0.9); twenty rows measured alike can, and the trend and step tests are widened by it.
  for (const [n, runs] of [
    [20, 200],
    [50, 60],
  ] as const) {
    it(`say a trend of at most 5% of ${n}×${n} grids of AR(1) noise along the rows, φ = 0.8 (${runs} seeded grids)`, () => {
      const r = rates(n, runs, 3 + n, 0.8);
      assert.ok(r.trend <= 0.05, `trend sentences on ${(r.trend * 100).toFixed(1)}% of the grids`);
    });
  }
});
