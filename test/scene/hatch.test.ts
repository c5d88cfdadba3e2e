/**
 * Masked cells hatched (issue 16 part 5: maskColor "optionally hatched"): diagonal lines cut
 * to each masked cell, continuous from cell to cell, in an ink that contrasts with what they
 * are drawn on; none over unmasked cells; a warning where the cells are an image.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { render } from '../../src/pipeline.ts';
import { buildScene } from '../../src/scene/build.ts';
import { dejavuSansMeasurer } from '../../src/text/measure.ts';
import type { LinePrimitive, RectPrimitive } from '../../src/scene/types.ts';
import type { Spec } from '../../src/spec/spec-type.ts';

const spec: Spec = {
  data: [
    [1, 0.2, 0.3],
    [0.4, 1, 0.5],
    [0.3, 0.6, 1],
  ],
  mask: 'upper',
  maskHatch: true,
};
const hatches = (r: ReturnType<typeof render>) =>
  r.scene.primitives.filter((p): p is LinePrimitive => p.type === 'line' && p.role === 'hatch');

describe('maskHatch', () => {
  it('hatches the masked cells only, with lines of slope −1 cut to each cell', () => {
    const r = render(spec);
    const lines = hatches(r);
    assert.ok(lines.length > 10, `${lines.length} lines`);
    const cells = r.scene.primitives.filter(
      (p): p is RectPrimitive => p.type === 'rect' && p.role === 'cell',
    );
    const cw = cells[0]!.w;
    const x0 = Math.min(...cells.map((c) => c.x));
    const y0 = Math.min(...cells.map((c) => c.y));
    for (const l of lines) {
      // x + y is constant along each line ("/"), a multiple of the step.
      const c = l.x1 + l.y1;
      assert.ok(Math.abs(c - (l.x2 + l.y2)) < 1e-9);
      assert.ok(Math.abs(c / 6 - Math.round(c / 6)) < 1e-9);
      // Inside one masked cell: above the diagonal (column > row).
      const col = Math.floor((Math.min(l.x1, l.x2) + 1e-9 - x0) / cw);
      const row = Math.floor((Math.min(l.y1, l.y2) + 1e-9 - y0) / cw);
      assert.ok(col > row, `a line in cell (${row}, ${col})`);
      assert.ok(Math.max(l.x1, l.x2) <= x0 + (col + 1) * cw + 1e-9);
    }
    assert.equal(new Set(lines.map((l) => l.stroke)).size, 1);
    assert.equal(lines[0]!.stroke, '#404040');
    assert.equal(hatches(render({ ...spec, maskHatch: false })).length, 0);
  });

  it('turns light on a dark mask colour, and is said in the description', () => {
    const r = render({ ...spec, maskColor: '#202020' }, { describe: true });
    assert.equal(hatches(r)[0]!.stroke, '#c0c0c0');
    assert.match(r.description!.markdown, /drawn in `#202020`, hatched with diagonal lines/);
  });

  it('stays in the scene of the interactive view, which paints the cells itself', () => {
    const r = render(spec);
    const apart = buildScene(r.figure, r.layout, dejavuSansMeasurer(), '', [], true);
    const lines = apart.primitives.filter((p) => p.type === 'line' && p.role === 'hatch');
    assert.deepEqual(lines, hatches(r));
  });

  it('is left out, with a warning, where the cells are drawn as an image', () => {
    const r = render({ ...spec, raster: 'always' });
    assert.equal(hatches(r).length, 0);
    assert.ok(
      r.warnings.some((w) => /masked cells are not hatched/.test(w)),
      r.warnings.join('\n'),
    );
  });
});
