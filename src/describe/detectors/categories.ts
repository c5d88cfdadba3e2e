import { count, share } from '../claims.ts';
import type { Detector } from '../detector.ts';
import { code } from '../view.ts';
import { listOf, t } from '../words.ts';

/**
 * Categorical data: how many cells each category holds (a cell holds code i of the names),
 * most first, ties in the names' order; cells with no category's code are counted apart.
 * With few rows, also the category each row holds most.
 */
export const categories: Detector<'categories'> = {
  plan: ({ figure }) => (figure.categories ? [{ names: [...figure.categories] }] : []),

  detect(ctx, p) {
    const names = Array.isArray(p.names) ? (p.names as string[]) : [];
    if (!names.length) return null;
    const counts = new Array<number>(names.length).fill(0);
    let coded = 0;
    let other = 0;
    for (const panel of ctx.view.grid.panels)
      for (const v of panel.values) {
        if (Number.isNaN(v)) continue;
        if (Number.isInteger(v) && v >= 0 && v < names.length) {
          counts[v]!++;
          coded++;
        } else other++;
      }
    if (coded === 0) return null;
    const order = names.map((_, i) => i).sort((a, b) => counts[b]! - counts[a]! || a - b);
    const present = order.filter((i) => counts[i]! > 0);
    return {
      kind: 'categories',
      params: { names },
      facts: {
        order: present.map((i) => names[i]!),
        absent: order.filter((i) => !counts[i]).map((i) => names[i]!),
      },
      cells: [],
      labels: present.map((i) => names[i]!),
      numbers: [
        count('coded', coded),
        count('other', other),
        ...present.flatMap((i, j) => [
          count(`n${j}`, counts[i]!),
          share(`s${j}`, counts[i]! / coded),
        ]),
      ],
      rule: 'the cells holding each category’s code (a whole number from 0), over the cells holding any; most first, ties in the order the categories are named',
      // The first thing to say of categorical data.
      score: 90,
    };
  },

  sentence(_w, c) {
    const parts = c.facts.order.map(
      (name, j) => `${code(name)} in ${t(c, `n${j}`)} (${t(c, `s${j}`)})`,
    );
    const absent = c.facts.absent.length
      ? ` ${listOf(c.facts.absent.map(code))} ${c.facts.absent.length === 1 ? 'holds' : 'hold'} no cell.`
      : '';
    const other = c.numbers.find((x) => x.name === 'other')!.value;
    const uncoded = other
      ? ` ${t(c, 'other')} ${other === 1 ? 'cell holds' : 'cells hold'} no category’s code.`
      : '';
    return `Of the ${t(c, 'coded')} cells with a category, by category: ${listOf(parts)}.${absent}${uncoded}`;
  },
};
