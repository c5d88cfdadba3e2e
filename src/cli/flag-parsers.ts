/** Parsers of flag values: each returns the value or throws one line that names the flag. */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { HeatfigError, type Spec } from '../node.ts';
import * as msg from '../messages.ts';

/** A number, or a one-line refusal naming the flag. */
export const number = (flag: string) => (v: string) => {
  const n = Number(v);
  if (v.trim() === '' || !Number.isFinite(n))
    throw new HeatfigError('bad-option', msg.flagNotANumber(JSON.stringify(v), flag), flag);
  return n;
};

/** Comma-separated numbers (each checked as `number`). */
export const numberList = (flag: string) => (v: string) => v.split(',').map((x) => number(flag)(x));

/** A number in (lo, hi] (lo itself allowed when open is false), or a one-line refusal naming the flag. */
export const within =
  (flag: string, lo: number, hi: number, open = true, whole = false) =>
  (v: string) => {
    const n = number(flag)(v);
    if ((open ? !(n > lo) : !(n >= lo)) || n > hi || (whole && !Number.isInteger(n)))
      throw new HeatfigError(
        'bad-option',
        msg.flagOutOfRange(
          v,
          flag,
          whole ? 'whole number' : 'number',
          open ? 'above' : 'from',
          lo,
          hi.toLocaleString('en-US'),
        ),
        flag,
      );
    return n;
  };

/** The largest file of tick labels read (a label a line: far more than any axis can show). */
export const LABEL_FILE_BYTES = 16 << 20;

/**
 * As seaborn takes them: true, false, auto, every nth (a number), a comma-separated list, or
 * a file with one label per line (when a file of that name exists).
 */
export const ticklabels =
  (flag: string) =>
  (v: string): Spec['xticklabels'] => {
    if (v === 'true') return true;
    if (v === 'false') return false;
    if (v === 'auto') return 'auto';
    if (/^\d+$/.test(v) && Number(v) >= 1) return Number(v);
    if (existsSync(v) && statSync(v).isFile()) {
      if (statSync(v).size > LABEL_FILE_BYTES)
        throw new HeatfigError(
          'too-large',
          msg.labelFileTooLarge(
            JSON.stringify(v),
            statSync(v).size.toLocaleString('en-US'),
            LABEL_FILE_BYTES.toLocaleString('en-US'),
          ),
          flag,
        );
      return readFileSync(v, 'utf8')
        .replace(/\r?\n$/, '')
        .split(/\r?\n/);
    }
    return v.split(',');
  };

export const indexCol = (v: string): number | 'none' => {
  if (v === 'none') return 'none';
  if (/^\d+$/.test(v)) return Number(v);
  throw new HeatfigError('bad-option', msg.badIndexCol(JSON.stringify(v)), '--index-col');
};

export const xrotation = (v: string): number | 'auto' => {
  const n = Number(v);
  if (v !== 'auto' && (v.trim() === '' || !Number.isFinite(n)))
    throw new HeatfigError('bad-option', msg.badRotation(JSON.stringify(v)), '--xrotation');
  return v === 'auto' ? 'auto' : n;
};

const AGGREGATES = ['mean', 'sum', 'min', 'max', 'count', 'first', 'median', 'std'];

/** An aggregate's name, or quantile(q) with q in 0..1. */
export const aggregate = (v: string): string => {
  const q = /^quantile\((.+)\)$/.exec(v)?.[1];
  if (AGGREGATES.includes(v) || (q !== undefined && Number(q) >= 0 && Number(q) <= 1)) return v;
  throw new HeatfigError('bad-option', msg.badAgg(v), '--agg');
};

/** --bins n (both axes) or n,m (x, then y): whole numbers of bins, 1 to 10,000. */
export const bins = (v: string): { x: number; y: number } => {
  const ns = v.split(',').map((x) => within('--bins', 0, 10_000, true, true)(x));
  if (ns.length > 2) throw new HeatfigError('bad-option', msg.binsFlag(v), '--bins');
  return { x: ns[0]!, y: ns[1] ?? ns[0]! };
};
