import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { pxOf } from '../../src/figure/resolve.ts';
import { outputBytes, renderSpec } from '../../src/node.ts';
import { render } from '../../src/pipeline.ts';
import type { Spec } from '../../src/spec/spec-type.ts';
import { decodePng } from '../helpers.ts';

const data = [
  [0.1, 0.5],
  [0.7, 0.9],
];

describe('print units (issue 16 part 4)', () => {
  it('reads font sizes in px and points (8pt = 10.67 px at 96 px to the inch), refusing other units', () => {
    assert.equal(pxOf(12, '$.fontSize', 4, 72), 12);
    assert.equal(pxOf('9px', '$.fontSize', 4, 72), 9);
    assert.ok(Math.abs(pxOf('8pt', '$.fontSize', 4, 72)! - 32 / 3) < 1e-12);
    assert.equal(pxOf(undefined, '$.fontSize', 4, 72), null);
    assert.throws(
      () => render({ data, fontSize: '8em' }),
      /font size "8em" is not a length heatfig reads; give px as a number from 4 to 72, or "8pt" or "11px"/,
    );
    assert.throws(() => render({ data, fontSize: '200pt' }), /font size "200pt"/);
  });

  it('sizes a figure in inches: the PDF page is figsize, the PNG figsize × dpi with its pHYs', async () => {
    const spec: Spec = { data, figsize: [3.25, 2.5], fontSize: '8pt', dpi: 300, annot: true };
    const result = renderSpec(spec);
    assert.equal(result.scene.width, 312);
    assert.equal(result.scene.height, 240);
    const pdf = new TextDecoder('latin1').decode(await outputBytes(result, 'pdf'));
    assert.match(pdf, /\/MediaBox \[0 0 234 180\]/);
    const png = await outputBytes(result, 'png');
    const img = decodePng(png);
    assert.deepEqual([img.width, img.height], [975, 750]);
    // pHYs: 300 dpi is 11811 pixels per metre on both axes.
    const at = Buffer.from(png).indexOf('pHYs');
    assert.deepEqual(
      [Buffer.from(png).readUInt32BE(at + 4), Buffer.from(png).readUInt32BE(at + 8)],
      [11811, 11811],
    );
    // width and height win over figsize.
    assert.equal(render({ data, figsize: [3, 3], width: 500 }).scene.width, 500);
  });

  it('themes the background and the ink together; background wins when given', () => {
    const ink = (spec: Spec) => {
      const { scene, figure } = render(spec);
      const t = scene.primitives.find((p) => p.type === 'text' && p.role === 'xtick') as {
        fill: string;
      };
      return [figure.background, t.fill];
    };
    assert.deepEqual(ink({ data }), ['#ffffff', '#000000']);
    assert.deepEqual(ink({ data, theme: 'dark' }), ['#000000', '#ffffff']);
    assert.deepEqual(ink({ data, theme: 'transparent' }), ['none', '#000000']);
    assert.deepEqual(ink({ data, theme: 'dark', background: '#ffffff' }), ['#ffffff', '#000000']);
  });
});
