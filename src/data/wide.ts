import { HeatfigError } from '../errors.ts';
import { cellNumber, type Field } from './csv.ts';
import { type Grid, positionLabels } from './grid.ts';
import {
  decimalComma,
  distinct,
  headerLines,
  isEmpty,
  isIndexNameLine,
  type NumberOf,
} from './wide-header.ts';
import * as msg from '../messages.ts';

/** How to read a wide table: which column holds the row labels (0-based), or none. Default: decided from the file. */
export interface WideOptions {
  readonly indexCol?: number | 'none';
  /** The delimiter the table was split with (a decimal comma is read only when it is not a comma). */
  readonly sep?: string;
}

const where = (source: string, f: Field) => `${source}:${f.line}:${f.col}`;

/**
 * The column that may hold the row labels, as its cells came: their texts (undefined where a
 * row ended before it), whether any was quoted, and the first that is not a number.
 */
interface FirstColumn {
  readonly texts: (string | undefined)[];
  quoted: boolean;
  notNumber: Field | null;
}

/** True if every text is distinct and present. */
function unique(texts: readonly (string | undefined)[]): boolean {
  const seen = new Set<string>();
  for (const t of texts) {
    if (t === undefined || t === '' || seen.has(t)) return false;
    seen.add(t);
  }
  return true;
}

function monotonic(texts: readonly (string | undefined)[], num: NumberOf): boolean {
  const v = texts.map((t) => num(t!)!);
  let up = true;
  let down = true;
  for (let i = 1; i < v.length; i++) {
    if (!(v[i]! > v[i - 1]!)) up = false;
    if (!(v[i]! < v[i - 1]!)) down = false;
  }
  return up || down;
}

interface IndexChoice {
  readonly col: number | null;
  readonly note: string | null;
}

/**
 * Which column holds the row labels, the way pandas' `read_csv(index_col=0)` would give a
 * `to_csv()` frame back: the first, when its header is empty, when any of its cells is not a
 * number, when other header lines sit above it (MultiIndex columns), or when its header is a
 * name over unique values and the other headers are numbers (a pivot: `param_C,0.001,0.01`).
 * A named first column of unique whole numbers under named columns could be either
 * (`epoch,loss,acc`): it is read as labels when its values are ordered (three or more), else
 * as data, with a note saying which and how to choose.
 */
function chooseIndex(
  header: readonly Field[][],
  first: FirstColumn,
  source: string,
  num: NumberOf,
): IndexChoice {
  if (first.quoted || first.notNumber !== null) return { col: 0, note: null };
  if (header.length === 0) return { col: null, note: null };
  const h = header[0]!;
  if (h.length < 2) return { col: null, note: null };
  if (isEmpty(h[0])) return { col: 0, note: null };
  // MultiIndex columns: pandas writes the level names (or nothing) above the index, and
  // without the index the first label continues its run (`a,a,b,b`).
  if (header.length > 1) return { col: h[0]!.text === h[1]!.text ? null : 0, note: null };
  if (!unique(first.texts)) return { col: null, note: null };
  if (h.slice(1).every((f) => !f.quoted && f.text.trim() !== '' && num(f.text) !== null))
    return { col: 0, note: null };
  if (!first.texts.every((t) => Number.isInteger(num(t!)))) return { col: null, note: null };
  const ordered = first.texts.length >= 3 && monotonic(first.texts, num);
  const name = JSON.stringify(h[0]!.text);
  return ordered
    ? {
        col: 0,
        note: `${source}: read the first column (${name}) as row labels, as pandas' index; give --index-col none (spec: data.indexCol) to draw it as data`,
      }
    : {
        col: null,
        note: msg.firstColumnAsData(source, name),
      };
}

/** How many records are read ahead to find the header lines and the decimal mark. */
const HEAD = 64;

/** Rows of values of a growing width, in one Float64Array that doubles as it fills. */
class ValueRows {
  values = new Float64Array(1024).fill(Number.NaN);
  rows = 0;
  constructor(public width: number) {}
  /** A new row, all missing; returns its offset. */
  add(): number {
    const need = (this.rows + 1) * this.width;
    if (need > this.values.length) {
      const grown = new Float64Array(Math.max(need, this.values.length * 2)).fill(Number.NaN);
      grown.set(this.values.subarray(0, this.rows * this.width));
      this.values = grown;
    }
    return this.rows++ * this.width;
  }
  /** Widens every row to `width` columns (a later row was longer), the new cells missing. */
  widen(width: number): void {
    const out = new Float64Array(Math.max(1024, (this.rows + 1) * width)).fill(Number.NaN);
    for (let r = 0; r < this.rows; r++)
      out.set(this.values.subarray(r * this.width, (r + 1) * this.width), r * width);
    this.values = out;
    this.width = width;
  }
  /** The rows with column `drop` left out (or all of them). */
  result(drop: number | null): Float64Array {
    const { rows, width } = this;
    if (drop === null) return this.values.slice(0, rows * width);
    const w = width - 1;
    const out = new Float64Array(rows * w);
    for (let r = 0; r < rows; r++) {
      const from = r * width;
      out.set(this.values.subarray(from, from + drop), r * w);
      out.set(this.values.subarray(from + drop + 1, from + width), r * w + drop);
    }
    return out;
  }
}

/**
 * The values of a wide table, row by row into one growing store: the first `nh` lines of
 * `head` are its header, the rest and whatever the reader still holds are records. The
 * `candidate` column may hold labels, so it is kept as text until the whole column is seen.
 */
function readValues(
  reader: { next(): Field[] | null },
  head: readonly Field[][],
  nh: number,
  headerLines: number,
  candidate: number | null,
  num: NumberOf,
  source: string,
): { store: ValueRows; labels: FirstColumn } {
  const header = head.slice(0, headerLines);
  const hw = header.length ? header[0]!.length : Infinity;
  const store = new ValueRows(
    header.length ? hw : head.slice(nh).reduce((m, r) => Math.max(m, r.length), 1),
  );
  const labels: FirstColumn = { texts: [], quoted: false, notNumber: null };
  const repeats = header.length > 0 && distinct(header, 1) < hw - 1;
  const take = (r: Field[], first: boolean) => {
    if (r.length > hw) {
      throw new HeatfigError('bad-csv', msg.rowWidth(r.length, hw), where(source, r[hw]!));
    }
    if (r.length > store.width) store.widen(r.length);
    const at = store.add();
    for (let c = 0; c < r.length; c++) {
      const f = r[c]!;
      const v = num(f.text);
      if (c === candidate) {
        labels.texts.push(f.text);
        if (f.quoted) labels.quoted = true;
        if (v !== null) store.values[at + c] = v;
        else labels.notNumber ??= f;
        continue;
      }
      if (v === null)
        throw new HeatfigError(
          'bad-value',
          first && repeats
            ? msg.secondHeaderLine(JSON.stringify(f.text), f.line)
            : msg.cellNotANumber(JSON.stringify(f.text)),
          where(source, f),
        );
      store.values[at + c] = v;
    }
    if (candidate !== null && r.length <= candidate) labels.texts.push(undefined);
  };
  for (let i = nh; i < head.length; i++) take(head[i]!, i === nh);
  for (let r = reader.next(); r !== null; r = reader.next()) take(r, false);
  return { store, labels };
}

/**
 * A Grid from a wide table, read as pandas reads what `DataFrame.to_csv()` wrote: one or
 * more header lines (MultiIndex columns, their labels joined with "-" as seaborn joins
 * them), the index column (see chooseIndex; `indexCol` decides), the index's name as the
 * row labels' name and the column levels' names as the columns' name. Missing cells: empty,
 * NaN, nan, NA, null. A row shorter than the header ends in missing cells. The records are
 * taken one at a time and their numbers stored as they come: memory is the text, the values
 * and the labels, not an object per cell.
 */
export function gridFromWide(
  reader: { next(): Field[] | null },
  source: string,
  options: WideOptions = {},
): Grid {
  const head: Field[][] = [];
  for (let r = reader.next(); r !== null; r = head.length < HEAD ? reader.next() : null)
    head.push(r);
  if (head.length === 0) throw new HeatfigError('empty-grid', msg.noRows(), source);
  const comma = decimalComma(head, options.sep);
  const num: NumberOf = (t) => cellNumber(t, comma);
  let nh = headerLines(head, num);
  const header = head.slice(0, nh);
  // pandas writes the index's name on a line of its own under MultiIndex columns: `param_C,,,`.
  let rowName: string | undefined;
  if (nh > 1 && isIndexNameLine(head[nh])) {
    rowName = head[nh]![0]!.text;
    nh++;
  }
  const o = options.indexCol;
  // The column that may hold labels: it is kept as text until the whole column is seen.
  const candidate = o === 'none' ? null : (o ?? 0);
  const { store, labels } = readValues(reader, head, nh, header.length, candidate, num, source);
  if (store.rows === 0)
    throw new HeatfigError('empty-grid', msg.headerOnly(), `${source}:${head[0]![0]!.line}:1`);
  const choice: IndexChoice =
    o === 'none'
      ? { col: null, note: null }
      : o !== undefined
        ? { col: o, note: null }
        : chooseIndex(header, labels, source, num);
  const index = choice.col;
  const width = store.width;
  if (index !== null && index >= width)
    throw new HeatfigError('bad-option', msg.indexColPastTable(index, width, width - 1), source);
  if (index === null && candidate !== null) {
    // The candidate column is data after all: every one of its cells must be a number.
    const bad = labels.notNumber;
    if (bad)
      throw new HeatfigError(
        'bad-value',
        msg.cellNotANumber(JSON.stringify(bad.text)),
        where(source, bad),
      );
  }
  const cols = width - (index === null ? 0 : 1);
  if (cols <= 0) throw new HeatfigError('empty-grid', msg.labelsOnly(), source);
  const valueCols = Array.from({ length: width }, (_, c) => c).filter((c) => c !== index);
  const colLabels = header.length
    ? valueCols.map((c) => header.map((l) => l[c]?.text ?? '').join('-'))
    : positionLabels(cols);
  const rowLabels = index === null ? positionLabels(store.rows) : labels.texts.map((t) => t ?? '');
  if (index !== null && header.length === 1 && !isEmpty(header[0]![index]))
    rowName = header[0]![index]!.text;
  const levelNames =
    index === 0 && header.length > 1 ? header.map((l) => l[0]!.text).filter((t) => t !== '') : [];
  return {
    cols,
    colLabels,
    panels: [{ title: null, rows: store.rows, rowLabels, values: store.result(index) }],
    ...(rowName ? { rowName } : {}),
    ...(levelNames.length ? { colName: levelNames.join('-') } : {}),
    ...(choice.note ? { notes: [choice.note] } : {}),
  };
}
