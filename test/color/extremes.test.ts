import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { makeColorizer, paintRgba } from '../../src/color/colorize.ts';
import { namedColormap } from '../../src/color/colormap.ts';
import { render } from '../../src/pipeline.ts';
import { figureFromPayload, figureToPayload } from '../../src/view/payload.ts';

const hex = (b: ArrayLike<number>, k: number) =>
  `#${[0, 1, 2].map((j) => b[k * 4 + j]!.toString(16).padStart(2, '0')).join('')}`;

describe('under, over, bad and mask colours (issue 16 part 5: matplotlib set_under / set_over / set_bad)', () => {
  const base = namedColormap('viridis');
  const cmap = {
    ...base,
    under: [0, 0, 255] as const,
    over: [255, 0, 0] as const,
    bad: [204, 204, 204] as const,
  };
  const norm = { kind: 'linear' as const, vmin: 0, vmax: 1 };
  const values = [0, 1, -1e-9, 1 + 1e-9, Number.NaN, 0.5];

  it('colours vmin and vmax with the ends, beyond them under and over, missing bad, as matplotlib does', () => {
    const color = makeColorizer(cmap, norm);
    const end = (i: number) =>
      `#${[0, 1, 2].map((j) => base.lut[i * 3 + j]!.toString(16).padStart(2, '0')).join('')}`;
    assert.deepEqual(values.map(color), [
      end(0),
      end(base.n - 1),
      '#0000ff',
      '#ff0000',
      '#cccccc',
      end(Math.floor(0.5 * base.n)),
    ]);
    // Without them: the ends, and nothing for missing.
    assert.deepEqual([-1, 2, Number.NaN].map(makeColorizer(base, norm)), [
      end(0),
      end(base.n - 1),
      null,
    ]);
  });

  it('paints the same colours as an image, the mask colour where the mask hides a cell', () => {
    const color = makeColorizer(cmap, norm);
    const fast = paintRgba(cmap, norm, values);
    const masked = paintRgba(
      cmap,
      norm,
      values,
      Uint8Array.from([0, 0, 0, 0, 0, 1]),
      [153, 153, 153],
    );
    values.forEach((v, k) => {
      assert.equal(hex(fast, k), color(v), `value ${v}`);
      assert.equal(fast[k * 4 + 3], 255);
    });
    assert.equal(hex(masked, 5), '#999999');
    assert.equal(hex(masked, 4), '#cccccc');
  });

  it('draws them in the figure, the extend triangles in under and over, and carries them into the view', () => {
    const { scene, figure } = render({
      data: [
        [0.1, null, 1.4],
        [-0.3, 0.5, 0.2],
      ],
      vmin: 0,
      vmax: 1,
      badColor: '#cccccc',
      underColor: 'blue',
      overColor: 'red',
      maskColor: '#999999',
      mask: [
        [false, false, false],
        [false, false, true],
      ],
      colorbar: { extend: 'both' },
    });
    const fills = scene.primitives.filter(
      (p) => p.type === 'rect' && (p.role === 'cell' || p.role === 'masked'),
    );
    const at = (r: number, c: number) =>
      (
        fills.find(
          (p) =>
            p.type === 'rect' &&
            (p.cell ? p.cell.row === r && p.cell.col === c : r === 1 && c === 2),
        ) as { fill: string }
      )?.fill;
    assert.equal(at(0, 1), '#cccccc');
    assert.equal(at(0, 2), '#ff0000');
    assert.equal(at(1, 0), '#0000ff');
    assert.equal(at(1, 2), '#999999');
    const triangles = scene.primitives
      .filter((p) => p.type === 'polygon' && p.role === 'cbar-extend')
      .map((p) => (p as { fill: string }).fill);
    assert.deepEqual(triangles, ['#0000ff', '#ff0000']);
    const back = figureFromPayload(JSON.parse(JSON.stringify(figureToPayload(figure, [], ''))));
    assert.deepEqual(
      [back.cmap.under, back.cmap.over, back.cmap.bad, back.maskColor],
      [[0, 0, 255], [255, 0, 0], [204, 204, 204], '#999999'],
    );
  });
});
