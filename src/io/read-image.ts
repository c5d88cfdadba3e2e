/**
 * `readHeatmap`: a heatmap image (PNG) read back into a grid, in Node, with tesseract.js for
 * the colorbar's labels (see read/read.ts for what is read and how).
 */
import type { Grid } from '../data/grid.ts';
import { positionLabels } from '../data/grid.ts';
import { readValues } from '../read/read.ts';
import { numberRecognizer } from './ocr.ts';
import { MAX_INPUT_BYTES, readBounded } from './read-file.ts';
import * as msg from '../messages.ts';

export interface ReadHeatmap {
  /** The cells' values, row by row (missing where a cell could not be placed); labels are positions. */
  readonly grid: Grid;
  /** How far each value may be off (half the colour step either way, and a pixel of the colorbar). */
  readonly uncertainty: number;
  /** Decimals that claim no more than the pixels hold. */
  readonly decimals: number;
  /** The colorbar's tick values read. */
  readonly ticks: readonly number[];
  /** What could not be read, and where. */
  readonly warnings: readonly string[];
}

export async function readHeatmap(bytes: Uint8Array, source = '<image>'): Promise<ReadHeatmap> {
  const ocr = await numberRecognizer();
  try {
    const r = await readValues(bytes, ocr.recognize, source, ocr.recognizeText);
    // A label not read is its position, and a warning counts them.
    const named = (read: readonly (string | null)[] | undefined, n: number) =>
      positionLabels(n).map((p, i) => read?.[i] ?? p);
    const unread = [...(r.labels?.rows ?? []), ...(r.labels?.cols ?? [])].filter(
      (l) => l === null,
    ).length;
    const grid: Grid = {
      cols: r.cols,
      colLabels: named(r.labels?.cols, r.cols),
      panels: [
        { title: null, rows: r.rows, rowLabels: named(r.labels?.rows, r.rows), values: r.values },
      ],
      notes: [
        ...r.warnings,
        ...(r.values.some((v) => v === v) ? [msg.readFromPixels(r.uncertainty, r.decimals)] : []),
        ...(unread ? [msg.labelsUnread(unread, r.rows + r.cols)] : []),
      ],
    };
    return {
      grid,
      uncertainty: r.uncertainty,
      decimals: r.decimals,
      ticks: r.ticks,
      warnings: r.warnings,
    };
  } finally {
    await ocr.close();
  }
}

/** A heatmap image file read back (bounded as every file read whole is). */
export async function readHeatmapFile(
  path: string,
  maxBytes = MAX_INPUT_BYTES,
): Promise<ReadHeatmap> {
  return readHeatmap(readBounded(path, path, maxBytes), path);
}

/** The grid as pandas' to_csv() writes a frame: an empty corner, the column labels, then each row's label and values (empty: missing). */
export function gridCsv(r: ReadHeatmap): string {
  const g = r.grid;
  const p = g.panels[0]!;
  const cell = (v: number) => (v === v ? v.toFixed(r.decimals) : '');
  const lines = [`,${g.colLabels.join(',')}`];
  for (let i = 0; i < p.rows; i++)
    lines.push(
      `${p.rowLabels[i]},${Array.from(p.values.subarray(i * g.cols, (i + 1) * g.cols), cell).join(',')}`,
    );
  return `${lines.join('\n')}\n`;
}

/** The grid as a spec heatfig renders: its values inline (missing as null), rounded to what was read. */
export function gridSpec(r: ReadHeatmap): object {
  const g = r.grid;
  const p = g.panels[0]!;
  const round = (v: number) => (v === v ? Number(v.toFixed(r.decimals)) : null);
  return {
    data: {
      values: Array.from({ length: p.rows }, (_, i) =>
        Array.from(p.values.subarray(i * g.cols, (i + 1) * g.cols), round),
      ),
      rows: p.rowLabels,
      cols: g.colLabels,
    },
  };
}
