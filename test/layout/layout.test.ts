import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { placeText } from '../../src/layout/text.ts';
import { render } from '../../src/pipeline.ts';
import { textBox } from '../../src/scene/text.ts';
import type { RectPrimitive, TextPrimitive } from '../../src/scene/types.ts';
import { dejavuSansMeasurer } from '../../src/text/measure.ts';
import type { Spec } from '../../src/spec/spec-type.ts';
import { overlappingTexts, textsOutside } from '../helpers.ts';

const label = fc.oneof(
  fc.string({ minLength: 0, maxLength: 24 }),
  fc.constantFrom('neg_sp_en_trans', '$35 ($85 - $50)', '<b>&', '—', 'W'.repeat(30), ''),
);

const specArb = fc
  .record({
    rows: fc.integer({ min: 1, max: 40 }),
    cols: fc.integer({ min: 1, max: 40 }),
    annot: fc.boolean(),
    fmt: fc.constantFrom('.2f', '.1%', '.4f', 'd', '.3g'),
    title: fc.option(fc.string({ maxLength: 60 }), { nil: undefined }),
    xlabel: fc.option(fc.string({ maxLength: 30 }), { nil: undefined }),
    ylabel: fc.option(fc.string({ maxLength: 30 }), { nil: undefined }),
    xaxis: fc.constantFrom('bottom', 'top') as fc.Arbitrary<'bottom' | 'top'>,
    cbarLabel: fc.option(fc.string({ maxLength: 30 }), { nil: undefined }),
    scale: fc.constantFrom(0.001, 1, 1000, -50),
    seed: fc.integer(),
    labels: fc.array(label, { minLength: 80, maxLength: 80 }),
    width: fc.option(fc.integer({ min: 300, max: 1400 }), { nil: undefined }),
  })
  .map((r): Spec => {
    let s = r.seed;
    const rand = () => {
      s = (Math.imul(s, 1103515245) + 12345) | 0;
      return ((s >>> 8) & 0xffff) / 0xffff;
    };
    const values = Array.from({ length: r.rows }, () =>
      Array.from({ length: r.cols }, () => (rand() < 0.1 ? null : (rand() - 0.3) * r.scale)),
    );
    return {
      data: { values, rows: r.labels.slice(0, r.rows), cols: r.labels.slice(40, 40 + r.cols) },
      annot: r.annot,
      fmt: r.fmt,
      xaxis: r.xaxis,
      ...(r.title !== undefined ? { title: r.title } : {}),
      ...(r.xlabel !== undefined ? { xlabel: r.xlabel } : {}),
      ...(r.ylabel !== undefined ? { ylabel: r.ylabel } : {}),
      ...(r.width !== undefined ? { width: r.width } : {}),
      colorbar: r.cbarLabel !== undefined ? { label: r.cbarLabel } : true,
    };
  });

describe('layout', () => {
  it('never lets two texts overlap or leave the canvas, for random grids and labels', () => {
    fc.assert(
      fc.property(specArb, (spec) => {
        const { scene } = render(spec);
        const o = overlappingTexts(scene);
        assert.deepEqual(
          o.map(
            ([a, b]) => `${a.role}:${JSON.stringify(a.text)} × ${b.role}:${JSON.stringify(b.text)}`,
          ),
          [],
        );
        if (spec.width === undefined)
          assert.deepEqual(
            textsOutside(scene).map((t) => t.text),
            [],
          );
      }),
      { seed: 42, numRuns: 150 },
    );
  });

  it('meets a given figure size exactly', () => {
    const { scene } = render({
      data: [
        [1, 2],
        [3, 4],
      ],
      width: 500,
      height: 400,
      title: 'T',
    });
    assert.equal(scene.width, 500);
    assert.equal(scene.height, 400);
  });

  it('puts cell edges on whole pixels by default', () => {
    const { layout } = render({ data: [[1, 2, 3]], annot: true });
    for (const p of layout.panels) {
      assert.equal(p.x % 1, 0);
      assert.equal(p.y % 1, 0);
      assert.equal(p.cw % 1, 0);
    }
  });

  it('leaves out annotations that cannot be legible, and says so', () => {
    const values = Array.from({ length: 150 }, (_, r) =>
      Array.from({ length: 130 }, (_, c) => r * c),
    );
    const r = render({ data: values, annot: true });
    assert.equal(r.layout.annotSize, null);
    assert.match(r.warnings.join('\n'), /annotations left out/);
  });

  it('draws a large annotated grid as an image without annotations, and refuses vector annotations past legibility', () => {
    const values = Array.from({ length: 200 }, () => new Array(200).fill(1));
    assert.throws(
      () => render({ data: values, annot: true, raster: 'never' }),
      /annotating 40,000 cells would give unreadable text/,
    );
    const r = render({ data: values, annot: true });
    assert.equal(r.layout.raster, true);
    assert.equal(r.layout.annotSize, null);
    assert.match(r.warnings.join('\n'), /annotations left out: cells are too small/);
  });

  it('keeps annotations on cells drawn as an image when they hold them (raster "always")', () => {
    const values = [
      [0.1, 0.25],
      [0.5, 1],
    ];
    const r = render({ data: values, annot: true, raster: 'always' });
    assert.equal(r.layout.raster, true);
    const texts = r.scene.primitives.flatMap((p) =>
      p.type === 'text' && p.role === 'annot' ? [[p.text, p.fill]] : [],
    );
    assert.deepEqual(
      texts.map((t) => t[0]),
      ['0.1', '0.25', '0.5', '1'],
    );
    // Inked by contrast with each cell's colour, as on vector cells.
    const vector = render({ data: values, annot: true }).scene.primitives.flatMap((p) =>
      p.type === 'text' && p.role === 'annot' ? [[p.text, p.fill]] : [],
    );
    assert.deepEqual(texts, vector);
    // A reduced grid's blocks are not cells: no annotations, and a warning says why.
    const big = Array.from({ length: 3000 }, () => [1, 2]);
    const red = render({ data: big, annot: true });
    assert.ok(red.figure.grid.reduced);
    assert.equal(red.layout.annotSize, null);
    assert.match(red.warnings.join('\n'), /drawn as an image/);
  });
});

describe('annotation texts', () => {
  it('are formatted once per value, and 0 and -0 still print as Python prints them', () => {
    const { scene } = render({ data: [[0, -0, 0.5, 0.5, -0.004]], annot: true, fmt: '.2f' });
    const texts = scene.primitives.flatMap((p) =>
      p.type === 'text' && p.role === 'annot' ? [p.text] : [],
    );
    assert.deepEqual(texts, ['0.00', '-0.00', '0.50', '0.50', '-0.00']);
  });
  it('are plain text primitives centred on their cells as placeText centres text', () => {
    const { scene } = render({
      data: [
        [1, 22.5],
        [-333, 0.25],
      ],
      annot: true,
      fmt: '.1f',
    });
    const annots = scene.primitives.filter(
      (p): p is TextPrimitive => p.type === 'text' && p.role === 'annot',
    );
    assert.equal(annots.length, 4);
    const m = dejavuSansMeasurer();
    const rects = scene.primitives.filter(
      (p): p is RectPrimitive => p.type === 'rect' && p.role === 'cell',
    );
    for (const a of annots) {
      // Plain data, as every primitive: a copy is the same object.
      assert.equal(Object.getPrototypeOf(a), Object.prototype);
      assert.deepEqual(structuredClone(a), a);
      // Centred on its cell as placeText centres text, with the box placeText gives it.
      const r = rects.find((c) => c.cell!.row === a.cell!.row && c.cell!.col === a.cell!.col)!;
      const placed = placeText(m, a.text, a.size, r.x + r.w / 2, r.y + r.h / 2, 'middle');
      assert.deepEqual(
        [a.x, a.y, a.width, a.ascent, a.descent],
        [placed.x, placed.y, placed.width, placed.ascent, placed.descent],
      );
      assert.deepEqual(textBox(a), placed.box);
    }
    // Cell rects name their cells.
    assert.deepEqual(
      rects.map((r) => r.cell),
      [
        { panel: 0, row: 0, col: 0, value: 1 },
        { panel: 0, row: 0, col: 1, value: 22.5 },
        { panel: 0, row: 1, col: 0, value: -333 },
        { panel: 0, row: 1, col: 1, value: 0.25 },
      ],
    );
    assert.deepEqual(annots[2]!.cell, { panel: 0, row: 1, col: 0, value: -333 });
  });
  it('textBox gives every scene text the box its layout placed it in, rotated labels too', () => {
    const labels = Array.from({ length: 12 }, (_, i) => `a rather long label ${i}`);
    const { scene, layout } = render({
      data: [labels.map((_, i) => i)],
      xticklabels: labels,
      yticklabels: ['only row'],
      title: 'Title',
      xlabel: 'x label',
      ylabel: 'y label',
    });
    const texts = scene.primitives.filter((p): p is TextPrimitive => p.type === 'text');
    assert.equal(texts.length, layout.texts.length);
    assert.ok(texts.some((t) => t.rotate !== 0));
    texts.forEach((t, i) => {
      const want = layout.texts[i]!.box;
      const got = textBox(t);
      for (const k of ['x', 'y', 'w', 'h'] as const)
        assert.ok(Math.abs(got[k] - want[k]) < 1e-9, `${t.text}: ${k} ${got[k]} ≠ ${want[k]}`);
    });
  });
});

describe('the colorbar of a small grid', () => {
  for (const [name, data] of [
    ['1×5', [[0.1, 0.5, 0.9, 0.3, 0.7]]],
    ['5×1', [[0.1], [0.5], [0.9], [0.3], [0.7]]],
    ['1×1', [[0.5]]],
    [
      '2×2',
      [
        [0.1, 0.5],
        [0.9, 0.3],
      ],
    ],
  ] as const) {
    it(`sits beside a ${name} grid with at least two ticks`, () => {
      const r = render({ data: data as unknown as number[][] });
      const cb = r.layout.colorbar!;
      const p = r.layout.panels[0]!;
      const top = p.y;
      const bottom = p.y + p.rows * p.ch;
      const mid = (top + bottom) / 2;
      // Centred on the grid (not hanging below it), and no longer than it needs to be.
      assert.ok(Math.abs(cb.bar.y + cb.bar.h / 2 - mid) < 1, `${name}: bar centre`);
      assert.ok(cb.bar.h <= Math.max(bottom - top, 80), `${name}: bar length ${cb.bar.h}`);
      assert.ok(cb.ticks.length >= 2, `${name}: ${cb.ticks.length} ticks`);
    });
  }
});
