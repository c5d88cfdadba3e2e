import { HeatfigError } from '../errors.ts';
import * as msg from '../messages.ts';
import type { OtherHeatmaps } from '../messages.ts';
import type { Reduction } from './reduce.ts';

/**
 * One stacked grid: `rows × cols` values, row-major, NaN = missing. Row labels are
 * positions, not keys: duplicates are separate rows.
 */
export interface Panel {
  readonly title: string | null;
  readonly rows: number;
  readonly rowLabels: readonly string[];
  readonly values: Float64Array;
  /**
   * Cells a figure hides (its mask), 1 per hidden cell, row-major; their values are NaN. Set
   * on the grid a description is about, so that hidden is told from missing.
   */
  readonly masked?: Uint8Array | null;
}

/**
 * The data model: one or more panels stacked vertically that share their columns (and so
 * the column labels, the colour scale and the colorbar). A plain matrix is one panel.
 */
export interface Grid {
  readonly cols: number;
  readonly colLabels: readonly string[];
  readonly panels: readonly Panel[];
  /** Set when each cell aggregates a block of a larger grid (see data/reduce.ts). */
  readonly reduced?: Reduction;
  /** The name of the row labels (a pandas index name), the y axis's default title. */
  readonly rowName?: string;
  /** The name of the column labels (pandas' column level names), the x axis's default title. */
  readonly colName?: string;
  /** What the reader decided that the user should know (which column became the labels). */
  readonly notes?: readonly string[];
  /** Where the values came from, in words, when an engine aggregated them or an image was read (the description says it). */
  readonly origin?: string;
  /** Values read from an image's pixels: the decimals they hold (the description writes no finer digit). */
  readonly readDecimals?: number;
  /**
   * Values read from numbers printed over the cells: a format that prints each as printed
   * (`.2f`, or `.2g` where some have fewer decimals than others); the description writes
   * values in it.
   */
  readonly readFormat?: string;
  /**
   * Values read from an image's pixels: how far each may be from the value drawn (half the
   * last printed digit for numbers read over the cells). Unless they are numbers printed
   * with fixed decimals (printedDecimals), the description counts a value within this of
   * the colour scale's centre as at it, and tests no trend on lines whose values, as read,
   * tie (the tie's true order is not known).
   */
  readonly readUncertainty?: number;
  /**
   * Values read from a logarithmic colorbar's colours, each good to this share of itself
   * (0.047: ±4.7%): the description writes each number to the place of its uncertainty's
   * first digit (util/share: 1200 beside 3.4), a mean as its values.
   */
  readonly readShare?: number;
  /**
   * Values read from numbers printed over the cells, each with exactly this many decimals
   * (a fixed format: `.2f`, `.1%`): they are the drawn values rounded so. The description is
   * of the values as printed, and checkClaims compares a grid that says so as printed (ties
   * as the print makes them: 0.8601 and 0.8598 both print 0.86).
   */
  readonly printedDecimals?: number;
  /**
   * Values read from an image: cells that print a missing value ("nan", pandas') in place of
   * a number, and how they print it. They have none; the description says so.
   */
  readonly printedMissing?: { readonly cells: number; readonly as: readonly string[] };
  /**
   * Labels read from an image that could not be read (their positions stand in for them):
   * the indices of such rows (the first panel's) and columns. The description says which.
   */
  readonly unreadLabels?: { readonly rows: readonly number[]; readonly cols: readonly number[] };
  /** Of unreadLabels, those not read because they run off the image's edge. */
  readonly cutLabels?: { readonly rows: readonly number[]; readonly cols: readonly number[] };
  /**
   * Rows and columns of an image with no label shown (the axis labels one in every few):
   * their positions stand in, as for unreadLabels, and the description says so apart.
   */
  readonly blankLabels?: { readonly rows: readonly number[]; readonly cols: readonly number[] };
  /**
   * The axes whose blank ones are numbered as the labels shown are instead (whole numbers on
   * one line through their places, every few: ggplot2's numeric axes, 2, 4, 6, 8 over 1 to 8).
   */
  readonly blankNumbered?: { readonly rows: boolean; readonly cols: boolean };
  /**
   * Values read from an image that shows no colorbar: its colour scale (colormap, range) is
   * not known, and the description says so rather than name the colormap it is drawn in anew.
   */
  readonly scaleUnread?: true;
  /**
   * Where an image read shows its labels and colorbar (the description says where the image
   * has them, not where heatfig would draw them): the rows' labels at the left or right, the
   * columns' below or above, the colorbar beside the grid or in a corner (seaborn's
   * clustermap: "top left"). Null where not found.
   */
  readonly readLayout?: {
    readonly rows: 'left' | 'right' | null;
    readonly cols: 'below' | 'top' | null;
    readonly colorbar: string | null;
  };
  /**
   * Read from an image (`source`) with no value read: no colorbar, or its tick labels not
   * read (`colorbar`: one was found), and no numbers printed over the cells. Its shape and
   * labels are the image's, its cells missing: drawn or described, it would show or say
   * colours and a scale the image does not have: every entry it is given to (render,
   * describeSpec, heatfig/node's renderSpec and describeFile) refuses it (pipeline's valuesRead).
   */
  readonly valuesUnread?: { readonly source: string; readonly colorbar: boolean };
  /**
   * Labels read from an image not clearly but given by the sequence the others are numbered in
   * (the indices, as unreadLabels'). The description says which.
   */
  readonly givenLabels?: { readonly rows: readonly number[]; readonly cols: readonly number[] };
  /**
   * An image's continuous axes (matplotlib's imshow, pcolormesh): the ticks read, where each
   * row's or column's label is its centre's coordinate on the line through them (null for an
   * axis of the cells' own labels). The description says so.
   */
  readonly coordinateAxes?: {
    readonly rows: readonly string[] | null;
    readonly cols: readonly string[] | null;
  };
  /** An image's other heatmaps than the one read: its place among them, and where they stand. */
  readonly otherHeatmaps?: OtherHeatmaps;
  /**
   * The leading dimensions of an array whose panels these are, in order: [P] for a 3-D array
   * (P panels), [A, B] for a 4-D one (panel a·B + b): the figure draws them as facets.
   */
  readonly arrayShape?: readonly number[];
  /** Long data split into facets by columns: their names and values (seaborn's row= and col=). */
  readonly facetLabels?: {
    readonly rowName?: string;
    readonly rows?: readonly string[];
    readonly colName?: string;
    readonly cols?: readonly string[];
  };
}

/** A cell value as JSON may hold it: a number, or null for missing. */
export type CellInput = number | null;

export interface MatrixInput {
  readonly values: readonly (readonly CellInput[])[];
  readonly rows?: readonly (string | number)[];
  readonly cols?: readonly (string | number)[];
}

/** `"0"`, `"1"`, …: the labels seaborn gives a matrix without an index. */
export function positionLabels(n: number): string[] {
  return Array.from({ length: n }, (_, i) => String(i));
}

/**
 * A panel from rows of numbers. Rows may be ragged: cells past a row's end are missing.
 * `where` is the JSON path of the values, for error messages.
 */
export function panelFromRows(
  input: MatrixInput,
  title: string | null,
  where: string,
): { panel: Panel; cols: number; colLabels: string[] | null } {
  const rowsIn = input.values;
  const cols = input.cols
    ? input.cols.length
    : rowsIn.reduce((m, r) => Math.max(m, Array.isArray(r) ? r.length : 0), 0);
  const values = new Float64Array(rowsIn.length * cols).fill(Number.NaN);
  rowsIn.forEach((row, r) => {
    if (!Array.isArray(row))
      throw new HeatfigError('bad-data', msg.rowNotArray(), `${where}[${r}]`);
    if (row.length > cols)
      throw new HeatfigError('bad-data', msg.raggedValues(r, row.length, cols), `${where}[${r}]`);
    row.forEach((v: unknown, c: number) => {
      if (v === null) return;
      if (typeof v !== 'number')
        throw new HeatfigError('bad-data', msg.notANumber(v), `${where}[${r}][${c}]`);
      values[r * cols + c] = v;
    });
  });
  const rowLabels = input.rows ? input.rows.map(String) : positionLabels(rowsIn.length);
  if (rowLabels.length !== rowsIn.length) {
    throw new HeatfigError(
      'bad-data',
      msg.labelCount('rows', rowLabels.length, rowsIn.length),
      where.replace(/\.values$/, '.rows'),
    );
  }
  return {
    panel: { title, rows: rowsIn.length, rowLabels, values },
    cols,
    colLabels: input.cols ? input.cols.map(String) : null,
  };
}

/** Stacks panels that share their columns into one Grid, checking that they agree. */
export function stackPanels(
  parts: readonly {
    panel: Panel;
    cols: number;
    colLabels: readonly string[] | null;
    reduced?: Reduction;
    /** The names, notes and array shape of the grid the panel was read from. */
    from?: Pick<Grid, 'rowName' | 'colName' | 'notes' | 'arrayShape' | 'facetLabels' | 'origin'>;
  }[],
  where: string,
): Grid {
  const first = parts[0];
  if (!first || first.cols === 0 || parts.every((p) => p.panel.rows === 0)) {
    throw new HeatfigError('empty-grid', msg.emptyGrid(), where);
  }
  parts.forEach((p, i) => {
    if (p.cols !== first.cols)
      throw new HeatfigError('bad-data', msg.panelColumns(i, p.cols, first.cols), `${where}[${i}]`);
  });
  const colLabels = parts.find((p) => p.colLabels)?.colLabels ?? positionLabels(first.cols);
  const reduced = parts.find((p) => p.reduced)?.reduced;
  const rowName = parts.find((p) => p.from?.rowName)?.from?.rowName;
  const colName = parts.find((p) => p.from?.colName)?.from?.colName;
  const notes = [...new Set(parts.flatMap((p) => p.from?.notes ?? []))];
  // The panels of one 3-D or 4-D array keep its shape (they are its facets); panels put
  // together from several sources are panels.
  const one = parts.every((p) => p.from === first.from);
  const arrayShape = one ? first.from?.arrayShape : undefined;
  const facetLabels = one ? first.from?.facetLabels : undefined;
  const origins = [...new Set(parts.flatMap((p) => (p.from?.origin ? [p.from.origin] : [])))];
  const origin = origins.join(' ');
  return {
    cols: first.cols,
    colLabels,
    panels: parts.map((p) => p.panel),
    ...(reduced ? { reduced } : {}),
    ...(rowName ? { rowName } : {}),
    ...(colName ? { colName } : {}),
    ...(notes.length ? { notes } : {}),
    ...(arrayShape ? { arrayShape } : {}),
    ...(facetLabels ? { facetLabels } : {}),
    ...(origin ? { origin } : {}),
  };
}

/** A one-panel Grid from a matrix (the simple case for library users). */
export function gridFromMatrix(
  input: MatrixInput | readonly (readonly CellInput[])[],
  where = '$.data',
): Grid {
  const m: MatrixInput = Array.isArray(input)
    ? { values: input as readonly (readonly CellInput[])[] }
    : (input as MatrixInput);
  return stackPanels([panelFromRows(m, null, `${where}.values`)], where);
}

/** Every value of every panel, in order (panel by panel, row-major). */
export function* allValues(grid: Grid): Generator<number> {
  for (const p of grid.panels) yield* p.values;
}

/**
 * The finite values of a grid, sorted ascending: masked cells left out (mask[panel][k] = 1)
 * and, with positiveOnly, values that are not above 0 (for a log scale).
 */
export function sortedFinite(
  grid: Grid,
  mask: readonly (Uint8Array | null | undefined)[] = [],
  positiveOnly = false,
): Float64Array {
  const out = new Float64Array(grid.panels.reduce((n, p) => n + p.values.length, 0));
  if (!positiveOnly && mask.every((m) => !m)) {
    // Nothing to leave out but NaN and the infinities: copied and sorted natively, with no
    // step per value in JavaScript. A typed array sorts NaN last and the infinities to the
    // ends, so the finite values are one run between.
    let at = 0;
    for (const p of grid.panels) {
      out.set(p.values, at);
      at += p.values.length;
    }
    out.sort();
    let lo = 0;
    while (lo < out.length && out[lo] === -Infinity) lo++;
    let hi = out.length;
    while (hi > lo && !(out[hi - 1]! < Infinity)) hi--;
    return out.subarray(lo, hi);
  }
  let n = 0;
  grid.panels.forEach((p, i) => {
    const m = mask[i];
    const v = p.values;
    for (let k = 0; k < v.length; k++) {
      const x = v[k]!;
      if (m?.[k] || x - x !== 0 || (positiveOnly && !(x > 0))) continue;
      out[n++] = x;
    }
  });
  return out.subarray(0, n).sort();
}
