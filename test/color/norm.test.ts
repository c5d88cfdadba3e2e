import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { makeColorizer } from '../../src/color/colorize.ts';
import { namedColormap } from '../../src/color/colormap.ts';
import { lutIndex, makeNorm, type NormSpec } from '../../src/color/norm.ts';
import { readJson } from '../helpers.ts';

interface Case {
  norm: 'linear' | 'center' | 'log' | 'symlog' | 'power' | 'asinh' | 'boundary';
  params: {
    vmin: number;
    vmax: number;
    center?: number;
    linthresh?: number;
    linscale?: number;
    base?: number;
    gamma?: number;
    linear_width?: number;
    boundaries?: number[];
    extend?: 'neither' | 'min' | 'max' | 'both';
  };
  cmap: string;
  values: number[];
  colors: [number, number, number][];
}
const cases = readJson<{ norms: Case[] }>('test/fixtures/matplotlib-colors.json').norms;

function specOf(c: Case): NormSpec {
  const { vmin, vmax } = c.params;
  if (c.norm === 'center') return { kind: 'center', vmin, vmax, center: c.params.center! };
  if (c.norm === 'symlog')
    return {
      kind: 'symlog',
      vmin,
      vmax,
      linthresh: c.params.linthresh!,
      linscale: c.params.linscale ?? 1,
      base: c.params.base ?? 10,
    };
  if (c.norm === 'asinh') return { kind: 'asinh', vmin, vmax, linearWidth: c.params.linear_width! };
  if (c.norm === 'boundary') {
    const b = c.params.boundaries!;
    return {
      kind: 'boundary',
      vmin: b[0]!,
      vmax: b[b.length - 1]!,
      boundaries: b,
      ncolors: namedColormap(c.cmap).n,
      extend: c.params.extend!,
    };
  }
  if (c.norm === 'power') return { kind: 'power', vmin, vmax, gamma: c.params.gamma! };
  return { kind: c.norm, vmin, vmax };
}

describe('norms', () => {
  for (const c of cases) {
    it(`${c.norm} ${JSON.stringify(c.params)} picks matplotlib's colour for every value`, () => {
      const color = makeColorizer(namedColormap(c.cmap), specOf(c));
      c.values.forEach((v, i) => {
        const want = `#${c.colors[i]!.map((x) => x.toString(16).padStart(2, '0')).join('')}`;
        assert.equal(color(v), want, `value ${v}`);
      });
    });
  }

  it('linear maps vmin to 0 and vmax to 1, and is monotone', () => {
    fc.assert(
      fc.property(
        fc.double({ min: -1e6, max: 1e6, noNaN: true }),
        fc.double({ min: 1e-6, max: 1e6, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (vmin, span, a, b) => {
          const f = makeNorm({ kind: 'linear', vmin, vmax: vmin + span });
          assert.equal(f(vmin), 0);
          assert.ok(Math.abs(f(vmin + span) - 1) < 1e-9);
          const [lo, hi] = a < b ? [a, b] : [b, a];
          assert.ok(f(vmin + lo * span) <= f(vmin + hi * span));
        },
      ),
      { seed: 1, numRuns: 500 },
    );
  });

  it('centre maps the centre to 0.5 whatever the range', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0.001, max: 100, noNaN: true }),
        fc.double({ min: 0.001, max: 100, noNaN: true }),
        (below, above) => {
          const f = makeNorm({ kind: 'center', vmin: -below, vmax: above, center: 0 });
          assert.equal(f(0), 0.5);
          assert.equal(f(-below), 0);
          assert.equal(f(above), 1);
        },
      ),
      { seed: 2, numRuns: 300 },
    );
  });

  it('treat NaN as missing, and log treats values <= 0 as missing', () => {
    assert.ok(Number.isNaN(makeNorm({ kind: 'linear', vmin: 0, vmax: 1 })(Number.NaN)));
    assert.ok(Number.isNaN(makeNorm({ kind: 'log', vmin: 1, vmax: 10 })(0)));
    assert.ok(Number.isNaN(makeNorm({ kind: 'log', vmin: 1, vmax: 10 })(-3)));
  });

  it('handle a degenerate range like matplotlib (everything at the low end)', () => {
    assert.equal(makeNorm({ kind: 'linear', vmin: 2, vmax: 2 })(2), 0);
  });
});

describe('lutIndex', () => {
  it('follows matplotlib at the edges: 1.0 is the last entry, beyond is over, below is under', () => {
    assert.equal(lutIndex(0, 256), 0);
    assert.equal(lutIndex(1, 256), 255);
    assert.equal(lutIndex(1 - 1e-12, 256), 255);
    assert.equal(lutIndex(1.0001, 256), 256);
    assert.equal(lutIndex(-1e-12, 256), -1);
    assert.equal(lutIndex(Number.NaN, 256), -2);
    assert.equal(lutIndex(Infinity, 256), 256);
    assert.equal(lutIndex(-Infinity, 256), -1);
  });
});
