/** The data as markdown tables in a description, or per-row summaries of a large grid. */
import { makeFormatter } from '../format/number.ts';
import { VALUE_FORMAT } from './claims.ts';
import type { Writer } from './words.ts';

/** The full table is written inline up to this many cells; beyond, per-row (or per-block) summaries. */
const TABLE_CAP = 200;
/** Summary rows at most: past it, each summarises a block of consecutive rows (a grid of 4000 rows gets 50, not 4000). */
export const MAX_SUMMARY_ROWS = 50;

const NEEDS_CELL_ESCAPE = /[\\|&<>\r\n`*_[\]#]/;

function escapeCell(s: string): string {
  if (!NEEDS_CELL_ESCAPE.test(s)) return s;
  return s
    .replace(/\\/g, '\\\\')
    .replace(/\|/g, '\\|')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/\r?\n/g, ' ')
    .replace(/([`*_[\]#])/g, '\\$1');
}

/** The data as markdown tables (missing cells as –), or per-row summaries past the cap (per block of rows past MAX_SUMMARY_ROWS). */
export function dataTables(w: Writer, show: (v: number) => string): string {
  const { grid } = w;
  const cells = grid.panels.reduce((s, p) => s + p.rows * grid.cols, 0);
  const out: string[] = [];
  // A summary of values read from an image is written as they are (no finer than was read).
  const read = grid.readDecimals !== undefined;
  const fmt3 = read ? show : makeFormatter(VALUE_FORMAT);
  grid.panels.forEach((p, pi) => {
    if (grid.panels.length > 1) out.push(`#### Panel ${pi + 1}: ${escapeCell(p.title ?? '')}`, '');
    if (cells <= TABLE_CAP) {
      out.push(
        `| ${escapeCell(w.figure.ylabel ?? '')} | ${grid.colLabels.map(escapeCell).join(' | ')} |`,
      );
      out.push(`|${' --- |'.repeat(grid.cols + 1)}`);
      for (let r = 0; r < p.rows; r++) {
        const row = Array.from({ length: grid.cols }, (_, c) => {
          const x = p.values[r * grid.cols + c]!;
          return Number.isNaN(x) ? '–' : escapeCell(show(x));
        });
        out.push(`| ${escapeCell(p.rowLabels[r]!)} | ${row.join(' | ')} |`);
      }
    } else {
      const blocks = Math.min(p.rows, MAX_SUMMARY_ROWS);
      out.push(
        `| ${blocks < p.rows ? 'rows' : 'row'} | cells | missing | min | mean | max |`,
        '| --- | --- | --- | --- | --- | --- |',
      );
      // One pass over the panel: each block's finite count, sum (row-major), min and max.
      const C = grid.cols;
      for (let b = 0; b < blocks; b++) {
        const first = Math.ceil((b * p.rows) / blocks);
        const end = Math.ceil(((b + 1) * p.rows) / blocks);
        // Min, mean and max over the finite cells; missing: the NaN cells (an infinite cell
        // holds a value, drawn at an end colour, but has no mean).
        let n = 0;
        let missing = 0;
        let sum = 0;
        let lo = Infinity;
        let hi = -Infinity;
        for (let k = first * C; k < end * C; k++) {
          const x = p.values[k]!;
          if (x !== x) missing++;
          if (x - x !== 0) continue;
          n++;
          sum += x;
          if (x < lo) lo = x;
          if (x > hi) hi = x;
        }
        const stats = n ? [lo, sum / n, hi].map((x) => escapeCell(fmt3(x))) : ['–', '–', '–'];
        const label =
          end - first === 1
            ? escapeCell(p.rowLabels[first]!)
            : `${escapeCell(p.rowLabels[first]!)} – ${escapeCell(p.rowLabels[end - 1]!)}`;
        out.push(`| ${label} | ${(end - first) * C} | ${missing} | ${stats.join(' | ')} |`);
      }
    }
    out.push('');
  });
  return out.join('\n');
}
