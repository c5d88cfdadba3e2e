import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import type { Crop } from '../../src/read/label-ink.ts';
import { inkBox } from '../../src/read/label-ink.ts';
import {
  dotsAgree,
  ellsTold,
  fivesTold,
  zerosTold,
  glyphInk,
  hangsAgree,
  keyEll,
  letterChecked,
  shapesAgree,
  smallMended,
  spacesShown,
  stemsMended,
  stemsTold,
  tailsMended,
} from '../../src/read/letters.ts';
import { bracesPaired, pairsConfirmed, pairsDiffer, stemMended } from '../../src/read/labels.ts';
import { GH, GW, shapes } from './glyph-shapes.ts';

/**
 * A label's crop as the reader makes it: dark glyphs on white, 3 blank columns between them
 * and 8 px of page around. `glyphs` are what is drawn (one a glyph).
 */
function labelCrop(drawn: readonly Uint8Array[]): Crop {
  const m = 8;
  const width = 2 * m + drawn.length * GW + (drawn.length - 1) * 3;
  const height = 2 * m + GH;
  const rgba = new Uint8Array(width * height * 4).fill(255);
  drawn.forEach((g, k) => {
    for (let y = 0; y < GH; y++)
      for (let x = 0; x < GW; x++) {
        const i = ((m + y) * width + m + k * (GW + 3) + x) * 4;
        const v = 255 - g[y * GW + x]!;
        rgba[i] = rgba[i + 1] = rgba[i + 2] = v;
      }
  });
  return { rgba, width, height };
}

/** Labels read (`read`) over what was drawn (`drawn`, the true letters), checked. */
function check(glyphs: Map<string, Uint8Array>, read: string[], drawn: string[]) {
  const crops = drawn.map((t) =>
    labelCrop([...t.replace(/\s+/g, '')].map((ch) => glyphs.get(ch)!)),
  );
  return letterChecked(read, (i) => crops[i]!);
}

describe('labels read letter by letter against the others’ letters', () => {
  const glyphs = shapes(11, 'acnostw', true);
  const words = ['to', 'at', 'an', 'cat', 'now', 'was', 'on', 'sat'];

  it('leaves labels read right as they are', () => {
    assert.deepEqual(check(glyphs, words, words), { labels: words, mended: [] });
  });

  it('mends a letter misread where the others show both letters', () => {
    // "on" read "an", as Plotly's 12-px token was: its o is the o of "to" and "now".
    const read = words.map((w) => (w === 'on' ? 'an' : w));
    const r = check(glyphs, read, words);
    assert.deepEqual(r.labels, words);
    assert.deepEqual(r.mended, [words.indexOf('on')]);
    // Any one letter of any label, misread as any other letter, where two other labels or
    // more show each (cat's c is its own: nothing tells it).
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: words.length - 1 }),
        fc.nat(),
        fc.constantFrom(...'acnostw'),
        (i, at, as) => {
          const w = words[i]!;
          const j = at % w.length;
          const elsewhere = (ch: string) =>
            words.filter((o, k) => k !== i && o.includes(ch)).length;
          fc.pre(w[j] !== as && elsewhere(w[j]!) >= 2 && elsewhere(as) >= 2);
          const misread = [...words];
          misread[i] = w.slice(0, j) + as + w.slice(j + 1);
          assert.deepEqual(check(glyphs, misread, words).labels, words);
        },
      ),
    );
  });

  it('keeps words apart: a label of two words mended letter by letter', () => {
    const drawn = [...words, 'to cat'];
    const read = [...words, 'ta cat'];
    assert.equal(check(glyphs, read, drawn).labels.at(-1), 'to cat');
  });

  it('does not ask a letter no other label shows', () => {
    // A c read "x", which no label shows: the likeliest letter would be taken for it.
    const both = new Map([...glyphs, ...shapes(5, 'x', true)]);
    const r = check(both, [...words, 'xo'], [...words, 'co']);
    assert.equal(r.labels.at(-1), 'xo');
    assert.deepEqual(r.mended, []);
  });

  it('reads no label where a glyph is only nearer another letter than the one read', () => {
    // u and v alike but for a fifth of their pixels; a glyph drawn 37% of the way from v to u
    // is 1.7 times as far from u as from v: not clearly either.
    const base = shapes(21, 'uv', true);
    const u = base.get('u')!;
    const v = Uint8Array.from(u, (p, i) =>
      i % 5 === 2 && i >= GW && i < GW * (GH - 1) ? 255 - p : p,
    );
    const between = Uint8Array.from(u, (p, i) => Math.round(0.37 * p + 0.63 * v[i]!));
    const set = new Map([...glyphs, ['u', u], ['v', v], ['y', between]]);
    const drawn = [...words, 'un', 'vo', 'tu', 'sv', 'yo'];
    const read = [...words, 'un', 'vo', 'tu', 'sv', 'uo'];
    const r = check(
      set,
      read,
      drawn.map((d) => d),
    );
    assert.equal(r.labels.at(-1), '');
    assert.deepEqual(r.mended, [read.length - 1]);
    // Drawn as the v itself, it is mended.
    const r2 = check(set, read, [...words, 'un', 'vo', 'tu', 'sv', 'vo']);
    assert.equal(r2.labels.at(-1), 'vo');
  });

  it('makes a digit no other label shows the letter its glyph is, where one is near', () => {
    // The NER tag "O" alone read "0": its glyph is the O of "ORG" (one label is enough; no
    // label shows a 0 to tell it by).
    const g = shapes(5, 'ORGBI-', true);
    const truth = ['O', 'B-ORG', 'I-ORG'];
    const r = check(g, ['0', 'B-ORG', 'I-ORG'], truth);
    assert.deepEqual(r.labels, truth);
    assert.deepEqual(check(g, ['0', 'B-ORG'], ['O', 'B-ORG']).labels, ['O', 'B-ORG']);
    // A digit whose glyph is like no letter learnt is left as read; so is a letter not learnt
    // elsewhere (only a digit is asked: an I and an l look alike in many fonts).
    const g2 = shapes(6, 'ORGBI-0', true);
    assert.deepEqual(check(g2, ['0', 'B-ORG'], ['0', 'B-ORG']).labels, ['0', 'B-ORG']);
    const r3 = check(g2, ['B', 'B-ORG'], ['I', 'B-ORG']);
    assert.equal(r3.labels[0], 'B');
  });

  it('asks nothing of labels whose glyphs touch or are not read', () => {
    const r = check(glyphs, ['', ...words.slice(1)], words);
    assert.equal(r.labels[0], '');
    // A label read with a letter more than its ink shows glyphs is left as read.
    const r2 = check(glyphs, [...words, 'tao'], [...words, 'to']);
    assert.equal(r2.labels.at(-1), 'tao');
  });
});

/**
 * A crop of boxes of ink side by side, 3 px apart, each [width, top, bottom] in a 40-px line
 * (foot at 24), with rows [from, to] of it blank where given (a ! has its dot apart), as readAs
 * looks at it.
 */
/** A crop `width` px wide and 40 high, black where `inked` (x, y), white elsewhere, as glyphs' ink. */
const inkOf = (width: number, inked: (x: number, y: number) => boolean) => {
  const height = 40;
  const rgba = new Uint8Array(width * height * 4).fill(255);
  for (let y = 0; y < height; y++)
    for (let x = 0; x < width; x++)
      if (inked(x, y)) {
        const i = (y * width + x) * 4;
        rgba[i] = rgba[i + 1] = rgba[i + 2] = 0;
      }
  const c: Crop = { rgba, width, height };
  return glyphInk(c, inkBox(c)!.level);
};

/**
 * Glyphs drawn from art (rows of '#' and '.', 7 columns), 3 times over: 21 px wide, 3 px
 * apart from x = 8, from row 5.
 */
const artDrawn = (art: Readonly<Record<string, readonly string[]>>) => (chars: string) =>
  inkOf(16 + chars.length * 24, (x, y) => {
    const k = Math.floor((x - 8) / 24);
    const dx = x - 8 - 24 * k;
    const row = art[chars[k]!]?.[Math.floor((y - 5) / 3)];
    return k >= 0 && dx < 21 && y >= 5 && row?.[Math.floor(dx / 3)] === '#';
  });

/** Glyphs as solid boxes [width, top row, bottom row, rows left blank?], 3 px apart from x = 8. */
const boxes = (spec: [number, number, number, [number, number]?][]) => {
  const rects: [number, number, number, number, [number, number]?][] = [];
  let x0 = 8;
  for (const [w, top, bottom, gap] of spec) {
    rects.push([x0, x0 + w, top, bottom, gap]);
    x0 += w + 3;
  }
  return inkOf(16 + spec.reduce((a, [w]) => a + w + 3, 0), (x, y) =>
    rects.some(
      ([a, b, top, bottom, gap]) =>
        x >= a && x < b && y >= top && y <= bottom && !(gap && y >= gap[0] && y <= gap[1]),
    ),
  );
};

describe('a reading against the heights of the glyphs it reads', () => {
  const cap: [number, number, number] = [8, 10, 24];
  const dash: [number, number, number] = [6, 17, 18];
  const tail: [number, number, number] = [9, 10, 28];

  it('takes a capital where a glyph is as high, a dash where one is level', () => {
    assert.ok(shapesAgree('I-ORG', boxes([cap, dash, cap, cap, cap])));
    // The hyphen read as an F; a capital read as a hyphen.
    assert.ok(!shapesAgree('IFORG', boxes([cap, dash, cap, cap, cap])));
    assert.ok(!shapesAgree('I-ORG', boxes([cap, cap, cap, cap, cap])));
  });

  it('takes no letter that stands on the line for a glyph that hangs below it', () => {
    assert.ok(shapesAgree('QNLI', boxes([tail, cap, cap, cap])));
    assert.ok(!shapesAgree('ONLI', boxes([tail, cap, cap, cap])));
  });

  it('tells nothing where the glyphs are not as many as the characters', () => {
    assert.ok(shapesAgree('IFORG', boxes([cap, cap, cap, cap])));
  });

  // A small letter's glyph: as high as the x-height (0.75 of a capital's), on the line.
  const small: [number, number, number] = [8, 14, 24];
  const asc: [number, number, number] = [8, 9, 24];

  it('makes a capital or digit as high as a small letter that small letter', () => {
    // scikit-learn's diabetes feature "s1" read "51".
    assert.equal(smallMended('51', boxes([small, cap])), 's1');
    assert.equal(smallMended('0d280', boxes([small, asc, cap, cap, cap])), 'od280');
    assert.equal(smallMended('Sex', boxes([small, small, small])), 'Sex');
    assert.equal(smallMended('C.1', boxes([small, cap])), 'c.1');
  });

  it('leaves capitals as high as the tallest, glyphs alone, and readings out of step', () => {
    assert.equal(smallMended('51', boxes([cap, cap])), '51');
    assert.equal(smallMended('O', boxes([small])), 'O');
    assert.equal(smallMended('S1', boxes([small, cap, cap])), 'S1');
    // A glyph that hangs below the line is not a small letter standing on it.
    assert.equal(smallMended('51', boxes([[8, 16, 28], cap])), '51');
    // Seven characters or more: which glyph is which is not told.
    assert.equal(smallMended('0123456', boxes([small, cap, cap, cap, cap, cap, cap])), '0123456');
  });
});

describe('stems told by their glyphs: an l or a 1, a ! or a stem', () => {
  // An f and an l reach the ascenders' height (top 9); a 1 the capitals' (top 10), its flag and
  // foot 0.6 of its height wide; a p's bowl from the x-height down past the line.
  const f: [number, number, number] = [8, 9, 24];
  const l: [number, number, number] = [3, 9, 24];
  const one: [number, number, number] = [9, 10, 24];
  const p: [number, number, number] = [8, 14, 30];

  it('makes an l as wide as a 1 a 1', () => {
    // seaborn's column "f1" read "fl", silently.
    assert.equal(stemsTold('fl', boxes([f, one])), 'f1');
    assert.equal(stemsTold('fl', boxes([f, l])), 'fl');
    // Two fifths as wide, lower than the f (a cap height under an ascender): a 1 drawn pale.
    assert.equal(stemsTold('fl', boxes([f, [7, 10, 24]])), 'f1');
    // As wide but as tall as the ascenders: a serif l, its foot wide, is left an l.
    assert.equal(stemsTold('fl', boxes([f, [7, 9, 24]])), 'fl');
    assert.equal(stemsTold('layer l', boxes([l, p, p, p, p, one])), 'layer 1');
  });

  it('makes a ! of one unbroken stroke the stem it is', () => {
    // seaborn's column "ppl" read "pp!".
    assert.equal(stemsTold('pp!', boxes([p, p, l])), 'ppl');
    // Its dot apart under it: a !.
    assert.equal(stemsTold('pp!', boxes([p, p, [3, 9, 24, [20, 21]]])), 'pp!');
    // Beside capitals an I; as wide as a 1, a 1.
    assert.equal(stemsTold('!D', boxes([l, [9, 10, 24]])), 'ID');
    assert.equal(stemsTold('x!', boxes([[8, 14, 24], one])), 'x1');
  });

  it('makes an l of an L’s shape an L, never one of a 1’s', () => {
    // Glyphs 8 px wide from x = 8, 3 apart, capitals from row 10 to the line at 24: a box (C,
    // A), an o from 14, an L (a stem 3 px wide at its left, its foot 3 rows high), a 1 (its
    // stem at the middle, a flag at its top left, a foot across).
    const shape: Record<string, (dx: number, y: number) => boolean> = {
      C: (_, y) => y >= 10 && y <= 24,
      A: (_, y) => y >= 10 && y <= 24,
      o: (_, y) => y >= 14 && y <= 24,
      L: (dx, y) => y >= 10 && y <= 24 && (dx < 3 || y >= 22),
      '1': (dx, y) => y >= 10 && y <= 24 && ((dx >= 3 && dx < 6) || (y <= 12 && dx < 3) || y >= 22),
    };
    const drawn = (word: string) =>
      inkOf(16 + word.length * 11, (x, y) => {
        const k = Math.floor((x - 8) / 11);
        const dx = x - 8 - k * 11;
        return x >= 8 && k < word.length && dx < 8 && shape[word[k]!]!(dx, y);
      });
    // GLUE's "CoLA" read "ColA" at 72 dpi, silently.
    assert.equal(stemsTold('ColA', drawn('CoLA')), 'CoLA');
    // A 1 as wide (0.53 of its height) is not an L (nor, this narrow, told a 1).
    assert.equal(stemsTold('Col', drawn('Co1')), 'Col');
    assert.equal(stemsTold('ColA', drawn('Co1A')), 'ColA');
  });

  it('leaves readings whose glyphs are not one to one, or short stems', () => {
    assert.equal(stemsTold('fl', boxes([[20, 9, 24]])), 'fl');
    assert.equal(
      stemsTold(
        'a!',
        boxes([
          [8, 14, 24],
          [3, 18, 24],
        ]),
      ),
      'a!',
    );
  });

  it('changes nothing but an l or a ! into a stem or a 1', () => {
    const spec = fc.array(
      fc.tuple(
        fc.integer({ min: 2, max: 12 }),
        fc.integer({ min: 8, max: 16 }),
        fc.integer({ min: 20, max: 30 }),
      ),
      { minLength: 1, maxLength: 6 },
    );
    fc.assert(
      fc.property(spec, fc.stringMatching(/^[a-zA-Z0-9l!]{1,6}$/), (s, text) => {
        const out = stemsTold(text, boxes(s.map(([w, t, b]) => [w, t, b])));
        assert.equal(out.length, text.length);
        [...out].forEach((ch, i) => {
          if (ch !== text[i]) {
            assert.ok(text[i] === 'l' || text[i] === '!', `${text} → ${out}`);
            assert.ok(/[1lI]/.test(ch), `${text} → ${out}`);
          }
        });
        if (!/[l!]/.test(text)) assert.equal(out, text);
      }),
    );
  });
});

describe('a stem read for an I, and braces that pair', () => {
  /** The ink of a label in a crop at 30 px an em: `h` em of it high. */
  const ink = (h: number) => ({ x0: 0, x1: 99, y0: 0, w: 100, h: h * 30, level: 128 });

  it('makes a bar or a bracket that pairs nothing an I or an l where the ink stays on the line', () => {
    assert.equal(stemMended('|-PER', ink(0.73), 30), 'I-PER');
    assert.equal(stemMended('[-LOC', ink(0.73), 30), 'I-LOC');
    assert.equal(stemMended('|abel', ink(0.76), 30), 'label');
  });

  it('keeps a bar or a bracket the ink reaches below the line for, or one that pairs', () => {
    assert.equal(stemMended('|-PER', ink(0.97), 30), '|-PER');
    assert.equal(stemMended('P(y|x)', ink(0.97), 30), 'P(y|x)');
    assert.equal(stemMended('[0.5, 1.0)', ink(0.73), 30), '[0.5, 1.0)');
    // The labels' size not known: nothing is told.
    assert.equal(stemMended('|-PER', ink(0.73), null), '|-PER');
  });

  it('makes a bar at the end an l where its own glyph stands on the line, others hanging', () => {
    // "rouge_l" read "rouge_|": its g and underscore reach below the line, so the whole ink
    // does too, and the bar had been kept. Boxes [width, top, bottom], the line at 24.
    const small: [number, number, number] = [8, 14, 24];
    const g: [number, number, number] = [8, 14, 30];
    const under: [number, number, number] = [8, 29, 30];
    const stem: [number, number, number] = [3, 8, 24];
    const bar: [number, number, number] = [3, 8, 30];
    const standing = boxes([small, g, small, under, stem]);
    assert.equal(stemMended('ugu_|', ink(0.97), 30, standing), 'ugu_l');
    assert.equal(stemMended('ugu_|', ink(0.97), 30, boxes([small, g, small, under, bar])), 'ugu_|');
    // A bar within the reading is not told so ("P(y|x)").
    assert.equal(stemMended('u|gu', ink(0.97), 30, boxes([small, stem, g, small])), 'u|gu');
  });

  it('tells braces that pair from those that do not', () => {
    assert.ok(bracesPaired('sepal width (cm)'));
    assert.ok(bracesPaired('{a, b}'));
    assert.ok(bracesPaired('(0.5, 1.0]'));
    assert.ok(!bracesPaired('sepal width {cm)'));
    assert.ok(!bracesPaired('a}'));
    assert.ok(!bracesPaired('}{'));
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('{', '}', 'a') }), (t) => {
        let depth = 0;
        let ok = true;
        for (const ch of t) {
          depth += ch === '{' ? 1 : ch === '}' ? -1 : 0;
          if (depth < 0) ok = false;
        }
        return bracesPaired(t) === (ok && depth === 0);
      }),
    );
  });
});

describe('the two axes of a square grid that carry the same labels', () => {
  it('gives the places where the two read otherwise', () => {
    const rows = ['O', 'B-PER', 'I-PER', 'B-ORG', 'I-ORG', null];
    const cols = ['O', 'B-PER', 'I-PER', 'B-ORG', 'IFORG', 'B-LOC'];
    assert.deepEqual(pairsDiffer(rows, cols), [4]);
  });

  it('asks nothing of axes that carry different labels, or of too few read', () => {
    assert.deepEqual(pairsDiffer(['a', 'b', 'c', 'd'], ['w', 'x', 'y', 'z']), []);
    assert.deepEqual(pairsDiffer(['a', 'b', 'x'], ['a', 'b', 'y']), []);
    assert.deepEqual(pairsDiffer(['a', 'b', 'c'], ['a', 'b', 'c', 'd']), []);
    // Three alike of five: fewer than three in four.
    assert.deepEqual(pairsDiffer(['a', 'b', 'c', 'd', 'e'], ['a', 'b', 'c', 'x', 'y']), []);
  });
});

describe('labels read unsurely that the other axis bears out', () => {
  const none = { rows: [] as number[], cols: [] as number[] };

  it('takes an unsure reading the other axis reads alike, surely or not', () => {
    const rows = ['O', 'B-PER', null, 'B-ORG', null, 'B-LOC'];
    const cols = ['O', 'B-PER', 'I-PER', 'B-ORG', null, 'B-LOC'];
    const maybe = {
      rows: [null, null, 'I-PER', null, 'I-ORG', null],
      cols: [null, null, null, null, 'I-ORG', null],
    };
    assert.deepEqual(pairsConfirmed({ rows, cols, given: none }, maybe), [
      ['rows', 2, 'I-PER'],
      ['rows', 4, 'I-ORG'],
      ['cols', 4, 'I-ORG'],
    ]);
  });

  it('takes none the other axis reads otherwise, nor any where the axes differ', () => {
    const rows = ['a', 'b', 'c', null];
    const cols = ['a', 'b', 'c', 'd'];
    assert.deepEqual(
      pairsConfirmed({ rows, cols, given: none }, { rows: [null, null, null, 'x'], cols: [] }),
      [],
    );
    // Axes of other labels: an unsure reading that happens to match is not borne out.
    assert.deepEqual(
      pairsConfirmed(
        { rows: ['a', 'b', 'c', null], cols: ['w', 'x', 'y', 'q'], given: none },
        { rows: [null, null, null, 'q'], cols: [] },
      ),
      [],
    );
  });

  it('counts labels given by their places as not read', () => {
    // Rows 3 and 4 given as "3" and "4" (a sequence's places), the columns' too: not alike
    // labels, and row 3's unsure reading borne out by column 3's.
    const rows = ['a', 'b', 'c', '3', '4'];
    const cols = ['a', 'b', 'c', 'd', '4'];
    const given = { rows: [3, 4], cols: [4] };
    assert.deepEqual(
      pairsConfirmed({ rows, cols, given }, { rows: [null, null, null, 'd', null], cols: [] }),
      [['rows', 3, 'd']],
    );
    // Three alike pairs needed, given ones not counted.
    assert.deepEqual(
      pairsConfirmed(
        {
          rows: ['a', 'b', '2', '3'],
          cols: ['a', 'b', '2', 'd'],
          given: { rows: [2, 3], cols: [2] },
        },
        { rows: [null, null, null, 'd'], cols: [] },
      ),
      [],
    );
  });
});

describe('gaps between words that a label’s ink shows', () => {
  /** Glyphs 8 px wide, 14 to 24 high, each followed by the gap given (px). */
  const spaced = (gaps: readonly number[]) => {
    const width = 16 + gaps.reduce((a, g) => a + 8 + g, 8);
    const height = 40;
    const rgba = new Uint8Array(width * height * 4).fill(255);
    let x0 = 8;
    for (const g of [...gaps, 0]) {
      for (let y = 10; y <= 24; y++)
        for (let x = x0; x < x0 + 8; x++) {
          const i = (y * width + x) * 4;
          rgba[i] = rgba[i + 1] = rgba[i + 2] = 0;
        }
      x0 += 8 + g;
    }
    const c: Crop = { rgba, width, height };
    return glyphInk(c, inkBox(c)!.level);
  };

  it('counts gaps of 0.28 em and more: a space, not the sides of two letters', () => {
    // An em of 20 px: letters 2 to 4 px apart, a space 7 px and more ("LoRA r 8" turned up).
    assert.equal(spacesShown(spaced([2, 3, 4, 2]), 20), 0);
    assert.equal(spacesShown(spaced([2, 3, 8, 2, 7, 3]), 20), 2);
    assert.equal(spacesShown(spaced([5]), 20), 0);
    assert.equal(spacesShown(spaced([6]), 20), 1);
  });

  it('counts exactly the gaps 0.28 em wide or more, whatever the gaps and the em (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 1, max: 30 }), { maxLength: 8 }),
        fc.integer({ min: 6, max: 60 }),
        (gaps, em) => {
          const n = spacesShown(spaced(gaps), em);
          assert.equal(n, gaps.filter((g) => g >= 0.28 * em).length);
        },
      ),
    );
  });
});

describe('a reading against the glyphs that hang below the line', () => {
  // Small letters on the line at 24; a q's stem and a g's tail reach 28.
  const small: [number, number, number] = [8, 14, 24];
  const asc: [number, number, number] = [8, 9, 24];
  const q: [number, number, number] = [8, 14, 28];

  it('takes no more hanging letters than glyphs hang', () => {
    // A bold header's q read "qg" ("truthfulqa" read "truthfulqga" at 2×, silently).
    const ink = boxes([asc, small, small, asc, q, small]);
    assert.ok(hangsAgree('tuelqa', ink));
    assert.ok(!hangsAgree('tuelqga', ink));
    // Two tails that touch are one run, twice as wide: two letters.
    const touching = boxes([small, [20, 14, 28], small]);
    assert.ok(hangsAgree('agga', touching));
    assert.ok(!hangsAgree('aggga', touching));
  });

  it('tells nothing where no line is seen, or other characters hang', () => {
    // Every glyph hangs ("gpqy"): no line two glyphs stand on.
    assert.ok(hangsAgree('gqgq', boxes([q, q])));
    // An underscore joins the tails beside it.
    assert.ok(hangsAgree('top_pq', boxes([asc, small, q, small])));
  });
});

describe('a g, p or q told by its tail', () => {
  /**
   * Glyphs 8 px wide, 3 apart: small letters on the line at 24 from 14, an ascender's from 9
   * (the tallest, 16 rows), and letters whose tail hangs to 28: q and p a stem 2 px wide at
   * their right or left (an eighth of the tallest), g a hook as wide as its bowl (a half).
   */
  const tailed = (word: string) =>
    inkOf(16 + word.length * 11, (x, y) => {
      const k = Math.floor((x - 8) / 11);
      const ch = word[k];
      const dx = x - 8 - k * 11;
      if (x < 8 || ch === undefined || dx >= 8) return false;
      if (y >= (/[bdhklt]/.test(ch) ? 9 : 14) && y <= 24) return true;
      if (y < 25 || y > 28) return false;
      return ch === 'g' || (ch === 'q' && dx >= 6) || (ch === 'p' && dx < 2);
    });

  it('makes a g whose tail is a stem the p or q its side tells, and a hook under p or q a g', () => {
    // seaborn's "qwen2-7b" read "gwen2-7b" at 150 and 200 dpi, with no warning.
    assert.equal(tailsMended('gwen', tailed('qwen')), 'qwen');
    assert.equal(tailsMended('shig', tailed('ship')), 'ship');
    assert.equal(tailsMended('qpta', tailed('gpta')), 'gpta');
    assert.equal(tailsMended('dog', tailed('dog')), 'dog');
    assert.equal(tailsMended('gapa', tailed('qapa')), 'qapa');
  });

  it('asks nothing where the tails are not one to one, no line is seen, or others hang', () => {
    // Two g read over one tail; a y's tail is not asked.
    assert.equal(tailsMended('ggoa', tailed('qoa')), 'ggoa');
    assert.equal(tailsMended('yoa', tailed('qoa')), 'yoa');
    // Every glyph hangs: no line two stand on.
    assert.equal(tailsMended('gq', tailed('qq')), 'gq');
    // An underscore or a comma may join the tails.
    assert.equal(tailsMended('g_aa', tailed('qaa')), 'g_aa');
  });

  it('gives back the word drawn, of any g, p or q read as another (property)', () => {
    const letter = fc.constantFrom(...'ahtgpq');
    fc.assert(
      fc.property(
        fc.array(letter, { minLength: 3, maxLength: 8 }),
        fc.array(fc.constantFrom('g', 'p', 'q'), { minLength: 8, maxLength: 8 }),
        (chars, swaps) => {
          const word = chars.join('');
          // At least two glyphs stand on the line.
          fc.pre(chars.filter((c) => !/[gpq]/.test(c)).length >= 2);
          const read = chars.map((c, i) => (/[gpq]/.test(c) ? swaps[i]! : c)).join('');
          const mended = tailsMended(read, tailed(word));
          // A stem read g is told p or q by its side; a p read q (or a q p) is not asked.
          assert.equal(
            mended.replace(/[pq]/g, 's'),
            word.replace(/[pq]/g, 's'),
            `${read} over ${word}`,
          );
          for (const [i, c] of [...mended].entries())
            if (read[i] === 'g' && c !== 'g') assert.equal(c, word[i]);
        },
      ),
    );
  });
});

/**
 * Glyphs as boxes [width, top, foot]: capitals and an I from row 10 to the line at 24, an l's
 * stem from 9 (the ascenders' height), small letters from 14, a hyphen at 17–18.
 */
const glyph: Record<string, [number, number, number]> = {
  A: [8, 10, 24],
  B: [8, 10, 24],
  C: [8, 10, 24],
  E: [8, 10, 24],
  L: [8, 10, 24],
  R: [8, 10, 24],
  T: [8, 10, 24],
  I: [3, 10, 24],
  l: [3, 9, 24],
  x: [8, 14, 24],
  o: [8, 14, 24],
  '-': [6, 17, 18],
};
/** A word drawn in those glyphs. */
const drawn = (word: string) => boxes([...word].map((c) => glyph[c]!));

describe('an I beside small letters told from an l by its height', () => {
  it('makes an I an l where its stem stands taller than the capitals', () => {
    // seaborn's "ALBERT-xxl" read "ALBERT-xxI" at 100 and 200 dpi, silently.
    assert.equal(ellsTold('ABERT-xxI', drawn('ABERT-xxl')), 'ABERT-xxl');
    assert.equal(ellsTold('BEToxI', drawn('BEToxl')), 'BEToxl');
    // Glyphs before it touching (the R, T and hyphen of "ALBERT-xxl" at 200 dpi).
    const joined = boxes([glyph.A!, glyph.B!, [30, 10, 24], glyph.x!, glyph.x!, glyph.l!]);
    assert.equal(ellsTold('ABRT-xxI', joined), 'ABRT-xxl');
  });

  it('leaves an I at the capitals’ height, one the stems do not show, and readings not asked', () => {
    assert.equal(ellsTold('ABERT-xxI', drawn('ABERT-xxI')), 'ABERT-xxI');
    // The one tall stem is the l read already.
    assert.equal(ellsTold('ABE-lxI', drawn('ABE-lxI')), 'ABE-lxI');
    // Beside capitals an I is an I; ascenders other than l, or one capital, tell no height.
    assert.equal(ellsTold('ABEI', drawn('ABEl')), 'ABEI');
    assert.equal(
      ellsTold('AB-xIb', boxes([glyph.A!, glyph.B!, glyph['-']!, glyph.x!, glyph.l!, [8, 9, 24]])),
      'AB-xIb',
    );
    assert.equal(ellsTold('A-xI', drawn('A-xl')), 'A-xI');
  });

  it('changes nothing but an I into an l, and none drawn as high as the capitals (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(...'ABERTxo-'), { minLength: 2, maxLength: 8 }),
        fc.array(fc.boolean(), { minLength: 3, maxLength: 3 }),
        (chars, ells) => {
          // Three stems among the letters, each an l or an I as drawn, all read I.
          const word = [
            ...chars.slice(0, 2),
            ells[0] ? 'l' : 'I',
            ...chars.slice(2),
            ells[1] ? 'l' : 'I',
            'x',
            ells[2] ? 'l' : 'I',
          ];
          const read = word.map((c) => (c === 'l' ? 'I' : c)).join('');
          const mended = ellsTold(read, drawn(word.join('')));
          assert.equal(mended.length, read.length);
          for (const [i, c] of [...mended].entries()) {
            if (c !== read[i]) assert.ok(read[i] === 'I' && c === 'l', `${read} -> ${mended}`);
            // An I drawn at the capitals' height stays one.
            if (word[i] === 'I') assert.equal(c, 'I', `${read} -> ${mended}`);
          }
        },
      ),
    );
  });
});

describe('a reading against the dots of its i and j', () => {
  // Small letters on the line at 24, an l's stem from 9; an i's dot at 9–10 over its stem
  // from 14 (rows 11 to 13 blank), a j's stem hanging to 28.
  const m: [number, number, number] = [10, 14, 24];
  const u: [number, number, number] = [8, 14, 24];
  const l: [number, number, number] = [3, 9, 24];
  const i: [number, number, number, [number, number]] = [3, 9, 24, [11, 13]];
  const j: [number, number, number, [number, number]] = [3, 9, 28, [11, 13]];
  const glyph = { m, u, l, i, j } as const;
  const drawn = (word: string) => boxes([...word].map((c) => glyph[c as keyof typeof glyph]));

  it('takes no more dotted letters than dots show', () => {
    // A bold header's "mmlu" read "mmliu" at 1× (four glyphs, the widths within their eighth).
    assert.ok(dotsAgree('mmlu', drawn('mmlu')));
    assert.ok(!dotsAgree('mmliu', drawn('mmlu')));
    assert.ok(dotsAgree('mmliu', drawn('mmliu')));
    assert.ok(dotsAgree('ju', drawn('ju')));
    assert.ok(!dotsAgree('iju', drawn('lju')));
    // A stem with no dot over it, a tall l, is none.
    assert.ok(!dotsAgree('ilu', drawn('llu')));
  });

  it('asks no dot of an i after an f (the fi ligature takes it)', () => {
    // ggplot2's "fish", shaped by HarfBuzz: the f and the i one glyph, two stems, no dot.
    assert.ok(dotsAgree('fimu', drawn('llmu')));
    assert.ok(!dotsAgree('limu', drawn('llmu')));
    // An i after another letter is still asked.
    assert.ok(!dotsAgree('fmiu', drawn('lmlu')));
  });

  it('agrees exactly when the reading has no more i and j than were drawn (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom('m', 'u', 'l', 'i'), { minLength: 2, maxLength: 6 }),
        fc.integer({ min: 0, max: 3 }),
        (letters, extra) => {
          const word = letters.join('');
          const reading = word + 'i'.repeat(extra);
          assert.equal(dotsAgree(reading, drawn(word)), extra === 0, `${reading} over ${word}`);
        },
      ),
    );
  });
});

describe('a stem read where the ink shows none', () => {
  it('leaves out the one stem too many where that tells one text', () => {
    // seaborn's GLUE "CoLA" read "ColLA" at 200 dpi, silently.
    assert.equal(stemsMended('ColLA', drawn('CoLA'), true), 'CoLA');
    assert.equal(stemsMended('CoLAl', drawn('CoLA'), true), 'CoLA');
    // Either l of two left out gives one text ("ALBERT-xxl" read "ALBERT-xxll").
    assert.equal(stemsMended('ABxxll', drawn('ABxxl'), true), 'ABxxl');
  });

  it('leaves a reading whose stems the ink shows, or where glyphs may touch', () => {
    assert.equal(stemsMended('CoLlA', drawn('CoLlA'), true), 'CoLlA');
    assert.equal(stemsMended('BIxl', drawn('BIxl'), true), 'BIxl');
    assert.equal(stemsMended('ColLA', drawn('CoLA'), false), 'ColLA');
    assert.equal(stemsMended('CoLA', drawn('CoLA'), true), 'CoLA');
    // A J's or a j's hook may touch a stem before it (0.042 em apart in DejaVu Sans): not asked.
    assert.equal(stemsMended('CoLlJ', drawn('CoLA'), true), 'CoLlJ');
    assert.equal(stemsMended('Colj', drawn('CoA'), true), 'Colj');
  });

  it('takes, of the texts left, the one whose stems stand over stems, glyph for character', () => {
    // Leaving out the l or the I gives two texts: "AlxB" has its l over the x.
    assert.equal(stemsMended('AlxIB', drawn('AxIB'), true), 'AxIB');
    // ggplot2's row label "block1" read "block1l" at 150 dpi: "bock1l" has an l over the o.
    assert.equal(stemsMended('xlAxBl', drawn('xlAxB'), true), 'xlAxB');
  });

  it('reads none where which stem is not told, two are too many, or glyphs touch', () => {
    // Either way, a stem over a stem: "AllB" read over "AlB".
    assert.equal(stemsMended('AllB', drawn('AlB'), true), 'AlB');
    assert.equal(stemsMended('CollLA', drawn('CoLA'), true), null);
    // The C and the o drawn as one glyph: the text left has a character more than glyphs.
    const joined = boxes([[19, 10, 24], glyph.L!, glyph.A!]);
    assert.equal(stemsMended('ColLA', joined, true), null);
  });

  it('gives the word drawn, or nothing, for a stem read anywhere into it (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(...'ABCLoxl'), { minLength: 1, maxLength: 8 }),
        fc.nat(),
        fc.constantFrom('l', 'I'),
        (word, at, stem) => {
          const ink = drawn(word.join(''));
          assert.equal(stemsMended(word.join(''), ink, true), word.join(''));
          const read = [...word];
          read.splice(at % (word.length + 1), 0, stem);
          const mended = stemsMended(read.join(''), ink, true);
          assert.ok(mended === null || mended === word.join(''), `${read.join('')} -> ${mended}`);
        },
      ),
    );
  });
});

describe('a key=value label’s key read with a capital I', () => {
  it('makes an I before small letters and = an l', () => {
    // seaborn's sweep rows "lr=1e-4", "lr=3e-4", "lr=1e-3" at 72 and 150 dpi.
    assert.equal(keyEll('Ir=1e-4'), 'lr=1e-4');
    assert.equal(keyEll('Ir_decay=0.9, Ir=3e-4'), 'lr_decay=0.9, lr=3e-4');
    assert.equal(keyEll('(Iambda=0.1)'), '(lambda=0.1)');
  });

  it('leaves an I with a capital after it, before no =, or inside a word', () => {
    assert.equal(keyEll('IoU=0.5'), 'IoU=0.5');
    assert.equal(keyEll('Iris'), 'Iris');
    assert.equal(keyEll('In 2024'), 'In 2024');
    assert.equal(keyEll('bIr=2'), 'bIr=2');
    assert.equal(keyEll('I=1'), 'I=1');
  });
});

describe('an S and a 5 told by their glyphs', () => {
  // Seaborn's 100-dpi S and 5 (7 by 10 px), as the reader scales a label's crop: 3 times.
  const art: Record<string, string[]> = {
    S: [
      '.#####.',
      '##...##',
      '##.....',
      '.###...',
      '...###.',
      '.....##',
      '......#',
      '......#',
      '##...##',
      '.#####.',
    ],
    '5': [
      '#######',
      '##.....',
      '##.....',
      '######.',
      '.....##',
      '......#',
      '......#',
      '......#',
      '#....##',
      '######.',
    ],
    C: [
      '.#####.',
      '##...##',
      '##.....',
      '##.....',
      '##.....',
      '##.....',
      '##.....',
      '##.....',
      '##...##',
      '.#####.',
    ],
    // A small s: 7 px high, its top at row 3.
    s: ['', '', '', '.#####.', '##.....', '.####..', '....##.', '.....##', '##...##', '.#####.'],
  };
  const drawn = artDrawn(art);

  it('makes each the one its glyph shows where it is 9 image px high or more', () => {
    // ("S3" read "53", "R5" read "RS".)
    for (const read of ['S5', '55', 'SS', '5S'])
      assert.equal(fivesTold(read, drawn('S5'), 3), 'S5');
    assert.equal(fivesTold('5C', drawn('SC'), 3), 'SC');
  });

  it('below, mends only a side bulging out to an S, else leaves the reading as it is', () => {
    // At 4 crop px to the image's, the glyphs are 7.5 px high.
    assert.equal(fivesTold('55', drawn('S5'), 4), 'S5');
    assert.equal(fivesTold('SS', drawn('S5'), 4), 'SS');
  });

  it('makes an s as high as the capitals beside it an S or a 5, never a small one', () => {
    // ("CS" read "Cs", "Q5" read "Qs".)
    assert.equal(fivesTold('Cs', drawn('CS'), 3), 'CS');
    assert.equal(fivesTold('Cs', drawn('C5'), 3), 'C5');
    assert.equal(fivesTold('Cs', drawn('Cs'), 3), 'Cs');
    // With no capital, digit or ascender beside it, an s is not asked ("was", "sex").
    assert.equal(fivesTold('ss', drawn('ss'), 3), 'ss');
  });

  it('leaves a reading with no S, 5 or s, or of another count of glyphs, as it is', () => {
    assert.equal(fivesTold('CC', drawn('CS'), 3), 'CC');
    assert.equal(fivesTold('S', drawn('S5'), 3), 'S');
  });
});

describe('a 0, a 6 and a 9 told by their holes', () => {
  // DejaVu Sans' digits, 7 by 10, drawn 3 times over (as the reader's crops scale them).
  const art: Record<string, string[]> = {
    '0': [
      '.#####.',
      '##...##',
      '##...##',
      '##...##',
      '##...##',
      '##...##',
      '##...##',
      '##...##',
      '##...##',
      '.#####.',
    ],
    '6': [
      '..####.',
      '.##....',
      '##.....',
      '##.....',
      '######.',
      '##...##',
      '##...##',
      '##...##',
      '##...##',
      '.#####.',
    ],
    '9': [
      '.#####.',
      '##...##',
      '##...##',
      '##...##',
      '##...##',
      '.######',
      '.....##',
      '.....##',
      '....##.',
      '.####..',
    ],
    '8': [
      '.#####.',
      '##...##',
      '##...##',
      '##...##',
      '.#####.',
      '##...##',
      '##...##',
      '##...##',
      '##...##',
      '.#####.',
    ],
  };
  const drawn = artDrawn(art);

  it('makes each the one its hole shows where it is 14 image px high or more', () => {
    // (ggplot2's row label "6" at 300 dpi read "0", 90% sure.)
    assert.equal(zerosTold('0', drawn('6'), 2), '6');
    assert.equal(zerosTold('00', drawn('69'), 2), '69');
    assert.equal(zerosTold('96', drawn('06'), 2), '06');
    assert.equal(zerosTold('6', drawn('6'), 2), '6');
  });

  it('leaves the reading where the glyph is small, has no hole it tells by, or the count differs', () => {
    // At 3 crop px to the image's the glyphs are 10 px high; at 2, 15.
    assert.equal(zerosTold('0', drawn('6'), 3), '0');
    // An 8's two holes tell nothing of a 0, a 6 or a 9.
    assert.equal(zerosTold('0', drawn('8'), 2), '0');
    assert.equal(zerosTold('6', drawn('8'), 2), '6');
    assert.equal(zerosTold('0', drawn('66'), 2), '0');
    assert.equal(zerosTold('1', drawn('6'), 2), '1');
  });
});
