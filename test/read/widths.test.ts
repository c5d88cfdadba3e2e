import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { glyphRuns, runShapes, shownPoint } from '../../src/read/glyphs.ts';
import { digitSpan, InkWidths } from '../../src/read/widths.ts';

/**
 * A line of ink `h` rows high: each item a run of columns [x0, x1) inked from row `top` to
 * row `bottom` (inclusive), the rest blank.
 */
function ink(w: number, h: number, runs: [number, number, number, number][]): Uint8Array {
  const out = new Uint8Array(w * h);
  for (const [x0, x1, top, bottom] of runs)
    for (let y = top; y <= bottom; y++) for (let x = x0; x < x1; x++) out[y * w + x] = 255;
  return out;
}

describe('digitSpan', () => {
  it('spans the digits, from the first to the last glyph as tall as the tallest but a third', () => {
    // A speck (rows 5-6) at the left, a digit, a point (rows 9-10), two digits.
    const w = 40;
    const h = 12;
    const line = ink(w, h, [
      [1, 3, 5, 6],
      [6, 11, 2, 10],
      [13, 15, 9, 10],
      [17, 22, 2, 10],
      [24, 29, 2, 10],
    ]);
    assert.equal(digitSpan(line, w, h), 29 - 6);
  });

  it('begins no earlier than `from`: after a minus run into the first digit', () => {
    // A minus (columns 1-3, rows 5-6) joined to a digit (columns 4-8), then a digit.
    const line = ink(20, 12, [
      [1, 4, 5, 6],
      [4, 9, 2, 10],
      [11, 16, 2, 10],
    ]);
    assert.equal(digitSpan(line, 20, 12), 16 - 1);
    assert.equal(digitSpan(line, 20, 12, undefined, 4), 16 - 4);
  });

  it('a minus alone (a level stroke) is not a digit: null without one', () => {
    assert.equal(digitSpan(ink(10, 12, [[1, 6, 5, 6]]), 10, 12), 6 - 1);
    assert.equal(digitSpan(new Uint8Array(10 * 12), 10, 12), null);
  });
});

describe('shownPoint', () => {
  const w = 40;
  const h = 14;
  const at = (runs: [number, number, number, number][]) => {
    const line = ink(w, h, runs);
    return shownPoint(runShapes(line, w, h, glyphRuns(line, w, h)));
  };
  // Digits rows 2-10 (9 tall), 5 wide, 2 apart.
  const digit = (x: number): [number, number, number, number] => [x, x + 5, 2, 10];

  it('finds a dot on the digits’ foot between them, and counts the digits either side', () => {
    assert.deepEqual(at([digit(1), [8, 10, 9, 10], digit(12)]), { before: 1, after: 1 });
    assert.deepEqual(at([digit(1), [8, 10, 9, 10], digit(12), digit(19)]), {
      before: 1,
      after: 2,
    });
    // Its foot a row above the digits' (anti-aliasing) is still one.
    assert.deepEqual(at([digit(1), digit(8), [15, 17, 8, 9], digit(19)]), {
      before: 2,
      after: 1,
    });
  });

  it('finds none where the mark is not a point between digits', () => {
    // A comma: it reaches below the digits' foot.
    assert.equal(at([digit(1), [8, 10, 9, 12], digit(12)]), null);
    // A minus: a level stroke at mid-height.
    assert.equal(at([[1, 4, 6, 6], digit(6), digit(13)]), null);
    // A point first or last, two of them, a mark as tall as half a digit.
    assert.equal(at([[1, 3, 9, 10], digit(5), digit(12)]), null);
    assert.equal(at([digit(1), digit(8), [15, 17, 9, 10]]), null);
    assert.equal(at([digit(1), [8, 10, 9, 10], digit(12), [19, 21, 9, 10], digit(23)]), null);
    assert.equal(at([digit(1), [8, 10, 6, 10], digit(12)]), null);
    // No digits at all, or digits alone.
    assert.equal(at([digit(1), digit(8)]), null);
    assert.equal(at([]), null);
  });
});

describe('InkWidths', () => {
  /** Forty 0.xx numbers read as a 72-dpi JPEG's are ("064": the point lost), 22 to 23 px. */
  const grid = () => {
    const w = new InkWidths();
    for (let i = 0; i < 40; i++) w.add(`0${10 + i}`, 22 + (i % 2));
    return w;
  };

  it('a reading a digit short of its ink is short (0.91 read "09", as wide as the others)', () => {
    const w = grid();
    assert.equal(w.off('09', 22), 'short');
    assert.equal(w.off('0.9', 23), 'short');
  });

  it('a reading that fits its ink, or ink wider than one digit more (a speck beside it), is not', () => {
    const w = grid();
    assert.equal(w.off('064', 22), null);
    assert.equal(w.off('0.64', 23), null);
    assert.equal(w.off('09', 16), null);
    assert.equal(w.off('09', 35), null);
    assert.equal(w.off('word', 22), null);
  });

  it('a reading a digit or more past its ink is long (a neighbour run in, a speck read as a digit)', () => {
    const w = grid();
    assert.equal(w.off('080063', 23), 'long');
    assert.equal(w.off('2.557', 23), 'long');
    // ".84": its 0 lost with its value kept, is as wide as 0.84.
    assert.equal(w.off('.84', 23), null);
  });

  it('says nothing from single digits alone: their span is a digit and its rims', () => {
    // A 72-dpi confusion matrix: thirty single digits 6 px each, one 118 of 17 px over its
    // darkest cell, judged a digit too long by a digit taken as 6 / 0.8 = 7.5 px.
    const w = new InkWidths();
    for (let i = 0; i < 30; i++) w.add(String(i % 10), 6);
    assert.equal(w.off('118', 17), null);
    assert.equal(w.off('7', 6), null);
    // A shape of two digits known, the digit is measured from it.
    for (let i = 0; i < 3; i++) w.add(String(40 + i), 11);
    assert.equal(w.off('118', 17), null);
    assert.equal(w.off('1187', 17), 'long');
  });

  it('says nothing from fewer than three numbers of the sign, or of the other sign', () => {
    const w = new InkWidths();
    w.add('064', 23);
    w.add('0.71', 23);
    assert.equal(w.off('09', 23), null);
    const g = grid();
    assert.equal(g.off('-09', 23), null);
  });

  it('a number of the commonest shape read within a pixel of the others is never short, digits 6 px or wider (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 5 }),
        fc.boolean(),
        fc.integer({ min: 6, max: 12 }),
        fc.array(fc.integer({ min: -1, max: 1 }), { minLength: 3, maxLength: 40 }),
        fc.integer({ min: -1, max: 1 }),
        (digits, point, digit, jitter, off) => {
          const text = (d: number) =>
            point && d > 1 ? `${'7'.repeat(d - 1)}.${'4'}` : '7'.repeat(d);
          const span = Math.round(digit * (digits - 0.2 + (point && digits > 1 ? 0.5 : 0)));
          const w = new InkWidths();
          for (const j of jitter) w.add(text(digits), span + j);
          return w.off(text(digits), span + off) === null;
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('a number read a digit short is short, and one read a digit more long, for any size of print (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2, max: 5 }),
        fc.integer({ min: 5, max: 14 }),
        (digits, digit) => {
          const span = Math.round(digit * (digits - 0.2 + 0.5));
          const w = new InkWidths();
          for (let i = 0; i < 10; i++) w.add(`${'3'.repeat(digits - 1)}.3`, span);
          return (
            w.off('3'.repeat(digits - 1), span) === 'short' &&
            w.off(`${'3'.repeat(digits)}.3`, span) === 'long'
          );
        },
      ),
    );
  });
});
