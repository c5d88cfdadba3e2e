import { cellNum, count, MAX_LISTED_CELLS, share } from '../claims.ts';
import { sameValue } from '../stats.ts';
import type { Detector } from '../detector.ts';
import { cellsWhere, explainedScore, explainedShare, totalVariation } from '../scan.ts';
import type { CellKey } from '../view.ts';
import { cell, LIST_CAP, listOf, t, v } from '../words.ts';
import { makeFormatter } from '../../format/number.ts';

/** The largest (or smallest) finite value and every cell that holds exactly it; the runner-up when it shows as the same text. */
export const extreme: Detector<'extreme'> = {
  plan: ({ figure }) => [
    { which: 'max', fmt: figure.annot?.fmt ?? null },
    { which: 'min', fmt: figure.annot?.fmt ?? null },
  ],

  detect(ctx, p) {
    const which = p.which === 'min' ? 'min' : 'max';
    // The runner-up is named when it shows as the same text, so the format is a parameter.
    const fmt = typeof p.fmt === 'string' ? p.fmt : null;
    const show = fmt ? makeFormatter(fmt) : ctx.show;
    const sorted = ctx.sorted();
    // An infinite cell is the extreme: +inf the maximum, -inf the minimum.
    const inf = ctx.infinities();
    const infinite = which === 'max' ? inf.pos : inf.neg;
    if (infinite > 0) {
      const value = which === 'max' ? Infinity : -Infinity;
      const at = cellsWhere(ctx.view, (v) => v === value, MAX_LISTED_CELLS, true).map(
        ([pp, r, c]) => ctx.view.cellKey(pp, r, c),
      );
      return {
        kind: 'extreme',
        params: { which, fmt },
        facts: { at },
        cells: at,
        labels: [...new Set(at.flatMap((k) => [k.row, k.col]))],
        numbers: [cellNum(ctx, 'value', value, at[0]!), count('cells', infinite)],
        rule: `the ${which === 'max' ? 'largest' : 'smallest'} value: ${value} in every cell listed (the first ${MAX_LISTED_CELLS})`,
        score: which === 'max' ? 80 : 79,
      };
    }
    if (sorted.length === 0) return null;
    const best = which === 'max' ? sorted[sorted.length - 1]! : sorted[0]!;
    // Values equal at the data's precision are one value (see sameValue): its run at the end
    // of the sorted values is every cell that holds it; the next value is the runner-up.
    let cells = 0;
    if (which === 'max')
      for (let i = sorted.length - 1; i >= 0 && sameValue(sorted[i]!, best); i--) cells++;
    else for (let i = 0; i < sorted.length && sameValue(sorted[i]!, best); i++) cells++;
    const second =
      cells < sorted.length
        ? which === 'max'
          ? sorted[sorted.length - 1 - cells]!
          : sorted[cells]!
        : Number.NaN;
    const keysOf = (x: number) =>
      cellsWhere(ctx.view, (v) => sameValue(v, x), MAX_LISTED_CELLS).map(([pp, r, c]) =>
        ctx.view.cellKey(pp, r, c),
      );
    const at = keysOf(best);
    // What the extreme cells account for: their squared distance from the mean, as a share of the grid's.
    const explained = explainedShare(ctx, cells * (best - totalVariation(ctx).mean) ** 2);
    const numbers = [
      cellNum(ctx, 'value', best, at[0]!),
      count('cells', cells),
      share('explained', explained),
    ];
    const facts: { at: readonly CellKey[]; runnerUp?: readonly CellKey[] } = { at };
    if (!Number.isNaN(second) && show(second) === show(best)) {
      facts.runnerUp = keysOf(second);
      let runnerUpCells = 0;
      for (let i = 0; i < sorted.length; i++) if (sameValue(sorted[i]!, second)) runnerUpCells++;
      // Both as the data holds them (the shortest decimal that reads back as the value).
      numbers.push(
        { name: 'full', value: best, text: String(best) },
        { name: 'runnerUp', value: second, text: String(second) },
        count('runnerUpCells', runnerUpCells),
      );
    }
    const labels = [...new Set([...at, ...(facts.runnerUp ?? [])].flatMap((k) => [k.row, k.col]))];
    return {
      kind: 'extreme',
      params: { which, fmt },
      facts,
      // The runner-up's cells are named too (with their panels' titles).
      cells: [...at, ...(facts.runnerUp ?? [])],
      labels,
      numbers,
      rule: `the ${which === 'max' ? 'largest' : 'smallest'} finite value, with every cell that equals it to 12 significant digits (the first ${MAX_LISTED_CELLS} listed)`,
      score: explainedScore(explained) - (which === 'max' ? 0 : 0.01),
    };
  },

  sentence(w, c) {
    // On a reduced grid the cells are blocks, and the sentence says so.
    const max = c.params.which === 'max';
    const which = w.grid.reduced
      ? `${max ? 'largest' : 'smallest'} block value`
      : max
        ? 'maximum'
        : 'minimum';
    const at = c.facts.at as CellKey[];
    const runner = c.facts.runnerUp as CellKey[] | undefined;
    const ties = v(c, 'cells');
    let s =
      ties === 1
        ? `The ${which} is ${t(c, 'value')}, at ${cell(w, at[0]!)}`
        : ties <= LIST_CAP
          ? `The ${which}, ${t(c, 'value')}, is in ${t(c, 'cells')} cells: ${listOf(at.map((k) => cell(w, k)))}`
          : `The ${which}, ${t(c, 'value')}, is in ${t(c, 'cells')} cells`;
    if (runner)
      s += `; it is ${t(c, 'full')}, and the runner-up, ${t(c, 'runnerUp')} at ${listOf(
        runner.map((k) => cell(w, k)),
        v(c, 'runnerUpCells'),
      )}, shows as the same text`;
    return `${s}.`;
  },
};
