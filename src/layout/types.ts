/** The layout's products: boxes in px for everything but the cells' colours, the contract with the scene. */
import type { AnnotationTexts } from './annotations.ts';
import type { Box, PlacedText } from './text.ts';

import type { ClusterRect } from './dendrogram.ts';

export type TextRole =
  | 'title'
  | 'xlabel'
  | 'ylabel'
  | 'xtick'
  | 'ytick'
  | 'panel-title'
  | 'cbar-tick'
  | 'cbar-label'
  | 'legend';

export interface LayoutText extends PlacedText {
  readonly role: TextRole;
  /** The panel a y tick label or panel title belongs to. */
  readonly panel?: number;
}

export interface Segment {
  readonly x1: number;
  readonly y1: number;
  readonly x2: number;
  readonly y2: number;
}

/** One panel's cell area: `rows × cols` cells of `cw × ch` px from (x, y). */
export interface PanelBox {
  readonly x: number;
  readonly y: number;
  readonly cw: number;
  readonly ch: number;
  readonly rows: number;
  readonly cols: number;
}

export interface ColorbarLayout {
  /** The gradient's box (without extend triangles). */
  readonly bar: Box;
  /** Triangles (three points each) beyond the low and high ends, when extended. */
  readonly extendMin: readonly [number, number][] | null;
  readonly extendMax: readonly [number, number][] | null;
  /** The outline around the bar and its triangles. */
  readonly outline: readonly [number, number][];
  /** Each tick's value and where it sits along the bar (y; x when the bar lies horizontal). */
  readonly ticks: readonly { readonly value: number; readonly y: number }[];
  /** Lying along the top or bottom of the grid: its ticks' `y` is then their x. */
  readonly horizontal?: true;
  /** Categorical data: the legend's swatches, one per category code (`value`), in order. */
  readonly swatches?: readonly (Box & { readonly value: number })[];
}

/** The marginals' boxes (a column right of the grid, a row under it, their corner) and texts. */
export interface Marginals {
  readonly column: Box;
  readonly row: Box;
  readonly corner: Box;
  /** Font size of their texts. */
  readonly size: number;
  /** Each row's, each column's and the corner's text, and the aggregate's name ("sum"). */
  readonly rows: readonly string[];
  readonly cols: readonly string[];
  readonly total: string;
  readonly label: string;
}

/** Boxes in px for everything but the cells' colours: the contract with the scene. */
export interface Layout {
  readonly width: number;
  readonly height: number;
  readonly panels: readonly PanelBox[];
  readonly texts: readonly LayoutText[];
  readonly tickMarks: readonly Segment[];
  /** The dendrograms' lines (spec cluster); empty for none. */
  readonly dendrograms: readonly Segment[];
  /** The clustering's bars of category colours and legend swatches; empty for none. */
  readonly clusterRects: readonly ClusterRect[];
  /** Font size of annotations, or null when there are none. */
  readonly annotSize: number | null;
  /** The annotations' texts, formatted once (null when there are none). */
  readonly annotations: AnnotationTexts | null;
  /** The cells are drawn as one image per panel rather than a rect per cell. */
  readonly raster: boolean;
  readonly colorbar: ColorbarLayout | null;
  /** Facets with scales of their own: each panel's colorbar, in panel order (colorbar is then null). */
  readonly panelColorbars: readonly (ColorbarLayout | null)[] | null;
  /** Totals (or means) beside the grid (spec marginals), or null. */
  readonly marginals: Marginals | null;
}

/** Font sizes of tick labels, axis titles and the figure title. */
export interface Sizes {
  readonly tick: number;
  readonly label: number;
  readonly title: number;
}

/** What a component adds to the figure: its texts and tick marks, in drawing order. */
export interface Parts {
  readonly texts: LayoutText[];
  readonly tickMarks: Segment[];
}

/**
 * The cells' boxes and everything around them but the colorbar and title (stacked panels, or
 * a grid of facets), in grid coordinates: what compose places the rest beside.
 */
export interface AxesParts extends Parts {
  readonly panels: PanelBox[];
  readonly width: number;
  readonly height: number;
  /** Facets with scales of their own: each one's colorbar. */
  readonly colorbars: (ColorbarLayout | null)[] | null;
  readonly marginals: Marginals | null;
}

/** Everything placed in grid coordinates (the top-left cell corner at 0, 0), before it is moved onto the canvas. */
export interface Draft {
  readonly panels: PanelBox[];
  readonly texts: LayoutText[];
  readonly tickMarks: Segment[];
  readonly dendrograms: readonly Segment[];
  readonly clusterRects: readonly ClusterRect[];
  readonly annotSize: number | null;
  readonly colorbar: ColorbarLayout | null;
  readonly panelColorbars: readonly (ColorbarLayout | null)[] | null;
  readonly marginals: Marginals | null;
  readonly bounds: Box;
  readonly stackHeight: number;
  /** Cells across and down the whole drawing (every facet's, or every stacked panel's): what a given figure size divides among. */
  readonly cellsWide: number;
  readonly cellsHigh: number;
}
