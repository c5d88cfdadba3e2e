import type { Grid } from '../data/grid.ts';
import { maxOf } from '../util/extent.ts';

/**
 * A cell named by its labels, so that a claim stays valid when rows or columns are
 * reordered: the panel, the row and column labels, and which occurrence of a duplicated
 * label it is (0 for the first).
 */
export interface CellKey {
  readonly panel: number;
  readonly row: string;
  readonly col: string;
  readonly rowN: number;
  readonly colN: number;
}

/** A row or column named by its label and occurrence. */
export interface LineKey {
  readonly label: string;
  readonly n: number;
}

/** Where each label of a list appears, and which occurrence of its label each position is. */
interface LabelIndex {
  readonly occurrence: Int32Array;
  readonly positions: Map<string, number[]>;
}

function indexLabels(labels: readonly string[]): LabelIndex {
  const occurrence = new Int32Array(labels.length);
  const positions = new Map<string, number[]>();
  for (let i = 0; i < labels.length; i++) {
    let at = positions.get(labels[i]!);
    if (!at) {
      at = [];
      positions.set(labels[i]!, at);
    }
    occurrence[i] = at.length;
    at.push(i);
  }
  return { occurrence, positions };
}

/** Label-keyed access to a grid. */
export class GridView {
  readonly grid: Grid;
  readonly cols: number;

  constructor(grid: Grid) {
    this.grid = grid;
    this.cols = grid.cols;
  }

  // Each label list indexed once per view: keys are made and looked up thousands of times.
  private readonly labelIndexes = new Map<readonly string[], LabelIndex>();

  private labelIndex(labels: readonly string[]): LabelIndex {
    let index = this.labelIndexes.get(labels);
    if (!index) {
      index = indexLabels(labels);
      this.labelIndexes.set(labels, index);
    }
    return index;
  }

  private occurrence(labels: readonly string[], i: number): number {
    return this.labelIndex(labels).occurrence[i]!;
  }

  private find(labels: readonly string[], key: LineKey): number {
    return this.labelIndex(labels).positions.get(key.label)?.[key.n] ?? -1;
  }

  rows(panel: number): number {
    return this.grid.panels[panel]?.rows ?? 0;
  }

  value(panel: number, r: number, c: number): number {
    return this.grid.panels[panel]!.values[r * this.cols + c]!;
  }

  rowKey(panel: number, r: number): LineKey {
    const labels = this.grid.panels[panel]!.rowLabels;
    return { label: labels[r]!, n: this.occurrence(labels, r) };
  }

  colKey(c: number): LineKey {
    return { label: this.grid.colLabels[c]!, n: this.occurrence(this.grid.colLabels, c) };
  }

  cellKey(panel: number, r: number, c: number): CellKey {
    const rk = this.rowKey(panel, r);
    const ck = this.colKey(c);
    return { panel, row: rk.label, col: ck.label, rowN: rk.n, colN: ck.n };
  }

  findRow(panel: number, key: LineKey): number {
    const p = this.grid.panels[panel];
    return p ? this.find(p.rowLabels, key) : -1;
  }

  findCol(key: LineKey): number {
    return this.find(this.grid.colLabels, key);
  }

  /** Row and column of a cell key, or null when the grid has no such cell. */
  locate(key: CellKey): [number, number] | null {
    const r = this.findRow(key.panel, { label: key.row, n: key.rowN });
    const c = this.findCol({ label: key.col, n: key.colN });
    return r < 0 || c < 0 ? null : [r, c];
  }

  private readonly lines = new Map<string, readonly number[]>();
  private readonly finiteLines = new Map<string, readonly number[]>();

  /**
   * Values of one row (line 'row') or column (line 'col') of a panel, in order. Made once
   * per line and shared: a dozen detectors read the same rows and columns.
   */
  line(panel: number, line: 'row' | 'col', index: number): readonly number[] {
    const key = `${panel} ${line} ${index}`;
    let out = this.lines.get(key);
    if (!out) {
      out = this.readLine(panel, line, index);
      this.lines.set(key, out);
    }
    return out;
  }

  /** The finite values of a line, in order (shared, as `line`). */
  finiteLine(panel: number, line: 'row' | 'col', index: number): readonly number[] {
    const key = `${panel} ${line} ${index}`;
    let out = this.finiteLines.get(key);
    if (!out) {
      out = this.line(panel, line, index).filter(Number.isFinite);
      this.finiteLines.set(key, out);
    }
    return out;
  }

  private readLine(panel: number, line: 'row' | 'col', index: number): number[] {
    const values = this.grid.panels[panel]!.values;
    const C = this.cols;
    // Pushed, not preallocated: rows and columns then share one array shape (packed, not
    // holey), so the statistics V8 optimises for rows are not thrown away for columns.
    const out: number[] = [];
    if (line === 'row') for (let c = 0; c < C; c++) out.push(values[index * C + c]!);
    else for (let r = 0; r < this.rows(panel); r++) out.push(values[r * C + index]!);
    return out;
  }

  /** True if the panel is square with the same labels on both axes, in the same order. */
  aligned(panel: number): boolean {
    const p = this.grid.panels[panel];
    return (
      !!p &&
      p.rows === this.cols &&
      p.rows > 1 &&
      p.rowLabels.every((l, i) => l === this.grid.colLabels[i])
    );
  }
}

/** A label on one line: its line breaks spaces, as Markdown renders them in a code span and heatfig draws them. */
export const oneLine = (label: string) => label.replace(/\r?\n/g, ' ');

/**
 * `label` for prose: the label as a code span, safe for any characters, on one line
 * (oneLine: a title of two lines read from an image, "Confusion matrix\nResNet-50").
 */
export function code(text: string): string {
  const label = oneLine(text);
  const runs = label.match(/`+/g) ?? [];
  const fence = '`'.repeat(
    maxOf(
      runs.map((r) => r.length),
      0,
    ) + 1,
  );
  const pad = label.startsWith('`') || label.endsWith('`') || label === '' ? ' ' : '';
  return `${fence}${pad}${label}${pad}${fence}`;
}
