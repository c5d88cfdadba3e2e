import { HeatfigError } from '../errors.ts';
import * as msg from '../messages.ts';
import type { DataSource, Spec } from '../spec/spec-type.ts';
import { isQuerySource, type QuerySource } from '../spec/query-source.ts';
import type { LoadOptions } from '../data/load.ts';
import type { Reduction } from '../data/reduce.ts';
import {
  type Grid,
  type MatrixInput,
  type Panel,
  panelFromRows,
  stackPanels,
} from '../data/grid.ts';

/** Loads a data file named in a spec (relative paths are the loader's business). */
export type DataFileLoader = (path: string, where: string, options: LoadOptions) => Grid;
/** The grid an engine made of a query source, queried beforehand (see node.ts, queryData). */
export type QueryLoader = (src: QuerySource, where: string) => Grid;

type Part = {
  panel: Panel;
  cols: number;
  colLabels: readonly string[] | null;
  reduced?: Reduction;
  from?: Pick<Grid, 'rowName' | 'colName' | 'notes' | 'arrayShape' | 'facetLabels' | 'origin'>;
};

function partFrom(
  src: DataSource,
  title: string | null,
  where: string,
  load: DataFileLoader | null,
  facets: Pick<LoadOptions, 'facetRow' | 'facetCol'> = {},
  query: QueryLoader | null = null,
): Part[] {
  if (isQuerySource(src)) {
    if (!query) throw new HeatfigError('data-file', msg.queryInCore(), where);
    const g = query(src, where);
    return [{ panel: { ...g.panels[0]!, title }, cols: g.cols, colLabels: g.colLabels, from: g }];
  }
  if (typeof src === 'string' || 'file' in src) {
    const { file, ...options } = typeof src === 'string' ? { file: src } : src;
    if (!load) throw new HeatfigError('data-file', msg.dataFileInCore(file), where);
    // Facet columns split long data (x, y and value given): the figure's facet names them.
    const long = 'x' in options || 'y' in options || 'value' in options;
    const g = load(file, where, long ? { ...options, ...facets } : options);
    return g.panels.map((panel, i) => ({
      panel: {
        ...panel,
        title:
          g.panels.length === 1
            ? (title ?? panel.title)
            : (panel.title ?? (title ? `${title} ${i}` : null)),
      },
      cols: g.cols,
      colLabels: g.colLabels,
      ...(g.reduced ? { reduced: g.reduced } : {}),
      from: g,
    }));
  }
  const m: MatrixInput = Array.isArray(src) ? { values: src } : (src as MatrixInput);
  return [panelFromRows(m, title, `${where}${Array.isArray(src) ? '' : '.values'}`)];
}

/** The Grid a spec's `data` or `panels` describe. */
export function gridFromSpec(
  spec: Spec,
  load: DataFileLoader | null = null,
  query: QueryLoader | null = null,
): Grid {
  if (spec.data !== undefined && spec.panels !== undefined)
    throw new HeatfigError('bad-spec', msg.dataAndPanels(), '$.panels');
  if (spec.panels) {
    const parts = spec.panels.flatMap((p, i) =>
      partFrom(p.data, p.title ?? null, `$.panels[${i}].data`, load, {}, query),
    );
    return stackPanels(parts, '$.panels');
  }
  if (spec.data === undefined) throw new HeatfigError('bad-spec', msg.noData(), '$.data');
  const facets = {
    ...(spec.facet?.row !== undefined ? { facetRow: spec.facet.row } : {}),
    ...(spec.facet?.col !== undefined ? { facetCol: spec.facet.col } : {}),
  };
  return stackPanels(partFrom(spec.data, null, '$.data', load, facets, query), '$.data');
}
