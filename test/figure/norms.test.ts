/**
 * The rest of matplotlib's norms (issue 16 part 5): BoundaryNorm (`boundaries`, a stepped
 * colorbar ticked at the boundaries), AsinhNorm (`linearWidth`), SymLogNorm's `linscale` and
 * `base`. The colours themselves are checked against matplotlib's in test/color/norm.test.ts;
 * here, what the spec, the colorbar, the CLI and the description make of them.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { makeColorizer } from '../../src/color/colorize.ts';
import { render } from '../../src/pipeline.ts';
import type { ImagePrimitive } from '../../src/scene/types.ts';
import type { Spec } from '../../src/spec/spec-type.ts';
import { assertGoldens, assertRefused, ROOT } from '../helpers.ts';

const values = [
  [-3.2, -1.4, -0.6, 0.1],
  [0.4, 0.9, 1.3, 2.8],
  [4.5, -0.2, 0.7, -2.1],
];
const spec: Spec = {
  data: values,
  boundaries: [-2, -1, 0, 0.5, 1, 2],
  cmap: 'RdBu_r',
  title: 'Binned',
};
const refused = (s: Spec, message: RegExp, where: string) =>
  assertRefused(() => render(s), message, where);

describe('norm "boundary" (matplotlib BoundaryNorm)', () => {
  it('is implied by boundaries, and takes its range from them', () => {
    const r = render(spec);
    assert.equal(r.figure.norm.kind, 'boundary');
    assert.equal(r.figure.norm.vmin, -2);
    assert.equal(r.figure.norm.vmax, 2);
    // Beyond the boundaries: auto extend draws both triangles.
    assert.equal(r.figure.colorbar!.extend, 'both');
  });

  it('draws a stepped colorbar: one colour per bin, evenly spaced, ticked at the boundaries', () => {
    const r = render(spec);
    const bar = r.scene.primitives.find(
      (p): p is ImagePrimitive => p.type === 'image' && p.role === 'colorbar',
    )!;
    assert.equal(bar.pixelHeight, 5);
    const color = makeColorizer(r.figure.cmap, r.figure.norm);
    const b = [-2, -1, 0, 0.5, 1, 2];
    for (let i = 0; i < 5; i++) {
      const k = 4 - i; // the strip runs top (high) to bottom
      const want = color((b[k]! + b[k + 1]!) / 2)!;
      const got = `#${[0, 1, 2].map((j) => bar.rgba[i * 4 + j]!.toString(16).padStart(2, '0')).join('')}`;
      assert.equal(got, want, `bin ${k}`);
    }
    const ticks = r.layout.colorbar!.ticks;
    assert.deepEqual(
      ticks.map((t) => t.value),
      b,
    );
    // Evenly spaced whatever the bins' widths (0.5 and 1 alike).
    const gaps = ticks.slice(1).map((t, i) => ticks[i]!.y - t.y);
    for (const g of gaps) assert.ok(Math.abs(g - gaps[0]!) < 1e-9, gaps.join(', '));
    const labels = r.scene.primitives.flatMap((p) =>
      p.type === 'text' && p.role === 'cbar-tick' ? [p.text] : [],
    );
    assert.deepEqual(labels, ['-2.0', '-1.0', '0.0', '0.5', '1.0', '2.0']);
  });

  it('gives the regions beyond a colour of their own with colorbar.extend, as BoundaryNorm(extend=…)', () => {
    const r = render({ ...spec, colorbar: { extend: 'both' } });
    assert.deepEqual(r.figure.norm.kind === 'boundary' && r.figure.norm.extend, 'both');
    const plain = makeColorizer(render(spec).figure.cmap, render(spec).figure.norm);
    const ext = makeColorizer(r.figure.cmap, r.figure.norm);
    // The first bin is no longer the colormap's first colour.
    assert.notEqual(ext(-1.5), plain(-1.5));
  });

  it('refuses what matplotlib refuses, and a range given twice, in one line with where', () => {
    refused(
      { ...spec, boundaries: [0, 1, 1, 2] },
      /boundaries must increase: 1 at \[2\] follows 1/,
      '$.boundaries[2]',
    );
    refused({ ...spec, vmin: -1 }, /vmin comes from the boundaries/, '$.vmin');
    refused({ data: values, norm: 'boundary' }, /norm "boundary" needs boundaries/, '$.norm');
    refused(
      { ...spec, cmap: 'tab10', boundaries: [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11] },
      /11 colour bins .* the colormap has 10 colours/,
      '$.boundaries',
    );
  });

  it('is said in the description, bins and boundaries', () => {
    const r = render(spec, { describe: true });
    assert.match(
      r.description!.markdown,
      /5 discrete colours, one per bin between the boundaries -2, -1, 0, 0\.5, 1, 2/,
    );
  });

  it('matches its golden SVG and scene', () => {
    assertGoldens('boundary-norm', render(spec));
  });
});

describe('norm "asinh" and symlog linscale and base', () => {
  it('carries linearWidth, linscale and base into the norm, with matplotlib defaults', () => {
    assert.deepEqual(render({ data: values, norm: 'asinh' }).figure.norm, {
      kind: 'asinh',
      vmin: -3.2,
      vmax: 4.5,
      linearWidth: 1,
    });
    const s = render({ data: values, norm: 'symlog', linscale: 0.5, base: 2 }).figure.norm;
    assert.deepEqual(s, {
      kind: 'symlog',
      vmin: -3.2,
      vmax: 4.5,
      linthresh: 1,
      linscale: 0.5,
      base: 2,
    });
  });

  it('ticks the colorbar at zero and round numbers on both sides', () => {
    const r = render({ data: values.map((row) => row.map((v) => v * 30)), norm: 'asinh' });
    const ticks = r.layout.colorbar!.ticks.map((t) => t.value);
    assert.ok(ticks.includes(0), ticks.join(' '));
    assert.ok(ticks.some((v) => v < 0) && ticks.some((v) => v > 0), ticks.join(' '));
    for (const v of ticks) assert.match(String(Math.abs(v)), /^(0|[125]0*|0\.0*[125])$/);
  });

  it('are flags of the CLI', () => {
    const cli = (...args: string[]) =>
      spawnSync(process.execPath, [join(ROOT, 'bin/heatfig.cjs'), 'describe', '-', ...args], {
        input: '-3,1,2\n0.5,-0.2,4\n',
        encoding: 'utf8',
      });
    let r = cli('--boundaries', '-1,0,1,2');
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stdout, /3 discrete colours, one per bin between the boundaries -1, 0, 1, 2/);
    r = cli('--norm', 'asinh', '--linear-width', '0.5');
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stdout, /inverse-hyperbolic-sine \(nearly linear within ±0\.5/);
    r = cli('--boundaries', '1,0');
    assert.equal(r.status, 2);
    assert.equal(r.stderr.trim().split('\n').length, 1);
    assert.match(r.stderr, /boundaries must increase/);
  });
});
