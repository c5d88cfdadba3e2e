/**
 * Colorbars whose labels are not the values as written (issue 20): logarithmic ones (LogNorm,
 * labelled with powers of ten in mathtext, 10⁰ … 10⁻²) and linear ones whose labels are scaled
 * by a factor or an amount written at the bar's end (matplotlib's offset text, "1e−5",
 * "×10⁻⁵", "+1e3"). Both had been read as linear scales of their labels: values wrong by a
 * factor of 10⁵, or on a scale from 100 to 103, without a warning. Fixtures drawn by
 * seaborn and matplotlib (scripts/make-read-fixtures.py).
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import type { Spec } from '../../src/node.ts';
import {
  decadeFit,
  exponentOf,
  offsetLike,
  offsetOf,
  plainLogScale,
  powerOf,
  powersScale,
  raisedTail,
} from '../../src/read/powers.ts';
import { scaleAt, steepest, twoSlopes } from '../../src/read/ticks.ts';
import { roundToShare, sharePlace, writeToShare } from '../../src/util/share.ts';
import { ROOT } from '../helpers.ts';

const FIX = join(ROOT, 'test/fixtures/read');

const fixture = (name: string) => ({
  e: JSON.parse(readFileSync(join(FIX, `${name}.json`), 'utf8')) as {
    values: number[][];
    vmin: number;
    vmax: number;
  },
  png: readFileSync(join(FIX, `${name}.png`)),
});

describe('logarithmic colorbars', () => {
  for (const [name, decades] of [
    ['seaborn-lognorm-8x8', [1, 2, 3]],
    ['matplotlib-lognorm-10x12', [-3, -2, -1, 0]],
  ] as const)
    it(`reads ${name}: its labels as powers of ten, each value written to its own uncertainty and within the share of itself stated`, async () => {
      const { readHeatmap, gridCsv } = await import('../../src/io/read-image.ts');
      const { e, png } = fixture(name);
      const r = await readHeatmap(png, name);
      assert.equal(r.log, true, name);
      assert.deepEqual(
        [...r.ticks].sort((a, b) => a - b),
        decades.map((d) => 10 ** d),
      );
      const { share, bound } = r.relative!;
      // 256 colours over 3.5 to 5 decades, and matplotlib's cells a level off its colorbar's.
      assert.ok(bound < 0.15, `±${bound}`);
      const want = e.values.flat();
      const got = Array.from(r.grid.panels[0]!.values);
      got.forEach((v, i) => {
        const written = roundToShare(v, share);
        assert.ok(
          Math.abs(written - want[i]!) <= bound * written,
          `${name} cell ${i}: ${written} for ${want[i]} (±${bound})`,
        );
      });
      // The range (the colorbar's ends, the data's extremes) within the same share.
      assert.ok(Math.abs(r.range![0] - e.vmin) <= bound * r.range![0], `${r.range}`);
      assert.ok(Math.abs(r.range![1] - e.vmax) <= bound * r.range![1], `${r.range}`);
      // Its row and column numbers are read (the colorbar's digits, taken with their raised
      // exponents, had made them look too short: 16 of 16 were given as positions).
      assert.deepEqual(
        r.grid.colLabels,
        want.length === 64 ? [...'01234567'] : [...Array(12).keys()].map(String),
      );
      // Written as read: 3400 beside 2.2 and 0.0015, the CSV as the description.
      const row = gridCsv(r).trim().split('\n')[1]!.split(',').slice(1);
      assert.deepEqual(
        row,
        got.slice(0, row.length).map((v) => writeToShare(v, share)),
      );
      assert.ok(
        r.grid.notes!.some((w) => /on its logarithmic colorbar, each to within ±\d/.test(w)),
      );
    });

  it('reads a logarithmic colorbar labelled with plain numbers (1, 10, 100) as logarithmic', async () => {
    const { readHeatmap } = await import('../../src/io/read-image.ts');
    const { e, png } = fixture('seaborn-lognorm-plain-6x7');
    const r = await readHeatmap(png, 'plain.png');
    assert.equal(r.log, true);
    const { share, bound } = r.relative!;
    Array.from(r.grid.panels[0]!.values).forEach((v, i) => {
      const written = roundToShare(v, share);
      const want = e.values.flat()[i]!;
      assert.ok(Math.abs(written - want) <= bound * written, `cell ${i}: ${written} for ${want}`);
    });
  });

  it('reads heatfig’s own logarithmic renders of random grids (2 to 5 decades) within the share of each value said', async () => {
    const { readHeatmap } = await import('../../src/io/read-image.ts');
    const { outputBytes, renderSpec } = await import('../../src/node.ts');
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 5, max: 12 }),
        fc.integer({ min: 5, max: 12 }),
        fc.integer({ min: -4, max: 2 }),
        fc.integer({ min: 2, max: 5 }),
        fc.constantFrom('viridis', 'magma', 'rocket', 'Blues'),
        fc.integer({ min: 1, max: 2 ** 30 }),
        async (R, C, low, decades, cmap, seed) => {
          let x = seed;
          const rand = () => {
            x = (x * 1103515245 + 12345) % 2 ** 31;
            return x / 2 ** 31;
          };
          const values = Array.from({ length: R }, () =>
            Array.from({ length: C }, () => 10 ** (low + rand() * decades)),
          );
          // The range whole decades, two or more: heatfig labels its logarithmic colorbar with
          // the powers of ten then (over less than two, with round numbers, 20 and 60, which
          // no reader tells from a linear bar's: issue 20's note).
          values[0]![0] = 10 ** low;
          values[R - 1]![C - 1] = 10 ** (low + decades);
          const png = (await outputBytes(
            renderSpec({ data: values, cmap, norm: 'log' } as Spec, { format: 'png' }),
            'png',
          )) as Uint8Array;
          const r = await readHeatmap(png, 'log.png');
          assert.equal(r.log, true, r.warnings.join('; '));
          const { share, bound } = r.relative!;
          Array.from(r.grid.panels[0]!.values).forEach((v, i) => {
            const written = roundToShare(v, share);
            const want = values.flat()[i]!;
            assert.ok(Math.abs(written - want) <= bound * written, `${written} for ${want}`);
          });
        },
      ),
      { numRuns: 6, seed: 2026 },
    );
  });

  it('describes a logarithmic read: the scale, each value to a share of itself, a mean no finer than its values', async () => {
    const { readHeatmap, colorsOf } = await import('../../src/io/read-image.ts');
    const { describeFile } = await import('../../src/node.ts');
    const { checkClaims } = await import('../../src/describe/check.ts');
    const { png } = fixture('seaborn-lognorm-8x8');
    const r = await readHeatmap(png, 'log.png');
    const spec = colorsOf(r);
    assert.equal(spec.norm, 'log');
    const d = describeFile({ ...spec } as Spec, { grid: r.grid });
    const md = d.description.markdown;
    assert.match(
      md,
      /each cell's colour placed on the logarithmic colorbar, whose 3 tick labels \(powers of ten\) were read by text recognition; every value read from colour is good to within ±\d\.\d% of itself and is written to the place of that uncertainty's first digit, no finer/,
    );
    assert.match(md, /the `rocket` colormap, logarithmic from 1\.0\d to 3200/);
    // Cells of one colour read alike, and are said to ("is in 5 cells" had said they held
    // one value: their data are 3,080 to 3,246).
    assert.match(md, /The maximum, 3200, is read in \d cells, whose colours are alike: /);
    // The table as the CSV: each value to its own place (3192.30 had been written to 2 decimals).
    assert.match(md, /\| 0 \| 8\.7 \| 3200 \| 5\.1 \|/);
    // The mean of values each good to ±5% is written to two digits, as they are (447.2 was
    // written where it is good to ±22).
    const mean = /mean (\d[\d.]*)/.exec(md)![1]!;
    assert.ok(mean.replace('.', '').replace(/^0+/, '').replace(/0+$/, '').length <= 2, mean);
    assert.deepEqual(checkClaims(d.figure.grid, d.description.claims), { failures: [], ok: true });
  });

  it('reads the numbers printed over a logarithmic map as printed, each agreeing with its colour in decades', async () => {
    const { readHeatmap } = await import('../../src/io/read-image.ts');
    const { e, png } = fixture('seaborn-lognorm-annot-5x5');
    const r = await readHeatmap(png, 'annot.png');
    assert.equal(r.log, true);
    assert.deepEqual(Array.from(r.grid.panels[0]!.values), e.values.flat());
    assert.equal(r.format, '.0f');
  });

  it('gives no values where the labels are a minor tick’s (2×10⁰ within one decade), and says why', async () => {
    const { readHeatmap } = await import('../../src/io/read-image.ts');
    const { png } = fixture('seaborn-lognorm-one-decade-4x4');
    const r = await readHeatmap(png, 'decade.png');
    assert.ok(Array.from(r.grid.panels[0]!.values).every((v) => v !== v));
    assert.ok(r.warnings.some((w) => /^the colorbar is logarithmic .* without values$/.test(w)));
  });
});

const UNEVEN = /not linear: its tick labels, in order along it, are not evenly spaced/;

describe('scales not read', () => {
  for (const [name, why] of [
    ['seaborn-symlog-6x6', /symmetric logarithmic/],
    ['seaborn-powernorm-6x6', UNEVEN],
  ] as const)
    it(`gives no values for ${name}, and says why (it had been read wrong, with no warning)`, async () => {
      const { readHeatmap } = await import('../../src/io/read-image.ts');
      const { png } = fixture(name);
      const r = await readHeatmap(png, name);
      assert.ok(Array.from(r.grid.panels[0]!.values).every((v) => v !== v));
      assert.ok(
        r.warnings.some((w) => why.test(w)),
        r.warnings.join('\n'),
      );
    });
});

describe('a colorbar of two slopes', () => {
  it('reads TwoSlopeNorm’s bar (each half its own slope, its centre at the middle) within the uncertainty said', async () => {
    // Read through the labels of its longer half, every value below 0 had been off by up to
    // 2.7; then, refused as not linear.
    const { readHeatmap } = await import('../../src/io/read-image.ts');
    const { e, png } = fixture('seaborn-twoslope-6x7');
    const r = await readHeatmap(png, 'twoslope.png');
    assert.deepEqual(
      [...r.ticks].sort((a, b) => a - b),
      [-1, 0, 1, 2, 3, 4],
    );
    // The colour step of the steeper half (the upper: 4 over half the bar), for every value.
    assert.ok(r.uncertainty < 0.08, `±${r.uncertainty}`);
    Array.from(r.grid.panels[0]!.values).forEach((v, i) => {
      const want = e.values.flat()[i]!;
      assert.ok(
        Math.abs(Number(v.toFixed(r.decimals)) - want) <= r.uncertainty,
        `cell ${i}: ${v} for ${want}`,
      );
    });
  });

  it('takes two slopes only where they meet at the bar’s middle, at a label', () => {
    const at = (ps: [number, number][]) => ps.map(([pos, value]) => ({ pos, value }));
    // TwoSlopeNorm -1..0..4 on a bar from 0 to 400 (values rising along it).
    const f = twoSlopes(
      at([
        [0, -1],
        [200, 0],
        [250, 1],
        [300, 2],
        [350, 3],
        [400, 4],
      ]),
      200,
    );
    assert.ok(f);
    assert.equal(scaleAt(f, 100), -0.5);
    assert.equal(scaleAt(f, 225), 0.5);
    assert.equal(steepest(f), 0.02);
    // Not at the middle; one line; PowerNorm's square roots (no two lines at the middle).
    assert.equal(
      twoSlopes(
        at([
          [0, -1],
          [150, 0],
          [250, 2],
          [350, 4],
        ]),
        200,
      ),
      null,
    );
    assert.equal(
      twoSlopes(
        at([
          [0, 0],
          [200, 1],
          [400, 2],
        ]),
        200,
      ),
      null,
    );
    const sqrt = [0.2, 0.4, 0.6, 0.8].map((v): [number, number] => [400 * Math.sqrt(v), v]);
    assert.equal(twoSlopes(at(sqrt), 200), null);
  });
});

describe('colorbars at the left or above', () => {
  for (const name of ['matplotlib-colorbar-left-6x7', 'matplotlib-colorbar-top-6x7'])
    it(`reads ${name}: its labels beyond its marks on that side`, async () => {
      // Looked for on the bare side, none had been read: no values.
      const { readHeatmap } = await import('../../src/io/read-image.ts');
      const { e, png } = fixture(name);
      const r = await readHeatmap(png, name);
      assert.deepEqual(
        [...r.ticks].sort((a, b) => a - b),
        [2, 4, 6, 8],
      );
      assert.ok(r.uncertainty < 0.03 * (e.vmax - e.vmin), `±${r.uncertainty}`);
      Array.from(r.grid.panels[0]!.values).forEach((v, i) => {
        const want = e.values.flat()[i]!;
        assert.ok(
          Math.abs(Number(v.toFixed(r.decimals)) - want) <= r.uncertainty,
          `${name} cell ${i}: ${v} for ${want}`,
        );
      });
    });
});

describe('what heatfig read prints', () => {
  it('prints its own lines alone on standard error: none of text recognition’s', async () => {
    const { spawnSync } = await import('node:child_process');
    const { tempDir } = await import('../helpers.ts');
    const dir = tempDir('heatfig-read-');
    const r = spawnSync(
      process.execPath,
      [
        join(ROOT, 'bin/heatfig.cjs'),
        'read',
        join(FIX, 'matplotlib-colorbar-unticked-6x7.png'),
        '-o',
        'g.csv',
      ],
      { cwd: dir, encoding: 'utf8' },
    );
    assert.equal(r.status, 0, r.stderr);
    const lines = r.stderr.trim().split('\n');
    assert.ok(
      lines.every((l) => l.startsWith('heatfig: ')),
      r.stderr,
    );
    assert.match(r.stderr, /tick labels could not be read/);
  });
});

describe('colorbar labels scaled by an offset text', () => {
  for (const [name, ticks] of [
    ['seaborn-offset-5x5', [0.000005, 0.00001, 0.000015, 0.00002, 0.000025]],
    ['seaborn-offset-level-5x5', [0.000005, 0.00001, 0.000015, 0.00002, 0.000025]],
    ['seaborn-offset-mathtext-5x5', [0.000005, 0.00001, 0.000015, 0.00002, 0.000025]],
    ['seaborn-offset-added-5x5', [1000.002, 1000.004, 1000.006, 1000.008]],
  ] as const)
    it(`reads ${name} with its labels scaled as written at the colorbar's end`, async () => {
      const { readHeatmap } = await import('../../src/io/read-image.ts');
      const { e, png } = fixture(name);
      const r = await readHeatmap(png, name);
      assert.equal(r.log, false);
      // Every label read but one ("1.5" read "15" over the vertical bars, left out).
      const read = [...r.ticks].sort((a, b) => a - b);
      assert.ok(read.length >= ticks.length - 1, `${read}`);
      for (const t of read) assert.ok(ticks.includes(t as never), `${t} in ${read}`);
      assert.ok(r.uncertainty < 0.02 * (e.vmax - e.vmin), `±${r.uncertainty}`);
      const want = e.values.flat();
      Array.from(r.grid.panels[0]!.values).forEach((v, i) => {
        assert.ok(
          Math.abs(Number(v.toFixed(r.decimals)) - want[i]!) <= r.uncertainty,
          `${name} cell ${i}: ${v} for ${want[i]} (±${r.uncertainty})`,
        );
      });
    });
});

describe('matplotlib’s scientific labels as text', () => {
  it('reads an offset text: a factor, an amount added, or both; not other text', () => {
    assert.deepEqual(offsetOf('1e\u22125'), { times: 1e-5, plus: 0 });
    assert.deepEqual(offsetOf('1e-5'), { times: 1e-5, plus: 0 });
    assert.deepEqual(offsetOf('+1e3'), { times: 1, plus: 1000 });
    assert.deepEqual(offsetOf('1e\u22125+1.5e3'), { times: 1e-5, plus: 1500 });
    assert.deepEqual(offsetOf('\u22122e2'), { times: 1, plus: -200 });
    for (const t of ['', '1e', 'le-5', 'e-5', '0.5', 'accuracy', '1e-5+'])
      assert.equal(offsetOf(t), null, t);
    // What has the look of one is refused, not taken for no offset.
    for (const t of ['le-5', '1e-5+', '×1O3', '+1e']) assert.equal(offsetLike(t), true, t);
    for (const t of ['accuracy', 'loss (test)', '']) assert.equal(offsetLike(t), false, t);
  });

  it('reads an exponent: a whole number after any minus matplotlib writes', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -999, max: 999 }),
        fc.constantFrom('-', '\u2212', '--'),
        (k, minus) => {
          const text = k < 0 ? `${minus}${-k}` : String(k);
          assert.equal(exponentOf(text), k);
          assert.deepEqual(offsetOf(`1e${text.replace('--', '-')}`), {
            times: Number(`1e${k}`),
            plus: 0,
          });
        },
      ),
    );
    for (const t of ['', '1.5', 'o', '2x', '-']) assert.equal(exponentOf(t), null, t);
  });

  it('reads a power read whole: 10 and its exponent', () => {
    assert.equal(powerOf('103'), 3);
    assert.equal(powerOf('10\u22122'), -2);
    assert.equal(powerOf('10--1'), -1);
    assert.equal(powerOf('100'), 0);
    for (const t of ['10', '1O3', '20', '10.5', '103x']) assert.equal(powerOf(t), null, t);
  });

  it('finds a logarithmic colorbar’s decade from one power and its minor marks', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 40, max: 300, noNaN: true }),
        fc.boolean(),
        fc.integer({ min: -4, max: 4 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0.6, max: 2.5, noNaN: true }),
        (decade, up, exponent, where, decades) => {
          // A bar from 0 to its length, values rising up it (vertical: towards 0) or along.
          const length = decade * decades;
          const d = up ? -decade : decade;
          const at = (up ? length : 0) + d * (where * (decades - 0.3) + 0.15);
          const marks: number[] = [];
          for (let k = -4; k <= 4; k++)
            for (let m = 1; m <= 9; m++) {
              const p = at + d * (k + Math.log10(m));
              if (p >= 0 && p <= length) marks.push(Math.round(p * 2) / 2);
            }
          const fit = decadeFit(at, exponent, marks, 0, length);
          if (marks.filter((m) => Math.abs(m - at) > 1.5).length < 8) return;
          assert.ok(fit, `decade ${decade}`);
          // log10(value) at the power's mark and a decade along.
          assert.ok(Math.abs(fit.a + fit.b * at - exponent) < 0.02);
          assert.ok(Math.abs(fit.a + fit.b * (at + d) - (exponent + 1)) < 0.02);
        },
      ),
    );
    // Marks evenly spaced (a linear colorbar's minor ticks) are no decade's.
    const even = Array.from({ length: 21 }, (_, i) => i * 15);
    assert.equal(decadeFit(150, 1, even, 0, 300), null);
  });

  it('gives each major mark its power, those whose labels were not read too', () => {
    // seaborn's Blues LogNorm at 72 dpi as a JPEG: 10¹ to 10⁵ a decade 41 px apart, only 10³
    // and 10¹ read; the marks as found (the minor ones at their JPEG places). 10⁴'s mark lies
    // 0.021 of a decade off the line, and had been left out with its label.
    const marks = [77, 118, 158, 199, 240];
    const minor = [
      38, 40, 42, 45, 48, 52, 57, 64, 77, 79, 81, 83, 86, 89, 93, 98, 105, 118.5, 122, 124, 127,
      130, 134, 139, 146, 158, 160, 162, 165, 167, 171, 175, 180, 187, 199, 201, 203, 206, 208, 212,
      216, 221, 228, 240, 242, 244, 246, 249, 252, 256, 262,
    ];
    const powers = [
      { pos: 158, value: 3 },
      { pos: 240, value: 1 },
    ];
    assert.deepEqual(powersScale(powers, marks, minor, 36, 267).exponents, [5, 4, 3, 2, 1]);
    // A minor mark beside a power (0.066 of a decade off it here) is not a second power, nor a
    // mark found twice, a pixel apart.
    const more = [77, 79, 117, 118, 158, 199, 240];
    assert.deepEqual(powersScale(powers, more, minor, 36, 267).exponents, [5, 4, 3, 2, 1]);
  });

  it('takes plain labels for a logarithmic scale only where their logarithms, not they, lie on a line', () => {
    const at = (values: number[]) => values.map((value, i) => ({ pos: 400 - 100 * i, value }));
    // 1, 10, 100 evenly spaced (LogNorm with format '%.0f'): a decade each 100 px.
    const f = plainLogScale(at([1, 10, 100]), [], 0, 400);
    assert.ok(f && Math.abs(f.b + 0.01) < 1e-9 && Math.abs(f.a - 4) < 1e-9, JSON.stringify(f));
    // Linear labels, 1.0 among them; two labels alone with no minor marks; a label at 0.
    assert.equal(plainLogScale(at([0.2, 0.4, 0.6, 0.8, 1.0]), [], 0, 400), null);
    assert.equal(plainLogScale(at([10, 20]), [], 0, 400), null);
    // Powers of ten alone, two or more (heatfig's own logarithmic colorbar: no minor marks).
    assert.ok(plainLogScale(at([10, 100]), [], 0, 400));
    assert.equal(plainLogScale(at([0, 1, 10]), [], 0, 400), null);
    // Two labels and the minor marks between them: logarithmic.
    const minor = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10].flatMap((m) => [
      400 - 100 * Math.log10(m),
      300 - 100 * Math.log10(m),
    ]);
    const g = plainLogScale(at([10, 100]), minor, 200, 400);
    assert.ok(
      g && Math.abs(g.a + g.b * 350 - Math.log10(Math.sqrt(1000))) < 0.01,
      JSON.stringify(g),
    );
  });

  it('parts a label whose ink ends raised into its base and exponent; a level number has none', () => {
    // Blocks of ink on white: the base's two glyphs 10 px tall on one foot, and a tail 6 px
    // tall whose foot stands 6 px above it.
    const W = 30;
    const H = 20;
    const make = (boxes: [number, number, number, number][]) => {
      const rgb = new Uint8Array(W * H * 3).fill(255);
      for (const [x0, y0, x1, y1] of boxes)
        for (let y = y0; y < y1; y++)
          for (let x = x0; x < x1; x++) rgb.fill(0, (y * W + x) * 3, (y * W + x) * 3 + 3);
      return { width: W, height: H, rgb };
    };
    const line = { x0: 0, y0: 0, x1: W, y1: H };
    const power = make([
      [2, 6, 5, 16],
      [7, 6, 12, 16],
      [14, 2, 18, 8],
    ]);
    assert.deepEqual(raisedTail(power, line), {
      base: { x0: 2, y0: 6, x1: 12, y1: 16 },
      exponent: { x0: 14, y0: 2, x1: 18, y1: 8 },
    });
    // A number on one foot; a last glyph as high as the others with a raised end (a 7's bar).
    assert.equal(
      raisedTail(
        make([
          [2, 6, 5, 16],
          [7, 6, 12, 16],
          [14, 6, 18, 16],
        ]),
        line,
      ),
      null,
    );
    assert.equal(
      raisedTail(
        make([
          [2, 6, 5, 16],
          [7, 6, 12, 16],
          [14, 6, 18, 9],
        ]),
        line,
      ),
      null,
    );
  });
});

describe('numbers good to a share of themselves (util/share)', () => {
  it('are written to the place of their uncertainty’s first digit, no finer', () => {
    assert.equal(writeToShare(3412, 0.05), '3400');
    assert.equal(writeToShare(2.07, 0.05), '2.1');
    assert.equal(writeToShare(2.07, 0.04), '2.07');
    assert.equal(writeToShare(4.02, 0.05), '4.0');
    assert.equal(writeToShare(0.0014531, 0.05), '0.00145');
    fc.assert(
      fc.property(
        fc.double({ min: 1e-9, max: 1e9, noNaN: true }),
        fc.double({ min: 0.001, max: 0.5, noNaN: true }),
        (v, share) => {
          const d = sharePlace(v, share);
          // The place is the uncertainty's first digit's.
          assert.ok(10 ** -d <= v * share * (1 + 1e-12) && v * share < 10 ** (1 - d) * (1 + 1e-12));
          // Rounded to it (half its unit at most away), and written as rounded.
          const r = roundToShare(v, share);
          assert.ok(Math.abs(r - v) <= 0.5 * 10 ** -d * (1 + 1e-9) + 1e-12 * v, `${v} ${r}`);
          assert.equal(Number(writeToShare(v, share)), r);
        },
      ),
    );
  });
});
