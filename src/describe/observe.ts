import type { Grid } from '../data/grid.ts';
import type { Figure } from '../figure/types.ts';
import { normCenter } from '../color/norm.ts';
import {
  type Claim,
  type ClaimKind,
  type Ctx,
  DETECTORS,
  type Found,
  orderedAxis,
} from './claims.ts';

/** Lines (rows or columns) a per-line detector looks at, at most; past it only whole-grid detectors run. */
const MAX_LINES = 50;
/** Cells per line the trend test runs on, at most (it is quadratic). */
const MAX_TREND_CELLS = 400;

const TARGET = /target|truth|label|expected|reference|input/i;
const OUTPUT = /output|pred|model|generated|recon/i;

/**
 * Runs every detector that applies to the figure and returns the claims found, numbered in
 * the order found (c1, c2, …). Which detectors apply follows from the data and the figure:
 * aligned square panels get diagonal, band and symmetry; ordered axes get trends; paired
 * target/output panels get error growth; diverging scales get sign; a colour range narrower
 * than the data gets clipping.
 */
export function observe(ctx: Ctx, figure: Figure, grid: Grid): Claim[] {
  const found: Found[] = [];
  const add = (kind: ClaimKind, params: Record<string, unknown> = {}) => {
    const f = DETECTORS[kind](ctx, params);
    if (f) found.push(f);
    return f;
  };
  add('summary', {
    titles: [figure.title, figure.xlabel, figure.ylabel].filter((x): x is string => !!x),
  });
  const fmt = figure.annot?.fmt ?? null;
  add('extreme', { which: 'max', fmt });
  add('extreme', { which: 'min', fmt });
  add('missing');
  add('outliers');
  const { view } = ctx;
  const P = grid.panels.length;
  for (let p = 0; p < P; p++) {
    if (view.aligned(p)) {
      const d = add('diagonal_max', { panel: p });
      if (d && (d.numbers[0]!.value as number) * 2 > (d.numbers[1]!.value as number))
        add('top_offdiag', { panel: p, k: 3 });
      add('band', { panel: p });
      add('symmetry', { panel: p });
    }
  }
  if (P === 1) {
    for (const axis of ['row', 'col'] as const) {
      add('marginal', { panel: 0, axis, which: 'best' });
      add('marginal', { panel: 0, axis, which: 'worst' });
    }
  }
  // Trends along an ordered axis, per line, and the direction most lines share.
  const paired = pairs(grid);
  for (let p = 0; p < P; p++) {
    if (paired.some(([t, o]) => t === p || o === p)) continue;
    const rows = grid.panels[p]!.rows;
    if (orderedAxis(grid.colLabels) && grid.cols <= MAX_TREND_CELLS && rows <= MAX_LINES) {
      for (let r = 0; r < rows; r++)
        add('trend', { panel: p, line: 'row', key: view.rowKey(p, r), title: figure.xlabel });
      add('trend_family', { panel: p, line: 'row', title: figure.xlabel });
    }
    if (
      orderedAxis(grid.panels[p]!.rowLabels) &&
      rows <= MAX_TREND_CELLS &&
      grid.cols <= MAX_LINES
    ) {
      for (let c = 0; c < grid.cols; c++)
        add('trend', { panel: p, line: 'col', key: view.colKey(c), title: figure.ylabel });
      add('trend_family', { panel: p, line: 'col', title: figure.ylabel });
    }
  }
  const starts = figure.separators?.cols.length
    ? [0, ...figure.separators.cols]
    : [0, 1, 2, 3].map((i) => Math.floor((i * grid.cols) / 4));
  for (const [t, o] of paired)
    add('error_growth', { targets: t, outputs: o, segments: [...new Set(starts)] });
  // Near-constant lines, and rows that concentrate their mass in one cell.
  for (let p = 0; p < P; p++) {
    const rows = grid.panels[p]!.rows;
    if (paired.some(([t, o]) => t === p || o === p)) continue;
    if (rows <= MAX_LINES)
      for (let r = 0; r < rows; r++)
        add('low_variance', { panel: p, line: 'row', key: view.rowKey(p, r) });
    if (grid.cols <= MAX_LINES)
      for (let c = 0; c < grid.cols; c++)
        add('low_variance', { panel: p, line: 'col', key: view.colKey(c) });
    if (rows <= MAX_LINES)
      for (let r = 0; r < rows; r++) add('concentration', { panel: p, key: view.rowKey(p, r) });
  }
  const norm = figure.norm;
  const center = normCenter(norm);
  const diverging = center !== null || (norm.vmin < 0 && norm.vmax > 0);
  if (diverging) add('sign', { center: center ?? 0 });
  add('clipping', { vmin: norm.vmin, vmax: norm.vmax, log: norm.kind === 'log' });
  // With several panels, a cell is named with its panel's title too.
  const titled = (f: Found): Found =>
    P > 1
      ? {
          ...f,
          labels: [
            ...new Set([...f.labels, ...f.cells.map((c) => grid.panels[c.panel]!.title ?? '')]),
          ],
        }
      : f;
  return found.map((f, i) => ({ id: `c${i + 1}`, ...titled(f) }));
}

/** Adjacent panels that pair targets with outputs, by their titles. */
export function pairs(grid: Grid): [number, number][] {
  const out: [number, number][] = [];
  for (let i = 0; i + 1 < grid.panels.length; i++) {
    const a = grid.panels[i]!.title ?? '';
    const b = grid.panels[i + 1]!.title ?? '';
    if (TARGET.test(a) && OUTPUT.test(b) && grid.panels[i]!.rows === grid.panels[i + 1]!.rows) {
      out.push([i, i + 1]);
      i++;
    }
  }
  return out;
}
