import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { assertChecks, figureOf, held, run } from './helpers.ts';

const n = 8;
const labels = Array.from({ length: n }, (_, i) => `k${i}`);
const matrix = (near: number, far: number) =>
  Array.from({ length: n }, (_, r) =>
    Array.from({ length: n }, (_, c) => (Math.abs(r - c) <= 1 ? near : far)),
  );

describe('detector: band', () => {
  it('finds the total concentrated within one step of the diagonal', () => {
    const f = figureOf(matrix(10, 0.1), { rows: labels, cols: labels });
    const r = run('band', f);
    const [c] = held(r);
    assert.equal(c!.facts.concentrated, true);
    assert.match(r.sentences[0]!, /of the total lies within one step of the diagonal/);
    assertChecks(f, c!);
  });

  it('says nothing of an even spread', () => {
    const f = figureOf(matrix(1, 1), { rows: labels, cols: labels });
    const r = run('band', f);
    assert.equal(held(r)[0]!.facts.concentrated, false);
    assert.equal(r.sentences[0], null);
  });
});
