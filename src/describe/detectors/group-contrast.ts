import { count, num, share } from '../claims.ts';
import type { Detector } from '../detector.ts';
import { explainedScore, explainedShare, lineCount, lineKey } from '../scan.ts';
import { code } from '../view.ts';
import { capitalised, line, lineName } from '../words.ts';
import { uniforms } from '../../util/uniforms.ts';

/** The contrast must span at least this share of the colour scale to be the figure's point. */
const MIN_GAP = 0.25;

/** The chance a group's contrast is allowed, over the groups the figure's labels make (Bonferroni). */
const ALPHA = 0.05;
/** At most this many picks of lines are weighed by the permutation test (all of them where there are no more). */
const PICKS = 2000;

/** n choose k, as a float (Infinity past 2^1024). */
function choose(n: number, k: number): number {
  let c = 1;
  for (let i = 1; i <= k; i++) c = (c * (n - k + i)) / i;
  return c;
}

/**
 * The bounds of a line's values (along the group's axis) in the group and out of it, with two
 * or more of each finite there; else null.
 */
function boundsOn(
  values: readonly number[],
  inGroup: readonly boolean[],
): { g: [number, number]; r: [number, number] } | null {
  let gLo = Infinity;
  let gHi = -Infinity;
  let rLo = Infinity;
  let rHi = -Infinity;
  let gn = 0;
  let rn = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    if (!Number.isFinite(v)) continue;
    if (inGroup[i]) {
      if (v < gLo) gLo = v;
      if (v > gHi) gHi = v;
      gn++;
    } else {
      if (v < rLo) rLo = v;
      if (v > rHi) rHi = v;
      rn++;
    }
  }
  return gn >= 2 && rn >= 2 ? { g: [gLo, gHi], r: [rLo, rHi] } : null;
}

/**
 * The widest gap by which the lines in `inGroup` stand apart from the others on one of
 * `across` (each the values along the group's axis): every member below every other line, or
 * above (boundsOn); -Infinity where on none.
 */
function widestGap(across: readonly (readonly number[])[], inGroup: readonly boolean[]): number {
  let best = Number.NEGATIVE_INFINITY;
  for (const values of across) {
    const b = boundsOn(values, inGroup);
    if (b) best = Math.max(best, b.r[0] - b.g[1], b.g[0] - b.r[1]);
  }
  return best;
}

/**
 * How likely as wide a gap is by chance: the share of groups of as many lines, picked from
 * all of them, that stand apart by `gap` or more on some line across (a permutation test,
 * the group itself among them). Every pick where there are at most PICKS, else PICKS seeded
 * ones. Where being apart at all is rarer than `alpha` (one pick in C(n, k) is the group's
 * top or bottom k on a line: J · 2 / C(n, k) bounds the chance), that bound. On noise, two
 * rows of six set apart on one of eleven columns by a quarter of the scale came once in
 * eight grids; the test says no such thing, whatever the gap.
 */
export function chanceApart(
  across: readonly (readonly number[])[],
  n: number,
  k: number,
  gap: number,
  alpha: number,
): number {
  const all = choose(n, k);
  const bound = (2 * across.length) / all;
  if (bound <= alpha) return bound;
  const tie = 1e-9 * Math.max(1, Math.abs(gap));
  const inGroup = new Array<boolean>(n).fill(false);
  let hits = 0;
  let tried = 0;
  if (all <= PICKS) {
    // Every pick of k of n, in order.
    const pick = Array.from({ length: k }, (_, i) => i);
    for (;;) {
      inGroup.fill(false);
      for (const i of pick) inGroup[i] = true;
      tried++;
      if (widestGap(across, inGroup) >= gap - tie) hits++;
      let i = k - 1;
      while (i >= 0 && pick[i] === n - k + i) i--;
      if (i < 0) break;
      pick[i]!++;
      for (let j = i + 1; j < k; j++) pick[j] = pick[j - 1]! + 1;
    }
    return hits / tried;
  }
  // Seeded picks (the group itself counted once more).
  const uniform = uniforms(0x9e3779b9);
  const order = Array.from({ length: n }, (_, i) => i);
  for (; tried < PICKS; tried++) {
    for (let i = 0; i < k; i++) {
      const j = i + Math.floor(uniform() * (n - i));
      [order[i], order[j]] = [order[j]!, order[i]!];
    }
    inGroup.fill(false);
    for (let i = 0; i < k; i++) inGroup[order[i]!] = true;
    if (widestGap(across, inGroup) >= gap - tie) hits++;
  }
  return (hits + 1) / (tried + 1);
}

/**
 * Groups of labels by a shared first word (`neg_cities`, `neg_facts`: "neg"): words split at
 * `_`, `-`, `.`, `:`, `/` or a space. A group has at least 2 members and leaves at least 2
 * others; the same group of positions under two words is kept once.
 */
export function labelGroups(labels: readonly string[]): { prefix: string; members: number[] }[] {
  const byWord = new Map<string, number[]>();
  labels.forEach((l, i) => {
    const m = /^([^_\-.:/\s]+)[_\-.:/\s]/.exec(l);
    if (m)
      byWord.set(`${m[1]}${l[m[1]!.length]}`, [
        ...(byWord.get(`${m[1]}${l[m[1]!.length]}`) ?? []),
        i,
      ]);
  });
  return [...byWord]
    .filter(([, members]) => members.length >= 2 && labels.length - members.length >= 2)
    .map(([prefix, members]) => ({ prefix, members }));
}

/**
 * A group of rows (or columns) whose labels share a first word, set apart on one column (or
 * row): every member below every other line there, or every member above, by a gap of at
 * least a quarter of the colour scale. The widest such gap of the figure's first panel.
 */
export const groupContrast: Detector<'group_contrast'> = {
  plan: ({ grid, figure }) => {
    const scale = figure.norm.vmax - figure.norm.vmin;
    if (!(scale > 0)) return [];
    return (['row', 'col'] as const).flatMap((lines) =>
      labelGroups(lines === 'row' ? grid.panels[0]!.rowLabels : grid.colLabels).map((g) => ({
        panel: 0,
        lines,
        prefix: g.prefix,
        scale,
      })),
    );
  },

  detect(ctx, p) {
    const { view } = ctx;
    const panel = Number(p.panel ?? 0);
    const lines = p.lines === 'col' ? 'col' : 'row';
    const prefix = String(p.prefix ?? '');
    const scale = Number(p.scale);
    if (panel !== 0 || !(scale > 0) || prefix === '') return null;
    const labels = lines === 'row' ? view.grid.panels[0]!.rowLabels : view.grid.colLabels;
    const members = labels.flatMap((l, i) => (l.startsWith(prefix) ? [i] : []));
    if (members.length < 2 || labels.length - members.length < 2) return null;
    const inGroup = new Set(members);
    // Along the other axis: the line (a column for groups of rows) where the group is set apart most.
    const across = lines === 'row' ? 'col' : 'row';
    let best: {
      at: number;
      gap: number;
      side: 'below' | 'above';
      g: [number, number];
      r: [number, number];
    } | null = null;
    const flags = labels.map((_, i) => inGroup.has(i));
    const lineValues = Array.from({ length: lineCount(view, 0, across) }, (_, j) =>
      view.line(0, across, j),
    );
    for (const [j, values] of lineValues.entries()) {
      const b = boundsOn(values, flags);
      if (!b) continue;
      const below = b.r[0] - b.g[1];
      const above = b.g[0] - b.r[1];
      const gap = Math.max(below, above);
      if (gap >= MIN_GAP * scale && (!best || gap > best.gap))
        best = { at: j, gap, side: below >= above ? 'below' : 'above', g: b.g, r: b.r };
    }
    if (!best) return null;
    // Not a gap that as many lines picked at random show as often as 1 in 20 (over the groups
    // the figure's labels make).
    const groups =
      labelGroups(view.grid.panels[0]!.rowLabels).length + labelGroups(view.grid.colLabels).length;
    const alpha = ALPHA / Math.max(1, groups);
    if (chanceApart(lineValues, labels.length, members.length, best.gap, alpha) > alpha)
      return null;
    const on = lineKey(view, 0, across, best.at);
    // What the contrast accounts for: the between-group sum of squares on that line.
    const values = view.line(0, across, best.at);
    let gs = 0;
    let gn = 0;
    let rs = 0;
    let rn = 0;
    values.forEach((x, i) => {
      if (!Number.isFinite(x)) return;
      if (inGroup.has(i)) {
        gs += x;
        gn++;
      } else {
        rs += x;
        rn++;
      }
    });
    const m = (gs + rs) / (gn + rn);
    const explained = explainedShare(ctx, gn * (gs / gn - m) ** 2 + rn * (rs / rn - m) ** 2);
    const memberKeys = members.map((i) => lineKey(view, 0, lines, i));
    const below = best.side === 'below';
    return {
      kind: 'group_contrast',
      params: { panel: 0, lines, prefix, scale },
      facts: { on, side: best.side, members: memberKeys },
      cells: [],
      labels: [prefix, on.label],
      numbers: [
        count('members', members.length),
        count('others', labels.length - members.length),
        // The group's bound and the others' bound that face each other across the gap.
        num(ctx, 'group', below ? best.g[1] : best.g[0]),
        num(ctx, 'rest', below ? best.r[0] : best.r[1]),
        share('explained', explained),
      ],
      rule: `lines whose labels start with the same word, every one of them below (or above) every other line on one ${across === 'col' ? 'column' : 'row'}, by at least ${MIN_GAP * 100}% of the colour scale, and wider than lines picked at random show in 1 of 20 (a permutation test, over the figure's groups); the widest such gap`,
      score: explainedScore(explained),
    };
  },

  sentence(w, c) {
    const l = c.params.lines;
    const below = c.facts.side === 'below';
    const across = lineName(w, 0, l === 'row' ? 'col' : 'row', c.facts.on);
    const all = c.numbers.find((n) => n.name === 'members')!;
    const others = c.numbers.find((n) => n.name === 'others')!;
    const group = c.numbers.find((n) => n.name === 'group')!;
    const rest = c.numbers.find((n) => n.name === 'rest')!;
    return capitalised(
      `${across} sets the ${line(l)}s starting with ${code(c.params.prefix)} apart: ${all.value === 2 ? 'both' : `all ${all.text}`} are at ${below ? 'most' : 'least'} ${group.text} there, and ${others.value === 2 ? 'both' : `all ${others.text}`} others at ${below ? 'least' : 'most'} ${rest.text}.`,
    );
  },

  interpret: (c) => {
    const lines = c.params.lines === 'row' ? 'rows' : 'columns';
    const low = c.facts.side === 'below';
    // The prefix names what the group has in common (neg_ for negated inputs): the reading
    // says which way the group differs, and stays a reading of the labels, hedged.
    return `Read by label, ${code(c.facts.on.label)} is ${low ? 'low' : 'high'} wherever the ${lines} start with ${code(c.params.prefix)}, and only there: if ${code(c.params.prefix)} marks a kind of input${low ? ' and higher is better' : ''}, whatever ${code(c.facts.on.label)} measures ${low ? 'fails on' : 'singles out'} that kind.`;
  },
};
