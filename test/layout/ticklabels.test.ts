/**
 * xticklabels/yticklabels true (and 1) mean every label, as in seaborn (issue 11): the font
 * shrinks to a readable size, then the labels turn; only when that fails are they thinned,
 * with a warning in plain English that names the option that shows them all.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ordinal } from '../../src/messages.ts';
import { render } from '../../src/index.ts';
import { overlappingTexts } from '../helpers.ts';

const grid = (rows: number, cols: number) =>
  Array.from({ length: rows }, (_, r) => Array.from({ length: cols }, (_, c) => r + c));
const texts = (r: ReturnType<typeof render>, role: string) =>
  r.scene.primitives.flatMap((p) => (p.type === 'text' && p.role === role ? [p] : []));

describe('every tick label, as seaborn shows them', () => {
  const cols = Array.from({ length: 30 }, (_, i) => `feature_${i}`);
  const rows = Array.from({ length: 40 }, (_, i) => `r${i}`);
  const data = { values: grid(40, 30), rows, cols };

  it('shows all of them with true: smaller, then turned, never overlapping', () => {
    for (const opt of [true, 1] as const) {
      const r = render({ data, xticklabels: opt, yticklabels: opt }, { format: 'scene' });
      const xs = texts(r, 'xtick');
      const ys = texts(r, 'ytick');
      assert.equal(xs.length, 30);
      assert.equal(ys.length, 40);
      assert.ok(xs[0]!.rotate !== 0, 'long column labels turn');
      assert.ok(ys[0]!.size < 12 && ys[0]!.size >= 6, `row labels at ${ys[0]!.size} px`);
      assert.deepEqual(overlappingTexts(r.scene), []);
      assert.equal(r.warnings.filter((w) => w.includes('thinned')).length, 0);
    }
  });

  it('thins "auto" silently, as before', () => {
    const r = render({ data }, { format: 'scene' });
    assert.ok(texts(r, 'ytick').length < 40);
    assert.equal(r.warnings.filter((w) => w.includes('thinned')).length, 0);
  });

  it('thins only what cannot fit even at 6 px, saying so in English with the option to use', () => {
    const many = { values: grid(700, 3), rows: Array.from({ length: 700 }, (_, i) => `row ${i}`) };
    const r = render({ data: many, yticklabels: true, raster: 'never' }, { format: 'scene' });
    const w = r.warnings.find((x) => x.includes('thinned'));
    assert.ok(w, r.warnings.join('\n'));
    assert.match(w!, /every (2nd|3rd|\d+th) label/);
    assert.match(w!, /height or cellHeight/);
    assert.ok(!/\d(nd|rd|st)th|2th|3th/.test(w!));
    assert.deepEqual(overlappingTexts(r.scene), []);
  });

  it('writes ordinals in English', () => {
    assert.deepEqual([1, 2, 3, 4, 5, 11, 12, 13, 21, 22, 23, 101, 111, 112].map(ordinal), [
      '1st',
      '2nd',
      '3rd',
      '4th',
      '5th',
      '11th',
      '12th',
      '13th',
      '21st',
      '22nd',
      '23rd',
      '101st',
      '111th',
      '112th',
    ]);
  });
});
