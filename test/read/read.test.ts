/**
 * Heatmap images read back (issue 20, its first part: the grid, the colorbar, and each cell's
 * place on the colorbar). On images drawn by seaborn and matplotlib (test/fixtures/read,
 * scripts/make-read-fixtures.py) and on heatfig's own renders of random grids: the shape
 * exactly, and every cell within the colour step the reader reports.
 */
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { zlibSync } from 'fflate';
import { encodePng, pngFile } from '../../src/render/png/encode.ts';
import { crc32 } from '../../src/util/crc32.ts';
import { describeFile, outputBytes, renderSpec, type Spec } from '../../src/node.ts';
import {
  coarserLattice,
  combLattice,
  lattice,
  tickLattice,
  unseenBoundaries,
} from '../../src/read/cells.ts';
import { resampled } from '../../src/read/image.ts';
import { alikeAlong, pixelLine, solidCore } from '../../src/read/locate.ts';
import {
  axisMarks,
  fitTicks,
  flushEnds,
  labelNumber,
  type PlacedLabel,
  prefixedNumber,
} from '../../src/read/ticks.ts';
import { ADAM7, CHANNELS, decodePng, decodePngRgba } from '../../src/read/png.ts';
import { oneCharOff, pointAsShown, readPositions } from '../../src/read/read.ts';
import { ROOT } from '../helpers.ts';

const FIX = join(ROOT, 'test/fixtures/read');

/** Every cell within `step` of its value's place between vmin and vmax. */
function assertPlaces(
  t: Float64Array,
  values: readonly number[],
  vmin: number,
  vmax: number,
  step: number,
) {
  assert.equal(t.length, values.length);
  values.forEach((v, i) => {
    const want = (v - vmin) / (vmax - vmin);
    assert.ok(
      Math.abs(t[i]! - want) <= step,
      `cell ${i}: read ${t[i]}, drawn ${want} (step ${step})`,
    );
  });
}

describe('reading a heatmap image', () => {
  for (const name of ['seaborn-viridis-6x8', 'seaborn-rocket-11x4', 'matplotlib-imshow-magma-9x12'])
    it(`finds the cells of ${name}.png and places each on its colorbar`, () => {
      const e = JSON.parse(readFileSync(join(FIX, `${name}.json`), 'utf8'));
      const r = readPositions(readFileSync(join(FIX, `${name}.png`)), `${name}.png`);
      assert.deepEqual([r.rows, r.cols], [e.values.length, e.values[0].length]);
      assert.ok(r.colorbar?.vertical);
      assert.ok(r.step < 0.01, `step ${r.step}`);
      assertPlaces(r.t, e.values.flat(), e.vmin, e.vmax, r.step);
      assert.deepEqual(r.warnings, []);
    });

  it('finds the cells of a JPEG (quality 75, as savefig writes it) and places each within 2% of the range', () => {
    const e = JSON.parse(readFileSync(join(FIX, 'seaborn-viridis-6x8.json'), 'utf8'));
    const r = readPositions(readFileSync(join(FIX, 'seaborn-viridis-6x8.jpg')), 'v.jpg');
    assert.deepEqual([r.rows, r.cols], [6, 8]);
    assert.ok(r.colorbar?.vertical);
    assertPlaces(r.t, e.values.flat(), e.vmin, e.vmax, 0.02);
    assert.deepEqual(r.warnings, []);
  });

  it('finds the rows of a 72-dpi grid from its short tick marks, and keeps the cells’ own edges', () => {
    // seaborn's 3.5-pt marks are 3.5 px at 72 dpi, their last pixel half-tone. As a JPEG the
    // lines between the cells blur away, and without the marks its 5 rows were read as 25.
    for (const ext of ['png', 'jpg']) {
      const bytes = readFileSync(join(FIX, `seaborn-coolwarm-annot-72dpi-5x10.${ext}`));
      const r = readPositions(bytes, `c.${ext}`);
      assert.deepEqual([r.rows, r.cols], [5, 10], ext);
    }
    // The column marks stand on whole pixels, the first one a pixel left of its cell's centre:
    // the box's edges, which are the cells', are kept, and the cells share it evenly.
    const bytes = readFileSync(join(FIX, 'seaborn-coolwarm-annot-72dpi-5x10.png'));
    const r = readPositions(bytes, 'c.png');
    const img = decodePng(bytes, 'c.png');
    // A row a quarter into the first cells: clear of the row marks, at the cells’ centres.
    const y = Math.round(r.grid.y0 + r.cells.ys.width / 4);
    const white = (x: number) =>
      img.rgb
        .subarray((y * img.width + x) * 3, (y * img.width + x) * 3 + 3)
        .every((c) => c === 255);
    assert.ok(white(r.grid.x0 - 1) && !white(r.grid.x0), `left edge ${r.grid.x0}`);
    assert.ok(!white(r.grid.x1 - 1) && white(r.grid.x1), `right edge ${r.grid.x1}`);
    assert.equal(r.cells.xs.origin, 0);
    assert.equal(r.cells.xs.width, (r.grid.x1 - r.grid.x0) / 10);
  });

  it('reads heatfig’s own renders of random grids back within their colour step', async () => {
    const cmaps = ['viridis', 'magma', 'RdBu_r', 'coolwarm', 'rocket', 'Blues'];
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 2, max: 24 }),
        fc.integer({ min: 2, max: 24 }),
        fc.constantFrom(...cmaps),
        fc.integer({ min: 1, max: 2 ** 30 }),
        async (R, C, cmap, seed) => {
          let s = seed;
          const rand = () => {
            s = (s * 1103515245 + 12345) % 2 ** 31;
            return s / 2 ** 31;
          };
          const values = Array.from({ length: R }, () =>
            Array.from({ length: C }, () => Math.round(rand() * 1000) / 1000),
          );
          const flat = values.flat();
          const lo = Math.min(...flat);
          const hi = Math.max(...flat);
          fc.pre(hi > lo);
          const png = (await outputBytes(
            renderSpec({ data: values, cmap } as Spec, { format: 'png' }),
            'png',
          )) as Uint8Array;
          const r = readPositions(png);
          assert.deepEqual([r.rows, r.cols], [R, C]);
          assertPlaces(r.t, flat, lo, hi, r.step);
        },
      ),
      { numRuns: 12, seed: 2026 },
    );
  });

  it('tells text written over the cells from cells, and counts annotated cells right', async () => {
    const values = [
      [0.12, 0.5, 0.93],
      [0.71, 0.09, 0.44],
    ];
    for (const annot of [true, false]) {
      const png = (await outputBytes(
        renderSpec({ data: values, annot, fmt: '.2f' } as Spec, { format: 'png' }),
        'png',
      )) as Uint8Array;
      const r = readPositions(png);
      assert.equal(r.text !== null, annot);
      assert.deepEqual([r.rows, r.cols], [2, 3]);
    }
    // seaborn's annotated figures: text in every cell, and white lines between the cells.
    for (const [name, shape] of [
      ['seaborn-confusion-annot-5x5', [5, 5]],
      ['seaborn-corr-annot-7x7', [7, 7]],
    ] as const) {
      const r = readPositions(readFileSync(join(FIX, `${name}.png`)), name);
      assert.ok(r.text, name);
      assert.deepEqual([r.rows, r.cols], shape, name);
    }
  });

  it('takes the cells from tick marks only when there is one at every cell', () => {
    // A mark at each of 8 cells 46.6 px apart (whole and half pixels), the box short of the
    // last three: the grid reaches past them. A colorbar's labels further along are not marks.
    const marks = [98, 145, 191, 238, 284, 331, 377, 424, 500, 504, 512];
    assert.deepEqual(tickLattice(marks, 75, 308, 600), {
      start: 75,
      end: 448,
      lattice: { n: 8, origin: 326 / 7 / -2 + 98 - 75, width: 326 / 7 },
    });
    // A mark every second cell (matplotlib's imshow): their cells' boundaries are half a cell
    // off the box's, and nothing is taken from them.
    assert.equal(tickLattice([15, 35, 55, 75], 10, 90, 600), null);
    assert.equal(tickLattice([50], 10, 90, 600), null);
  });

  it('takes no marks whose cells the box reaches past at one end and falls short of at the other', () => {
    // Seven strokes 55 px apart (an l's in each of seaborn's "layer k" turned up, crowded, with
    // no tick marks): their cells run 69.5 to 455.5, the grid's 60 to 445, 9.5 px off.
    const marks = [97, 152, 207, 262, 317, 372, 427];
    assert.equal(tickLattice(marks, 60, 445, 600), null);
    // Short of the marks' cells at both ends (a JPEG's palest outer cells lost to the page):
    // the grid is the marks'.
    assert.deepEqual(tickLattice(marks, 75, 445, 600)?.lattice.n, 7);
  });

  it('trims a block to the grid when labels below it are joined to it', () => {
    // A grid 100 × 50 px, and under it, touching it, a label's ink 10 px wide and 30 deep
    // (a JPEG's noise joins them): its columns' fill over the whole block is 5/8, under nine
    // tenths, and the grid was found from the label's first column on.
    const width = 130;
    const height = 100;
    const rgb = new Uint8Array(width * height * 3).fill(255);
    const paint = (x0: number, y0: number, x1: number, y1: number) => {
      for (let y = y0; y < y1; y++)
        for (let x = x0; x < x1; x++) rgb.set([40, 90, 160], (y * width + x) * 3);
    };
    paint(10, 10, 110, 60);
    paint(40, 60, 50, 90);
    const box = { x0: 10, y0: 10, x1: 110, y1: 90 };
    assert.deepEqual(solidCore({ width, height, rgb }, box, [255, 255, 255]), {
      x0: 10,
      y0: 10,
      x1: 110,
      y1: 60,
    });
  });

  it('takes the lattice a cell more whose boundaries the edges found over part of the axis fit far better', () => {
    // Plotly's 64 rows of 5 px over 320: edges found at 55 to 120 and 135 to 190 only (a
    // smooth field's rows a few levels apart) also fit 63 rows of 5.08 px, each up to a
    // pixel off; 64 puts them all on boundaries.
    const found = [
      ...Array.from({ length: 14 }, (_, i) => 55 + 5 * i),
      ...Array.from({ length: 12 }, (_, i) => 135 + 5 * i),
    ];
    const l = lattice(320, found);
    assert.equal(l.n, 64);
    assert.ok(Math.abs(l.width - 5) < 1e-9 && Math.abs(l.origin) < 1e-6);
    // Edges all over the axis tell one lattice alone.
    assert.equal(
      lattice(
        320,
        Array.from({ length: 63 }, (_, i) => 5 * (i + 1)),
      ).n,
      64,
    );
  });

  it('finds a tick mark drawn between two pixels, each only half dark', () => {
    // A grid 140 × 40 px; under it, marks 5 px long (grey 68) every 35 px: the first at
    // 13.5, split 173 / 149 over x 13 and 14 (a newer Chromium's Plotly axis: neither pixel
    // under 140, and the mark, under the grid's pale first column, was not found).
    const width = 160;
    const height = 60;
    const rgb = new Uint8Array(width * height * 3).fill(255);
    const grey = (x: number, y: number, v: number) =>
      rgb.fill(v, (y * width + x) * 3, (y * width + x) * 3 + 3);
    for (let y = 5; y < 45; y++) for (let x = 10; x < 150; x++) grey(x, y, 120);
    for (let y = 46; y < 51; y++) {
      grey(13, y, 173);
      grey(14, y, 149);
      for (const x of [48, 83, 118]) grey(x, y, 68);
    }
    const grid = { x0: 10, y0: 5, x1: 150, y1: 45 };
    assert.deepEqual(axisMarks({ width, height, rgb }, grid, 'below'), [13.5, 48, 83, 118]);
    // One pixel half dark alone is no mark.
    for (let y = 46; y < 51; y++) grey(13, y, 255);
    assert.deepEqual(axisMarks({ width, height, rgb }, grid, 'below'), [48, 83, 118]);
  });

  it('cuts away a sliver of label ink parted from the grid by a line of the page', () => {
    // A grid 100 × 60 px at x 20 to 120; left of it, tick marks 4 px long every 5 px (x 15
    // to 19) and, past a page column 2 px wide (x 13, 14), the labels' last strokes in line
    // (x 11, 12) filling their whole column: trimmed at nine tenths, the block's core had
    // stopped at them, and the grid was found 9 px wide of its cells.
    const width = 140;
    const height = 80;
    const rgb = new Uint8Array(width * height * 3).fill(255);
    const paint = (x0: number, y0: number, x1: number, y1: number) => {
      for (let y = y0; y < y1; y++)
        for (let x = x0; x < x1; x++) rgb.set([60, 20, 90], (y * width + x) * 3);
    };
    paint(20, 10, 120, 70);
    for (let y = 12; y < 70; y += 5) paint(15, y, 20, y + 1);
    paint(11, 10, 13, 70);
    const box = { x0: 5, y0: 10, x1: 120, y1: 70 };
    const core = solidCore({ width, height, rgb }, box, [255, 255, 255]);
    assert.deepEqual(core, { x0: 20, y0: 10, x1: 120, y1: 70 });
    // A sliver 4 px wide is a column of cells, and is kept.
    paint(9, 10, 13, 70);
    assert.equal(solidCore({ width, height, rgb }, box, [255, 255, 255]).x0, 9);
  });

  it("cuts away a frame's grey outline, up to 6 px, apart from the cells by the page", () => {
    // ggplot2's theme_bw at 300 dpi: a grey outline 5 px wide at x 5 to 9, the page at x 10
    // to 19 but for the grid lines' ends (a pale grey row every 12 px), the tiles from x 20.
    const width = 140;
    const height = 80;
    const rgb = new Uint8Array(width * height * 3).fill(255);
    const paint = (x0: number, y0: number, x1: number, y1: number, c: number[]) => {
      for (let y = y0; y < y1; y++) for (let x = x0; x < x1; x++) rgb.set(c, (y * width + x) * 3);
    };
    paint(20, 10, 120, 70, [60, 20, 90]);
    paint(5, 10, 10, 70, [51, 51, 51]);
    for (let y = 15; y < 70; y += 12) paint(10, y, 20, y + 1, [235, 235, 235]);
    const box = { x0: 5, y0: 10, x1: 120, y1: 70 };
    assert.equal(solidCore({ width, height, rgb }, box, [255, 255, 255]).x0, 20);
    // Of the map's colours, it is a column of cells.
    paint(5, 10, 10, 70, [90, 40, 120]);
    assert.equal(solidCore({ width, height, rgb }, box, [255, 255, 255]).x0, 5);
    // At 300 dpi, its edges blended with the page, a tick mark hanging from it across its
    // outer edge at the middle row, where that edge's colour had been taken from: still cut.
    paint(5, 10, 6, 70, [214, 214, 214]);
    paint(6, 10, 9, 70, [51, 51, 51]);
    paint(9, 10, 10, 70, [241, 241, 241]);
    paint(5, 39, 6, 42, [51, 51, 51]);
    assert.equal(solidCore({ width, height, rgb }, box, [255, 255, 255]).x0, 20);
  });

  it('counts the pixels of a line like one of them, row or column, crossings aside', () => {
    // A grey row 40 px long (y 3) crossed by two white grid lines, and its like column.
    const width = 50;
    const height = 50;
    const rgb = new Uint8Array(width * height * 3).fill(255);
    for (let x = 5; x < 45; x++)
      if (x !== 15 && x !== 30) rgb.set([120, 120, 120], (3 * width + x) * 3);
    for (let y = 5; y < 45; y++) rgb.set([118, 121, 120], (y * width + 7) * 3);
    const img = { width, height, rgb };
    const row = pixelLine(img, true, 3, 5, 45);
    assert.equal(alikeAlong(img, row, row.offset(10), 12), 38);
    assert.equal(alikeAlong(img, row, row.offset(15), 12), 2);
    // Only those counted: here the ones far from the page.
    const far = (p: number) => rgb[p]! < 200;
    assert.equal(alikeAlong(img, row, row.offset(15), 300, undefined, far), 38);
    const col = pixelLine(img, false, 7, 5, 45);
    assert.equal(alikeAlong(img, col, col.offset(20), 0), 40);
    // Against the row's grey, 2 levels off in one channel.
    assert.equal(alikeAlong(img, col, row.offset(10), 1), 0);
    assert.equal(alikeAlong(img, col, row.offset(10), 2), 40);
    // Property: the count never exceeds the line's length, and grows with the tolerance.
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 49 }), fc.integer({ min: 0, max: 255 }), (at, t) => {
        const line = pixelLine(img, at % 2 === 0, at, 0, width);
        const n = alikeAlong(img, line, line.offset(at), t);
        return n >= 1 && n <= width && n <= alikeAlong(img, line, line.offset(at), t + 1);
      }),
    );
  });

  it('places equal cells on one lattice, also under a frame that hides part of the first', () => {
    assert.deepEqual(lattice(100, []), { n: 1, origin: 0, width: 100 });
    assert.equal(lattice(100, [25, 50, 75]).n, 4);
    // Neighbours of one colour hide an edge: the spacing still tells the count.
    assert.equal(lattice(100, [25, 75]).n, 4);
    // matplotlib's frame over the first row: the edges, not the box, set the lattice.
    const l = lattice(346, [36, 75, 114, 152, 191, 229, 268, 306]);
    assert.equal(l.n, 9);
    assert.ok(Math.abs(l.width - 346 / 9) < 1e-9 && l.origin < -1);
  });
});

describe('where a colorbar stands', () => {
  it('beside the grid along a side it shares, else in a corner', async () => {
    const { colorbarPlace } = await import('../../src/io/read-image.ts');
    const grid = { x0: 100, y0: 100, x1: 400, y1: 300 };
    const at = (x0: number, y0: number, x1: number, y1: number) =>
      colorbarPlace({ x0, y0, x1, y1 }, grid);
    assert.equal(at(420, 100, 440, 300), 'right');
    assert.equal(at(40, 150, 60, 250), 'left');
    assert.equal(at(100, 40, 400, 60), 'top');
    assert.equal(at(150, 330, 350, 350), 'bottom');
    // seaborn's clustermap: above the rows' dendrogram, left of the columns'.
    assert.equal(at(10, 10, 45, 90), 'top left');
    assert.equal(at(420, 320, 440, 400), 'bottom right');
  });
});

describe('labels read as numbers', () => {
  it('takes what text recognition makes of matplotlib’s minus, small decimal points, percents and commas', () => {
    assert.equal(labelNumber('\u22120.25'), -0.25);
    assert.equal(labelNumber('\u2014-50'), -50);
    assert.equal(labelNumber('--1.5'), -1.5);
    assert.equal(labelNumber('08'), 0.8);
    assert.equal(labelNumber('-026'), -0.26);
    assert.equal(labelNumber('0'), 0);
    assert.equal(labelNumber('0.5'), 0.5);
    assert.equal(labelNumber('12.5%'), 0.125);
    assert.equal(labelNumber('1,200'), 1200);
    assert.equal(labelNumber('oh -'), null);
    assert.equal(labelNumber('1.2.3'), null);
    // Scientific notation prints one digit before the point: a second one means the point was lost.
    assert.equal(labelNumber('14e-04'), 1.4e-4);
    assert.equal(labelNumber('-25e+02'), -250);
    assert.equal(labelNumber('2e+02'), 200);
    assert.equal(labelNumber('1.4e-04'), 1.4e-4);
  });

  it('never reads a number with a leading zero before digits, nor a run of minus signs (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 99 }), fc.integer({ min: 1, max: 3 }), (d, minus) => {
        const v = labelNumber(`${'-'.repeat(minus)}0${d}`);
        assert.ok(v !== null && v <= 0 && v > -1, `${v}`);
      }),
    );
  });
});

describe('refusals, in one line', () => {
  it('an image that is not a PNG, a damaged one, and one with no heatmap', () => {
    assert.throws(() => readPositions(new TextEncoder().encode('GIF89a…'), 'x.gif'), {
      message:
        /^x\.gif: not a PNG or JPEG image \(its first bytes are neither signature\); give a \.png or a \.jpg$/,
    });
    const good = readFileSync(join(FIX, 'seaborn-viridis-6x8.png'));
    assert.throws(() => readPositions(good.subarray(0, 200), 'cut.png'), {
      message: /^cut\.png: the PNG is cut short or damaged; give the whole file$/,
    });
    assert.throws(
      () =>
        readPositions(
          png(64, 48, 0, () => 255),
          'blank.png',
        ),
      {
        message: /^blank\.png: no heatmap found: no large block of coloured cells in the image/,
      },
    );
  });

  it('an image larger than the bound, before inflating it', () => {
    const huge = png(1, 1, 0, () => 0);
    new DataView(huge.buffer).setUint32(16, 100_000);
    new DataView(huge.buffer).setUint32(20, 100_000);
    assert.throws(() => decodePng(huge, 'huge.png'), {
      message:
        /^huge\.png: the image is 100,000 × 100,000 pixels, more than the 50,000,000 read; give a smaller one$/,
    });
  });

  it('a damaged or cut JPEG, and one larger than the bound before it is decoded', async () => {
    const { decodeJpeg, jpegSize } = await import('../../src/read/jpeg.ts');
    const good = readFileSync(join(FIX, 'seaborn-viridis-6x8.jpg'));
    assert.deepEqual(jpegSize(good), { width: 600, height: 450 });
    for (const bad of [good.subarray(0, 3), good.subarray(0, 600)])
      assert.throws(() => decodeJpeg(bad, 'cut.jpg'), {
        message: /^cut\.jpg: the JPEG is cut short or damaged; give the whole file$/,
      });
    // The frame header made to say 30,000 × 30,000: refused from the header alone.
    const huge = new Uint8Array(good);
    let o = 2;
    while (!(huge[o + 1]! >= 0xc0 && huge[o + 1]! <= 0xc2))
      o += 2 + ((huge[o + 2]! << 8) | huge[o + 3]!);
    huge.set([30_000 >> 8, 30_000 & 255, 30_000 >> 8, 30_000 & 255], o + 5);
    assert.throws(() => decodeJpeg(huge, 'huge.jpg'), {
      message:
        /^huge\.jpg: the image is 30,000 × 30,000 pixels, more than the 50,000,000 read; give a smaller one$/,
    });
  });

  it('a PNG whose colour type has no such bit depth, in one line', () => {
    const odd = png(2, 2, 0, () => 0);
    odd[24] = 4; // IHDR's bit depth
    odd[25] = 2; // colour type RGB, which is 8 or 16 bits a sample only
    assert.throws(() => decodePng(odd, 'odd.png'), {
      message:
        /^odd\.png: the PNG says 4-bit samples of colour type 2, which the format does not have; give a PNG of grey \(1 to 16 bits\), palette \(1 to 8\), RGB, grey with alpha or RGBA \(8 or 16\)$/,
    });
  });

  it('decodes every colour type at every depth it has, interlaced (Adam7) or not, to the same pixels (property)', () => {
    // Interlaced PNGs had been refused, and samples under 8 bits (a palette of 16 colours or
    // fewer, as optimisers write it) too.
    const kinds: [type: 0 | 2 | 3 | 4 | 6, depth: number][] = [
      [0, 1],
      [0, 2],
      [0, 4],
      [0, 8],
      [0, 16],
      [3, 1],
      [3, 2],
      [3, 4],
      [3, 8],
      [2, 8],
      [2, 16],
      [4, 8],
      [4, 16],
      [6, 8],
      [6, 16],
    ];
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 19 }),
        fc.integer({ min: 1, max: 19 }),
        fc.constantFrom(...kinds),
        fc.integer(),
        (w, h, [type, depth], seed) => {
          const channels = CHANNELS[type];
          const max = (1 << depth) - 1;
          let r = seed;
          const next = () => {
            r = (r * 1103515245 + 12345) & 0x7fffffff;
            return r % (max + 1);
          };
          const samples = Array.from({ length: w * h * channels }, next);
          const palette = Array.from({ length: 3 * (max + 1) }, (_, i) => (i * 37) % 256);
          // What each pixel shows: a 16-bit sample's high byte, a grey one stretched to 0-255.
          const byte = (v: number) => (depth === 16 ? v >> 8 : type === 0 ? (v * 255) / max : v);
          const want = new Uint8Array(w * h * 4);
          for (let i = 0; i < w * h; i++) {
            const s = samples.slice(i * channels, (i + 1) * channels).map(byte);
            const rgba =
              type === 3
                ? [...palette.slice(s[0]! * 3, s[0]! * 3 + 3), 255]
                : type === 0
                  ? [s[0]!, s[0]!, s[0]!, 255]
                  : type === 4
                    ? [s[0]!, s[0]!, s[0]!, s[1]!]
                    : [s[0]!, s[1]!, s[2]!, type === 6 ? s[3]! : 255];
            want.set(rgba, i * 4);
          }
          for (const laced of [false, true]) {
            const file = pngOf(w, h, type, depth, samples, laced, palette);
            assert.deepEqual(decodePngRgba(file, 'p.png').rgba, want, `${laced}`);
          }
        },
      ),
      { numRuns: 200 },
    );
  });

  it('decodes PNGs as ImageMagick writes them: interlaced, 4-bit palette, 2-bit grey', async () => {
    // A seaborn figure through Debian's ImageMagick (scripts/make-read-fixtures.py): each
    // decodes to the pixels ImageMagick gives it as 8-bit RGBA, and the interlaced one to the
    // original's, and reads as it does (it had been refused).
    const fix = (name: string) =>
      readFileSync(join(ROOT, `test/fixtures/read/seaborn-viridis-6x8${name}.png`));
    for (const name of ['-palette-4bit', '-grey-2bit'])
      assert.deepEqual(
        decodePngRgba(fix(name), name).rgba,
        decodePngRgba(fix(`${name}-rgba`), name).rgba,
        name,
      );
    assert.deepEqual(
      decodePngRgba(fix('-interlaced'), 'laced').rgba,
      decodePngRgba(fix(''), 'plain').rgba,
    );
    const { readHeatmap } = await import('../../src/io/read-image.ts');
    const [laced, plain] = await Promise.all([
      readHeatmap(fix('-interlaced'), 'laced.png'),
      readHeatmap(fix(''), 'plain.png'),
    ]);
    assert.deepEqual(
      Array.from(laced.grid.panels[0]!.values),
      Array.from(plain.grid.panels[0]!.values),
    );
    assert.deepEqual(laced.grid.colLabels, plain.grid.colLabels);
  });

  it('composes a PNG’s clear parts onto black where the ink drawn over them is light, else onto white', () => {
    // savefig(transparent=True): the figure's text drawn on nothing, its edges half clear.
    const drawn = (grey: number) => {
      const samples: number[] = [];
      for (let i = 0; i < 100; i++) samples.push(grey, grey, grey, i < 60 ? 128 : 0);
      return decodePng(pngOf(10, 10, 6, 8, samples, false, []), 'clear.png').rgb;
    };
    // Light ink (dark_background's white text): the page under it is black.
    assert.deepEqual([...drawn(230).subarray(297, 300)], [0, 0, 0]);
    assert.equal(drawn(230)[0], 115);
    // Dark ink, as most figures: white, as before.
    assert.deepEqual([...drawn(20).subarray(297, 300)], [255, 255, 255]);
  });

  it('decodes grey and palette PNGs to what they show', () => {
    const grey = decodePng(
      png(3, 2, 0, (x, y) => x * 100 + y),
      'g.png',
    );
    assert.deepEqual([...grey.rgb.subarray(0, 6)], [0, 0, 0, 100, 100, 100]);
    const pal = decodePng(
      png(2, 1, 3, (x) => x, [255, 0, 0, 0, 0, 255]),
      'p.png',
    );
    assert.deepEqual([...pal.rgb], [255, 0, 0, 0, 0, 255]);
  });
});

/**
 * A PNG of any colour type and depth, its samples packed high bits first, in one pass or in
 * Adam7's seven (each row filtered with None), as the format lays them out. (The decoder's
 * own pass table: ImageMagick's interlaced file, decoded to the original's pixels, checks it.)
 */
function pngOf(
  w: number,
  h: number,
  type: 0 | 2 | 3 | 4 | 6,
  depth: number,
  samples: readonly number[],
  laced: boolean,
  palette: readonly number[],
): Uint8Array {
  const channels = CHANNELS[type];
  const passes = laced ? ADAM7 : [[0, 0, 1, 1] as const];
  const rows: number[] = [];
  for (const [x0, y0, dx, dy] of passes) {
    const xs = Array.from({ length: Math.max(0, Math.ceil((w - x0) / dx)) }, (_, i) => x0 + i * dx);
    if (!xs.length) continue;
    for (let y = y0; y < h; y += dy) {
      const bytes = new Uint8Array(Math.ceil((xs.length * channels * depth) / 8));
      let bit = 0;
      for (const x of xs)
        for (let c = 0; c < channels; c++, bit += depth) {
          const v = samples[(y * w + x) * channels + c]!;
          if (depth === 16) bytes.set([v >> 8, v & 255], bit >> 3);
          else bytes[bit >> 3]! |= v << (8 - depth - (bit & 7));
        }
      rows.push(0, ...bytes);
    }
  }
  const out = pngFile(
    new Uint8Array(rows),
    w,
    h,
    type as 0,
    zlibSync,
    crc32,
    null,
    type === 3 ? new Uint8Array(palette) : null,
  );
  out[24] = depth; // IHDR's bit depth and interlace method (its CRC is not checked on reading)
  out[28] = laced ? 1 : 0;
  return out;
}

/** A small 8-bit PNG: grey (type 0) or palette (type 3) samples from f. */
function png(
  w: number,
  h: number,
  type: 0 | 3,
  f: (x: number, y: number) => number,
  palette?: number[],
): Uint8Array {
  const raw = new Uint8Array((w + 1) * h);
  for (let y = 0; y < h; y++) for (let x = 0; x < w; x++) raw[y * (w + 1) + 1 + x] = f(x, y);
  return pngFile(raw, w, h, type, zlibSync, crc32, null, palette ? new Uint8Array(palette) : null);
}

describe('values, from the colorbar’s tick labels read with tesseract.js', () => {
  it('gives tesseract.js no image larger than it reads: nothing is read from it', async () => {
    // A grid misfound in a JPEG made a strip 35,092 px wide, which tesseract.js failed on
    // inside its worker ("Unexpected end of JSON input"): an internal error, no values.
    const { MAX_PIXELS, MAX_SIDE, numberRecognizer } = await import('../../src/io/ocr.ts');
    const ocr = await numberRecognizer(1);
    try {
      for (const [w, h] of [
        [MAX_SIDE + 1, 2],
        [2, MAX_SIDE + 1],
        [6000, Math.ceil(MAX_PIXELS / 6000) + 1],
      ] as const) {
        const white = new Uint8Array(w * h * 4).fill(255);
        for (const read of [ocr.recognize, ocr.recognizeNumber, ocr.recognizeText])
          assert.deepEqual(await read(white, w, h), [], `${w}×${h}`);
      }
    } finally {
      await ocr.close();
    }
  });

  it('reads seaborn’s, matplotlib’s and heatfig’s images to within the uncertainty it reports', async () => {
    const { numberRecognizer } = await import('../../src/io/ocr.ts');
    const { readValues } = await import('../../src/read/read.ts');
    const ocr = await numberRecognizer();
    try {
      const cases: [string, Uint8Array, number[], number[]][] = [];
      for (const [name, ticks] of [
        ['seaborn-viridis-6x8', [0.8, 0.6, 0.4, 0.2]],
        ['matplotlib-imshow-magma-9x12', [40, 30, 20, 10]],
        // Cells a level off the colorbar's colours, where Blues changes a level an entry.
        ['matplotlib-imshow-blues-4x33', [8, 6, 4, 2, 0]],
      ] as const) {
        const e = JSON.parse(readFileSync(join(FIX, `${name}.json`), 'utf8'));
        cases.push([name, readFileSync(join(FIX, `${name}.png`)), e.values.flat(), [...ticks]]);
      }
      const mine = [
        [0.12, -0.5, 2.2],
        [1.7, 0.9, -1.1],
        [0.3, 0.33, 2.9],
      ];
      const png = (await outputBytes(
        renderSpec({ data: mine } as Spec, { format: 'png' }),
        'png',
      )) as Uint8Array;
      cases.push(['heatfig', png, mine.flat(), [2, 1, 0, -1]]);
      // A lone 6 on the colorbar (read as a line, tesseract made it 0).
      const six = [
        [1.2, 5.5, 9.3],
        [7.1, 0.9, 4.4],
        [2, 3, 8],
      ];
      const png6 = (await outputBytes(
        renderSpec({ data: six, cmap: 'magma' } as Spec, { format: 'png' }),
        'png',
      )) as Uint8Array;
      cases.push(['heatfig magma', png6, six.flat(), [8, 6, 4, 2]]);
      for (const [name, bytes, want, ticks] of cases) {
        const r = await readValues(
          bytes,
          { recognize: ocr.recognize, recognizeNumber: ocr.recognizeNumber },
          name,
        );
        assert.deepEqual(r.ticks, ticks, name);
        assert.ok(
          r.uncertainty > 0 && r.uncertainty < 0.02 * (Math.max(...want) - Math.min(...want)),
          `${name}: ±${r.uncertainty}`,
        );
        want.forEach((v, i) => {
          assert.ok(
            Math.abs(r.values[i]! - v) <= r.uncertainty,
            `${name} cell ${i}: ${r.values[i]} ≠ ${v} ± ${r.uncertainty}`,
          );
        });
        // Written to the place of the uncertainty's first digit (the uncertainty stated is the
        // written value's: the reading's, and half that last digit), and every value, as
        // written, within it.
        const half = 0.5 * 10 ** -r.decimals;
        assert.ok(
          10 ** -r.decimals <= r.uncertainty - half &&
            r.uncertainty - half < 10 ** (1 - r.decimals),
          `${name}: ${r.decimals} decimals for ±${r.uncertainty}`,
        );
        want.forEach((v, i) => {
          const written = Number(r.values[i]!.toFixed(r.decimals));
          assert.ok(Math.abs(written - v) <= r.uncertainty, `${name} cell ${i}: ${written} ≠ ${v}`);
        });
      }
    } finally {
      await ocr.close();
    }
  });

  it('reads the numbers printed over the cells exactly as printed: seaborn’s counts and correlations, matplotlib’s gallery, heatfig’s own', async () => {
    const { numberRecognizer } = await import('../../src/io/ocr.ts');
    const { readValues } = await import('../../src/read/read.ts');
    const ocr = await numberRecognizer();
    try {
      const cases: [string, Uint8Array, number[], number][] = [];
      for (const [name, decimals] of [
        ['seaborn-confusion-annot-5x5', 0],
        ['seaborn-corr-annot-7x7', 2],
        // 72 dpi, numbers as wide as their cells: minus signs and points dropped together.
        ['seaborn-coolwarm-annot-72dpi-5x8', 2],
        // matplotlib's gallery: white numbers, no colorbar to check them by; most points
        // over the darker cells were lost ("2.4" read "24") and are put back from the ink.
        ['matplotlib-gallery-annot-7x7', 1],
      ] as const) {
        const e = JSON.parse(readFileSync(join(FIX, `${name}.json`), 'utf8'));
        cases.push([name, readFileSync(join(FIX, `${name}.png`)), e.values.flat(), decimals]);
      }
      const mine = [
        [0.12, -0.5, 2.2, 1.05],
        [1.7, 0.9, -1.1, 0.0],
        [0.3, 0.33, 2.9, -0.07],
      ];
      const png = (await outputBytes(
        renderSpec({ data: mine, annot: true, fmt: '.2f', cmap: 'RdBu' } as Spec, {
          format: 'png',
        }),
        'png',
      )) as Uint8Array;
      cases.push(['heatfig', png, mine.flat(), 2]);
      for (const [name, bytes, want, decimals] of cases) {
        const r = await readValues(bytes, { recognize: ocr.recognize }, name);
        assert.equal(r.annotated, want.length, `${name}: ${r.warnings.join('; ')}`);
        assert.deepEqual(Array.from(r.values), want, name);
        assert.equal(r.decimals, decimals, name);
        assert.equal(r.uncertainty, 0.5 * 10 ** -decimals, name);
        // Every number printed with the format's decimals: the values are the drawn ones rounded.
        assert.equal(r.printedDecimals, decimals, name);
      }
    } finally {
      await ocr.close();
    }
  });

  it('reads cells of the page’s own colour: missing ones as missing, white ones as their numbers, the grid’s extent from its tick marks', async () => {
    const { readHeatmap } = await import('../../src/io/read-image.ts');
    for (const [name, decimals] of [
      // Percentages, 9 missing cells (a whole last column among them): the page shows through.
      ['seaborn-missing-annot-5x8', 3],
      // A map white at its centre: two rows of zeros are white cells on the white page, and
      // 1.3714 lies past vmax = 1 (drawn in the end's green).
      ['seaborn-white-centre-annot-6x4', 4],
      // Values near that white on both sides: the colorbar, white at its middle, is two
      // gradients on the page, joined.
      ['seaborn-white-centre-near-annot-5x5', 4],
    ] as const) {
      const e = JSON.parse(readFileSync(join(FIX, `${name}.json`), 'utf8'));
      const r = await readHeatmap(readFileSync(join(FIX, `${name}.png`)), name);
      const p = r.grid.panels[0]!;
      assert.deepEqual([p.rows, r.grid.cols], [e.values.length, e.values[0].length], name);
      assert.deepEqual(
        Array.from(p.values),
        e.values.flat().map((v: number | null) => (v === null ? Number.NaN : v)),
        name,
      );
      assert.equal(r.decimals, decimals, name);
      if (name === 'seaborn-missing-annot-5x8') {
        // Printed as percentages (fmt='.1%'): written so again, in the spec and the description.
        assert.equal(r.format, '.1%');
        const { gridSpec } = await import('../../src/io/read-image.ts');
        assert.deepEqual(
          (({ annot, fmt }) => ({ annot, fmt }))(gridSpec(r) as { annot?: boolean; fmt?: string }),
          { annot: true, fmt: '.1%' },
        );
        const { colorsOf } = await import('../../src/io/read-image.ts');
        const { describeFile } = await import('../../src/node.ts');
        const md = describeFile({ ...colorsOf(r) } as Spec, { grid: r.grid }).description.markdown;
        const row0 = e.values[0].slice(0, 5).map((v: number) => `${(v * 100).toFixed(1)}%`);
        assert.ok(md.includes(`| 0 | ${row0.join(' | ')} | – | – | – |`), md);
        assert.match(
          md,
          /good to within half its last digit printed \(±0\.05%\) and is written as printed/,
        );
      }
    }
  });

  it('reads seaborn’s clustermap: its colorbar in the corner above the dendrogram, beside neither axis, its values from colour and as printed', async () => {
    const { readHeatmap } = await import('../../src/io/read-image.ts');
    for (const name of ['seaborn-clustermap-10x8', 'seaborn-clustermap-annot-10x8']) {
      const e = JSON.parse(readFileSync(join(FIX, `${name}.json`), 'utf8'));
      const png = readFileSync(join(FIX, `${name}.png`));
      const p = readPositions(png, name);
      // The colorbar, 10 px from the image's top left corner (it was not found: no values).
      assert.ok(
        p.colorbar?.vertical && p.colorbar.box.x1 < p.grid.x0 && p.colorbar.box.y1 <= p.grid.y0,
        name,
      );
      const r = await readHeatmap(png, name);
      const got = Array.from(r.grid.panels[0]!.values);
      const want: number[] = e.values.flat();
      assert.equal(got.length, want.length, name);
      // The rows' labels at the right (none were read: only the left was looked at), in the
      // clustered order; "gene1" was read "genel", "s0" "2".
      assert.deepEqual(r.grid.panels[0]!.rowLabels, e.rows, name);
      assert.deepEqual(r.grid.colLabels, e.cols, name);
      // Described where the image has them (it had said "labelled at the left", "a colorbar
      // at the right"), with no negative zero among values read to whole numbers.
      const { colorsOf } = await import('../../src/io/read-image.ts');
      const { describeFile } = await import('../../src/node.ts');
      const md = describeFile({ ...colorsOf(r) } as Spec, { grid: r.grid }).description.markdown;
      assert.match(md, /- \*\*Rows\*\*, labelled at the right: 10 labels/, name);
      assert.match(
        md,
        /shown as a colorbar at the top left, beside neither the rows nor the columns/,
      );
      assert.doesNotMatch(md.split('### Detailed Analysis')[0]!, /-0\b(?!\.)/, name);
      if (name.includes('annot')) {
        assert.deepEqual(got, want, name);
        assert.equal(r.format, '.2f', name);
      } else {
        // Read from colour, each within the uncertainty stated (its colorbar is 126 px tall:
        // ±0.15, and half the tenth each is written to).
        assert.ok(r.uncertainty < 0.035 * (e.vmax - e.vmin), `${name}: ±${r.uncertainty}`);
        got.forEach((v, i) => {
          assert.ok(
            Math.abs(v - want[i]!) <= r.uncertainty,
            `${name} cell ${i}: ${v} for ${want[i]}`,
          );
        });
        // The colorbar's ticks are -2, 0, 2: its range within one step of the data's.
        assert.ok(
          r.range && Math.abs(r.range[0] - e.vmin) < 2 && Math.abs(r.range[1] - e.vmax) < 2,
        );
      }
    }
  });

  it('keeps the numbers printed as printed where one is not read and there is no colour scale: that cell is missing, and said', async () => {
    // The annotated clustermap with its colorbar painted over (as if cropped out), and the
    // number 3.32 not read: the others were written rounded to whole numbers (no colour
    // scale, so no precision but the print's, which was taken for none).
    const { numberRecognizer } = await import('../../src/io/ocr.ts');
    const { readValues } = await import('../../src/read/read.ts');
    const name = 'seaborn-clustermap-annot-10x8';
    const e = JSON.parse(readFileSync(join(FIX, `${name}.json`), 'utf8'));
    const img = decodePng(readFileSync(join(FIX, `${name}.png`)), name);
    const bar = readPositions(readFileSync(join(FIX, `${name}.png`)), name).colorbar!.box;
    const rgba = new Uint8Array(img.width * img.height * 4).fill(255);
    for (let i = 0; i < img.width * img.height; i++) {
      const x = i % img.width;
      const y = Math.floor(i / img.width);
      if (x >= bar.x0 - 2 && x < bar.x1 + 30 && y >= bar.y0 - 10 && y < bar.y1 + 10) continue;
      rgba.set(img.rgb.subarray(3 * i, 3 * i + 3), 4 * i);
    }
    const png = encodePng(rgba, img.width, img.height, 1);
    const ocr = await numberRecognizer(1);
    try {
      const recognize: typeof ocr.recognize = async (...a) =>
        (await ocr.recognize(...a)).filter((w) => w.text !== '3.32');
      const r = await readValues(png, { recognize }, 'no-bar.png');
      assert.equal(r.colorbar, null);
      const want: number[] = e.values.flat();
      // 3.32. (-1.64, its point in white over a dark cell not seen in the ink, read "-164":
      // its digits span as wide as the others' with their point, so it is the format's -1.64.
      // It had been left unread, with no colour to tell -164 from -1.64.)
      const unread = [want.indexOf(3.32)];
      assert.deepEqual(
        Array.from(r.values),
        want.map((v, i) => (unread.includes(i) ? Number.NaN : v)),
      );
      assert.deepEqual([r.decimals, r.annotated, r.allPrinted], [2, 79, true]);
      assert.ok(
        r.warnings.some((w) =>
          w.includes('with no colour scale to read it by, that cell is missing'),
        ),
        r.warnings.join('; '),
      );
    } finally {
      await ocr.close();
    }
  });

  it('reads numbers printed with one decimal as printed; among values read from colour, each is good to half its digit', async () => {
    const { numberRecognizer } = await import('../../src/io/ocr.ts');
    const { readValues } = await import('../../src/read/read.ts');
    const name = 'seaborn-one-decimal-6x7';
    const e = JSON.parse(readFileSync(join(FIX, `${name}.json`), 'utf8'));
    const png = readFileSync(join(FIX, `${name}.png`));
    const printed: number[] = e.printed.flat().map(Number);
    const ocr = await numberRecognizer(1);
    try {
      // Every number as printed (21 of 42 were refused, held to their colours within 0.005).
      let r = await readValues(png, { recognize: ocr.recognize }, name);
      assert.deepEqual(Array.from(r.values), printed);
      assert.deepEqual([r.decimals, r.uncertainty], [1, 0.05]);
      // The numbers 0.1 not read: those cells come from their colours, and every value is
      // good to the printed numbers' ±0.05 and a half of the digit it is written to (they had
      // been said good to ±0.006, 0.0 written 0.00 for 0.03).
      const recognize: typeof ocr.recognize = async (...a) =>
        (await ocr.recognize(...a)).filter((w) => !w.text.includes('0.1'));
      r = await readValues(png, { recognize }, name);
      assert.ok(r.annotated < printed.length && r.annotated > 0, `${r.annotated}`);
      assert.ok(r.uncertainty >= 0.05, `±${r.uncertainty}`);
      e.values.flat().forEach((v: number, i: number) => {
        const written = Number(r.values[i]!.toFixed(r.decimals));
        assert.ok(Math.abs(written - v) <= r.uncertainty, `cell ${i}: ${written} for ${v}`);
      });
    } finally {
      await ocr.close();
    }
  });

  it('finds every row of seed-004, whose grid is blocks of strong cells among rows as pale as the page', async () => {
    const { readHeatmap } = await import('../../src/io/read-image.ts');
    const name = 'seaborn-seed-004-11x5';
    const e = JSON.parse(readFileSync(join(FIX, `${name}.json`), 'utf8'));
    const r = await readHeatmap(readFileSync(join(FIX, `${name}.png`)), name);
    const p = r.grid.panels[0]!;
    assert.deepEqual([p.rows, r.grid.cols], [11, 5]);
    // One heatmap: its cells found first as blocks apart (a column, then two rows of another)
    // are pieces of it, not another heatmap beside it (so said before).
    assert.deepEqual(
      r.warnings.filter((w) => /another heatmap|other heatmaps/.test(w)),
      [],
    );
    // Each cell as printed (.4f: the seed's -0.00002 is "-0.0000").
    e.values.flat().forEach((v: number, i: number) => {
      assert.ok(p.values[i] === Number(v.toFixed(4)), `cell ${i}: ${p.values[i]} for ${v}`);
    });
  });

  it('reads a correlation matrix with a triangle masked: masked cells missing, the others as shown, those past the colorbar’s end said', async () => {
    const { readHeatmap } = await import('../../src/io/read-image.ts');
    // Annotated, the diagonal kept: every shown cell as printed, the 28 masked missing.
    const an = 'seaborn-corr-mask-annot-8x8';
    const ea = JSON.parse(readFileSync(join(FIX, `${an}.json`), 'utf8'));
    const a = await readHeatmap(readFileSync(join(FIX, `${an}.png`)), an);
    assert.deepEqual([a.grid.panels[0]!.rows, a.grid.cols], [8, 8]);
    assert.deepEqual(
      Array.from(a.grid.panels[0]!.values),
      ea.values.flat().map((v: number | null) => (v === null ? Number.NaN : v)),
    );
    assert.equal(a.grid.printedDecimals, 2);
    // seaborn's gallery example: its own palette, vmax=.3 below the data's 0.757, the
    // diagonal masked too (a first row and a last column of page).
    const gn = 'seaborn-corr-mask-gallery-8x8';
    const eg = JSON.parse(readFileSync(join(FIX, `${gn}.json`), 'utf8'));
    const g = await readHeatmap(readFileSync(join(FIX, `${gn}.png`)), gn);
    assert.deepEqual([g.grid.panels[0]!.rows, g.grid.cols], [8, 8]);
    assert.equal(g.cmap, null);
    // Its range, written to the decimal read: from the data's smallest (-0.636) to vmax.
    assert.deepEqual(g.range, [-0.63, 0.3]);
    const got = g.grid.panels[0]!.values;
    let above = 0;
    eg.values.flat().forEach((x: number | null, i: number) => {
      if (x === null) {
        assert.ok(Number.isNaN(got[i]!), `masked cell ${i}: ${got[i]}`);
        return;
      }
      if (x > 0.3) above++;
      const shown = Math.min(0.3, x);
      assert.ok(Math.abs(got[i]! - shown) <= g.uncertainty, `cell ${i}: ${got[i]} for ${x}`);
    });
    // The one cell past vmax is said to hold the end's value or more (the low end is the
    // data's smallest, drawn in the end's colour too).
    assert.equal(above, 1);
    assert.deepEqual(g.beyond, { low: 1, high: 1 });
    assert.ok(
      g.warnings.some((w) =>
        /1 cell in the colour of its high end is read as 0\.30 and may hold more/.test(w),
      ),
      g.warnings.join('; '),
    );
  });

  it('reads masked cells in seaborn’s default theme as missing: no number where the others show theirs', async () => {
    const { readHeatmap } = await import('../../src/io/read-image.ts');
    // The masked triangle shows the axes' grey (#EAEAF2), 2.2 levels from a colour of vlag:
    // it had been read as 28 cells of -0.02, silently.
    const name = 'seaborn-theme-mask-annot-7x7';
    const e = JSON.parse(readFileSync(join(FIX, `${name}.json`), 'utf8'));
    const r = await readHeatmap(readFileSync(join(FIX, `${name}.png`)), name);
    assert.deepEqual(
      Array.from(r.grid.panels[0]!.values),
      e.printed.flat().map((v: number | null) => (v === null ? Number.NaN : v)),
    );
    assert.ok(
      r.warnings.some((w) => w.startsWith('28 cells show no number where 21 others show theirs')),
      r.warnings.join('; '),
    );
  });

  it('keeps labels numbered with leading zeros as written (dates)', async () => {
    const { readHeatmap } = await import('../../src/io/read-image.ts');
    // "2024-01-01" had been taken for "2024-01" and -1 in a sequence and rewritten "2024-01-1".
    const name = 'seaborn-dates-6x4';
    const e = JSON.parse(readFileSync(join(FIX, `${name}.json`), 'utf8'));
    const r = await readHeatmap(readFileSync(join(FIX, `${name}.png`)), name);
    assert.deepEqual(r.grid.panels[0]!.rowLabels, e.rows);
    assert.deepEqual(r.grid.colLabels, e.cols);
  });

  it('reads a JPEG’s values within the uncertainty it reports, its noise counted', async () => {
    const { readHeatmap } = await import('../../src/io/read-image.ts');
    const e = JSON.parse(readFileSync(join(FIX, 'seaborn-viridis-6x8.json'), 'utf8'));
    const r = await readHeatmap(readFileSync(join(FIX, 'seaborn-viridis-6x8.jpg')), 'v.jpg');
    assert.deepEqual(r.ticks, [0.8, 0.6, 0.4, 0.2]);
    assert.equal(r.cmap, 'viridis');
    const v = r.grid.panels[0]!.values;
    e.values.flat().forEach((x: number, i: number) => {
      assert.ok(
        Math.abs(v[i]! - x) <= r.uncertainty,
        `cell ${i}: ${v[i]} ≠ ${x} ± ${r.uncertainty}`,
      );
    });
    // Coarser than the PNG's ±0.007 (three decimals): written with two, not three.
    assert.ok(r.uncertainty > 0.012 && r.uncertainty < 0.055, String(r.uncertainty));
    assert.equal(r.decimals, 2);
    // Read from colours: the description is told how far off, and not that they are a print.
    assert.equal(r.grid.readUncertainty, r.uncertainty);
    assert.equal(r.grid.printedDecimals, undefined);
  });

  it('reads a page of a PDF (through poppler’s pdftoppm) exactly as printed', async () => {
    const { readHeatmap } = await import('../../src/io/read-image.ts');
    const e = JSON.parse(readFileSync(join(FIX, 'seaborn-corr-annot-7x7.json'), 'utf8'));
    const r = await readHeatmap(readFileSync(join(FIX, 'seaborn-corr-annot-7x7.pdf')), 'c.pdf');
    const p = r.grid.panels[0]!;
    assert.deepEqual([p.rows, r.grid.cols], [7, 7]);
    assert.deepEqual(Array.from(p.values), e.values.flat());
    assert.equal(r.decimals, 2);
    await assert.rejects(
      readHeatmap(readFileSync(join(FIX, 'seaborn-corr-annot-7x7.pdf')), 'c.pdf', { page: 3 }),
      { message: /^--page: there is no page 3: the PDF has 1 page; give a page from 1 to 1$/ },
    );
    await assert.rejects(
      readHeatmap(readFileSync(join(FIX, 'seaborn-viridis-6x8.png')), 'v.png', { page: 1 }),
      { message: /^--page: a page is chosen only in a PDF; give it without --page$/ },
    );
  });

  it('reads a number that runs past its cell, its last digit half under the line, from the glyphs of the others; one it cannot is not read, and said', async () => {
    const { numberRecognizer } = await import('../../src/io/ocr.ts');
    const { readValues } = await import('../../src/read/read.ts');
    const name = 'seaborn-icefire-annot-overflow-5x10';
    const e = JSON.parse(readFileSync(join(FIX, `${name}.json`), 'utf8'));
    const ocr = await numberRecognizer();
    try {
      const r = await readValues(readFileSync(join(FIX, `${name}.png`)), ocr, name);
      // The row of a tick mark hidden under an overflowing minus is still counted.
      assert.deepEqual([r.rows, r.cols], [5, 10]);
      const printed = e.values.flat() as number[];
      let exact = 0;
      let unread = 0;
      printed.forEach((v, i) => {
        if (r.values[i] === v) exact++;
        else {
          // Never a wrong number as printed: an unread one, its colour's value instead.
          assert.ok(
            Number.isNaN(r.annotations!.values[i]!),
            `cell ${i}: ${r.annotations!.texts[i]}`,
          );
          unread++;
        }
      });
      // 44 when each cell's text was read inside its cell alone (the digit under the line lost).
      assert.ok(exact >= 47, `${exact} exact`);
      if (unread)
        assert.ok(
          r.warnings.some((w) => /could not be read/.test(w)),
          r.warnings.join('; '),
        );
    } finally {
      await ocr.close();
    }
  });

  it('reads the same by one text recognition worker or by three at once', async () => {
    const { numberRecognizer } = await import('../../src/io/ocr.ts');
    const { readValues } = await import('../../src/read/read.ts');
    // Numbers read again alone, cut ones among them, and labels read while the cells are.
    const name = 'seaborn-icefire-annot-overflow-5x10';
    const bytes = readFileSync(join(FIX, `${name}.png`));
    const read = async (workers: number) => {
      const ocr = await numberRecognizer(workers);
      try {
        assert.equal(ocr.parallel, workers);
        const r = await readValues(bytes, ocr, name);
        return { values: [...r.values], texts: r.annotations!.texts, labels: r.labels };
      } finally {
        await ocr.close();
      }
    };
    const one = await read(1);
    assert.ok(one.texts.filter((t) => t !== null).length >= 45);
    assert.deepEqual(await read(3), one);
  });

  it('a colorbar whose ends are triangles (extend): the cells in their colours are said to hold the end or past it', async () => {
    const { readHeatmap } = await import('../../src/io/read-image.ts');
    const name = 'seaborn-extend-both-6x8';
    const e = JSON.parse(readFileSync(join(FIX, `${name}.json`), 'utf8'));
    const r = await readHeatmap(readFileSync(join(FIX, `${name}.png`)), name);
    const drawn: number[] = e.values.flat();
    // Read as the ends, within the uncertainty; counted as the data has them past the range.
    const v = r.grid.panels[0]!.values;
    drawn.forEach((x, i) => {
      const shown = Math.max(-1, Math.min(1, x));
      assert.ok(Math.abs(v[i]! - shown) <= r.uncertainty, `cell ${i}: ${v[i]} for ${x}`);
    });
    assert.deepEqual(r.beyond, {
      low: drawn.filter((x) => x < -1).length,
      high: drawn.filter((x) => x > 1).length,
    });
    assert.deepEqual(r.beyond, { low: 5, high: 8 });
    assert.match(
      r.grid.origin ?? '',
      /8 cells in the colour of its high end are read as 1\.0\d and may hold more; 5 cells in the colour of its low end are read as -1\.0\d and may hold less\.$/,
    );
    assert.ok(r.warnings.some((w) => w.startsWith("the colorbar's ends are triangles")));
    // A level colorbar with its high end alone extended, outlined (matplotlib's own), its
    // tick labels side by side (each was read as a digit apart: "-1.00" has gaps between
    // its glyphs): the values past its high end said, and those under its square low end
    // (vmin=-1, five cells from -1.657 to -1.075, drawn in its colour without a triangle).
    const lname = 'matplotlib-extend-max-level-6x8';
    const level = await readHeatmap(readFileSync(join(FIX, `${lname}.png`)), lname);
    assert.deepEqual(level.ticks, [-1, -0.75, -0.5, -0.25, 0, 0.25, 0.5, 0.75, 1]);
    const lv = level.grid.panels[0]!.values;
    drawn.forEach((x, i) => {
      const shown = Math.max(-1, Math.min(1, x));
      assert.ok(
        Math.abs(lv[i]! - shown) <= level.uncertainty,
        `level cell ${i}: ${lv[i]} for ${x}`,
      );
    });
    assert.deepEqual(level.beyond, { low: 5, high: 8 });
    // Square ends, with an outline (matplotlib) or without (seaborn): not triangles.
    for (const plain of ['matplotlib-imshow-magma-9x12', 'seaborn-viridis-6x8'])
      assert.deepEqual(readPositions(readFileSync(join(FIX, `${plain}.png`)), plain).extend, {
        low: false,
        high: false,
      });
  });

  it('a label that is a sign, turned a quarter up, is not read as what it looks like level', async () => {
    const { readHeatmap } = await import('../../src/io/read-image.ts');
    const r = await readHeatmap(readFileSync(join(FIX, 'seaborn-sign-labels-4x3.png')), 's.png');
    const rows = r.grid.panels[0]!.rowLabels;
    // Seaborn's "=" turned up reads "Il" level (84% sure) and "=" turned (96%): the surer
    // is a sign, and a sign is not taken (seed-001's "u" and ">" read "=" so): its position.
    assert.deepEqual([rows[0], rows[2]], ['0', '2']);
    assert.equal(rows[1], 'x');
    // Letters of one character read as letters of another height at the tick labels' size
    // ("a" read "d" 85% sure, "c" read "C" 73%): not read.
    r.grid.colLabels.forEach((l, j) => {
      assert.ok(l === ['a', 'b', 'c'][j] || l === String(j), `${l} for ${['a', 'b', 'c'][j]}`);
    });
  });

  it('reads column labels turned 45°, anchored at their ends or centred under their columns', async () => {
    const { readHeatmap } = await import('../../src/io/read-image.ts');
    const end = await readHeatmap(
      readFileSync(join(FIX, 'seaborn-labels-45-end-5x6.png')),
      'e.png',
    );
    assert.deepEqual(end.grid.colLabels, [
      'arith',
      'reading',
      'science',
      'logic',
      'coding',
      'trivia',
    ]);
    const mid = await readHeatmap(
      readFileSync(join(FIX, 'seaborn-labels-45-middle-4x7.png')),
      'm.png',
    );
    const want = ['accuracy', 'f1_macro', 'recall', 'precision', 'auroc', 'brier', 'ece'];
    // Each read as printed, or not read (its position): never another text.
    mid.grid.colLabels.forEach((l, j) => {
      assert.ok(l === want[j] || l === String(j), `${l} for ${want[j]}`);
    });
    // Its row "k1", turned up, read "2": not as high as "k" at the tick labels' size.
    assert.ok(
      ['k1', '0'].includes(mid.grid.panels[0]!.rowLabels[0]!),
      mid.grid.panels[0]!.rowLabels[0],
    );
    assert.ok(
      mid.grid.colLabels.filter((l, j) => l === want[j]).length >= 6,
      mid.grid.colLabels.join(' '),
    );
  });

  it('reads words parted by spaces and joined by underscores (read as spaces) as printed', async () => {
    const { readHeatmap } = await import('../../src/io/read-image.ts');
    const r = await readHeatmap(readFileSync(join(FIX, 'seaborn-label-words-4x3.png')), 'w.png');
    assert.deepEqual(r.grid.panels[0]!.rowLabels, [
      'base model',
      'neg_facts',
      'long range',
      'sp_en_trans',
    ]);
    // "t_g" was read "tg", narrower than its ink, and not taken: the underscore its ink shows
    // (a run along the foot, nothing above it) is put back.
    assert.deepEqual(r.grid.colLabels, ['t_g', 'no gap', 'd_LR']);
  });

  it('reads numbers printed with significant digits (scikit-learn’s .2g) as printed, each good to half its own last digit', async () => {
    // ConfusionMatrixDisplay of a normalised matrix prints 0.84, 0.054 and 0.8 side by side.
    // Written with the most decimals (0.800) and said to be good to ±0.0005, the 0.8 claimed
    // two digits it does not have.
    const { gridCsv, readHeatmap } = await import('../../src/io/read-image.ts');
    const name = 'sklearn-confusion-normalized-4x4';
    const e = JSON.parse(readFileSync(join(FIX, `${name}.json`), 'utf8'));
    const r = await readHeatmap(readFileSync(join(FIX, `${name}.png`)), 's.png');
    const printed = (e.printed as string[][]).flat();
    assert.deepEqual(Array.from(r.grid.panels[0]!.values), printed.map(Number));
    assert.equal(r.format, '.2g');
    assert.equal(r.uncertainty, 0.05);
    const csv = gridCsv(r).trim().split('\n');
    assert.deepEqual(
      csv.slice(1).map((l) => l.split(',').slice(1)),
      e.printed,
    );
    assert.match(
      r.grid.origin!,
      /good to within half its last digit printed \(±0\.00050 to ±0\.050\)/,
    );
  });

  it('writes the CSV as pandas does: the rows’ title in the corner, a label with a comma quoted, missing cells empty', async () => {
    // A Styler table with its index named "model" and two NaN scores: the corner had been
    // empty (pandas writes the index's name there), and a label with a comma (pandas'
    // intervals, "(0.5, 1.0]") was written bare, splitting its row.
    const { gridCsv, readHeatmap } = await import('../../src/io/read-image.ts');
    const name = 'styler-jupyter-index-name-nan-5x4';
    const r = await readHeatmap(readFileSync(join(FIX, `${name}.png`)), 't.png');
    const csv = gridCsv(r).trim().split('\n');
    assert.equal(csv[0], 'model,bleu,chrf,ter,comet');
    assert.equal(csv[2], 'mistral,0.95,0.67,,0.51');
    const p = r.grid.panels[0]!;
    const rowLabels = p.rowLabels.map((_, i) => `(${i}, ${i + 1}]`);
    const intervals = {
      ...r,
      ylabel: 'say "x"',
      grid: { ...r.grid, panels: [{ ...p, rowLabels }] },
    };
    const lines = gridCsv(intervals).trim().split('\n');
    assert.equal(lines[0], '"say ""x""",bleu,chrf,ter,comet');
    assert.equal(lines[1], '"(0, 1]",0.21,0.25,0.62,0.31');
  });

  it('says a number printed in exponent notation is good to half its last digit, tens or more', async () => {
    // ConfusionMatrixDisplay of counts averaged over folds prints 199.4 as "2e+02" (.2g): its
    // "e+02" had counted as five decimals, and every value was said good to ±1.6.
    const { readHeatmap } = await import('../../src/io/read-image.ts');
    const { printedDecimals } = await import('../../src/read/annotations.ts');
    assert.deepEqual(
      ['2e+02', '1.1e+02', '1.5e-03', '-3e+01', '0.84', '12.5%'].map(printedDecimals),
      [-2, -1, 4, -1, 2, 3],
    );
    const name = 'sklearn-confusion-floats-3x3';
    const e = JSON.parse(readFileSync(join(FIX, `${name}.json`), 'utf8'));
    const r = await readHeatmap(readFileSync(join(FIX, `${name}.png`)), 'f.png');
    const got = r.grid.panels[0]!.values;
    assert.equal(got[0], 200);
    assert.equal(got[8], 110);
    assert.ok(r.uncertainty >= 50, `${r.uncertainty}`);
    (e.values as number[][]).flat().forEach((v, i) => {
      assert.ok(Math.abs(got[i]! - v) <= r.uncertainty, `cell ${i}: ${got[i]} for ${v}`);
    });
  });

  it('reads the column labels above the axis’s title (scikit-learn’s ConfusionMatrixDisplay)', async () => {
    // "Predicted label" stands 5 blank rows under "cat dog bird fish" at 100 dpi: read as one
    // band with them, "dog" and "bird" above the title were not read.
    const { readHeatmap } = await import('../../src/io/read-image.ts');
    const name = 'sklearn-confusion-named-4x4';
    const e = JSON.parse(readFileSync(join(FIX, `${name}.json`), 'utf8'));
    const r = await readHeatmap(readFileSync(join(FIX, `${name}.png`)), 'n.png');
    assert.deepEqual(r.grid.colLabels, e.labels);
    assert.deepEqual(r.grid.panels[0]!.rowLabels, e.labels);
    assert.deepEqual(Array.from(r.grid.panels[0]!.values), e.values.flat());
  });

  it('reads a DataFrame’s names, letters and a number with no space between, as printed, at 72 dpi in PNG and JPEG', async () => {
    // Text recognition read "gene1" as "genel", "gene4" "gened", "s2" "52" (every "s" of
    // the axis a "5"), "s0" "sO": the number after a prefix the others share is read again
    // alone, and a first glyph lower than a digit is a letter.
    const { readHeatmap } = await import('../../src/io/read-image.ts');
    const name = 'seaborn-named-72dpi-5x10';
    const e = JSON.parse(readFileSync(join(FIX, `${name}.json`), 'utf8'));
    for (const ext of ['png', 'jpg']) {
      const r = await readHeatmap(readFileSync(join(FIX, `${name}.${ext}`)), `${name}.${ext}`);
      assert.deepEqual(r.grid.panels[0]!.rowLabels, e.rows, ext);
      assert.deepEqual(r.grid.colLabels, e.cols, ext);
    }
  });

  it('reads matplotlib’s imshow with its origin at the foot as shown, each row with its number', async () => {
    // Numbered axes, a digit a label: their boxes are as tall as the line of labels, their ink
    // a glyph, read in pixel blocks ("0" and "3", scaled up smoothly, were read "o" and "w").
    const { readHeatmap } = await import('../../src/io/read-image.ts');
    const name = 'matplotlib-imshow-lower-6x8';
    const e = JSON.parse(readFileSync(join(FIX, `${name}.json`), 'utf8'));
    const r = await readHeatmap(readFileSync(join(FIX, `${name}.png`)), name);
    assert.deepEqual(r.grid.panels[0]!.rowLabels, e.rows);
    assert.deepEqual(r.grid.colLabels, e.cols);
    const want: number[] = e.values.flat();
    Array.from(r.grid.panels[0]!.values).forEach((v, i) => {
      assert.ok(Math.abs(v - want[i]!) <= r.uncertainty, `cell ${i}: ${v} for ${want[i]}`);
    });
  });

  it('reads column labels above the grid, under a title; labels that overlap are not read', async () => {
    const { readHeatmap } = await import('../../src/io/read-image.ts');
    // ax.xaxis.tick_top() (seed-002's and seed-004's), "Scores by run" above them.
    let e = JSON.parse(readFileSync(join(FIX, 'seaborn-top-labels-5x4.json'), 'utf8'));
    let r = await readHeatmap(readFileSync(join(FIX, 'seaborn-top-labels-5x4.png')), 'top.png');
    assert.deepEqual(r.grid.colLabels, e.cols);
    assert.deepEqual(Array.from(r.grid.panels[0]!.values), e.values.flat());
    // Said where the image has them, and drawn there again.
    const { colorsOf } = await import('../../src/io/read-image.ts');
    const { describeFile } = await import('../../src/node.ts');
    assert.equal(colorsOf(r).xaxis, 'top');
    const md = describeFile({ ...colorsOf(r) } as Spec, { grid: r.grid }).description.markdown;
    assert.match(md, /- \*\*Columns\*\*, labelled above the grid: 4 labels: `accuracy`/);
    // Level labels wider than their columns, run into each other: "-4 =" and "($85 -" were
    // read for "6 - 4 = 2" and "$35 ($85 - $50)". None is read; each is its position.
    e = JSON.parse(readFileSync(join(FIX, 'seaborn-overlapping-labels-4x5.json'), 'utf8'));
    r = await readHeatmap(readFileSync(join(FIX, 'seaborn-overlapping-labels-4x5.png')), 'o.png');
    assert.deepEqual(r.grid.colLabels, ['0', '1', '2', '3', '4']);
  });

  it('does not make words that share their first letters into a prefix and numbers', async () => {
    // "cat", "car" and "cab" share "ca": their last letters are not digits read alone, and
    // are neither taken for digits nor dropped.
    const { readHeatmap } = await import('../../src/io/read-image.ts');
    const cols = ['cat', 'car', 'cab', 'dog'];
    const png = (await outputBytes(
      renderSpec(
        {
          data: {
            values: [
              [1, 2, 3, 4],
              [4, 3, 2, 1],
              [2, 2, 3, 3],
            ],
            rows: ['a', 'b', 'c'],
            cols,
          },
        } as Spec,
        { format: 'png' },
      ),
      'png',
    )) as Uint8Array;
    const r = await readHeatmap(png, 'words.png');
    for (const l of r.grid.colLabels) assert.doesNotMatch(l, /^ca\d+$/, r.grid.colLabels.join(' '));
    assert.ok(
      r.grid.colLabels.filter((l, j) => l === cols[j]).length >= 3,
      r.grid.colLabels.join(' '),
    );
  });

  it('reads a label as the prefix the others share only where its ink begins as theirs does', async () => {
    const { readHeatmap } = await import('../../src/io/read-image.ts');
    const name = 'seaborn-mixed-labels-6x8';
    const e = JSON.parse(readFileSync(join(FIX, `${name}.json`), 'utf8'));
    const r = await readHeatmap(readFileSync(join(FIX, `${name}.png`)), name);
    assert.deepEqual(r.grid.panels[0]!.rowLabels, e.rows);
    const cols = r.grid.colLabels;
    // "s0" to "s12" as printed; "t3" and "a5" are not made "s" and a number, nor misread:
    // "t3", its t and 3 joined by the rims the smoothing leaves, had been read "2", 70% sure
    // (its ink shows two glyphs apart at its ink's level).
    const unread = r.grid.unreadLabels?.cols ?? [];
    e.cols.forEach((want: string, j: number) => {
      if (want.startsWith('s')) assert.equal(cols[j], want, `column ${j}`);
      else assert.ok(cols[j] === want || unread.includes(j), `column ${j}: ${cols[j]} for ${want}`);
    });
  });

  it('gives a row the label at its centre, not those at its edges (matplotlib’s imshow of 4 rows)', async () => {
    // matplotlib marks the rows of a 4-row imshow at -0.5, 0.0, 0.5, ... 3.5: three labels
    // beside each row, read as one, so that no row had a label. Its columns are marked every
    // fifth (0, 5, ... 30), the others given by their sequence.
    const { readHeatmap } = await import('../../src/io/read-image.ts');
    const png = readFileSync(join(FIX, 'matplotlib-imshow-blues-4x33.png'));
    const r = await readHeatmap(png, 'b.png');
    assert.deepEqual(r.grid.panels[0]!.rowLabels, ['0.0', '1.0', '2.0', '3.0']);
    assert.deepEqual(
      r.grid.colLabels,
      Array.from({ length: 33 }, (_, j) => String(j)),
    );
  });

  it('reads the axes’ labels: level and turned a quarter up, each given to its row or column', async () => {
    const { readHeatmap } = await import('../../src/io/read-image.ts');
    const rows = ['code-7b', 'chat-13b', 'base-1.3b', 'tiny-125m', 'large-7b'];
    const cols = ['arith-1', 'reading-2', 'science-3', 'logic-1', 'code-2', 'trivia-5', 'arith-4'];
    const values = rows.map((_, i) =>
      cols.map((_, j) => Math.round(((i * 7 + j * 3) % 11) * 9) / 100),
    );
    const spec = { data: { values, rows, cols }, xticklabels: true, yticklabels: true } as Spec;
    const png = (await outputBytes(renderSpec(spec, { format: 'png' }), 'png')) as Uint8Array;
    const r = await readHeatmap(png, 'named.png');
    const got = [...r.grid.panels[0]!.rowLabels, ...r.grid.colLabels];
    const want = [...rows, ...cols];
    // Each label is read as drawn, or, when it cannot be read, given as its position (and
    // a warning counts those): never another text.
    const positions = [...rows.map((_, i) => String(i)), ...cols.map((_, j) => String(j))];
    got.forEach((l, i) => {
      assert.ok(l === want[i] || l === positions[i], `${l} for ${want[i]}`);
    });
    assert.ok(got.filter((l, i) => l === want[i]).length >= 0.9 * want.length, got.join(' '));
    // The numbered axes of seaborn's and matplotlib's images are read as their numbers.
    for (const name of ['seaborn-viridis-6x8', 'matplotlib-imshow-magma-9x12']) {
      const m = await readHeatmap(readFileSync(join(FIX, `${name}.png`)), name);
      assert.deepEqual(
        m.grid.colLabels,
        m.grid.colLabels.map((_, j) => String(j)),
        name,
      );
      assert.deepEqual(
        m.grid.panels[0]!.rowLabels,
        m.grid.panels[0]!.rowLabels.map((_, i) => String(i)),
        name,
      );
    }
  });

  it('reads labels as seaborn lays them out: every other row turned up, marks a pixel out and beside the centres, names of two words', async () => {
    const { readHeatmap } = await import('../../src/io/read-image.ts');
    // 40 rows at 100 dpi: "0", "2", ... "38" turned up, a mark at each; its 8 columns
    // numbered. Before, "20" to "28" were read as halves in two rows, and no column label
    // was read (each read with its mark, as a dash).
    const n = await readHeatmap(
      readFileSync(join(FIX, 'seaborn-numbered-40x8.png')),
      'numbered.png',
    );
    assert.deepEqual(
      n.grid.panels[0]!.rowLabels,
      Array.from({ length: 40 }, (_, i) => String(i)),
    );
    // The odd rows carry no label: they are positions, and said to have none shown (not to
    // have been misread).
    assert.deepEqual(
      n.grid.blankLabels?.rows,
      Array.from({ length: 20 }, (_, i) => 2 * i + 1),
    );
    assert.deepEqual(n.grid.blankLabels?.cols, []);
    assert.equal(n.grid.unreadLabels, undefined);
    assert.ok(
      n.grid.notes!.includes(
        '20 of the 48 rows and columns have no label shown in the image: they are given as positions (0 is the first)',
      ),
      n.grid.notes!.join('\n'),
    );
    assert.deepEqual(n.grid.colLabels, ['0', '1', '2', '3', '4', '5', '6', '7']);
    // "layer 0" ... "layer 6": their spaces in one column on every row parted the block, and
    // only "0" to "6" were read. Now the words with them; "layer 0", read "layer O" (a digit
    // after a word read as the letter it looks like), is given by the sequence of the others.
    const l = await readHeatmap(readFileSync(join(FIX, 'seaborn-layers-7x4.png')), 'layers.png');
    const want = Array.from({ length: 7 }, (_, i) => `layer ${i}`);
    assert.deepEqual(l.grid.panels[0]!.rowLabels, want);
    assert.deepEqual(l.grid.colLabels, ['arith', 'reading', 'science', 'logic']);
    // 72 dpi: "6", "8" and "9" read as "on", "B" and "g" (or not read) are given by the others.
    for (const ext of ['png', 'jpg']) {
      const name = 'seaborn-coolwarm-annot-72dpi-5x10';
      const c = await readHeatmap(readFileSync(join(FIX, `${name}.${ext}`)), `${name}.${ext}`);
      const digits = (n: number) => Array.from({ length: n }, (_, i) => String(i));
      assert.deepEqual(c.grid.panels[0]!.rowLabels, digits(5), ext);
      assert.deepEqual(c.grid.colLabels, digits(10), ext);
      assert.ok(
        c.grid.notes?.some((n) =>
          /axis labels? (was|were) not read clearly and (is|are) given by the sequence/.test(n),
        ),
        ext,
      );
    }
  });

  it('reads the rest of an axis’s labels the way its first ones agree on, and as numbers where they are numbers (numbered labels, a digit or two, were each read both ways as text and as numbers)', async () => {
    const { numberRecognizer } = await import('../../src/io/ocr.ts');
    const { readValues } = await import('../../src/read/read.ts');
    const ocr = await numberRecognizer();
    try {
      let lines = 0;
      const r = await readValues(readFileSync(join(FIX, 'seaborn-numbered-40x8.png')), {
        ...ocr,
        recognizeText: (rgba, w, h) => {
          lines++;
          return ocr.recognizeText(rgba, w, h);
        },
      });
      assert.deepEqual(
        r.labels?.rows,
        Array.from({ length: 40 }, (_, i) => (i % 2 ? null : String(i))),
      );
      assert.deepEqual(r.labels?.cols, ['0', '1', '2', '3', '4', '5', '6', '7']);
      // 20 row labels turned up and 8 column labels level: the first four of each axis read
      // both ways as text (56 readings before: all both ways), the others, numbers like them,
      // one way and as numbers alone.
      assert.equal(lines, 4 * 2 + 4 * 2);
    } finally {
      await ocr.close();
    }
  });

  it('describes an image without a colorbar without naming a colormap it does not show', async () => {
    // matplotlib's gallery figure (viridis, no colorbar) was described as in heatfig's own
    // default, "the `rocket` colormap, linear from 0.0 to 6.3, shown as a colorbar at the right".
    const { readHeatmap, colorsOf } = await import('../../src/io/read-image.ts');
    const { describeFile } = await import('../../src/node.ts');
    const { checkClaims } = await import('../../src/describe/check.ts');
    const r = await readHeatmap(
      readFileSync(join(FIX, 'matplotlib-gallery-annot-7x7.png')),
      'gallery.png',
    );
    const d = describeFile({ ...colorsOf(r) } as Spec, { grid: r.grid });
    const md = d.description.markdown;
    assert.match(
      md,
      /- \*\*Colour scale\*\*: not read: the image shows no colorbar, so which colours stand for which values is not known\./,
    );
    assert.doesNotMatch(md, /rocket|shown as a colorbar/);
    assert.deepEqual(checkClaims(d.figure.grid, d.description.claims), { failures: [], ok: true });
  });

  it('reads no number wrong in a JPEG with no colorbar to check the numbers by: a lost point or a minus the ink does not show is weighed by the digits’ width', async () => {
    // matplotlib's gallery figure as a JPEG at quality 75: white numbers over its pale cells
    // were read "51" for 5.1 (written 51.0) and "-3" for 6.3 (written -3.0), with no warning:
    // the digits of "51" span as wide as every d.d's, and "3" alone as narrow as no number.
    const { readHeatmap } = await import('../../src/io/read-image.ts');
    const e = JSON.parse(readFileSync(join(FIX, 'matplotlib-gallery-annot-7x7.json'), 'utf8'));
    const r = await readHeatmap(
      readFileSync(join(FIX, 'matplotlib-gallery-annot-7x7.jpg')),
      'gallery.jpg',
    );
    const want: number[] = e.values.flat();
    const got = Array.from(r.grid.panels[0]!.values);
    const wrong = got.flatMap((v, i) =>
      v === v && v !== want[i] ? [`${i}: ${v} for ${want[i]}`] : [],
    );
    assert.deepEqual(wrong, []);
    const unread = got.filter((v) => v !== v).length;
    assert.ok(unread <= 2, `${unread} unread`);
    if (unread)
      assert.ok(
        r.warnings.some((w) => /could not be read: with no colour scale to read/.test(w)),
        r.warnings.join('; '),
      );
  });

  it('describes an image: where the values came from, its colormap named, no number finer than was read, every claim checked', async () => {
    const { readHeatmap, colorsOf } = await import('../../src/io/read-image.ts');
    const { describeFile } = await import('../../src/node.ts');
    const { checkClaims } = await import('../../src/describe/check.ts');
    const r = await readHeatmap(
      readFileSync(join(FIX, 'seaborn-viridis-6x8.png')),
      'seaborn-viridis-6x8.png',
    );
    assert.equal(r.cmap, 'viridis');
    const d = describeFile({ ...colorsOf(r) } as Spec, { grid: r.grid });
    const md = d.description.markdown;
    assert.match(
      md,
      /- \*\*Data\*\*: Read from the pixels of seaborn-viridis-6x8\.png by heatfig: .* every value is good to within ±0\.00\d+ and is written with 3 decimals, no finer, except that values past the colorbar's range are drawn in its end's colour: 1 cell in the colour of its high end is read as 0\.986 and may hold more; 1 cell in the colour of its low end is read as 0\.008 and may hold less\./,
    );
    assert.match(
      md,
      /the `viridis` colormap, linear from 0\.007 to 0\.986, shown as a colorbar at the right\./,
    );
    assert.doesNotMatch(md, /triangles/);
    // No number with more decimals than were read (three: ±0.007; labels are whole numbers here).
    assert.doesNotMatch(md.replace(/±0\.\d+/, ''), /\d\.\d{4,}/);
    assert.deepEqual(checkClaims(d.figure.grid, d.description.claims), { failures: [], ok: true });
    // The colormaps of the other images are told too.
    for (const [name, cmap] of [
      ['seaborn-rocket-11x4', 'rocket'],
      ['matplotlib-imshow-magma-9x12', 'magma'],
    ])
      assert.equal((await readHeatmap(readFileSync(join(FIX, `${name}.png`)), name)).cmap, cmap);
  });

  it('heatfig describe refuses, in one line, an image no value could be read from', async () => {
    // matplotlib's colorbar with its tick labels taken off, no numbers over the cells: the
    // description had said every cell missing and shown a colorbar of heatfig's own.
    const { spawnSync } = await import('node:child_process');
    const bin = join(ROOT, 'bin/heatfig.cjs');
    const img = join(FIX, 'matplotlib-colorbar-unticked-6x7.png');
    for (const args of [
      ['describe', img],
      ['render', img, '-o', '-', '--format', 'svg'],
    ]) {
      const r = spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8' });
      assert.equal(r.status, 2, r.stderr);
      assert.equal(r.stdout, '');
      assert.match(
        r.stderr,
        /^heatfig: error: .*unticked-6x7\.png: no value could be read: the colorbar's tick labels could not be read and no numbers are printed over its 6×7 cells, so what their colours stand for is not known; heatfig read writes their shape and labels\n$/,
      );
    }
    // The library's own: the grid readHeatmap gives (its shape and labels) is refused when
    // described or drawn by a user's code as the CLI would.
    const { readHeatmap, colorsOf } = await import('../../src/io/read-image.ts');
    const got = await readHeatmap(readFileSync(img), 'unticked.png');
    assert.equal(got.grid.panels[0]!.values.length, 42);
    assert.deepEqual(got.grid.valuesUnread, { source: 'unticked.png', colorbar: true });
    // The core's too (heatfig's render and describeSpec, as a browser's code would call them):
    // they had drawn its cells missing under a colorbar of heatfig's own.
    const core = await import('../../src/pipeline.ts');
    for (const call of [
      () => describeFile({ ...colorsOf(got) } as Spec, { grid: got.grid }),
      () => renderSpec({ ...colorsOf(got) } as Spec, { grid: got.grid }),
      () => core.render({ ...colorsOf(got) } as Spec, { grid: got.grid }),
      () => core.describeSpec({ ...colorsOf(got) } as Spec, { grid: got.grid }),
      () => core.render({ ...colorsOf(got) } as Spec, { grid: got.grid, format: 'png' }),
    ])
      assert.throws(call, (e: Error & { code?: string }) => {
        assert.equal(e.code, 'no-values');
        assert.match(
          e.message,
          /^unticked\.png: no value could be read: the colorbar.s tick labels/,
        );
        return true;
      });
  });

  it('heatfig read writes the grid as pandas reads it, and refuses what is not a heatmap in one line', async () => {
    const { spawnSync } = await import('node:child_process');
    const { tempDir } = await import('../helpers.ts');
    const dir = tempDir('heatfig-read-');
    const bin = join(ROOT, 'bin/heatfig.cjs');
    const run = (...a: string[]) =>
      spawnSync(process.execPath, [bin, ...a], { cwd: dir, encoding: 'utf8' });
    const r = run('read', join(FIX, 'seaborn-viridis-6x8.png'), '-o', 'grid.csv');
    assert.equal(r.status, 0, r.stderr);
    const e = JSON.parse(readFileSync(join(FIX, 'seaborn-viridis-6x8.json'), 'utf8'));
    const lines = readFileSync(join(dir, 'grid.csv'), 'utf8').trim().split('\n');
    assert.equal(lines[0], ',0,1,2,3,4,5,6,7');
    assert.equal(lines.length, 7);
    lines.slice(1).forEach((l, i) => {
      const cells = l.split(',');
      assert.equal(cells[0], String(i));
      cells.slice(1).forEach((c, j) => {
        // Written to 0.001 (the place of ±0.007's first digit): within the uncertainty said,
        // the reading's and the rounding's (it had been written to 0.01, off by up to 0.012
        // where ±0.007 was said).
        assert.match(c, /^\d\.\d\d\d$/);
        assert.ok(
          Math.abs(Number(c) - e.values[i][j]) <= 0.008,
          `${i},${j}: ${c} ≠ ${e.values[i][j]}`,
        );
      });
    });
    assert.match(
      r.stderr,
      /^heatfig: warning: the values were read from the image's colours, each to within ±0\.00\d+ \(written with 3 decimals\)/m,
    );
    // The data's largest and smallest are the colorbar's ends (its default range): drawn in
    // the ends' colours, as values past them would be.
    assert.match(
      r.stderr,
      /^heatfig: warning: values past the colorbar's range are drawn in its end's colour: 1 cell in the colour of its high end is read as 0\.986 and may hold more; 1 cell in the colour of its low end is read as 0\.008 and may hold less$/m,
    );
    const bad = run('read', join(ROOT, 'README.md'), '-o', 'x.csv');
    assert.equal(bad.status, 2);
    assert.match(
      bad.stderr,
      /^heatfig: error: .*README\.md: not a PNG or JPEG image \(its first bytes are neither signature\); give a \.png or a \.jpg\n$/,
    );
    const fmt = run('read', join(FIX, 'seaborn-viridis-6x8.png'), '-o', 'x.txt');
    assert.equal(fmt.status, 2);
    assert.match(fmt.stderr, /^heatfig: error: -o: heatfig read writes \.csv or \.json/);
    // A PDF on a machine without poppler: one line saying what to install, no file written.
    const pdf = join(FIX, 'seaborn-corr-annot-7x7.pdf');
    const bare = spawnSync(process.execPath, [bin, 'read', pdf, '-o', 'p.csv'], {
      cwd: dir,
      encoding: 'utf8',
      env: { ...process.env, PATH: '' },
    });
    assert.equal(bare.status, 2);
    assert.match(
      bare.stderr,
      /^heatfig: error: .*\.pdf: a PDF is read through poppler's pdfinfo, which this machine lacks; install poppler-utils, or give a PNG or JPEG of the figure\n$/,
    );
    assert.ok(!existsSync(join(dir, 'p.csv')));
    const page = run('read', pdf, '--page', '0', '-o', 'p.csv');
    assert.equal(page.status, 2);
    assert.match(
      page.stderr,
      /^heatfig: error: --page: 0 is out of range; give --page a whole number from 1 up to 100,000\n$/,
    );
    const png = run('describe', join(FIX, 'seaborn-viridis-6x8.png'), '--page', '2');
    assert.equal(png.status, 2);
    assert.match(png.stderr, /--page: a page is chosen only in a PDF; give it without --page\n$/);
    const csv = run(
      'describe',
      join(ROOT, 'test/fixtures/read/seaborn-viridis-6x8.json'),
      '--page',
      '2',
    );
    assert.equal(csv.status, 2);
    assert.match(csv.stderr, /--page: a page is chosen only in a PDF; give it without --page\n$/);
  });
});

describe('significantFormat', () => {
  it('is .Ng where N significant digits print every number as read, else null', async () => {
    const { significantFormat } = await import('../../src/read/read.ts');
    assert.equal(significantFormat(['0.84', '0.054', '0.8', '0.1', '-0.66']), '.2g');
    assert.equal(significantFormat(['12', '0.5', '3.4']), '.2g');
    assert.equal(significantFormat(['0.123', '1.5']), '.3g');
    // A trailing zero after the point is not .g's, nor an exponent; a whole number longer
    // than the digits would be printed with an exponent.
    assert.equal(significantFormat(['0.50', '0.5']), null);
    assert.equal(significantFormat(['1e-05', '0.5']), null);
    assert.equal(significantFormat(['1234', '0.5']), '.4g');
    assert.equal(significantFormat(['120', '0.5']), '.3g');
    assert.equal(significantFormat(['abc']), null);
  });
});

describe('printedFormatOf', () => {
  it('is the format every number was printed in: fixed decimals, percentages, an exponent, significant digits', async () => {
    const { printedFormatOf } = await import('../../src/read/read.ts');
    assert.equal(printedFormatOf(['0.12', '0.50', '-0.03'], 2), '.2f');
    // Percentages: the values' decimals less two (seaborn's fmt='.0%' and '.1%').
    assert.equal(printedFormatOf(['47%', '3%', '100%'], 2), '.0%');
    assert.equal(printedFormatOf(['47.5%', '3.0%'], 3), '.1%');
    // Not every one a percentage: the decimals alone.
    assert.equal(printedFormatOf(['47%', '0.03'], 2), '.2f');
    // An exponent of one mantissa's decimals (fmt='.1e'), each value its own decimals.
    assert.equal(printedFormatOf(['3.3e-04', '1.2e-02', '-7.0e+01'], null), '.1e');
    assert.equal(printedFormatOf(['3.3e-04', '1.25e-02'], null), null);
    assert.equal(printedFormatOf(['0.84', '0.054', '0.8'], null), '.2g');
  });
});

describe("the line through a colorbar's labels (fitTicks)", () => {
  it('takes, of lines through as many labels, the one running the way the bar runs', () => {
    // A level bar's "-2", "0", "2" read "2", "0", "2": a falling line through the first two,
    // a rising one through the last two. Values run to the right along a level bar (rise 1)
    // and up a vertical one, where places grow downwards (rise -1).
    const ticks = [
      { pos: 10, value: 2 },
      { pos: 50, value: 0 },
      { pos: 90, value: 2 },
    ];
    assert.ok(fitTicks(ticks, 1)!.b > 0);
    assert.ok(fitTicks(ticks, -1)!.b < 0);
    // Two labels of one value are no line: the others' is found (it had been none).
    const same = [
      { pos: 10, value: 2 },
      { pos: 50, value: 2 },
      { pos: 90, value: 4 },
    ];
    assert.deepEqual(fitTicks(same, 1)?.used, 2);
  });

  it('is the line through every label where they all lie on one, either way told', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -50, max: 50 }),
        fc.integer({ min: 1, max: 20 }),
        fc.boolean(),
        fc.integer({ min: 2, max: 8 }),
        (a, step, up, n) => {
          const b = (up ? 1 : -1) * step;
          const ticks = Array.from({ length: n }, (_, i) => ({ pos: 10 * i, value: a + b * i }));
          for (const rise of [0, 1, -1]) {
            const f = fitTicks(ticks, rise)!;
            if (f.used !== n || Math.abs(f.b - b / 10) > 1e-9) return false;
          }
          return true;
        },
      ),
    );
  });
});

describe('a colorbar label misread in one character', () => {
  it('is told from a scale that is not linear by its value on the line through the others', () => {
    // A 200-dpi JPEG's 0.75 at the top of a bar read "4.75": the bar had been taken for a
    // power norm's, and no cell given a value.
    assert.equal(oneCharOff(4.75, 0.75), true);
    assert.equal(oneCharOff(-0.35, -0.25), true);
    assert.equal(oneCharOff(10, 40.0000001), true);
    // (A TwoSlopeNorm bar's -1 where the line through its upper half says -4 is one
    // character off too: its two lines are looked for first.)
    assert.equal(oneCharOff(-1, -10), false);
    assert.equal(oneCharOff(0.25, 0.04), false);
    assert.equal(oneCharOff(15, 1.5), false);
  });

  it('is never the line’s own value', () => {
    fc.assert(
      fc.property(fc.integer({ min: -9999, max: 9999 }), fc.integer({ min: 0, max: 3 }), (n, d) => {
        const v = n / 10 ** d;
        assert.equal(oneCharOff(v, v), false);
      }),
    );
  });
});

describe('labels flush with a colorbar’s ends (Vega’s legends)', () => {
  /** A label of `value` at `pos`, its ink `h` px along the bar: centred, or from `lo`. */
  const label = (value: number, pos: number, h: number, lo = pos - h / 2): PlacedLabel => ({
    value,
    pos,
    lo,
    hi: lo + h,
  });

  it('places flush end labels at the ends, by the line through the others', () => {
    // A bar from 21 to 221 over [-1, 1]: 1.0 hangs from its top, -1.0 stands on its foot.
    const ls = [
      label(1, 25, 8, 21),
      label(0.5, 70, 8),
      label(0, 120, 8),
      label(-0.5, 170, 8),
      label(-1, 215, 8, 211),
    ];
    assert.equal(flushEnds(ls, 21, 221), false);
    assert.deepEqual(
      ls.map((l) => l.pos),
      [21, 70, 120, 170, 221],
    );
  });

  it('places two end labels alone at the ends, and says they are rounded', () => {
    const ls = [label(3, 25, 8, 21), label(-1, 175, 8, 171)];
    assert.equal(flushEnds(ls, 21, 181), true);
    assert.deepEqual(
      ls.map((l) => l.pos),
      [21, 181],
    );
  });

  it('leaves labels alone where one end’s label is centred on its place (two labels, one flush)', () => {
    const ls = [label(3, 25, 8, 21), label(-1, 181, 8)];
    assert.equal(flushEnds(ls, 21, 181), false);
    assert.deepEqual(
      ls.map((l) => l.pos),
      [25, 181],
    );
  });

  it('never moves labels centred on their places along a linear scale (matplotlib’s, Plotly’s)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 60, max: 600 }),
        fc.integer({ min: 3, max: 9 }),
        fc.integer({ min: 6, max: 30 }),
        fc.double({ min: 0, max: 0.3, noNaN: true }),
        fc.double({ min: 0, max: 0.3, noNaN: true }),
        (len, n, h, a, b) => {
          // n labels evenly spaced from a share `a` of the bar in to a share `b` short of its end.
          const from = 10;
          const to = from + len;
          const first = from + a * len;
          const step = (to - b * len - first) / (n - 1);
          if (step < h + 2) return;
          const ls = Array.from({ length: n }, (_, i) => label(i * 10, first + i * step, h));
          const before = ls.map((l) => l.pos);
          flushEnds(ls, from, to);
          assert.deepEqual(
            ls.map((l) => l.pos),
            before,
          );
        },
      ),
    );
  });
});

describe('tick labels written with an SI prefix (Plotly’s colorbar)', () => {
  it('reads thousands, millions and billions as their numbers, and nothing else as one', () => {
    assert.equal(prefixedNumber('10k'), 10_000);
    assert.equal(prefixedNumber('2.5M'), 2_500_000);
    assert.equal(prefixedNumber('1.1k'), 1100);
    assert.equal(prefixedNumber('\u22125k'), -5000);
    assert.equal(prefixedNumber('1B'), 1e9);
    assert.equal(prefixedNumber('40'), 40);
    for (const t of ['k', '10km', 'loss', '1.2.3k']) assert.equal(prefixedNumber(t), null, t);
  });

  it('reads any number written with k as a thousand times it, exactly as written in decimal', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -99_999, max: 99_999 }),
        fc.integer({ min: 0, max: 2 }),
        (n, d) => {
          const text = (n / 10 ** d).toFixed(d);
          assert.equal(prefixedNumber(`${text}k`), Number(`${text}e3`));
        },
      ),
    );
  });
});

describe('a decimal point a label’s ink shows', () => {
  /** A white image with dark blocks: [x, y, w, h] each. */
  const image = (w: number, h: number, blocks: [number, number, number, number][]) => {
    const rgb = new Uint8Array(w * h * 3).fill(255);
    for (const [bx, by, bw, bh] of blocks)
      for (let y = by; y < by + bh; y++)
        for (let x = bx; x < bx + bw; x++) rgb.fill(40, (y * w + x) * 3, (y * w + x) * 3 + 3);
    return { width: w, height: h, rgb };
  };
  const box = { x0: 0, y0: 0, x1: 20, y1: 10 };

  it('puts back the point between digits read without it', () => {
    // "2", a dot on the foot, "5": read "25".
    const img = image(20, 10, [
      [1, 1, 5, 8],
      [8, 8, 2, 1],
      [12, 1, 5, 8],
    ]);
    assert.equal(pointAsShown(img, box, '25', 25), 2.5);
    // A minus before them: "-2.5" read "-25".
    const signed = image(24, 10, [
      [0, 5, 3, 1],
      [5, 1, 5, 8],
      [12, 8, 2, 1],
      [16, 1, 5, 8],
    ]);
    assert.equal(pointAsShown(signed, { ...box, x1: 24 }, '-25', -25), -2.5);
  });

  it('leaves a number alone where the ink shows no point, or digits other than read', () => {
    const two = image(20, 10, [
      [1, 1, 5, 8],
      [12, 1, 5, 8],
    ]);
    assert.equal(pointAsShown(two, box, '25', 25), 25);
    const dotted = image(20, 10, [
      [1, 1, 5, 8],
      [8, 8, 2, 1],
      [12, 1, 5, 8],
    ]);
    assert.equal(pointAsShown(dotted, box, '250', 250), 250);
    assert.equal(pointAsShown(dotted, box, '2.5', 2.5), 2.5);
    assert.equal(pointAsShown(dotted, box, 'x', null), null);
  });
});

describe('an axis’s marks, some lost', () => {
  it('gives the cells of a grid its marks’ run tiles, both ends on the run’s lattice', () => {
    // Rows 20 px apart from 22 to 262: marks found at 72 to 212 only (a JPEG's blur).
    const marks = [72, 92, 112, 132, 152, 172, 192, 212];
    const t = tickLattice(marks, 22, 263, 400);
    assert.equal(t?.lattice.n, 12);
  });

  it('bridges two marks lost in a row over the grid, not beyond it', () => {
    // Vega's 80 columns of 6.25 px from 40 to 540, a mark at each centre (whole pixels): a
    // JPEG's blur lost two marks together, twice (the chain had broken there).
    const all = Array.from({ length: 80 }, (_, i) => Math.round(40 + 6.25 * (i + 0.5)));
    const marks = all.filter((_, i) => ![30, 31, 61, 62].includes(i));
    const t = tickLattice(marks, 40, 540, 700);
    assert.equal(t?.lattice.n, 80);
    assert.ok(Math.abs(t!.lattice.width - 6.25) < 0.05);
    // Past the grid's end, two lost marks end the run: a mark 3 spaces on is another thing's.
    assert.equal(tickLattice([10, 20, 30, 40, 50, 80], 5, 55, 700)?.lattice.n, 5);
  });

  it('gives none for marks every few cells, nor for a run too short or off the grid’s ends', () => {
    // matplotlib's imshow: a mark every 5 cells of 10 px, at the cells' centres, from 5.
    assert.equal(tickLattice([5, 55, 105, 155], 0, 200, 400), null);
    // Three marks only.
    assert.equal(tickLattice([112, 132, 152], 22, 263, 400), null);
    // The grid's end 7 px off the run's lattice.
    assert.equal(tickLattice([72, 92, 112, 132, 152, 172, 192, 212], 22, 270, 400), null);
  });
});

describe('both ends’ labels flush and one between', () => {
  // Labels 8 px high at their places on a bar from 21 to 141, as flushEnds leaves them.
  const placed = (...labels: [value: number, pos: number][]) => {
    const ls: PlacedLabel[] = labels.map(([value, pos]) => ({
      value,
      pos,
      lo: pos - 4,
      hi: pos + 4,
    }));
    flushEnds(ls, 21, 141);
    return ls.map((l) => l.pos);
  };

  it('places the ends at the bar’s ends where the one between lies on either line (midway)', () => {
    assert.deepEqual(placed([1, 25], [0.5, 80], [0, 135]), [21, 80, 141]);
  });

  it('leaves them where the one between lies on the line through their centres only', () => {
    // 0.2 at 47: a fifth of the way from 25 to 135; from 21 to 141 it would stand at 45.
    assert.deepEqual(placed([0, 25], [0.2, 47], [1, 135]), [25, 47, 135]);
  });
});

describe('a JPEG’s cells told by their lattice over all lines (combLattice)', () => {
  /**
   * n columns about w px wide of colours 3 to 10 levels apart (a smooth field), on 48 lines in
   * four bands of their own colours, each pixel strayed by up to ±6 levels (a JPEG's noise,
   * more than any one edge here stands out of), as a JPEG decodes.
   */
  function noisyColumns(n: number, w: number, seed: number) {
    let s = seed >>> 0 || 1;
    const rand = () => {
      s ^= s << 13;
      s ^= s >>> 17;
      s ^= s << 5;
      return (s >>> 0) / 2 ** 32;
    };
    const width = Math.round(n * w);
    const height = 48;
    const colour = Array.from({ length: 4 }, () => {
      let v = 60 + rand() * 100;
      return Array.from({ length: n }, () => {
        v += (rand() < 0.5 ? -1 : 1) * (3 + rand() * 7);
        return Math.max(20, Math.min(230, v));
      });
    });
    const rgb = new Uint8Array(width * height * 3);
    for (let y = 0; y < height; y++)
      for (let x = 0; x < width; x++) {
        const c = colour[Math.floor(y / 12)]![Math.min(n - 1, Math.floor(x / w))]!;
        for (let k = 0; k < 3; k++)
          rgb[(y * width + x) * 3 + k] = Math.round(
            Math.max(0, Math.min(255, c + (k - 1) * 20 + (rand() * 12 - 6))),
          );
      }
    const img = { width, height, rgb, raw: rgb, noise: 8 };
    return { img, box: { x0: 0, y0: 0, x1: width, y1: height } };
  }

  it('finds the columns or none, never another number of them', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 4, max: 30 }),
        fc.double({ min: 6, max: 24, noNaN: true }),
        fc.integer({ min: 1, max: 2 ** 31 - 1 }),
        (n, w, seed) => {
          const { img, box } = noisyColumns(n, w, seed);
          const l = combLattice(img, box, false);
          if (l) {
            assert.equal(l.n, n, `${n} columns of ${w} px read ${l.n}`);
            assert.ok(Math.abs(l.origin) <= 1.5, `origin ${l.origin}`);
          }
        },
      ),
      { numRuns: 60 },
    );
  });

  // Not where the cells are 8 px, on the JPEG's blocks: their boundaries are taken out with
  // the blocks' seams (2 of these 40; null, then, not a wrong lattice).
  it('finds 8 to 40 columns, 6 to 24 px wide, in nine cases of ten', () => {
    let found = 0;
    for (let i = 0; i < 40; i++) {
      const n = 8 + ((i * 7) % 33);
      const { img, box } = noisyColumns(n, 6 + ((i * 5) % 19), 1000 + i);
      if (combLattice(img, box, false)?.n === n) found++;
    }
    assert.ok(found >= 36, `${found} of 40`);
  });

  // The property's counterexample (CI, 26 columns of 7.96 px read as 13) and others found so:
  // every boundary but the last on a seam of the blocks, taken off with the seams.
  it('gives none, not a lattice of chance, for cells of 8 px on the JPEG’s blocks', () => {
    for (const [n, w, seed] of [
      [26, 7.960000000000001, 76548443],
      [22, 8.01, 427009025],
      [30, 8.02, 1736571905],
      [25, 7.96, 939440897],
    ] as const) {
      const { img, box } = noisyColumns(n, w, seed);
      assert.equal(combLattice(img, box, false), null, `${n} columns of ${w} px`);
    }
  });

  // Another found so: 9 columns of 16 px on the blocks read as 27, their thirds not standing.
  it('gives none, not a finer lattice, where the finer one’s own boundaries do not stand', () => {
    const { img, box } = noisyColumns(9, 16.03, 813553921);
    assert.equal(combLattice(img, box, false), null);
  });

  it('gives none for one flat colour and its noise', () => {
    const { img, box } = noisyColumns(1, 300, 7);
    assert.equal(combLattice(img, box, false), null);
  });
});

describe('runs of rows of one colour read as the rows they are parts of (coarserLattice)', () => {
  /** `rows` rows of `cols` cells, each repeated k times with up to ±`jitter` levels. */
  const cellsOf = (colours: readonly number[][], k: number, jitter: number, seed: number) => {
    let s = seed;
    const rand = () => {
      s = (s * 1103515245 + 12345) % 2 ** 31;
      return (s / 2 ** 31) * 2 - 1;
    };
    const cols = colours[0]!.length;
    const rows = colours.length * k;
    const colors = new Uint8Array(rows * cols * 3);
    for (let r = 0; r < rows; r++)
      for (let c = 0; c < cols; c++)
        for (let ch = 0; ch < 3; ch++)
          colors[(r * cols + c) * 3 + ch] = Math.round(
            Math.max(0, Math.min(255, colours[Math.floor(r / k)]![c]! + jitter * rand())),
          );
    const xs = { n: cols, origin: 0, width: 50 };
    return { rows, cols, colors, xs, ys: { n: rows, origin: 1, width: 74 / k } };
  };
  const colours = fc.array(
    fc.array(fc.integer({ min: 0, max: 255 }), { minLength: 7, maxLength: 7 }),
    {
      minLength: 3,
      maxLength: 8,
    },
  );

  it('gives the rows of runs of k, within a JPEG’s noise, where the runs differ', () => {
    fc.assert(
      fc.property(colours, fc.integer({ min: 2, max: 13 }), fc.nat(), (cs, k, seed) => {
        // Neighbouring rows apart by 60 levels somewhere (a heatmap's rows differ).
        fc.pre(
          cs.every((row, i) => i === 0 || row.some((v, c) => Math.abs(v - cs[i - 1]![c]!) > 60)),
        );
        const l = coarserLattice(cellsOf(cs, k, 8, seed), true, 8);
        assert.deepEqual(l, { n: cs.length, origin: 1, width: 74 });
      }),
    );
  });

  it('gives none for rows that are each their own', () => {
    fc.assert(
      fc.property(colours, fc.nat(), (cs, seed) => {
        fc.pre(
          cs.every((row, i) => i === 0 || row.some((v, c) => Math.abs(v - cs[i - 1]![c]!) > 30)),
        );
        assert.equal(coarserLattice(cellsOf(cs, 1, 0, seed), true, 0), null);
      }),
    );
  });
});

describe('boundaries between cells no line across shows an edge at (unseenBoundaries)', () => {
  /** Rows of grey cells, each row of `levels` repeated `times[i]` times (times 1: its own). */
  const rowsOf = (levels: readonly number[][], times: readonly number[]) => {
    const cols = levels[0]!.length;
    const list = levels.flatMap((row, i) => Array.from({ length: times[i]! }, () => row));
    const colors = new Uint8Array(list.length * cols * 3);
    list.forEach((row, r) => {
      row.forEach((v, c) => {
        colors.fill(v, (r * cols + c) * 3, (r * cols + c) * 3 + 3);
      });
    });
    const lat = (n: number) => ({ n, origin: 0, width: 10 });
    return { rows: list.length, cols, colors, xs: lat(cols), ys: lat(list.length) };
  };

  it('gives the boundaries inside each run of one row repeated, where neighbouring rows differ much', () => {
    // Each row 61 to 194 levels (mod 256) from the one before in every column: 62 or more
    // apart, as random values under a colormap are.
    const grid = fc.integer({ min: 2, max: 6 }).chain((width) =>
      fc.tuple(
        fc.array(fc.integer({ min: 0, max: 255 }), { minLength: width, maxLength: width }),
        fc.array(
          fc.array(fc.integer({ min: 61, max: 194 }), { minLength: width, maxLength: width }),
          {
            minLength: 2,
            maxLength: 7,
          },
        ),
      ),
    );
    fc.assert(
      fc.property(
        grid,
        fc.array(fc.integer({ min: 1, max: 3 }), { minLength: 8, maxLength: 8 }),
        ([first, steps], times) => {
          const ls = [first];
          for (const step of steps) ls.push(ls[ls.length - 1]!.map((v, c) => (v + step[c]!) % 256));
          const want: number[] = [];
          let at = 0;
          ls.forEach((_, i) => {
            for (let j = 1; j < times[i]!; j++) want.push(at + j - 1);
            at += times[i]!;
          });
          assert.deepEqual(unseenBoundaries(rowsOf(ls, times.slice(0, ls.length)), true, 0), want);
        },
      ),
    );
  });

  it('gives none for smooth data, whose neighbours are often one colour, nor along one line', () => {
    // A ramp of 3 levels a row, each level twice: half its boundaries unseen.
    const ramp = Array.from({ length: 20 }, (_, i) => [i * 3, i * 3 + 1, i * 3 + 2]);
    assert.deepEqual(
      unseenBoundaries(
        rowsOf(
          ramp,
          ramp.map(() => 2),
        ),
        true,
        0,
      ),
      [],
    );
    // One column: a row repeated is as likely as not.
    assert.deepEqual(unseenBoundaries(rowsOf([[0], [200], [30]], [2, 1, 1]), true, 0), []);
  });
});

describe('a PNG resampled through a smoothing filter (resampled)', () => {
  /**
   * An image of `rows` × 12 blocks 20 × 4 px, neighbours 60 levels apart, each block edge a
   * step (`ramp` 0) or a ramp `ramp` px wide between the two colours, as a filter leaves it.
   */
  const blocks = (rows: number, ramp: number) => {
    const width = 12 * 20;
    const height = rows * 4;
    const rgb = new Uint8Array(width * height * 3);
    for (let y = 0; y < height; y++)
      for (let x = 0; x < width; x++) {
        const b = Math.floor(x / 20);
        const into = x - b * 20;
        const v = (k: number) => 60 + 60 * ((k + Math.floor(y / 4)) % 3);
        // The ramp ends each block, towards the next one's colour.
        const t = ramp && into >= 20 - ramp && b < 11 ? (into - (20 - ramp) + 1) / (ramp + 1) : 0;
        const level = Math.round(v(b) * (1 - t) + v(b + 1) * t);
        rgb.fill(level, (y * width + x) * 3, (y * width + x) * 3 + 3);
      }
    return { width, height, rgb };
  };

  it('tells edges ramped over pixels from a plot drawn to its pixels', () => {
    assert.equal(resampled(blocks(40, 0)), false);
    assert.equal(resampled(blocks(40, 1)), false);
    assert.equal(resampled(blocks(40, 3)), true);
    // Too few edges to tell: not resampled.
    assert.equal(resampled(blocks(4, 3)), false);
  });

  it('reads the committed fixtures as drawn to their pixels, but the resized one', () => {
    const dir = join(ROOT, 'test/fixtures/read');
    for (const name of [
      'seaborn-classic-ticks-in-5x6',
      'plotly-weeks-gaps-7x12',
      'matplotlib-imshow-interpolated-200x20',
      'seaborn-metrics-annotated-6x8',
    ])
      assert.equal(resampled(decodePng(readFileSync(join(dir, `${name}.png`)), name)), false, name);
    const name = 'seaborn-resized-lanczos-8x9';
    assert.equal(resampled(decodePng(readFileSync(join(dir, `${name}.png`)), name)), true);
  });
});
