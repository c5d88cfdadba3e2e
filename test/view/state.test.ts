/**
 * The interactive view's state, in Node: the window and its figure, the cell under a point,
 * what a cell says, zooming, the keyboard and a typed colour range (src/view/state.ts, keys.ts).
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { resolveSpec } from '../../src/figure/resolve.ts';
import { gridFromSpec } from '../../src/figure/grid-from-spec.ts';
import type { Figure } from '../../src/figure/types.ts';
import { makeFormatter } from '../../src/format/number.ts';
import type { PanelBox } from '../../src/layout/types.ts';
import { keyAction } from '../../src/view/keys.ts';
import {
  cellAt,
  type Drawn,
  describeCell,
  rangeNorm,
  span,
  wholeWindow,
  windowFigure,
  zoomAround,
  zoomTo,
} from '../../src/view/state.ts';
import { Warnings } from '../../src/errors.ts';
import { gridFromArray } from '../../src/data/arrays.ts';
import { reduceGridTo } from '../../src/data/reduce.ts';
import { blocksFor, largeGridArea } from '../../src/figure/fit-to-pixels.ts';

const figureOf = (values: number[][], extra: Record<string, unknown> = {}): Figure => {
  const spec = {
    data: { values, rows: values.map((_, i) => `r${i}`), cols: values[0]!.map((_, j) => `c${j}`) },
    ...extra,
  };
  return resolveSpec(spec, gridFromSpec(spec, null), new Warnings());
};
const grid = (rows: number, cols: number) =>
  Array.from({ length: rows }, (_, r) => Array.from({ length: cols }, (_, c) => r * cols + c));
const style = (f: Figure) => ({ cmap: f.cmap, norm: f.norm, annot: f.annot });
const box = (rows: number, cols: number): PanelBox => ({ x: 10, y: 20, cw: 5, ch: 4, rows, cols });
const drawnOf = (f: Figure, colStart = 0, rowStart = 0): Drawn => ({
  figure: f,
  panels: [box(f.grid.panels[0]!.rows, f.grid.cols)],
  colStart,
  rowStart,
});

describe('the window of the view', () => {
  it('cuts the figure to its cells, with their labels and values', () => {
    const f = figureOf(grid(4, 5));
    const w = windowFigure(f, { c0: 1, c1: 3, r0: 2, r1: 4 }, style(f), null, 1);
    assert.deepEqual(w.grid.colLabels, ['c1', 'c2']);
    assert.deepEqual(w.grid.panels[0]!.rowLabels, ['r2', 'r3']);
    assert.deepEqual([...w.grid.panels[0]!.values], [11, 12, 16, 17]);
    assert.equal(w.raster, 'never');
  });

  it('reduces a window with more cells than its area has device pixels', () => {
    const f = figureOf(grid(40, 40));
    const first = {
      panels: [{ x: 0, y: 0, cw: 0.5, ch: 0.5, rows: 40, cols: 40 }],
      width: 100,
      height: 100,
    };
    const w = windowFigure(f, wholeWindow(f), style(f), first, 1);
    assert.equal(w.grid.cols, 20);
    assert.equal(w.grid.panels[0]!.rows, 20);
    assert.ok(w.grid.reduced);
  });

  it("draws a grid already reduced for its area (a large array's first look) without reducing it again", () => {
    // mount() reduces a large typed array to the blocks of the area of its own shape
    // (largeGridArea of 1500 × 1500 at a width of 1100: 1080 × 1000 px); the first draw
    // takes that area too, not the one of the blocks' shape (which would cut 1000 rows to 925).
    const n = 1500;
    const values = new Float64Array(n * n).map((_, i) => i % 7);
    const full = gridFromArray(values, [n, n]);
    const area = largeGridArea(n, n, {
      width: 1100,
      height: null,
      cellWidth: null,
      cellHeight: null,
    })!;
    const to = blocksFor(n, n, area, 1);
    const blocks = reduceGridTo(full, to.rows, to.cols, 'mean');
    const f = resolveSpec({ width: 1100 }, blocks, new Warnings());
    const w = windowFigure(f, wholeWindow(f), style(f), null, 1);
    assert.deepEqual([w.grid.panels[0]!.rows, w.grid.cols], [to.rows, to.cols]);
    assert.deepEqual(w.grid.panels[0]!.values, f.grid.panels[0]!.values);
  });
});

describe('pointing at cells', () => {
  it('finds the cell under a point, and none outside the panels', () => {
    const panels = [box(3, 4)];
    assert.deepEqual(cellAt(panels, 10, 20), { panel: 0, row: 0, col: 0 });
    assert.deepEqual(cellAt(panels, 29.9, 31.9), { panel: 0, row: 2, col: 3 });
    assert.equal(cellAt(panels, 30, 20), null);
    assert.equal(cellAt(panels, 9.9, 25), null);
  });

  it('says the labels and the value of a cell, and "masked" for a cell the mask hides (it holds data)', () => {
    const f = figureOf(
      [
        [1, 2],
        [3, 4],
      ],
      { mask: 'upper', xlabel: 'b', ylabel: 'a' },
    );
    const fmt = makeFormatter(f.fmt);
    assert.equal(
      describeCell(f, drawnOf(f), { panel: 0, row: 1, col: 0 }, fmt),
      'a r1, b c0, value 3',
    );
    assert.equal(
      describeCell(f, drawnOf(f), { panel: 0, row: 0, col: 1 }, fmt),
      'a r0, b c1, masked',
    );
  });

  it('says a transformed value with the value it came from', () => {
    const f = figureOf([[1, 3]], { normalize: 'row', xlabel: 'b', ylabel: 'a' });
    assert.equal(
      describeCell(f, drawnOf(f), { panel: 0, row: 0, col: 1 }, makeFormatter('.2f')),
      'a r0, b c1, value 0.75 (raw 3)',
    );
  });

  it('gives the blocks of a reduced axis spans that tile the axis', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 500 }), fc.integer({ min: 1, max: 500 }), (n, k) => {
        const out = Math.min(n, k);
        let next = 0;
        for (let i = 0; i < out; i++) {
          const [a, b] = span(out, n, i, 0);
          assert.equal(a, next);
          assert.ok(b >= a);
          next = b + 1;
        }
        assert.equal(next, n);
      }),
    );
  });
});

describe('zooming', () => {
  it('zooms to the cells of a dragged box, in either direction', () => {
    const f = figureOf(grid(10, 10));
    const d = drawnOf(f);
    const w = zoomTo(
      f,
      wholeWindow(f),
      d,
      { panel: 0, row: 6, col: 7 },
      { panel: 0, row: 2, col: 3 },
    );
    assert.deepEqual(w, { c0: 3, c1: 8, r0: 2, r1: 7 });
  });

  it('keeps a zoomed window inside the grid and at least one cell', () => {
    const f = figureOf(grid(10, 10));
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 9 }),
        fc.integer({ min: 0, max: 9 }),
        fc.constantFrom(0.01, 0.5, 0.8, 1.25, 2, 100),
        (row, col, factor) => {
          const w = zoomAround(f, wholeWindow(f), drawnOf(f), { panel: 0, row, col }, factor);
          assert.ok(w.c0 >= 0 && w.c1 <= 10 && w.c1 - w.c0 >= 1);
          assert.ok(w.r0 >= 0 && w.r1 <= 10 && w.r1 - w.r0 >= 1);
        },
      ),
    );
  });
});

describe('the keyboard', () => {
  const panels = [box(3, 4), { ...box(2, 4), y: 40 }];
  it('moves the cursor, across panels, and stops at the edges', () => {
    assert.deepEqual(keyAction('ArrowRight', false, { panel: 0, row: 0, col: 3 }, panels), {
      move: { panel: 0, row: 0, col: 3 },
    });
    assert.deepEqual(keyAction('ArrowDown', false, { panel: 0, row: 2, col: 1 }, panels), {
      move: { panel: 1, row: 0, col: 1 },
    });
    assert.deepEqual(keyAction('ArrowUp', false, { panel: 1, row: 0, col: 1 }, panels), {
      move: { panel: 0, row: 2, col: 1 },
    });
    assert.deepEqual(keyAction('End', true, { panel: 0, row: 0, col: 0 }, panels), {
      move: { panel: 0, row: 2, col: 3 },
    });
  });

  it('moves across a grid of facets to the facet beside, in every direction', () => {
    // 2 × 2 facets of 3 × 4 cells (20 × 12 px), 10 px apart: 0 1 / 2 3.
    const f = (x: number, y: number): PanelBox => ({ ...box(3, 4), x, y });
    const grid = [f(10, 20), f(40, 20), f(10, 42), f(40, 42)];
    const move = (key: string, panel: number, row: number, col: number) =>
      keyAction(key, false, { panel, row, col }, grid);
    assert.deepEqual(move('ArrowRight', 0, 1, 3), { move: { panel: 1, row: 1, col: 0 } });
    assert.deepEqual(move('ArrowLeft', 1, 2, 0), { move: { panel: 0, row: 2, col: 3 } });
    // Down from facet 1 goes to facet 3 below it, not to facet 2 (the next in order).
    assert.deepEqual(move('ArrowDown', 1, 2, 2), { move: { panel: 3, row: 0, col: 2 } });
    assert.deepEqual(move('ArrowUp', 2, 0, 1), { move: { panel: 0, row: 2, col: 1 } });
    // At the grid's edge the cursor stays.
    assert.deepEqual(move('ArrowRight', 3, 0, 3), { move: { panel: 3, row: 0, col: 3 } });
    assert.deepEqual(move('ArrowDown', 3, 2, 0), { move: { panel: 3, row: 2, col: 0 } });
  });

  it('zooms with plus and minus, and leaves other keys alone', () => {
    assert.deepEqual(keyAction('+', false, { panel: 0, row: 0, col: 0 }, panels), { zoom: 0.5 });
    assert.deepEqual(keyAction('-', false, { panel: 0, row: 0, col: 0 }, panels), { zoom: 2 });
    assert.equal(keyAction('a', false, { panel: 0, row: 0, col: 0 }, panels), null);
  });
});

describe('a typed colour range', () => {
  it('is taken when both ends are numbers, low below high, positive on a log scale', () => {
    const f = figureOf([
      [1, 2],
      [3, 4],
    ]);
    assert.deepEqual(rangeNorm(f.norm, 0, 10), { ...f.norm, vmin: 0, vmax: 10 });
    assert.equal(rangeNorm(f.norm, 5, 5), null);
    assert.equal(rangeNorm(f.norm, Number.NaN, 5), null);
    const log = figureOf(
      [
        [1, 2],
        [3, 4],
      ],
      { norm: 'log' },
    );
    assert.equal(rangeNorm(log.norm, 0, 5), null);
  });
});
