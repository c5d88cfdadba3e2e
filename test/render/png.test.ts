/**
 * PNGs fill cells and stamp annotations straight into resvg's pixels; drawn by resvg they
 * must look the same: cells pixel for pixel, annotations but for a quarter-pixel shift along
 * glyph edges.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { renderPng, renderSpec } from '../../src/node.ts';
import { render } from '../../src/pipeline.ts';
import { applyStamps, planStamps, stampable } from '../../src/render/png/stamp.ts';
import type { Scene, TextPrimitive } from '../../src/scene/types.ts';
import { textBox } from '../../src/scene/text.ts';
import { decodePng } from '../helpers.ts';

const ROOT = new URL('../../', import.meta.url).pathname;

function annotated(n: number, fmt: string): Scene {
  let seed = 7;
  const next = () => {
    seed = (seed * 16807) % 2147483647;
    return seed / 2147483647;
  };
  const data = Array.from({ length: n }, () =>
    Array.from({ length: n }, () => Math.round((next() * 2 - 1) * 1000) / 1000),
  );
  return render({ data, annot: true, fmt, cmap: 'RdBu', center: 0 }).scene;
}

async function bothWays(scene: Scene, scale: number) {
  const stamped = decodePng(await renderPng(scene, { scale, stampFrom: 0 }));
  const drawn = decodePng(await renderPng(scene, { scale, direct: false }));
  assert.equal(stamped.width, drawn.width);
  assert.equal(stamped.height, drawn.height);
  let sum = 0;
  let max = 0;
  let far = 0;
  let inkA = 0;
  let inkB = 0;
  const px = drawn.width * drawn.height;
  for (let i = 0; i < px * 4; i += 4) {
    let d = 0;
    for (let k = 0; k < 3; k++)
      d = Math.max(d, Math.abs(stamped.rgba[i + k]! - drawn.rgba[i + k]!));
    sum += d;
    max = Math.max(max, d);
    if (d > 64) far++;
    if (stamped.rgba[i]! + stamped.rgba[i + 1]! + stamped.rgba[i + 2]! < 150) inkA++;
    if (drawn.rgba[i]! + drawn.rgba[i + 1]! + drawn.rgba[i + 2]! < 150) inkB++;
  }
  return { mean: sum / px, max, far: far / px, inkA, inkB };
}

describe('cells filled directly', () => {
  const odd = render({
    data: Array.from({ length: 7 }, (_, r) => Array.from({ length: 13 }, (_, c) => r * c - 20)),
    width: 333,
    height: 211,
  }).scene;
  for (const [name, scene] of [
    ['seed 000', renderSpec(`${ROOT}examples/seed-000.json`).scene],
    ['seed 004', renderSpec(`${ROOT}examples/seed-004.json`).scene],
    ['7×13 cells of fractional size', odd],
  ] as const) {
    it(`are resvg's pixels exactly, outside the text: ${name}`, async () => {
      const texts = scene.primitives.filter((p): p is TextPrimitive => p.type === 'text');
      for (const scale of [1, 1.5, 2]) {
        const a = decodePng(await renderPng(scene, { scale, stampFrom: 0 }));
        const b = decodePng(await renderPng(scene, { scale, direct: false }));
        const nearText = (x: number, y: number) =>
          texts.some(
            (t) =>
              x >= (textBox(t).x - 1) * scale &&
              x <= (textBox(t).x + textBox(t).w + 1) * scale &&
              y >= (textBox(t).y - 1) * scale &&
              y <= (textBox(t).y + textBox(t).h + 1) * scale,
          );
        let differ = 0;
        for (let y = 0; y < a.height; y++) {
          for (let x = 0; x < a.width; x++) {
            const i = (y * a.width + x) * 4;
            const same =
              a.rgba[i] === b.rgba[i] &&
              a.rgba[i + 1] === b.rgba[i + 1] &&
              a.rgba[i + 2] === b.rgba[i + 2];
            if (!same && !nearText(x, y)) differ++;
          }
        }
        assert.equal(differ, 0, `${differ} pixels differ at scale ${scale}`);
      }
    });
  }
});

describe('stamped annotations', () => {
  for (const [name, scene, scale] of [
    ['seed 000 at 1×', renderSpec(`${ROOT}examples/seed-000.json`).scene, 1],
    ['seed 002 (percent) at 2×', renderSpec(`${ROOT}examples/seed-002.json`).scene, 2],
    ['a 20×20 grid of signed values at 2×', annotated(20, '.2f'), 2],
    [
      'seed 004 at 1.5× (resvg rounds the canvas up: scales a hair above 1.5)',
      renderSpec(`${ROOT}examples/seed-004.json`).scene,
      1.5,
    ],
  ] as const) {
    it(`look as resvg draws them: ${name}`, async () => {
      const { mean, max, far, inkA, inkB } = await bothWays(scene, scale);
      assert.ok(mean < 1, `mean difference ${mean}`);
      // An eighth of a pixel along an edge moves its pixels by about a quarter of the contrast;
      // resvg's quarter-pixel scanlines make a few edge pixels move more, none by half.
      assert.ok(far < 5e-4, `${far * 100}% of pixels differ by more than 64`);
      assert.ok(max <= 127, `largest difference ${max}`);
      assert.ok(
        Math.abs(inkA - inkB) <= Math.max(20, inkB * 0.02),
        `dark pixels ${inkA} vs ${inkB}`,
      );
    });
  }

  it('rasterise each glyph once per quarter-pixel position', () => {
    const texts = annotated(10, '.2f').primitives.filter(
      (p): p is TextPrimitive => p.type === 'text' && p.role === 'annot',
    );
    const plan = planStamps(texts, 2, 2);
    const glyphs = texts.reduce((s, t) => s + t.text.replaceAll(' ', '').length, 0);
    assert.equal(plan.stamps.length, glyphs * 3);
    assert.equal(plan.colors.length, glyphs * 3);
    const tiles = plan.tiles.length / 4;
    assert.ok(tiles <= 12 * 16, `${tiles} tiles`);
    assert.ok(tiles < glyphs / 2, `${tiles} tiles for ${glyphs} glyphs`);
    // Every use names a tile of the atlas.
    for (let i = 0; i < plan.stamps.length; i += 3) assert.ok(plan.stamps[i]! < tiles);
  });

  it('leave rotated and non-ASCII texts to the renderer', () => {
    const [t] = annotated(1, '.2f').primitives.filter(
      (p): p is TextPrimitive => p.type === 'text' && p.role === 'annot',
    );
    assert.equal(stampable(t!), true);
    assert.equal(stampable({ ...t!, rotate: 90 }), false);
    assert.equal(stampable({ ...t!, text: '−0.5' }), false);
    assert.throws(() => planStamps([{ ...t!, rotate: 90 }], 1, 1), /cannot stamp/);
  });

  it('blend by coverage towards the glyph colour, and stay inside the canvas', () => {
    // One 2×1 tile: full and half coverage, stamped half off the right edge of a 2×1 canvas.
    const plan = {
      svg: '',
      width: 2,
      height: 1,
      tiles: Int32Array.from([0, 0, 2, 1]),
      stamps: Int32Array.from([0, 1, 0]),
      colors: Uint8Array.from([255, 255, 255]),
    };
    const atlas = Uint8Array.from([0, 0, 0, 255, 0, 0, 0, 128]);
    const dst = Uint8Array.from([10, 20, 30, 255, 0, 0, 0, 255]);
    applyStamps(dst, 2, 1, plan, atlas);
    assert.deepEqual([...dst], [10, 20, 30, 255, 255, 255, 255, 255]);
    const half = Uint8Array.from([0, 0, 0, 255, 0, 0, 0, 255]);
    applyStamps(half, 2, 1, { ...plan, stamps: Int32Array.from([0, -1, 0]) }, atlas);
    assert.deepEqual([...half], [128, 128, 128, 255, 0, 0, 0, 255]);
  });
});

describe('text in PNGs', () => {
  it('draws a title with characters outside the glyph outlines through the shipped font', async () => {
    const { scene } = render({ data: [[1, 2]], title: 'Naïve – µ' });
    const title = scene.primitives.find(
      (p): p is TextPrimitive => p.type === 'text' && p.role === 'title',
    )!;
    const png = decodePng(await renderPng(scene, { scale: 1 }));
    let ink = 0;
    for (let y = Math.floor(textBox(title).y); y < textBox(title).y + textBox(title).h; y++)
      for (let x = Math.floor(textBox(title).x); x < textBox(title).x + textBox(title).w; x++) {
        const i = (y * png.width + x) * 4;
        if (png.rgba[i]! + png.rgba[i + 1]! + png.rgba[i + 2]! < 300) ink++;
      }
    assert.ok(ink > 20, `${ink} dark pixels where the title is`);
  });
});

describe('what is drawn over the cells', () => {
  const inkIn = (png: { width: number; rgba: Uint8Array }, t: TextPrimitive, scale: number) => {
    let ink = 0;
    for (let y = Math.floor(textBox(t).y * scale); y < (textBox(t).y + textBox(t).h) * scale; y++)
      for (
        let x = Math.floor(textBox(t).x * scale);
        x < (textBox(t).x + textBox(t).w) * scale;
        x++
      ) {
        const i = (y * png.width + x) * 4;
        // Annotations are black or white: count pixels near either.
        const sum = png.rgba[i]! + png.rgba[i + 1]! + png.rgba[i + 2]!;
        if (sum < 120 || sum > 700) ink++;
      }
    return ink;
  };

  it('keeps annotations resvg has to draw itself (characters without outlines) above the cells', async () => {
    const { scene } = render({
      data: [
        [0.1, 0.9],
        [0.5, 0.3],
      ],
      annot: true,
      fmt: '{:.2f}µ',
      cmap: 'viridis',
    });
    const png = decodePng(await renderPng(scene, { scale: 2 }));
    for (const t of scene.primitives.filter(
      (p): p is TextPrimitive => p.type === 'text' && p.role === 'annot',
    ))
      assert.ok(inkIn(png, t, 2) > 30, `no ink for ${t.text}`);
  });

  it('keeps separators above a raster of cells', async () => {
    const data = Array.from({ length: 200 }, (_, r) =>
      Array.from({ length: 200 }, (_, c) => r + c),
    );
    const { scene, layout } = render({
      data,
      cmap: 'Greys',
      separators: { cols: [100], color: '#ff0000', width: 3 },
    });
    assert.equal(layout.raster, true);
    const line = scene.primitives.find((p) => p.type === 'line' && p.role === 'separator')!;
    assert.ok(line.type === 'line');
    const png = decodePng(await renderPng(scene, { scale: 2 }));
    const x = Math.round(line.x1 * 2);
    const y = Math.round(((line.y1 + line.y2) / 2) * 2);
    const i = (y * png.width + x) * 4;
    assert.deepEqual([...png.rgba.subarray(i, i + 3)], [255, 0, 0]);
  });
});
