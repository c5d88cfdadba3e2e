/**
 * Figures as matplotlib and seaborn users set them up (issue 20), each of which had been read
 * wrong without a warning: a colorbar with its own title turned up beyond its labels (no
 * values), matplotlib's continuous axes (imshow's 0.0, 2.5, 5.0 … and pcolormesh's cell
 * edges: labels given to the wrong cells, or none read), and two heatmaps in one figure (one
 * read through the other's colorbar, or both read as one grid). Fixtures drawn by seaborn and
 * matplotlib (scripts/make-read-fixtures.py).
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import type { Spec } from '../../src/node.ts';
import { coordinateLabels, indexCells } from '../../src/read/labels.ts';
import { ROOT } from '../helpers.ts';

const FIX = join(ROOT, 'test/fixtures/read');

const fixture = <T = { values: number[][]; vmin: number; vmax: number }>(name: string) => ({
  e: JSON.parse(readFileSync(join(FIX, `${name}.json`), 'utf8')) as T,
  png: readFileSync(join(FIX, `${name}.png`)),
});

const read = async (name: string) => {
  const { readHeatmap } = await import('../../src/io/read-image.ts');
  return readHeatmap(fixture(name).png, name);
};

/** A fixture read as PNG or as its JPEG. */
const readExt = async (name: string, ext: 'png' | 'jpg') => {
  const { readHeatmap } = await import('../../src/io/read-image.ts');
  return readHeatmap(readFileSync(join(FIX, `${name}.${ext}`)), `${name}.${ext}`);
};

/** Each row and column label of a read image as drawn (`e`), or said not read: none wrong. */
function rightOrUnread(
  r: Awaited<ReturnType<typeof readExt>>,
  e: { readonly rows: readonly string[]; readonly cols: readonly string[] },
  name: string,
): void {
  const unread = r.grid.unreadLabels ?? { rows: [], cols: [] };
  for (const [got, want, missing] of [
    [r.grid.panels[0]!.rowLabels, e.rows, unread.rows],
    [r.grid.colLabels, e.cols, unread.cols],
  ] as const)
    for (const [i, l] of got.entries())
      assert.ok(l === want[i] || missing.includes(i), `${name} ${i}: ${l} for ${want[i]}`);
}

/** A fixture read, its every value and label exactly as drawn. */
async function readAsDrawn(name: string): Promise<Awaited<ReturnType<typeof read>>> {
  const { e } = fixture<{ values: number[][]; rows: string[]; cols: string[] }>(name);
  const r = await read(name);
  assert.deepEqual(Array.from(r.grid.panels[0]!.values), e.values.flat(), name);
  assert.deepEqual([r.grid.panels[0]!.rowLabels, r.grid.colLabels], [e.rows, e.cols], name);
  return r;
}

/** The description of an image read, its claims checked against the grid read. */
async function described(r: Awaited<ReturnType<typeof read>>): Promise<string> {
  const { colorsOf } = await import('../../src/io/read-image.ts');
  const { describeFile } = await import('../../src/node.ts');
  const { checkClaims } = await import('../../src/describe/check.ts');
  const d = describeFile({ ...colorsOf(r) } as Spec, { grid: r.grid });
  assert.deepEqual(checkClaims(d.figure.grid, d.description.claims), { failures: [], ok: true });
  return d.description.markdown;
}

/** Every value read within the uncertainty stated of the one drawn (rows as `want` gives them). */
function within(r: Awaited<ReturnType<typeof read>>, want: readonly number[], name: string) {
  const got = Array.from(r.grid.panels[0]!.values);
  assert.equal(got.length, want.length, name);
  got.forEach((v, i) => {
    assert.ok(
      Math.abs(Number(v.toFixed(r.decimals)) - want[i]!) <= r.uncertainty,
      `${name} cell ${i}: ${v} for ${want[i]} (±${r.uncertainty})`,
    );
  });
}

describe('a colorbar with a title', () => {
  it('reads a bar whose title is turned up beyond its labels (cbar_kws label) as the linear bar it is', async () => {
    // Read with the labels, the title ran their lines together: a logarithmic bar, no values.
    const name = 'seaborn-colorbar-title-12x10';
    const { e } = fixture(name);
    const r = await read(name);
    assert.equal(r.log, false);
    assert.deepEqual(
      [...r.ticks].sort((a, b) => a - b),
      [10, 20, 30, 40],
    );
    assert.ok(r.uncertainty < 0.02 * (e.vmax - e.vmin), `±${r.uncertainty}`);
    within(r, e.values.flat(), name);
  });
});

describe('continuous axes', () => {
  it('labels imshow’s columns with their centres’ coordinates, from ticks at 0.0, 2.5, 5.0 …', async () => {
    // "2.5" had been given to column 2, and "10.0", read "100", to column 10.
    const name = 'matplotlib-imshow-continuous-16x16';
    const { e } = fixture(name);
    const r = await read(name);
    assert.deepEqual(
      r.grid.colLabels,
      Array.from({ length: 16 }, (_, i) => i.toFixed(1)),
    );
    assert.deepEqual(
      r.grid.panels[0]!.rowLabels,
      Array.from({ length: 16 }, (_, i) => String(i)),
    );
    assert.ok(
      r.grid.notes!.some((n) =>
        /^the columns' axis is continuous, its ticks marked 0\.0, 2\.5, 5\.0/.test(n),
      ),
      r.grid.notes!.join('\n'),
    );
    within(r, e.values.flat(), name);
  });

  it('labels pcolormesh’s rows and columns with their centres, from ticks at the cells’ edges, rows as shown (upward)', async () => {
    // None of its labels had been read: positions, 0 at the top, stood in.
    const name = 'matplotlib-pcolormesh-9x7';
    const { e } = fixture(name);
    const r = await read(name);
    assert.deepEqual(
      r.grid.colLabels,
      Array.from({ length: 7 }, (_, i) => `${i}.5`),
    );
    assert.deepEqual(
      r.grid.panels[0]!.rowLabels,
      Array.from({ length: 9 }, (_, i) => `${8 - i}.5`),
    );
    // The top row shown is the data's last.
    within(r, [...e.values].reverse().flat(), name);
    // The description says what the labels are, and its claims hold.
    const md = await described(r);
    assert.match(
      md,
      /- \*\*Rows\*\*, labelled at the left: 9 labels: `8\.5`, .*`0\.5`; the rows' axis is continuous, its ticks marked `9`, `8`, .*`0` \(not one per row\): each row is labelled with the coordinate of its centre\./,
    );
  });

  it('says where pcolormesh’s columns of uneven widths were read as equal cells of one value', async () => {
    // Edges 0, 1, 3, 4, 7, 8, 10: every one on the lattice of the narrowest cells, the 5×6
    // grid had been read 5×10, each wide cell as two or three of one value, silently.
    const name = 'matplotlib-pcolormesh-uneven-5x6';
    const { e } = fixture<{ values: number[][]; xedges: number[] }>(name);
    const r = await read(name);
    assert.deepEqual(
      r.grid.colLabels,
      Array.from({ length: 10 }, (_, i) => `${i}.5`),
    );
    // Each unit column holds the value of the drawn cell over it.
    const cellOf = (u: number) => e.xedges.findIndex((x, i) => u >= x && u < e.xedges[i + 1]!);
    const want = [...e.values]
      .reverse()
      .flatMap((row) => Array.from({ length: 10 }, (_, u) => row[cellOf(u)]!));
    // The largest value is vmax, drawn in the colorbar's top colour: read a little under
    // it, and said to be in that colour and to "may hold more".
    const values = Array.from(r.grid.panels[0]!.values);
    const top = Math.max(...values);
    values.forEach((v, i) => {
      const off = Number(v.toFixed(r.decimals)) - want[i]!;
      assert.ok(
        Math.abs(off) <= r.uncertainty || (v === top && off < 0),
        `cell ${i}: ${v} for ${want[i]}`,
      );
    });
    assert.ok(r.warnings.some((w) => w.includes('2 cells in the colour of its high end')));
    const said =
      "the columns labelled 1.5 and 2.5, 4.5 to 6.5, and 8.5 and 9.5 are each one colour in every row, no edge seen between them: they were read as cells of the axis's spacing, their values repeated; if they are cells wider than the others (pcolormesh with uneven edges), the grid is 5×6, not 5×10";
    assert.ok(r.warnings.includes(said), r.warnings.join('\n'));
    // The description's account of the data says it too.
    assert.ok((await described(r)).includes(`. But ${said}.`));
    // pcolormesh of equal cells, random values: every boundary seen, nothing said.
    const even = await read('matplotlib-pcolormesh-9x7');
    assert.ok(!even.warnings.some((w) => w.includes('no edge seen')), even.warnings.join('\n'));
  });

  it('labels imshow’s rows and columns over an extent with their centres in its units', async () => {
    // Its rows' marks, at their edges, had been taken for their labels: none was read.
    const name = 'matplotlib-imshow-extent-6x8';
    const { e } = fixture(name);
    const r = await read(name);
    assert.deepEqual(r.grid.panels[0]!.rowLabels, ['0.55', '0.45', '0.35', '0.25', '0.15', '0.05']);
    // Columns 1/8 wide: each label within a tenth of a column of its centre.
    r.grid.colLabels.forEach((l, i) => {
      assert.ok(Math.abs(Number(l) - (i + 0.5) / 8) <= 0.0125, `column ${i}: ${l}`);
    });
    within(r, e.values.flat(), name);
  });

  it('gives each cell its centre on the line through the ticks read, a tick whose point was lost among them', () => {
    // imshow's 16 columns at 100 dpi: marks at whole pixels, "10.0" read "100", "15.0" not read.
    const lattice = { n: 16, origin: -0.125, width: 19.3125 };
    const marks = [72, 121, 169, 218, 266, 314, 363];
    const texts = ['0.0', '2.5', '5.0', '7.5', '100', '125', ''];
    const c = coordinateLabels(
      marks.map((at, i) => ({ text: texts[i]!, at })),
      64,
      lattice,
    );
    assert.deepEqual(
      c?.labels,
      Array.from({ length: 16 }, (_, i) => i.toFixed(1)),
    );
    assert.deepEqual(c?.ticks, ['0.0', '2.5', '5.0', '7.5', '10.0', '12.5']);
  });

  it('counts an index axis’s cells from its labels’ line where the grid’s ends are -0.5 and N - 0.5', () => {
    // Plotly's 64 rows of 5 px from 100 to 420, labels 0 to 60 at the centres of rows 0 to 60.
    assert.equal(indexCells({ a: -0.5 - 0.2 * 100, b: 0.2 }, 100, 420), 64);
    // Labels rising upwards (origin='lower'): the same count.
    assert.equal(indexCells({ a: 63.5 + 0.2 * 100, b: -0.2 }, 100, 420), 64);
    // Coordinates whose grid starts at 0 (imshow with an extent), or cells under 3 px: none.
    assert.equal(indexCells({ a: -0.2 * 100, b: 0.2 }, 100, 420), null);
    assert.equal(indexCells({ a: -0.5 - 100, b: 1 }, 100, 420), null);
  });

  it('leaves an axis whose labels stand at their cells’ centres (seaborn’s) to be read cell by cell', () => {
    const lattice = { n: 6, origin: 0, width: 30 };
    const at = (i: number) => 100 + (i + 0.5) * 30;
    assert.equal(
      coordinateLabels(
        [0, 2, 4].map((i) => ({ text: String(i), at: at(i) })),
        100,
        lattice,
      ),
      null,
    );
    // Words, or numbers on no line (learning rates), are no coordinates.
    const edges = (texts: string[]) =>
      coordinateLabels(
        texts.map((text, i) => ({ text, at: 100 + i * 45 })),
        100,
        lattice,
      );
    assert.equal(edges(['a', 'b', 'c', 'd']), null);
    assert.equal(edges(['0.001', '0.01', '0.1', '1']), null);
  });

  it('recovers every cell’s centre from ticks at any nice step and offset (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 3, max: 40 }),
        fc.double({ min: 6, max: 60, noNaN: true }),
        fc.constantFrom(0.5, 1, 2, 2.5, 5, 10),
        fc.integer({ min: -20, max: 20 }),
        fc.double({ min: -0.5, max: 0.5, noNaN: true }),
        (n, width, tick, start, shift) => {
          // Coordinates: the cells' centres at start, start + 1, …; ticks every `tick` from a
          // multiple of it, their labels at whole pixels (as marks are found).
          const from = 50;
          const lattice = { n, origin: shift, width };
          const px = (v: number) => from + shift + (v - start + 0.5) * width;
          const ticks: { text: string; at: number }[] = [];
          for (let v = Math.ceil((start - 0.5) / tick) * tick; v <= start + n - 0.5; v += tick)
            ticks.push({ text: v.toFixed(tick % 1 ? 1 : 0), at: Math.round(px(v)) });
          const c = coordinateLabels(ticks, from, lattice);
          const offCentre = ticks.some((t) => {
            const i = Math.floor((t.at - from - shift) / width);
            return Math.abs(t.at - (from + shift + (i + 0.5) * width)) >= 0.25 * width;
          });
          if (ticks.length < 3 || !offCentre) return c === null;
          assert.ok(c, JSON.stringify({ ticks }));
          return c.labels.every((l, i) => Number(l) === start + i);
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('matshow', () => {
  it('reads the column labels above a square grid beside a taller colorbar', async () => {
    // The bar's foot, below the grid, had been taken for the columns' labels: none was read,
    // and the labels above were not looked for.
    const name = 'matplotlib-matshow-5x5';
    const { e } = fixture(name);
    const r = await read(name);
    assert.equal(r.grid.unreadLabels, undefined);
    assert.equal(r.grid.readLayout?.cols, 'top');
    assert.deepEqual(r.grid.colLabels, ['0', '1', '2', '3', '4']);
    within(r, e.values.flat(), name);
  });
});

describe('axes labelled one row in every few', () => {
  it('says the rows with no label shown have none, not that theirs could not be read', async () => {
    // seaborn labels every other row of 40: the odd ones had been said "could not be read".
    const name = 'seaborn-numbered-40x8';
    const r = await read(name);
    const md = await described(r);
    assert.match(
      md,
      /- \*\*Rows\*\*, labelled at the left: 40 labels: .*; 20 have no label shown in the image \(the axis labels one in every few\), and their positions stand in\./,
    );
    assert.doesNotMatch(md, /could not be read/);
  });
});

describe('no labels', () => {
  it('says an image without labels is not labelled, not that its labels could not be read', async () => {
    const name = 'seaborn-unlabelled-6x7';
    const r = await read(name);
    assert.equal(r.grid.unreadLabels, undefined);
    const md = await described(r);
    assert.match(
      md,
      /- \*\*Columns\*\*, not labelled in the image: 7 labels: `0`, .*`6`; their positions stand in \(0 is the first\)\./,
    );
    assert.match(md, /- \*\*Rows\*\*, not labelled in the image: 6 labels:/);
    assert.doesNotMatch(md, /could not be read|labelled below/);
  });
});

describe('two heatmaps in one figure', () => {
  it('reads the right one through its own colorbar, and says the other is there', async () => {
    // The left one's colorbar stood beside it too, across the gap: four numbers not read were
    // read from the wrong colours.
    const name = 'seaborn-two-panels-5x6';
    const { e } = fixture<{ panels: number[][][] }>(name);
    const r = await read(name);
    assert.deepEqual(Array.from(r.grid.panels[0]!.values), e.panels[1]!.flat());
    assert.ok(
      r.grid.notes!.includes(
        'the image holds another heatmap besides the one read (panel 2 of 2, numbered left to right, then top to bottom): panel 1 (at its left), not read; --panel N reads it (N = 1)',
      ),
      r.grid.notes!.join('\n'),
    );
  });

  it('reads one of two heatmaps one over the other, not both as one grid with their colorbars joined', async () => {
    // Read as one grid of 178 rows, through both colorbars joined into one.
    const name = 'seaborn-stacked-panels-4x5';
    const { e } = fixture<{ panels: number[][][] }>(name);
    const r = await read(name);
    assert.equal(r.grid.panels[0]!.rows, 4);
    assert.equal(r.grid.cols, 5);
    const top = e.panels[0]!.flat();
    assert.ok(r.uncertainty < 0.02, `±${r.uncertainty}`);
    within(r, top, name);
    assert.ok(
      r.grid.notes!.some((n) =>
        /another heatmap besides the one read \(panel 1 of 2, .*\): panel 2 \(below it\)/.test(n),
      ),
      r.grid.notes!.join('\n'),
    );
  });
});

describe('a grid of heatmaps, each read with --panel', () => {
  const readPanel = async (name: string, panel: number) => {
    const { readHeatmap } = await import('../../src/io/read-image.ts');
    return readHeatmap(fixture(name).png, name, { panel });
  };

  it('reads each of four panels (2×2, each its own colorbar and range) through its own colorbar, numbered in reading order', async () => {
    // Only the one covering the most had been read; the others said, to be cropped by hand.
    const name = 'seaborn-heads-2x2-5x5';
    const { e } = fixture<{ panels: number[][][] }>(name);
    const places = [
      'panel 2 (at its right), panel 3 (below it), panel 4 (below it, at its right)',
      'panel 1 (at its left), panel 3 (below it, at its left), panel 4 (below it)',
      'panel 1 (above it), panel 2 (above it, at its right), panel 4 (at its right)',
      'panel 1 (above it, at its left), panel 2 (above it), panel 3 (at its left)',
    ];
    for (let k = 1; k <= 4; k++) {
      const r = await readPanel(name, k);
      // Ranges 1, 2, 5 and 10 wide: read through another panel's colorbar, every value is off.
      within(r, e.panels[k - 1]!.flat(), `${name} panel ${k}`);
      assert.ok(
        r.grid.notes!.includes(
          `the image holds 3 other heatmaps besides the one read (panel ${k} of 4, numbered left to right, then top to bottom): ${places[k - 1]}, not read; --panel N reads another`,
        ),
        r.grid.notes!.join('\n'),
      );
      assert.deepEqual(r.grid.otherHeatmaps?.panel, k);
      // Each panel's own title names it.
      assert.equal(r.title, `head ${k - 1}`);
    }
    const md = await described(await readPanel(name, 3));
    assert.match(
      md,
      /- \*\*Other heatmaps\*\*: the image holds 3 other heatmaps besides the one read \(panel 3 of 4, numbered left to right, then top to bottom\): panel 1 \(above it\), panel 2 \(above it, at its right\), panel 4 \(at its right\), not read and not described here\./,
    );
  });

  it('reads each panel of both as JPEG at quality 75 too, within the bound it states, titles as in the PNG', async () => {
    const { readHeatmap } = await import('../../src/io/read-image.ts');
    for (const [name, titles] of [
      ['seaborn-heads-2x2-5x5', ['head 0', 'head 1', 'head 2', 'head 3']],
      ['matplotlib-shared-bar-1x3-6x6', ['epoch 1', 'epoch 5', 'epoch 10']],
    ] as const) {
      const { e } = fixture<{ panels: number[][][] }>(name);
      const jpg = readFileSync(join(FIX, `${name}.jpg`));
      for (let k = 1; k <= titles.length; k++) {
        const r = await readHeatmap(jpg, name, { panel: k });
        within(r, e.panels[k - 1]!.flat(), `${name}.jpg panel ${k}`);
        assert.equal(r.title, titles[k - 1]);
      }
    }
  });

  it('reads each of three panels that share one colorbar through it', async () => {
    const name = 'matplotlib-shared-bar-1x3-6x6';
    const { e } = fixture<{ panels: number[][][] }>(name);
    for (let k = 1; k <= 3; k++) {
      const r = await readPanel(name, k);
      within(r, e.panels[k - 1]!.flat(), name);
      assert.equal(r.title, ['epoch 1', 'epoch 5', 'epoch 10'][k - 1]);
    }
  });

  it("refuses a panel past the image's heatmaps, and --panel for what is not an image, in one line", async () => {
    await assert.rejects(readPanel('seaborn-heads-2x2-5x5', 5), {
      message:
        /^--panel: the image holds 4 heatmaps, not 5; give --panel 1 to 4 \(left to right, then top to bottom\)$/,
    });
    await assert.rejects(readPanel('seaborn-viridis-6x8', 2), {
      message: /^--panel: the image holds one heatmap, not 2; give --panel 1 or none$/,
    });
    // One heatmap, panel 1: read as without it, and no other said.
    const one = await readPanel('seaborn-viridis-6x8', 1);
    assert.equal(one.grid.otherHeatmaps, undefined);
    const { spawnSync } = await import('node:child_process');
    const cli = (...args: string[]) =>
      spawnSync(process.execPath, [join(ROOT, 'bin/heatfig.cjs'), ...args], { encoding: 'utf8' });
    // A panel read to standard output: past the image's panels, or none at all.
    const panel = (n: string) =>
      cli(
        'read',
        join(FIX, 'seaborn-heads-2x2-5x5.png'),
        '--panel',
        n,
        '-o',
        '-',
        '--format',
        'csv',
      );
    const past = panel('5');
    assert.equal(past.status, 2);
    assert.equal(
      past.stderr,
      'heatfig: error: --panel: the image holds 4 heatmaps, not 5; give --panel 1 to 4 (left to right, then top to bottom)\n',
    );
    assert.equal(past.stdout, '');
    const zero = panel('0');
    assert.equal(zero.status, 2);
    assert.match(
      zero.stderr,
      /^heatfig: error: --panel: 0 is out of range; give --panel a whole number from 1 up to 1,000\n$/,
    );
    const data = cli('describe', join(FIX, 'seaborn-viridis-6x8.json'), '--panel', '2');
    assert.equal(data.status, 2);
    assert.equal(
      data.stderr,
      'heatfig: error: --panel: a panel is chosen only in a heatmap image (PNG, JPEG, PDF) read back; give it without --panel\n',
    );
    // describe of an image, its third panel.
    const third = cli('describe', join(FIX, 'seaborn-heads-2x2-5x5.png'), '--panel', '3');
    assert.equal(third.status, 0, third.stderr);
    assert.match(third.stdout, /panel 3 of 4/);
  });
});

describe('titles', () => {
  it('reads the title above the grid (ax.set_title), past column labels above it, into the spec and the description', async () => {
    // No title had been read: a figure's name was lost, and a panel's ("head 3") with it.
    const cases: [string, string][] = [
      ['matplotlib-gallery-annot-7x7', 'Harvest of local farmers (in tons/year)'],
      ['seaborn-top-labels-5x4', 'Scores by run'],
      ['seaborn-two-panels-5x6', 'run B'],
      ['seaborn-stacked-panels-4x5', 'loss'],
    ];
    for (const [name, title] of cases) assert.equal((await read(name)).title, title, name);
    const r = await read('seaborn-top-labels-5x4');
    const { gridSpec } = await import('../../src/io/read-image.ts');
    assert.equal((gridSpec(r) as { title?: string }).title, 'Scores by run');
    assert.match(await described(r), /^- \*\*Title\*\*: `Scores by run`, above the grid\.$/m);
  });

  it('reads a title of two lines and the figure’s own title (suptitle), line by line', async () => {
    // None had been read, silently: the title's first line was taken for what its second
    // belongs to, and the figure's title, centred on the figure and not the grid, for none.
    for (const name of [
      'seaborn-title-two-lines-100dpi-5x5',
      'seaborn-title-two-lines-150dpi-5x5',
      'seaborn-suptitle-100dpi-5x5',
      'seaborn-suptitle-and-title-100dpi-5x5',
    ]) {
      const { e } = fixture<{ title: string; rows: string[]; cols: string[] }>(name);
      const r = await read(name);
      assert.equal(r.title, e.title, name);
      assert.deepEqual([r.grid.panels[0]!.rowLabels, r.grid.colLabels], [e.rows, e.cols], name);
    }
    const r = await read('seaborn-title-two-lines-100dpi-5x5');
    assert.match(
      await described(r),
      /^- \*\*Title\*\*: `Confusion matrix ResNet-50, epoch 90`, above the grid\.$/m,
    );
  });

  it("reads the axes' titles beyond their labels and the colorbar's beyond its own, so that a confusion matrix's true classes are known to be its rows", async () => {
    const r = await read('seaborn-colorbar-title-12x10');
    assert.deepEqual(
      [r.title, r.xlabel, r.ylabel, r.colorbarLabel],
      [null, 'batch size', 'layer', 'latency (ms)'],
    );
    const md = await described(r);
    assert.match(md, /^- \*\*Columns\*\* \(`batch size`\), labelled below the grid/m);
    assert.match(md, /^- \*\*Rows\*\* \(`layer`\), labelled at the left/m);
    assert.match(md, /shown as a colorbar at the right titled `latency \(ms\)`\.$/m);
    // scikit-learn's ConfusionMatrixDisplay: its axes' titles say which are the true classes.
    const cm = await read('sklearn-confusion-named-4x4');
    assert.deepEqual([cm.xlabel, cm.ylabel], ['Predicted label', 'True label']);
    const { gridSpec } = await import('../../src/io/read-image.ts');
    const spec = gridSpec(cm) as { xlabel?: string; ylabel?: string };
    assert.deepEqual([spec.xlabel, spec.ylabel], ['Predicted label', 'True label']);
    assert.match(
      await described(cm),
      /rows are `True label`, columns are `Predicted label`; .* Read as a confusion matrix with the true classes as rows/,
    );
  });

  it("takes the true classes of a confusion matrix from its axes' titles: columns titled Actual", async () => {
    // Its titles not read, the rows were taken for the true classes (the usual way): "fish"
    // said 76% right and most often taken for "dog", where "dog" is 74% right, most often
    // taken for "bird" (8 of its 73).
    const r = await read('seaborn-confusion-actual-columns-4x4');
    assert.deepEqual([r.xlabel, r.ylabel], ['Actual', 'Predicted']);
    const md = await described(r);
    assert.match(
      md,
      /Read as a confusion matrix with the true classes as columns, 83% of all 266 cases/,
    );
    assert.match(
      md,
      /from 74% \(`dog`\) to 89% \(`cat`\); `dog` is most often taken for `bird` \(8 of its 73\)/,
    );
  });

  it('reads heatfig’s own renders back with every title as set, its colorbar’s ticks and values beside its title', async () => {
    // heatfig's colorbar title ("loss (nats)", its words 0.58 of a label's height apart) had
    // been taken for labels: no tick read, no value given.
    const { outputBytes, renderSpec } = await import('../../src/node.ts');
    const { readHeatmap } = await import('../../src/io/read-image.ts');
    const titles = ['Validation loss', 'Attention by head', 'Accuracy (%)'];
    const axes = ['layer', 'head', 'epoch', 'batch size'];
    const bars = ['loss (nats)', 'attention weight', 'score'];
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 3, max: 9 }),
        fc.integer({ min: 3, max: 9 }),
        fc.constantFrom(...titles),
        fc.constantFrom(...axes),
        fc.constantFrom(...axes),
        fc.constantFrom(...bars),
        async (R, C, title, xlabel, ylabel, label) => {
          const values = Array.from({ length: R }, (_, i) =>
            Array.from({ length: C }, (_, j) => ((i * 7 + j * 3) % 11) + 1),
          );
          const spec = { data: values, title, xlabel, ylabel, colorbar: { label } } as Spec;
          const png = (await outputBytes(renderSpec(spec, { format: 'png' }), 'png')) as Uint8Array;
          const r = await readHeatmap(png, 'own.png');
          assert.deepEqual(
            [r.title, r.xlabel, r.ylabel, r.colorbarLabel],
            [title, xlabel, ylabel, label],
          );
          assert.ok(r.ticks.length >= 2, `ticks ${r.ticks}`);
          within(r, values.flat(), `${R}×${C}`);
        },
      ),
      { numRuns: 4, seed: 2026 },
    );
  });

  it('reads none where there is none: not column labels above the grid, nor a colorbar above it', async () => {
    for (const name of [
      'seaborn-viridis-6x8',
      'matplotlib-matshow-5x5',
      'matplotlib-colorbar-top-6x7',
      'seaborn-confusion-annot-5x5',
    ]) {
      const r = await read(name);
      assert.deepEqual(
        [r.title, r.xlabel, r.ylabel, r.colorbarLabel],
        [null, null, null, null],
        name,
      );
      assert.equal((await import('../../src/io/read-image.ts')).colorsOf(r).title, undefined);
    }
    // Another panel's x-axis title, under its labels just over this grid, is not its title.
    const { readHeatmap } = await import('../../src/io/read-image.ts');
    const png = readFileSync(join(FIX, 'seaborn-stacked-xlabel-4x5.png'));
    const upper = await readHeatmap(png, 'stacked', { panel: 1 });
    assert.deepEqual([upper.title, upper.xlabel], ['top', 'step']);
    const lower = await readHeatmap(png, 'stacked', { panel: 2 });
    assert.deepEqual([lower.title, lower.xlabel], [null, null]);
  });
});

describe("seed-003's kind: panels one over another, lines between groups of columns, names at the left", () => {
  it('reads each panel whole, its name as its rows’ title, and its neighbour’s cells as none of its labels', async () => {
    // Read before: 4 columns (the groups between the white lines) or 240 (the lines' blended
    // sides off the cells' lattice), "Targets" as row 3's label, the second panel's cells as
    // the first one's column labels ("none could be read"), "Time" as two columns' labels.
    const { readHeatmap } = await import('../../src/io/read-image.ts');
    const name = 'seaborn-copy-task-2x6x48';
    const { e, png } = fixture<{ panels: number[][][] }>(name);
    for (const [k, ylabel, xlabel] of [
      [1, 'Targets', null],
      [2, 'Outputs', 'Time'],
    ] as const) {
      const r = await readHeatmap(png, name, { panel: k });
      assert.deepEqual([r.grid.panels[0]!.rows, r.grid.cols], [6, 48]);
      within(r, e.panels[k - 1]!.flat(), `${name} panel ${k}`);
      assert.deepEqual([r.ylabel, r.xlabel], [ylabel, xlabel]);
      assert.deepEqual(r.grid.blankLabels, {
        rows: [0, 1, 2, 3, 4, 5],
        cols: Array.from({ length: 48 }, (_, i) => i),
      });
      const md = await described(r);
      assert.match(
        md,
        new RegExp(
          `^- \\*\\*Columns\\*\\*${xlabel ? ` \\(\`${xlabel}\`\\)` : ''}, not labelled in the image: 48 labels`,
          'm',
        ),
      );
      assert.match(
        md,
        new RegExp(`^- \\*\\*Rows\\*\\* \\(\`${ylabel}\`\\), not labelled in the image`, 'm'),
      );
    }
  });
});

describe('heatfig’s own facets, read back a panel at a time', () => {
  it('reads each facet of a wrapped grid and of a stack through their shared colorbar, every facet’s name as set', async () => {
    // The stack's colorbar label 3.5 read "35" (its point lost) had made the scale look
    // uneven: no value was given. A wrapped grid's top facets, whose columns heatfig labels
    // only under the bottom ones, took the facet below's title for a column's label ("head 2").
    const { outputBytes, renderSpec } = await import('../../src/node.ts');
    const { readHeatmap } = await import('../../src/io/read-image.ts');
    let s = 7;
    const rand = () => {
      s = (s * 1103515245 + 12345) % 2 ** 31;
      return s / 2 ** 31;
    };
    const panels = [0, 1, 2, 3].map((k) => ({
      title: `head ${k}`,
      data: {
        values: Array.from({ length: 4 }, () =>
          Array.from({ length: 5 }, () => Math.round(rand() * (k + 1) * 100) / 100),
        ),
      },
    }));
    for (const facet of [{}, { facet: { wrap: 2 } }]) {
      const spec = { panels, cmap: 'viridis', ...facet } as unknown as Spec;
      const png = (await outputBytes(renderSpec(spec, { format: 'png' }), 'png')) as Uint8Array;
      for (let k = 1; k <= 4; k++) {
        const r = await readHeatmap(png, 'facets.png', { panel: k });
        within(r, panels[k - 1]!.data.values.flat(), `facets ${JSON.stringify(facet)} panel ${k}`);
        assert.deepEqual(r.grid.colLabels, ['0', '1', '2', '3', '4']);
        // Wrapped, each facet's title is above it; stacked, its name is level at the left of
        // its row labels: the rows' title.
        if ('facet' in facet) assert.equal(r.title, `head ${k - 1}`);
        else assert.deepEqual([r.title, r.ylabel], [null, `head ${k - 1}`]);
      }
    }
  });
});

describe("seaborn's confusion matrix in Blues", () => {
  const readAs = readExt;
  type Confusion = { values: number[][]; labels: string[] };

  it('finds the grid of a JPEG whose zeros are in Blues’ lowest colour, 8 levels from white', async () => {
    // Half those cells' pixels had passed for the page: the 10×10 had been read as one cell,
    // and a 6×6 at 72 dpi as no heatmap at all.
    for (const name of ['seaborn-confusion-blues-10x10', 'seaborn-confusion-blues-72dpi-6x6']) {
      const { e } = fixture<Confusion>(name);
      const r = await readAs(name, 'jpg');
      const n = e.labels.length;
      assert.deepEqual([r.grid.panels[0]!.rows, r.grid.cols], [n, n], name);
      assert.deepEqual(r.grid.colLabels, e.labels, name);
      // (At 72 dpi text recognition reads the rows' title "Tue", at every scale.)
      assert.equal(r.xlabel, 'Predicted', name);
      within(r, e.values.flat(), name);
    }
    // At 100 dpi every count is read as printed.
    const { e } = fixture<Confusion>('seaborn-confusion-blues-10x10');
    const r = await readAs('seaborn-confusion-blues-10x10', 'jpg');
    assert.deepEqual(Array.from(r.grid.panels[0]!.values), e.values.flat());
    assert.deepEqual([r.xlabel, r.ylabel], ['Predicted', 'True']);
  });

  it('reads every count of a 20×20 one as printed (100 dpi): a 0 is not "1", nor 71 "72"', async () => {
    // Each row read as one line, three zeros came back "1" (their pale colour allowed it; a
    // 0's ink has a counter, a 1's none), and 71 and 91 "72" and "92" (within three colour
    // steps of their cells, where a PNG's colours are exact).
    const name = 'seaborn-confusion-blues-20x20';
    const { e } = fixture(name);
    const r = await readAs(name, 'png');
    assert.equal(r.format, '.0f');
    assert.deepEqual(Array.from(r.grid.panels[0]!.values), e.values.flat());
  });

  it('reads a normalized one as a 72-dpi JPEG through its own colorbar', async () => {
    // The first look at it found the edge of its column of pale cells and took that for the
    // colorbar: values read through it from -401818 up.
    const name = 'seaborn-confusion-normalized-72dpi-5x5';
    const { e } = fixture<Confusion>(name);
    const r = await readAs(name, 'jpg');
    assert.deepEqual(r.grid.colLabels, e.labels);
    assert.deepEqual([...r.ticks].sort(), [0, 0.2, 0.4, 0.6, 0.8, 1]);
    assert.deepEqual(Array.from(r.grid.panels[0]!.values), e.values.flat());
  });

  it('finds the grid of one ruled by white lines as a JPEG (linewidths=0.5, and 1 with square cells)', async () => {
    // Its pale cells, parted by white, had left two of its dark cells as the grid: read 1×1.
    // Ruled 1 pt wide, they were found at neither 8 levels from the page nor 6.5.
    for (const name of ['seaborn-confusion-blues-lines-5x5', 'seaborn-confusion-blues-ruled-8x8']) {
      const { e } = fixture(name);
      const r = await readAs(name, 'jpg');
      assert.deepEqual(Array.from(r.grid.panels[0]!.values), e.values.flat(), name);
    }
  });

  it('reads its one three-digit count among single digits as printed (72 dpi)', async () => {
    // The widths of thirty single digits had judged 118 a digit too long for its ink: it
    // was read from its colour, 117.9.
    const name = 'seaborn-confusion-blues-72dpi-6x6';
    const { e } = fixture<Confusion>(name);
    const r = await readAs(name, 'png');
    assert.equal(r.format, '.0f');
    assert.deepEqual(Array.from(r.grid.panels[0]!.values), e.values.flat());
  });
});

describe('labels that run off the image', () => {
  it('reads none of the long labels savefig cut, and says why, rather than misread what shows', async () => {
    // Turned up, "checkpoint-4000" shows only "4000" at the image's foot, its 4 cut: the
    // labels had been read "1000", "2000", "3000", "1000", "5000", "5000"… with no warning.
    const name = 'seaborn-labels-cut-6x12';
    const { e } = fixture<{ values: number[][]; rows: string[] }>(name);
    const r = await read(name);
    assert.deepEqual(
      r.grid.colLabels,
      Array.from({ length: 12 }, (_, i) => String(i)),
    );
    assert.deepEqual(r.grid.panels[0]!.rowLabels, e.rows);
    assert.deepEqual(r.grid.cutLabels, { rows: [], cols: Array.from({ length: 12 }, (_, i) => i) });
    assert.ok(
      r.grid.notes?.some((n) => /12 of the 18 .* \(they run off the image's edge/.test(n)),
      JSON.stringify(r.grid.notes),
    );
    within(r, e.values.flat(), name);
    assert.match(
      await described(r),
      /none could be read from the image \(they run off the image's edge\), and their positions stand in/,
    );
  });
});

describe("matplotlib's dark_background", () => {
  it('reads a heatmap on a dark page, its white labels and ticks, its colours as shown', async () => {
    // White text on black had been no text: no colorbar label read (no values), and the
    // axes' labels said not shown.
    const name = 'seaborn-dark-background-6x7';
    const { e } = fixture(name);
    for (const ext of ['png', 'jpg'] as const) {
      const r = await readExt(name, ext);
      within(r, e.values.flat(), `${name}.${ext}`);
      // Its colours turned back: the map it was drawn in.
      assert.equal(r.cmap, 'viridis', ext);
      assert.deepEqual(r.grid.colLabels, ['0', '1', '2', '3', '4', '5', '6'], ext);
      assert.deepEqual(r.grid.panels[0]!.rowLabels, ['0', '1', '2', '3', '4', '5'], ext);
      assert.equal(r.grid.blankLabels, undefined, ext);
    }
  });
});

describe('labels in a paper’s font', () => {
  it('reads a confusion matrix’s labels and titles in Times and in Arial (Liberation’s metrics)', async () => {
    // Narrower than DejaVu Sans: most right readings, 90% sure and more, had been refused as
    // narrower than their ink (6 and 9 of the 16 read), and the axis titles not found past
    // Arial's "automobile" turned up, whose first glyphs stand a pixel beyond the rest.
    for (const font of ['times', 'arial']) {
      const name = `seaborn-confusion-${font}-font-8x8`;
      const { e } = fixture<{ values: number[][]; labels: string[] }>(name);
      const r = await readExt(name, 'png');
      assert.deepEqual(r.grid.panels[0]!.rowLabels, e.labels, name);
      assert.deepEqual(r.grid.colLabels, e.labels, name);
      assert.deepEqual(Array.from(r.grid.panels[0]!.values), e.values.flat(), name);
      assert.deepEqual([r.xlabel, r.ylabel], ['Predicted', 'True'], name);
    }
  });
});

describe('tick marks drawn inward', () => {
  it('reads the cells under marks drawn inward over them (classic, a paper’s rcParams at 300 dpi, bmh)', async () => {
    // Marks at every cell's centre, on both sides, had passed for edges: the 6x8s read 48x16
    // and 198x216, the 12x12 12x48.
    for (const name of [
      'seaborn-classic-6x8',
      'seaborn-ticks-in-300dpi-6x8',
      'seaborn-bmh-72dpi-12x12',
    ]) {
      const { e } = fixture(name);
      const r = await read(name);
      assert.deepEqual(
        [r.grid.panels[0]!.rows, r.grid.cols],
        [e.values.length, e.values[0]!.length],
        name,
      );
      within(r, e.values.flat(), name);
      // The bound stated is the colour's (a step of the colorbar), not wider.
      assert.ok(r.uncertainty <= 0.01, `${name}: ±${r.uncertainty}`);
    }
  });

  it('points a colorbar label that lost its point as the others where no mark stands outside the bar', async () => {
    // bmh's colorbar at 72 dpi, its marks inside it: "1.0" read "10" had left the scale
    // uneven for its values, and the cells without values.
    const r = await read('seaborn-bmh-72dpi-12x12');
    assert.deepEqual(
      [...r.ticks].sort((a, b) => a - b),
      [0.2, 0.4, 0.6, 0.8, 1],
    );
  });
});

describe('numbers that run over their cells’ edges, no tick marks', () => {
  it('reads the rows of seaborn’s talk-sized annotated heatmap by the labels beside them', async () => {
    // Their strokes had passed for edges between rows: the 5x7 read 25x7, no number read.
    const name = 'seaborn-talk-annotated-5x7';
    const { e } = fixture(name);
    for (const ext of ['png', 'jpg'] as const) {
      const r = await readExt(name, ext);
      assert.deepEqual([r.grid.panels[0]!.rows, r.grid.cols], [5, 7], ext);
      assert.deepEqual(r.grid.colLabels, ['h0', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6'], ext);
      within(r, e.values.flat(), `${name}.${ext}`);
      const printed = Array.from(r.grid.panels[0]!.values).filter(
        (v, i) => v === e.values.flat()[i],
      );
      assert.ok(printed.length >= 30, `${ext}: ${printed.length} of 35 as printed`);
    }
  });

  it('reads a 72-dpi title whose descenders reach within 2 px of the grid', async () => {
    // Taken for the grid's frame or marks, it had been passed over: no title.
    const r = await read('seaborn-talk-72dpi-titled-6x8');
    assert.equal(r.title, 'Probe accuracy delta');
    within(r, fixture('seaborn-talk-72dpi-titled-6x8').e.values.flat(), 'titled');
  });

  it('reads row labels of two words whose space is wider than 6 px (talk size, 200 dpi)', async () => {
    // "layer" and "0" part by 18 px: the rows had been read "0" to "3", taken for positions.
    const name = 'seaborn-talk-200dpi-4x5';
    const { e } = fixture<{ values: number[][]; rows: string[] }>(name);
    const r = await read(name);
    assert.deepEqual(r.grid.panels[0]!.rowLabels, e.rows);
    within(r, e.values.flat(), name);
  });
});

describe('Vega-Lite heatmaps (vega-embed’s PNG; scripts/make-read-vega-fixtures.ts)', () => {
  type Vega = { values: number[][]; rows: string[]; cols: string[] };
  const sorted = (v: readonly number[]) => [...v].sort((a, b) => a - b);

  it('reads a legend labelled at its two ends alone as its ends, good to their rounding, and says so', async () => {
    // Vega labels the domain's end points, 2.63 and -0.93, "3" and "−1", flush inside the bar.
    // Taken at their centres, 4 px in, every value was read too far out (1.65 as 1.96), the
    // bound said ±0.063, and nothing said why.
    const name = 'vega-default-8x10';
    const { e } = fixture<Vega>(name);
    const r = await read(name);
    assert.deepEqual(sorted(r.ticks), [-1, 3]);
    assert.deepEqual(r.range, [-1, 3]);
    assert.ok(r.uncertainty >= 0.5, `±${r.uncertainty}`);
    assert.ok(
      r.warnings.some((w) => w.includes('labelled at its two ends alone')),
      r.warnings.join('\n'),
    );
    within(r, e.values.flat(), name);
    assert.deepEqual(r.grid.colLabels, e.cols);
  });

  it('places the end labels of a bar over [-1, 1] at its ends, and reads its numbers as printed', async () => {
    // Centred, the ends' labels had put the bar at -1.05 to 1.04: a tick left out, 17 of its 49
    // numbers (Vega's minus, U+2212) not read, 4 taken for misreads by their colours.
    const name = 'vega-corr-7x7';
    const { e } = fixture<Vega>(name);
    const r = await read(name);
    assert.deepEqual(sorted(r.ticks), [-1, -0.5, 0, 0.5, 1]);
    assert.ok(Math.abs(r.range![0] + 1) <= 0.02 && Math.abs(r.range![1] - 1) <= 0.02, `${r.range}`);
    assert.ok(!r.warnings.some((w) => /off the scale|misread/.test(w)), r.warnings.join('\n'));
    const want = e.values.flat();
    const exact = Array.from(r.grid.panels[0]!.values).filter((v, i) => v === want[i]).length;
    assert.ok(exact >= 45, `${exact} of 49 as printed`);
    within(r, want, name);
    assert.deepEqual(r.grid.panels[0]!.rowLabels, e.rows);
  });

  it('reads a bar whose lowest label stands flush at its foot as linear', async () => {
    // "0" flush at the foot, 20 to 80 centred: read as a scale not linear, no value given.
    const name = 'vega-confusion-6x6';
    const { e } = fixture<Vega>(name);
    const r = await read(name);
    assert.equal(r.range?.[0], 0);
    assert.deepEqual(r.warnings, []);
    assert.deepEqual(Array.from(r.grid.panels[0]!.values), e.values.flat());
    assert.deepEqual(r.grid.colLabels, e.cols);
  });

  it('does not take the legend’s title over the bar for a tick label', async () => {
    // The "s" of "loss", over the bar and past its edge, had been read "5": two labels left
    // out, the top read 6.15 for 6.
    const name = 'vega-magma-12x20';
    const { e } = fixture<Vega>(name);
    const r = await read(name);
    assert.deepEqual(sorted(r.ticks), [0, 2, 4, 6]);
    assert.equal(r.title, 'Validation loss');
    assert.ok(r.uncertainty < 0.02 * 7.9, `±${r.uncertainty}`);
    within(r, e.values.flat(), name);
  });
});

describe('Plotly heatmaps (Plotly.toImage; scripts/make-read-web-fixtures.ts)', () => {
  it('reads a colorbar labelled with SI prefixes (10k to 40k)', async () => {
    // The numbers' reader has no letters: no label was read, and no value given.
    const name = 'plotly-thousands-8x8';
    const { e } = fixture<{ values: number[][] }>(name);
    const r = await read(name);
    assert.deepEqual(
      [...r.ticks].sort((a, b) => a - b),
      [10_000, 20_000, 30_000, 40_000],
    );
    assert.ok(r.uncertainty < 0.02 * 48_000, `±${r.uncertainty}`);
    within(r, e.values.flat(), name);
  });

  it('reads an outer column of cells as white as the page by its axis mark (Hot, marked every fifth column)', async () => {
    // Its first column, four of its 15 cells white, fell away as the page's: read 15×14,
    // every value a column off, with no warning.
    const name = 'plotly-hot-15x15';
    const { e } = fixture<{ values: number[][] }>(name);
    const r = await read(name);
    assert.deepEqual([r.grid.panels[0]!.rows, r.grid.cols], [15, 15]);
    within(r, e.values.flat(), name);
    // Its JPEG (Chromium's canvas, 0.75): the same cells; those as white as the page are
    // missing, and said so.
    const j = await readExt(name, 'jpg');
    assert.deepEqual([j.grid.panels[0]!.rows, j.grid.cols], [15, 15]);
    const got = j.grid.panels[0]!.values;
    let missing = 0;
    e.values.flat().forEach((v, i) => {
      if (Number.isNaN(got[i]!)) missing++;
      else assert.ok(Math.abs(got[i]! - v) <= j.uncertainty, `cell ${i}: ${got[i]} for ${v}`);
    });
    assert.ok(missing <= 5, `${missing} missing`);
    if (missing) assert.ok(j.warnings.some((w) => w.includes(`${missing} cell`)));
  });
});

describe('a colorbar that does not hold the cells’ colours', () => {
  it('says so of a Vega-Lite legend centred outside its data (domainMid: 0, values above 0)', async () => {
    // Vega's legend is white near a tenth of its length, its cells white at 0: the palest
    // cells were read 0.50 for 0.24 to 0.39 "within ±0.094", with no word.
    const name = 'vega-domainmid-outside-11x12';
    const { e } = fixture<{ values: number[][] }>(name);
    const r = await read(name);
    const off = e.values
      .flat()
      .filter((v, i) => !(Math.abs(r.grid.panels[0]!.values[i]! - v) <= r.uncertainty)).length;
    assert.ok(off > 0, 'the legend does not fit its cells: some are off');
    assert.ok(
      r.warnings.some((w) => /levels from any colour of the colorbar/.test(w)),
      r.warnings.join('; '),
    );
    // Never so of charts whose legend holds their cells (three of the Vega and Plotly PNGs).
    for (const ok of ['vega-default-8x10', 'vega-magma-12x20', 'plotly-hot-15x15']) {
      const o = await read(ok);
      assert.ok(!o.warnings.some((w) => /levels from any colour/.test(w)), ok);
    }
  });
});

describe('Plotly Express (px.imshow, its "plotly" template)', () => {
  it('reads row labels set 2 px from the grid, with no tick marks, whole', async () => {
    // Their last letters, standing as near the grid as marks do, were cut as marks: "horse"
    // read "hor", "dog" "d", "ship" "5l", three given as positions; none warned of.
    const name = 'plotly-express-names-8x8';
    const { e } = fixture<{ values: number[][]; rows: string[]; cols: string[] }>(name);
    const r = await read(name);
    assert.deepEqual(r.grid.panels[0]!.rowLabels, e.rows);
    assert.deepEqual(r.grid.colLabels, e.cols);
    within(r, e.values.flat(), name);
  });
});

describe('a colorbar whose end is the page’s colour', () => {
  it('reads seaborn’s Greys_r bar, white at its top and drawn without an outline, to the grid’s edge', async () => {
    // Its white top was lost to the page: the bar read to 9.61 for 10, the cells above that
    // said to "hold more" and the white ones (10) missing.
    const name = 'seaborn-greys-r-white-top-14x10';
    const { e } = fixture<{ values: number[][] }>(name);
    const r = await read(name);
    assert.deepEqual(r.range, [0.02, 10]);
    within(r, e.values.flat(), name);
  });
});

describe('colorbar labels whose decimal points text recognition drops (Vega’s legends)', () => {
  it('reads 14-px labels "2.5" to "1.0" by the points their ink shows', async () => {
    // Read "25", "20", "15" and "1": a scale not linear, no value given (and, once the labels'
    // strokes were no longer taken for tick marks, every value ten times too large).
    const name = 'vega-large-labels-14x16';
    const { e } = fixture<{ values: number[][] }>(name);
    const r = await read(name);
    assert.deepEqual(
      [...r.ticks].sort((a, b) => a - b),
      [1, 1.5, 2, 2.5],
    );
    assert.ok(r.uncertainty < 0.05, `±${r.uncertainty}`);
    within(r, e.values.flat(), name);
  });

  it('reads a level legend below the grid, its points lost, its first label flush at its left end', async () => {
    // Read "-12" and "-10" beside "-0.8": a scale not linear, no value given.
    const name = 'vega-legend-below-13x12';
    const { e } = fixture<{ values: number[][] }>(name);
    const r = await read(name);
    assert.deepEqual(
      [...r.ticks].sort((a, b) => a - b),
      [-1.2, -1, -0.8, -0.6, -0.4],
    );
    assert.ok(r.uncertainty < 0.03, `±${r.uncertainty}`);
    within(r, e.values.flat(), name);
  });
});

describe('a Vega legend at the left labelled "10" and "1" at its ends', () => {
  it('reads it as the linear bar Vega draws, not a logarithmic one', async () => {
    // Two powers of ten and no minor marks had made it logarithmic: 5.73 read as 3.19.
    const name = 'vega-legend-left-6x13';
    const { e } = fixture<{ values: number[][] }>(name);
    const r = await read(name);
    assert.equal(r.log, false);
    assert.ok(
      r.warnings.some((w) => w.includes('labelled at its two ends alone')),
      r.warnings.join('\n'),
    );
    within(r, e.values.flat(), name);
  });
});

describe('small Vega charts as JPEGs (Chromium’s canvas, quality 0.75)', () => {
  it('does not take labels set 1 px from the bar, joined to it by the blur, for tick marks', async () => {
    // The minus of "−0.2" and the foot of "0.8"'s 0 passed for marks, and the labels were read
    // past them, "8" and "0.2": values up to 8, 89 of 91 cells past the bound said.
    const name = 'vega-small-13x7';
    const { e } = fixture<{ values: number[][] }>(name);
    const r = await readExt(name, 'jpg');
    assert.deepEqual(
      [...r.ticks].sort((a, b) => a - b),
      [-0.2, 0.8],
    );
    within(r, e.values.flat(), `${name}.jpg`);
  });

  it('points the end label that lost its point as the other end’s is written', async () => {
    // "1.8" read "18" beside "0.8": every value ten times too large, said good to ±1.6.
    const name = 'vega-small-12x9';
    const { e } = fixture<{ values: number[][] }>(name);
    const r = await readExt(name, 'jpg');
    assert.deepEqual(
      [...r.ticks].sort((a, b) => a - b),
      [0.8, 1.8],
    );
    within(r, e.values.flat(), `${name}.jpg`);
  });
});

describe('a Vega chart as a Pillow JPEG, some of its axis marks blurred away', () => {
  it('reads its rows by the marks found, a run of the lattice that tiles the grid', async () => {
    // 9 of its 12 row marks found, 8 in one evenly spaced run in the middle: not enough to
    // span the grid, and its rows were read by their blurred edges, 6.
    const name = 'vega-magma-jpeg-12x20';
    const { e } = fixture<{ values: number[][]; cols: string[] }>(name);
    const r = await readExt(name, 'jpg');
    assert.deepEqual([r.grid.panels[0]!.rows, r.grid.cols], [12, 20]);
    within(r, e.values.flat(), `${name}.jpg`);
    // Its columns' labels, turned up and blurred: one is misread, silently (its "15" read
    // "4": README); its "8" read "E" when the glyphs' faint edges were counted as level ink.
    const unread = r.grid.unreadLabels?.cols ?? [];
    const wrong = r.grid.colLabels.filter((l, c) => l !== e.cols[c] && !unread.includes(c));
    assert.ok(wrong.length <= 1, wrong.join(' '));
  });
});

describe('a Vega legend over [0, 1] on a short bar: its ends’ labels and one between', () => {
  it('places "1.0" and "0.0" at the bar’s ends, "0.5" midway lying on either line', async () => {
    // At their centres, 4 px in: 19 of 48 cells past the bound said, the top read 1.04.
    const name = 'vega-unit-domain-6x8';
    const { e } = fixture<{ values: number[][] }>(name);
    const r = await read(name);
    assert.deepEqual(
      [...r.ticks].sort((a, b) => a - b),
      [0, 0.5, 1],
    );
    within(r, e.values.flat(), name);
  });
});

describe('large grids of smooth fields (attention maps, similarities), as ML users draw them', () => {
  const shapeAndValues = async (name: string, ext: 'png' | 'jpg', rows: number, cols: number) => {
    const { e } = fixture<{ values: number[][] }>(name);
    const r = await readExt(name, ext);
    assert.equal(r.grid.panels[0]!.rows, rows, `${name}.${ext} rows`);
    assert.equal(r.grid.cols, cols, `${name}.${ext} columns`);
    assert.ok(!r.warnings.some((w) => w.includes('not one colour')), r.warnings.join('\n'));
    within(r, e.values.flat(), `${name}.${ext}`);
  };

  it('reads cells 5 to 7 px wide, their edges as near each other as a line’s two sides', async () => {
    // imshow's 64x64 had been read 32x110 (edges 5 and 6 px apart paired as lines), seaborn's
    // 80x80 101x112 (the 6-px spacings among 7-px ones).
    await shapeAndValues('matplotlib-imshow-smooth-64x64', 'png', 64, 64);
    await shapeAndValues('seaborn-smooth-80x80', 'png', 80, 80);
  });

  it('reads a JPEG of cells a few levels apart, whose edges no single line shows above the noise', async () => {
    // Read 27x1 and 24x1 without a warning.
    await shapeAndValues('seaborn-smooth-32x32', 'jpg', 32, 32);
    await shapeAndValues('matplotlib-imshow-smooth-24x24', 'jpg', 24, 24);
  });

  it('puts the boundaries on Vega’s grid lines, not beside them, in a JPEG of 6-px cells', async () => {
    // Read 64x112, "30% of the cells read are not one colour": the lines' two sides, where
    // the colour changes, had been taken for boundaries, 1.5 px off.
    await shapeAndValues('vega-smooth-jpeg-64x64', 'jpg', 64, 64);
  });

  it('reads 4.6-px cells whose first row the frame half hides, and says its JPEG’s one cell is not one colour', async () => {
    // The edges' places in their cells lay about half a cell, either side of it: read 96x80.
    // The JPEG (cells too fine for it here) had been read as one cell without a word.
    const name = 'matplotlib-imshow-nearest-80x80';
    await shapeAndValues(name, 'png', 80, 80);
    const r = await readExt(name, 'jpg');
    assert.ok(
      r.warnings.some((w) => w.includes('not one colour')) ||
        (r.grid.panels[0]!.rows === 80 && r.grid.cols === 80),
      `${r.grid.panels[0]!.rows}x${r.grid.cols}: ${r.warnings.join('\n')}`,
    );
  });

  /**
   * Read in its shape, each cell within the bound stated, but `past` of them; a cell whose
   * colour the colorbar does not hold is read as missing, and said to be. The reading.
   */
  const inShape = async (name: string, ext: 'png' | 'jpg', n: number, past = 0) => {
    const { e } = fixture<{ values: number[][] }>(name);
    const r = await readExt(name, ext);
    assert.deepEqual([r.grid.panels[0]!.rows, r.grid.cols], [n, n], `${name}.${ext}`);
    assert.ok(!r.warnings.some((w) => w.includes('not one colour')), r.warnings.join('\n'));
    const want = e.values.flat();
    const got = Array.from(r.grid.panels[0]!.values);
    const missing = got.filter((v) => Number.isNaN(v)).length;
    if (missing)
      assert.ok(
        r.warnings.some((w) => w.startsWith(`${missing} cell`)),
        r.warnings.join('\n'),
      );
    const off = got.flatMap((v, i) => (Number.isNaN(v) ? [] : [Math.abs(v - want[i]!)]));
    assert.ok(off.filter((d) => d > r.uncertainty).length <= past, `${name}: cells past the bound`);
    assert.ok(
      Math.max(...off) <= (past ? 1.1 : 1) * r.uncertainty,
      `${name}.${ext}: ${Math.max(...off)} ±${r.uncertainty}`,
    );
    return r;
  };

  it('keeps Vega’s dense labels and tick marks out of a JPEG’s grid, and bridges marks lost in pairs', async () => {
    // Every row and column labelled and marked: the labels' blurred ink, joined to the grid
    // through the marks, had been taken into it, and 80x80 at 400 px read as one cell, with
    // no warning; at 500 px, its columns' marks lost two together, 80x82. One cell of 6,400,
    // in the corner between the axes' lines, is read a hair past the bound stated (README).
    await inShape('vega-smooth-jpeg-80x80', 'jpg', 80, 1);
    await inShape('vega-smooth-jpeg-viridis-80x80', 'jpg', 80);
  });

  it('counts the rows of Plotly’s index axes from their labels where the edges are faint', async () => {
    // plotly.js's heatmap of z alone: rows and columns 0 to N - 1, labelled every 10, no
    // marks. The PNGs had been read 63x64 (edges over part of the axis fitted rows of 5.08 px)
    // and 78x80, silently; the JPEGs one row each.
    for (const ext of ['png', 'jpg'] as const) {
      await inShape('plotly-smooth-64x64', ext, 64);
      await inShape('plotly-smooth-80x80', ext, 80);
    }
  });

  it('reads a Plotly chart saved at two device pixels per px: marks 2 px out, labels twice as large', async () => {
    // Its rows' labels had been looked for in their marks' place, 2 px from the grid (none
    // read: the JPEG's 80 rows read as one); its column labels "20", "40" and "60", 4 px
    // between their glyphs, each read as two digits given to the columns beside, silently.
    const index = Array.from({ length: 80 }, (_, i) => String(i));
    for (const ext of ['png', 'jpg'] as const) {
      const r = await inShape('plotly-smooth-2x-80x80', ext, 80);
      assert.deepEqual(r.grid.panels[0]!.rowLabels, index, ext);
      assert.deepEqual(r.grid.colLabels, index, ext);
    }
  });

  it('reads level column labels level: Plotly’s week calendar, its cells parted by gaps', async () => {
    // Read turned too, "W2" and "W3" were read "=", 90% sure, and kept as the surer way (no
    // label), the others "Wa" or not at all: W1 to W8 given as positions or read "Wa".
    const name = 'plotly-weeks-gaps-7x12';
    const { e } = fixture<{ values: number[][]; cols: string[] }>(name);
    const r = await readExt(name, 'png');
    assert.deepEqual([r.grid.panels[0]!.rows, r.grid.cols], [7, 12]);
    assert.deepEqual(r.grid.colLabels, e.cols);
    const got = r.grid.panels[0]!.values;
    e.values.flat().forEach((v, i) => {
      assert.ok(Math.abs(got[i]! - v) <= r.uncertainty, `cell ${i}: ${got[i]} for ${v}`);
    });
  });

  it('reads Plotly’s month and weekday labels whole: a c is no tick mark, a J reaches below', async () => {
    // plotly.py's template, no tick marks, the row labels 2 px from the grid: the top and foot
    // of "Dec"'s c had passed for two marks and cut every row label short ("De", "Oc",
    // "Sel", silently); "Jan", "Jun", "Jul" refused as too high for their letters, "Feb" as
    // narrower than read, "Fri" measured by its darkest strokes alone.
    const name = 'plotly-months-days-12x7';
    const { e } = fixture<{ values: number[][]; rows: string[]; cols: string[] }>(name);
    const r = await readExt(name, 'png');
    assert.deepEqual([r.grid.panels[0]!.rows, r.grid.cols], [12, 7]);
    assert.deepEqual(r.grid.panels[0]!.rowLabels, e.rows);
    assert.deepEqual(r.grid.colLabels, e.cols);
    const got = r.grid.panels[0]!.values;
    e.values.flat().forEach((v, i) => {
      assert.ok(Math.abs(got[i]! - v) <= r.uncertainty, `cell ${i}: ${got[i]} for ${v}`);
    });
  });

  it('reads a needle-in-a-haystack chart’s labels: depths beside a two-word title, lengths at 45°', async () => {
    // Three row labels had been read as one blot with the ylabel's two words beside them; the
    // rows after the first four, read as numbers alone 36% to 50% sure, dropped; no column
    // label read (the xlabel under them turned with them, "1K" too short for a line). All
    // said. "8K" at 45° reads "BK": not read, and said so.
    const name = 'seaborn-needle-haystack-15x9';
    const { e } = fixture<{ values: number[][]; rows: string[]; cols: string[] }>(name);
    const r = await readExt(name, 'png');
    assert.deepEqual([r.grid.panels[0]!.rows, r.grid.cols], [15, 9]);
    assert.deepEqual(r.grid.panels[0]!.rowLabels, e.rows);
    // Each column label as drawn, or not read (its position given, and said).
    const unread = r.grid.unreadLabels?.cols ?? [];
    r.grid.colLabels.forEach((l, c) => {
      assert.ok(l === e.cols[c] || unread.includes(c), `column ${c}: ${l} for ${e.cols[c]}`);
    });
    assert.ok(unread.length <= 1, `${unread}`);
    const got = r.grid.panels[0]!.values;
    e.values.flat().forEach((v, i) => {
      assert.ok(Math.abs(got[i]! - v) <= r.uncertainty, `cell ${i}: ${got[i]} for ${v}`);
    });
  });

  it('reads Plotly’s column labels turned when crowded: 30° down from their marks, and 90° down', async () => {
    // The first had none read; the second were read upwards, upside down ("dog" as "bop",
    // "runs" as "suru"), silently.
    for (const name of ['plotly-slanted-labels-10x10', 'plotly-tokens-down-16x16']) {
      const { e } = fixture<{ values: number[][]; rows: string[]; cols: string[] }>(name);
      const r = await readExt(name, 'png');
      assert.deepEqual([r.grid.panels[0]!.rows, r.grid.cols], [e.rows.length, e.cols.length]);
      assert.deepEqual(r.grid.panels[0]!.rowLabels, e.rows, name);
      assert.deepEqual(r.grid.colLabels, e.cols, name);
    }
  });

  it('turns short tokens Plotly wrote downwards as its axis’s long ones, and misreads none', async () => {
    // "on", "my", "an", too short for their shape to tell, had been read turned upwards,
    // upside down ("uo", "fem", "ppo"), silently. Read down, "on" was then read "an", 90%
    // sure both ways up, on both axes, silently: its o is told by the o of "to", "shop" and
    // "work" (letters.ts), and it is read right on the rows, not read on the columns (its
    // glyph there is nearer o than a, not twice as near).
    const name = 'plotly-short-tokens-down-12x12';
    const { e } = fixture<{ values: number[][]; cols: string[] }>(name);
    const r = await readExt(name, 'png');
    const unread = r.grid.unreadLabels ?? { rows: [], cols: [] };
    const right = (labels: readonly string[], missing: readonly number[]) => {
      labels.forEach((l, i) => {
        assert.ok(l === e.cols[i] || missing.includes(i), `${i}: ${l} for ${e.cols[i]}`);
      });
      return labels.filter((l, i) => l === e.cols[i]).length;
    };
    assert.ok(right(r.grid.colLabels, unread.cols) >= 9, r.grid.colLabels.join(' '));
    assert.ok(right(r.grid.panels[0]!.rowLabels, unread.rows) >= 9);
    assert.equal(r.grid.panels[0]!.rowLabels[5], 'on');
  });

  it('reads the tokens of attention maps on both axes: a label past its column’s edge, a row’s past the grid’s top', async () => {
    // seaborn's defaults at 100 dpi: "times", a pixel into the column of "of" beside it, had
    // left both out, and said that no label was shown there (as 3 and 4 of a 9-token map);
    // "attention" turned up beside the first row, past the grid's top, had been read
    // "attentior", its n cut, silently.
    for (const name of ['seaborn-attention-tokens-10x10', 'seaborn-attention-tokens-8x8']) {
      const { e } = fixture<{ values: number[][]; rows: string[]; cols: string[] }>(name);
      const r = await readExt(name, 'png');
      assert.deepEqual(r.grid.panels[0]!.rowLabels, e.rows, name);
      assert.deepEqual(r.grid.colLabels, e.cols, name);
      assert.equal(r.grid.blankLabels, undefined, name);
      assert.equal(r.grid.unreadLabels, undefined, name);
      const got = r.grid.panels[0]!.values;
      e.values.flat().forEach((v, i) => {
        assert.ok(Math.abs(got[i]! - v) <= r.uncertainty, `${name} cell ${i}: ${got[i]} for ${v}`);
      });
    }
  });

  it('reads a confusion matrix of NER tags: "O" as a letter, and no hyphen taken for an F', async () => {
    // scikit-learn's ConfusionMatrixDisplay, 100 dpi: "O" had been read "0" on both axes and
    // "I-ORG" read "IFORG" on one, silently. Every label is read right or not read (said).
    const name = 'sklearn-confusion-ner-9x9';
    const { e } = fixture<{ values: number[][]; rows: string[]; cols: string[] }>(name);
    const r = await readExt(name, 'png');
    const unread = r.grid.unreadLabels ?? { rows: [], cols: [] };
    const check = (got: readonly string[], missing: readonly number[]) =>
      got.filter((l, i) => {
        assert.ok(l === e.cols[i] || missing.includes(i), `${i}: ${l} for ${e.cols[i]}`);
        return l === e.cols[i];
      }).length;
    assert.ok(check(r.grid.panels[0]!.rowLabels, unread.rows) >= 6);
    assert.ok(check(r.grid.colLabels, unread.cols) >= 6);
    assert.equal(r.grid.colLabels[0], 'O');
    assert.deepEqual(Array.from(r.grid.panels[0]!.values), e.values.flat());
  });

  it('reads labels text recognition reads unsurely or as other characters: an I, a Q, an s, a q', async () => {
    // scikit-learn's NER matrix, its columns turned, 150 dpi: "I-PER" read "[-PER" (the I a
    // bracket) and "I-LOC" 38% sure on both axes, "O" 56% sure on the rows; GLUE's "QNLI" (its
    // Q's tail below the line) and "SST-2" ("557-2" 1% sure, "SST-2" 85% a scale down);
    // diabetes' "s1" to "s6" read "51" to "56". All had been said unread. Language models'
    // "qwen2-7b" had been read "gwen2-7b" with no warning (its q's tail a stem, a g's a hook).
    for (const name of [
      'sklearn-confusion-ner-vertical-150dpi-9x9',
      'seaborn-confusion-glue-9x9',
      'seaborn-corr-diabetes-10x10',
      'seaborn-llm-benchmarks-150dpi-6x7',
    ]) {
      const { e } = fixture<{
        values: number[][];
        printed?: number[][];
        rows: string[];
        cols: string[];
      }>(name);
      const r = await readExt(name, 'png');
      assert.deepEqual(r.grid.panels[0]!.rowLabels, e.rows, name);
      assert.deepEqual(r.grid.colLabels, e.cols, name);
      assert.equal(r.grid.unreadLabels, undefined, name);
      assert.deepEqual(Array.from(r.grid.panels[0]!.values), (e.printed ?? e.values).flat(), name);
    }
  });

  it('reads GLUE’s CoLA and ALBERT-xxl: an L, an l and a stem too many told by their glyphs', async () => {
    // seaborn's GLUE tasks by encoders, annotated: at 72 dpi "CoLA" had been read "ColA" (its
    // L taken for an l), in the JPEG at 100 dpi "ALBERT-xxl" read "ALBERT-xxI" (its l's stem
    // taller than the capitals), both with no warning.
    const { e } = fixture<{ values: number[][]; rows: string[]; cols: string[] }>(
      'seaborn-glue-encoders-72dpi-6x9',
    );
    const small = await readExt('seaborn-glue-encoders-72dpi-6x9', 'png');
    rightOrUnread(small, e, '72 dpi');
    assert.equal(small.grid.colLabels[0], 'CoLA');
    const jpeg = await readExt('seaborn-glue-encoders-100dpi-6x9', 'jpg');
    assert.deepEqual(jpeg.grid.panels[0]!.rowLabels, e.rows);
    assert.deepEqual(jpeg.grid.colLabels, e.cols);
    assert.deepEqual(Array.from(jpeg.grid.panels[0]!.values), e.values.flat());
    // At 200 dpi "CoLA" had been read "ColLA", silently: an l where the ink shows no stem.
    const large = await readExt('seaborn-glue-encoders-200dpi-6x9', 'png');
    rightOrUnread(large, e, '200 dpi');
    assert.deepEqual(large.grid.colLabels, e.cols);
    assert.deepEqual(Array.from(large.grid.panels[0]!.values), e.values.flat());
  });

  it('reads an S beside capitals and digits and a 5 beside letters as their glyphs show', async () => {
    // At 100 dpi "S" had been read "5", "S3" "53", "QS" "Q5", "CS" "C5", "MS" "Ms"; at 72
    // "MS" "M5" and "5S" "55": silently.
    type Labels = { rows: string[]; cols: string[] };
    const { e } = fixture<Labels>('seaborn-labels-s-and-5-100dpi-6x6');
    const r = await read('seaborn-labels-s-and-5-100dpi-6x6');
    assert.deepEqual([r.grid.panels[0]!.rowLabels, r.grid.colLabels], [e.rows, e.cols]);
    // At 72 dpi an S and a 5 are 7 px high: what the glyph tells is mended, the rest left as read.
    const small = await read('seaborn-labels-s-and-5-72dpi-6x6');
    assert.equal(small.grid.colLabels[1], 'MS');
    assert.equal(small.grid.panels[0]!.rowLabels[5], '5S');
  });

  it('reads a mean and its spread printed in each cell ("0.84±0.02") as the mean, and says so', async () => {
    // No number had been read: every value came from the colours, to ±0.0026.
    for (const name of ['seaborn-mean-std-100dpi-4x5', 'seaborn-mean-std-150dpi-4x5']) {
      const r = await readAsDrawn(name);
      assert.ok(
        r.warnings.includes(
          '20 cells print a second number after a ± (a spread, as a standard deviation): their values are the numbers before it; the spreads are not kept',
        ),
        `${name}: ${r.warnings.join(' | ')}`,
      );
    }
  });

  it('reads a figure saved with a transparent background, in the dark style as in the default', async () => {
    // dark_background's white text, drawn on nothing, had vanished on white: no label read.
    for (const name of ['seaborn-transparent-dark-100dpi-5x5', 'seaborn-transparent-100dpi-5x5'])
      await readAsDrawn(name);
  });

  it('reads p-values printed in scientific notation exactly, a point lost after the first digit put back', async () => {
    // "1.4e-04" had been read "14e-04" (0.0014): its cell's colour allowed either.
    const name = 'seaborn-pvalues-sci-100dpi-5x5';
    const { e } = fixture(name);
    const r = await read(name);
    assert.deepEqual(Array.from(r.grid.panels[0]!.values), e.values.flat());
  });

  it('reads hyperparameter sweeps at 72 dpi: no label said absent, points and keys kept', async () => {
    // seaborn's sweeps of a pivoted table of runs, annotated, 72 dpi. Each label is read
    // right or said not read; none wrong, none said absent where one is drawn.
    type Sweep = { values: number[][]; rows: string[]; cols: string[]; ylabel: string | null };
    const got: Record<string, Awaited<ReturnType<typeof readExt>>> = {};
    // (The learning rates apart from their title, not annotated: "0.0001", "0.001" and
    // "0.003" had been read upside down as "10000", "1000" and "£000".)
    for (const name of [
      'seaborn-sweep-lr-72dpi-6x5',
      'seaborn-sweep-wd-72dpi-4x4',
      'seaborn-sweep-kv-72dpi-3x4',
      'seaborn-sweep-lr-apart-72dpi-6x5',
    ]) {
      const { e } = fixture<Sweep>(name);
      const r = await readExt(name, 'png');
      got[name] = r;
      rightOrUnread(r, e, name);
      assert.equal(r.grid.blankLabels, undefined, name);
      // (Annotated, the numbers printed; else from the colours, within 2% of the range.)
      const want = e.values.flat();
      const span = Math.max(...want) - Math.min(...want);
      for (const [i, v] of r.grid.panels[0]!.values.entries())
        assert.ok(Math.abs(v - want[i]!) <= (name.includes('apart') ? 0.02 * span : 0), name);
    }
    // "0.1", "0.3", "0.5" had been read "01", "03", "05" beside "0.2"; "lr=1e-4" "Ir=1e-4".
    assert.deepEqual(got['seaborn-sweep-wd-72dpi-4x4']!.grid.colLabels, [
      '0.1',
      '0.2',
      '0.3',
      '0.5',
    ]);
    assert.deepEqual(got['seaborn-sweep-kv-72dpi-3x4']!.grid.panels[0]!.rowLabels, [
      'lr=1e-4',
      'lr=3e-4',
      'lr=1e-3',
    ]);
    // At 150 dpi every label is read ("0.0001" and "0.0003" had been read as neither, the
    // turned-up title beside them joined to their band), and at 100 dpi the title as written
    // ("weight _decay" before).
    for (const name of ['seaborn-sweep-lr-150dpi-6x5', 'seaborn-sweep-wd-100dpi-4x4']) {
      const { e } = fixture<Sweep>(name);
      const r = await readExt(name, 'png');
      assert.deepEqual(r.grid.panels[0]!.rowLabels, e.rows, name);
      assert.deepEqual(r.grid.colLabels, e.cols, name);
      assert.equal(r.ylabel, e.ylabel, name);
      assert.deepEqual(Array.from(r.grid.panels[0]!.values), e.values.flat(), name);
    }
  });

  it('reads ML metrics’ names and turned row labels in matplotlib’s styles', async () => {
    // seaborn's scores of 6 and 7 layers on 8 metrics, 100 dpi. Annotated, default style: "f1"
    // and "ppl" had been read "fl" and "pp!", silently. "seaborn-v0_8-dark" (no tick marks,
    // the row labels turned up): an l of each "layer k" passed for tick marks, the rows'
    // lattice 9.5 px off; "layer 1" read "layer", and the columns not read.
    for (const [name, annotated] of [
      ['seaborn-metrics-annotated-6x8', true],
      ['seaborn-style-dark-scores-7x8', false],
    ] as const) {
      const { e } = fixture<{ values: number[][]; rows: string[]; cols: string[] }>(name);
      const r = await readExt(name, 'png');
      assert.deepEqual(r.grid.panels[0]!.rowLabels, e.rows, name);
      assert.deepEqual(r.grid.colLabels, e.cols, name);
      assert.equal(r.grid.unreadLabels, undefined, name);
      const want = e.values.flat();
      const got = Array.from(r.grid.panels[0]!.values);
      if (annotated) assert.deepEqual(got, want, name);
      else {
        const range = Math.max(...want) - Math.min(...want);
        for (const [i, v] of got.entries())
          assert.ok(Math.abs(v - want[i]!) <= 0.02 * range, `${name} ${i}`);
      }
    }
  });

  it('reads seaborn’s gallery of pairwise correlations: 26 letters in sequence, a triangle masked', async () => {
    // Each label a capital alone: 11 of 50 had not been read (at 72 dpi "P" read "p", "Q" "0",
    // silently). Its first row and last column are wholly masked: the grid shown is rows B to
    // Z, columns A to Y.
    const name = 'seaborn-gallery-pairwise-corr-26x26';
    const { e } = fixture<{ values: (number | null)[][]; rows: string[]; cols: string[] }>(name);
    const r = await readExt(name, 'png');
    const p = r.grid.panels[0]!;
    assert.deepEqual(p.rowLabels, e.rows.slice(1));
    assert.deepEqual(r.grid.colLabels, e.cols.slice(0, -1));
    assert.equal(r.grid.unreadLabels, undefined);
    const shown = e.values.slice(1).map((row) => row.slice(0, -1));
    const flat = shown.flat();
    const range = Math.max(...flat.map((v) => v ?? 0)) - Math.min(...flat.map((v) => v ?? 0));
    for (const [i, want] of flat.entries()) {
      const got = p.values[i]!;
      if (want === null) assert.ok(Number.isNaN(got), `cell ${i} masked`);
      else assert.ok(Math.abs(got - want) <= 0.02 * range, `cell ${i}: ${got} for ${want}`);
    }
  });

  it('reads a PNG resized through a smoothing filter as a JPEG is read', async () => {
    // Pillow's Lanczos to 1.25 times: ringing beside the edges, as a JPEG's. Read as a clean
    // PNG, it had been read 8×109 for 8×9, none of its numbers read.
    const name = 'seaborn-resized-lanczos-8x9';
    const { e } = fixture<{ values: number[][]; rows: string[] }>(name);
    const r = await readExt(name, 'png');
    assert.deepEqual([r.grid.panels[0]!.rows, r.grid.cols], [8, 9]);
    assert.deepEqual(r.grid.panels[0]!.rowLabels, e.rows);
    assert.deepEqual(Array.from(r.grid.panels[0]!.values), e.values.flat());
  });

  it('reads labels of a word and a number turned up, the space between blank across all of them', async () => {
    // seaborn turned "model 0" to "model 7" up; the blank rows of their spaces, at one height
    // in every label, had ended the labels' line after the digits: read "0" to "7", silently.
    // Its percentages (fmt='.0%') are read as printed, and kept so.
    const name = 'seaborn-turned-model-labels-6x8';
    const { e } = fixture<{ values: number[][]; rows: string[]; cols: string[] }>(name);
    const r = await readExt(name, 'png');
    assert.deepEqual(r.grid.panels[0]!.rowLabels, e.rows);
    assert.deepEqual(r.grid.colLabels, e.cols);
    assert.equal(r.grid.unreadLabels, undefined);
    assert.deepEqual(Array.from(r.grid.panels[0]!.values), e.values.flat());
    assert.equal(r.format, '.0%');
    // Saved without tight_layout, the labels' m is cut by the image's foot, a rim of it in the
    // last row: not read ("odel 0"), and said to run off the image.
    const cut = await readExt('seaborn-turned-model-labels-cut-6x8', 'png');
    const all = [0, 1, 2, 3, 4, 5, 6, 7];
    assert.deepEqual(cut.grid.unreadLabels, { rows: [], cols: all });
    assert.deepEqual(cut.grid.cutLabels, { rows: [], cols: all });
  });

  it('does not read a label whose ink shows more words apart than the reading has', async () => {
    // "LoRA r 8" and "IA3 v 2" turned up over the grid were read "LoRAT 8" and "IA3v 2".
    const name = 'seaborn-turned-top-words-6x11';
    const { e } = fixture<{ rows: string[]; cols: string[] }>(name);
    const r = await readExt(name, 'png');
    assert.deepEqual(r.grid.panels[0]!.rowLabels, e.rows);
    assert.deepEqual(r.grid.unreadLabels, { rows: [], cols: [4, 9] });
    for (const [i, l] of r.grid.colLabels.entries())
      if (i !== 4 && i !== 9) assert.equal(l, e.cols[i], `column ${i}`);
  });

  it('reads labels of a letter and a digit turned up, at 72 dpi read as the digit alone', async () => {
    // matplotlib's classic style: "r0" to "r7" were read "0" to "7", silently; a digit alone
    // is not as wide as their ink. In a serif house style at 100 dpi, "r0" to "r4" were read
    // "O", "rl", "2", "3", "rd": the prefix of the labels read as a letter and a glyph tells.
    // With tick marks in at 72 dpi, the numbers read alone past it had "r6" read "5" as "r5":
    // two alike among eight no longer keep the others from theirs.
    for (const name of [
      'seaborn-classic-letter-digit-72dpi-8x8',
      'seaborn-serif-letter-digit-100dpi-5x7',
      'seaborn-ticks-in-letter-digit-72dpi-8x8',
    ]) {
      const { e } = fixture<{ rows: string[]; cols: string[] }>(name);
      const r = await readExt(name, 'png');
      assert.deepEqual(r.grid.panels[0]!.rowLabels, e.rows, name);
      assert.deepEqual(r.grid.colLabels, e.cols, name);
      assert.equal(r.grid.unreadLabels, undefined, name);
    }
  });

  it('reads the numbers under tick marks drawn into the grid', async () => {
    // matplotlib's classic style (marks in on all four sides), 100 dpi, and a house style with
    // minor marks in between (serif, 150 dpi): 10 of 30 and 2 of 36 numbers had been taken
    // from their colours, a mark read as a minus or a stroke.
    for (const name of ['seaborn-classic-ticks-in-5x6', 'seaborn-ticks-in-minor-150dpi-6x6']) {
      const { e } = fixture<{ values: number[][] }>(name);
      const r = await readExt(name, 'png');
      assert.deepEqual(Array.from(r.grid.panels[0]!.values), e.values.flat(), name);
      assert.deepEqual(r.warnings, [], name);
    }
  });

  it('reads Vega’s 4-px cells from their marks a pixel off, and says when a JPEG’s are too fine', async () => {
    // The PNG's marks, one a cell, stood a pixel off the grid's ends: read 99x99.
    await shapeAndValues('vega-smooth-jpeg-100x100', 'png', 100, 100);
    // Its JPEG is blurred past reading (10x1, one cell 40 px high read from marks every 10
    // rows); the rows' marks, every 4 px, say the rows are finer than read, and so does the
    // description.
    const r = await readExt('vega-smooth-jpeg-100x100', 'jpg');
    const w = r.warnings.find((x) => x.includes('tick marks stand every'));
    assert.ok(
      w || (r.grid.panels[0]!.rows === 100 && r.grid.cols === 100),
      `${r.grid.panels[0]!.rows}x${r.grid.cols}: ${r.warnings.join('\n')}`,
    );
    if (w) assert.match(await described(r), /\. But the rows' tick marks stand every 4 px/);
  });

  it('warns that the cells read are not one colour where imshow smoothed a grid of 2-px rows', async () => {
    // 200 rows in 340 px, smoothed by matplotlib: read 114x1, silently.
    const r = await readExt('matplotlib-imshow-interpolated-200x20', 'png');
    const w = r.warnings.find((x) => x.includes('not one colour'));
    assert.ok(w, r.warnings.join('\n'));
    assert.match(w!, /^\d+% of the cells read are not one colour each/);
    // And its description says so where it says how the values were read.
    assert.match(
      await described(r),
      /no finer\. But \d+% of the cells read are not one colour each/,
    );
  });
});

describe('numbers over the cells at seaborn’s font_scale=1.4', () => {
  it('reads the 5 rows whose numbers’ strokes had passed for edges between runs of one colour', async () => {
    // Read 45 rows, each true row 9 rows of its one colour, without a warning.
    const name = 'seaborn-font-scale-annotated-5x7';
    const { e } = fixture(name);
    const r = await read(name);
    assert.equal(r.grid.panels[0]!.rows, 5);
    assert.equal(r.grid.cols, 7);
    within(r, e.values.flat(), name);
  });
});

/**
 * A fixture of printed numbers read: its shape, its column labels (and its row labels, where
 * `rows`), every value as printed. The read, for more.
 */
async function asPrinted(name: string, rows = true) {
  const { e } = fixture<{ values: number[][]; rows: string[]; cols: string[] }>(name);
  const r = await read(name);
  assert.deepEqual([r.grid.panels[0]!.rows, r.grid.cols], [e.rows.length, e.cols.length]);
  if (rows) assert.deepEqual(r.grid.panels[0]!.rowLabels, e.rows);
  assert.deepEqual(r.grid.colLabels, e.cols);
  assert.deepEqual(Array.from(r.grid.panels[0]!.values), e.values.flat());
  return r;
}

describe('tables coloured by pandas’ Styler (screenshots; scripts/make-read-table-fixtures.ts)', () => {
  // Columns as wide as their texts: read in 17 to 117 columns for 3 to 7, numbers written of
  // pieces of their texts (read/table.ts makes them one width first).
  for (const name of [
    'styler-jupyter-viridis-5x4',
    'styler-jupyter-ylorrd-6x6-2x',
    'styler-page-rdylgn-percent-6x5',
    'styler-page-blues-4x5-2x',
    'styler-jupyter-caption-6x5',
  ])
    it(`reads ${name}: its shape, its labels and every number as printed`, async () => {
      const r = await asPrinted(name);
      // No colorbar: said, and every value from its printed number.
      assert.ok(
        r.warnings.some((w) => /no colorbar found/.test(w)),
        r.warnings.join('; '),
      );
      assert.match(await described(r), /the numbers printed over the cells/);
      // A caption (Styler.set_caption), centred on the table, is its title: it had not been
      // read (the title reader looks for one centred on the cells).
      assert.equal(r.title, name.includes('caption') ? 'Accuracy by benchmark' : null, name);
    });

  it('reads a confusion matrix as JupyterLab shows a DataFrame of counts: each count to its own cell', async () => {
    // Columns of one width, the counts at their right: "3" and "2" had been read "32", given
    // to one cell, and a count's neighbour left without one. (Its row labels, at 1×, are not
    // read, and said.)
    await asPrinted('styler-jupyter-confusion-5x5', false);
  });

  /** A table read with every value as printed, its missing ones NaN, and `said` among its warnings. */
  const withMissing = async (name: string, said: string) => {
    const { e } = fixture<{ values: (number | null)[][]; rows: string[]; cols: string[] }>(name);
    const r = await read(name);
    assert.deepEqual(
      Array.from(r.grid.panels[0]!.values),
      e.values.flat().map((v) => v ?? Number.NaN),
      name,
    );
    assert.ok(r.warnings.includes(said), r.warnings.join('; '));
    return { e, r };
  };

  it('reads a table with its index named and scores missing: the header as its labels, "nan" as missing', async () => {
    // The index's name ("model") on a line of its own under the header: the header had been
    // taken for text apart from the grid, and the columns said to show no labels; it is now
    // read as the rows' title, put at their left. The cells
    // that print "nan" had been said misread.
    for (const name of [
      'styler-jupyter-index-name-nan-5x4',
      'styler-jupyter-index-name-nan-5x4-2x',
    ]) {
      const { e, r } = await withMissing(
        name,
        '2 cells print "nan" (a missing value) in place of a number: they have no value',
      );
      assert.deepEqual([r.grid.panels[0]!.rows, r.grid.cols], [5, 4], name);
      assert.deepEqual(r.grid.panels[0]!.rowLabels, e.rows, name);
      assert.deepEqual(r.grid.colLabels, e.cols, name);
      assert.ok(
        !r.warnings.some((w) => /could not be read|no label shown/.test(w)),
        r.warnings.join('; '),
      );
      // The index's name titles the rows, as seaborn titles the y axis with it.
      assert.equal(r.ylabel, 'model', name);
      const text = await described(r);
      assert.match(
        text,
        /2 cells have no value read from the image \(– in the table\): they print `nan`/,
      );
      assert.match(text, /2 of 20 cells are missing; each prints `nan` in place of a number\./);
    }
  });

  it('reads cells printing an em dash (na_rep) as missing, told by its shape', async () => {
    // Text recognition read the 2× "—" as "ee", and one or two of the three at either scale
    // had been said not read.
    for (const name of ['styler-jupyter-na-dash-4x5', 'styler-jupyter-na-dash-4x5-2x']) {
      const { r } = await withMissing(
        name,
        '3 cells print a dash (a missing value) in place of a number: they have no value',
      );
      assert.ok(!r.warnings.some((w) => /numbers written over/.test(w)), r.warnings.join('; '));
    }
  });

  it('reads a heatmap whose columns show no edges between them as the heatmap it is, not a table', async () => {
    // Three columns of one value on every row, no colorbar: their grid's columns are of
    // unequal widths, but each merged cell holds three numbers.
    await asPrinted('seaborn-nobar-merged-columns-6x8');
  });
});

describe('ggplot2 heatmaps (geom_tile; scripts/make-read-fixtures-ggplot.R)', () => {
  // Each had been read wrong, most of them silently: ggplot2 expands its scales past the
  // outer tiles, and the panel there (theme_grey's grey, crossed by white grid lines; theme_bw's
  // outline apart from the tiles; theme_classic's axis lines) had been read as cells (8×10
  // read 8×61; 4×8 read 37×8), its labels read with the tick marks or not at all, its title at
  // the panel's left not read, and a map from white had its palest end lost to the page.
  const axes = (r: Awaited<ReturnType<typeof read>>) => [
    r.grid.panels[0]!.rowLabels,
    r.grid.colLabels,
  ];
  for (const name of [
    'ggplot-grey-default-100dpi-8x10',
    'ggplot-grey-viridis-150dpi-8x10',
    'ggplot-grey-white-red-150dpi-6x6',
    'ggplot-bw-viridis-300dpi-4x8',
    'ggplot-bw-pale-column-150dpi-6x10',
    'ggplot-dark-gradient2-300dpi-4x5',
    // Drawn on nothing (theme_minimal's ggsave): it had been composed onto black, turned
    // over, and no value or label read.
    'ggplot-minimal-transparent-150dpi-16x5',
  ])
    it(`reads ${name}: its shape, labels and every value within the bound stated`, async () => {
      const { e } = fixture<{ values: number[][]; rows: string[]; cols: string[] }>(name);
      const r = await read(name);
      assert.deepEqual(axes(r), [e.rows, e.cols], name);
      within(r, e.values.flat(), name);
    });

  it("finds the tiles within theme_light's pale outline, outer ones as pale as the page", async () => {
    // Its outline a pixel wide, 225 where it falls between two at 100 dpi: the first column
    // and the last row, near 0 in a map white there, had been lost (read 7×9, warned).
    const name = 'ggplot-light-gradient2-100dpi-8x10';
    const { e } = fixture<{ values: number[][]; rows: string[]; cols: string[] }>(name);
    const r = await read(name);
    assert.deepEqual([r.grid.panels[0]!.rows, r.grid.cols], [8, 10]);
    rightOrUnread(r, e, name);
    within(r, e.values.flat(), name);
  });

  it('reads a confusion matrix in theme_bw: counts, labels, axis titles and the title at the left', async () => {
    const name = 'ggplot-bw-confusion-100dpi-5x5';
    const r = await readAsDrawn(name);
    const { e } = fixture<{ title: string; xlabel: string; ylabel: string }>(name);
    assert.deepEqual([r.title, r.xlabel, r.ylabel], [e.title, e.xlabel, e.ylabel]);
    assert.match(await described(r), /^- \*\*Title\*\*: `Confusion matrix`, above the grid\.$/m);
  });

  it('finds a column as pale as the page by the tick marks past the axis line (theme_classic)', async () => {
    // Its first column near 0 in a diverging map white there: the grid had been read 4×6,
    // every value a column off, with no warning. (Its labels are not asked here: codes such
    // as "S0" are read "SO".)
    const name = 'ggplot-classic-pale-column-100dpi-4x8';
    const { e } = fixture<{ values: number[][] }>(name);
    const r = await read(name);
    assert.deepEqual([r.grid.panels[0]!.rows, r.grid.cols], [4, 8]);
    within(r, e.values.flat(), name);
  });

  it('reads the numbers printed over theme_dark numeric tiles at 300 dpi, every one exact', async () => {
    // The panel's edge a darker line, then one blended with the page: it had been refused
    // (22 rows found for 10, the numbers said to stand apart in their cells).
    const name = 'ggplot-dark-numeric-annotated-300dpi-10x5';
    const { e } = fixture<{ values: number[][]; cols: string[] }>(name);
    const r = await read(name);
    assert.deepEqual(Array.from(r.grid.panels[0]!.values), e.values.flat());
    assert.deepEqual(r.grid.colLabels, e.cols);
  });

  it('numbers the tiles between the labels of a numeric axis as those are (theme_classic)', async () => {
    const name = 'ggplot-classic-numeric-300dpi-5x8';
    const { e } = fixture<{ values: number[][]; rows: string[]; cols: string[] }>(name);
    const r = await read(name);
    // Labelled 2, 4, 6, 8 over 1 to 8: the others had been given their positions, 0 to 7.
    assert.deepEqual(axes(r), [e.rows, e.cols]);
    within(r, e.values.flat(), name);
    assert.deepEqual(r.grid.blankLabels, { rows: [], cols: [0, 2, 4, 6] });
    assert.ok(r.grid.notes?.some((n) => /numbered as the labels shown are/.test(n)));
    assert.match(
      await described(r),
      /4 have no label shown .*, and are numbered as the labels shown are\./,
    );
  });

  it('reads the title above a legend over the grid (legend.position = "top")', async () => {
    const name = 'ggplot-grey-legend-top-150dpi-10x6';
    const { e } = fixture<{ values: number[][]; rows: string[]; cols: string[]; title: string }>(
      name,
    );
    const r = await read(name);
    rightOrUnread(r, e, name);
    within(r, e.values.flat(), name);
    assert.equal(r.title, e.title);
  });

  it('reads a level legend\'s labels beside its title (legend.position = "bottom", 300 dpi)', async () => {
    // Its title "v" at the bar's left had been taken for the labels' line: no value.
    const name = 'ggplot-classic-legend-bottom-300dpi-6x4';
    const { e } = fixture<{ values: number[][]; rows: string[]; cols: string[] }>(name);
    const r = await read(name);
    assert.ok(r.ticks.length >= 2, `${name}: ticks ${r.ticks}`);
    within(r, e.values.flat(), name);
    // Its rows labelled 6, 4, 2, the others numbered as those are: the "6", read "0" 90%
    // sure, had left them on no line (zerosTold).
    assert.deepEqual(axes(r), [e.rows, e.cols]);
  });

  it('reads theme_bw counts at 300 dpi whose corner tile is as pale as the page, every one exact', async () => {
    // The block found had ended at the panel's outline below, a tick mark under its middle
    // column where the outline's colour was taken from; the numbers' strokes were then read
    // as 41 rows, and the image refused.
    await readAsDrawn('ggplot-bw-white-red-annotated-300dpi-5x4');
  });

  it("takes the rising scale where a legend's labels lie on a rising and a falling line alike", async () => {
    // Its "-2" is read "2": "2", "0", "2". The falling line had been taken, and every value
    // read the wrong side of 0.
    const name = 'ggplot-minimal-legend-top-72dpi-12x10';
    const { e } = fixture<{ values: number[][]; title: string }>(name);
    const r = await read(name);
    // (One cell, a white 0 beside the grid lines of theme_minimal, is read as missing, and said.)
    const want = e.values.flat();
    const got = Array.from(r.grid.panels[0]!.values);
    const missing = got.flatMap((v, i) => (Number.isNaN(v) ? [i] : []));
    assert.ok(missing.length <= 1 && r.warnings.some((w) => /read as missing/.test(w)), name);
    got.forEach((v, i) => {
      if (!missing.includes(i))
        assert.ok(
          Math.abs(Number(v.toFixed(r.decimals)) - want[i]!) <= r.uncertainty,
          `${i}: ${v}`,
        );
    });
    assert.equal(r.title, e.title);
  });

  it('reads codes of a capital and a digit, and row labels beside the axis title and with an fi', async () => {
    // "fig" (its fi one glyph, no dot) had been refused, "plane", level with the title
    // "group" 4 px beside it, not read; "S8", "A8", "I1", "Q6", "F8", "W0" read "Sa", "AB", "11",
    // "06", "Fa", "Wo", silently. Each code now read right, or said not read (J1 alone).
    const name = 'ggplot-minimal-codes-100dpi-6x12';
    const { e } = fixture<{ values: number[][]; rows: string[]; cols: string[] }>(name);
    const r = await read(name);
    assert.deepEqual(r.grid.panels[0]!.rowLabels, e.rows);
    rightOrUnread(r, e, name);
    const right = r.grid.colLabels.filter((l, j) => l === e.cols[j]).length;
    assert.ok(right >= 11, `${right} of 12 codes read`);
    within(r, e.values.flat(), name);
  });

  it('reads codes turned 45° in a 300-dpi JPEG, narrow capitals among them, and a row "car"', async () => {
    // "I3" and "J7" turned back are about as wide as high: every label of the axis had been
    // left unread. "car" was read "Car", 87% sure, and refused as not as high as a C.
    const name = 'ggplot-linedraw-codes-turned-300dpi-5x8';
    // (A JPEG alone: its values, labels and title beside it.)
    const e = JSON.parse(readFileSync(join(FIX, `${name}.json`), 'utf8')) as {
      values: number[][];
      rows: string[];
      cols: string[];
      title: string;
    };
    const r = await readExt(name, 'jpg');
    assert.deepEqual(r.grid.panels[0]!.rowLabels, e.rows);
    rightOrUnread(r, e, name);
    const right = r.grid.colLabels.filter((l, j) => l === e.cols[j]).length;
    assert.ok(right >= 6, `${right} of 8 codes read`);
    within(r, e.values.flat(), name);
    assert.equal(r.title, e.title);
  });
});
