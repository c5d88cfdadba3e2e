import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { advance, inkBox } from '../../src/read/label-ink.ts';
import { codes } from '../../src/read/prefixed.ts';
import {
  apart,
  atMarks,
  fontWidth,
  inLetters,
  inSequence,
  numberedBetween,
  offFamily,
  pointsLost,
  remembering,
  titleApart,
} from '../../src/read/labels.ts';
import { dejavuSansMeasurer } from '../../src/text/measure.ts';

const all = () => true;

describe('labels shown every few cells, numbered', () => {
  it('numbers the cells between as the labels shown are, where those are not their positions', () => {
    // ggplot2's numeric axis over 1 to 8, labelled 2, 4, 6, 8.
    const cols = [null, '2', null, '4', null, '6', null, '8'];
    assert.equal(numberedBetween(cols, [0, 2, 4, 6]), true);
    assert.deepEqual(cols, ['1', '2', '3', '4', '5', '6', '7', '8']);
    // Counting down, a step of 5 a cell.
    const rows = ['50', null, '40', null, '30', null];
    assert.equal(numberedBetween(rows, [1, 3, 5]), true);
    assert.deepEqual(rows, ['50', '45', '40', '35', '30', '25']);
  });

  it('leaves them to their positions: an index (0, 2, 4), too few, a word, one off the line', () => {
    for (const [labels, blank] of [
      [
        ['0', null, '2', null, '4'],
        [1, 3],
      ],
      [
        [null, '2', null, '4'],
        [0, 2],
      ],
      [
        [null, '2', null, 'four', null, '6'],
        [0, 2, 4],
      ],
      [
        [null, '2', null, '4', null, '7'],
        [0, 2, 4],
      ],
      [
        [null, '2', null, '3', null, '4'],
        [0, 2, 4],
      ],
    ] as const) {
      const copy = [...labels];
      assert.equal(numberedBetween(copy, blank), false, JSON.stringify(labels));
      assert.deepEqual(copy, labels);
    }
  });

  it('gives every cell the line through the labels shown (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -50, max: 50 }),
        fc.integer({ min: -5, max: 5 }).filter((b) => b !== 0),
        fc.integer({ min: 2, max: 4 }),
        fc.integer({ min: 6, max: 30 }),
        (a, b, every, n) => {
          const want = Array.from({ length: n }, (_, i) => String(a + b * i));
          const labels = want.map((l, i) => (i % every === 0 ? l : null));
          const blank = labels.flatMap((l, i) => (l === null ? [i] : []));
          const shown = n - blank.length;
          const given = numberedBetween(labels, blank);
          assert.equal(given, shown >= 3 && !(a === 0 && b === 1));
          assert.deepEqual(labels, given ? want : want.map((l, i) => (i % every === 0 ? l : null)));
        },
      ),
    );
  });
});

describe('labels numbered in sequence', () => {
  it('gives a label misread or not read the number its neighbours put there', () => {
    const rows = ['0', '1', null, '3', '4', '5', 'on', '7', 'B', 'g', '10'];
    assert.deepEqual(inSequence(rows, all), [2, 6, 8, 9]);
    assert.deepEqual(rows, ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9', '10']);
    const layers = ['layer O', 'layer 1', 'layer 2', 'layer 3', 'layer &', 'layer 5'];
    inSequence(layers, all);
    assert.deepEqual(layers, ['layer 0', 'layer 1', 'layer 2', 'layer 3', 'layer 4', 'layer 5']);
    // A step of two, counting down.
    const down = ['10', '8', 'b', '4', '2'];
    inSequence(down, all);
    assert.deepEqual(down, ['10', '8', '6', '4', '2']);
    // A hyphen after a word is the prefix's, not a minus: "checkpoint0" (its hyphen lost, in
    // seaborn's labels turned 45°) had been taken for the first of checkpoint, -1000, -2000.
    const steps = ['checkpoint0', 'checkpoint-1000', 'checkpoint-2000', 'checkpoint-3000'];
    assert.deepEqual(inSequence(steps, all), [0]);
    assert.equal(steps[0], 'checkpoint-0');
    // Dates, their days written with a leading zero: a hyphen after a digit is no minus, and
    // a day given is written as the others are ("2024-01-01" had been taken for "2024-01"
    // and -1, and every label rewritten "2024-01-1").
    const days = ['2024-01-01', '2024-01-02', '2024-01-O3', '2024-01-04', null, '2024-01-06'];
    assert.deepEqual(inSequence(days, all), [2, 4]);
    assert.deepEqual(
      days,
      [1, 2, 3, 4, 5, 6].map((d) => `2024-01-0${d}`),
    );
    const signed = ['-2', null, '0', '1', '2'];
    assert.deepEqual(inSequence(signed, all), [1]);
    assert.equal(signed[1], '-1');
    // One of eight off the line (a 200-dpi 6 read 0); at 300 dpi, turned up: a 6 and a 9
    // read as 0, two of 29 (one in ten may be off the line).
    const eight = ['0', '1', '2', '3', '4', '5', '0', '7'];
    assert.deepEqual(inSequence(eight, all), [6]);
    assert.equal(eight[6], '6');
    // A Vega JPEG's columns turned up, read sparsely: its 7 read "1" and its 15 read "4",
    // numbers the labels read right at 1 and 4 hold already (an index's are all different).
    const turned = [null, '1', null, null, '4', 'E', null, '1', 'E', null, null, '11'].concat([
      null,
      null,
      '14',
      '4',
      null,
      '17',
      null,
      null,
    ]);
    assert.deepEqual(inSequence(turned, all), [0, 2, 3, 5, 6, 7, 8, 9, 10, 12, 13, 15, 16, 18, 19]);
    assert.deepEqual(
      turned,
      Array.from({ length: 20 }, (_, i) => String(i)),
    );
    // Two of eight read as the first's number: misreadings (a 6 and a 3 read "0").
    const twice = ['0', '1', '2', '0', '4', '5', '0', '7'];
    assert.deepEqual(inSequence(twice, all), [3, 6]);
    const many = Array.from({ length: 29 }, (_, i) => (i === 6 || i === 9 ? '0' : String(i)));
    inSequence(many, all);
    assert.deepEqual(
      many,
      Array.from({ length: 29 }, (_, i) => String(i)),
    );
  });

  it('gives none where no text stands, where a reading is much longer, or where the labels are not such a sequence', () => {
    // Every other column labelled (matplotlib's imshow): the others stay without a label.
    const every = ['0', null, '2', null, 'Z', null, '6'];
    inSequence(every, (i) => i % 2 === 0);
    assert.deepEqual(every, ['0', null, '2', null, '4', null, '6']);
    const total = ['0', '1', '2', 'total'];
    assert.deepEqual(inSequence(total, all), []);
    assert.deepEqual(total, ['0', '1', '2', 'total']);
    // A number off the line: not a sequence (1, 2, 3, 5, 8).
    const fib = ['1', '2', '3', 'S', '8'];
    inSequence(fib, all);
    assert.deepEqual(fib, ['1', '2', '3', 'S', '8']);
    const half = ['0', '1', '2', '2.5', 'x'];
    inSequence(half, all);
    assert.deepEqual(half, ['0', '1', '2', '2.5', 'x']);
    // Off the line: two of eight (numbers no other label reads) are more than one in ten;
    // one of four, fewer than five on it.
    const eight = ['0', '1', '2', '9', '4', '5', '8', '7'];
    inSequence(eight, all);
    assert.deepEqual(eight, ['0', '1', '2', '9', '4', '5', '8', '7']);
    // One off among six, but not its number with a digit misread: a label of its own.
    const own = ['row0', 'row1', 'row2', 'row13', 'row4', 'row5'];
    assert.deepEqual(inSequence(own, all), []);
    // Two swapped (a clustered axis): numbers no other label reads, not misreadings.
    const swapped = ['0', '1', '2', '4', '3', '5', '6', '7', '8', '9', '10', '11'];
    assert.deepEqual(inSequence(swapped, all), []);
    // A frame's inner level, 0 to 5 twice: numbers read twice, but half of them off the line.
    const levels = ['0', '1', '2', '3', '4', '5', '0', '1', '2', '3', '4', '5'];
    assert.deepEqual(inSequence(levels, all), []);
    const four = ['0', '1', '2', '9'];
    inSequence(four, all);
    assert.deepEqual(four, ['0', '1', '2', '9']);
    // Two read alike are too few to tell a line.
    const two = ['0', 'l', '2'];
    inSequence(two, all);
    assert.deepEqual(two, ['0', 'l', '2']);
  });

  it('restores any sequence from three readings or more, and changes none read on it', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -50, max: 50 }),
        fc.integer({ min: -3, max: 3 }).filter((b) => b !== 0),
        fc.constantFrom('', 'layer ', 'head '),
        fc.array(fc.boolean(), { minLength: 3, maxLength: 30 }),
        fc.integer({ min: 0, max: 1000 }),
        (a, b, prefix, lost, seed) => {
          const truth = lost.map((_, i) => `${prefix}${a + b * i}`);
          // At least three read: the first, the last and one between stay.
          const keep = new Set([0, truth.length - 1, Math.floor(truth.length / 2)]);
          const read = truth.map((t, i) =>
            lost[i] && !keep.has(i) ? ((seed + i) % 2 ? null : `${t.slice(0, -1)}O`) : t,
          );
          inSequence(read, all);
          assert.deepEqual(read, truth);
        },
      ),
    );
  });
});

describe('an axis of decimals whose labels lost their point', () => {
  it('puts the point back after a leading zero beside a decimal', () => {
    // seaborn's dropout axis at 72 dpi, 0.1 to 0.5, read "01", "0.2", "03", "05".
    const dropout = ['01', '0.2', '03', '05'];
    assert.deepEqual(pointsLost(dropout), [0, 2, 3]);
    assert.deepEqual(dropout, ['0.1', '0.2', '0.3', '0.5']);
    const decay = ['0.0', null, '001', '-005'];
    assert.deepEqual(pointsLost(decay), [2, 3]);
    assert.deepEqual(decay, ['0.0', null, '0.01', '-0.05']);
  });

  it('leaves axes with a whole number, with no decimal, and labels of other kinds', () => {
    // Zero-padded numbers beside whole ones (days, hours): as written.
    const days = ['01', '02', '0.5', '10'];
    assert.deepEqual(pointsLost(days), []);
    assert.deepEqual(days, ['01', '02', '0.5', '10']);
    assert.deepEqual(pointsLost(['0', '01', '0.5']), []);
    // No decimal read: nothing tells the point was lost.
    assert.deepEqual(pointsLost(['01', '02', '03']), []);
    // Labels that are not digits alone.
    const mixed = ['0.5', 'v01', '01b', null];
    assert.deepEqual(pointsLost(mixed), []);
    assert.deepEqual(mixed, ['0.5', 'v01', '01b', null]);
  });

  it('gives back decimals 0.d… read with their points lost, and changes nothing else (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 1, max: 999 }), fc.boolean()), {
          minLength: 2,
          maxLength: 8,
        }),
        (drawn) => {
          // Each label 0.<digits>, its point lost or not; one kept at least.
          const truth = drawn.map(([d]) => `0.${d}`);
          const read = drawn.map(([d, lost], i) => (lost && i > 0 ? `0${d}` : `0.${d}`));
          pointsLost(read);
          assert.deepEqual(read, truth);
        },
      ),
    );
  });
});

describe('labels of one family, a number between a prefix and a suffix', () => {
  it('does not read one whose number is letters that look like digits', () => {
    // seaborn's "8K" turned 45° read "BK"; Plotly's "4h" and "9h" read "ah".
    const lengths = ['1K', '2K', '4K', 'BK', '16K', '32K', '64K', '96K', '128K'];
    assert.deepEqual(offFamily(lengths), [3]);
    assert.equal(lengths[3], null);
    const hours = ['0h', '1h', '2h', '3h', 'ah', null, '6h', '7h', '8h', 'ah', '10h'];
    assert.deepEqual(offFamily(hours), [4, 9]);
  });

  it('does not read a number alone where the family’s numbers have a prefix', () => {
    // seaborn's "r0" turned up at 100 dpi read "2" beside "r1", "r3", "r7": its prefix lost,
    // and its number with it.
    const rows = ['2', 'r1', null, 'r3', null, null, null, 'r7'];
    assert.deepEqual(offFamily(rows), [0]);
    assert.deepEqual(rows, [null, 'r1', null, 'r3', null, null, null, 'r7']);
    // Two of the family read are enough (r1 and r3, the others not read): r0 read "2" again,
    // turned up beside them.
    const two = ['2', 'r1', null, 'r3', null, null];
    assert.deepEqual(offFamily(two), [0]);
    // But not one, nor two of many read otherwise.
    assert.deepEqual(offFamily(['2', 'r1', null]), []);
    assert.deepEqual(offFamily(['2', 'r1', 'r3', 'a', 'b', 'c']), []);
  });

  it('keeps labels of another kind, and axes with no family', () => {
    // A word that is no digit's lookalike ("avg" beside "head 0" to "head 3"); a number
    // alone among "K" ones (512 beside 1K, as context lengths are written).
    const heads = ['head 0', 'head 1', 'head 2', 'head 3', 'head avg'];
    assert.deepEqual(offFamily(heads), []);
    const lengths = ['512', '1K', '2K', '4K'];
    assert.deepEqual(offFamily(lengths), []);
    // Plain numbers are a sequence's (inSequence), and words are words.
    assert.deepEqual(offFamily(['0', '1', 'B', '3']), []);
    assert.deepEqual(offFamily(['cat', 'dog', 'bird', 'OK']), []);
    // Fewer than three, or fewer than half of those read.
    assert.deepEqual(offFamily(['1K', '2K', 'BK']), []);
    assert.deepEqual(offFamily(['1K', '2K', '4K', 'a', 'b', 'c', 'd', 'BK']), []);
  });

  it('leaves every label of the family as read, whatever they are', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('', 'layer ', 's'),
        fc.constantFrom('', 'K', '%', 'h'),
        fc.array(fc.nat(999), { minLength: 1, maxLength: 30 }),
        (prefix, suffix, ns) => {
          const labels = ns.map((n) => `${prefix}${n}${suffix}`);
          const before = [...labels];
          assert.deepEqual(offFamily(labels), []);
          assert.deepEqual(labels, before);
        },
      ),
    );
  });
});

describe('the ink of a label’s crop', () => {
  /** A 6x4 white crop, a 2x2 mark of `grey` at (2, 1), and a pixel of `pale` beside it. */
  const crop = (grey: number, pale: number) => {
    const rgba = new Uint8Array(6 * 4 * 4).fill(255);
    const set = (x: number, y: number, g: number) =>
      rgba.fill(g, (y * 6 + x) * 4, (y * 6 + x) * 4 + 3);
    for (const [x, y] of [
      [2, 1],
      [3, 1],
      [2, 2],
      [3, 2],
    ] as const)
      set(x, y, grey);
    set(4, 2, pale);
    return { rgba, width: 6, height: 4 };
  };

  it('is what is darker than half way from its darkest to white, 128 for black text', () => {
    // Black: under 128 is ink, as it always was.
    assert.deepEqual(inkBox(crop(0, 127)), { x0: 2, x1: 4, y0: 1, w: 3, h: 2, level: 128 });
    assert.equal(inkBox(crop(0, 128))!.x1, 3);
    // Grey text set at fractions of a pixel (Plotly's #444, its stems two pixels of 129 to
    // 173): ink, none of it under 128.
    assert.deepEqual(inkBox(crop(130, 170)), { x0: 2, x1: 4, y0: 1, w: 3, h: 2, level: 192 });
    assert.equal(inkBox(crop(100, 178))!.level, 177.5);
    assert.equal(inkBox(crop(100, 178))!.x1, 3);
    // At most 192: a crop of pale pixels alone has no ink.
    assert.equal(inkBox(crop(230, 240)), null);
  });
});

describe('the labels’ font', () => {
  it('is told from three sure readings or more, where their median is off DejaVu Sans by more than 8%', () => {
    assert.equal(fontWidth([]), 1);
    assert.equal(fontWidth([0.8, 0.82]), 1);
    // matplotlib's own (DejaVu Sans, scaled and smoothed) are within 5%.
    assert.equal(fontWidth([0.95, 1.02, 0.97, 1.04]), 1);
    // Times (Liberation Serif at 100 dpi: the sure readings' widths against DejaVu Sans').
    assert.equal(fontWidth([0.72, 0.83, 0.79, 0.84, 0.86]), 0.83);
    assert.equal(fontWidth([0.8, 0.9, 0.86, 0.84]), 0.85);
    // Within 0.6 to 1.4 whatever the readings.
    assert.equal(fontWidth([0.1, 0.2, 0.3]), 0.6);
  });

  it('does not depend on the order the readings came in', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: 0.3, max: 2, noNaN: true }), { maxLength: 20 }),
        (r) => {
          const w = fontWidth(r);
          assert.equal(fontWidth([...r].reverse()), w);
          assert.ok(w === 1 || (w >= 0.6 && w <= 1.4 && Math.abs(w - 1) > 0.08));
        },
      ),
    );
  });
});

describe('a recognizer that reads each strip once', () => {
  it('answers the same pixels as the first time, and reads others', async () => {
    const calls: number[] = [];
    const r = remembering(async (rgba) => {
      calls.push(rgba[0]!);
      return [{ text: String(rgba[0]), confidence: 90, box: { x0: 0, y0: 0, x1: 2, y1: 1 } }];
    });
    const strip = (v: number, alpha = 255) =>
      new Uint8Array([v, v, v, alpha, 255, 255, 255, alpha]);
    const a = await r(strip(10), 2, 1);
    assert.deepEqual(await r(strip(10), 2, 1), a);
    // Another size or other pixels are another strip.
    await r(strip(10), 1, 2);
    await r(strip(11), 2, 1);
    assert.deepEqual(calls, [10, 10, 11]);
  });
});

describe('a label whose glyphs stand apart', () => {
  it('is one where its pieces together stand centred on a tick mark, none alone', () => {
    // Plotly at two device pixels per px: "2" and "0" of "20", 4 px apart, its mark at 374.5.
    assert.deepEqual(
      atMarks(
        [
          [159, 171],
          [361, 372],
          [376, 388],
        ],
        [164.5, 374.5],
      ),
      [
        [159, 171],
        [361, 388],
      ],
    );
    // Labels each at its own mark, a few pixels apart (seaborn's dense columns): kept apart.
    const dense: [number, number][] = [
      [100, 118],
      [121, 139],
      [142, 160],
    ];
    assert.deepEqual(atMarks(dense, [108.5, 129.5, 150.5]), dense);
    // Centred together on a mark, but one of them is at a mark of its own: apart.
    assert.deepEqual(
      atMarks(
        [
          [100, 110],
          [113, 119],
        ],
        [104.5, 109],
      ),
      [
        [100, 110],
        [113, 119],
      ],
    );
    // No marks, or pieces too far apart to be one: as they were.
    assert.deepEqual(atMarks(dense, []), dense);
    assert.deepEqual(
      atMarks(
        [
          [100, 110],
          [130, 140],
        ],
        [119.5],
      ),
      [
        [100, 110],
        [130, 140],
      ],
    );
  });
});

describe('labels lettered in sequence', () => {
  const all = () => true;

  it('gives the letters of a sequence those read as other characters or not at all', () => {
    // Rows B to Z as seaborn's gallery of pairwise correlations had them read at 72 dpi (N
    // read "M", P "p", Q "0", S "5", several not read), and G read "5".
    const rows: (string | null)[] = [
      'B',
      'C',
      'D',
      'E',
      'F',
      '5',
      'H',
      null,
      null,
      'K',
      'L',
      null,
      'M',
      null,
      'p',
      '0',
      'R',
      '5',
      'T',
      null,
      null,
      null,
      null,
      null,
      null,
    ];
    const given = inLetters(rows, all);
    assert.deepEqual(rows, [...'BCDEFGHIJKLMNOPQRSTUVWXYZ']);
    assert.deepEqual(given, [5, 7, 8, 11, 12, 13, 14, 15, 17, 19, 20, 21, 22, 23, 24]);
    // Small letters, backwards; where no text stands, none is given.
    const small: (string | null)[] = ['h', 'g', 'f', 'e', 'a', 'c', null, 'a'];
    assert.deepEqual(
      inLetters(small, (i) => i !== 6),
      [4],
    );
    assert.deepEqual(small, ['h', 'g', 'f', 'e', 'd', 'c', null, 'a']);
  });

  it('gives nothing where the letters are no sequence, few, or among words', () => {
    // The amino acids in a substitution matrix's order.
    const amino = [...'ARNDCQEGHILKMFPSTWYV'];
    assert.deepEqual(inLetters([...amino], all), []);
    assert.deepEqual(inLetters(['A', 'B', 'C', 'D', null], all), []);
    assert.deepEqual(inLetters(['A', 'B', 'C', 'D', 'E', 'sum', null], all), []);
    // Past the alphabet's end, no letter is made up.
    const tail: (string | null)[] = ['V', 'W', 'X', 'Y', 'Z', null];
    assert.deepEqual(inLetters(tail, all), []);
  });

  it('changes only labels of one character or none, to the line’s letters', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 10 }),
        fc.array(fc.option(fc.stringMatching(/^[A-Za-z0-9]{1,2}$/)), {
          minLength: 5,
          maxLength: 16,
        }),
        (start, noise) => {
          const labels = noise.map((l, i) =>
            i % 3 === 0 ? l : String.fromCharCode(65 + start + i),
          );
          const before = [...labels];
          const given = inLetters(labels, all);
          for (const i of given) {
            assert.ok(before[i] === null || [...before[i]!].length === 1);
            assert.match(labels[i]!, /^[A-Z]$/);
          }
          labels.forEach((l, i) => {
            if (!given.includes(i)) assert.equal(l, before[i]);
          });
        },
      ),
    );
  });
});

describe('the font labels are weighed against', () => {
  it('gives each letter and digit a width within 0.06 em of DejaVu Sans’ own', () => {
    // read/ keeps its own classes (it may not import text/): held to the font's table.
    const m = dejavuSansMeasurer();
    for (const ch of 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789')
      assert.ok(Math.abs(advance(ch) - m.width(ch, 1)) <= 0.06, ch);
    // A word is its characters' sum (kerning left out).
    assert.ok(Math.abs(advance('comet') - (0.52 + 0.62 + 0.97 + 0.62 + 0.4)) < 1e-9);
  });
});

describe('an axis title turned up beside the row labels', () => {
  /**
   * A page 200 px high: row labels `high` px high at the rows' middles (rows `row` px apart),
   * right-aligned at x 70, `widths[i]` wide, glyphs 4 px wide 1 px apart; a title turned up
   * (`title` glyphs 6 px long, `gap` px apart, 12 px wide) at x 10 to 22 from y 40.
   */
  const page = (row: number, high: number, widths: readonly number[], title: number, gap = 2) => {
    const [width, height] = [80, 200];
    const rgb = new Uint8Array(width * height * 3).fill(255);
    const ink = (x: number, y: number) => rgb.fill(0, (y * width + x) * 3, (y * width + x) * 3 + 3);
    widths.forEach((w, i) => {
      const y0 = Math.round((i + 0.5) * row - high / 2);
      for (let y = y0; y < y0 + high && y < height; y++)
        for (let x = 70 - w; x < 70; x++) if ((x - 70 + w) % 5 !== 4) ink(x, y);
    });
    for (let k = 0; k < title; k++)
      for (let y = 40 + k * (6 + gap); y < 46 + k * (6 + gap); y++)
        for (let x = 10; x < 22; x++) ink(x, y);
    return { width, height, rgb };
  };
  const band = { x0: 10, x1: 70, y0: 0, y1: 200 };

  it('ends the band before the title, apart from the labels by a blank column', () => {
    // ggplot2's "group" at 100 dpi, 5 px from the labels: the band cut at the labels' start.
    const img = page(20, 10, [40, 25, 39, 30, 40, 20, 35, 40, 30, 28], 8);
    assert.equal(titleApart(img, band, false, 20), 30);
    // With no title beside them, the band's edge as it was.
    const none = page(20, 10, [40, 25, 39, 30, 40], 0);
    assert.equal(titleApart(none, band, false, 20), 10);
  });

  it('leaves the labels of rows one over another, however long (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 12, max: 30 }),
        fc.integer({ min: 6, max: 11 }),
        fc.array(fc.integer({ min: 4, max: 60 }), { minLength: 2, maxLength: 16 }),
        (row, high, widths) => {
          fc.pre(high < row);
          const img = page(row, high, widths, 0);
          assert.equal(titleApart(img, band, false, row), 10);
        },
      ),
    );
  });

  it('leaves a title whose glyphs stand too far apart to be told from labels', () => {
    // Glyphs 6 px apart, labels 10 px high in rows of 12: no run tells a line.
    const img = page(12, 10, [40, 40, 40, 40, 40, 40], 8, 6);
    assert.equal(titleApart(img, band, false, 12), 10);
  });
});

describe('codes of a capital and a digit', () => {
  /**
   * A label's crop: a capital 14 px wide (16 for a W's), 4 px apart from a digit 12 px wide,
   * both 22 px high, on a page 40 px high; or, for a word, five glyphs 10 px wide. Each glyph
   * drawn in a grey of its own, by which the recognizers below read it.
   */
  const shades = new Map<number, string>();
  const glyph = (text: string) => {
    const shade = 10 + shades.size * 3;
    shades.set(shade, text);
    return shade;
  };
  const crop = (parts: readonly [number, number][]) => {
    const width = parts.reduce((w, [px]) => w + px + 4, 12);
    const height = 40;
    const rgba = new Uint8Array(width * height * 4).fill(255);
    let x0 = 8;
    for (const [px, shade] of parts) {
      for (let y = 9; y < 31; y++)
        for (let x = x0; x < x0 + px; x++)
          rgba.fill(shade, (y * width + x) * 4, (y * width + x) * 4 + 3);
      x0 += px + 4;
    }
    return { rgba, width, height };
  };
  /** A code's crop, its capital and digit read alone (text, how sure) as given. */
  const code = (capital: [string, number], digit: [string, number], wide = 14) => {
    const c = crop([
      [wide, glyph(JSON.stringify(capital))],
      [12, glyph(JSON.stringify(digit))],
    ]);
    return c;
  };
  // Reads a crop as its darkest glyph's text: a capital or a digit alone.
  const recognizer = async (rgba: Uint8Array, width: number) => {
    let darkest = 255;
    for (let i = 0; i < rgba.length; i += 4) darkest = Math.min(darkest, rgba[i]!);
    const said = shades.get(darkest);
    if (!said) return [];
    const [text, confidence] = JSON.parse(said) as [string, number];
    return [{ text, confidence, box: { x0: 0, y0: 0, x1: width, y1: 10 } }];
  };
  const sure = (ch: string): [string, number] => [ch, 95];
  /** An axis's labels as first read, each with its crop, read by codes. */
  const coded = (axis: readonly [string, ReturnType<typeof crop>][]) =>
    codes(
      axis.map(([t]) => t),
      (i) => axis[i]![1],
      recognizer,
      recognizer,
      1,
    );

  it('reads again, in two parts, the labels of an axis of codes misread or not read', async () => {
    const axis: [string, ReturnType<typeof crop>][] = [
      ['K1', code(sure('K'), sure('1'))],
      ['V5', code(sure('V'), sure('5'))],
      ['D7', code(sure('D'), sure('7'))],
      // "S8" read "Sa": its digit read alone 45% sure, its capital as read: borne out.
      ['Sa', code(sure('S'), ['8', 45])],
      // "O6" read "06": its capital read alone "0", a digit, is the O it looks like.
      ['06', code(sure('0'), sure('6'))],
      // "H2" not read: read alone surely.
      ['', code(sure('H'), ['2', 80])],
      // "W3" not read, its digit read alone 40% sure: not taken.
      ['', code(sure('W'), ['3', 40], 16)],
      // "T9" read "Ta", the capital read alone another ("B") and the digit unsure: not read.
      ['Ta', code(sure('B'), ['9', 45])],
      // "MS", its S read alone as no number and its glyph an S's (its right side inked down
      // from the top: fivesTold): no code, kept as read.
      ['MS', code(sure('M'), ['', 0])],
      // A word among them, wider than a code: kept.
      ['Total', crop([10, 10, 10, 10, 10].map((w) => [w, glyph(JSON.stringify(sure('x')))]))],
    ];
    const got = await coded(axis);
    assert.deepEqual(got, ['K1', 'V5', 'D7', 'S8', 'O6', 'H2', '', '', 'MS', 'Total']);
  });

  it('leaves an axis of fewer than three codes, or of one capital (a prefix)', async () => {
    const few: [string, ReturnType<typeof crop>][] = [
      ['K1', code(sure('K'), sure('1'))],
      ['V5', code(sure('V'), sure('5'))],
      ['Sa', code(sure('S'), sure('8'))],
    ];
    assert.deepEqual(await coded(few), ['K1', 'V5', 'Sa']);
    const one: [string, ReturnType<typeof crop>][] = ['1', '2', '3', 'a'].map((d) => [
      `K${d}`,
      code(sure('K'), sure(d === 'a' ? '4' : d)),
    ]);
    assert.deepEqual(await coded(one), ['K1', 'K2', 'K3', 'Ka']);
  });
});

describe('column labels run together', () => {
  // ggplot2's 72-dpi columns (36.75 px from x 54), no tick marks found: "hellaswag" and
  // "accuracy" overlapping and "tokens" 2 px beyond, one piece over columns 1 to 3.
  const lattice = { n: 8, origin: 3, width: 36.75 };
  const pieces: [number, number][] = [
    [60, 84],
    [89, 196],
    [209, 230],
    [242, 272],
    [277, 308],
    [312, 348],
  ];

  it('leaves out a piece over its unlabelled neighbours where the cells beyond have labels', () => {
    const { own, touching } = apart(pieces, 51, lattice);
    assert.deepEqual([...own.keys()], [0, 4, 5, 6, 7]);
    assert.deepEqual([...touching.keys()].sort(), [1, 2, 3]);
  });

  it('keeps labels one a cell, or one every other cell, centred and no wider than allowed (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 20, max: 60 }),
        fc.integer({ min: 3, max: 16 }),
        fc.constantFrom(1, 2),
        fc.array(fc.double({ min: 0.2, max: 1, noNaN: true }), { minLength: 16, maxLength: 16 }),
        (width, n, every, shares) => {
          const lattice = { n, origin: 0, width };
          // Each label centred on its cell, as wide as a share of the cells it may span.
          const labels: [number, number][] = [];
          for (let c = 0; c < n; c += every) {
            const w = Math.max(2, Math.floor(shares[c]! * (every * width - 4)));
            const mid = (c + 0.5) * width;
            labels.push([Math.round(mid - w / 2), Math.round(mid - w / 2) + w]);
          }
          const { own, touching } = apart(labels, 0, lattice);
          assert.equal(touching.size, 0);
          assert.equal(own.size, labels.length);
        },
      ),
    );
  });
});
