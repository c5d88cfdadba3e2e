import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { GlyphBook, glyphRuns, inkHoles, textHoles } from '../../src/read/glyphs.ts';
import { GH, GW, shapes } from './glyph-shapes.ts';

type Shape = Uint8Array;

/**
 * A number's ink as a piece holds it: its glyphs 2 columns apart with a blank column of
 * margin around, the first `dropLeft` columns of the first glyph and the last `dropRight` of
 * the last hidden (cut away).
 */
function ink(text: string, glyphs: Map<string, Shape>, dropLeft = 0, dropRight = 0) {
  const h = GH + 2;
  const cols: Uint8Array[] = [new Uint8Array(h)];
  [...text].forEach((ch, i) => {
    if (i) cols.push(new Uint8Array(h), new Uint8Array(h));
    const g = glyphs.get(ch)!;
    for (let x = 0; x < GW; x++) {
      if (i === 0 && x < dropLeft) continue;
      if (i === text.length - 1 && x >= GW - dropRight) continue;
      const col = new Uint8Array(h);
      for (let y = 0; y < GH; y++) col[y + 1] = g[y * GW + x]!;
      cols.push(col);
    }
  });
  cols.push(new Uint8Array(h));
  const w = cols.length;
  const out = new Uint8Array(w * h);
  cols.forEach((c, x) => {
    for (let y = 0; y < h; y++) out[y * w + x] = c[y]!;
  });
  return { ink: out, w, h };
}

describe('glyphs of numbers', () => {
  const glyphs = shapes(7, '0123456789-.');
  const book = new GlyphBook();
  for (const t of ['-0123.45', '6789', '0.98-']) {
    const i = ink(t, glyphs);
    book.learn(i.ink, i.w, i.h, t);
  }

  it('parts a number into its glyphs: runs of inked columns', () => {
    const i = ink('12.5', glyphs);
    assert.deepEqual(glyphRuns(i.ink, i.w, i.h), [
      [1, 9],
      [11, 19],
      [21, 29],
      [31, 39],
    ]);
  });

  it('reads a number whose last glyph or first is partly hidden, from the glyphs learnt', () => {
    fc.assert(
      fc.property(
        fc.stringMatching(/^-?[0-9]{1,3}\.[0-9]{1,3}$/),
        fc.integer({ min: 0, max: 3 }),
        fc.integer({ min: 0, max: 3 }),
        (text, left, right) => {
          const i = ink(text, glyphs, left, right);
          assert.equal(book.read(i.ink, i.w, i.h, left > 0, right > 0), text);
        },
      ),
    );
  });

  it('reads the last glyph alone where the others are not told (a glyph never learnt before it)', () => {
    const both = new Map([...glyphs, ...shapes(99, 'x')]);
    const i = ink('x1.27', both, 0, 3);
    assert.equal(book.read(i.ink, i.w, i.h, false, true), null);
    assert.equal(book.last(i.ink, i.w, i.h), '7');
  });

  it('reads nothing where a glyph was never learnt, or is as like two as one', () => {
    const unknown = shapes(99, 'x');
    const both = new Map([...glyphs, ...unknown]);
    const i = ink('1x2', both);
    assert.equal(book.read(i.ink, i.w, i.h, false, false), null);
    // Two characters alike but for their last columns: their first half tells neither.
    const twin = shapes(3, 'ab');
    const a = twin.get('a')!;
    const b = twin.get('b')!;
    for (let y = 0; y < GH; y++) for (let x = 0; x < GW / 2; x++) b[y * GW + x] = a[y * GW + x]!;
    const book2 = new GlyphBook();
    const learnt = ink('ab', twin);
    book2.learn(learnt.ink, learnt.w, learnt.h, 'ab');
    const cut = ink('ba', twin, 0, GW / 2);
    assert.equal(book2.read(cut.ink, cut.w, cut.h, false, true), null);
    const whole = ink('ba', twin);
    assert.equal(book2.read(whole.ink, whole.w, whole.h, false, false), 'ba');
  });

  it('checks a number against the glyphs of the others, its own left out', () => {
    const own = new GlyphBook();
    const a = ink('12', glyphs);
    // A 2 misread as 7 once, and learnt so: the others' 2s still tell it.
    own.learn(a.ink, a.w, a.h, '17', 1);
    for (const [k, t] of ['21', '32', '23'].entries()) {
      const i = ink(t, glyphs);
      own.learn(i.ink, i.w, i.h, t, k + 2);
    }
    assert.equal(own.read(a.ink, a.w, a.h, false, false, 1), '12');
    // With its own glyph the 7 (one glyph, the same) ties the 2s: not told.
    assert.notEqual(own.read(a.ink, a.w, a.h, false, false), '17');
  });

  it('learns nothing from a number whose glyphs touch (fewer runs than characters)', () => {
    const book3 = new GlyphBook();
    const i = ink('12', glyphs);
    book3.learn(i.ink, i.w, i.h, '123');
    assert.equal(book3.read(i.ink, i.w, i.h, false, false), null);
  });
});

describe('counters: the holes of a number’s ink and of its reading', () => {
  /** A ring (a 0) w wide and h high, its stroke t px, in an image with a blank pixel around. */
  const ring = (w: number, h: number, t: number) => {
    const W = w + 2;
    const H = h + 2;
    const ink = new Uint8Array(W * H);
    for (let y = 0; y < h; y++)
      for (let x = 0; x < w; x++)
        if (x < t || y < t || x >= w - t || y >= h - t) ink[(y + 1) * W + x + 1] = 255;
    return { ink, W, H };
  };

  it('counts a 0’s counter at 100 dpi and up, none in a bar or a broken ring', () => {
    fc.assert(
      fc.property(fc.integer({ min: 10, max: 40 }), (h) => {
        const w = Math.round(h * 0.7);
        const t = Math.max(1, Math.round(h / 10));
        const { ink, W, H } = ring(w, h, t);
        assert.equal(inkHoles(ink, W, H), 1);
        // Opened on one side (a C), it encloses nothing.
        for (let y = 1 + t; y < 1 + h - t; y++) for (let x = 1; x <= t; x++) ink[y * W + x] = 0;
        assert.equal(inkHoles(ink, W, H), 0);
      }),
    );
  });

  it('counts nothing in text under 10 px, nor a small enclosure of a few pixels', () => {
    const small = ring(6, 8, 1);
    assert.equal(inkHoles(small.ink, small.W, small.H), 0);
    // A 2×2 gap between strokes in a 16-px glyph: far under half a 0's counter.
    const { ink, W, H } = ring(4, 4, 1);
    const big = new Uint8Array(20 * 18);
    for (let y = 0; y < H; y++)
      for (let x = 0; x < W; x++) big[(y + 5) * 20 + x + 5] = ink[y * W + x]!;
    assert.equal(inkHoles(big, 20, 18), 0);
  });

  it('a reading’s counters: 0, 4, 6, 9 one, 8 two, others none', () => {
    assert.equal(textHoles('0'), 1);
    assert.equal(textHoles('1'), 0);
    assert.equal(textHoles('-0.64'), 3);
    assert.equal(textHoles('88'), 4);
    assert.equal(textHoles('71.35'), 0);
  });
});
