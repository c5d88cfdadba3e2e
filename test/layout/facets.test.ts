import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { gridFromArray } from '../../src/data/arrays.ts';
import { resolveSpec } from '../../src/figure/resolve.ts';
import { layoutFigure } from '../../src/layout/layout.ts';
import { render } from '../../src/pipeline.ts';
import type { Spec } from '../../src/spec/spec-type.ts';
import { dejavuSansMeasurer } from '../../src/text/measure.ts';
import { assertGoldens, overlappingTexts, textsOutside } from '../helpers.ts';

const m = dejavuSansMeasurer();

/** A figure of an array of `shape` (3-D or 4-D) with the spec's options. */
function figureOf(shape: number[], spec: Partial<Spec> = {}) {
  const n = shape.reduce((a, b) => a * b, 1);
  const values = Array.from({ length: n }, (_, i) => (i * 7) % 11);
  return resolveSpec({ data: [[0]], ...spec } as Spec, gridFromArray(values, shape));
}

describe('facets (issue 16: small multiples)', () => {
  it('places a 4-D array as facet rows × columns, labels on the outer facets, titles in the margins', () => {
    const f = figureOf([2, 3, 4, 5], {
      facet: { rowTitle: 'layer', colTitle: 'head' },
      xlabel: 'key',
      ylabel: 'query',
    });
    assert.deepEqual(f.facets, {
      rows: 2,
      cols: 3,
      margins: { rows: ['layer = 0', 'layer = 1'], cols: ['head = 0', 'head = 1', 'head = 2'] },
      sharex: true,
      sharey: true,
    });
    const l = layoutFigure(f, m);
    const p = l.panels;
    // A row of facets shares its top; a column its left; none overlap.
    assert.equal(p[0]!.y, p[2]!.y);
    assert.equal(p[1]!.x, p[4]!.x);
    assert.ok(p[1]!.x > p[0]!.x + p[0]!.cols * p[0]!.cw);
    assert.ok(p[3]!.y > p[0]!.y + p[0]!.rows * p[0]!.ch);
    const texts = (role: string) => l.texts.filter((t) => t.role === role);
    // Column labels under the 3 bottom facets only; row labels at the left of the 2 rows only.
    assert.equal(texts('xtick').length, 3 * 5);
    assert.ok(texts('xtick').every((t) => t.box.y > p[3]!.y + 4 * p[3]!.ch));
    assert.equal(texts('ytick').length, 2 * 4);
    assert.ok(texts('ytick').every((t) => t.box.x + t.box.w < p[0]!.x));
    // Titles: 3 over the columns, 2 at the right of the rows; one x and one y title.
    assert.deepEqual(
      texts('panel-title').map((t) => t.text),
      ['head = 0', 'head = 1', 'head = 2', 'layer = 0', 'layer = 1'],
    );
    assert.equal(texts('xlabel').length, 1);
    assert.equal(texts('ylabel').length, 1);
    // The colorbar stands right of everything else.
    const right = Math.max(
      ...l.texts.filter((t) => !t.role.startsWith('cbar')).map((t) => t.box.x + t.box.w),
    );
    assert.ok(l.colorbar!.bar.x > right);
  });

  it('wraps a 3-D array near-square, or as asked, and labels the last facet of each column', () => {
    const f = figureOf([5, 3, 3]);
    assert.deepEqual(f.facets, { rows: 2, cols: 3, margins: null, sharex: true, sharey: true });
    assert.deepEqual(
      f.grid.panels.map((p) => p.title),
      ['0', '1', '2', '3', '4'],
    );
    const l = layoutFigure(f, m);
    // Facet 2 has no facet below it: its column's labels are under it, as seaborn's col_wrap.
    const xt = l.texts.filter((t) => t.role === 'xtick');
    const under = (i: number) =>
      xt.filter(
        (t) => t.box.x >= l.panels[i]!.x - 1 && t.box.x < l.panels[i]!.x + 3 * l.panels[i]!.cw,
      ).length;
    assert.equal(under(3), 3);
    assert.equal(under(4), 3);
    assert.equal(under(2), 3);
    assert.equal(xt.length, 9);
    assert.deepEqual(figureOf([5, 3, 3], { facet: { wrap: 5 } }).facets, {
      rows: 1,
      cols: 5,
      margins: null,
      sharex: true,
      sharey: true,
    });
    assert.deepEqual(
      figureOf([2, 3, 3], { facet: { colLabels: ['a', 'b'], colTitle: 'model' } }).grid.panels.map(
        (p) => p.title,
      ),
      ['model = a', 'model = b'],
    );
  });

  it('labels every facet with sharex and sharey false, and makes room for the labels between them', () => {
    const f = figureOf([2, 2, 3, 4], { facet: { sharex: false, sharey: false } });
    const l = layoutFigure(f, m);
    const texts = (role: string) => l.texts.filter((t) => t.role === role);
    assert.equal(texts('xtick').length, 4 * 4);
    assert.equal(texts('ytick').length, 4 * 3);
    // The row labels of facet 1 lie between facet 0 and facet 1.
    const right0 = l.panels[0]!.x + 4 * l.panels[0]!.cw;
    assert.ok(texts('ytick').some((t) => t.box.x > right0 && t.box.x + t.box.w < l.panels[1]!.x));
    assert.deepEqual(
      overlappingTexts(
        render(
          { data: [[0]], facet: { sharex: false, sharey: false } },
          {
            grid: gridFromArray(
              Array.from({ length: 48 }, (_, i) => i),
              [2, 2, 3, 4],
            ),
          },
        ).scene,
      ),
      [],
    );
  });

  it('divides a given width and height among the facets', () => {
    const grid = gridFromArray(
      Array.from({ length: 2 * 3 * 4 * 5 }, (_, i) => i),
      [2, 3, 4, 5],
    );
    const { layout } = render({ data: [[0]], width: 900, height: 500 }, { grid });
    assert.equal(layout.width, 900);
    assert.equal(layout.height, 500);
    // Every facet the same size; together with the labels, gaps and colorbar they fill it.
    assert.ok(
      layout.panels.every((p) => p.cw === layout.panels[0]!.cw && p.ch === layout.panels[0]!.ch),
    );
    const right = Math.max(...layout.panels.map((p) => p.x + p.cols * p.cw));
    assert.ok(right > 600 && right < 900, `facets end at ${right}`);
  });

  it('keeps panels given in the spec stacked unless facet asks', () => {
    const panels = [
      { title: 'A', data: [[1, 2]] },
      { title: 'B', data: [[3, 4]] },
      { title: 'C', data: [[5, 6]] },
    ];
    assert.equal(render({ panels }).figure.facets, null);
    assert.deepEqual(render({ panels, facet: { wrap: 2 } }).figure.facets, {
      rows: 2,
      cols: 2,
      margins: null,
      sharex: true,
      sharey: true,
    });
  });

  it('refuses facets of different heights and the wrong number of labels, naming where', () => {
    assert.throws(
      () =>
        render({
          panels: [
            { title: 'A', data: [[1, 2]] },
            {
              title: 'B',
              data: [
                [3, 4],
                [5, 6],
              ],
            },
          ],
          facet: {},
        }),
      /facets share their rows: panel "B" has 2, the first 1/,
    );
    assert.throws(
      () => figureOf([2, 3, 2, 2], { facet: { rowLabels: ['only one'] } }),
      /1 facet labels for 2 facets; give one per facet/,
    );
  });

  it('matches its golden SVG and scene (a 4-D array of 2 × 3 facets, margin titles, a mask)', () => {
    const grid = gridFromArray(
      Array.from({ length: 2 * 3 * 4 * 4 }, (_, i) => ((i * 37) % 23) / 23),
      [2, 3, 4, 4],
    );
    const spec: Spec = {
      data: [[0]],
      title: 'Facets',
      facet: { rowTitle: 'layer', colTitle: 'head' },
      xlabel: 'key',
      ylabel: 'query',
      mask: 'upper',
      annot: true,
      fmt: '.1f',
    };
    const result = render(spec, { grid });
    assertGoldens('facets-4d', result);
    assert.equal(render(spec, { grid }).output, result.output);
  });

  it('gives each facet its own scale and colorbar with scale "independent", coloured as the facet alone would be', () => {
    const values = Array.from({ length: 3 * 2 * 3 }, (_, i) => (i % 6) * 10 ** Math.floor(i / 6));
    const grid = gridFromArray(values, [3, 2, 3]);
    const { scene, figure, layout } = render(
      { data: [[0]], facet: { scale: 'independent', wrap: 3 }, annot: true },
      { grid },
    );
    // Facet k holds 0..5 × 10^k: its scale is its own range.
    assert.deepEqual(
      figure.panelScales!.map((s) => [s.norm.vmin, s.norm.vmax]),
      [
        [0, 5],
        [0, 50],
        [0, 500],
      ],
    );
    assert.equal(layout.colorbar, null);
    assert.equal(layout.panelColorbars!.length, 3);
    // Each colorbar stands right of its facet and left of the next.
    layout.panelColorbars!.forEach((cb, i) => {
      const b = layout.panels[i]!;
      assert.ok(cb!.bar.x > b.x + b.cols * b.cw);
      if (i < 2) assert.ok(cb!.bar.x + cb!.bar.w < layout.panels[i + 1]!.x);
    });
    // A facet's cells have the colours of that facet drawn alone.
    const fills = (s: typeof scene, panel: number) =>
      s.primitives
        .filter((p) => p.type === 'rect' && p.role === 'cell' && p.cell!.panel === panel)
        .map((p) => (p as { fill: string }).fill);
    for (let k = 0; k < 3; k++) {
      const alone = render(
        { data: [[0]] },
        { grid: gridFromArray(values.slice(6 * k, 6 * k + 6), [2, 3]) },
      );
      assert.deepEqual(fills(scene, k), fills(alone.scene, 0));
    }
    assert.deepEqual(overlappingTexts(scene), []);
    // vmin and vmax given bound every facet's scale.
    assert.equal(
      render(
        { data: [[0]], facet: { scale: 'independent' }, vmin: 0, vmax: 1 },
        { grid },
      ).figure.panelScales!.every((s) => s.norm.vmax === 1),
      true,
    );
  });

  it('never lets two texts overlap or leave the canvas, for random facet grids and titles', () => {
    fc.assert(
      fc.property(
        fc.record({
          shape: fc.oneof(
            fc.tuple(
              fc.integer({ min: 2, max: 9 }),
              fc.integer({ min: 1, max: 8 }),
              fc.integer({ min: 1, max: 8 }),
            ),
            fc.tuple(
              fc.integer({ min: 1, max: 3 }),
              fc.integer({ min: 1, max: 4 }),
              fc.integer({ min: 1, max: 6 }),
              fc.integer({ min: 1, max: 6 }),
            ),
          ),
          wrap: fc.option(fc.integer({ min: 1, max: 5 }), { nil: undefined }),
          rowTitle: fc.option(fc.string({ maxLength: 30 }), { nil: undefined }),
          colTitle: fc.option(fc.string({ maxLength: 40 }), { nil: undefined }),
          xaxis: fc.constantFrom('bottom', 'top') as fc.Arbitrary<'bottom' | 'top'>,
          xlabel: fc.option(fc.string({ maxLength: 20 }), { nil: undefined }),
          ylabel: fc.option(fc.string({ maxLength: 20 }), { nil: undefined }),
          annot: fc.boolean(),
          independent: fc.boolean(),
          sharex: fc.boolean(),
          sharey: fc.boolean(),
        }),
        (r) => {
          const shape = [...r.shape];
          const n = shape.reduce((a, b) => a * b, 1);
          const { scene } = render(
            {
              data: [[0]],
              facet: {
                ...(r.wrap ? { wrap: r.wrap } : {}),
                ...(r.rowTitle !== undefined ? { rowTitle: r.rowTitle } : {}),
                ...(r.colTitle !== undefined ? { colTitle: r.colTitle } : {}),
                ...(r.independent ? { scale: 'independent' as const } : {}),
                sharex: r.sharex,
                sharey: r.sharey,
              },
              xaxis: r.xaxis,
              annot: r.annot,
              ...(r.xlabel !== undefined ? { xlabel: r.xlabel } : {}),
              ...(r.ylabel !== undefined ? { ylabel: r.ylabel } : {}),
            },
            {
              grid: gridFromArray(
                Array.from({ length: n }, (_, i) => Math.sin(i)),
                shape,
              ),
            },
          );
          assert.deepEqual(
            overlappingTexts(scene).map(([a, b]) => `${a.role}:${a.text} × ${b.role}:${b.text}`),
            [],
          );
          assert.deepEqual(
            textsOutside(scene).map((t) => t.text),
            [],
          );
        },
      ),
      { seed: 16, numRuns: 120 },
    );
  });
});
