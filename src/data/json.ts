import { HeatfigError } from '../errors.ts';
import { gridFromMatrix, type Grid, type MatrixInput, positionLabels } from './grid.ts';
import { gridFromRecords } from './arrays.ts';
import type { LongOptions } from './table.ts';
import * as msg from '../messages.ts';

/** The layouts pandas' `DataFrame.to_json(orient=…)` writes. */
export type JsonOrient = 'split' | 'index' | 'columns' | 'values' | 'records' | 'table';

type Obj = Record<string, unknown>;
const isObject = (v: unknown): v is Obj => v !== null && typeof v === 'object' && !Array.isArray(v);
const labelOf = (v: unknown) => (v === null || v === undefined ? '' : String(v));

function cellValue(v: unknown, where: string): number {
  if (v === null || v === undefined) return Number.NaN;
  if (typeof v === 'number') return v;
  throw new HeatfigError('bad-value', msg.jsonNotANumber(JSON.stringify(v)), where);
}

/** A one-panel grid from row labels, column labels and a cell getter. */
function build(
  rowLabels: readonly string[],
  colLabels: readonly string[],
  cell: (r: number, c: number) => number,
  rowName?: string,
): Grid {
  const cols = colLabels.length;
  const values = new Float64Array(rowLabels.length * cols);
  for (let r = 0; r < rowLabels.length; r++)
    for (let c = 0; c < cols; c++) values[r * cols + c] = cell(r, c);
  return {
    cols,
    colLabels,
    panels: [{ title: null, rows: rowLabels.length, rowLabels, values }],
    ...(rowName ? { rowName } : {}),
  };
}

/** Keys of a list of objects, in order of first appearance. */
function keysOf(objs: readonly Obj[]): string[] {
  const keys = new Set<string>();
  for (const o of objs) for (const k of Object.keys(o)) keys.add(k);
  return [...keys];
}

/** `{ "a": { "x": 1 }, … }`: outer keys are the columns (orient columns) or the rows (orient index). */
function fromNested(value: Obj, outerIsRow: boolean, source: string): Grid {
  const outer = Object.keys(value);
  const inner = keysOf(outer.map((k) => value[k] as Obj));
  const [rows, cols] = outerIsRow ? [outer, inner] : [inner, outer];
  return build(rows, cols, (r, c) => {
    const [o, i] = outerIsRow ? [rows[r]!, cols[c]!] : [cols[c]!, rows[r]!];
    return cellValue(
      (value[o] as Obj)[i],
      `${source}: $[${JSON.stringify(o)}][${JSON.stringify(i)}]`,
    );
  });
}

function fromSplit(value: Obj, source: string): Grid {
  const data = value['data'];
  if (!Array.isArray(data) || !data.every(Array.isArray))
    throw new HeatfigError('bad-data', msg.splitNeedsData(), `${source}: $.data`);
  const cols = Array.isArray(value['columns'])
    ? (value['columns'] as unknown[]).map(labelOf)
    : positionLabels((data[0] as unknown[] | undefined)?.length ?? 0);
  const rows = Array.isArray(value['index'])
    ? (value['index'] as unknown[]).map(labelOf)
    : positionLabels(data.length);
  if (rows.length !== data.length)
    throw new HeatfigError(
      'bad-data',
      msg.splitIndexCount(rows.length, data.length),
      `${source}: $.index`,
    );
  return build(rows, cols, (r, c) =>
    cellValue((data[r] as unknown[])[c], `${source}: $.data[${r}][${c}]`),
  );
}

function fromRecords(
  records: readonly Obj[],
  source: string,
  path: string,
  skip: readonly string[] = [],
): Grid {
  const cols = keysOf(records).filter((k) => !skip.includes(k));
  return build(positionLabels(records.length), cols, (r, c) =>
    cellValue(records[r]![cols[c]!], `${source}: ${path}[${r}].${cols[c]}`),
  );
}

function fromTable(value: Obj, source: string): Grid {
  const schema = value['schema'] as Obj;
  const data = value['data'];
  if (!Array.isArray(data) || !data.every(isObject))
    throw new HeatfigError('bad-data', msg.tableNeedsData(), `${source}: $.data`);
  const key = Array.isArray(schema['primaryKey'])
    ? (schema['primaryKey'] as unknown[]).map(String)
    : [];
  const g = fromRecords(data, source, '$.data', key);
  if (key.length === 0) return g;
  const rowLabels = data.map((r) => key.map((k) => labelOf(r[k])).join('-'));
  // pandas names an unnamed index "index" (or level_0, …) on the way out and drops it on the way in.
  const name = key.filter((k) => k !== 'index' && !/^level_\d+$/.test(k)).join('-');
  return {
    ...g,
    panels: [{ ...g.panels[0]!, rowLabels }],
    ...(name ? { rowName: name } : {}),
  };
}

function fromRecordsOrLong(value: Obj[], source: string, long: LongOptions | null): Grid {
  return long ? gridFromRecords(value, long, source) : fromRecords(value, source, '$');
}

/** The orient a parsed value has, when none is given. */
function orientOf(value: unknown): JsonOrient | 'matrix' | null {
  if (Array.isArray(value)) return value.length > 0 && value.every(isObject) ? 'records' : 'values';
  if (!isObject(value)) return null;
  if ('values' in value) return 'matrix';
  if ('schema' in value && 'data' in value && isObject(value['schema'])) return 'table';
  if ('data' in value && Array.isArray(value['data'])) return 'split';
  const inner = Object.values(value);
  return inner.length > 0 && inner.every(isObject) ? 'columns' : null;
}

/**
 * A Grid from parsed JSON: heatfig's `{ "values", "rows", "cols" }`, rows of numbers
 * (ragged rows end in missing cells), an array of records pivoted by `long` ({ x, y, value }
 * column names), or any orient of pandas' `DataFrame.to_json` (split, index, columns,
 * values, records, table). An object of objects is read as orient "columns", pandas'
 * default for both writing and reading; orient "index" must be named.
 */
export function gridFromJson(
  value: unknown,
  source: string,
  long: LongOptions | null,
  orient?: JsonOrient,
): Grid {
  const seen = orientOf(value);
  const how = orient === 'index' && seen === 'columns' ? 'index' : seen;
  if (orient !== undefined && how !== orient && !(orient === 'values' && seen === 'values'))
    throw new HeatfigError(
      'bad-data',
      msg.wrongOrient(
        JSON.stringify(orient),
        seen ? JSON.stringify(seen) : 'none of pandas\u2019 orients',
      ),
      source,
    );
  switch (how) {
    case 'records':
      return fromRecordsOrLong(value as Obj[], source, long);
    case 'values':
      return gridFromMatrix(value as MatrixInput['values'], `${source}: $`);
    case 'matrix':
      return gridFromMatrix(value as MatrixInput, `${source}: $`);
    case 'table':
      return fromTable(value as Obj, source);
    case 'split':
      return fromSplit(value as Obj, source);
    case 'columns':
    case 'index':
      return fromNested(value as Obj, how === 'index', source);
    default:
      throw new HeatfigError('bad-data', msg.jsonNotAGrid(), source);
  }
}
