import { HeatfigError } from '../errors.ts';
import { cellNumber, DECIMAL_COMMA, type Field } from './csv.ts';
import { type Grid, positionLabels } from './grid.ts';

/** How to read a wide table: which column holds the row labels (0-based), or none. Default: decided from the file. */
export interface WideOptions {
  readonly indexCol?: number | 'none';
  /** The delimiter the table was split with (a decimal comma is read only when it is not a comma). */
  readonly sep?: string;
}

const where = (source: string, f: Field) => `${source}:${f.line}:${f.col}`;
const isEmpty = (f: Field | undefined) => f === undefined || (f.text === '' && !f.quoted);

/** Reads a cell's number (null: not a number), with the file's decimal mark. */
type NumberOf = (text: string) => number | null;

/** True if the first row of a table is a header rather than data. */
function isHeader(first: readonly Field[], rest: readonly Field[][], num: NumberOf): boolean {
  const nums = first.map((f) => (f.quoted ? null : num(f.text)));
  if (nums.some((v) => v === null || Number.isNaN(v as number))) return true;
  // pandas' default column names 0, 1, …, n-1 over data that has fractions.
  const range = nums.every((v, i) => v === i) || nums.slice(1).every((v, i) => v === i);
  return range && rest.some((r) => r.some((f) => /[.eE]/.test(f.text)));
}

/** How many distinct labels fields `from`… of the header lines make, joined. */
function distinct(lines: readonly Field[][], from: number): number {
  const seen = new Set<string>();
  const width = lines[0]!.length;
  for (let c = from; c < width; c++) seen.add(lines.map((l) => l[c]?.text ?? '').join('\u0000'));
  return seen.size;
}

/** pandas' line with the index's name under MultiIndex columns: `param_C,,,`. */
const isIndexNameLine = (line: readonly Field[] | undefined) =>
  line !== undefined && line.length > 1 && !isEmpty(line[0]) && line.slice(1).every(isEmpty);

/**
 * How many lines the header takes: 0, 1, or more for pandas' MultiIndex columns. A further
 * line is a header line when it is as wide as the first, has no empty or missing label, and
 * either holds only labels that are not numbers (`task,t1,t2`), or tells apart labels that
 * repeat so far (`,acc,acc,f1,f1` over `,0.1,1.0,0.1,1.0`) where pandas leaves no doubt: the
 * line starts with an empty cell, the index's name line follows it, or the file has no index
 * (its first label continues a run: `a,a,b,b`). A data row starts with its row label. At
 * least one line is left for data.
 */
function headerLines(rows: readonly Field[][], num: NumberOf): number {
  if (!isHeader(rows[0]!, rows.slice(1), num)) return 0;
  const top = rows[0]!;
  const noIndex = top.length > 1 && top[0]!.text === top[1]!.text;
  const from = noIndex ? 0 : 1;
  let n = 1;
  while (n < rows.length - 1) {
    const line = rows[n]!;
    const values = line.slice(from);
    if (line.length !== top.length || values.some((f) => isEmpty(f) || Number.isNaN(num(f.text))))
      break;
    const labels = values.every((f) => num(f.text) === null);
    const before = distinct(rows.slice(0, n), from);
    const splits = before < top.length - from && distinct(rows.slice(0, n + 1), from) > before;
    const sure = noIndex || isEmpty(line[0]) || isIndexNameLine(rows[n + 1]);
    if (!(labels || (splits && sure))) break;
    n++;
  }
  return n;
}

/** True if every text is distinct and present. */
function unique(fields: readonly (Field | undefined)[]): boolean {
  const seen = new Set<string>();
  for (const f of fields) {
    if (isEmpty(f) || seen.has(f!.text)) return false;
    seen.add(f!.text);
  }
  return true;
}

function monotonic(fields: readonly (Field | undefined)[], num: NumberOf): boolean {
  const v = fields.map((f) => num(f!.text)!);
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
  body: readonly Field[][],
  source: string,
  num: NumberOf,
): IndexChoice {
  const first = body.map((r) => r[0]);
  if (body.some((r) => r[0]?.quoted === true || (r[0] !== undefined && num(r[0].text) === null)))
    return { col: 0, note: null };
  if (header.length === 0) return { col: null, note: null };
  const h = header[0]!;
  if (h.length < 2) return { col: null, note: null };
  if (isEmpty(h[0])) return { col: 0, note: null };
  // MultiIndex columns: pandas writes the level names (or nothing) above the index, and
  // without the index the first label continues its run (`a,a,b,b`).
  if (header.length > 1) return { col: h[0]!.text === h[1]!.text ? null : 0, note: null };
  if (!unique(first)) return { col: null, note: null };
  if (h.slice(1).every((f) => !f.quoted && f.text.trim() !== '' && num(f.text) !== null))
    return { col: 0, note: null };
  if (!first.every((f) => Number.isInteger(num(f!.text)))) return { col: null, note: null };
  const ordered = first.length >= 3 && monotonic(first, num);
  const name = JSON.stringify(h[0]!.text);
  return ordered
    ? {
        col: 0,
        note: `${source}: read the first column (${name}) as row labels, as pandas' index; give --index-col none (spec: data.indexCol) to draw it as data`,
      }
    : {
        col: null,
        note: `${source}: drew the first column (${name}) as data; give --index-col 0 (spec: data.indexCol) if it holds row labels`,
      };
}

/** True when the cells past the first column use a decimal comma (`0,93`) and none uses a decimal point. */
function decimalComma(rows: readonly Field[][], sep: string | undefined): boolean {
  if (sep === undefined || sep === ',') return false;
  let comma = false;
  for (const r of rows) {
    for (let c = 1; c < r.length; c++) {
      const t = r[c]!.text;
      if (t.includes('.')) return false;
      if (!comma && DECIMAL_COMMA.test(t.trim())) comma = true;
    }
  }
  return comma;
}

/**
 * A Grid from a wide table, read as pandas reads what `DataFrame.to_csv()` wrote: one or
 * more header lines (MultiIndex columns, their labels joined with "-" as seaborn joins
 * them), the index column (see chooseIndex; `indexCol` decides), the index's name as the
 * row labels' name and the column levels' names as the columns' name. Missing cells: empty,
 * NaN, nan, NA, null. A row shorter than the header ends in missing cells.
 */
export function gridFromWide(
  rows: readonly Field[][],
  source: string,
  options: WideOptions = {},
): Grid {
  if (rows.length === 0)
    throw new HeatfigError('empty-grid', 'the file has no rows; give a table of numbers', source);
  const comma = decimalComma(rows, options.sep);
  const num: NumberOf = (t) => cellNumber(t, comma);
  let nh = headerLines(rows, num);
  const header = rows.slice(0, nh);
  // pandas writes the index's name on a line of its own under MultiIndex columns: `param_C,,,`.
  let rowName: string | undefined;
  if (nh > 1 && isIndexNameLine(rows[nh])) {
    rowName = rows[nh]![0]!.text;
    nh++;
  }
  const body = rows.slice(nh);
  if (body.length === 0)
    throw new HeatfigError(
      'empty-grid',
      'the table has a header but no data rows',
      `${source}:${rows[0]![0]!.line}:1`,
    );
  const o = options.indexCol;
  const choice: IndexChoice =
    o === 'none'
      ? { col: null, note: null }
      : o !== undefined
        ? { col: o, note: null }
        : chooseIndex(header, body, source, num);
  const index = choice.col;
  let width = header.length ? header[0]!.length : 0;
  for (const r of body) if (r.length > width) width = r.length;
  if (index !== null && index >= width)
    throw new HeatfigError(
      'bad-option',
      `index column ${index} is past the table's ${width} columns; give 0 to ${width - 1}, or none`,
      source,
    );
  const cols = width - (index === null ? 0 : 1);
  if (cols <= 0)
    throw new HeatfigError(
      'empty-grid',
      'the table has row labels but no columns of values',
      source,
    );
  const values = new Float64Array(body.length * cols).fill(Number.NaN);
  const hw = header.length ? header[0]!.length : Infinity;
  for (let ri = 0; ri < body.length; ri++) {
    const r = body[ri]!;
    if (r.length > hw) {
      throw new HeatfigError(
        'bad-csv',
        `this row has ${r.length} fields but the header has ${hw}; quote fields that contain the delimiter`,
        where(source, r[hw]!),
      );
    }
    let k = ri * cols;
    for (let c = 0; c < r.length; c++) {
      if (c === index) continue;
      const f = r[c]!;
      const v = num(f.text);
      if (v === null)
        throw new HeatfigError(
          'bad-value',
          ri === 0 && header.length > 0 && distinct(header, 1) < hw - 1
            ? `${JSON.stringify(f.text)} is not a number, and the header above repeats its labels: if line ${f.line} is a second header line (pandas' MultiIndex columns), heatfig reads it when it holds only labels or starts with an empty cell, as to_csv() writes it; else give numbers here`
            : `${JSON.stringify(f.text)} is not a number; use a number, or leave the cell empty (or NaN) for missing`,
          where(source, f),
        );
      values[k++] = v;
    }
  }
  const valueCols = Array.from({ length: width }, (_, c) => c).filter((c) => c !== index);
  const colLabels = header.length
    ? valueCols.map((c) => header.map((l) => l[c]?.text ?? '').join('-'))
    : positionLabels(cols);
  const rowLabels =
    index === null ? positionLabels(body.length) : body.map((r) => r[index]?.text ?? '');
  if (index !== null && header.length === 1 && !isEmpty(header[0]![index]))
    rowName = header[0]![index]!.text;
  const levelNames =
    index === 0 && header.length > 1 ? header.map((l) => l[0]!.text).filter((t) => t !== '') : [];
  return {
    cols,
    colLabels,
    panels: [{ title: null, rows: body.length, rowLabels, values }],
    ...(rowName ? { rowName } : {}),
    ...(levelNames.length ? { colName: levelNames.join('-') } : {}),
    ...(choice.note ? { notes: [choice.note] } : {}),
  };
}
