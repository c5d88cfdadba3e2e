import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import fc from 'fast-check';
// @ts-expect-error fontkit ships no types
import * as fontkit from 'fontkit';
import { DEJAVU_SANS } from '../../src/text/dejavu-metrics.ts';
import { dejavuSansMeasurer } from '../../src/text/measure.ts';
import { ROOT } from '../helpers.ts';

interface Glyph {
  readonly id: number;
  readonly advanceWidth: number;
}
const font: { glyphForCodePoint(cp: number): Glyph | null } = fontkit.openSync(
  join(ROOT, 'fonts/DejaVuSans.ttf'),
);

describe('DejaVu Sans measurer', () => {
  it('gives every character in the table the advance the font file has', () => {
    const m = dejavuSansMeasurer();
    const upm = DEJAVU_SANS.unitsPerEm;
    let checked = 0;
    for (const [start, b64] of DEJAVU_SANS.runs) {
      const count = atob(b64).length / 2;
      for (let cp = start; cp < start + count; cp++) {
        const glyph = font.glyphForCodePoint(cp);
        if (!glyph || glyph.id === 0) continue;
        const text = String.fromCodePoint(cp);
        assert.equal(Math.round(m.width(text, upm)), glyph.advanceWidth, `U+${cp.toString(16)}`);
        checked++;
      }
    }
    assert.ok(checked > 5000, `${checked} characters`);
  });

  it('measures printable ASCII as the advances in the font file plus the kerning of each pair', () => {
    const m = dejavuSansMeasurer();
    const upm = DEJAVU_SANS.unitsPerEm;
    const ascii = fc.string({
      unit: fc.integer({ min: 32, max: 126 }).map((c) => String.fromCharCode(c)),
      maxLength: 12,
    });
    fc.assert(
      fc.property(fc.oneof(ascii, fc.constantFrom('AVAWAY', 'Tr.y', '-0.47', 'LT-Yo')), (text) => {
        let units = 0;
        for (let i = 0; i < text.length; i++) {
          units += font.glyphForCodePoint(text.charCodeAt(i))!.advanceWidth;
          if (i > 0) units += DEJAVU_SANS.kerning[text.slice(i - 1, i + 1)] ?? 0;
        }
        assert.equal(m.width(text, upm), units, JSON.stringify(text));
        // The same text with one character outside ASCII goes the general way, and agrees.
        assert.equal(
          m.width(`${text}é`, upm),
          units + m.width('é', upm) + (DEJAVU_SANS.kerning[`${text.slice(-1)}é`] ?? 0),
        );
      }),
      { seed: 5, numRuns: 500 },
    );
  });

  it('measures characters the font lacks with its replacement glyph', () => {
    const m = dejavuSansMeasurer();
    assert.equal(m.width('\u{1F600}', 10), m.width('\uFFFD', 10));
  });
});
