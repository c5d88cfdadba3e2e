import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { chooseTicks, niceSteps } from '../../src/layout/ticks.ts';

describe('chooseTicks', () => {
  it('keeps every label level when they fit', () => {
    const c = chooseTicks(5, 'auto', 'auto', 60, 20, 14, 3);
    assert.deepEqual(c, { indices: [0, 1, 2, 3, 4], rotate: 0, every: 1, thinned: false });
  });
  it('turns long labels 45° before thinning them', () => {
    assert.equal(chooseTicks(10, 'auto', 'auto', 26, 100, 14, 3).rotate, -45);
  });
  it('turns them 90° when 45° would still collide', () => {
    assert.equal(chooseTicks(10, 'auto', 'auto', 18, 100, 14, 3).rotate, -90);
  });
  it('thins to a round step when even 90° collides', () => {
    const c = chooseTicks(500, 'auto', 'auto', 1, 21, 14, 3);
    assert.ok(c.thinned);
    assert.ok(niceSteps(500).includes(c.every));
    assert.equal(c.indices[1], c.every);
    assert.ok(c.every >= 17);
  });
  it('keeps a fixed rotation and shows nothing for mode none', () => {
    assert.equal(chooseTicks(5, 'auto', 30, 60, 20, 14, 3).rotate, 30);
    assert.deepEqual(chooseTicks(5, 'none', 'auto', 60, 20, 14, 3).indices, []);
  });
  it('shows every nth label when asked, thinning further only if they collide', () => {
    assert.deepEqual(chooseTicks(10, { every: 3 }, 'auto', 60, 20, 14, 3).indices, [0, 3, 6, 9]);
  });
  it('handles a single label and zero labels', () => {
    assert.deepEqual(chooseTicks(1, 'auto', 'auto', 2, 500, 14, 3).indices, [0]);
    assert.deepEqual(chooseTicks(0, 'auto', 'auto', 2, 500, 14, 3).indices, []);
  });
});
