/**
 * Tables coloured as heatmaps (read/table.ts, issue 20): a table's columns, of many widths,
 * made one width before the table is read, and nothing else taken for a table. On tables
 * drawn here (columns of random widths, a mark of text in each cell) and on pandas Styler
 * tables screenshotted in Chromium (scripts/make-read-table-fixtures.ts).
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { decodePng, type Image } from '../../src/read/png.ts';
import { evenTable } from '../../src/read/table.ts';
import { ROOT } from '../helpers.ts';

const FIX = join(ROOT, 'test/fixtures/read');

const LABEL = 40;
const HEAD = 24;
const INK = [0, 0, 0];
const PAPER = [255, 255, 255];

/**
 * A table on a white page: a header mark over each column, a row label's mark at the left of
 * each row, columns `widths` px wide, rows `height` px high, `gap` px of page between cells,
 * each cell one of `colors` with a mark of three strokes (a number's ink) at its left, dark on
 * light cells and white on dark ones.
 */
function tableImage(
  widths: readonly number[],
  rows: number,
  height: number,
  gap: number,
  colors: readonly (readonly number[])[],
  /** Whether the cells have their marks, and where: at their left, or at their middle. */
  text: 'left' | 'middle' | null = 'left',
): Image {
  const W = LABEL + widths.reduce((a, w) => a + w + gap, 0) + 6;
  const H = HEAD + rows * (height + gap) + 6;
  const rgb = new Uint8Array(W * H * 3).fill(255);
  const put = (x: number, y: number, c: readonly number[]) => rgb.set(c, (y * W + x) * 3);
  const mark = (x0: number, y0: number, n: number, c: readonly number[]) => {
    for (let k = 0; k < n; k++)
      for (let y = 0; y < 8; y++) for (let x = 0; x < 2; x++) put(x0 + 4 * k + x, y0 + y, c);
  };
  let x = LABEL;
  widths.forEach((w, j) => {
    mark(x + Math.floor((w - 10) / 2), 8, 3, INK);
    for (let r = 0; r < rows; r++) {
      const y0 = HEAD + r * (height + gap);
      const c = colors[r * widths.length + j]!;
      for (let y = y0; y < y0 + height; y++) for (let u = x; u < x + w; u++) put(u, y, c);
      const ink = c[0]! + c[1]! + c[2]! > 384 ? INK : PAPER;
      const at = text === 'left' ? x + 3 : x + Math.floor((w - 10) / 2);
      if (text) mark(at, y0 + Math.floor((height - 8) / 2), 3, ink);
    }
    x += w + gap;
  });
  for (let r = 0; r < rows; r++)
    mark(6, HEAD + r * (height + gap) + Math.floor((height - 8) / 2), 4, INK);
  return { width: W, height: H, rgb };
}

/** A row of pixels as runs of one colour: [colour, length] each. */
function runs(img: Image, y: number): [number, number][] {
  const out: [number, number][] = [];
  for (let x = 0; x < img.width; x++) {
    const p = (y * img.width + x) * 3;
    const c = (img.rgb[p]! << 16) | (img.rgb[p + 1]! << 8) | img.rgb[p + 2]!;
    const last = out[out.length - 1];
    if (last && last[0] === c) last[1]++;
    else out.push([c, 1]);
  }
  return out;
}

/** Colours of cells: a palette of well-apart colours, off the page's. */
const PALETTE = [
  [200, 30, 40],
  [30, 90, 200],
  [250, 220, 120],
  [40, 160, 70],
  [120, 40, 140],
  [230, 140, 30],
  [90, 200, 220],
];

/** Four rows of `n` cells' colours from the palette, each unlike its neighbours on its row and above it. */
const fourRows = (n: number) => [0, 3, 0, 2].flatMap((k) => PALETTE.slice(k, k + n));

const tables = fc
  .record({
    widths: fc.array(fc.integer({ min: 22, max: 60 }), { minLength: 3, maxLength: 6 }),
    rows: fc.integer({ min: 3, max: 6 }),
    height: fc.integer({ min: 18, max: 26 }),
    gap: fc.constantFrom(0, 2),
    seed: fc.integer({ min: 0, max: 1000 }),
  })
  // Widths a cell's text tells apart (at least 12 px between the narrowest and the widest).
  .filter(({ widths }) => Math.max(...widths) - Math.min(...widths) >= 12)
  .map(({ widths, rows, height, gap, seed }) => {
    // Each cell's colour unlike its neighbours' on the row and above it.
    const colors: number[][] = [];
    for (let r = 0; r < rows; r++)
      for (let c = 0; c < widths.length; c++) {
        let k = (seed + 3 * r + 5 * c) % PALETTE.length;
        const left = c ? colors[colors.length - 1] : null;
        const up = r ? colors[colors.length - widths.length] : null;
        while (PALETTE[k] === left || PALETTE[k] === up) k = (k + 1) % PALETTE.length;
        colors.push(PALETTE[k]!);
      }
    return { widths, rows, height, gap, colors };
  });

describe('a table’s columns made one width (evenTable)', () => {
  it('makes every column one width, its text at its middle, each row of pixels the same colours in order', () => {
    fc.assert(
      fc.property(tables, ({ widths, rows, height, gap, colors }) => {
        const img = tableImage(widths, rows, height, gap, colors);
        const even = evenTable(img);
        assert.notEqual(even, img, 'taken for a table');
        assert.equal(even.height, img.height);
        // Each row of pixels is the same colours in the same order: blank columns copied or
        // left out, the ink as it was.
        for (let y = 0; y < img.height; y++)
          assert.deepEqual(
            runs(even, y).map(([c]) => c),
            runs(img, y).map(([c]) => c),
            `row ${y}`,
          );
        // The cells' first row of pixels: every cell as wide as the others, in their order.
        const cells: { x: number; n: number; c: number }[] = [];
        let x = 0;
        for (const [c, n] of runs(even, HEAD)) {
          if (c !== 0xffffff) cells.push({ x, n, c });
          x += n;
        }
        assert.deepEqual(
          cells.map((k) => k.c),
          colors.slice(0, widths.length).map(([r, g, b]) => (r! << 16) | (g! << 8) | b!),
        );
        assert.equal(new Set(cells.map((k) => k.n)).size, 1, JSON.stringify(cells));
        // Each cell's mark at its middle (within a pixel), on a row through the marks.
        const y = HEAD + Math.floor((height - 8) / 2);
        for (const k of cells) {
          const inked: number[] = [];
          for (let u = k.x; u < k.x + k.n; u++) {
            const p = (y * even.width + u) * 3;
            if (((even.rgb[p]! << 16) | (even.rgb[p + 1]! << 8) | even.rgb[p + 2]!) !== k.c)
              inked.push(u);
          }
          const left = inked[0]! - k.x;
          const right = k.x + k.n - 1 - inked[inked.length - 1]!;
          assert.ok(Math.abs(left - right) <= 1, `cell at ${k.x}: margins ${left}, ${right}`);
        }
        // Made one width again, it is as it was.
        assert.equal(evenTable(even), even);
      }),
      { numRuns: 30 },
    );
  });

  it('leaves a table of one width (within a pixel’s rounding), its texts at their middles, as it is', () => {
    const colors = fourRows(4);
    const img = tableImage([40, 41, 40, 40], 4, 20, 2, colors, 'middle');
    assert.equal(evenTable(img), img);
    // Its texts at the cells' left (JupyterLab sets numbers at the right): stood at the middle.
    const left = tableImage([40, 41, 40, 40], 4, 20, 2, colors, 'left');
    assert.notEqual(evenTable(left), left);
  });

  it('leaves a table with no text in its cells as it is (a heatmap without numbers is no table)', () => {
    const colors = fourRows(3);
    const img = tableImage([20, 45, 30], 4, 20, 0, colors);
    const plain = tableImage([20, 45, 30], 4, 20, 0, colors, null);
    assert.notEqual(evenTable(img), img);
    assert.equal(evenTable(plain), plain);
  });

  it('takes the Styler tables for tables, and no heatmap among the fixtures', () => {
    const script = readFileSync(join(ROOT, 'scripts/make-read-table-fixtures.py'), 'utf8');
    const names = [...new Set(script.match(/'styler-[a-z0-9-]+'/g)!.map((s) => s.slice(1, -1)))];
    assert.equal(names.length, 8);
    for (const name of names.flatMap((n) => [n, `${n}-2x`])) {
      const img = decodePng(readFileSync(join(FIX, `${name}.png`)), name);
      const even = evenTable(img);
      assert.notEqual(even, img, name);
      assert.equal(evenTable(even), even, `${name} again`);
      // The index's name, a line of its own under the header, is left out; no other line.
      assert.equal(even.height < img.height, name.includes('index-name'), name);
    }
    // A caption across the table (Styler.set_caption): kept whole, its ink as it was.
    const name = 'styler-jupyter-caption-6x5';
    const img = decodePng(readFileSync(join(FIX, `${name}.png`)), name);
    const even = evenTable(img);
    const firstLine = (im: Image) => {
      const inked = (y: number) => runs(im, y).some(([c]) => c !== 0xffffff);
      let y = 0;
      while (!inked(y)) y++;
      const lines: [number, number][][] = [];
      for (; inked(y); y++) lines.push(runs(im, y).filter(([c]) => c !== 0xffffff));
      return lines;
    };
    assert.deepEqual(firstLine(even), firstLine(img));
    // Heatmaps with no colorbar (those with one are not looked at): merged columns whose
    // cells hold several numbers, and matplotlib's gallery's annotated imshow.
    for (const name of ['seaborn-nobar-merged-columns-6x8', 'matplotlib-gallery-annot-7x7']) {
      const img = decodePng(readFileSync(join(FIX, `${name}.png`)), name);
      assert.equal(evenTable(img), img, name);
    }
  });
});

describe('cells of unequal widths refused (unequalCells)', () => {
  it('refuses Styler tables saved as JPEG, before any text is read, with the cells it found', async () => {
    const { readValues } = await import('../../src/read/read.ts');
    let asked = 0;
    const recognize = async () => {
      asked++;
      return [];
    };
    const cases: [string, RegExp][] = [
      [
        'styler-jupyter-caption-6x5.jpg',
        /^styler-jupyter-caption-6x5\.jpg: the cells found \(6×\d+, no colorbar\) are not of one width: \d+ of the \d+ boundaries between their columns show no edge in any row, and the text over them stands in \d+ of the \d+ cells, not one in each: its grid is not found \(.*\); give a PNG, or the data$/,
      ],
      // A confusion matrix's pale cells in a 2× JPEG: no column edge found, each row one
      // cell holding its five counts apart (a probe's row, 46 3 2 1 2, was read as 3212).
      [
        'styler-jupyter-confusion-5x5-2x.jpg',
        /^styler-jupyter-confusion-5x5-2x\.jpg: the cells found \(5×1\) hold several texts apart, in 5 of the 5 cells with text: their edges are not found \(.*\); give a PNG, or the data$/,
      ],
    ];
    for (const [name, said] of cases)
      await assert.rejects(
        readValues(readFileSync(join(FIX, name)), { recognize }, name),
        (e: unknown) => {
          const err = e as { code?: string; message?: string };
          assert.equal(err.code, 'unequal-cells', String(err.message));
          assert.match(err.message!, said);
          return true;
        },
      );
    assert.equal(asked, 0, 'no text recognised before the refusals');
    // The same table as a PNG is read (evenTable makes its columns one width).
    const { positionsOf, unequalCells } = await import('../../src/read/read.ts');
    const { decodeImage } = await import('../../src/read/image.ts');
    const png = decodeImage(readFileSync(join(FIX, 'styler-jupyter-caption-6x5.png')), 'png');
    const p = positionsOf(png, 'png');
    assert.deepEqual([p.rows, p.cols], [6, 5]);
    assert.equal(unequalCells(png, p), null);
  });

  it('refuses no other committed image: heatmaps (with a colorbar or none, PNG and JPEG) and the tables as PNG', async () => {
    const { readdirSync } = await import('node:fs');
    const { positionsOf, unequalCells } = await import('../../src/read/read.ts');
    const { decodeImage } = await import('../../src/read/image.ts');
    let looked = 0;
    for (const f of readdirSync(FIX).filter((f) => /\.(png|jpg)$/.test(f))) {
      if (f === 'styler-jupyter-caption-6x5.jpg' || f === 'styler-jupyter-confusion-5x5-2x.jpg')
        continue;
      // (A PNG decoder's fixtures: seaborn's viridis made four greys, its cells merged.)
      if (f.startsWith('seaborn-viridis-6x8-grey-2bit')) continue;
      let why: string | null;
      try {
        const img = decodeImage(readFileSync(join(FIX, f)), f);
        why = unequalCells(img, positionsOf(img, f));
      } catch {
        continue; // no grid (the refusals' own fixtures)
      }
      looked++;
      assert.equal(why, null, f);
    }
    assert.ok(looked > 150, `${looked} images looked at`);
  });
});
