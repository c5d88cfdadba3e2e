import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { minusEnd, partRuns } from '../../src/read/annotations.ts';

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
