/** The cells a spec hides: seaborn's triangles ("upper", "lower") or a matrix of booleans, per panel. */
import type { Grid } from '../data/grid.ts';
import { HeatfigError } from '../errors.ts';
import * as msg from '../messages.ts';
import type { Spec } from '../spec/spec-type.ts';

export function resolveMask(spec: Spec, grid: Grid): (Uint8Array | null)[] {
  const m = spec.mask;
  return grid.panels.map((p) => {
    if (m === undefined) return null;
    const out = new Uint8Array(p.rows * grid.cols);
    if (m === 'upper' || m === 'lower') {
      for (let r = 0; r < p.rows; r++) {
        for (let c = 0; c < grid.cols; c++)
          out[r * grid.cols + c] = (m === 'upper' ? c > r : c < r) ? 1 : 0;
      }
      return out;
    }
    if (m.length !== p.rows || m.some((row) => row.length !== grid.cols)) {
      throw new HeatfigError('bad-spec', msg.maskShape(p.rows, grid.cols), '$.mask');
    }
    m.forEach((row, r) => {
      row.forEach((h, c) => {
        out[r * grid.cols + c] = h ? 1 : 0;
      });
    });
    return out;
  });
}
