import type { Grid } from '../data/grid.ts';
import { makeFormatter } from '../format/number.ts';
import type { Figure } from '../figure/types.ts';
import type { Claim, ClaimNumber } from './claims.ts';
import type { Sentence } from './check.ts';
import { mean } from './stats.ts';
import { type CellKey, code, type GridView, type LineKey } from './view.ts';
import { maxOf, minOf } from '../util/extent.ts';

/** At most this many labels or cells are listed; then "…, and N more". */
const LIST_CAP = 7;
/** The full table is written inline up to this many cells; beyond, per-row summaries. */
const TABLE_CAP = 200;

const n = (c: Claim, name: string): ClaimNumber => c.numbers.find((x) => x.name === name)!;
/** "p = 0.012", or "p < 1e-15". */
const pText = (c: Claim): string => `p ${n(c, 'p').relation === '<' ? '<' : '='} ${t(c, 'p')}`;
const t = (c: Claim, name: string): string => n(c, name).text;
const v = (c: Claim, name: string): number => n(c, name).value;

function listOf(items: readonly string[], total = items.length): string {
  const shown = items.slice(0, LIST_CAP);
  const more = total - shown.length;
  if (shown.length === 1 && more === 0) return shown[0]!;
  if (more > 0) return `${shown.join(', ')} and others`;
  return `${shown.slice(0, -1).join(', ')} and ${shown[shown.length - 1]}`;
}

export interface Writer {
  readonly grid: Grid;
  readonly figure: Figure;
  /** The view the claims were computed on (its rows are read once, for them and the tables). */
  readonly view: GridView;
}

const ORDINALS = [
  'first',
  'second',
  'third',
  'fourth',
  'fifth',
  'sixth',
  'seventh',
  'eighth',
  'ninth',
  'tenth',
];

/** "row `a`", or "the second row `0`" when several rows share the label. */
function named(
  kind: 'row' | 'column',
  label: string,
  n: number,
  labels: readonly string[],
): string {
  const same = labels.filter((l) => l === label).length;
  if (same < 2) return `${kind} ${code(label)}`;
  return `the ${ORDINALS[n] ?? 'next'} ${kind} ${code(label)}`;
}

function rowName(w: Writer, panel: number, key: LineKey): string {
  return named('row', key.label, key.n, w.grid.panels[panel]?.rowLabels ?? []);
}

function lineName(w: Writer, panel: number, l: 'row' | 'col', key: LineKey): string {
  return l === 'row' ? rowName(w, panel, key) : named('column', key.label, key.n, w.grid.colLabels);
}

function cell(w: Writer, k: CellKey): string {
  const panel = w.grid.panels.length > 1 ? `${code(w.grid.panels[k.panel]!.title ?? '')} ` : '';
  return `${panel}${rowName(w, k.panel, { label: k.row, n: k.rowN })} / ${named('column', k.col, k.colN, w.grid.colLabels)}`;
}

const line = (l: 'row' | 'col') => (l === 'row' ? 'row' : 'column');
const dirWord = (d: string) =>
  d === 'up' ? 'rises' : d === 'down' ? 'falls' : 'shows no consistent trend';

/** One sentence for a claim, built only from its own numbers and labels; null if it has nothing to say. */
export function sentenceFor(w: Writer, c: Claim): string | null {
  const f = c.facts;
  switch (c.kind) {
    case 'summary':
      return null;
    case 'extreme': {
      // On a reduced grid the cells are blocks, and the sentence says so.
      const max = c.params['which'] === 'max';
      const which = w.grid.reduced
        ? `${max ? 'largest' : 'smallest'} block value`
        : max
          ? 'maximum'
          : 'minimum';
      const at = f['at'] as CellKey[];
      const runner = f['runnerUp'] as CellKey[] | undefined;
      const ties = v(c, 'cells');
      let s =
        ties === 1
          ? `The ${which} is ${t(c, 'value')}, at ${cell(w, at[0]!)}`
          : ties <= LIST_CAP
            ? `The ${which}, ${t(c, 'value')}, is in ${t(c, 'cells')} cells: ${listOf(at.map((k) => cell(w, k)))}`
            : `The ${which}, ${t(c, 'value')}, is in ${t(c, 'cells')} cells`;
      if (runner)
        s += `; it is ${t(c, 'exact')} exactly, and the runner-up ${t(c, 'runnerUp')} at ${listOf(runner.map((k) => cell(w, k)))} shows as the same text`;
      return `${s}.`;
    }
    case 'marginal': {
      const keys = f['lines'] as LineKey[];
      const what = c.params['which'] === 'best' ? 'highest' : 'lowest';
      const l = c.params['axis'] as 'row';
      const names = listOf(keys.map((k) => lineName(w, c.params['panel'] as number, l, k)));
      return `${names} ${keys.length > 1 ? 'share' : 'has'} the ${what} mean, ${t(c, 'mean')}.`.replace(
        /^(the )?./,
        (x) => x.charAt(0).toUpperCase() + x.slice(1),
      );
    }
    case 'diagonal_max': {
      const ex = f['exceptions'] as { cell: CellKey; by: CellKey }[];
      if (f['all'])
        return `Every diagonal cell is the largest of its row and column (${t(c, 'held')} of ${t(c, 'n')}).`;
      const parts = ex
        .slice(0, 4)
        .map(
          (e, i) =>
            `${code(e.cell.row)} (${t(c, `diag${i + 1}`)}, below ${t(c, `by${i + 1}`)} at ${cell(w, e.by)})`,
        );
      const held = v(c, 'held');
      const lead =
        held === 0
          ? `No diagonal cell is the largest of its row and column (${t(c, 'held')} of ${t(c, 'n')})`
          : held === 1
            ? `Only ${t(c, 'held')} of ${t(c, 'n')} diagonal cells is the largest of its row and column`
            : `Only ${t(c, 'held')} of ${t(c, 'n')} diagonal cells are the largest of their row and column`;
      return `${lead}; ${ex.length > 4 ? 'exceptions include' : 'the exceptions are'} ${listOf(parts, ex.length)}.`;
    }
    case 'top_offdiag': {
      const at = f['at'] as CellKey[];
      return `The largest cells off the diagonal are ${listOf(at.map((k, i) => `${t(c, `v${i + 1}`)} at ${cell(w, k)}`))}.`;
    }
    case 'trend': {
      const key = c.params['key'] as LineKey;
      const l = c.params['line'] as 'row';
      const title = c.labels[1]
        ? ` along ${code(c.labels[1])}`
        : ` along the ${l === 'row' ? 'columns' : 'rows'}`;
      const d = f['direction'] as string;
      const who = lineName(w, c.params['panel'] as number, l, key).replace(/^./, (x) =>
        x.toUpperCase(),
      );
      if (d === 'none')
        return `${who} shows no consistent trend${title} (${t(c, 'down')} of ${Number(t(c, 'n')) - 1} steps down, ${t(c, 'up')} up; Mann–Kendall ${pText(c)}).`;
      return `${who} ${f['strict'] ? 'strictly ' : ''}${dirWord(d)}${title}, from ${t(c, 'first')} to ${t(c, 'last')} over ${t(c, 'n')} cells (Mann–Kendall ${pText(c)}).`;
    }
    case 'trend_family': {
      const ex = f['exceptions'] as { key: LineKey; direction: string }[];
      const l = c.params['line'] as 'row';
      const title =
        c.labels.length > ex.length ? ` along ${code(c.labels[c.labels.length - 1]!)}` : '';
      const base = `Values ${f['direction'] === 'up' ? 'rise' : 'fall'}${title} in ${t(c, 'same')} of ${t(c, 'tested')} ${line(l)}s (Mann–Kendall test per ${line(l)})`;
      if (ex.length === 0) return `${base}.`;
      return `${base}; the ${ex.length === 1 ? 'exception is' : 'exceptions are'} ${listOf(ex.map((e) => `${code(e.key.label)} (${e.direction === 'none' ? 'no consistent trend' : dirWord(e.direction)})`))}.`;
    }
    case 'error_growth': {
      const segs = c.numbers.filter((x) => /^seg\d+$/.test(x.name)).map((x) => x.text);
      const [a, b] = c.labels;
      const which =
        w.grid.panels.length > 2
          ? ` (panels ${t(c, 'targetsPanel')} and ${t(c, 'outputsPanel')})`
          : '';
      const d = f['direction'];
      const verb = d === 'up' ? 'grows' : d === 'down' ? 'shrinks' : 'shows no consistent trend';
      return `Between ${code(a ?? '')} and ${code(b ?? '')}${which}, the mean absolute difference ${verb} over time: ${segs.join(', ')} in the ${t(c, 'segments')} segments (Mann–Kendall ${pText(c)} over columns).`;
    }
    case 'low_variance': {
      const key = c.params['key'] as LineKey;
      const who = lineName(w, c.params['panel'] as number, c.params['line'] as 'row', key).replace(
        /^./,
        (x) => x.toUpperCase(),
      );
      if (f['constant']) return `${who} is constant at ${t(c, 'min')}.`;
      return `${who} is nearly constant, from ${t(c, 'min')} to ${t(c, 'max')}.`;
    }
    case 'outliers': {
      const at = f['at'] as CellKey[];
      const listed = at.slice(0, 4).map((k, i) => `${t(c, `v${i + 1}`)} at ${cell(w, k)}`);
      return `${t(c, 'count')} ${v(c, 'count') === 1 ? 'cell lies' : 'cells lie'} outside Tukey's fences (${t(c, 'low')} to ${t(c, 'high')}): ${listOf(listed, v(c, 'count'))}.`;
    }
    case 'missing': {
      const lead = `${t(c, 'missing')} of ${t(c, 'cells')} cells are missing`;
      if (f['pattern'] !== 'ragged-ends') return `${lead}; they are left blank.`;
      const lens = (f['lengths'] as { key: LineKey }[]).map(
        (l, i) => `${code(l.key.label)} ${t(c, `len${i + 1}`)}`,
      );
      return `${lead}: every row holds values from the first column up to a point and none after it; cells per row: ${listOf(lens, lens.length)}.`;
    }
    case 'sign': {
      const big = f['largest'] as CellKey;
      const whole = f['wholeColumns'] as { key: LineKey; side: string }[];
      let s = `${t(c, 'above')} cells are above ${t(c, 'center')} and ${t(c, 'below')} below${v(c, 'at') > 0 ? `, ${t(c, 'at')} equal to it` : ''}; the largest magnitude is ${t(c, 'largest')}, at ${cell(w, big)}`;
      if (whole.length)
        s += `; every cell of ${listOf(whole.map((x) => `column ${code(x.key.label)} is ${x.side} it`))}`;
      return `${s}.`;
    }
    case 'concentration': {
      const key = c.params['key'] as LineKey;
      const at = f['at'] as CellKey;
      return `In ${rowName(w, c.params['panel'] as number, key)}, the cell in ${named('column', at.col, at.colN, w.grid.colLabels)} (${t(c, 'value')}) holds ${t(c, 'share')} of the row's sum.`;
    }
    case 'band':
      return f['concentrated']
        ? `${t(c, 'share')} of the total lies within one step of the diagonal (${t(c, 'even')} under an even spread).`
        : null;
    case 'symmetry': {
      if (f['symmetric'])
        return 'The grid is symmetric: every cell equals its mirror across the diagonal.';
      const [a, b] = f['pair'] as CellKey[];
      return v(c, 'difference') === 0
        ? null
        : `The most asymmetric pair is ${t(c, 'a')} at ${cell(w, a!)} against ${t(c, 'b')} at ${cell(w, b!)}.`;
    }
    case 'clipping': {
      const over = f['over'] as CellKey[];
      const under = f['under'] as CellKey[];
      const all = [...over, ...under];
      const listed = all.slice(0, 4).map((k, i) => `${t(c, `v${i + 1}`)} at ${cell(w, k)}`);
      const where = [
        over.length ? `${t(c, 'over')} above ${t(c, 'vmax')}` : '',
        under.length ? `${t(c, 'under')} below ${t(c, 'vmin')}` : '',
      ]
        .filter(Boolean)
        .join(' and ');
      const one = v(c, 'total') === 1;
      const blank = (f['blank'] as CellKey[] | undefined) ?? [];
      const nb = v(c, 'blank');
      const blankText = nb
        ? `${nb === 1 ? 'One cell holds a value' : `${t(c, 'blank')} cells hold values`} at or below 0, which the log scale cannot show; ${nb === 1 ? 'it is' : 'they are'} left blank, as missing cells are: ${listOf(
            blank.slice(0, 4).map((k) => cell(w, k)),
            nb,
          )}.`
        : '';
      const clipText = all.length
        ? `${one ? 'One cell lies' : `${t(c, 'total')} cells lie`} outside the colour range (${where}) and ${one ? 'is' : 'are'} drawn in the end colour: ${listOf(listed, v(c, 'total'))}.`
        : '';
      return [clipText, blankText].filter(Boolean).join(' ');
    }
    case 'value':
      return null;
  }
}

/**
 * One sentence for several claims of a kind that read better together: the trends of the
 * rows (or columns) of a panel; the constant and nearly constant lines.
 */
export function groupSentence(
  w: Writer,
  kind: 'trend' | 'low_variance',
  cs: readonly Claim[],
): string {
  if (kind === 'trend') {
    const l = cs[0]!.params['line'] as 'row';
    const title = cs[0]!.params['title'] as string | null;
    const by = (d: string) =>
      cs
        .filter((c) => c.facts['direction'] === d)
        .map((c) =>
          lineName(w, c.params['panel'] as number, l, c.params['key'] as LineKey).replace(
            /^(row|column) /,
            '',
          ),
        );
    // Each group names its lines in the right number: "column `20` falls; columns `0`, … show".
    const group = (names: string[], one: string, many: string) =>
      names.length
        ? `${line(l)}${names.length > 1 ? 's' : ''} ${listOf(names)} ${names.length > 1 ? many : one}`
        : '';
    const parts = [
      group(by('down'), 'falls', 'fall'),
      group(by('up'), 'rises', 'rise'),
      group(by('none'), 'shows no consistent trend', 'show no consistent trend'),
    ].filter(Boolean);
    const panel =
      w.grid.panels.length > 1
        ? ` in ${code(w.grid.panels[cs[0]!.params['panel'] as number]!.title ?? '')}`
        : '';
    return `Along ${title ? code(title) : `the ${l === 'row' ? 'columns' : 'rows'}`}${panel}, ${parts.join('; ')} (Mann–Kendall test per ${line(l)}, a direction when p < ${t(cs[0]!, 'alpha')}).`;
  }
  const constant = cs.filter((c) => c.facts['constant']);
  const near = cs.filter((c) => !c.facts['constant']);
  const name = (c: Claim) =>
    lineName(w, c.params['panel'] as number, c.params['line'] as 'row', c.params['key'] as LineKey);
  const out: string[] = [];
  const byValue = new Map<string, Claim[]>();
  for (const c of constant) byValue.set(t(c, 'min'), [...(byValue.get(t(c, 'min')) ?? []), c]);
  for (const [value, group] of byValue)
    out.push(
      `${listOf(group.map(name), group.length)} ${group.length > 1 ? 'are' : 'is'} constant at ${value}`,
    );
  if (near.length)
    out.push(
      `${listOf(
        near.map((c) => `${name(c)} (${t(c, 'min')} to ${t(c, 'max')})`),
        near.length,
      )} ${near.length > 1 ? 'are' : 'is'} nearly constant`,
    );
  const text = out.join('; ');
  return `${text.charAt(0).toUpperCase()}${text.slice(1)}.`;
}

/** Hedged readings that follow from the observations and axis names; no numbers. */
export function interpretations(claims: readonly Claim[]): { text: string; claims: string[] }[] {
  const out: { text: string; claims: string[] }[] = [];
  for (const c of claims) {
    const f = c.facts;
    if (c.kind === 'diagonal_max') {
      out.push({
        text: f['all']
          ? 'If rows and columns name the same categories, each category scores highest against itself.'
          : 'If rows and columns name the same categories, matching categories do not always score highest; the exceptions above are where another pairing scores higher.',
        claims: [c.id],
      });
    } else if (c.kind === 'trend_family') {
      out.push({
        text: `Read together, the trends suggest the values ${f['direction'] === 'up' ? 'grow' : 'decline'} along this axis for most ${line(c.params['line'] as 'row')}s; the figure shows the association, not its cause.`,
        claims: [c.id],
      });
    } else if (c.kind === 'error_growth' && f['direction'] === 'up') {
      out.push({
        text: 'The outputs follow the targets less closely later in the sequence.',
        claims: [c.id],
      });
    } else if (c.kind === 'missing' && f['pattern'] === 'ragged-ends') {
      out.push({
        text: 'Rows were measured over different ranges; a blank cell means no measurement, not a low value.',
        claims: [c.id],
      });
    } else if (c.kind === 'clipping') {
      const clipped = v(c, 'total') > 0;
      out.push({
        text: clipped
          ? 'Cells drawn in the end colours may hold values well beyond the colour range; their numbers are in the table.'
          : 'Blank cells on this log scale may hold zeros or negative values, not only missing ones; their numbers are in the table.',
        claims: [c.id],
      });
    }
  }
  return out;
}

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
  const fmt3 = makeFormatter('.3g');
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

export type { Sentence };
