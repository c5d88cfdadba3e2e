import { count, num } from '../claims.ts';
import type { Detector, Grouping } from '../detector.ts';
import { lineParams, MAX_LINES, unpairedPanels } from '../scan.ts';
import { sameValue } from '../stats.ts';
import type { LineKey } from '../view.ts';
import { capitalised, LIST_CAP, lineName, listOf, t } from '../words.ts';
import type { ClaimOf } from '../claims.ts';
import { maxOf, minOf } from '../../util/extent.ts';

/** The constant and nearly constant lines of the figure are said in one sentence. */
const group: Grouping<'low_variance'> = {
  key: () => 'all',
  score: () => 45,
  sentence(w, cs) {
    const constant = cs.filter((c) => c.facts.constant);
    const near = cs.filter((c) => !c.facts.constant);
    const name = (c: ClaimOf<'low_variance'>) =>
      lineName(w, c.params.panel, c.params.line, c.params.key);
    const out: string[] = [];
    const byValue = new Map<string, ClaimOf<'low_variance'>[]>();
    for (const c of constant) byValue.set(t(c, 'min'), [...(byValue.get(t(c, 'min')) ?? []), c]);
    // Lines constant at one value each are listed by value, unless a list would be cut short:
    // then they are named together, with how many there are (the constant claims cited).
    if ([...byValue.values()].some((g) => g.length > LIST_CAP) && byValue.size > 1)
      out.push(`${listOf(constant.map(name), constant.length)} are each constant`);
    else
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
    return `${capitalised(out.join('; '))}.`;
  },
};

/**
 * A near-constant row or column, relative to the scale shown: its range at most 5% of the
 * colour scale's (`scale`, vmax − vmin); "constant" only if its values are one value. A line
 * the trend detector found rising or falling, or the step detector changing level, is never
 * called constant.
 */
export const lowVariance: Detector<'low_variance'> = {
  plan: ({ grid, view, paired, figure, found }) => {
    const scale = figure.norm.vmax - figure.norm.vmin;
    const trending = new Set(
      [...found('trend').filter((c) => c.facts.direction !== 'none'), ...found('step')].map(
        (c) => `${c.params.panel} ${c.params.line} ${c.params.key.label} ${c.params.key.n}`,
      ),
    );
    const keep = (x: { panel: number; line: 'row' | 'col'; key: LineKey }) =>
      !trending.has(`${x.panel} ${x.line} ${x.key.label} ${x.key.n}`);
    return unpairedPanels(grid, paired).flatMap((panel) =>
      [
        ...(grid.panels[panel]!.rows <= MAX_LINES
          ? Array.from({ length: grid.panels[panel]!.rows }, (_, r) => ({
              panel,
              line: 'row' as const,
              key: view.rowKey(panel, r),
              scale,
            }))
          : []),
        ...(grid.cols <= MAX_LINES
          ? Array.from({ length: grid.cols }, (_, c) => ({
              panel,
              line: 'col' as const,
              key: view.colKey(c),
              scale,
            }))
          : []),
      ].filter(keep),
    );
  },

  detect(ctx, p) {
    const lp = lineParams(ctx, p);
    if (!lp || lp.v.length < 3) return null;
    const { panel, line, key, v } = lp;
    const scale = Number(p.scale);
    const lo = minOf(v);
    const hi = maxOf(v);
    if (!(scale > 0) || !(hi - lo <= 0.05 * scale)) return null;
    return {
      kind: 'low_variance',
      params: { panel, line, key, scale },
      facts: { constant: sameValue(hi, lo) },
      cells: [],
      labels: [key.label],
      numbers: [num(ctx, 'min', lo), num(ctx, 'max', hi), count('n', v.length)],
      rule: 'a range at most 5% of the colour scale shown; constant when its values are one value',
      score: 45,
    };
  },

  sentence(w, c) {
    const key = c.params.key as LineKey;
    const who = lineName(w, c.params.panel as number, c.params.line as 'row', key).replace(
      /^./,
      (x) => x.toUpperCase(),
    );
    if (c.facts.constant) return `${who} is constant at ${t(c, 'min')}.`;
    return `${who} is nearly constant, from ${t(c, 'min')} to ${t(c, 'max')}.`;
  },
  group,
};
