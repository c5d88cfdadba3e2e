import { count, num } from '../claims.ts';
import type { Detector } from '../detector.ts';
import { code } from '../view.ts';

/** Size, counts, range, mean and median over all finite cells. */
export const summary: Detector<'summary'> = {
  plan: ({ figure }) => [
    {
      titles: [figure.title, figure.xlabel, figure.ylabel].filter((x): x is string => !!x),
      facets: figure.facets ? [figure.facets.rows, figure.facets.cols] : null,
    },
  ],

  detect(ctx, p) {
    const { view } = ctx;
    const titles = ((p.titles as string[] | undefined) ?? []).filter((x) => typeof x === 'string');
    const fin = ctx.finite();
    const rows = view.grid.panels.reduce((s, p) => s + p.rows, 0);
    const total = rows * view.cols;
    const numbers = [
      count('rows', rows),
      count('cols', view.cols),
      count('panels', view.grid.panels.length),
      count('cells', total),
      count('finite', fin.count),
    ];
    // A grid of facets: its rows and columns of facets, and each facet's rows.
    const facets = Array.isArray(p.facets) ? (p.facets as [number, number]) : null;
    if (facets && view.grid.panels.length > 1)
      numbers.push(
        count('facetRows', facets[0]),
        count('facetCols', facets[1]),
        count('facetHeight', view.grid.panels[0]!.rows),
      );
    // Infinite cells hold values (drawn at the end colours); only NaN is missing.
    const inf = ctx.infinities();
    numbers.push(count('missing', total - fin.count - inf.pos - inf.neg));
    if (inf.pos + inf.neg > 0) numbers.push(count('infinite', inf.pos + inf.neg));
    if (fin.count) {
      numbers.push(
        num(ctx, 'min', fin.min),
        num(ctx, 'max', fin.max),
        num(ctx, 'mean', fin.sum / fin.count),
        num(ctx, 'median', ctx.median()),
      );
    }
    const red = view.grid.reduced;
    if (red) {
      numbers.push(
        count('origRows', red.rows),
        count('origCols', red.cols),
        count('blockRows', red.blockRows),
        count('blockCols', red.blockCols),
      );
      // The blocks' values are reductions; the data's own extremes travel with the reduction.
      if (red.summary && red.summary.finite > 0)
        numbers.push(num(ctx, 'dataMin', red.summary.min), num(ctx, 'dataMax', red.summary.max));
    }
    return {
      kind: 'summary',
      params: { titles, facets: facets && view.grid.panels.length > 1 ? facets : null },
      facts: { reduced: red?.how ?? null },
      cells: [],
      labels: titles,
      numbers,
      rule: 'counts over all cells; min, max, mean and median over the finite ones; dataMin and dataMax over every value of the grid before it was reduced',
      score: 0,
    };
  },

  /** The overview's first sentence: what the figure is, its shape, axes and range (its score of 0 keeps it out of the observations). */
  sentence(w, c) {
    const { figure, grid } = w;
    const num = (name: string) => c.numbers.find((x) => x.name === name);
    const rows = num('rows')!.text;
    const cols = num('cols')!.text;
    const title = figure.title ? `${code(figure.title)}: a` : 'A';
    const shape = num('facetRows')
      ? `${num('panels')!.text} facets in ${num('facetRows')!.text} ${num('facetRows')!.value === 1 ? 'row' : 'rows'} and ${num('facetCols')!.text} ${num('facetCols')!.value === 1 ? 'column' : 'columns'}, each of ${num('facetHeight')!.text} rows by ${cols} columns (${num('cells')!.text} cells in all)`
      : grid.panels.length > 1
        ? `${num('panels')!.text} panels of ${cols} columns (${rows} rows in all, ${num('cells')!.text} cells)`
        : `${rows} rows by ${cols} columns (${num('cells')!.text} cells)`;
    const inf = num('infinite');
    const infinite = inf
      ? `; ${inf.text} ${inf.value === 1 ? 'cell is' : 'cells are'} infinite`
      : '';
    const blockRange = figure.categories
      ? `the cells hold categories, named in the legend${infinite}`
      : num('min')
        ? `${inf ? 'finite ' : ''}values range from ${num('min')!.text} to ${num('max')!.text}, mean ${num('mean')!.text}${infinite}`
        : `no cell has a finite value${infinite}`;
    // A reduced grid: the data's own extremes first, then what the blocks show.
    const range = num('dataMin')
      ? `; the data range from ${num('dataMin')!.text} to ${num('dataMax')!.text}; the blocks' ${blockRange}`
      : `; ${blockRange}`;
    const axes = [
      figure.ylabel ? `rows are ${code(figure.ylabel)}` : '',
      figure.xlabel ? `columns are ${code(figure.xlabel)}` : '',
    ]
      .filter(Boolean)
      .join(', ');
    const red = grid.reduced;
    const reduced = red
      ? `, reduced from ${num('origRows')!.text} × ${num('origCols')!.text}: each cell is the ${red.how === 'absmax' ? 'value of largest magnitude' : red.how} of blocks of up to ${num('blockRows')!.text} × ${num('blockCols')!.text} cells`
      : '';
    return `${title} heatmap of ${shape}${reduced}${axes ? `; ${axes}` : ''}${range}.`;
  },
};
