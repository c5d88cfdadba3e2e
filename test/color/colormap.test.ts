import assert from 'node:assert/strict';
import { render } from '../../src/pipeline.ts';
import { describe, it } from 'node:test';
import { makeColorizer } from '../../src/color/colorize.ts';
import {
  colormapFromList,
  colormapNames,
  namedColormap,
  reversed,
} from '../../src/color/colormap.ts';
import { HeatfigError } from '../../src/errors.ts';
import { readJson } from '../helpers.ts';

interface Fixture {
  linear01: { values: number[]; colors: Record<string, [number, number, number][]> };
  custom: {
    colors?: (string | number[])[];
    stops?: [number, string][];
    lut: [number, number, number][];
    lut_r: [number, number, number][];
  }[];
}
const fx = readJson<Fixture>('test/fixtures/matplotlib-colors.json');
const hex = ([r, g, b]: readonly number[]) =>
  `#${[r, g, b].map((c) => c!.toString(16).padStart(2, '0')).join('')}`;

const REQUIRED =
  `viridis plasma inferno magma cividis turbo Blues Greens Reds Greys Oranges Purples YlOrRd YlGnBu
RdBu RdYlGn RdYlBu coolwarm bwr seismic PiYG PRGn BrBG PuOr Spectral autumn jet hot gray`.split(
    /\s+/,
  );

describe('named colormaps', () => {
  it('include every map the issue names', () => {
    for (const name of REQUIRED) assert.ok(colormapNames().includes(name), name);
  });

  it('give the colour matplotlib draws for every value, for every map and its _r', () => {
    const names = Object.keys(fx.linear01.colors);
    assert.ok(names.length >= 2 * REQUIRED.length);
    for (const name of names) {
      const color = makeColorizer(namedColormap(name), { kind: 'linear', vmin: 0, vmax: 1 });
      fx.linear01.values.forEach((v, i) => {
        assert.equal(color(v), hex(fx.linear01.colors[name]![i]!), `${name}(${v})`);
      });
    }
  });

  it('are found regardless of case', () => {
    assert.equal(namedColormap('blues').name, 'Blues');
    assert.equal(namedColormap('RDBU_R').name, 'RdBu_r');
  });

  it('reverse twice to the original', () => {
    const c = namedColormap('magma');
    assert.deepEqual(reversed(reversed(c)).lut, c.lut);
    assert.equal(reversed(reversed(c)).name, 'magma');
  });

  it('reject an unknown name and suggest the nearest', () => {
    assert.throws(
      () => namedColormap('viridsi'),
      (e: unknown) => {
        assert.ok(e instanceof HeatfigError);
        assert.match(e.message, /unknown colormap "viridsi"; did you mean "viridis"\?/);
        return true;
      },
    );
    assert.throws(() => namedColormap('zzzzzzzz'), /use a matplotlib name/);
  });
});

describe('colormaps from a list of colours', () => {
  it("match matplotlib's LinearSegmentedColormap.from_list byte for byte", () => {
    for (const c of fx.custom) {
      // Evenly spread colours, or stops at positions ((value, colour) pairs, a hard step where two share one).
      const cmap = c.stops
        ? colormapFromList(
            c.stops.map((s) => s[1]),
            256,
            null,
            c.stops.map((s) => s[0]),
          )
        : colormapFromList(c.colors!);
      const got = Array.from({ length: 256 }, (_, i) => [...cmap.lut.subarray(i * 3, i * 3 + 3)]);
      assert.deepEqual(got, c.lut, JSON.stringify(c.colors ?? c.stops));
    }
  });

  it("reverse with reverse: true as matplotlib's Colormap.reversed(), byte for byte (lists, stops and names)", () => {
    for (const c of fx.custom) {
      const { figure } = render({
        data: [[0, 1]],
        cmap: (c.stops ?? c.colors) as never,
        reverse: true,
      });
      const got = Array.from({ length: 256 }, (_, i) => [
        ...figure.cmap.lut.subarray(i * 3, i * 3 + 3),
      ]);
      assert.deepEqual(got, c.lut_r, JSON.stringify(c.colors ?? c.stops));
    }
    const named = render({ data: [[0, 1]], cmap: 'RdBu', reverse: true }).figure.cmap;
    assert.deepEqual(named.lut, render({ data: [[0, 1]], cmap: 'RdBu_r' }).figure.cmap.lut);
    const back = render({ data: [[0, 1]], cmap: 'RdBu_r', reverse: true }).figure.cmap;
    assert.deepEqual(back.lut, render({ data: [[0, 1]], cmap: 'RdBu' }).figure.cmap.lut);
  });

  it('take stops from a spec, and refuse stops out of order or not from 0 to 1', () => {
    const { figure } = render({
      data: [[0, 1]],
      cmap: [
        [0, '#ffffff'],
        [0.3, '#ff0000'],
        [1, '#000000'],
      ],
    });
    assert.deepEqual([...figure.cmap.lut.subarray(0, 3)], [255, 255, 255]);
    assert.deepEqual([...figure.cmap.lut.subarray(765, 768)], [0, 0, 0]);
    assert.throws(
      () =>
        render({
          data: [[0, 1]],
          cmap: [
            [0, 'red'],
            [0.7, 'blue'],
            [0.5, 'green'],
            [1, 'black'],
          ],
        }),
      /colormap stops go from 0 to 1 and never back/,
    );
    assert.throws(
      () =>
        render({
          data: [[0, 1]],
          cmap: [
            [0.1, 'red'],
            [1, 'blue'],
          ],
        }),
      /\$\.cmap\[0\]\[0\]/,
    );
  });

  it('accept names, hex of 3 or 6 digits and float triples', () => {
    const a = colormapFromList(['red', '#00f']);
    assert.deepEqual([...a.lut.subarray(0, 3)], [255, 0, 0]);
    assert.deepEqual([...a.lut.subarray(765, 768)], [0, 0, 255]);
    const b = colormapFromList([[0, 0, 0], 'tab:blue']);
    assert.deepEqual([...b.lut.subarray(765, 768)], [0x1f, 0x77, 0xb4]);
  });

  it('reject a bad colour with its position and a hint', () => {
    assert.throws(
      () => colormapFromList(['red', 'notacolour'], 256, '$.cmap'),
      (e: unknown) => {
        assert.ok(e instanceof HeatfigError);
        assert.equal(e.where, '$.cmap[1]');
        assert.match(e.message, /"notacolour" is not a colour; use a name/);
        return true;
      },
    );
    assert.throws(() => colormapFromList(['red']), /at least 2 colours/);
  });
});
