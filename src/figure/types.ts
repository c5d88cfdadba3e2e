import type { Colormap } from '../color/colormap.ts';
import type { NormSpec } from '../color/norm.ts';
import type { Grid } from '../data/grid.ts';
import type { Reduce } from '../data/reduce.ts';
import type { ValueSummary } from '../data/summary.ts';
import type { Dendrograms } from './dendrograms.ts';
import type { Transform } from './transform.ts';

/** How a row or column of labels shows: all of them, none, every nth, or thinned to fit. */
export type TickMode = 'auto' | 'all' | 'none' | { readonly every: number };

export interface TickLabels {
  /** One label per position. */
  readonly labels: readonly string[];
  readonly mode: TickMode;
}

export type Extend = 'neither' | 'min' | 'max' | 'both';

/** A panel's colour scale: what cells are coloured by and its colorbar shows. */
export interface PanelScale {
  readonly norm: NormSpec;
  readonly cmap: Colormap;
  readonly colorbar: Figure['colorbar'];
}

/** The colour scale of panel `i`: its own (independent facets), else the figure's. */
export const scaleOf = (fig: Figure, i: number): PanelScale =>
  fig.panelScales?.[i] ?? { norm: fig.norm, cmap: fig.cmap, colorbar: fig.colorbar };

/**
 * The resolved figure: every default filled, every scale chosen. Nothing after resolve looks
 * at the user's spec. Sizes are px.
 */
export interface Figure {
  readonly grid: Grid;
  readonly title: string | null;
  readonly xlabel: string | null;
  readonly ylabel: string | null;
  readonly xticks: TickLabels;
  /** One per panel. */
  readonly yticks: readonly TickLabels[];
  readonly xaxis: 'bottom' | 'top';
  readonly xrotation: 'auto' | number;
  readonly cmap: Colormap;
  readonly norm: NormSpec;
  /** The number format of values (annotations, the HTML view's hover), Python's mini-language. */
  readonly fmt: string;
  /**
   * Cell text, or null for none: the number format of values, the size, the text of each
   * cell when it is not its value (per panel, row-major, null for none; see figure/annot.ts),
   * and its colour (null: black or white by contrast with each cell).
   */
  readonly annot: {
    readonly fmt: string;
    readonly size: number | null;
    readonly cells?: readonly (readonly (string | null)[])[] | null;
    /** The template the cells' texts were made from, when they were (for the description). */
    readonly template?: string | null;
    readonly color?: string | null;
    /** Every cell's text in the bold face (annotKws.weight "bold"). */
    readonly bold?: boolean;
  } | null;
  /** The rows' and columns' trees (spec cluster), drawn beside the grid; null or absent for none. */
  readonly dendrograms?: Dendrograms | null;
  /** Cells outlined as best (spec highlight), per panel, 1 each; null for none. */
  readonly highlight?: readonly Uint8Array[] | null;
  /** An extra column and row of each row's and column's sum or mean (of the raw values), or null. */
  readonly marginals?: 'sum' | 'mean' | null;
  /** The transform applied to the values before the colour scale (figure/transform.ts), or null. */
  readonly transform?: Transform | null;
  /** The values before it, per panel (for the view's hover), when there is one. */
  readonly raw?: readonly Float64Array[] | null;
  /** Categorical data: the name of each code (0, 1, …), drawn as a legend; null for numbers. */
  readonly categories?: readonly string[] | null;
  /** Which cells `highlight` marks. */
  readonly highlightOf?: 'row-max' | 'col-max' | 'max' | 'min' | null;
  readonly colorbar: {
    readonly label: string | null;
    /** Given tick values, a step, or null to choose round numbers for the length. */
    readonly ticks: readonly number[] | { readonly step: number } | null;
    /** Tick label format; null to choose one that shows the ticks exactly. */
    readonly format: string | null;
    readonly percent: boolean;
    readonly extend: Extend;
    /** Where it goes: upright right or left of the grid, lying along it at the top or bottom. */
    readonly location?: 'right' | 'left' | 'top' | 'bottom';
    /** Its length as a fraction of the grid's side (1: all of it). */
    readonly shrink?: number;
    /** Lines between its colours. */
    readonly drawedges?: boolean;
  } | null;
  /**
   * Facets with colour scales of their own (facet.scale "independent"): each panel's norm,
   * colormap (recentred about its own centre) and colorbar, in panel order; null: the
   * figure's one scale (see scaleOf).
   */
  readonly panelScales: readonly PanelScale[] | null;
  /** Per panel, 1 for a hidden cell; null when nothing is masked. */
  readonly mask: readonly (Uint8Array | null)[];
  readonly cellLines: { readonly width: number; readonly color: string } | null;
  readonly separators: {
    readonly rows: readonly number[];
    readonly cols: readonly number[];
    readonly color: string;
    readonly width: number;
  } | null;
  readonly size: {
    readonly width: number | null;
    readonly height: number | null;
    readonly cellWidth: number | null;
    readonly cellHeight: number | null;
    readonly square: boolean;
  };
  readonly fontSize: number;
  readonly background: string;
  /** The colour of masked cells (spec maskColor, distinct from missing), or null: not drawn. */
  readonly maskColor?: string | null;
  /** Masked cells hatched with diagonal lines (spec maskHatch). */
  readonly maskHatch?: boolean;
  /** The PNG resolution asked for (spec dpi), or null: the scale decides. */
  readonly dpi?: number | null;
  readonly panelGap: number;
  /**
   * The panels as a grid of facets, row by row (panel i at facet row ⌊i / cols⌋, column
   * i mod cols), sharing the axes and the colour scale; null: stacked in one column.
   */
  readonly facets: {
    readonly rows: number;
    readonly cols: number;
    /**
     * Facets that cross two variables (a 4-D array's rows × columns) are titled in the
     * margins, as seaborn's margin_titles: each column's title over the top row, each row's
     * at the right of the last column. null: each facet titled above itself.
     */
    readonly margins: { readonly rows: readonly string[]; readonly cols: readonly string[] } | null;
    /** Tick labels on the outer facets only (seaborn's sharex/sharey, default true), or on every facet. */
    readonly sharex: boolean;
    readonly sharey: boolean;
  } | null;
  /** Cells as one image: always, never, or decided by the layout from their number and size. */
  readonly raster: 'auto' | 'always' | 'never';
  /** How blocks of cells were (or would be) reduced for a raster. */
  readonly reduce: Reduce;
  /** Facts about all of the data (before any reduction) that later stages report. */
  readonly stats: ValueSummary;
}
