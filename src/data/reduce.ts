import type { Grid, Panel } from './grid.ts';
import { summarize, type ValueSummary } from './summary.ts';

/** How a block of cells becomes one: mean (default), max, min, or the value of largest magnitude (sign kept). */
export type Reduce = 'mean' | 'max' | 'min' | 'absmax';

/** What a reduced grid was reduced from. */
export interface Reduction {
  readonly how: Reduce;
  /** Size of the original grid (per panel). */
  readonly rows: number;
  readonly cols: number;
  /** Largest block, in original cells. */
  readonly blockRows: number;
  readonly blockCols: number;
  /** All of the original values, summarised: the colour range comes from these, not from the blocks. */
  readonly summary?: ValueSummary;
  /** The robust range (seaborn's 2nd and 98th percentiles) of the original values, when it was asked for while streaming; `log`: of the positive values. */
  readonly robust?: { readonly lo: number; readonly hi: number; readonly log: boolean };
}

/** Block edges: block i covers [edges[i], edges[i + 1]) of n cells split into `out` blocks. */
export function binEdges(n: number, out: number): Int32Array {
  const e = new Int32Array(out + 1);
  for (let i = 0; i <= out; i++) e[i] = Math.floor((i * n) / out);
  return e;
}

/** The block that position x falls in, given block edges (binary search). */
function blockOf(edges: Int32Array, x: number): number {
  let lo = 0;
  let hi = edges.length - 2;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (edges[mid]! <= x) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/**
 * Reduces a rows × cols matrix to outRows × outCols blocks as values arrive, a row block (C
 * order) or a column block (Fortran order) at a time, so a file can stream through it in
 * bounded memory. NaN-aware: missing cells are skipped; a block with no finite value is NaN.
 */
export class BlockReducer {
  readonly rows: number;
  readonly cols: number;
  readonly outRows: number;
  readonly outCols: number;
  readonly how: Reduce;
  // Block edges only (outRows + 1 and outCols + 1 numbers): a map from every cell to its
  // block would take 4 bytes per row or column, 400 MB for a 1-D array of 10⁸ values.
  readonly #rowEdges: Int32Array;
  readonly #colEdges: Int32Array;
  readonly #acc: Float64Array;
  readonly #count: Uint32Array;

  constructor(rows: number, cols: number, outRows: number, outCols: number, how: Reduce) {
    this.rows = rows;
    this.cols = cols;
    this.outRows = outRows;
    this.outCols = outCols;
    this.how = how;
    this.#rowEdges = binEdges(rows, outRows);
    this.#colEdges = binEdges(cols, outCols);
    this.#acc = new Float64Array(outRows * outCols).fill(
      how === 'max' ? -Infinity : how === 'min' ? Infinity : 0,
    );
    this.#count = new Uint32Array(outRows * outCols);
  }

  /**
   * Adds `n` consecutive runs of `len` values from `src` (starting at `offset`): runs are rows
   * from row `first` when `byRow`, else columns from column `first`.
   */
  add(src: ArrayLike<number>, offset: number, first: number, n: number, byRow: boolean): void {
    const len = byRow ? this.cols : this.rows;
    if (this.how === 'mean' && byRow) {
      this.#addMeanRows(src, offset, first, n);
      return;
    }
    for (let k = 0; k < n; k++) this.addSegment(src, offset + k * len, first + k, 0, len, byRow);
  }

  /** Whole rows by mean, the common case of a large file: each block's run summed in a register. */
  #addMeanRows(src: ArrayLike<number>, offset: number, first: number, n: number): void {
    const acc = this.#acc;
    const count = this.#count;
    const oc = this.outCols;
    const len = this.cols;
    const edges = this.#colEdges;
    const rowEdges = this.#rowEdges;
    let outer = blockOf(rowEdges, first);
    for (let k = 0; k < n; k++) {
      while (rowEdges[outer + 1]! <= first + k) outer++;
      const base = offset + k * len;
      const rowOff = outer * oc;
      for (let j = 0; j < oc; j++) {
        const start = base + edges[j]!;
        const end = base + edges[j + 1]!;
        // Summed without a test per value; a NaN poisons the sum, and only then is the run
        // summed again, skipping it.
        let sum = 0;
        for (let i = start; i < end; i++) sum += src[i]!;
        let m = end - start;
        if (sum !== sum) {
          sum = 0;
          m = 0;
          for (let i = start; i < end; i++) {
            const v = src[i]!;
            if (v === v) {
              sum += v;
              m++;
            }
          }
        }
        acc[rowOff + j]! += sum;
        count[rowOff + j]! += m;
      }
    }
  }

  /**
   * Adds `len` values of row `line` (byRow) or column `line`, from position `start` along it:
   * a whole run, or part of one too long to read at once (a 1-D array of 10⁸ values). The
   * values of each block of the run are reduced in a register and written once.
   */
  addSegment(
    src: ArrayLike<number>,
    offset: number,
    line: number,
    start: number,
    len: number,
    byRow: boolean,
  ): void {
    const oc = this.outCols;
    const outer = blockOf(byRow ? this.#rowEdges : this.#colEdges, line);
    const edges = byRow ? this.#colEdges : this.#rowEdges;
    const step = byRow ? 1 : oc;
    const rowOff = byRow ? outer * oc : outer;
    const acc = this.#acc;
    const count = this.#count;
    const how = this.how;
    let j = blockOf(edges, start);
    let i = 0;
    while (i < len) {
      // Values i … end of the run fall in block j.
      const end = Math.min(len, edges[j + 1]! - start);
      const cell = rowOff + j * step;
      let n = 0;
      if (how === 'mean') {
        // Summed without a test per value; a NaN poisons the sum, and only then is the run
        // summed again, skipping it.
        let sum = 0;
        for (let q = offset + i; q < offset + end; q++) sum += src[q]!;
        n = end - i;
        if (sum !== sum) {
          sum = 0;
          n = 0;
          for (let q = offset + i; q < offset + end; q++) {
            const v = src[q]!;
            if (v === v) {
              sum += v;
              n++;
            }
          }
        }
        acc[cell]! += sum;
      } else {
        let m = acc[cell]!;
        let first = count[cell] === 0;
        for (let q = offset + i; q < offset + end; q++) {
          const v = src[q]!;
          if (v !== v) continue;
          n++;
          if (how === 'max') {
            if (v > m) m = v;
          } else if (how === 'min') {
            if (v < m) m = v;
          } else if (first || Math.abs(v) > Math.abs(m)) m = v;
          first = false;
        }
        acc[cell] = m;
      }
      count[cell]! += n;
      i = end;
      j++;
    }
  }

  /** The reduced values, row-major. */
  result(): Float64Array {
    const out = new Float64Array(this.#acc.length);
    for (let i = 0; i < out.length; i++) {
      const n = this.#count[i]!;
      out[i] = n === 0 ? Number.NaN : this.how === 'mean' ? this.#acc[i]! / n : this.#acc[i]!;
    }
    return out;
  }

  /** How many values each block took in (its finite ones, for a mean), row-major. */
  counts(): Uint32Array {
    return this.#count.slice();
  }

  /** Labels of the reduced axis: the label of each block's first cell. */
  static blockLabels(labels: readonly string[], out: number): string[] {
    const e = binEdges(labels.length, out);
    return Array.from({ length: out }, (_, i) => labels[e[i]!]!);
  }

  /** The same for an axis labelled by position (0, 1, …, n − 1), without making n labels. */
  static blockPositions(n: number, out: number): string[] {
    const e = binEdges(n, out);
    return Array.from({ length: out }, (_, i) => String(e[i]!));
  }
}

/** The reduction record for a grid reduced from rows × cols to outRows × outCols. */
export function reductionOf(
  rows: number,
  cols: number,
  outRows: number,
  outCols: number,
  how: Reduce,
): Reduction {
  return {
    how,
    rows,
    cols,
    blockRows: Math.ceil(rows / outRows),
    blockCols: Math.ceil(cols / outCols),
  };
}

/** A grid with rows and columns divided by `factor` (rounded up), each cell reducing its block `how`. */
export function reduceGrid(grid: Grid, factor: number, how: Reduce): Grid {
  if (factor <= 1) return grid;
  const maxRows = grid.panels.reduce((m, p) => Math.max(m, p.rows), 0);
  return reduceGridTo(
    grid,
    Math.max(1, Math.ceil(maxRows / factor)),
    Math.max(1, Math.ceil(grid.cols / factor)),
    how,
  );
}

/**
 * A grid reduced to at most outRows × outCols cells per panel, each axis on its own (a tall
 * array keeps its columns), each cell reducing its block `how`. The reduction record carries
 * the summary of all the original values. A grid already that small comes back as it is.
 */
export function reduceGridTo(grid: Grid, outRows: number, outCols: number, how: Reduce): Grid {
  const maxRows = grid.panels.reduce((m, p) => Math.max(m, p.rows), 0);
  const oc = Math.max(1, Math.min(grid.cols, outCols));
  const orMax = Math.max(1, Math.min(maxRows, outRows));
  if (oc === grid.cols && orMax === maxRows) return grid;
  const panels: Panel[] = grid.panels.map((p) => {
    const or = Math.max(1, Math.min(p.rows, Math.ceil((p.rows * orMax) / maxRows)));
    const r = new BlockReducer(p.rows, grid.cols, or, oc, how);
    r.add(p.values, 0, 0, p.rows, true);
    return {
      ...p,
      rows: or,
      rowLabels: BlockReducer.blockLabels(p.rowLabels, or),
      values: r.result(),
    };
  });
  const before = grid.reduced;
  const reduction = reductionOf(before?.rows ?? maxRows, before?.cols ?? grid.cols, orMax, oc, how);
  return {
    ...grid,
    cols: oc,
    colLabels: BlockReducer.blockLabels(grid.colLabels, oc),
    panels,
    reduced: {
      ...reduction,
      // A grid reduced again keeps the summary (and robust range) of the original values.
      summary: before?.summary ?? summarize(grid),
      ...(before?.robust ? { robust: before.robust } : {}),
    },
  };
}
