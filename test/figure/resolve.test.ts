import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { gridFromMatrix } from '../../src/data/grid.ts';
import { gridFromSpec } from '../../src/figure/grid-from-spec.ts';
import { HeatfigError } from '../../src/errors.ts';
import { resolveSpec } from '../../src/figure/resolve.ts';
import type { Spec } from '../../src/spec/spec-type.ts';

function deepFreeze<T>(o: T): T {
  if (o && typeof o === 'object') {
    Object.freeze(o);
    for (const v of Object.values(o)) deepFreeze(v);
  }
  return o;
}

const grid = gridFromMatrix([
  [1, 2, 3],
  [4, null, 6],
]);

describe('resolveSpec', () => {
  it('has the expected defaults', () => {
    const f = resolveSpec({ data: [[1]] }, grid);
    assert.equal(f.cmap.name, 'rocket');
    assert.deepEqual(f.norm, { kind: 'linear', vmin: 1, vmax: 6 });
    assert.equal(f.annot, null);
    assert.deepEqual(f.colorbar, {
      label: null,
      ticks: null,
      format: null,
      percent: false,
      extend: 'neither',
    });
    assert.equal(f.xaxis, 'bottom');
    assert.equal(f.xrotation, 'auto');
    assert.equal(f.fontSize, 12);
    assert.equal(f.background, '#ffffff');
    assert.deepEqual(f.xticks, { labels: ['0', '1', '2'], mode: 'auto' });
    assert.deepEqual(f.stats, {
      finite: 5,
      missing: 1,
      infinite: 0,
      negInf: 0,
      min: 1,
      max: 6,
      posMin: 1,
      posMax: 6,
      nonPositive: 0,
    });
  });

  it('does not change the spec (a frozen spec resolves)', () => {
    const spec: Spec = deepFreeze({
      data: [[1, 2]],
      cmap: ['red', 'blue'],
      colorbar: { ticks: [1, 2] },
      separators: { cols: [1] },
    });
    const before = JSON.stringify(spec);
    resolveSpec(spec, gridFromSpec(spec));
    assert.equal(JSON.stringify(spec), before);
  });

  it('uses icefire when center is set, keeps the data range and cuts the colormap, as seaborn does', () => {
    const f = resolveSpec({ data: [[1]], center: 0 }, grid);
    assert.equal(f.cmap.name, 'icefire');
    assert.equal(f.cmap.n, 256);
    assert.deepEqual(f.norm, { kind: 'linear', vmin: 1, vmax: 6, center: 0 });
  });

  it("keeps matplotlib's TwoSlopeNorm under its own name, the centre inside the range", () => {
    const f = resolveSpec({ data: [[1]], center: 0, norm: 'twoslope' }, grid);
    assert.deepEqual(f.norm, { kind: 'center', vmin: -6, vmax: 6, center: 0 });
  });

  it('decides extend from the data', () => {
    assert.equal(resolveSpec({ data: [[1]], vmax: 5 }, grid).colorbar!.extend, 'max');
    assert.equal(resolveSpec({ data: [[1]], vmin: 2, vmax: 5 }, grid).colorbar!.extend, 'both');
    assert.equal(resolveSpec({ data: [[1]], vmin: 2 }, grid).colorbar!.extend, 'min');
    assert.equal(
      resolveSpec({ data: [[1]], vmin: 2, colorbar: { extend: 'neither' } }, grid).colorbar!.extend,
      'neither',
    );
  });

  it('widens a constant grid around its value', () => {
    const f = resolveSpec({ data: [[1]] }, gridFromMatrix([[3, 3]]));
    assert.deepEqual(f.norm, { kind: 'linear', vmin: 2.5, vmax: 3.5 });
  });

  it('renders a grid with no finite value as empty, with a warning', () => {
    const warnings = {
      list: [] as string[],
      add(m: string) {
        this.list.push(m);
      },
    };
    // biome-ignore lint/suspicious/noExplicitAny: a minimal warnings sink
    const f = resolveSpec({ data: [[1]] }, gridFromMatrix([[null, null]]), warnings as any);
    assert.equal(f.stats.finite, 0);
    assert.match(warnings.list[0]!, /no finite value/);
  });

  it('uses the robust percentiles when asked', () => {
    const values = [Array.from({ length: 100 }, (_, i) => i)];
    const f = resolveSpec({ data: [[1]], robust: true }, gridFromMatrix(values));
    assert.deepEqual([f.norm.vmin, f.norm.vmax], [1.98, 97.02]);
  });

  it('rejects impossible options with the JSON path', () => {
    const bad: [Spec, string, RegExp][] = [
      [{ data: [[1]], vmin: 5, vmax: 1 }, '$.vmin', /vmin \(5\) must be less than vmax \(1\)/],
      [
        { data: [[1]], vmin: 0, vmax: 1, center: 2, norm: 'twoslope' },
        '$.center',
        /must lie strictly between/,
      ],
      [{ data: [[1]], norm: 'twoslope' }, '$.norm', /needs center/],
      [{ data: [[1]], norm: 'log', center: 1 }, '$.center', /does not work with norm "log"/],
      [{ data: [[1]], norm: 'symlog', center: 0 }, '$.center', /does not work with norm "symlog"/],
      [{ data: [[1]], norm: 'log', vmin: 0 }, '$.vmin', /norm "log" needs a positive vmin/],
      [{ data: [[1]], fmt: '.2q' }, '$.fmt', /not a number format/],
      [{ data: [[1]], separators: { cols: [3] } }, '$.separators.cols[0]', /outside the grid/],
      [{ data: [[1]], mask: [[true]] }, '$.mask', /mask must have 2 rows of 3 booleans/],
      [{ data: [[1]], xticklabels: ['a'] }, '$.xticklabels', /1 labels for 3 positions/],
    ];
    for (const [spec, where, message] of bad) {
      assert.throws(
        () => resolveSpec(spec, grid),
        (e: unknown) => e instanceof HeatfigError && e.where === where && message.test(e.message),
        JSON.stringify(spec),
      );
    }
  });

  it('masks the upper triangle', () => {
    const f = resolveSpec({ data: [[1]], mask: 'upper' }, grid);
    assert.deepEqual([...f.mask[0]!], [0, 1, 1, 0, 0, 1]);
  });
});

describe('gridFromSpec', () => {
  it('reads ragged rows as missing cells and keeps duplicate labels', () => {
    const g = gridFromSpec({ data: { values: [[1], [2, 3]], rows: ['a', 'a'] } });
    assert.equal(g.cols, 2);
    assert.deepEqual(g.panels[0]!.rowLabels, ['a', 'a']);
    assert.ok(Number.isNaN(g.panels[0]!.values[1]!));
  });
  it('stacks panels that share columns and rejects ones that do not', () => {
    const g = gridFromSpec({
      panels: [
        { title: 'A', data: [[1, 2]] },
        {
          title: 'B',
          data: [
            [3, 4],
            [5, 6],
          ],
        },
      ],
    });
    assert.deepEqual(
      g.panels.map((p) => [p.title, p.rows]),
      [
        ['A', 1],
        ['B', 2],
      ],
    );
    assert.throws(
      () => gridFromSpec({ panels: [{ data: [[1, 2]] }, { data: [[1]] }] }),
      /panel 1 has 1 columns but panel 0 has 2/,
    );
  });
  it('rejects an empty grid and a label count that does not match', () => {
    assert.throws(() => gridFromSpec({ data: [] }), /no cells/);
    assert.throws(
      () => gridFromSpec({ data: { values: [[1]], rows: ['a', 'b'] } }),
      /2 row labels for 1 rows/,
    );
    assert.throws(() => gridFromSpec({ data: 'x.csv' }), /must be loaded first/);
  });
});
