/**
 * One colour scale for one spec, whatever is drawn (issue 11): SVG, PNG at scales 1, 2 and 4,
 * PDF and HTML of a large grid share the range of all of its values, whether the file is
 * read whole or streamed, never the range of the block means. Tall and wide arrays keep
 * their short axis; a figure's width and height decide the reduction.
 */
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { quantileSorted } from 'd3-array';
import { outputData, type RenderResult, renderSpec } from '../../src/node.ts';
import { writeNpy } from '../data/writers.ts';
import { tempDir } from '../helpers.ts';

/** A grid of smooth noise with one low and one high spike that block means would hide. */
function noise(rows: number, cols: number): number[] {
  let s = 12345;
  const rand = () => {
    s = (Math.imul(s ^ (s >>> 15), 2246822507) + 0x9e3779b9) | 0;
    return (s >>> 0) / 4294967296;
  };
  const v = Array.from({ length: rows * cols }, () => Math.fround(rand() * 2 - 1));
  v[10 * cols + 10] = -4.990000247955322; // float32 of -4.99
  v[20 * cols + 20] = 5.25;
  return v;
}

function file(name: string, rows: number, cols: number): { path: string; values: number[] } {
  const dir = tempDir('heatfig-range-');
  const values = noise(rows, cols);
  const path = join(dir, name);
  writeFileSync(path, writeNpy(values, [rows, cols], 'f4'));
  return { path, values };
}

const cbarTicks = (r: RenderResult) =>
  r.scene.primitives.flatMap((t) => (t.type === 'text' && t.role === 'cbar-tick' ? [t.text] : []));

describe('the colour range of a large grid', () => {
  // 2000 × 3000 float32 is 24 MB: streamed (over 16 MB) and reduced for every format.
  const big = file('big.npy', 2000, 3000);
  const small = file('small.npy', 1500, 1600); // 9.6 MB: read whole, reduced in memory

  for (const [what, f] of [
    ['streamed', big],
    ['read whole', small],
  ] as const) {
    it(`is the data's, in SVG, PNG at scales 1, 2 and 4, PDF and HTML (${what})`, async () => {
      const spec = { data: f.path };
      const runs: [string, RenderResult][] = [
        ['svg', renderSpec(spec, { format: 'svg' })],
        ['png1', renderSpec(spec, { format: 'png', pixelRatio: 1 })],
        ['png2', renderSpec(spec, { format: 'png', pixelRatio: 2 })],
        ['png4', renderSpec(spec, { format: 'png', pixelRatio: 4 })],
        ['pdf', renderSpec(spec, { format: 'pdf' })],
        ['html', renderSpec(spec, { format: 'html' })],
      ];
      for (const [name, r] of runs) {
        const norm = name === 'html' ? r.fullFigure.norm : r.figure.norm;
        assert.equal(norm.vmin, -4.990000247955322, `${name} vmin`);
        assert.equal(norm.vmax, 5.25, `${name} vmax`);
        assert.deepEqual(cbarTicks(r), cbarTicks(runs[0]![1]), `${name} colorbar ticks`);
        // SVG, PDF and a PNG at scale 1 draw blocks; at scale 4 every cell has a pixel.
        if (['svg', 'pdf', 'png1'].includes(name)) assert.ok(r.figure.grid.reduced, name);
      }
      // The HTML page carries that one range.
      const html = (await outputData(runs[5]![1], 'html')) as string;
      assert.ok(html.includes('-4.99') && html.includes('5.25'));
      // The description names the data's extremes, and says the rest is about blocks.
      assert.match(
        runs[0]![1].description!.markdown,
        /the data range from -4\.99 to 5\.25; the blocks'/,
      );
    });
  }

  it('robust takes the 2nd and 98th percentiles of every value, streamed or whole', () => {
    for (const f of [big, small]) {
      const sorted = Float64Array.from(f.values).sort();
      const want = [0.02, 0.98].map((p) => quantileSorted(sorted as unknown as number[], p));
      for (const format of ['svg', 'png'] as const) {
        const r = renderSpec({ data: f.path, robust: true }, { format, pixelRatio: 2 });
        assert.deepEqual([r.figure.norm.vmin, r.figure.norm.vmax], want, `${f.path} ${format}`);
      }
    }
  });
});

describe('tall and wide arrays', () => {
  it('keep every column of a 50000 × 20 array, each at least 4 px wide', () => {
    const f = file('tall.npy', 50_000, 20);
    for (const ratio of [1, 2]) {
      const r = renderSpec({ data: f.path }, { format: 'png', pixelRatio: ratio });
      assert.equal(r.figure.grid.cols, 20);
      assert.ok(r.layout.panels[0]!.cw >= 4, `cell width ${r.layout.panels[0]!.cw}`);
      const box = r.layout.panels[0]!;
      assert.ok(
        box.rows * box.ch <= 1000.5 && box.rows * box.ch >= 999,
        'the long side is 1000 px',
      );
    }
  });

  it('keep every row of a 12 × 40000 array', () => {
    const f = file('wide.npy', 12, 40_000);
    const r = renderSpec({ data: f.path }, { format: 'svg' });
    assert.equal(r.figure.grid.panels[0]!.rows, 12);
    assert.ok(r.layout.panels[0]!.ch >= 4);
  });

  it('let width and height decide the blocks, and crop nothing', () => {
    const f = file('w.npy', 50_000, 20);
    const narrow = renderSpec({ data: f.path, height: 300 }, { format: 'png', pixelRatio: 1 });
    const box = narrow.layout.panels[0]!;
    // Every block gets at least one device pixel: no block is dropped by the image's scaling.
    assert.ok(box.ch * 1 >= 1 - 1e-9, `block height ${box.ch}`);
    assert.ok(narrow.figure.grid.panels[0]!.rows <= 300);
    assert.ok(narrow.layout.height <= 300.5, `figure height ${narrow.layout.height}`);
    const tall = renderSpec({ data: f.path, height: 2400 }, { format: 'png', pixelRatio: 1 });
    assert.ok(tall.figure.grid.panels[0]!.rows > 1000, 'more room, more blocks');
    // raster never keeps every cell, and is refused past the vector limit rather than cropped.
    assert.throws(() => renderSpec({ data: f.path, raster: 'never' }, { format: 'svg' }), /cells/);
  });
});
