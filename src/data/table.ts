import { HeatfigError } from '../errors.ts';
import { cellNumber, type Field } from './csv.ts';
import type { Grid } from './grid.ts';
import * as msg from '../messages.ts';

/** How to combine several values for one (x, y) pair in long data. */
export type Aggregate = 'mean' | 'sum' | 'min' | 'max' | 'count' | 'first';
/** Order of labels: as first seen, natural (text with numbers in numeric order), alphabetical, by mean value (highest first). */
export type LabelOrder = 'appearance' | 'natural' | 'alpha' | 'value';

export interface LongOptions {
  readonly x: string;
  readonly y: string;
  readonly value: string;
  readonly agg?: Aggregate;
  readonly sort?: LabelOrder;
  /** Columns whose values split the records into facets (rows and columns of facets). */
  readonly facetRow?: string;
  readonly facetCol?: string;
}

/** A record's cell as text, with where it came from. */
export interface Cell {
  readonly text: string | number | null;
  readonly where: string;
}

const where = (source: string, f: Field) => `${source}:${f.line}:${f.col}`;

/** Column cells of a table with a header, by name, as records for pivoting. */
export function recordsFromTable(
  rows: readonly Field[][],
  source: string,
  names: readonly string[],
): Cell[][] {
  if (rows.length < 2) throw new HeatfigError('empty-grid', msg.longDataNoRows(), source);
  const header = rows[0]!.map((f) => f.text);
  const idx = names.map((n) => {
    const i = header.indexOf(n);
    if (i < 0) {
      throw new HeatfigError(
        'bad-column',
        msg.noSuchColumn(JSON.stringify(n), header.map((h) => JSON.stringify(h)).join(', ')),
        `${source}:1:1`,
      );
    }
    return i;
  });
  return rows.slice(1).map((r) =>
    idx.map((i) => {
      const f = r[i];
      return f
        ? { text: f.text, where: where(source, f) }
        : { text: null, where: where(source, r[r.length - 1] ?? rows[0]![0]!) };
    }),
  );
}

// Made on first use: building an ICU collator costs milliseconds, every start-up would pay them.
let collator: Intl.Collator | undefined;
export const naturalCompare = (a: string, b: string) => {
  collator ??= new Intl.Collator('en', { numeric: true, sensitivity: 'base' });
  return collator.compare(a, b);
};

/**
 * Pivots long records [x, y, value] into a Grid (x → columns, y → rows). A pair seen twice
 * is an error naming both places unless `agg` says how to combine them; missing pairs are
 * missing cells.
 */
export function pivot(records: readonly Cell[][], o: LongOptions): Grid {
  const xs = new Map<string, number>();
  const ys = new Map<string, number>();
  // Facets (seaborn's FacetGrid row= and col=): the records after x, y and value hold the
  // facet row's and the facet column's values; every facet shares the x and y labels.
  const fRow = o.facetRow !== undefined ? 3 : -1;
  const fCol = o.facetCol !== undefined ? (fRow >= 0 ? 4 : 3) : -1;
  const frs = new Map<string, number>();
  const fcs = new Map<string, number>();
  const label = (c: Cell) => (c.text === null ? '' : String(c.text));
  for (const r of records) {
    if (!xs.has(label(r[0]!))) xs.set(label(r[0]!), xs.size);
    if (!ys.has(label(r[1]!))) ys.set(label(r[1]!), ys.size);
    if (fRow >= 0 && !frs.has(label(r[fRow]!))) frs.set(label(r[fRow]!), frs.size);
    if (fCol >= 0 && !fcs.has(label(r[fCol]!))) fcs.set(label(r[fCol]!), fcs.size);
  }
  const cols = xs.size;
  const rows = ys.size;
  const A = Math.max(1, frs.size);
  const B = Math.max(1, fcs.size);
  const groups = new Map<number, { values: number[]; first: string }>();
  for (const r of records) {
    const [x, y, v] = r;
    const num =
      v!.text === null ? Number.NaN : typeof v!.text === 'number' ? v!.text : cellNumber(v!.text);
    if (num === null)
      throw new HeatfigError('bad-value', msg.csvNotANumber(JSON.stringify(v!.text)), v!.where);
    const panel =
      (fRow >= 0 ? frs.get(label(r[fRow]!))! : 0) * B + (fCol >= 0 ? fcs.get(label(r[fCol]!))! : 0);
    const k = (panel * rows + ys.get(label(y!))!) * cols + xs.get(label(x!))!;
    const g = groups.get(k);
    if (g) {
      if (!o.agg) {
        throw new HeatfigError(
          'duplicate-pair',
          msg.longDataDuplicate(
            o.x,
            JSON.stringify(label(x!)),
            o.y,
            JSON.stringify(label(y!)),
            g.first,
          ),
          v!.where,
        );
      }
      g.values.push(num);
    } else groups.set(k, { values: [num], first: v!.where });
  }
  const values = new Float64Array(A * B * rows * cols).fill(Number.NaN);
  for (const [k, g] of groups) values[k] = aggregate(g.values, o.agg ?? 'first');
  const rowLabels = [...ys.keys()];
  const facetTitle = (p: number) =>
    [
      fRow >= 0 ? `${o.facetRow} = ${[...frs.keys()][Math.floor(p / B)]}` : null,
      fCol >= 0 ? `${o.facetCol} = ${[...fcs.keys()][p % B]}` : null,
    ]
      .filter((t) => t !== null)
      .join(' | ');
  const faceted = fRow >= 0 || fCol >= 0;
  // As pandas' pivot names the index and the columns: the axes are titled by the columns read.
  const grid: Grid = {
    cols,
    colLabels: [...xs.keys()],
    rowName: o.y,
    colName: o.x,
    panels: Array.from({ length: A * B }, (_, p) => ({
      title: faceted ? facetTitle(p) : null,
      rows,
      rowLabels,
      values: values.slice(p * rows * cols, (p + 1) * rows * cols),
    })),
    ...(faceted
      ? {
          arrayShape: fRow >= 0 && fCol >= 0 ? [A, B] : [A * B],
          facetLabels: {
            ...(fRow >= 0 ? { rowName: o.facetRow!, rows: [...frs.keys()] } : {}),
            ...(fCol >= 0 ? { colName: o.facetCol!, cols: [...fcs.keys()] } : {}),
          },
        }
      : {}),
  };
  return o.sort && o.sort !== 'appearance' ? sortGrid(grid, o.sort) : grid;
}

/** Combines values, ignoring missing ones (count counts the present ones). */
export function aggregate(vs: readonly number[], how: Aggregate): number {
  const present = vs.filter((v) => v === v);
  if (how === 'count') return present.length;
  if (how === 'first') return vs[0]!;
  if (present.length === 0) return Number.NaN;
  if (how === 'sum') return present.reduce((a, b) => a + b, 0);
  if (how === 'mean') return present.reduce((a, b) => a + b, 0) / present.length;
  let m = present[0]!;
  if (how === 'min') for (const v of present) m = v < m ? v : m;
  else for (const v of present) m = v > m ? v : m;
  return m;
}

/**
 * Reorders the rows and columns of a grid whose panels share their rows (one panel, or the
 * facets of long data): by label, naturally, or by the mean over every panel.
 */
export function sortGrid(grid: Grid, how: Exclude<LabelOrder, 'appearance'>): Grid {
  const ps = grid.panels;
  const p = ps[0]!;
  const R = p.rows;
  const C = grid.cols;
  const mean = (vals: number[]) => {
    const ok = vals.filter((v) => v === v && Number.isFinite(v));
    return ok.length ? ok.reduce((a, b) => a + b, 0) / ok.length : -Infinity;
  };
  const order = (labels: readonly string[], line: (i: number) => number[]) => {
    const idx = labels.map((_, i) => i);
    if (how === 'value') return idx.sort((a, b) => mean(line(b)) - mean(line(a)) || a - b);
    const cmp =
      how === 'natural' ? naturalCompare : (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
    return idx.sort((a, b) => cmp(labels[a]!, labels[b]!) || a - b);
  };
  const row = (r: number) => ps.flatMap((q) => Array.from(q.values.subarray(r * C, (r + 1) * C)));
  const col = (c: number) =>
    ps.flatMap((q) => Array.from({ length: R }, (_, r) => q.values[r * C + c]!));
  const ro = order(p.rowLabels, row);
  const co = order(grid.colLabels, col);
  return {
    ...grid,
    cols: C,
    colLabels: co.map((c) => grid.colLabels[c]!),
    panels: ps.map((q) => {
      const values = new Float64Array(q.values.length);
      ro.forEach((r, i) => {
        co.forEach((c, j) => {
          values[i * C + j] = q.values[r * C + c]!;
        });
      });
      return { ...q, rowLabels: ro.map((r) => p.rowLabels[r]!), values };
    }),
  };
}
