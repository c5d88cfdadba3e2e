/**
 * Descriptions of values read from an image (issue 20): numbers printed with fixed decimals
 * are described as printed, and the description is true of the drawn data as printed (ties
 * the print makes included); values read less exactly (from colours) claim no sign or rank
 * finer than they were read.
 */
import assert from 'node:assert/strict';
import { describe as suite, it } from 'node:test';
import type { Grid } from '../../src/data/grid.ts';
import { checkClaims } from '../../src/describe/check.ts';
import { asPrinted } from '../../src/describe/claims.ts';
import { describe } from '../../src/describe/describe.ts';
import type { Figure } from '../../src/figure/types.ts';
import { figureOf, held, run } from './detectors/helpers.ts';

/** Drawn values: rows rising along numbered columns, some near zero, ties when printed to 2 decimals. */
const drawn = [
  [-0.52, -0.31, -0.004, 0.003, 0.21, 0.44],
  [-0.61, -0.302, -0.298, 0.12, 0.33, 0.52],
  [0.004, -0.003, 0.001, 0.0, -0.002, 0.002],
  [-0.4, -0.2, 0.1, 0.2, 0.3, 0.6],
  [-0.7, -0.5, -0.3, -0.1, 0.1, 0.3],
  [-0.3, -0.2, -0.1, 0.0, 0.101, 0.099],
];
const cols = drawn[0]!.map((_, j) => String(j));
const rows = drawn.map((_, i) => `layer ${'abcdef'[i]}`);

/** The figure of values as a reader reads them, with what the reader says of them. */
function readFigure(values: number[][], extra: Partial<Grid>): Figure {
  const f = figureOf(values, { rows, cols, center: 0 });
  return { ...f, grid: { ...f.grid, ...extra } };
}

const withValues = (g: Grid, values: number[][]): Grid => ({
  ...g,
  panels: [{ ...g.panels[0]!, values: Float64Array.from(values.flat()) }],
});

const printed = drawn.map((r) => r.map((v) => Number(v.toFixed(2))));

suite('describing values read from an image', () => {
  it('asPrinted rounds as the print did, and leaves other grids alone', () => {
    const f = readFigure(drawn, { printedDecimals: 2, readUncertainty: 0.005 });
    const g = asPrinted(f.grid);
    assert.deepEqual([...g.panels[0]!.values], printed.flat());
    assert.ok(Object.is(g.panels[0]!.values[2 * 6 + 1], -0), '-0.003 prints as -0.00');
    const plain = figureOf(drawn).grid;
    assert.equal(asPrinted(plain), plain);
  });

  it('numbers printed with fixed decimals: every claim is true of the drawn data as printed', () => {
    const read = readFigure(printed, {
      printedDecimals: 2,
      readUncertainty: 0.005,
      readDecimals: 2,
    });
    const d = describe(read);
    assert.ok(
      d.claims.some((c) => c.kind === 'trend'),
      'the rows are still tested for trends',
    );
    const truth = withValues(read.grid, drawn);
    const r = checkClaims(truth, d.claims, d.sentences);
    assert.deepEqual(r.failures, []);
    // Compared exactly instead, the ties the print made are not the data's.
    const exact: Grid = { ...truth };
    delete (exact as { printedDecimals?: number }).printedDecimals;
    assert.equal(checkClaims(exact, d.claims).ok, false);
  });

  it('says a value printed as the centre is equal to it as printed', () => {
    const read = readFigure(printed, {
      printedDecimals: 2,
      readUncertainty: 0.005,
      readDecimals: 2,
    });
    const [c] = held(run('sign', read));
    assert.equal(c!.numbers.find((n) => n.name === 'at')!.value, 9);
    assert.match(run('sign', read).sentences[0]!, /9 equal to it as printed/);
  });

  it('does not tell apart values read alike by digits finer than were read (the runner-up of an extreme)', () => {
    // Two maxima that print alike at 1 decimal: the data's own are told apart to every digit.
    const values = [
      [0.9985105913503971, 0.1, -0.3],
      [0.2, 0.9699212106860697, -0.5],
    ];
    const data = figureOf(values, { annot: true, fmt: '.1f' });
    assert.ok(held(run('extreme', data)).some((c) => c.facts.runnerUp));
    const read: Figure = {
      ...data,
      grid: { ...data.grid, readUncertainty: 0.014, readDecimals: 1 },
    };
    const r = run('extreme', read);
    assert.ok(held(r).every((c) => !c.facts.runnerUp));
    for (const s of r.sentences) assert.doesNotMatch(s ?? '', /\d\.\d{3,}/);
  });

  it('says which labels could not be read, their positions standing in', () => {
    const f = figureOf(printed, { rows: ['a', '1', 'c', 'd', 'e', '5'], cols, center: 0 });
    const read: Figure = {
      ...f,
      grid: {
        ...f.grid,
        readUncertainty: 0.005,
        unreadLabels: { rows: [1, 5], cols: [0, 1, 2, 3, 4, 5] },
      },
    };
    const md = describe(read).markdown;
    assert.match(
      md,
      /\*\*Rows\*\*, labelled at the left: 6 labels: `a`, `1`, `c`, `d`, `e`, `5`; 2 of the 6 could not be read from the image, and their positions stand in \(0 is the first\): `1`, `5`\./,
    );
    assert.match(
      md,
      /\*\*Columns\*\*, labelled below the grid: 6 labels: [^\n]*; none could be read from the image, and their positions stand in \(0 is the first\)\./,
    );
  });

  it('says which labels were given by the sequence the others are numbered in', () => {
    const f = figureOf(printed, { rows: ['0', '1', '2', '3', '4', '5'], cols, center: 0 });
    const read: Figure = {
      ...f,
      grid: { ...f.grid, readUncertainty: 0.005, givenLabels: { rows: [2], cols: [] } },
    };
    const md = describe(read).markdown;
    assert.match(
      md,
      /\*\*Rows\*\*, labelled at the left: 6 labels: `0`, `1`, `2`, `3`, `4`, `5`; `2` was not read clearly and is given by the sequence the others are numbered in\./,
    );
    assert.doesNotMatch(md, /\*\*Columns\*\*[^\n]*sequence/);
  });

  it('values read from colours: at the centre within their uncertainty, and no rank test on tied lines', () => {
    const u = 0.006;
    const read = readFigure(printed, { readUncertainty: u, readDecimals: 2 });
    const sign = run('sign', read);
    const [c] = held(sign);
    assert.equal(c!.params.tolerance, u);
    assert.equal(c!.numbers.find((n) => n.name === 'at')!.value, 9);
    assert.match(sign.sentences[0]!, /9 within ±0\.0060 of it/);
    // The truth has no cell exactly at 0 but one: within the tolerance, the same nine.
    assert.deepEqual(checkClaims(withValues(read.grid, drawn), [c!]).failures, []);
    // Rows 1 and 2 hold values read alike (-0.30 twice, 0.00 thrice): no row is tested.
    assert.deepEqual(
      run('trend', read).plan.filter((p) => p.line === 'row'),
      [],
    );
    // Read without ties (or not read at all), the rows are tested.
    assert.ok(
      run('trend', figureOf(drawn, { rows, cols, center: 0 })).plan.some((p) => p.line === 'row'),
    );
  });
});
