/**
 * The five seed figures: each reproduced from its data (examples/seed-NNN.json), pinned by
 * golden SVG and scene files, with cell colours checked against matplotlib's, every
 * annotation's contrast checked, and no text overlapping another or leaving the canvas.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { bytesFromHex, contrastRatio, relativeLuminance } from '../src/color/contrast.ts';
import { outputBytes, renderSpec } from '../src/node.ts';
import { sceneToJson } from '../src/scene/json.ts';
import type { PolygonPrimitive, RectPrimitive, Scene, TextPrimitive } from '../src/scene/types.ts';
import { textBox } from '../src/scene/text.ts';
import {
  decodePng,
  matchesGolden,
  overlappingTexts,
  ROOT,
  readJson,
  textsOutside,
} from './helpers.ts';

const SEEDS = ['seed-000', 'seed-001', 'seed-002', 'seed-003', 'seed-004'];
const colors = readJson<Record<string, (string | null)[][][]>>('test/fixtures/seed-colors.json');

const cells = (s: Scene) =>
  s.primitives.filter((p): p is RectPrimitive => p.type === 'rect' && p.role === 'cell');
const texts = (s: Scene, role?: TextPrimitive['role']) =>
  s.primitives.filter(
    (p): p is TextPrimitive => p.type === 'text' && (role === undefined || p.role === role),
  );
const lum = (hex: string) => relativeLuminance(...bytesFromHex(hex));

for (const name of SEEDS) {
  describe(name, () => {
    const result = renderSpec(`${ROOT}examples/${name}.json`);
    const { scene } = result;

    it('matches its golden SVG and scene', () => {
      for (const [file, text] of [
        [`${name}.svg`, result.output],
        [`${name}.scene.json`, sceneToJson(scene)],
      ] as const) {
        const g = matchesGolden(file, text);
        assert.ok(g.ok, g.message);
      }
    });

    it('renders the same bytes every time', () => {
      assert.equal(renderSpec(`${ROOT}examples/${name}.json`).output, result.output);
    });

    it('colours every cell as matplotlib does, and draws no cell where a value is missing', () => {
      const want = colors[name]!;
      const drawn = cells(scene);
      const expected = want.flatMap((g) => g.flat()).filter((c) => c !== null).length;
      assert.equal(drawn.length, expected);
      for (const c of drawn) {
        const { panel, row, col } = c.cell!;
        assert.equal(c.fill, want[panel]![row]![col], `cell ${panel}/${row}/${col}`);
      }
    });

    it('writes every annotation with at least 4.5:1 contrast, inside its cell', () => {
      const byCell = new Map(
        cells(scene).map((c) => [`${c.cell!.panel}/${c.cell!.row}/${c.cell!.col}`, c]),
      );
      for (const t of texts(scene, 'annot')) {
        const cell = byCell.get(`${t.cell!.panel}/${t.cell!.row}/${t.cell!.col}`)!;
        assert.ok(contrastRatio(lum(t.fill), lum(cell.fill)) >= 4.5, `${t.text} on ${cell.fill}`);
        assert.ok(
          textBox(t).x >= cell.x && textBox(t).x + textBox(t).w <= cell.x + cell.w,
          `${t.text} wider than its cell`,
        );
        assert.ok(
          textBox(t).y >= cell.y - 0.01 && textBox(t).y + textBox(t).h <= cell.y + cell.h + 0.01,
          `${t.text} taller than its cell`,
        );
        assert.ok(t.size >= 6);
      }
    });

    it('has no two texts overlapping and none outside the canvas', () => {
      assert.deepEqual(
        overlappingTexts(scene).map(([a, b]) => `${a.text} × ${b.text}`),
        [],
      );
      assert.deepEqual(
        textsOutside(scene).map((t) => t.text),
        [],
      );
    });

    it('draws in the PNG the colour of each cell', async () => {
      const png = decodePng(await outputBytes(result, 'png', { scale: 1 }));
      assert.equal(png.width, Math.ceil(scene.width));
      for (const c of cells(scene)) {
        // A point inside the cell, clear of its annotation.
        const x = Math.floor(c.x + Math.min(2, c.w / 2));
        const y = Math.floor(c.y + Math.min(2, c.h / 2));
        const i = (y * png.width + x) * 4;
        const got = `#${[0, 1, 2].map((k) => png.rgba[i + k]!.toString(16).padStart(2, '0')).join('')}`;
        assert.equal(got, c.fill, `pixel of cell ${JSON.stringify(c.cell)}`);
      }
    });
  });
}

describe('seed 000 (Accuracy)', () => {
  const { scene } = renderSpec(`${ROOT}examples/seed-000.json`);
  it('annotates all 25 cells with two decimals, including the diagonal values that are not 1.00', () => {
    const a = texts(scene, 'annot');
    assert.equal(a.length, 25);
    assert.ok(a.every((t) => /^\d\.\d\d$/.test(t.text)));
    const diag = a.filter((t) => t.cell!.row === t.cell!.col).map((t) => t.text);
    assert.deepEqual(diag, ['1.00', '1.00', '0.97', '0.96', '0.93']);
  });
  it('has colorbar ticks 0.0 to 1.0 by 0.2 and the axis titles', () => {
    assert.deepEqual(
      texts(scene, 'cbar-tick').map((t) => t.text),
      ['0.0', '0.2', '0.4', '0.6', '0.8', '1.0'],
    );
    assert.equal(texts(scene, 'title')[0]!.text, 'Accuracy');
    assert.equal(texts(scene, 'xlabel')[0]!.text, 'digit_a');
    assert.equal(texts(scene, 'ylabel')[0]!.text, 'digit_b');
    assert.equal(texts(scene, 'ylabel')[0]!.rotate, -90);
  });
});

describe('seed 001 (ragged rows)', () => {
  const { scene } = renderSpec(`${ROOT}examples/seed-001.json`);
  it('draws 81 cells and leaves the 59 missing ones blank, without text', () => {
    assert.equal(cells(scene).length, 81);
    assert.equal(texts(scene, 'annot').length, 81);
    assert.ok(!cells(scene).some((c) => c.cell!.row === 0 && c.cell!.col >= 9));
  });
  it('keeps the row order and shows every length 0–19', () => {
    assert.deepEqual(
      texts(scene, 'ytick').map((t) => t.text),
      ['h', '~', 'm', '4', 'u', 'o', '>'],
    );
    assert.deepEqual(
      texts(scene, 'xtick').map((t) => t.text),
      Array.from({ length: 20 }, (_, i) => String(i)),
    );
  });
  it('writes percentages with one decimal, in cells and on the colorbar', () => {
    assert.ok(texts(scene, 'annot').every((t) => /^\d+\.\d%$/.test(t.text)));
    assert.equal(texts(scene, 'annot')[0]!.text, '96.7%');
    assert.ok(texts(scene, 'cbar-tick').every((t) => t.text.endsWith('%')));
    assert.deepEqual(
      texts(scene, 'cbar-tick')
        .map((t) => t.text)
        .slice(0, 1),
      ['0%'],
    );
  });
});

describe('seed 002 (probe metrics)', () => {
  const { scene } = renderSpec(`${ROOT}examples/seed-002.json`);
  it('puts the three column labels above the grid', () => {
    const top = Math.min(...cells(scene).map((c) => c.y));
    const x = texts(scene, 'xtick');
    assert.deepEqual(
      x.map((t) => t.text),
      ['t_g', 't_p', 'd_LR'],
    );
    assert.ok(x.every((t) => textBox(t).y + textBox(t).h < top));
  });
  it('has 12 rows in order and 36 annotated cells', () => {
    assert.equal(texts(scene, 'ytick').length, 12);
    assert.equal(texts(scene, 'ytick')[11]!.text, 'neg_facts');
    assert.equal(texts(scene, 'annot').length, 36);
  });
});

describe('seed 003 (Targets / Outputs)', () => {
  const { scene } = renderSpec(`${ROOT}examples/seed-003.json`);
  it('stacks four panels titled at the left that share one colorbar', () => {
    assert.deepEqual(
      texts(scene, 'panel-title').map((t) => t.text),
      ['Targets', 'Outputs', 'Targets', 'Outputs'],
    );
    assert.equal(
      scene.primitives.filter((p) => p.type === 'image' && p.role === 'colorbar').length,
      1,
    );
    assert.equal(new Set(cells(scene).map((c) => c.cell!.panel)).size, 4);
  });
  it('splits each strip into four segments with white lines, and has no annotations or tick labels', () => {
    const seps = scene.primitives.filter((p) => p.type === 'line' && p.role === 'separator');
    assert.equal(seps.length, 12);
    assert.ok(seps.every((p) => p.type === 'line' && p.stroke === '#ffffff'));
    assert.equal(texts(scene, 'annot').length, 0);
    assert.equal(texts(scene, 'xtick').length + texts(scene, 'ytick').length, 0);
  });
  it('labels time and puts colorbar ticks every 0.1', () => {
    assert.equal(texts(scene, 'xlabel')[0]!.text, 'Time →');
    assert.deepEqual(
      texts(scene, 'cbar-tick').map((t) => t.text),
      Array.from({ length: 11 }, (_, i) => (i / 10).toFixed(1)),
    );
  });
});

describe('seed 004 (Token Attribution)', () => {
  const { scene, figure } = renderSpec(`${ROOT}examples/seed-004.json`);
  it('has 11 rows with duplicate labels kept in order, and 5 columns above', () => {
    assert.deepEqual(
      texts(scene, 'ytick').map((t) => t.text),
      ['-', '1', '6', '0', '0', '0', '-x', '0', '8', '=', '='],
    );
    assert.deepEqual(
      texts(scene, 'xtick').map((t) => t.text),
      ['8 x 48 = 384', '3 x 4 = 12', '6 - 4 = 2', '50 (10x5)', '$35 ($85 - $50)'],
    );
    assert.equal(cells(scene).length, 55);
  });
  it('extends the colorbar at the top only, because 1.3714 is above vmax = 1, and draws it with the end colour', () => {
    assert.equal(figure.colorbar!.extend, 'max');
    const ext = scene.primitives.filter(
      (p): p is PolygonPrimitive => p.type === 'polygon' && p.role === 'cbar-extend',
    );
    assert.equal(ext.length, 1);
    const big = cells(scene).find((c) => c.cell!.value === 1.3714)!;
    assert.equal(big.fill, '#006400');
    assert.equal(ext[0]!.fill, '#006400');
  });
  it('writes four decimals and keeps the sign of a negative value that rounds to zero', () => {
    const a = texts(scene, 'annot').map((t) => t.text);
    assert.ok(a.includes('1.3714') && a.includes('-0.3675') && a.includes('-0.0000'));
    assert.ok(a.every((t) => /^-?\d\.\d{4}$/.test(t)));
  });
  it('centres the colormap at 0: white there, red below, green above', () => {
    // seaborn's center: a linear norm over the given range, the colormap cut about 0 (here
    // symmetric, so cut nowhere).
    assert.deepEqual(figure.norm, { kind: 'linear', vmin: -1, vmax: 1, center: 0 });
    assert.deepEqual(
      texts(scene, 'cbar-tick').map((t) => t.text),
      ['-1.0', '-0.5', '0.0', '0.5', '1.0'],
    );
    const fill = (v: number) => bytesFromHex(cells(scene).find((c) => c.cell!.value === v)!.fill);
    const [r0, g0, b0] = fill(0);
    assert.ok(r0 > 250 && g0 > 250 && b0 > 250, 'zero is white');
    const [r1, g1] = fill(-0.3675);
    assert.ok(r1 > g1, 'negative is red');
    const [r2, g2] = fill(0.6865);
    assert.ok(g2 > r2, 'positive is green');
  });
});
