/**
 * seaborn's `center`, colour for colour: heatfig cuts the colormap as seaborn 0.12 does, so
 * every cell of each case in test/fixtures/seaborn-center.json (written by seaborn itself,
 * scripts/export-seaborn-center.py) has seaborn's colour. The breast-cancer correlation
 * matrix is the case users draw; today's two-slope reading differed on 96 of its 900 cells.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { render } from '../../src/index.ts';
import { readJson } from '../helpers.ts';

interface Case {
  name: string;
  values: number[][];
  options: { center: number; cmap?: string; vmin?: number; vmax?: number; robust?: boolean };
  colors: string[][];
  vmin: number;
  vmax: number;
}

const cases = readJson<Case[]>('test/fixtures/seaborn-center.json');

describe("seaborn's center", () => {
  for (const c of cases) {
    it(`gives seaborn's colour to every cell: ${c.name}`, () => {
      const r = render({ data: c.values, ...c.options }, { format: 'scene', describe: false });
      assert.equal(r.figure.norm.vmin, c.vmin);
      assert.equal(r.figure.norm.vmax, c.vmax);
      let differ = 0;
      for (const p of r.scene.primitives) {
        if (p.type !== 'rect' || p.role !== 'cell' || !p.cell) continue;
        if (p.fill !== c.colors[p.cell.row]![p.cell.col]) differ++;
      }
      assert.equal(differ, 0, `${differ} cells differ from seaborn`);
    });
  }

  it('keeps the two-slope norm as norm "twoslope", which differs from seaborn', () => {
    const c = cases[0]!;
    const r = render(
      { data: c.values, center: 0, norm: 'twoslope' },
      { format: 'scene', describe: false },
    );
    let differ = 0;
    for (const p of r.scene.primitives)
      if (
        p.type === 'rect' &&
        p.role === 'cell' &&
        p.cell &&
        p.fill !== c.colors[p.cell.row]![p.cell.col]
      )
        differ++;
    assert.ok(differ > 50, `${differ}`);
  });
});
