import { HeatfigError } from '../errors.ts';
import { type Grid, positionLabels } from './grid.ts';
import { facetTitle } from './npy.ts';
import { type Aggregate, type Cell, type LabelOrder, pivot } from './table.ts';
import * as msg from '../messages.ts';

/** Labels for an axis: given, or positions. */
export interface ArrayLabels {
  readonly rows?: readonly (string | number)[];
  readonly cols?: readonly (string | number)[];
}

/**
 * A Grid from a flat array (a Float32Array, a Float64Array, any typed array or number[])
 * and its shape, row-major as numpy and PyTorch lay them out: [cols] is one row, [rows,
 * cols] a matrix, [panels, rows, cols] one panel per leading index, [A, B, rows, cols] one
 * per pair of leading indices (drawn as A × B facets). NaN and null are
 * missing; ±Infinity is drawn at the end colours.
 */
export function gridFromArray(
  values: ArrayLike<number | null>,
  shape: readonly number[],
  labels: ArrayLabels = {},
): Grid {
  if (!shape.length || shape.length > 4 || shape.some((n) => !Number.isSafeInteger(n) || n < 1))
    throw new HeatfigError('bad-data', msg.badShape(shape.join(', ')), '$.shape');
  const [P, R, C] =
    shape.length === 1
      ? [1, 1, shape[0]!]
      : shape.length === 2
        ? [1, shape[0]!, shape[1]!]
        : shape.length === 3
          ? [shape[0]!, shape[1]!, shape[2]!]
          : [shape[0]! * shape[1]!, shape[2]!, shape[3]!];
  if (values.length !== P * R * C)
    throw new HeatfigError(
      'bad-data',
      msg.shapeValueCount(values.length, shape.join(', '), P * R * C),
      '$.values',
    );
  const rowLabels = labels.rows ? labels.rows.map(String) : positionLabels(R);
  const colLabels = labels.cols ? labels.cols.map(String) : positionLabels(C);
  if (rowLabels.length !== R || colLabels.length !== C)
    throw new HeatfigError('bad-data', msg.labelCounts(R, C), '$.labels');
  const panels = Array.from({ length: P }, (_, p) => {
    const out = new Float64Array(R * C);
    for (let i = 0; i < R * C; i++) {
      const v = values[p * R * C + i];
      out[i] = v === null || v === undefined ? Number.NaN : v;
    }
    return {
      title: facetTitle(shape, p) ?? (P > 1 ? String(p) : null),
      rows: R,
      rowLabels,
      values: out,
    };
  });
  return {
    cols: C,
    colLabels,
    panels,
    ...(shape.length >= 3 ? { arrayShape: shape.slice(0, -2) } : {}),
  };
}

/** How long data in records pivots: the keys of x (→ columns), y (→ rows) and the value. */
export interface RecordKeys {
  readonly x: string;
  readonly y: string;
  readonly value: string;
  readonly agg?: Aggregate;
  readonly sort?: LabelOrder;
  /** Keys whose values split the records into rows and columns of facets. */
  readonly facetRow?: string;
  readonly facetCol?: string;
}

/**
 * A Grid from records, as a JS developer has them from an eval log or a dataframe's rows:
 * `[{ model, task, accuracy }, …]`, pivoted on `keys` (a pair seen twice needs `agg`). A JSON
 * file's records come here too (`source` names the file in errors).
 */
export function gridFromRecords(
  records: readonly Readonly<Record<string, unknown>>[],
  keys: RecordKeys,
  source: string | null = null,
): Grid {
  const cells: Cell[][] = records.map((r, i) =>
    [
      keys.x,
      keys.y,
      keys.value,
      ...(keys.facetRow !== undefined ? [keys.facetRow] : []),
      ...(keys.facetCol !== undefined ? [keys.facetCol] : []),
    ].map((k) => {
      const v = r[k];
      const where = `${source ? `${source}: ` : ''}$[${i}].${k}`;
      if (v !== null && v !== undefined && typeof v !== 'string' && typeof v !== 'number')
        throw new HeatfigError('bad-value', msg.notLabelOrNumber(JSON.stringify(v)), where);
      return { text: (v ?? null) as string | number | null, where };
    }),
  );
  return pivot(cells, keys);
}

/** What heatfig uses of an Apache Arrow table (apache-arrow's Table), duck-typed: no import. */
export interface ArrowTableLike {
  readonly numRows: number;
  readonly schema: { readonly fields: readonly { readonly name: string }[] };
  getChild(name: string): { toArray(): ArrayLike<unknown>; get(i: number): unknown } | null;
}

/**
 * A Grid from an Apache Arrow table: long (keys given: x, y and value columns, pivoted) or
 * wide (each numeric column a column of the grid, rows in order; `index` names a column of
 * row labels). Works with apache-arrow's Table, or anything with its shape.
 */
export function gridFromArrow(
  table: ArrowTableLike,
  options: { readonly keys?: RecordKeys; readonly index?: string } = {},
): Grid {
  const names = table.schema.fields.map((f) => f.name);
  const column = (name: string) => {
    const c = table.getChild(name);
    if (!c)
      throw new HeatfigError(
        'bad-column',
        msg.noSuchRecordColumn(
          JSON.stringify(name),
          names.map((n) => JSON.stringify(n)).join(', '),
        ),
        '$',
      );
    return c;
  };
  if (options.keys) {
    const k = options.keys;
    const [xs, ys, vs] = [k.x, k.y, k.value].map(column);
    const records = Array.from({ length: table.numRows }, (_, i) => ({
      [k.x]: label(xs!.get(i)),
      [k.y]: label(ys!.get(i)),
      [k.value]: numeric(vs!.get(i)),
    }));
    return gridFromRecords(records, k);
  }
  const valueCols = names.filter((n) => n !== options.index);
  const R = table.numRows;
  const values = new Float64Array(R * valueCols.length);
  valueCols.forEach((name, c) => {
    const col = column(name);
    for (let r = 0; r < R; r++)
      values[r * valueCols.length + c] = numeric(col.get(r)) ?? Number.NaN;
  });
  const rows = options.index
    ? Array.from({ length: R }, (_, r) => label(column(options.index!).get(r)) ?? '')
    : undefined;
  return gridFromArray(values, [R, valueCols.length], {
    cols: valueCols,
    ...(rows ? { rows } : {}),
  });
}

const label = (v: unknown): string | number | null =>
  v === null || v === undefined ? null : typeof v === 'number' ? v : String(v);
const numeric = (v: unknown): number | null =>
  v === null || v === undefined
    ? null
    : typeof v === 'bigint'
      ? Number(v)
      : typeof v === 'number'
        ? v
        : Number.NaN;
