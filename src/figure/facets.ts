/**
 * Facets: the panels of a grid drawn as a grid of small multiples (seaborn's FacetGrid,
 * Plotly's facet_row/facet_col) that share the colour scale and the axes. A 3-D array's
 * leading index wraps into near-square rows of facets; a 4-D array's first two indices are the
 * facet rows and columns; panels given in the spec stack (one column) unless `facet` asks.
 */
import type { Grid } from '../data/grid.ts';
import { HeatfigError } from '../errors.ts';
import * as msg from '../messages.ts';
import type { Spec } from '../spec/spec-type.ts';
import type { Figure } from './types.ts';

/** The facet arrangement of a grid, and the grid with each facet's title. */
export function resolveFacets(spec: Spec, grid: Grid): { grid: Grid; facets: Figure['facets'] } {
  const P = grid.panels.length;
  const fo = spec.facet;
  const fromArray = grid.arrayShape !== undefined && spec.panels === undefined;
  if (P < 2 || (fo === undefined && !fromArray)) return { grid, facets: null };
  const rows = grid.panels[0]!.rows;
  grid.panels.forEach((p, i) => {
    if (p.rows !== rows)
      throw new HeatfigError(
        'bad-spec',
        msg.facetRows(p.title ?? String(i), p.rows, rows),
        `$.panels[${i}]`,
      );
  });
  let o: NonNullable<Spec['facet']> = fo ?? {};
  const named = (title: string | undefined, label: string) =>
    title ? `${title} = ${label}` : label;
  const labelsOf = (given: readonly string[] | undefined, n: number, where: string) => {
    if (given && given.length !== n)
      throw new HeatfigError('bad-spec', msg.facetLabelCount(given.length, n), where);
    return given ?? Array.from({ length: n }, (_, i) => String(i));
  };
  const shape = fromArray ? grid.arrayShape! : [P];
  // Long data split by columns: their values are the labels, their names the titles.
  const fl = grid.facetLabels;
  if (shape.length === 2) {
    // A 4-D array (or long data by row and column): facet rows × facet columns, titled as
    // seaborn titles them.
    const [A, B] = shape as [number, number];
    const rl = labelsOf(o.rowLabels ?? fl?.rows, A, '$.facet.rowLabels');
    const cl = labelsOf(o.colLabels ?? fl?.cols, B, '$.facet.colLabels');
    o = { ...o, rowTitle: o.rowTitle ?? fl?.rowName, colTitle: o.colTitle ?? fl?.colName };
    const titles = grid.panels.map(
      (_, p) => `${named(o.rowTitle, rl[Math.floor(p / B)]!)} | ${named(o.colTitle, cl[p % B]!)}`,
    );
    return {
      grid: retitled(grid, titles),
      facets: {
        rows: A,
        cols: B,
        ...shared(o),
        margins: {
          rows: rl.map((l) => named(o.rowTitle, l)),
          cols: cl.map((l) => named(o.colTitle, l)),
        },
      },
    };
  }
  // One facet variable: a column of facets for rows (row=), wrapped near square otherwise.
  const cols = Math.min(P, o.wrap ?? (fl?.rows ? 1 : Math.ceil(Math.sqrt(P))));
  const given = o.colLabels ?? fl?.cols ?? fl?.rows;
  const labels = given
    ? labelsOf(given, P, '$.facet.colLabels')
    : grid.panels.map((p, i) => p.title ?? String(i));
  o = { ...o, colTitle: o.colTitle ?? fl?.colName ?? fl?.rowName };
  return {
    grid: retitled(
      grid,
      labels.map((l) => named(o.colTitle, l)),
    ),
    facets: { rows: Math.ceil(P / cols), cols, margins: null, ...shared(o) },
  };
}

/** Which axes' labels the facets share (seaborn's sharex and sharey, both by default). */
const shared = (o: NonNullable<Spec['facet']>) => ({
  sharex: o.sharex ?? true,
  sharey: o.sharey ?? true,
});

function retitled(grid: Grid, titles: readonly string[]): Grid {
  return { ...grid, panels: grid.panels.map((p, i) => ({ ...p, title: titles[i]! })) };
}
