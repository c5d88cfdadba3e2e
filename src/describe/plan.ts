/**
 * Which observations a figure gets: every detector's plan, run in the registry's order, each
 * set of parameters detected on the data; the claims found are numbered in that order (c1,
 * c2, …). Which detectors apply follows from the data and the figure (see each plan):
 * aligned square panels get diagonal, band and symmetry; ordered axes get trends; paired
 * target/output panels get error growth; diverging scales get sign; a colour range narrower
 * than the data gets clipping.
 */
import type { Grid } from '../data/grid.ts';
import type { Figure } from '../figure/types.ts';
import type { Claim, ClaimKind, Ctx, Found, FoundOf, LooseParams } from './claims.ts';
import type { Detector, PlanScope } from './detector.ts';
import { DETECTORS } from './detectors/index.ts';

/** What is said of categorical data: its size, its categories, its missing cells. */
const CATEGORICAL = new Set<ClaimKind>(['summary', 'categories', 'missing']);

const TARGET = /target|truth|label|expected|reference|input/i;
const OUTPUT = /output|pred|model|generated|recon/i;

/** Runs one detector: what it finds for the parameters, typed by its kind. */
export function detect<K extends ClaimKind>(
  ctx: Ctx,
  kind: K,
  params: LooseParams<K>,
): FoundOf<K> | null {
  return (DETECTORS[kind] as Detector<K>).detect(ctx, params);
}

export function observe(ctx: Ctx, figure: Figure, grid: Grid): Claim[] {
  const found: Found[] = [];
  const scope: PlanScope = {
    figure,
    grid,
    view: ctx.view,
    paired: pairs(grid),
    found: <K extends ClaimKind>(kind: K) =>
      found.filter((f): f is FoundOf<K> & Found => f.kind === kind) as FoundOf<K>[],
  };
  for (const kind of Object.keys(DETECTORS) as ClaimKind[]) {
    // Categorical data: codes have no order or size, so no statistic of values applies.
    if (figure.categories && !CATEGORICAL.has(kind)) continue;
    const detector = DETECTORS[kind] as Detector<typeof kind>;
    for (const params of detector.plan(scope)) {
      const f = detector.detect(ctx, params as LooseParams<typeof kind>);
      if (f) found.push(f as Found);
    }
  }
  // With several panels, a cell (and a facet's row or column) is named with its panel's title too.
  const P = grid.panels.length;
  const panelOf = (f: Found): string[] => {
    const p = (f.params as { panel?: unknown }).panel;
    return typeof p === 'number' && grid.panels[p] ? [grid.panels[p].title ?? ''] : [];
  };
  const titled = (f: Found): Found =>
    P > 1
      ? {
          ...f,
          labels: [
            ...new Set([
              ...f.labels,
              ...f.cells.map((c) => grid.panels[c.panel]!.title ?? ''),
              ...panelOf(f),
            ]),
          ],
        }
      : f;
  return found.map((f, i) => ({ id: `c${i + 1}`, ...titled(f) }) as Claim);
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
