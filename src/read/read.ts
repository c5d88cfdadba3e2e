/**
 * A heatmap image read back into its grid (issue 20, first part): the grid and colorbar
 * found, the cells counted, and each cell's colour placed on the colorbar, as t in [0, 1]
 * (the colorbar's low end to its high end) with the half colour step that bounds it. Turning
 * t into values needs the colorbar's tick labels (text recognition), which comes next.
 */
import { HeatfigError } from '../errors.ts';
import * as msg from '../messages.ts';
import { type ColorbarScale, placeColor, sampleColorbar } from './colorbar.ts';
import { readCells } from './cells.ts';
import { type Box, locate } from './locate.ts';
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
  let step = Number.NaN;
  if (found.colorbar) {
    const scale: ColorbarScale = sampleColorbar(img, found.colorbar.box, found.colorbar.vertical);
    step = 1 / Math.max(1, distinctRuns(scale) - 1) + 1 / Math.max(1, scale.n - 1);
    let far = 0;
    for (let i = 0; i < n; i++) {
      const c = cells.colors.subarray(i * 3, i * 3 + 3);
      const p = placeColor(scale, c[0]!, c[1]!, c[2]!);
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
