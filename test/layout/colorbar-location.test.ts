/**
 * Where the colorbar goes and how (issue 16 part 5, matplotlib's colorbar location,
 * orientation, shrink and drawedges): upright at the right or left, lying below or above the
 * grid, outside the axes' labels, a fraction of the side long, lines between its colours.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { HeatfigError } from '../../src/errors.ts';
import { render } from '../../src/pipeline.ts';
import type {
  ImagePrimitive,
  LinePrimitive,
  Primitive,
  TextPrimitive,
} from '../../src/scene/types.ts';
import type { Spec } from '../../src/spec/spec-type.ts';
import { textBox } from '../../src/scene/text.ts';
import { assertGoldens, overlappingTexts, ROOT, textsOutside } from '../helpers.ts';

const base: Spec = {
  data: [
    [0.1, 0.5, 0.9, 0.3],
    [0.7, 0.2, 0.4, 0.8],
    [0.6, 0.95, 0.05, 0.35],
  ],
  title: 'Probe accuracy',
  xlabel: 'layer',
  ylabel: 'probe',
  colorbar: { label: 'accuracy' },
};
const withBar = (cb: object): Spec => ({ ...base, colorbar: { label: 'accuracy', ...cb } });
const image = (ps: readonly Primitive[]) =>
  ps.find((p): p is ImagePrimitive => p.type === 'image' && p.role === 'colorbar')!;
const textsOf = (ps: readonly Primitive[], role: string) =>
  ps.filter((p): p is TextPrimitive => p.type === 'text' && p.role === role);
const cellsBox = (ps: readonly Primitive[]) => {
  const cells = ps.filter((p) => p.type === 'rect' && p.role === 'cell') as {
    x: number;
    y: number;
    w: number;
    h: number;
  }[];
  const x0 = Math.min(...cells.map((c) => c.x));
  const y0 = Math.min(...cells.map((c) => c.y));
  return {
    x0,
    y0,
    x1: Math.max(...cells.map((c) => c.x + c.w)),
    y1: Math.max(...cells.map((c) => c.y + c.h)),
  };
};
const clean = (r: ReturnType<typeof render>) => {
  assert.deepEqual(overlappingTexts(r.scene), []);
  assert.deepEqual(textsOutside(r.scene), []);
};

describe('colorbar location, orientation, shrink and drawedges', () => {
  it('bottom: lies below the column labels and title, low at the left, ticks and title under it', () => {
    const r = render(withBar({ location: 'bottom' }));
    const ps = r.scene.primitives;
    const bar = image(ps);
    assert.equal(bar.pixelHeight, 1);
    assert.equal(bar.pixelWidth, 256);
    // The strip's first pixel is the colormap's first colour (rocket's darkest).
    const lut = r.figure.cmap.lut;
    assert.deepEqual([...bar.rgba.subarray(0, 3)], [...lut.subarray(0, 3)]);
    const xlabels = [...textsOf(ps, 'xtick'), ...textsOf(ps, 'xlabel')].map(textBox);
    assert.ok(xlabels.length > 0);
    for (const b of xlabels) assert.ok(bar.y > b.y + b.h, `bar at ${bar.y}, label to ${b.y + b.h}`);
    const ticks = textsOf(ps, 'cbar-tick');
    for (let i = 1; i < ticks.length; i++) assert.ok(ticks[i]!.x > ticks[i - 1]!.x);
    for (const t of ticks) assert.ok(textBox(t).y > bar.y + bar.h);
    const title = textsOf(ps, 'cbar-label')[0]!;
    assert.equal(title.rotate, 0);
    assert.ok(textBox(title).y > Math.max(...ticks.map((t) => textBox(t).y)));
    // As wide as the grid, centred on it.
    const g = cellsBox(ps);
    assert.ok(Math.abs(bar.x - g.x0) < 1e-9 && Math.abs(bar.x + bar.w - g.x1) < 1e-9);
    clean(r);
  });

  it('top: lies above the grid and under the figure title; left: stands left of the row labels', () => {
    const top = render(withBar({ location: 'top' }));
    const bar = image(top.scene.primitives);
    const g = cellsBox(top.scene.primitives);
    assert.ok(bar.y + bar.h < g.y0);
    const title = textBox(textsOf(top.scene.primitives, 'title')[0]!);
    for (const t of [
      ...textsOf(top.scene.primitives, 'cbar-tick'),
      ...textsOf(top.scene.primitives, 'cbar-label'),
    ])
      assert.ok(textBox(t).y > title.y + title.h - 1e-9);
    clean(top);
    const left = render(withBar({ location: 'left' }));
    const lb = image(left.scene.primitives);
    const ylabels = [
      ...textsOf(left.scene.primitives, 'ytick'),
      ...textsOf(left.scene.primitives, 'ylabel'),
    ].map(textBox);
    for (const b of ylabels)
      assert.ok(lb.x + lb.w < b.x, `bar to ${lb.x + lb.w}, label from ${b.x}`);
    const lticks = textsOf(left.scene.primitives, 'cbar-tick');
    for (const t of lticks) assert.ok(textBox(t).x + textBox(t).w < lb.x);
    clean(left);
  });

  it('shrink: a fraction of the side, centred; orientation horizontal lies at the bottom', () => {
    const full = image(render(base).scene.primitives);
    const half = image(render(withBar({ shrink: 0.5 })).scene.primitives);
    assert.ok(Math.abs(half.h - full.h / 2) < 1e-9);
    assert.ok(Math.abs(half.y + half.h / 2 - (full.y + full.h / 2)) < 1e-9);
    const r = render(withBar({ orientation: 'horizontal' }));
    assert.equal(r.figure.colorbar!.location, 'bottom');
    assert.throws(
      () => render(withBar({ location: 'left', orientation: 'horizontal' })),
      (e: unknown) =>
        e instanceof HeatfigError &&
        /a colorbar at the left lies vertical, not horizontal/.test(e.message) &&
        e.where === '$.colorbar.orientation',
    );
  });

  it('drawedges: a line between each two colours (each bin of a boundary norm)', () => {
    const r = render({
      ...withBar({ drawedges: true, location: 'bottom' }),
      boundaries: [0, 0.25, 0.5, 0.75, 1],
    });
    const edges = r.scene.primitives.filter(
      (p): p is LinePrimitive => p.type === 'line' && p.role === 'cbar-edge',
    );
    const bar = image(r.scene.primitives);
    assert.equal(edges.length, 3);
    edges.forEach((e, i) => {
      assert.ok(Math.abs(e.x1 - (bar.x + ((i + 1) * bar.w) / 4)) < 1e-9);
    });
    assertGoldens('colorbar-bottom', r);
  });

  it('is said in the description, and set from the CLI without losing the spec’s colorbar keys', () => {
    const d = render(withBar({ location: 'bottom' }), { describe: true });
    assert.match(
      d.description!.markdown,
      /shown as a colorbar below the grid, low values at the left titled `accuracy`/,
    );
    const cli = spawnSync(
      process.execPath,
      [
        join(ROOT, 'bin/heatfig.cjs'),
        'describe',
        join(ROOT, 'examples/gridsearch-svc.json'),
        '--cbar-location',
        'top',
        '--cbar-shrink',
        '0.5',
      ],
      { encoding: 'utf8' },
    );
    assert.equal(cli.status, 0, cli.stderr);
    assert.match(
      cli.stdout,
      /a colorbar above the grid, low values at the left titled `mean test accuracy`/,
    );
  });
});
