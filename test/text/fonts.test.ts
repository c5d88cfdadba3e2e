/**
 * Fonts of the user's (issue 11): a label in a script DejaVu Sans lacks is named in a
 * warning with the option that fixes it; with `font` / `--font`, text is measured, drawn in
 * PNG and written in PDF in the first font of the chain that has each character, and the SVG
 * names the families. Debian's fonts-ipafont-gothic (a .ttf) and fonts-noto-cjk (a .ttc)
 * serve as the user's fonts; .ci/run installs them.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { loadFonts } from '../../src/text/font-files.ts';
import { HeatfigError, outputBytes, renderSpec, type Spec } from '../../src/node.ts';
import { chainMeasurer, missingGlyph } from '../../src/text/chain.ts';
import { dejavuSansMeasurer } from '../../src/text/measure.ts';
import { decodePng, tempDir } from '../helpers.ts';

const IPA = '/usr/share/fonts/opentype/ipafont-gothic/ipag.ttf';
const NOTO = '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc';
const skip = existsSync(IPA) ? false : `${IPA} missing (Debian fonts-ipafont-gothic)`;
const dir = tempDir('heatfig-fonts-');

const spec: Spec = {
  data: {
    values: [
      [0.9, 0.1],
      [0.2, 0.8],
    ],
    rows: ['猫', '犬'],
    cols: ['精度', 'F1'],
  },
  title: '分類の結果',
};
const texts = (r: ReturnType<typeof renderSpec>, role: string) =>
  r.scene.primitives.flatMap((p) => (p.type === 'text' && p.role === role ? [p] : []));

describe('text the shipped font cannot draw', () => {
  it('is named in a warning, with the option that fixes it', () => {
    const r = renderSpec(spec, { format: 'svg' });
    const w = r.warnings.find((x) => x.includes('no glyph'));
    assert.ok(w, r.warnings.join('\n'));
    assert.match(w!, /"精" \(U\+7CBE\) in "精度"/);
    assert.match(w!, /--font FILE \(spec: font\)/);
    // Latin, Greek and Cyrillic labels are DejaVu Sans's own: no warning.
    const ok = renderSpec({ data: { values: [[1]], rows: ['αβγ'], cols: ['Ωmega дом'] } });
    assert.equal(ok.warnings.filter((x) => x.includes('no glyph')).length, 0);
  });

  it('measures each character in the first font of the chain that has it', () => {
    const m = chainMeasurer([], dejavuSansMeasurer());
    assert.equal(missingGlyph(m, 'abc 猫'), '猫');
    assert.equal(missingGlyph(m, 'abc'), null);
  });
});

describe('font files of the user', { skip }, () => {
  it('take the labels: no warning, widths from the font, families named in the SVG', () => {
    const r = renderSpec({ ...spec, font: IPA }, { format: 'svg' });
    assert.equal(r.warnings.filter((x) => x.includes('no glyph')).length, 0, r.warnings.join('\n'));
    const [ipa] = loadFonts([IPA], 'test');
    const cat = texts(r, 'ytick')[0]!;
    assert.equal(cat.width, (ipa!.face.advance(0x732b)! / ipa!.face.unitsPerEm) * cat.size);
    assert.match(r.output, /font-family="&quot;IPAGothic&quot;, &quot;DejaVu Sans&quot;/);
  });

  it('draw the glyphs in PNG, not boxes', async () => {
    const region = async (font?: string) => {
      const r = renderSpec(
        { ...spec, ...(font ? { font } : {}) },
        { format: 'png', pixelRatio: 1 },
      );
      const png = decodePng(await outputBytes(r, 'png', { scale: 1 }));
      const t = texts(r, 'ytick')[0]!;
      const out: number[] = [];
      for (let y = Math.floor(t.y - t.size); y < t.y + 2; y++)
        for (let x = Math.floor(t.x - t.width); x < t.x; x++)
          out.push(png.rgba[(y * png.width + x) * 4]!);
      return out;
    };
    const boxes = await region();
    const glyphs = await region(IPA);
    const dark = (v: number[]) => v.filter((x) => x < 128).length;
    assert.notDeepEqual(glyphs, boxes);
    // 猫 has more strokes than the outline of a missing-glyph box.
    assert.ok(dark(glyphs) > dark(boxes), `${dark(glyphs)} vs ${dark(boxes)}`);
  });

  it('are embedded in the PDF, where the text stays selectable (.ttf and .ttc)', async () => {
    for (const font of [IPA, ...(existsSync(NOTO) ? [NOTO] : [])]) {
      const r = renderSpec({ ...spec, font: [font] }, { format: 'pdf' });
      const file = join(dir, 'f.pdf');
      writeFileSync(file, await outputBytes(r, 'pdf'));
      const text = spawnSync('pdftotext', [file, '-'], { encoding: 'utf8' });
      if (text.error) return; // poppler-utils missing: .ci/run installs it
      assert.match(text.stdout, /分類の結果/);
      assert.match(text.stdout, /猫/);
      const fonts = spawnSync('pdffonts', [file], { encoding: 'utf8' }).stdout;
      assert.match(fonts, font === IPA ? /IPAGothic/ : /NotoSansCJK/);
    }
  });

  it('are refused in one error when missing or not fonts', () => {
    const notFont = join(dir, 'x.ttf');
    writeFileSync(notFont, 'not a font');
    for (const [font, message] of [
      [join(dir, 'missing.ttf'), /cannot read font .*missing\.ttf.*ENOENT/],
      [notFont, /is not a font heatfig can read; give a \.ttf, \.otf or \.ttc file/],
    ] as const) {
      assert.throws(
        () => renderSpec({ ...spec, font }),
        (e: unknown) => e instanceof HeatfigError && message.test(e.message),
      );
    }
  });
});
