import { type ClaimNumber, count, cellNum } from '../claims.ts';
import type { Detector } from '../detector.ts';
import { alignedPanel, eachAlignedPanel } from '../scan.ts';
import { type CellKey, code } from '../view.ts';
import { cell, listOf, t, v } from '../words.ts';

/** Square panel with the same labels on both axes: diagonal cell i holds if a_ii ≥ every other finite cell of its row and column. */
export const diagonalMax: Detector<'diagonal_max'> = {
  plan: eachAlignedPanel,

  detect(ctx, p) {
    const { view } = ctx;
    const at = alignedPanel(ctx, p);
    if (!at) return null;
    const { panel, n, vals } = at;
    const exceptions: { cell: CellKey; by: CellKey }[] = [];
    const numbers: ClaimNumber[] = [];
    let held = 0;
    let counted = 0;
    for (let i = 0; i < n; i++) {
      const d = vals[i * n + i]!;
      if (d - d !== 0) continue;
      counted++;
      // The largest cell above d in row i or column i (the first found on ties), if any.
      let beatR = -1;
      let beatC = -1;
      let beatV = d;
      for (let k = 0; k < n; k++) {
        if (k === i) continue;
        const inRow = vals[i * n + k]!;
        if (inRow > beatV && inRow - inRow === 0) {
          beatR = i;
          beatC = k;
          beatV = inRow;
        }
        const inCol = vals[k * n + i]!;
        if (inCol > beatV && inCol - inCol === 0) {
          beatR = k;
          beatC = i;
          beatV = inCol;
        }
      }
      if (beatR < 0) held++;
      else {
        exceptions.push({
          cell: view.cellKey(panel, i, i),
          by: view.cellKey(panel, beatR, beatC),
        });
        numbers.push(
          cellNum(ctx, `diag${exceptions.length}`, d, view.cellKey(panel, i, i)),
          cellNum(ctx, `by${exceptions.length}`, beatV, view.cellKey(panel, beatR, beatC)),
        );
      }
    }
    if (counted < 2) return null;
    numbers.unshift(
      count('held', held),
      count('n', counted),
      count('exceptions', exceptions.length),
    );
    const labels = [...new Set(exceptions.flatMap((e) => [e.cell.row, e.by.row, e.by.col]))];
    return {
      kind: 'diagonal_max',
      params: { panel },
      facts: { all: held === counted, exceptions },
      cells: exceptions.map((e) => e.cell),
      labels,
      numbers,
      rule: 'a diagonal cell holds if no other cell of its row or column is larger',
      // The diagonal is the figure's story when at least a third of it holds; on noise, about
      // 1 in 2n − 1 diagonal cells does, and its exceptions are no story.
      // One panel of many (a grid of facets) is one finding among many: it ranks below the comparison of the panels.
      score: view.grid.panels.length > 2 ? 30 : held * 3 >= counted ? 100 : 30,
    };
  },

  sentence(w, c) {
    const ex = c.facts.exceptions as { cell: CellKey; by: CellKey }[];
    // With several panels, the sentence says which one it is about.
    const title = w.grid.panels[c.params.panel]?.title;
    const within = w.grid.panels.length > 1 && title ? `In ${code(title)}, ` : '';
    const lower = (s: string) => (within ? s.charAt(0).toLowerCase() + s.slice(1) : s);
    if (c.facts.all)
      return `${within}${lower('Every')} diagonal cell is the largest of its row and column (${t(c, 'held')} of ${t(c, 'n')}).`;
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
    return `${within}${lower(lead)}; ${ex.length > 4 ? 'exceptions include' : 'the exceptions are'} ${listOf(parts, ex.length)}.`;
  },

  interpret: (c) =>
    c.facts.all
      ? 'If rows and columns name the same categories, each category scores highest against itself.'
      : 'If rows and columns name the same categories, matching categories do not always score highest; the exceptions above are where another pairing scores higher.',
};
