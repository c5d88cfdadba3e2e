import { HeatfigError } from '../errors.ts';
import * as msg from '../messages.ts';

/** A parsed field and where it starts (1-based line and column), for error messages. */
export interface Field {
  readonly text: string;
  readonly line: number;
  readonly col: number;
  /** The field was quoted (so "" is an empty label, not a missing value). */
  readonly quoted: boolean;
}

const CANDIDATES = [',', '\t', ';', '|'] as const;

/** The longest field heatfig reads (a label or a number), in characters. */
export const MAX_FIELD = 1 << 20;

/**
 * Reads CSV/TSV text one record at a time (RFC 4180: quoted fields may hold the delimiter,
 * newlines and doubled quotes; CRLF or LF line ends; a byte-order mark is skipped). Blank
 * lines are skipped. Throws a HeatfigError at `source:line:col` for an unterminated quote,
 * text after a closing quote, or a field longer than MAX_FIELD characters. A separator of
 * one space means runs of spaces and tabs, with leading and trailing ones ignored (as
 * np.savetxt and np.loadtxt write and read them). One record at a time, so a large table's
 * fields need not all be objects at once.
 */
export class DelimitedReader {
  #i: number;
  #line = 1;
  #lineStart: number;
  readonly #text: string;
  readonly #sep: string;
  readonly #source: string;
  readonly #ws: boolean;

  constructor(text: string, sep: string, source: string) {
    this.#text = text;
    this.#sep = sep;
    this.#source = source;
    this.#ws = sep === ' ';
    this.#i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
    this.#lineStart = this.#i;
  }

  #at(l: number, c: number): string {
    return `${this.#source}:${l}:${c}`;
  }

  #tooLong(l: number, c: number): HeatfigError {
    return new HeatfigError(
      'bad-csv',
      msg.csvFieldTooLong(MAX_FIELD.toLocaleString('en-US')),
      this.#at(l, c),
    );
  }

  /** The next record's fields, or null at the end of the text. */
  next(): Field[] | null {
    const text = this.#text;
    const sep = this.#sep;
    const ws = this.#ws;
    const n = text.length;
    const isSep = (ch: string | undefined) => ch === sep || (ws && ch === '\t');
    let row: Field[] = [];
    let i = this.#i;
    while (i <= n) {
      if (i >= n && row.length === 0) break;
      if (ws && row.length === 0) while (text[i] === ' ' || text[i] === '\t') i++;
      const startLine = this.#line;
      const startCol = i - this.#lineStart + 1;
      let value = '';
      let quoted = false;
      if (text[i] === '"') {
        quoted = true;
        i++;
        let from = i;
        for (;;) {
          if (i >= n)
            throw new HeatfigError(
              'bad-csv',
              msg.csvQuoteNotClosed(),
              this.#at(startLine, startCol),
            );
          const ch = text[i]!;
          if (ch === '"') {
            value += text.slice(from, i);
            if (text[i + 1] === '"') {
              value += '"';
              i += 2;
              from = i;
              continue;
            }
            i++;
            break;
          }
          if (ch === '\n') {
            this.#line++;
            this.#lineStart = i + 1;
          }
          i++;
          if (i - from + value.length > MAX_FIELD) throw this.#tooLong(startLine, startCol);
        }
        if (i < n && !isSep(text[i]) && text[i] !== '\n' && text[i] !== '\r') {
          throw new HeatfigError(
            'bad-csv',
            msg.csvAfterClosingQuote(JSON.stringify(text[i])),
            this.#at(this.#line, i - this.#lineStart + 1),
          );
        }
      } else {
        const start = i;
        if (ws) while (i < n && !isSep(text[i]) && text[i] !== '\n' && text[i] !== '\r') i++;
        else while (i < n && text[i] !== sep && text[i] !== '\n' && text[i] !== '\r') i++;
        if (i - start > MAX_FIELD) throw this.#tooLong(startLine, startCol);
        value = text.slice(start, i);
      }
      row.push({ text: value, line: startLine, col: startCol, quoted });
      if (ws && isSep(text[i])) {
        while (isSep(text[i])) i++;
        if (i < n && text[i] !== '\n' && text[i] !== '\r') continue;
      } else if (i < n && text[i] === sep) {
        i++;
        continue;
      }
      // End of a record: a line end, or the end of the text.
      if (text[i] === '\r') i++;
      if (text[i] === '\n') i++;
      this.#line++;
      this.#lineStart = i;
      if (!(row.length === 1 && row[0]!.text === '' && !row[0]!.quoted)) {
        this.#i = i;
        return row;
      }
      row = [];
      if (i >= n) break;
    }
    this.#i = n + 1;
    return null;
  }
}

/** Every record of CSV/TSV text (see DelimitedReader). */
export function parseDelimited(text: string, sep: string, source: string): Field[][] {
  const rows: Field[][] = [];
  const reader = new DelimitedReader(text, sep, source);
  for (let r = reader.next(); r !== null; r = reader.next()) rows.push(r);
  return rows;
}

/** The fields of the first records (at most 64 KiB, whole lines) split by `sep`, or null when they do not parse. */
function sampleRows(text: string, sep: string): Field[][] | null {
  let sample = text.slice(0, 64 * 1024);
  const lastBreak = sample.lastIndexOf('\n');
  if (text.length > sample.length && lastBreak > 0) sample = sample.slice(0, lastBreak);
  try {
    return parseDelimited(sample, sep, 'sample').slice(0, 50);
  } catch {
    return null;
  }
}

/**
 * Guesses the delimiter: the candidate (, tab ; |) whose parse of the first records (quotes
 * respected) gives the most rows with one common field count above one; on a tie, the one
 * whose fields read as more numbers (a decimal comma counts under ; tab and |, so
 * `0,5;0,25` splits at the semicolons), then the wider. When none splits anything, runs of
 * spaces (np.savetxt's default) if they split every line alike, else a comma.
 */
export function detectDelimiter(text: string): string {
  let best = ',';
  let bestScore = [0, 0, 0];
  for (const c of CANDIDATES) {
    const rows = sampleRows(text, c);
    if (!rows) continue;
    const counts = new Map<number, number>();
    for (const r of rows) counts.set(r.length, (counts.get(r.length) ?? 0) + 1);
    let width = 0;
    let n = 0;
    for (const [w, k] of counts)
      if (w > 1 && (k > n || (k === n && w > width))) [width, n] = [w, k];
    if (n === 0) continue;
    let numeric = 0;
    for (const r of rows) {
      if (r.length !== width) continue;
      for (const f of r) if (cellNumber(f.text, c !== ',') !== null) numeric++;
    }
    const score = [n, numeric, width];
    const better = score.findIndex((v, i) => v !== bestScore[i]!);
    if (better >= 0 && score[better]! > bestScore[better]!) {
      best = c;
      bestScore = score;
    }
  }
  if (bestScore[0] === 0) {
    const rows = sampleRows(text, ' ');
    if (
      rows &&
      rows.length > 0 &&
      rows[0]!.length > 1 &&
      rows.every((r) => r.length === rows[0]!.length)
    )
      return ' ';
  }
  return best;
}

/** A number written with a decimal comma, as `to_csv(sep=';', decimal=',')` writes it. */
export const DECIMAL_COMMA = /^[+-]?\d*,\d+(?:e[+-]?\d+)?$/i;

const MISSING = new Set(['', 'nan', 'na', 'n/a', 'null', 'none', '-nan', '<na>']);

/**
 * A table cell as a number: NaN for missing ('', NaN, nan, NA, null, None), ±Infinity for
 * inf/-inf/Infinity, or null when it is not a number at all. With decimalComma, `0,93` is
 * 0.93 (for files whose separator is not a comma).
 */
export function cellNumber(text: string, decimalComma = false): number | null {
  let t = text.trim();
  const lower = t.toLowerCase();
  if (MISSING.has(lower)) return Number.NaN;
  if (lower === 'inf' || lower === '+inf' || lower === 'infinity' || lower === '+infinity')
    return Infinity;
  if (lower === '-inf' || lower === '-infinity') return -Infinity;
  if (decimalComma && DECIMAL_COMMA.test(t)) t = t.replace(',', '.');
  if (!/^[+-]?(?:\d+\.?\d*|\.\d+)(?:e[+-]?\d+)?$/i.test(t)) return null;
  return Number(t);
}
