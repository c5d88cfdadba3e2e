/**
 * A heatmap image read back into its grid (issue 20, first part): the grid and colorbar
 * found, the cells counted, and each cell's colour placed on the colorbar, as t in [0, 1]
 * (the colorbar's low end to its high end) with the half colour step that bounds it. Turning
 * t into values needs the colorbar's tick labels (text recognition), which comes next.
 */
import { HeatfigError } from '../errors.ts';
import * as msg from '../messages.ts';
import { type ColorbarScale, placeColor, sampleColorbar } from './colorbar.ts';
import { type Cells, readCells, textOverGrid } from './cells.ts';
import { type Labels, readLabels } from './labels.ts';
import { type Box, locate } from './locate.ts';
import {
  crop,
  fitTicks,
  labelNumber,
  type Recognize,
  textLines,
  tickLength,
  tickMarks,
} from './ticks.ts';
import { decodePng, type Image } from './png.ts';

export interface ReadPositions {
  readonly rows: number;
  readonly cols: number;
  /** Each cell's place on the colorbar, row by row: 0 its low end, 1 its high end. */
  readonly t: Float64Array;
  /**
   * How far a cell's place may be off, in t: one colour step of the colorbar (1 over its
   * distinct colours less one) and one of its pixels (the colour a cell has may fall between
   * two the colorbar shows). No finer reading is in the pixels.
   */
  readonly step: number;
  readonly grid: Box;
  readonly colorbar: { readonly box: Box; readonly vertical: boolean } | null;
  /** The cells found: their count, colours and lattices. */
  readonly cells: Cells;
  /** The image's background (the commonest colour of its border). */
  readonly background: readonly [number, number, number];
  /** The colours along the colorbar, and where they lie. */
  readonly scale: ColorbarScale | null;
  /** What could not be read, and where. */
  readonly warnings: readonly string[];
}

/** Reads the cells of a heatmap PNG (bytes) as places on its colorbar. */
export function readPositions(bytes: Uint8Array, source = '<image>'): ReadPositions {
  return positionsOf(decodePng(bytes, source), source);
}

export function positionsOf(img: Image, source: string): ReadPositions {
  const found = locate(img);
  if (!found) throw new HeatfigError('not-a-heatmap', msg.noHeatmapGrid(), source);
  const cells = readCells(img, found.grid);
  const n = cells.rows * cells.cols;
  const t = new Float64Array(n).fill(Number.NaN);
  const warnings: string[] = [];
  // Text over the cells (annotations) is not read yet, and may have split cells: said.
  if (textOverGrid(img, found.grid)) warnings.push(msg.annotationsNotRead(cells.rows, cells.cols));
  let step = Number.NaN;
  let scale: ColorbarScale | null = null;
  if (found.colorbar) {
    scale = sampleColorbar(img, found.colorbar.box, found.colorbar.vertical);
    step = 1 / Math.max(1, distinctRuns(scale) - 1) + 1 / Math.max(1, scale.n - 1);
    let far = 0;
    for (let i = 0; i < n; i++) {
      const c = cells.colors.subarray(i * 3, i * 3 + 3);
      const p = placeColor(scale!, c[0]!, c[1]!, c[2]!);
      // A colour the colorbar does not hold (a masked or missing cell, a cell under text).
      if (p.d2 > 3 * 12 * 12) far++;
      else t[i] = p.t;
    }
    if (far) warnings.push(msg.cellsOffColorbar(far));
  } else warnings.push(msg.noColorbar());
  return {
    rows: cells.rows,
    cols: cells.cols,
    t,
    step,
    grid: found.grid,
    colorbar: found.colorbar,
    cells,
    background: found.background,
    scale,
    warnings,
  };
}

/** How many runs of one colour the colorbar is made of: the colours of its map it shows. */
function distinctRuns(scale: ColorbarScale): number {
  let runs = scale.n ? 1 : 0;
  for (let i = 1; i < scale.n; i++)
    if (
      scale.colors[i * 3] !== scale.colors[i * 3 - 3] ||
      scale.colors[i * 3 + 1] !== scale.colors[i * 3 - 2] ||
      scale.colors[i * 3 + 2] !== scale.colors[i * 3 - 1]
    )
      runs++;
  return runs;
}

export interface ReadValues extends ReadPositions {
  /** Each cell's value, row by row (NaN: not read), from the colorbar's ticks. */
  readonly values: Float64Array;
  /** How far a value may be off: the colour step in the colorbar's units. */
  readonly uncertainty: number;
  /** Decimals that say no more than the pixels hold. */
  readonly decimals: number;
  /** The colorbar's ticks read: their values, and how many labels were left out as misread. */
  readonly ticks: readonly number[];
  /** The axes' tick labels read (when a text recognizer was given). */
  readonly labels: Labels | null;
  /** The values at the colorbar's two ends (its range), when its ticks were read. */
  readonly range: readonly [number, number] | null;
}

/**
 * A heatmap image's cells as values: their places on the colorbar (readPositions), then the
 * colorbar's tick labels read (`recognize`: text recognition) beside its tick marks, and the
 * line through them. A colorbar without two readable ticks gives no values (a warning says).
 */
export async function readValues(
  bytes: Uint8Array,
  recognize: Recognize,
  source = '<image>',
  recognizeText?: Recognize,
): Promise<ReadValues> {
  const img = decodePng(bytes, source);
  const p = positionsOf(img, source);
  const labels = recognizeText
    ? await readLabels(img, p.grid, p.cells, p.background, recognizeText, recognize)
    : null;
  const values = new Float64Array(p.t.length).fill(Number.NaN);
  const warnings = [...p.warnings];
  const none = {
    ...p,
    values,
    uncertainty: Number.NaN,
    decimals: 0,
    ticks: [],
    labels,
    range: null,
    warnings,
  };
  if (!p.colorbar || !p.scale) return none;
  const { box, vertical } = p.colorbar;
  const marks = tickMarks(img, box, vertical);
  // The labels: beside the marks, on the colorbar's outer side (right, or below).
  const k = img.height < 1200 ? 3 : 2;
  // Beyond the tick marks: a mark just before a label reads as a minus sign.
  const out = tickLength(img, box, vertical, marks) + 2;
  const area = vertical
    ? {
        x0: box.x1 + out,
        y0: Math.max(0, box.y0 - 20),
        x1: Math.min(img.width, box.x1 + 12 * (box.x1 - box.x0) + 40),
        y1: Math.min(img.height, box.y1 + 20),
      }
    : {
        x0: Math.max(0, box.x0 - 40),
        y0: box.y1 + out,
        x1: Math.min(img.width, box.x1 + 40),
        y1: Math.min(img.height, box.y1 + 60),
      };
  const spacing =
    marks.length > 1 ? (marks[marks.length - 1]! - marks[0]!) / (marks.length - 1) : Infinity;
  const ticks: { pos: number; value: number }[] = [];
  // Each label read on its own (a line of text), scaled up.
  for (const line of textLines(img, area, vertical)) {
    const c = crop(img, line, k);
    const words = await recognize(c.rgba, c.width, c.height);
    const text = words.map((w) => w.text).join('');
    const confidence = Math.min(...words.map((w) => w.confidence));
    const value = labelNumber(text);
    if (value === null || confidence < 30) continue;
    // The label's centre along the bar, in the image's pixels.
    const centre = vertical ? (line.y0 + line.y1) / 2 : (line.x0 + line.x1) / 2;
    const mark = marks.reduce(
      (m, x) => (Math.abs(x - centre) < Math.abs(m - centre) ? x : m),
      Infinity,
    );
    ticks.push({
      pos: Math.abs(mark - centre) <= Math.min(spacing / 2, 12) ? mark : centre,
      value,
    });
  }
  const fit = fitTicks(ticks);
  if (!fit) {
    warnings.push(msg.colorbarTicksUnread(ticks.length));
    return { ...none, warnings };
  }
  if (fit.dropped) warnings.push(msg.ticksDropped(fit.dropped));
  const { start, end } = p.scale;
  for (let i = 0; i < values.length; i++) {
    const t = p.t[i]!;
    if (t === t) values[i] = fit.a + fit.b * (start + t * (end - start));
  }
  const uncertainty = Math.abs(fit.b * (end - start)) * p.step;
  // No digit finer than the uncertainty: ±0.026 is written to 0.1, ±0.005 to 0.01.
  const decimals = Math.max(0, Math.min(12, Math.floor(-Math.log10(uncertainty))));
  return {
    ...p,
    values,
    uncertainty,
    decimals,
    ticks: ticks.map((t) => t.value),
    labels,
    range: [fit.a + fit.b * start, fit.a + fit.b * end] as const,
    warnings,
  };
}
