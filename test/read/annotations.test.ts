import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import {
  beforeSpread,
  innerTicks,
  levelBar,
  minusEnd,
  partRuns,
} from '../../src/read/annotations.ts';
import type { Cells } from '../../src/read/cells.ts';

describe('a row of numbers parted among its cells', () => {
  it('gives each cell its own text, centred on it, also where one runs past its cell', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 20, max: 80 }),
        fc.array(
          fc.record({
            glyphs: fc.integer({ min: 0, max: 7 }),
            width: fc.integer({ min: 4, max: 12 }),
          }),
          { minLength: 1, maxLength: 12 },
        ),
        (cw, texts) => {
          // Each cell's glyphs, `width` px with 2 px between, centred on the cell's centre;
          // a text no wider than its cell and a half (it may run into both neighbours).
          const runs: { a: number; b: number; n: number }[] = [];
          const want: { c: number; i: number; j: number }[] = [];
          let prevEnd = -Infinity;
          texts.forEach(({ glyphs, width }, c) => {
            const n = Math.min(glyphs, Math.floor((1.5 * cw + 2) / (width + 2)));
            if (!n) return;
            const total = n * width + (n - 1) * 2;
            const start = Math.round((c + 0.5) * cw - total / 2);
            // Neighbours' texts apart by 2 px at least (as drawn, they do not touch).
            if (start < prevEnd + 2) return;
            const i = runs.length;
            for (let g = 0; g < n; g++) {
              const a = start + g * (width + 2);
              runs.push({ a, b: a + width, n: 10 * width });
            }
            want.push({ c, i, j: runs.length });
            prevEnd = start + total;
          });
          const got = partRuns(runs, texts.length, (c) => (c + 0.5) * cw);
          if (!runs.length) return;
          assert.deepEqual(got, want);
        },
      ),
    );
  });

  it('cannot part a run across two centres', () => {
    assert.equal(
      partRuns([{ a: 5, b: 40, n: 200 }], 2, (c) => (c + 0.5) * 20),
      null,
    );
  });
});

describe('a minus sign before a number', () => {
  /** Ink from rows of text: '#' inked, anything else blank. */
  const ink = (rows: string[]) => {
    const w = rows[0]!.length;
    const out = new Uint8Array(w * rows.length);
    rows.forEach((r, y) => {
      for (let x = 0; x < w; x++) if (r[x] === '#') out[y * w + x] = 255;
    });
    return { ink: out, w, h: rows.length };
  };
  const end = (rows: string[]) => {
    const { ink: i, w, h } = ink(rows);
    return minusEnd(i, w, h);
  };
  const minus = (rows: string[]) => end(rows) !== null;

  it('is seen apart from its digit, and run into a round one at 72 dpi', () => {
    // -7 with a gap; -6 as seaborn draws it at 72 dpi, a stroke two columns long run into the
    // 6's left edge (three rows, short of a digit's height): that edge was taken for the
    // stroke's end, three rows thick and no longer than thick (040's -6.96 read 6.96).
    assert.ok(
      minus([
        '          ',
        '     #### ',
        '        # ',
        '       #  ',
        ' ###  #   ',
        '      #   ',
        '     #    ',
        '          ',
      ]),
    );
    // The stroke ends where the 6's edge begins (column 4), not after it.
    assert.equal(
      end([
        '          ',
        '      ### ',
        '     #    ',
        '     #    ',
        '    ##### ',
        '    #   # ',
        '  ###   # ',
        '     #  # ',
        '      ##  ',
        '          ',
      ]),
      4,
    );
  });

  it('is not a digit’s own stroke: a 4’s bar, a 7, a 1', () => {
    assert.equal(
      minus([
        '        ',
        '    #   ',
        '   ##   ',
        '  # #   ',
        ' #  #   ',
        '######  ',
        '    #   ',
        '    #   ',
        '        ',
      ]),
      false,
    );
    assert.equal(
      minus([
        '       ',
        ' ##### ',
        '     # ',
        '    #  ',
        '   #   ',
        '   #   ',
        '  #    ',
        '       ',
      ]),
      false,
    );
    assert.equal(
      minus(['      ', '  ##  ', ' # #  ', '   #  ', '   #  ', '   #  ', ' #####', '      ']),
      false,
    );
  });
});

describe('a dash printed alone (levelBar)', () => {
  /** A piece of ink drawn with '#' (255) and '+' (100, an anti-aliased rim), its box 1 px wider each side. */
  const piece = (rows: string[], glyphs = 1, holes = 0) => {
    const w = rows[0]!.length;
    const ink = new Uint8Array(w * rows.length);
    rows.forEach((r, y) => {
      for (let x = 0; x < w; x++) ink[y * w + x] = r[x] === '#' ? 255 : r[x] === '+' ? 100 : 0;
    });
    return { box: { x0: 10, y0: 20, x1: 10 + w, y1: 20 + rows.length }, ink, glyphs, holes };
  };

  it('is a level bar: a hyphen, an em dash at 2x with its rim', () => {
    assert.ok(levelBar(piece(['     ', ' ### ', '     '])));
    assert.ok(levelBar(piece(['++++++++++++', '+##########+', '+##########+', '++++++++++++'])));
  });

  it('is not a digit, a point, a bar too short or thick, two glyphs or a ring', () => {
    // A 1 (tall), a point (as long as thick), a two-pixel stroke, a 2:1 block.
    assert.ok(!levelBar(piece([' # ', '## ', ' # ', ' # ', '###'])));
    assert.ok(!levelBar(piece(['    ', ' ## ', ' ## ', '    '])));
    assert.ok(!levelBar(piece(['    ', ' ## ', '    '])));
    assert.ok(!levelBar(piece(['######', '######', '######'])));
    // A level run, but told as two glyphs or with a hole (what glyphRuns and inkHoles say).
    assert.ok(!levelBar(piece([' ###### '], 2)));
    assert.ok(!levelBar(piece([' ###### '], 1, 1)));
    // A hollow bar, its ink under 70% of its box.
    assert.ok(!levelBar(piece(['############', '#          #', '#          #', '############'])));
  });
});

describe('tick marks drawn into the grid over its outer cells', () => {
  /**
   * A grid of 4 × 5 cells 40 × 30 px at (20, 10) on white, each cell one grey, with black
   * marks `len` px long drawn in from the left side at each row's middle and from the top at
   * each column's middle, and (minor) `minor` px long a fifth of a cell apart along the top.
   */
  const image = (
    len: number,
    minor = 0,
    extra: (set: (x: number, y: number) => void) => void = () => {},
  ) => {
    const width = 260;
    const height = 150;
    const rgb = new Uint8Array(width * height * 3).fill(255);
    const set = (x: number, y: number, v = 0) =>
      rgb.fill(v, (y * width + x) * 3, (y * width + x) * 3 + 3);
    for (let r = 0; r < 4; r++)
      for (let c = 0; c < 5; c++)
        for (let y = 10 + r * 30; y < 10 + (r + 1) * 30; y++)
          for (let x = 20 + c * 40; x < 20 + (c + 1) * 40; x++) set(x, y, 120 + 20 * ((r + c) % 3));
    for (let r = 0; r < 4; r++) for (let d = 0; d < len; d++) set(20 + d, 10 + r * 30 + 15);
    for (let c = 0; c < 5; c++) {
      for (let d = 0; d < len; d++) set(20 + c * 40 + 20, 10 + d);
      if (minor)
        for (const f of [0.2, 0.4, 0.6, 0.8])
          for (let d = 0; d < minor; d++) set(20 + c * 40 + Math.round(f * 40), 10 + d);
    }
    extra(set);
    const cells: Cells = {
      rows: 4,
      cols: 5,
      colors: new Uint8Array(
        Array.from({ length: 20 }, (_, i) => {
          const v = 120 + 20 * ((Math.floor(i / 5) + (i % 5)) % 3);
          return [v, v, v];
        }).flat(),
      ),
      xs: { n: 5, origin: 0, width: 40 },
      ys: { n: 4, origin: 0, width: 30 },
    };
    return { img: { width, height, rgb }, grid: { x0: 20, y0: 10, x1: 220, y1: 130 }, cells };
  };
  const covers = (
    boxes: readonly { x0: number; x1: number; y0: number; y1: number }[],
    x: number,
    y: number,
  ) => boxes.some((b) => x >= b.x0 && x < b.x1 && y >= b.y0 && y < b.y1);

  it('finds the marks of each side, major and minor, and covers them', () => {
    const { img, grid, cells } = image(5, 3);
    const boxes = innerTicks(img, grid, cells);
    for (let r = 0; r < 4; r++)
      for (let d = 0; d < 5; d++) assert.ok(covers(boxes, 20 + d, 25 + r * 30), `row ${r}`);
    for (let c = 0; c < 5; c++) {
      for (let d = 0; d < 5; d++) assert.ok(covers(boxes, 40 + c * 40, 10 + d), `column ${c}`);
      assert.ok(covers(boxes, 20 + c * 40 + 8, 11), `minor ${c}`);
    }
    // Nothing past a mark's reach: the cells' middles are clear.
    assert.ok(!covers(boxes, 40, 25));
  });

  it('finds none where there are none, or fewer than three alike', () => {
    const { img, grid, cells } = image(0);
    assert.deepEqual(innerTicks(img, grid, cells), []);
    // A number's stroke at the left edge of two rows (a minus 6 px long, 2 high) is no mark.
    const two = image(0, 0, (set) => {
      for (const y of [24, 25, 54, 55]) for (let x = 20; x < 26; x++) set(x, y);
    });
    assert.deepEqual(innerTicks(two.img, two.grid, two.cells), []);
    // Marks longer than a third of a cell are not marks.
    const long = image(16);
    assert.ok(!covers(innerTicks(long.img, long.grid, long.cells), 21, 25));
  });
});

describe('a number and its spread after a ±', () => {
  it('gives the number before the spread, where both have as many decimals', () => {
    assert.equal(beforeSpread('0.84±0.02'), '0.84');
    // Text recognition reads the ± as a +, or as +/-.
    assert.equal(beforeSpread('0.84+0.02'), '0.84');
    assert.equal(beforeSpread('0.84 +/- 0.02'), '0.84');
    assert.equal(beforeSpread('\u22121.5±0.2'), '-1.5');
    assert.equal(beforeSpread('12±3'), '12');
    // Not a spread: another count of decimals, a number alone, a minus between.
    assert.equal(beforeSpread('0.84+0.2'), null);
    assert.equal(beforeSpread('0.84'), null);
    assert.equal(beforeSpread('0.84-0.02'), null);
  });

  it('gives back the number of any mean and spread printed alike (property)', () => {
    fc.assert(
      fc.property(
        fc.double({ min: -1000, max: 1000, noNaN: true }),
        fc.double({ min: 0, max: 100, noNaN: true }),
        fc.integer({ min: 0, max: 4 }),
        fc.constantFrom('±', '+', ' ± '),
        (m, sd, d, sign) => {
          const mean = m.toFixed(d);
          assert.equal(beforeSpread(`${mean}${sign}${sd.toFixed(d)}`), mean);
        },
      ),
    );
  });
});
