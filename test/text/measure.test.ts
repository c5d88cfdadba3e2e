import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { describe, it } from 'node:test';
// @ts-expect-error fontkit ships no types
import * as fontkit from 'fontkit';
import { DEJAVU_SANS } from '../../src/text/dejavu-metrics.ts';
import { dejavuSansMeasurer } from '../../src/text/measure.ts';

const require = createRequire(import.meta.url);
interface Glyph {
  readonly id: number;
  readonly advanceWidth: number;
}
const font: { glyphForCodePoint(cp: number): Glyph | null } = fontkit.openSync(
  require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf'),
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

  it('measures characters the font lacks with its replacement glyph', () => {
    const m = dejavuSansMeasurer();
    assert.equal(m.width('\u{1F600}', 10), m.width('\uFFFD', 10));
  });
});
