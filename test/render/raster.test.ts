/**
 * The raster path: large grids (or raster "always") draw their cells as one image per panel,
 * pixel for pixel the colormap colours of the cells, or of their block aggregates when the
 * grid has more cells than the output has pixels.
 */
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { makeColorizer } from '../../src/color/colorize.ts';
import { namedColormap } from '../../src/color/colormap.ts';
import { BlockReducer, reduceGrid } from '../../src/data/reduce.ts';
import { gridFromMatrix } from '../../src/data/grid.ts';
import { outputBytes, renderSpec } from '../../src/node.ts';
import { render } from '../../src/pipeline.ts';
import type { ImagePrimitive } from '../../src/scene/types.ts';
import { writeNpy } from '../data/writers.ts';
import { decodePng, tempDir } from '../helpers.ts';

const hex = (b: ArrayLike<number>, i: number) =>
  `#${[0, 1, 2].map((k) => b[i + k]!.toString(16).padStart(2, '0')).join('')}`;

describe('raster cells', () => {
  it('switch on by themselves for large grids and stay rects for small ones', () => {
    const big = Array.from({ length: 200 }, (_, r) => Array.from({ length: 200 }, (_, c) => r + c));
    assert.equal(render({ data: big }).layout.raster, true);
    assert.equal(
      render({
        data: [
          [1, 2],
          [3, 4],
        ],
      }).layout.raster,
      false,
    );
    assert.equal(
      render({
        data: [
          [1, 2],
          [3, 4],
        ],
        raster: 'always',
      }).layout.raster,
      true,
    );
    assert.equal(render({ data: big, raster: 'never' }).layout.raster, false);
  });

  it('hold exactly the colormap colour of each cell, missing cells transparent', () => {
    const values = [
      [0, 0.25, null],
      [0.5, 0.75, 1],
    ];
    const r = render({ data: values, raster: 'always', cmap: 'viridis', vmin: 0, vmax: 1 });
    const img = r.scene.primitives.find(
      (p): p is ImagePrimitive => p.type === 'image' && p.role === 'cells',
    )!;
    assert.deepEqual([img.pixelWidth, img.pixelHeight], [3, 2]);
    const color = makeColorizer(namedColormap('viridis'), { kind: 'linear', vmin: 0, vmax: 1 });
    values.flat().forEach((v, i) => {
      if (v === null) assert.equal(img.rgba[i * 4 + 3], 0);
      else assert.equal(hex(img.rgba, i * 4), color(v));
    });
    assert.ok(!r.output.includes('data-row'));
    assert.match(r.output, /<image [^>]*image-rendering="pixelated" href="data:image\/png;base64,/);
  });

  it('draw those colours into the PNG, pixel for pixel', async () => {
    const values = Array.from({ length: 40 }, (_, r) =>
      Array.from({ length: 60 }, (_, c) => ((r * 7 + c * 3) % 23) / 22),
    );
    const result = renderSpec(
      {
        data: values,
        raster: 'always',
        cellWidth: 4,
        cellHeight: 4,
        cmap: 'magma',
        vmin: 0,
        vmax: 1,
      },
      { format: 'png', pixelRatio: 2 },
    );
    const img = result.scene.primitives.find(
      (p): p is ImagePrimitive => p.type === 'image' && p.role === 'cells',
    )!;
    const png = decodePng(await outputBytes(result, 'png', { scale: 2 }));
    for (let r = 0; r < 40; r += 3) {
      for (let c = 0; c < 60; c += 5) {
        const x = Math.floor((img.x + c * 4 + 2) * 2);
        const y = Math.floor((img.y + r * 4 + 2) * 2);
        assert.equal(
          hex(png.rgba, (y * png.width + x) * 4),
          hex(img.rgba, (r * 60 + c) * 4),
          `cell ${r},${c}`,
        );
      }
    }
  });

  it('show block aggregates when the grid has more cells than pixels, and say so', () => {
    const values = Array.from({ length: 20 }, () =>
      Array.from({ length: 3000 }, (_, c) => (c % 3 === 0 ? 9 : 0)),
    );
    const at = (how: 'mean' | 'max' | 'min' | 'absmax') => {
      const r = render({ data: values, reduce: how }, { pixelRatio: 1 });
      assert.equal(r.figure.grid.reduced?.how, how);
      assert.equal(r.figure.grid.cols, 1000);
      return r;
    };
    assert.equal(at('mean').figure.grid.panels[0]!.values[0], 3);
    assert.equal(at('max').figure.grid.panels[0]!.values[0], 9);
    assert.equal(at('min').figure.grid.panels[0]!.values[0], 0);
    assert.equal(at('absmax').figure.grid.panels[0]!.values[0], 9);
    // Each axis on its own: 20 rows fit, the 3000 columns go three to a pixel.
    assert.match(at('mean').description!.markdown, /mean of blocks of up to 1 × 3 cells/);
    // The scale and the description keep the data's own range, not the blocks' (all 3).
    assert.deepEqual([at('mean').figure.norm.vmin, at('mean').figure.norm.vmax], [0, 9]);
    assert.match(
      at('mean').description!.markdown,
      /the data range from 0 to 9; the blocks' values range from 3 to 3/,
    );
  });
});

describe('block reduction', () => {
  it('reduces by mean, max, min and absmax, ignoring missing cells', () => {
    const g = gridFromMatrix([
      [1, 2, null, 4],
      [5, -9, 7, null],
    ]);
    const get = (how: 'mean' | 'max' | 'min' | 'absmax') => [
      ...reduceGrid(g, 2, how).panels[0]!.values,
    ];
    assert.deepEqual(get('mean'), [(1 + 2 + 5 - 9) / 4, (4 + 7) / 2]);
    assert.deepEqual(get('max'), [5, 7]);
    assert.deepEqual(get('min'), [-9, 4]);
    assert.deepEqual(get('absmax'), [-9, 7]);
  });

  it('gives the same result streamed by rows, by columns, or whole', () => {
    const R = 37;
    const C = 53;
    const v = Float64Array.from({ length: R * C }, (_, i) => Math.sin(i) * 10);
    const whole = new BlockReducer(R, C, 5, 7, 'mean');
    whole.add(v, 0, 0, R, true);
    const rows = new BlockReducer(R, C, 5, 7, 'mean');
    for (let r = 0; r < R; r += 4) rows.add(v, r * C, r, Math.min(4, R - r), true);
    const t = new Float64Array(R * C);
    for (let r = 0; r < R; r++) for (let c = 0; c < C; c++) t[c * R + r] = v[r * C + c]!;
    const cols = new BlockReducer(R, C, 5, 7, 'mean');
    for (let c = 0; c < C; c += 6) cols.add(t, c * R, c, Math.min(6, C - c), false);
    const a = whole.result();
    const b = rows.result();
    const c2 = cols.result();
    a.forEach((x, i) => {
      assert.ok(Math.abs(x - b[i]!) < 1e-12);
      assert.ok(Math.abs(x - c2[i]!) < 1e-12);
    });
  });
});

describe('streaming .npy', () => {
  const dir = tempDir('heatfig-stream-');
  const n = 2100; // 2100² float32 = 17.6 MB: streamed
  const values = Array.from({ length: n * n }, (_, i) => ((i * 2654435761) % 1000) / 1000);
  for (const fortran of [false, true]) {
    it(`reads a large ${fortran ? 'Fortran' : 'C'}-order file in blocks, equal to reading it whole and reducing`, () => {
      const path = join(dir, `big-${fortran}.npy`);
      writeFileSync(path, writeNpy(values, [n, n], 'f4', false, fortran));
      let calls = 0;
      const streamed = renderSpec(
        { data: path },
        { format: 'png', pixelRatio: 1, progress: () => calls++ },
      ).figure.grid;
      assert.ok(calls > 1, 'read in more than one block');
      assert.ok(streamed.reduced);
      const whole = reduceGrid(
        gridFromMatrix(
          Array.from({ length: n }, (_, r) => values.slice(r * n, (r + 1) * n).map(Math.fround)),
        ),
        2100 / 1000,
        'mean',
      );
      assert.equal(streamed.cols, whole.cols);
      const a = streamed.panels[0]!.values;
      const b = whole.panels[0]!.values;
      for (let i = 0; i < a.length; i += 97)
        assert.ok(Math.abs(a[i]! - b[i]!) < 1e-9, `block ${i}`);
    });
  }
});
