import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { stepFit } from '../../../src/describe/stats.ts';
import { normals } from '../random.ts';
import { assertChecks, figureOf, held, run } from './helpers.ts';

const cols = ['0', '1', '2', '3', '4', '5', '6', '7', '8'];

describe('detector: step (issue 15: seed 001, h drops at lengths 3–4)', () => {
  it("finds h's drop between lengths 2 and 3, with the levels before and after", () => {
    // Seed 001's seven rows: the lines of a figure are tested together, and how serially
    // correlated their noise is comes from all of them (two rows of nine would say little).
    const seed = JSON.parse(
      readFileSync(new URL('../../../examples/seed-001.json', import.meta.url), 'utf8'),
    );
    const f = figureOf(seed.data.values, {
      cols: seed.data.cols,
      rows: seed.data.rows,
      xlabel: 'Length',
    });
    const r = run('step', f);
    const c = held(r).find((x) => x.params.key.label === 'h');
    assert.equal(c!.params.key.label, 'h');
    assert.deepEqual(c!.facts, { direction: 'down', before: '2', after: '3' });
    assert.match(
      r.sentences[0]!,
      /row `h` \(0\.961 → 0\.847 between `2` and `3`\) drops in one step/,
    );
    assertChecks(f, c!);
  });

  it('is not a step when a straight line fits as well (a steady fall)', () => {
    const f = figureOf([[9, 8, 7, 6, 5, 4, 3, 2, 1.5]], { cols });
    assert.deepEqual(held(run('step', f)), []);
  });

  it('finds the split that leaves the least squared error, and a small p only for a real change', () => {
    const s = stepFit([1, 1.1, 0.9, 1, 5, 5.1, 4.9, 5])!;
    assert.equal(s.at, 4);
    assert.ok(s.p < 1e-4);
    // Noise: p is uniform-ish or larger (Bonferroni over the splits); seeded, 400 lines of 12.
    const normal = normals(99);
    let small = 0;
    for (let k = 0; k < 400; k++) {
      const fit = stepFit(Array.from({ length: 12 }, normal))!;
      if (fit.p < 0.05) small++;
    }
    assert.ok(small / 400 <= 0.05, `${small} of 400 noise lines have p < 0.05`);
  });
});
