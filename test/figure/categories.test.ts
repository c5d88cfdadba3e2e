/**
 * Categorical data (issue 16 part 5): cells hold codes of `categories`; each gets its own
 * colour (a qualitative colormap's first, a list's in order, a continuous map's spread), a
 * legend of named swatches replaces the colorbar, annotations and the description name the
 * categories, and cells with no category's code are warned of.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { makeColorizer } from '../../src/color/colorize.ts';
import { namedColormap } from '../../src/color/colormap.ts';
import { render } from '../../src/pipeline.ts';
import type { RectPrimitive, TextPrimitive } from '../../src/scene/types.ts';
import type { Spec } from '../../src/spec/spec-type.ts';
import { assertGoldens, assertRefused, overlappingTexts, textsOutside } from '../helpers.ts';

const spec: Spec = {
  data: [
    [0, 1, 2, 1],
    [2, 2, 0, 1],
    [1, 0, 0, 3],
  ],
  categories: ['logistic regression', 'SVM (RBF)', 'random forest', 'k-NN'],
  colorbar: { label: 'best model' },
  title: 'Winner per fold',
};
const hexOf = (lut: Uint8Array, i: number) =>
  `#${[0, 1, 2].map((j) => lut[i * 3 + j]!.toString(16).padStart(2, '0')).join('')}`;
const rects = (r: ReturnType<typeof render>, role: string) =>
  r.scene.primitives.filter((p): p is RectPrimitive => p.type === 'rect' && p.role === role);
const texts = (r: ReturnType<typeof render>, role: string) =>
  r.scene.primitives.filter((p): p is TextPrimitive => p.type === 'text' && p.role === role);
const refused = (s: Spec, message: RegExp, where: string) =>
  assertRefused(() => render(s), message, where);

describe('categories', () => {
  it('colour code i with a qualitative colormap’s i-th colour (tab10 by default, tab20 past 10)', () => {
    const tab10 = namedColormap('tab10');
    const r = render(spec);
    const byCell = new Map(rects(r, 'cell').map((c) => [c.cell!.value, c.fill]));
    for (let i = 0; i < 4; i++) assert.equal(byCell.get(i), hexOf(tab10.lut, i));
    const twelve = Array.from({ length: 12 }, (_, i) => `c${i}`);
    const r12 = render({ data: [Array.from({ length: 12 }, (_, i) => i)], categories: twelve });
    const tab20 = namedColormap('tab20');
    assert.deepEqual(
      rects(r12, 'cell').map((c) => c.fill),
      twelve.map((_, i) => hexOf(tab20.lut, i)),
    );
  });

  it('take a list’s colours in order, and spread a continuous map’s over the codes', () => {
    const r = render({ ...spec, cmap: ['red', '#00ff00', 'blue', 'black', 'white'] });
    assert.deepEqual(
      rects(r, 'swatch').map((s) => s.fill),
      ['#ff0000', '#00ff00', '#0000ff', '#000000'],
    );
    const v = render({ ...spec, cmap: 'viridis' });
    const viridis = namedColormap('viridis');
    // BoundaryNorm over 4 bins and 256 colours: indices 0, 85, 170, 255.
    assert.deepEqual(
      rects(v, 'swatch').map((s) => s.fill),
      [0, 85, 170, 255].map((i) => hexOf(viridis.lut, i)),
    );
  });

  it('draw a legend of named swatches instead of a colorbar, inside the figure, overlapping nothing', () => {
    const r = render(spec);
    assert.equal(
      r.scene.primitives.some((p) => p.type === 'image' && p.role === 'colorbar'),
      false,
    );
    assert.deepEqual(
      texts(r, 'cbar-tick').map((t) => t.text),
      spec.categories,
    );
    assert.deepEqual(
      texts(r, 'cbar-label').map((t) => t.text),
      ['best model'],
    );
    const grid = rects(r, 'cell');
    const right = Math.max(...grid.map((c) => c.x + c.w));
    for (const s of rects(r, 'swatch')) assert.ok(s.x > right);
    assert.deepEqual(overlappingTexts(r.scene), []);
    assert.deepEqual(textsOutside(r.scene), []);
    // More categories than the grid is tall: the figure grows to hold the legend.
    const many = Array.from({ length: 30 }, (_, i) => `category ${i}`);
    const tall = render({ data: [[0, 29]], categories: many });
    const last = rects(tall, 'swatch').at(-1)!;
    assert.ok(tall.scene.height >= last.y + last.h, `${tall.scene.height} < ${last.y + last.h}`);
    assert.deepEqual(textsOutside(tall.scene), []);
  });

  it('write their names in the cells with annot true', () => {
    const r = render({ ...spec, annot: true });
    assert.deepEqual(
      texts(r, 'annot')
        .slice(0, 4)
        .map((t) => t.text),
      ['logistic regression', 'SVM (RBF)', 'random forest', 'SVM (RBF)'],
    );
  });

  it('warn of cells that hold no category’s code', () => {
    const r = render({ ...spec, data: [[0, 1.5, 7, 2]] });
    assert.ok(
      r.warnings.some((w) =>
        /2 cells hold values that are no category's code \(a whole number from 0 to 3\), first 1\.5 at row "0" \/ column "1"/.test(
          w,
        ),
      ),
      r.warnings.join('\n'),
    );
  });

  it('refuse a numeric scale beside them, too few colours, and stops', () => {
    refused({ ...spec, vmin: 0 }, /vmin sets a numeric colour scale/, '$.vmin');
    refused({ ...spec, norm: 'log' }, /norm sets a numeric colour scale/, '$.norm');
    refused(
      { ...spec, cmap: 'Set1', categories: Array.from({ length: 12 }, (_, i) => `c${i}`) },
      /12 categories but the colormap "Set1" has 9 colours/,
      '$.cmap',
    );
    refused(
      {
        ...spec,
        cmap: [
          [0, 'white'],
          [1, 'black'],
        ],
      },
      /categories take a list of colours/,
      '$.cmap',
    );
  });

  it('are described by category: counts, legend colours, names in the table, no statistics of codes', () => {
    const r = render(spec, { describe: true });
    const md = r.description!.markdown;
    assert.match(
      md,
      /Of the 12 cells with a category, by category: `logistic regression` in 4 \(33%\), `SVM \(RBF\)` in 4 \(33%\), `random forest` in 3 \(25%\) and `k-NN` in 1 \(8%\)\./,
    );
    const color = makeColorizer(r.figure.cmap, r.figure.norm);
    assert.match(md, new RegExp(`\`k-NN\` ${color(3)}`));
    assert.match(
      md,
      /\| 2 \| SVM \(RBF\) \| logistic regression \| logistic regression \| k-NN \|/,
    );
    assert.doesNotMatch(md, /mean|rises|falls|maximum/);
  });

  it('match their golden SVG and scene', () => {
    assertGoldens('categories', render(spec));
  });
});
