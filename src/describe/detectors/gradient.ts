import { BlockReducer } from '../../data/reduce.ts';
import { count, num, pNum, share } from '../claims.ts';
import type { Detector, PlanScope } from '../detector.ts';
import {
  calibrationsOf,
  explainedScore,
  explainedShare,
  lineCount,
  MAX_LINES,
  MAX_TREND_CELLS,
  MIN_TREND_CELLS,
  orderedAxis,
  totalVariation,
  trendDirection,
  unpairedPanels,
} from '../scan.ts';
import { pooledLagOne } from '../serial.ts';
import { benjaminiHochberg, mannKendall } from '../stats.ts';
import type { Ctx } from '../claims.ts';
import { code } from '../view.ts';
import { t } from '../words.ts';

/**
 * A panel too large for a trend test per line (more than MAX_LINES lines, or more than
 * MAX_TREND_CELLS cells in a line) is cut into at most MAX_LINES blocks of consecutive lines
 * and MAX_TREND_CELLS bins of consecutive positions; each block's mean per bin is one line of
 * the test. Blocks and bins differ in size by at most one line or position.
 */
interface Blocks {
  /** Lines per block, and positions per bin: the smallest and largest. */
  readonly blockSize: readonly [number, number];
  readonly binSize: readonly [number, number];
  /** Each block's mean per bin (NaN where the bin has no finite cell), block by block. */
  readonly means: Float64Array;
  readonly blocks: number;
  readonly bins: number;
  /** The mean of every line per bin (the axis's profile), and its cells per bin. */
  readonly profile: Float64Array;
  readonly profileCells: Float64Array;
}

const sizes = (n: number, groups: number): [number, number] => [
  Math.floor(n / groups),
  Math.ceil(n / groups),
];

function blocksOf(ctx: Ctx, panel: number, line: 'row' | 'col'): Blocks {
  return ctx.once(`blocks ${panel} ${line}`, () => {
    const { view } = ctx;
    const C = view.cols;
    const R = view.rows(panel);
    const lines = line === 'row' ? R : C;
    const length = line === 'row' ? C : R;
    const blocks = Math.min(lines, MAX_LINES);
    const bins = Math.min(length, MAX_TREND_CELLS);
    // Block means as the figure's reduction makes them (BlockReducer): lines × positions for
    // rows, positions × lines for columns, read back as [block][bin].
    const red =
      line === 'row'
        ? new BlockReducer(R, C, blocks, bins, 'mean')
        : new BlockReducer(R, C, bins, blocks, 'mean');
    red.add(view.grid.panels[panel]!.values, 0, 0, R, true);
    const reduced = red.result();
    const cells = red.counts();
    const at = (k: number, q: number) => (line === 'row' ? k * bins + q : q * blocks + k);
    const means = new Float64Array(blocks * bins);
    // The axis's profile: every line's mean per bin, over its cells.
    const profile = new Float64Array(bins);
    const profileCells = new Float64Array(bins);
    for (let k = 0; k < blocks; k++)
      for (let q = 0; q < bins; q++) {
        const mean = reduced[at(k, q)]!;
        const n = cells[at(k, q)]!;
        means[k * bins + q] = mean;
        if (n) {
          profile[q]! += mean * n;
          profileCells[q]! += n;
        }
      }
    for (let q = 0; q < bins; q++)
      profile[q] = profileCells[q]! ? profile[q]! / profileCells[q]! : Number.NaN;
    return {
      blockSize: sizes(lines, blocks),
      binSize: sizes(length, bins),
      means,
      blocks,
      bins,
      profile,
      profileCells,
    };
  });
}

/** Each block's line of means (its finite bins, in order). */
function blockLine(b: Blocks, k: number): number[] {
  const out: number[] = [];
  for (let q = 0; q < b.bins; q++) {
    const v = b.means[k * b.bins + q]!;
    if (!Number.isNaN(v)) out.push(v);
  }
  return out;
}

/**
 * Each block's Mann–Kendall test, with the serial correlation the blocks share (as for the
 * lines of a smaller figure) and p adjusted (Benjamini–Hochberg) over every block of the
 * panel's large axes: the family of this detector.
 */
function blockTests(
  ctx: Ctx,
  panel: number,
  axes: readonly ('row' | 'col')[],
): Map<string, { s: number; p: number; adjusted: number }> {
  return ctx.once(`block tests ${panel} ${axes.join(' ')}`, () => {
    const keys: string[] = [];
    const tests: { s: number; p: number }[] = [];
    for (const line of axes) {
      const b = blocksOf(ctx, panel, line);
      // Blocks with too few bins are not tested; the others keep their index.
      const lines = Array.from({ length: b.blocks }, (_, k) => ({ k, l: blockLine(b, k) })).filter(
        ({ l }) => l.length >= MIN_TREND_CELLS,
      );
      const phi = pooledLagOne(
        lines.map(({ l }) => l),
        calibrationsOf(ctx),
      );
      for (const { k, l } of lines) {
        const mk = mannKendall(l, new Map(), phi);
        keys.push(`${line} ${k}`);
        tests.push({ s: mk.s, p: mk.p });
      }
    }
    const adjusted = benjaminiHochberg(tests.map((x) => x.p));
    return new Map(keys.map((k, j) => [k, { ...tests[j]!, adjusted: adjusted[j]! }]));
  });
}

/**
 * The large ordered axes of each panel: too many lines, or lines too long, for a test per
 * line. Square panels whose rows and columns carry the same labels count too (unlike for the
 * per-line tests, which leave out a confusion matrix's categories): an array read without
 * labels is numbered 0, 1, … along both axes, and a gradient across it is a fact of the
 * axes' order either way.
 */
function largeAxes({ grid, paired }: PlanScope) {
  return unpairedPanels(grid, paired).flatMap((panel) => {
    const rows = grid.panels[panel]!.rows;
    const large = (lines: number, length: number) =>
      length >= MIN_TREND_CELLS && lines >= 1 && (lines > MAX_LINES || length > MAX_TREND_CELLS);
    const axes: ('row' | 'col')[] = [];
    if (orderedAxis(grid.colLabels) && large(rows, grid.cols)) axes.push('row');
    if (orderedAxis(grid.panels[panel]!.rowLabels) && large(grid.cols, rows)) axes.push('col');
    return axes.map((line) => ({ panel, line, axes }));
  });
}

/**
 * A direction along an ordered axis of a large panel, where lines are not tested one by one:
 * more than 75% of the blocks of lines rise (or fall) along the bins (see Blocks), each by
 * Mann–Kendall with adjusted p < 0.05, as trend_family asks of single lines. Its size: the
 * axis's profile (all lines' mean) in the first bin and in the last.
 */
export const gradient: Detector<'gradient'> = {
  plan: (scope) =>
    largeAxes(scope).map(({ panel, line, axes }) => ({
      panel,
      line,
      axes,
      title: line === 'row' ? scope.figure.xlabel : scope.figure.ylabel,
    })),

  detect(ctx, p) {
    const panel = Number(p.panel ?? 0);
    const line = p.line === 'col' ? 'col' : 'row';
    const axes: ('row' | 'col')[] = Array.isArray(p.axes)
      ? p.axes.map((a: unknown) => (a === 'col' ? 'col' : 'row'))
      : [line];
    if (!axes.includes(line) || panel < 0 || panel >= ctx.view.grid.panels.length) return null;
    if (lineCount(ctx.view, panel, line) < 1) return null;
    const b = blocksOf(ctx, panel, line);
    const tests = blockTests(ctx, panel, axes);
    let up = 0;
    let down = 0;
    let tested = 0;
    for (let k = 0; k < b.blocks; k++) {
      const r = tests.get(`${line} ${k}`);
      if (!r) continue;
      tested++;
      const dir = trendDirection(r, r.adjusted);
      if (dir === 'up') up++;
      else if (dir === 'down') down++;
    }
    const direction = up / tested > 0.75 ? 'up' : down / tested > 0.75 ? 'down' : null;
    if (!tested || !direction) return null;
    const finite = Array.from(b.profile).filter((v) => !Number.isNaN(v));
    // What the direction accounts for: how far each bin's mean lies from the grid's, over its cells.
    const grand = totalVariation(ctx).mean;
    let ss = 0;
    for (let q = 0; q < b.bins; q++)
      if (b.profileCells[q]) ss += b.profileCells[q]! * (b.profile[q]! - grand) ** 2;
    const explained = explainedShare(ctx, ss);
    const title = (p.title as string | null | undefined) ?? null;
    return {
      kind: 'gradient',
      params: { panel, line, axes, title },
      facts: { direction },
      cells: [],
      labels: [
        ...(title ? [title] : []),
        ...(ctx.view.grid.panels.length > 1 ? [ctx.view.grid.panels[panel]!.title ?? ''] : []),
      ],
      numbers: [
        count('same', direction === 'up' ? up : down),
        count('blocks', tested),
        count('blockMin', b.blockSize[0]),
        count('blockMax', b.blockSize[1]),
        count('bins', b.bins),
        count('binMin', b.binSize[0]),
        count('binMax', b.binSize[1]),
        count('tests', tests.size),
        { name: 'alpha', value: 0.05, text: '0.05' },
        num(ctx, 'first', finite[0]!),
        num(ctx, 'last', finite[finite.length - 1]!),
        share('explained', explained),
        pNum(Math.max(...Array.from(tests.values(), (x) => x.adjusted))),
      ],
      rule: `too many lines or cells for a test per line: the panel is cut into at most ${MAX_LINES} blocks of consecutive lines and ${MAX_TREND_CELLS} bins of consecutive positions; each block's mean per bin is tested (Mann–Kendall, its variance widened by the serial correlation the blocks share, p adjusted by Benjamini–Hochberg over the ${tests.size} blocks tested); a direction needs more than 75% of the blocks to go that way with adjusted p < 0.05`,
      score: explainedScore(explained, 60),
    };
  },

  sentence(w, c) {
    const l = c.params.line;
    const [lines, positions] = l === 'row' ? ['row', 'column'] : ['column', 'row'];
    const along = c.params.title
      ? `along ${code(c.params.title)}`
      : l === 'row'
        ? 'from left to right'
        : 'from top to bottom';
    const range = (a: string, b: string) =>
      t(c, a) === t(c, b) ? t(c, a) : `${t(c, a)} to ${t(c, b)}`;
    const plural = (noun: string, n: string) => (t(c, n) === '1' ? noun : `${noun}s`);
    const panel =
      w.grid.panels.length > 1 ? ` in ${code(w.grid.panels[c.params.panel]!.title ?? '')}` : '';
    // Blocks and bins of one line or position are said as the lines and positions themselves.
    const single = (n: string) => t(c, n) === '1';
    const bin = single('binMax') ? positions : 'bin';
    const blocks = single('blockMax')
      ? `${t(c, 'same')} of ${t(c, 'blocks')} ${lines}s go that way`
      : `${t(c, 'same')} of ${t(c, 'blocks')} blocks of ${range('blockMin', 'blockMax')} ${plural(lines, 'blockMax')} go that way`;
    const over = single('binMax')
      ? `over their ${t(c, 'bins')} ${positions}s`
      : `over ${t(c, 'bins')} bins of ${range('binMin', 'binMax')} ${plural(positions, 'binMax')}`;
    return `Values ${c.facts.direction === 'up' ? 'rise' : 'fall'} ${along}${panel}, from a mean of ${t(c, 'first')} in the first ${bin} to ${t(c, 'last')} in the last: ${blocks} ${over} (too many for a test per ${lines}; Mann–Kendall per ${single('blockMax') ? lines : 'block'}, p < ${t(c, 'alpha')} after adjusting for the ${t(c, 'tests')} tests).`;
  },

  interpret: (c) =>
    `Across the whole panel, the values ${c.facts.direction === 'up' ? 'grow' : 'decline'} ${c.params.title ? `with ${code(c.params.title)}` : 'along this axis'}; the figure shows the association, not its cause.`,
};
