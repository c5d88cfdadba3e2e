import { HeatfigError } from '../errors.ts';

/** A parsed field and where it starts (1-based line and column), for error messages. */
export interface Field {
  readonly text: string;
  readonly line: number;
  readonly col: number;
  /** The field was quoted (so "" is an empty label, not a missing value). */
  readonly quoted: boolean;
}

const CANDIDATES = [',', '\t', ';', '|'] as const;

/**
 * Splits CSV/TSV text into rows of fields (RFC 4180: quoted fields may hold the delimiter,
 * newlines and doubled quotes; CRLF or LF line ends; a byte-order mark is skipped). Blank
 * lines are skipped. Throws a HeatfigError at `source:line:col` for an unterminated quote or
 * text after a closing quote.
 */
export function parseDelimited(text: string, sep: string, source: string): Field[][] {
  const rows: Field[][] = [];
  let row: Field[] = [];
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  let line = 1;
  let lineStart = i;
  const n = text.length;
  const at = (l: number, c: number) => `${source}:${l}:${c}`;
  while (i <= n) {
    const startLine = line;
    const startCol = i - lineStart + 1;
    let value = '';
    let quoted = false;
    if (text[i] === '"') {
      quoted = true;
      i++;
      for (;;) {
        if (i >= n)
          throw new HeatfigError(
            'bad-csv',
            'a quoted field is not closed; end it with a double quote (") or double quotes inside it ("")',
            at(startLine, startCol),
          );
        const ch = text[i]!;
        if (ch === '"') {
          if (text[i + 1] === '"') {
            value += '"';
            i += 2;
            continue;
          }
          i++;
          break;
        }
        if (ch === '\n') {
          line++;
          lineStart = i + 1;
        }
        value += ch;
        i++;
      }
      if (i < n && text[i] !== sep && text[i] !== '\n' && text[i] !== '\r') {
        throw new HeatfigError(
          'bad-csv',
          `unexpected ${JSON.stringify(text[i])} after a closing quote; put the whole field in quotes`,
          at(line, i - lineStart + 1),
        );
      }
    } else {
      const start = i;
      while (i < n && text[i] !== sep && text[i] !== '\n' && text[i] !== '\r') i++;
      value = text.slice(start, i);
    }
    row.push({ text: value, line: startLine, col: startCol, quoted });
    if (i < n && text[i] === sep) {
      i++;
      continue;
    }
    // End of a record: a line end, or the end of the text.
    if (!(row.length === 1 && row[0]!.text === '' && !row[0]!.quoted)) rows.push(row);
    row = [];
    if (text[i] === '\r') i++;
    if (text[i] === '\n') i++;
    line++;
    lineStart = i;
    if (i >= n) break;
  }
  return rows;
}

/**
 * Guesses the delimiter: the candidate (, tab ; |) whose parse of the first records (quotes
 * respected) gives the most rows with one common field count above one; a comma when none
 * splits anything.
 */
export function detectDelimiter(text: string): string {
  let sample = text.slice(0, 64 * 1024);
  const lastBreak = sample.lastIndexOf('\n');
  if (text.length > sample.length && lastBreak > 0) sample = sample.slice(0, lastBreak);
  let best = ',';
  let bestScore = 0;
  for (const c of CANDIDATES) {
    let rows: Field[][];
    try {
      rows = parseDelimited(sample, c, 'sample').slice(0, 50);
    } catch {
      continue;
    }
    const counts = new Map<number, number>();
    for (const r of rows) counts.set(r.length, (counts.get(r.length) ?? 0) + 1);
    let score = 0;
    for (const [width, n] of counts) if (width > 1) score = Math.max(score, n * 1000 + width);
    if (score > bestScore) {
      best = c;
      bestScore = score;
    }
  }
  return best;
}

const MISSING = new Set(['', 'nan', 'na', 'n/a', 'null', 'none', '-nan', '<na>']);

/**
 * A table cell as a number: NaN for missing ('', NaN, nan, NA, null, None), ±Infinity for
 * inf/-inf/Infinity, or null when it is not a number at all.
 */
export function cellNumber(text: string): number | null {
  const t = text.trim();
  const lower = t.toLowerCase();
  if (MISSING.has(lower)) return Number.NaN;
  if (lower === 'inf' || lower === '+inf' || lower === 'infinity' || lower === '+infinity')
    return Infinity;
  if (lower === '-inf' || lower === '-infinity') return -Infinity;
  if (!/^[+-]?(?:\d+\.?\d*|\.\d+)(?:e[+-]?\d+)?$/i.test(t)) return null;
  return Number(t);
}
