import { type Ctx, cellNum, count, MAX_LISTED_CELLS, share } from '../claims.ts';
import { sameValue, VALUE_TIE } from '../stats.ts';
import type { Detector } from '../detector.ts';
import { cellsWhere, explainedScore, explainedShare, totalVariation } from '../scan.ts';
import type { CellKey } from '../view.ts';
import { cell, LIST_CAP, listOf, t, v } from '../words.ts';
import { makeFormatter } from '../../format/number.ts';

/**
 * In one pass over the finite cells: how many hold `best` (equal at the data's precision, see
 * sameValue), the first MAX_LISTED_CELLS of them (panel, row-major index) in order, and the
 * runner-up, the most extreme value that is not it (NaN when there is none). Only a value
 * within a hair of `best` (|x − best| ≤ 1.01e-12 |best|, which sameValue's tolerance implies)
 * is compared in full.
 */
function extremeCells(
  ctx: Ctx,
  which: 'max' | 'min',
  best: number,
): { cells: number; at: [number, number][]; second: number } {
  const window = 1.01 * VALUE_TIE * Math.abs(best);
  const at: [number, number][] = [];
  let cells = 0;
  let second = Number.NaN;
  const panels = ctx.view.grid.panels;
  for (let pp = 0; pp < panels.length; pp++) {
    const v = panels[pp]!.values;
    for (let k = 0; k < v.length; k++) {
      const x = v[k]!;
      // Finite: x − x is 0 only for finite numbers.
      if (x - x !== 0) continue;
      const d = x - best;
      if (d <= window && d >= -window && sameValue(x, best)) {
        cells++;
        if (at.length < MAX_LISTED_CELLS) at.push([pp, k]);
      } else if (second !== second || (which === 'max' ? x > second : x < second)) second = x;
    }
  }
  return { cells, at, second };
}

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
    const fin = ctx.finite();
    if (fin.count === 0) return null;
    const best = which === 'max' ? fin.max : fin.min;
    const { cells, at: first, second } = extremeCells(ctx, which, best);
    const at = first.map(([pp, k]) =>
      ctx.view.cellKey(pp, (k / ctx.view.cols) | 0, k % ctx.view.cols),
    );
    const keysOf = (x: number) =>
      cellsWhere(ctx.view, (v) => sameValue(v, x), MAX_LISTED_CELLS).map(([pp, r, c]) =>
        ctx.view.cellKey(pp, r, c),
      );
    // What the extreme cells account for: their squared distance from the mean, as a share of the grid's.
    const explained = explainedShare(ctx, cells * (best - totalVariation(ctx).mean) ** 2);
    const numbers = [
      cellNum(ctx, 'value', best, at[0]!),
      count('cells', cells),
      share('explained', explained),
    ];
    const facts: { at: readonly CellKey[]; runnerUp?: readonly CellKey[] } = { at };
    // Values read from an image hold no digit finer than was read: the two are not told apart.
    const exact = ctx.view.grid.readUncertainty === undefined;
    if (exact && !Number.isNaN(second) && show(second) === show(best)) {
      facts.runnerUp = keysOf(second);
      let runnerUpCells = 0;
      for (const panel of ctx.view.grid.panels)
        for (let k = 0; k < panel.values.length; k++)
          if (sameValue(panel.values[k]!, second)) runnerUpCells++;
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
    // Values read from an image's colours tie where the colours do (the colour step is the
    // reading's, not the data's): the cells are said to read alike, not to hold one value.
    const g = w.grid;
    const colours =
      g.readDecimals !== undefined && g.readFormat === undefined && g.printedDecimals === undefined;
    const isIn = colours ? 'is read in' : 'is in';
    const alike = colours ? ', whose colours are alike' : '';
    let s =
      ties === 1
        ? `The ${which} is ${t(c, 'value')}, at ${cell(w, at[0]!)}`
        : ties <= LIST_CAP
          ? `The ${which}, ${t(c, 'value')}, ${isIn} ${t(c, 'cells')} cells${alike}: ${listOf(at.map((k) => cell(w, k)))}`
          : `The ${which}, ${t(c, 'value')}, ${isIn} ${t(c, 'cells')} cells${alike}`;
    if (runner)
      s += `; it is ${t(c, 'full')}, and the runner-up, ${t(c, 'runnerUp')} at ${listOf(
        runner.map((k) => cell(w, k)),
        v(c, 'runnerUpCells'),
      )}, shows as the same text`;
    return `${s}.`;
  },
};
