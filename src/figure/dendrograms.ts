/**
 * What a clustered figure carries (issue 18): the trees and colour bars drawn beside its
 * grid, as data, and where its row labels go. Types and a predicate only: the layout and the
 * view read these without loading the clustering itself (figure/cluster.ts).
 */
import type { AxisTree } from '../cluster/cluster.ts';
import type { Metric } from '../cluster/distance.ts';
import type { Method } from '../cluster/linkage.ts';

/** A bar of category colours beside the rows or columns (seaborn's row_colors, col_colors). */
export interface ColorBar {
  readonly name: string | null;
  /** Each line's colour (hex), in the drawn order. */
  readonly colors: readonly string[];
  /** Each category and its colour, in order of first appearance in the data. */
  readonly legend: readonly { readonly label: string; readonly color: string }[];
}

/** The trees drawn beside the grid, in its new order, and how they were made. */
export interface Dendrograms {
  /** Bars of category colours beside the rows and above the columns. */
  readonly rowBars: readonly ColorBar[];
  readonly colBars: readonly ColorBar[];
  readonly rows: AxisTree | null;
  readonly cols: AxisTree | null;
  /** The share of the figure's width (height) a dendrogram takes (seaborn's dendrogram_ratio). */
  readonly ratio: number;
  readonly method: Method;
  readonly metric: Metric | 'precomputed';
  /** The leaves shown (a zoomed view's window, end exclusive); absent: all of them. */
  readonly window?: {
    readonly r0: number;
    readonly r1: number;
    readonly c0: number;
    readonly c1: number;
  };
}

/**
 * Row labels at the right of the grid: a figure whose rows are clustered has its dendrogram
 * at the left, against the rows, as seaborn's clustermap (unless marginals take the right).
 */
export const rowLabelsRight = (fig: {
  readonly dendrograms?: Dendrograms | null;
  readonly marginals?: unknown;
  readonly facets?: unknown;
}): boolean =>
  !!fig.dendrograms?.rows && fig.dendrograms.ratio > 0 && !fig.marginals && !fig.facets;
