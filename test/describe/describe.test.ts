/**
 * Descriptions whose every number is true: for each seed figure, the description is right
 * where the seed text is wrong, every claim passes checkClaims, and checkClaims rejects the
 * seed texts' false statements.
 */
import assert from 'node:assert/strict';
import { describe as suite, it } from 'node:test';
import fc from 'fast-check';
import type { Grid } from '../../src/data/grid.ts';
import { checkClaims, numeralsIn } from '../../src/describe/check.ts';
import type { Claim, ClaimInput, ClaimKind, ClaimOf } from '../../src/describe/claims.ts';
import { gridFromSpec } from '../../src/figure/grid-from-spec.ts';
import { describe } from '../../src/describe/describe.ts';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describeFile, outputBytes, renderSpec } from '../../src/node.ts';
import { writeNpy } from '../data/writers.ts';
import { resolveSpec } from '../../src/figure/resolve.ts';
import type { Spec } from '../../src/spec/spec-type.ts';
import { ROOT, tempDir } from '../helpers.ts';
import { figureOf, run } from './detectors/helpers.ts';

const seed = (n: string) => {
  const r = renderSpec(`${ROOT}examples/seed-${n}.json`);
  return { ...r, description: r.description! };
};
const kind = <K extends ClaimKind>(cs: readonly Claim[], k: K) =>
  cs.filter((c) => c.kind === k) as unknown as ClaimOf<K>[];
const numberOf = (c: Pick<Claim, 'numbers'>, name: string) =>
  c.numbers.find((x) => x.name === name)!;
const claim = (c: Partial<ClaimInput> & Pick<ClaimInput, 'kind' | 'params'>): ClaimInput => ({
  id: 'x1',
  facts: {},
  cells: [],
  labels: [],
  numbers: [],
  rule: '',
  score: 0,
  ...c,
});

suite('describe: the seed figures', () => {
  for (const n of ['000', '001', '002', '003', '004']) {
    it(`seed ${n}: every claim and every sentence checks against the data, and the text is stable`, () => {
      const { description: d, figure } = seed(n);
      const r = checkClaims(d.grid, d.claims, d.sentences);
      assert.deepEqual(r.failures, []);
      assert.equal(describe(figure).markdown, d.markdown);
      for (const h of [
        '### Overview',
        '### Components/Axes',
        '### Detailed Analysis',
        '### Key Observations',
      ])
        assert.ok(d.markdown.includes(h), h);
      assert.ok(d.markdown.indexOf('### Overview') < d.markdown.indexOf('### Key Observations'));
      // Issue 15: the observations (the overview's and the list's) carry at most 20 numerals,
      // and the list does not repeat the overview.
      const said = d.sentences.filter((s) => s.section !== 'interpretation').slice(1);
      const numerals = said.flatMap((s) => numeralsIn(s.text));
      assert.ok(numerals.length <= 20, `${numerals.length} numerals`);
      const overview = d.sentences.filter((s) => s.section === 'overview').map((s) => s.text);
      for (const s of d.sentences.filter((x) => x.section === 'observations'))
        assert.ok(!overview.includes(s.text), s.text);
    });
  }

  it('seed 000: says 2 of 5 diagonal cells lead their row and column (the seed says all are 1.00), naming 0.97, 0.96, 0.93', () => {
    const { description: d } = seed('000');
    const [diag] = kind(d.claims, 'diagonal_max');
    assert.equal(numberOf(diag!, 'held').value, 2);
    assert.equal(numberOf(diag!, 'n').value, 5);
    assert.match(
      d.markdown,
      /Only 2 of 5 diagonal cells are the largest of their row and column; the exceptions are `3` \(0\.97, below 1\.00 at row `3` \/ column `1`\), `4` \(0\.96, .*`5` \(0\.93/,
    );
    assert.match(d.markdown, /\| 3 \| 1\.00 \| 1\.00 \| 0\.97 \| 0\.96 \| 0\.93 \|/);
    assert.match(d.markdown, /The minimum is 0\.90, at row `4` \/ column `3`\./);
  });

  it('seed 001: accuracy falls with Length in 6 of the 7 rows (3 steadily, 3 in one step) and u rises in a step, tested as one family; rows end early', () => {
    const { description: d } = seed('001');
    const trend = (label: string) =>
      kind(d.claims, 'trend').find((c) => (c.params['key'] as { label: string }).label === label)!;
    for (const label of ['~', 'o', '>']) assert.equal(trend(label).facts['direction'], 'down');
    // u's rise has p = 0.035 alone, not significant after Benjamini–Hochberg over the 14 tests
    // (each of the 7 rows' trend and step tests): no monotone trend…
    assert.equal(trend('u').facts['direction'], 'none');
    assert.ok(numberOf(trend('u'), 'p').value >= 0.05);
    assert.equal(numberOf(trend('u'), 'tests').value, 14);
    // …but its level changes once, as h's, m's and 4's do (the seed: "h drops at lengths 3–4").
    const steps = kind(d.claims, 'step');
    assert.deepEqual(
      steps.map((c) => [c.params.key.label, c.facts.direction, c.facts.before, c.facts.after]),
      [
        ['h', 'down', '2', '3'],
        ['m', 'down', '2', '3'],
        ['4', 'down', '1', '2'],
        ['u', 'up', '2', '3'],
      ],
    );
    const [family] = kind(d.claims, 'trend_family');
    assert.equal(family!.facts.direction, 'down');
    assert.deepEqual(family!.facts.exceptions, [{ key: { label: 'u', n: 0 }, direction: 'up' }]);
    // The story opens the overview.
    const overview = d.sentences.filter((x) => x.section === 'overview').map((x) => x.text);
    assert.match(
      overview[1]!,
      /^Values fall along `Length` in 6 of 7 rows .*the exception is `u` \(rises\)\.$/,
    );
    assert.match(overview[2]!, /rows `h` \(96\.1% → 84\.7% between `2` and `3`\)/);
    // A falling row is never also "nearly constant".
    assert.doesNotMatch(d.markdown, /row `>` \([^)]*\)[^.]*nearly constant/);
    const [m] = kind(d.claims, 'missing');
    assert.equal(m!.facts['pattern'], 'ragged-ends');
    assert.equal(numberOf(m!, 'missing').value, 59);
    assert.match(
      d.markdown,
      /59 of 140 cells are missing.*from 9 cells \(`h`, `~` and `4`\) to 19 \(`m`\)/,
    );
    assert.match(d.markdown, /\| h \| 96\.7% \| .* \| 83\.7% \| – \|/);
  });

  it('seed 002: 0.00 is in exactly the 4 t_p cells of neg_cities, neg_sp_en_trans, neg_animal_class, neg_element_symb (not all neg_ rows)', () => {
    const { description: d } = seed('002');
    const min = kind(d.claims, 'extreme').find((c) => c.params['which'] === 'min')!;
    assert.deepEqual(
      min.facts.at.map((k) => `${k.row}/${k.col}`),
      ['neg_cities/t_p', 'neg_sp_en_trans/t_p', 'neg_animal_class/t_p', 'neg_element_symb/t_p'],
    );
    assert.match(d.markdown, /\| neg\\_inventors \| 0\.98 \| 0\.03 \| 0\.98 \|/);
    assert.match(d.markdown, /\| neg\\_facts \| 0\.93 \| 0\.09 \| 0\.93 \|/);
  });

  it('seed 003: the output error grows over the four segments in both pairs', () => {
    const { description: d } = seed('003');
    const g = kind(d.claims, 'error_growth');
    assert.equal(g.length, 2);
    for (const c of g) {
      assert.equal(c.facts['direction'], 'up');
      assert.equal(c.facts['segmentsIncreasing'], true);
    }
    assert.match(
      d.markdown,
      /Between `Targets` and `Outputs` \(panels 1 and 2\), the mean absolute difference grows over time/,
    );
  });

  it('seed 004: 11 rows by 5 columns (the seed says 9x5), duplicates noted, 1.3714 beyond the colour range', () => {
    const { description: d } = seed('004');
    assert.match(d.markdown, /a heatmap of 11 rows by 5 columns \(55 cells\)/);
    assert.match(
      d.markdown,
      /11 labels: `-`, `1`, `6`, `0`, `0`, `0`, `-x`, `0`, `8`, `=`, `=` \(repeated: `0` ×4, `=` ×2/,
    );
    const [clip] = kind(d.claims, 'clipping');
    assert.equal(numberOf(clip!, 'over').value, 1);
    assert.match(
      d.markdown,
      /One cell lies outside the colour range \(1 above 1\.0000\) and is drawn in the end colour: 1\.3714 at row `-x` \/ column `8 x 48 = 384`/,
    );
  });
});

suite('labels and titles of several lines', () => {
  it('are written on one line, and every sentence naming them checks against the data', async () => {
    // A title of two lines read from an image ("Confusion matrix\nResNet-50"), or labels
    // with line breaks in a CSV: written as Markdown renders a code span, its break a space.
    const { describeSpec } = await import('../../src/node.ts');
    const d = describeSpec({
      data: {
        values: [
          [0.1, 0.9, 0.2],
          [0.8, 0.1, 0.3],
          [0.2, 0.3, 0.95],
        ],
        rows: ['model\nA', 'model\nB', 'model\nC'],
        cols: ['x', 'y', 'z'],
      },
      title: 'Accuracy\nby model',
    } as Spec);
    const r = checkClaims(d.figure.grid, d.description.claims, d.description.sentences);
    assert.deepEqual(r.failures, []);
    assert.match(d.description.markdown, /^`Accuracy by model`: a heatmap of 3 rows/m);
    assert.match(d.description.markdown, /`model A`, `model B`, `model C`/);
  });
});

suite('checkClaims', () => {
  const s000 = seed('000').description;
  const s001 = seed('001').description;
  const s002 = seed('002').description;
  const s004 = seed('004').description;

  it("rejects the seed texts' false statements", () => {
    const falseClaims: [Grid, ClaimInput][] = [
      // 000: "The diagonal cells all have values of 1.00"
      [
        s000.grid,
        claim({
          kind: 'diagonal_max',
          params: { panel: 0 },
          facts: { all: true },
          numbers: [{ name: 'held', value: 5, text: '5' }],
        }),
      ],
      ...[2, 3, 4].map((i): [Grid, ClaimInput] => [
        s000.grid,
        claim({
          kind: 'value',
          params: { cell: { panel: 0, row: String(i + 1), col: String(i + 1), rowN: 0, colN: 0 } },
          numbers: [{ name: 'value', value: 1, text: '1.00' }],
        }),
      ]),
      // 001: "accuracy tends to decrease as sequence length increases … particularly for … 'u'"
      [
        s001.grid,
        claim({
          kind: 'trend',
          params: { panel: 0, line: 'row', key: { label: 'u', n: 0 }, title: 'Length' },
          facts: { direction: 'down' },
        }),
      ],
      // 001: "'~' consistently exhibits very high accuracy … across all sequence lengths" (it has 9 of 20)
      [
        s001.grid,
        claim({
          kind: 'value',
          params: { cell: { panel: 0, row: '~', col: '19', rowN: 0, colN: 0 } },
          facts: { missing: false },
        }),
      ],
      // 002: "All neg_ categories show 0.00 in t_p"
      [
        s002.grid,
        claim({
          kind: 'value',
          params: { cell: { panel: 0, row: 'neg_inventors', col: 't_p', rowN: 0, colN: 0 } },
          numbers: [{ name: 'value', value: 0, text: '0.00' }],
        }),
      ],
      [
        s002.grid,
        claim({
          kind: 'value',
          params: { cell: { panel: 0, row: 'neg_facts', col: 't_p', rowN: 0, colN: 0 } },
          numbers: [{ name: 'value', value: 0, text: '0.00' }],
        }),
      ],
      // 004: "The heatmap is a 9x5 grid"
      [
        s004.grid,
        claim({
          kind: 'summary',
          params: {},
          numbers: [
            { name: 'rows', value: 9, text: '9' },
            { name: 'cols', value: 5, text: '5' },
          ],
        }),
      ],
    ];
    for (const [grid, c] of falseClaims) {
      const r = checkClaims(grid, [c]);
      assert.equal(r.ok, false, JSON.stringify(c.params));
    }
  });

  it("accepts the seed texts' true statements", () => {
    // 000: "The lowest value (0.90) occurs at digit_a=3 and digit_b=4"
    const min = claim({
      kind: 'extreme',
      params: { which: 'min' },
      facts: { at: [{ panel: 0, row: '4', col: '3', rowN: 0, colN: 0 }] },
      numbers: [{ name: 'value', value: 0.9, text: '0.90' }],
    });
    assert.deepEqual(checkClaims(s000.grid, [min]).failures, []);
    // 004: "The highest positive value is 1.3714"
    const max = claim({
      kind: 'extreme',
      params: { which: 'max' },
      numbers: [{ name: 'value', value: 1.3714, text: '1.3714' }],
    });
    assert.deepEqual(checkClaims(s004.grid, [max]).failures, []);
  });

  it('fails when the cell a claim rests on changes', () => {
    const d = s000;
    const maxClaim = kind(d.claims, 'extreme').find((c) => c.params['which'] === 'min')!;
    const values = Float64Array.from(d.grid.panels[0]!.values);
    values[3 * 5 + 2] = 0.95; // the 0.90 cell
    const perturbed: Grid = { ...d.grid, panels: [{ ...d.grid.panels[0]!, values }] };
    assert.equal(checkClaims(perturbed, [maxClaim]).ok, false);
  });

  it('keeps label-keyed claims valid when rows are reordered', () => {
    const d = s004;
    const p = d.grid.panels[0]!;
    // Move `-x` to the top; rows with duplicate labels keep their order among themselves.
    const stable = [6, 0, 1, 2, 3, 4, 5, 7, 8, 9, 10];
    const v2 = new Float64Array(p.values.length);
    stable.forEach((r, i) => {
      v2.set(p.values.subarray(r * d.grid.cols, (r + 1) * d.grid.cols), i * d.grid.cols);
    });
    const permuted: Grid = {
      ...d.grid,
      panels: [{ ...p, values: v2, rowLabels: stable.map((r) => p.rowLabels[r]!) }],
    };
    const keyed = d.claims.filter((c) =>
      ['summary', 'extreme', 'clipping', 'outliers', 'sign', 'value'].includes(c.kind),
    );
    assert.ok(keyed.length >= 4);
    assert.deepEqual(checkClaims(permuted, keyed).failures, []);
  });

  it('rejects a sentence whose number or label no cited claim states', () => {
    const d = s000;
    const c = d.claims.find((x) => x.kind === 'summary')!;
    assert.equal(
      checkClaims(d.grid, d.claims, [
        { section: 'observations', text: 'There are 26 cells.', claims: [c.id] },
      ]).ok,
      false,
    );
    assert.equal(
      checkClaims(d.grid, d.claims, [
        { section: 'observations', text: 'Row `9` is odd.', claims: [c.id] },
      ]).ok,
      false,
    );
    assert.equal(
      checkClaims(d.grid, d.claims, [
        { section: 'observations', text: 'There are 25 cells.', claims: [c.id] },
      ]).ok,
      true,
    );
  });
});

const gridArb = fc
  .record({
    rows: fc.integer({ min: 1, max: 12 }),
    cols: fc.integer({ min: 1, max: 12 }),
    missing: fc.double({ min: 0, max: 0.5, noNaN: true }),
    levels: fc.integer({ min: 1, max: 6 }),
    negative: fc.boolean(),
    square: fc.boolean(),
    ordered: fc.boolean(),
    seed: fc.integer(),
    fmt: fc.constantFrom(null, '.2f', '.1%', 'd', '.3g', '.4f'),
  })
  .map((r) => {
    let s = r.seed;
    const rand = () => {
      s = (Math.imul(s ^ (s >>> 13), 1274126177) + 7) | 0;
      return (s >>> 0) / 4294967296;
    };
    const rows = r.square ? r.cols : r.rows;
    const values = Array.from({ length: rows }, (_, i) =>
      Array.from({ length: r.cols }, (_, j) => {
        if (rand() < r.missing) return null;
        const q = Math.floor(rand() * r.levels) / r.levels; // ties on purpose
        return (
          (r.negative ? q - 0.5 : q) * 10 +
          (r.ordered ? j * 0.3 : 0) +
          (r.square && i === j ? 2 : 0)
        );
      }),
    );
    const labels = (n: number) =>
      Array.from({ length: n }, (_, i) => (r.ordered || r.square ? String(i) : `L${i % 3}`));
    return {
      spec: {
        data: { values, rows: labels(rows), cols: labels(r.cols) },
        ...(r.fmt ? { annot: true, fmt: r.fmt } : {}),
        ...(r.negative ? { center: 0 } : {}),
        xlabel: 'x',
        ylabel: 'y',
      },
    };
  });

suite('describe: properties', () => {
  it('every claim and sentence it writes passes checkClaims, for random grids (sizes, missing cells, ties, constants, negatives)', () => {
    fc.assert(
      fc.property(gridArb, ({ spec }) => {
        const figure = resolveSpec(spec, gridFromSpec(spec));
        const d = describe(figure);
        const r = checkClaims(d.grid, d.claims, d.sentences);
        assert.deepEqual(r.failures, []);
      }),
      { seed: 21, numRuns: 2000 },
    );
  });

  it('is deterministic', () => {
    fc.assert(
      fc.property(gridArb, ({ spec }) => {
        const a = renderSpec(spec).description!.markdown;
        const b = describe(resolveSpec(spec, renderSpec(spec).figure.grid)).markdown;
        assert.equal(a, b);
      }),
      { seed: 22, numRuns: 50 },
    );
  });
});

suite('descriptions in the outputs', () => {
  it('SVG carries the description in <desc>, referenced by aria-describedby', () => {
    const { output } = seed('004');
    const id = /aria-describedby="(heatfig-[a-z0-9]+)-desc"/.exec(output)?.[1];
    assert.ok(id);
    assert.match(output, new RegExp(`<desc id="${id}-desc">Heatmap: Token Attribution\\. `));
    assert.match(output, /a heatmap of 11 rows by 5 columns/);
  });

  it('says it to a screen reader in plain sentences: no Markdown, labels as they are (issue 15)', () => {
    const { output } = renderSpec({
      data: {
        values: [
          [0.1, 0.2, 0.3],
          [0.2, 0.1, 0.2],
          [9, 0.3, 0.1],
          [0.3, 0.2, 0.1],
        ],
        rows: ['a', 'b', '<x> & y', 'c'],
        cols: ['p', 'q', 'r'],
      },
    });
    const desc = /<desc[^>]*>([^<]*)<\/desc>/.exec(output)![1]!;
    assert.doesNotMatch(desc, /###|\||`/);
    // The row labelled "<x> & y" is escaped once, for XML: a reader hears "<x> & y", not "&lt;x&gt;".
    assert.match(desc, /“&lt;x&gt; &amp; y”/);
    assert.doesNotMatch(desc, /&amp;(lt|gt|amp);/);
  });
  it('PDF carries it as the Subject', async () => {
    const pdf = Buffer.from(await outputBytes(seed('000'), 'pdf')).toString('latin1');
    assert.match(pdf, /\/Subject \d+ 0 R/);
    // pdfkit writes ASCII metadata as it is, and anything else as UTF-16BE.
    const utf16 = (t: string) => [...t].map((c) => `\u0000${c}`).join('');
    const said = 'a heatmap of 5 rows by 5 columns';
    assert.ok(pdf.includes(said) || pdf.includes(utf16(said)));
  });
});

suite('describe: number agreement', () => {
  const markdown = (spec: Record<string, unknown>) => {
    const r = renderSpec(spec);
    const d = r.description!;
    assert.deepEqual(checkClaims(d.grid, d.claims, d.sentences).failures, []);
    return d.markdown;
  };

  it('says "is" when one diagonal cell holds, "no diagonal cell" when none does', () => {
    const labels = ['a', 'b', 'c'];
    const one = {
      data: {
        values: [
          [9, 0, 0],
          [0, 1, 5],
          [0, 5, 1],
        ],
        rows: labels,
        cols: labels,
      },
    };
    assert.match(markdown(one), /Only 1 of 3 diagonal cells is the largest of its row and column;/);
    // No diagonal cell holding is no story (it ranks low), but said right when it is said.
    const none = figureOf(
      [
        [1, 5, 0],
        [5, 1, 0],
        [0, 6, 1],
      ],
      { rows: labels, cols: labels },
    );
    assert.match(
      run('diagonal_max', none).sentences[0]!,
      /No diagonal cell is the largest of its row and column \(0 of 3\);/,
    );
  });

  it('names one line "row", several "rows", in each trend group', () => {
    const cols = [1, 2, 3, 4, 5, 6];
    const spec = {
      data: {
        values: [
          [1, 2, 3, 4, 5, 6],
          [3, 1, 4, 1, 5, 2],
          [2, 7, 1, 8, 2, 8],
        ],
        rows: ['up', 'x', 'y'],
        cols,
      },
    };
    assert.match(
      markdown(spec),
      /row `up` \(1 → 6\) rises; rows `x` and `y` show no consistent trend/,
    );
  });
});

suite('the data table of a large grid (issue 15: no 1000-row table in the text)', () => {
  it('summarises 1000 rows in 50 blocks of 20, with the NaN cells as missing and infinities out of the mean', () => {
    const rows = 1000;
    const cols = 3;
    const values = new Float64Array(rows * cols).map((_, k) => k % 7);
    values[0] = Number.NaN;
    values[1] = Number.POSITIVE_INFINITY;
    const labels = Array.from({ length: rows }, (_, i) => String(i));
    const figure = resolveSpec(
      { data: [[0]] },
      {
        cols,
        colLabels: ['a', 'b', 'c'],
        panels: [{ title: null, rows, rowLabels: labels, values }],
      },
    );
    const md = describe(figure).markdown;
    const table = md.split('\n').filter((l) => /^\| \d/.test(l));
    assert.equal(table.length, 50);
    // Rows 0 to 19: 60 cells, one NaN; the infinite cell is neither missing nor in the mean.
    const finite = Array.from(values.subarray(0, 60)).filter(Number.isFinite);
    const mean = finite.reduce((a, b) => a + b, 0) / finite.length;
    assert.equal(table[0], `| 0 – 19 | 60 | 1 | 0 | ${Number(mean.toPrecision(3))} | 6 |`);
    assert.match(table[49]!, /^\| 980 – 999 \| 60 \| 0 \|/);
  });
});

suite('labels the reader sees (xticklabels and yticklabels lists)', () => {
  it('names rows and columns by the tick labels given, not the data positions under them', () => {
    const spec = {
      data: [
        [0.1, 0.9],
        [0.2, 0.3],
      ],
      xticklabels: ['<s>', 'cat'],
      yticklabels: ['query A', 'query B'],
    } as Spec;
    const d = describe(resolveSpec(spec, gridFromSpec(spec, null)));
    assert.match(d.markdown, /row `query A` \/ column `cat`/);
    assert.doesNotMatch(d.markdown, /column `1`/);
    assert.deepEqual(checkClaims(d.grid, d.claims, d.sentences).failures, []);
  });
});

suite('the description on its own (heatfig describe, describeFile)', () => {
  it('reduces a large grid to half an SVG’s blocks a side, exactly from the data, and says so', () => {
    const n = 2400;
    const values = Array.from({ length: n * n }, (_, i) => Math.floor(i / n) / n + (i % n) / n);
    const dir = tempDir('heatfig-describe-');
    const file = join(dir, 'big.npy');
    writeFileSync(file, writeNpy(values, [n, n], 'f4'));
    const alone = describeFile({ data: { file } });
    const grid = alone.description.grid;
    assert.equal(grid.panels[0]!.rows, 500);
    assert.equal(grid.cols, 500);
    assert.match(
      alone.description.markdown,
      /reduced from 2400 × 2400: each cell is the mean of blocks of up to 5 × 5 cells/,
    );
    // The claims hold on the grid described.
    assert.deepEqual(checkClaims(grid, alone.description.claims).failures, []);
    // An SVG carries the description of the grid it draws (1000 blocks a side).
    const svg = renderSpec({ data: { file } }, { format: 'svg' });
    assert.equal(svg.figure.grid.cols, 1000);
  });
});
