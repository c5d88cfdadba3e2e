/** The data as markdown tables in a description, or per-row summaries of a large grid. */
import { makeFormatter } from '../format/number.ts';
import { VALUE_FORMAT } from './claims.ts';
import { mean } from './stats.ts';
import type { Writer } from './words.ts';
import { maxOf, minOf } from '../util/extent.ts';

/** The full table is written inline up to this many cells; beyond, per-row summaries. */
const TABLE_CAP = 200;

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

/** The data as markdown tables (missing cells as –), or per-row summaries past the cap. */
export function dataTables(w: Writer, show: (v: number) => string): string {
  const { grid } = w;
  const cells = grid.panels.reduce((s, p) => s + p.rows * grid.cols, 0);
  const out: string[] = [];
  const fmt3 = makeFormatter(VALUE_FORMAT);
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
      out.push(
        '| row | cells | missing | min | mean | max |',
        '| --- | --- | --- | --- | --- | --- |',
      );
      for (let r = 0; r < p.rows; r++) {
        const vals = w.view.finiteLine(pi, 'row', r);
        const miss = grid.cols - vals.length;
        const stats = vals.length
          ? [minOf(vals), mean(vals), maxOf(vals)].map((x) => escapeCell(fmt3(x)))
          : ['–', '–', '–'];
        out.push(
          `| ${escapeCell(p.rowLabels[r]!)} | ${grid.cols} | ${miss} | ${stats.join(' | ')} |`,
        );
      }
    }
    out.push('');
  });
  return out.join('\n');
}
