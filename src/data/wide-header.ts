/** A wide table's header: how many of its first lines are header lines, and its decimal mark. */
import { DECIMAL_COMMA, type Field } from './csv.ts';

/** A field holding nothing (not even quotes). */
export const isEmpty = (f: Field | undefined) => f === undefined || (f.text === '' && !f.quoted);

/** Reads a cell's number (null: not a number), with the file's decimal mark. */
export type NumberOf = (text: string) => number | null;

/** True if the first row of a table is a header rather than data. */
export function isHeader(
  first: readonly Field[],
  rest: readonly Field[][],
  num: NumberOf,
): boolean {
  const nums = first.map((f) => (f.quoted ? null : num(f.text)));
  if (nums.some((v) => v === null || Number.isNaN(v as number))) return true;
  // pandas' default column names 0, 1, …, n-1 over data that has fractions.
  const range = nums.every((v, i) => v === i) || nums.slice(1).every((v, i) => v === i);
  return range && rest.some((r) => r.some((f) => /[.eE]/.test(f.text)));
}

/** How many distinct labels fields `from`… of the header lines make, joined. */
export function distinct(lines: readonly Field[][], from: number): number {
  const seen = new Set<string>();
  const width = lines[0]!.length;
  for (let c = from; c < width; c++) seen.add(lines.map((l) => l[c]?.text ?? '').join('\u0000'));
  return seen.size;
}

/** pandas' line with the index's name under MultiIndex columns: `param_C,,,`. */
export const isIndexNameLine = (line: readonly Field[] | undefined) =>
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
export function headerLines(rows: readonly Field[][], num: NumberOf): number {
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

/** True when the cells past the first column use a decimal comma (`0,93`) and none uses a decimal point. */
export function decimalComma(rows: readonly Field[][], sep: string | undefined): boolean {
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
