import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import {
  bytesFromHex,
  contrastRatio,
  relativeLuminance,
  textColorOn,
} from '../../src/color/contrast.ts';
import { hexFromBytes } from '../../src/color/parse.ts';

const lum = (hex: string) => relativeLuminance(...bytesFromHex(hex));

describe('contrast', () => {
  it('gives the WCAG extremes: 21:1 for black on white, 1:1 for a colour on itself', () => {
    assert.equal(contrastRatio(lum('#000000'), lum('#ffffff')), 21);
    assert.equal(contrastRatio(lum('#777777'), lum('#777777')), 1);
  });

  it('chooses text with at least 4.5:1 contrast on any fill', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 255 }),
        fc.integer({ min: 0, max: 255 }),
        fc.integer({ min: 0, max: 255 }),
        (r, g, b) => {
          const fill = hexFromBytes(r, g, b);
          const text = textColorOn(fill);
          assert.ok(contrastRatio(lum(fill), lum(text)) >= 4.5, `${text} on ${fill}`);
        },
      ),
      { seed: 3, numRuns: 5000 },
    );
  });

  it('puts white on dark and black on light fills', () => {
    assert.equal(textColorOn('#08306b'), '#ffffff');
    assert.equal(textColorOn('#f7fbff'), '#000000');
  });
});
