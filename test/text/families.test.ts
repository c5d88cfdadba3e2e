/**
 * The font families the package ships (issue 16 part 4): DejaVu Serif, Liberation Serif
 * (Times's metrics) and CMU Serif (Computer Modern), each with a bold face, chosen by name in
 * `font`; and DejaVu Sans Bold, the bold of highlighted cell text. Their metric tables must
 * be the font files' own, the writers must draw and embed the files, and names that are not
 * shipped are refused.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import fc from 'fast-check';
// @ts-expect-error fontkit ships no types
import * as fontkit from 'fontkit';
import { HeatfigError, outputBytes, renderSpec, type Spec } from '../../src/node.ts';
import { DEJAVU_SANS_BOLD } from '../../src/text/dejavu-metrics.ts';
import * as FAMILY from '../../src/text/family-metrics.ts';
import { shippedFamily } from '../../src/text/families.ts';
import { dejavuSansMeasurer, type FaceTable, tableMeasurer } from '../../src/text/measure.ts';
import { decodePng, ROOT } from '../helpers.ts';

interface KitFont {
  glyphForCodePoint(cp: number): { id: number; advanceWidth: number };
  layout(s: string): { positions: { xAdvance: number }[] };
}
const open = (t: FaceTable): KitFont => fontkit.openSync(join(ROOT, 'fonts', t.file));

const spec: Spec = {
  data: {
    values: [
      [0.91, 0.42],
      [0.37, 0.88],
    ],
    rows: ['linear probe', 'MLP'],
    cols: ['accuracy', 'F1'],
  },
  title: 'Probe quality',
  annot: true,
  fmt: '.2f',
  highlight: 'row-max',
};
const texts = (r: ReturnType<typeof renderSpec>) =>
  r.scene.primitives.flatMap((p) => (p.type === 'text' ? [p] : []));

describe('the shipped faces’ metric tables', () => {
  for (const t of [DEJAVU_SANS_BOLD, ...Object.values(FAMILY)] as FaceTable[]) {
    it(`${t.file}: every character's advance and every ASCII pair's kerning are the file's`, () => {
      const font = open(t);
      const m = tableMeasurer(t);
      let checked = 0;
      for (const [start, b64] of t.runs) {
        for (let cp = start; cp < start + atob(b64).length / 2; cp++) {
          const glyph = font.glyphForCodePoint(cp);
          if (glyph.id === 0) continue;
          assert.equal(
            Math.round(m.width(String.fromCodePoint(cp), t.unitsPerEm)),
            glyph.advanceWidth,
          );
          checked++;
        }
      }
      assert.ok(checked > (t === DEJAVU_SANS_BOLD ? 200 : 1000), `${checked} characters`);
      const ascii = fc.string({
        unit: fc.integer({ min: 32, max: 126 }).map((c) => String.fromCharCode(c)),
        minLength: 1,
        maxLength: 10,
      });
      fc.assert(
        fc.property(fc.oneof(ascii, fc.constantFrom('AVAWAY', 'To.y', '0.97', 'Ty')), (s) => {
          const laid = font.layout(s).positions.reduce((a, p) => a + p.xAdvance, 0);
          assert.equal(Math.round(m.width(s, t.unitsPerEm) * 1e6) / 1e6, laid, JSON.stringify(s));
        }),
        { seed: 16, numRuns: 200 },
      );
    });
  }

  it('measure what a family lacks in DejaVu Sans, as the renderers fall back to it', () => {
    const cmu = shippedFamily('CMU Serif')!.measurer();
    const sans = dejavuSansMeasurer();
    // CJK: in neither (the replacement's width); Cyrillic Ꙋ (U+A64A): DejaVu Sans's only.
    assert.equal(cmu.width('\uA64A', 10), sans.width('\uA64A', 10));
    assert.notEqual(cmu.width('0.97', 10), sans.width('0.97', 10));
  });
});

describe('font: a shipped family by name', () => {
  it('measures the labels in it and names it in the SVG, with a serif fallback', async () => {
    for (const [name, family] of [
      ['CMU Serif', 'CMU Serif'],
      ['computer modern', 'CMU Serif'],
      ['Times', 'Liberation Serif'],
      ['serif', 'DejaVu Serif'],
    ] as const) {
      const r = renderSpec({ ...spec, font: name });
      const m = shippedFamily(family)!.measurer();
      const title = texts(r).find((p) => p.role === 'title')!;
      assert.equal(title.width, m.width('Probe quality', title.size), name);
      const svg = Buffer.from(await outputBytes(r, 'svg')).toString();
      assert.match(svg, new RegExp(`font-family="&quot;${family}&quot;, DejaVu Sans, serif"`));
    }
  });

  it('draws PNG text in the family: other pixels than DejaVu Sans', async () => {
    const sans = decodePng(await outputBytes(renderSpec(spec), 'png'));
    const serif = decodePng(await outputBytes(renderSpec({ ...spec, font: 'CMU Serif' }), 'png'));
    // The same cells, other labels: the serif's are narrower, so the figure is too.
    assert.ok(serif.width < sans.width, `${serif.width} vs ${sans.width}`);
    let differ = 0;
    for (let i = 0; i < serif.rgba.length; i += 4) if (sans.rgba[i] !== serif.rgba[i]) differ++;
    assert.ok(differ > 500, `${differ} pixels differ`);
  });

  it('embeds the family, regular and bold, in the PDF', async () => {
    const pdf = Buffer.from(
      await outputBytes(renderSpec({ ...spec, font: 'Liberation Serif' }), 'pdf'),
    ).toString('latin1');
    assert.match(pdf, /\/BaseFont \/[A-Z]{6}\+LiberationSerif\b/);
    assert.match(pdf, /\/BaseFont \/[A-Z]{6}\+LiberationSerif-Bold\b/);
    assert.doesNotMatch(pdf, /\/BaseFont \/[A-Z]{6}\+DejaVuSans\b/);
  });

  it('refuses a family not shipped, and a family after font files, in one line', () => {
    assert.throws(
      () => renderSpec({ ...spec, font: 'Garamond' }),
      (e: unknown) =>
        e instanceof HeatfigError &&
        /unknown font family "Garamond"; name one the package ships \(DejaVu Sans, DejaVu Serif, Liberation Serif, CMU Serif/.test(
          e.message,
        ),
    );
    assert.throws(
      () => renderSpec({ ...spec, font: ['/usr/share/fonts/x.ttf', 'CMU Serif'] }),
      (e: unknown) =>
        e instanceof HeatfigError &&
        /font family "CMU Serif" must come first/.test(e.message) &&
        /\$\.font\[1\]/.test(e.where ?? ''),
    );
    const cli = spawnSync(
      process.execPath,
      [
        join(ROOT, 'bin/heatfig.cjs'),
        'render',
        '-',
        '--font',
        'Garamond',
        '--format',
        'svg',
        '-o',
        '-',
      ],
      { input: '1,2\n3,4\n', encoding: 'utf8' },
    );
    assert.equal(cli.status, 2);
    assert.equal(cli.stderr.trim().split('\n').length, 1, cli.stderr);
    assert.match(cli.stderr, /--font: unknown font family "Garamond"/);
  });
});

describe('highlighted cell text in bold', () => {
  it('is bold in the scene and the SVG, measured in the bold face', async () => {
    const r = renderSpec(spec);
    const annots = texts(r).filter((p) => p.role === 'annot');
    const bold = annots.filter((p) => p.bold);
    assert.deepEqual(
      bold.map((p) => p.text),
      ['0.91', '0.88'],
    );
    const m = dejavuSansMeasurer().bold!;
    for (const p of bold) assert.equal(p.width, m.width(p.text, p.size));
    assert.ok(m.width('0.91', 10) > dejavuSansMeasurer().width('0.91', 10));
    const svg = Buffer.from(await outputBytes(r, 'svg')).toString();
    assert.equal(svg.match(/font-weight="bold">0\.(91|88)</g)?.length, 2);
    assert.equal(svg.match(/font-weight="bold"/g)?.length, 2);
  });

  it('draws heavier strokes in PNG than the same text unhighlighted', async () => {
    const ink = async (s: Spec) => {
      const r = renderSpec(s);
      const p = texts(r).find((t) => t.role === 'annot' && t.text === '0.91')!;
      const png = decodePng(await outputBytes(r, 'png'));
      // The text's own box, inside the outline: pixels far from the cell's fill.
      const k = png.width / r.scene.width;
      let dark = 0;
      for (let y = Math.floor((p.y - p.ascent) * k); y < Math.ceil(p.y * k); y++)
        for (
          let x = Math.floor((p.x - p.width / 2) * k);
          x < Math.ceil((p.x + p.width / 2) * k);
          x++
        )
          if (png.rgba[(y * png.width + x) * 4]! < 128) dark++;
      return dark;
    };
    const plain = await ink({ ...spec, highlight: undefined, cmap: 'Greys', vmax: 5 });
    const heavy = await ink({ ...spec, cmap: 'Greys', vmax: 5 });
    assert.ok(heavy > plain * 1.25, `bold ${heavy} dark pixels, regular ${plain}`);
  });

  it('is every cell’s with annotKws.weight "bold" (seaborn annot_kws={"weight": "bold"})', () => {
    const r = renderSpec({ ...spec, highlight: undefined, annotKws: { weight: 'bold' } });
    const annots = texts(r).filter((p) => p.role === 'annot');
    assert.equal(annots.length, 4);
    assert.ok(annots.every((p) => p.bold));
    assert.ok(texts(renderSpec({ ...spec, highlight: undefined })).every((p) => !p.bold));
  });

  it('is embedded in DejaVu Sans Bold in the PDF', async () => {
    const pdf = Buffer.from(await outputBytes(renderSpec(spec), 'pdf')).toString('latin1');
    assert.match(pdf, /\/BaseFont \/[A-Z]{6}\+DejaVuSans-Bold\b/);
  });
});
