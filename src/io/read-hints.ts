import type { Reduce } from '../data/reduce.ts';
import { type AreaSize, areaSize } from '../figure/fit-to-pixels.ts';
import type { Spec } from '../spec/spec-type.ts';
import { OUTPUTS, type OutputFormat } from '../outputs.ts';

/** How a file is read beyond its format options: the output it is for, and a progress report. */
export interface ReadHints {
  /** Device pixels per CSS px of the output; a .npy with more cells than that needs streams, reduced. Default 2. */
  readonly pixelRatio?: number;
  /** Reduce large .npy files while reading (unless "never"). */
  readonly raster?: 'auto' | 'always' | 'never';
  readonly reduce?: Reduce;
  readonly progress?: (fraction: number) => void;
  /** The figure's size options, which decide the cell area and so the blocks (see largeGridArea). */
  readonly size?: AreaSize;
  /** Find the robust range while streaming (the spec's robust, and whether the norm is log). */
  readonly robust?: 'linear' | 'log' | null;
  /** The scale is logarithmic: a streamed file's positive extremes are found too. */
  readonly log?: boolean;
  /** The most bytes read whole (a file, standard input, an .npz member). Default MAX_INPUT_BYTES. */
  readonly maxInputBytes?: number;
  /** The most cells the output can take (an HTML view's, or vector cells): a larger .npy is refused from its header. */
  readonly maxCells?: { readonly cells: number; readonly why: string };
}

/**
 * How to read the data for an output: the HTML view keeps every cell (no streaming, at most
 * LIMITS.htmlCells); vector outputs with raster "never" take at most LIMITS' cells; other
 * outputs may stream and reduce a large .npy to the figure's size, with the robust range and
 * the positive extremes when the spec asks for them. A file that will be refused is refused
 * from its header, before it is read.
 */
export function readHints(
  spec: Spec,
  format: OutputFormat = 'svg',
  options: Pick<ReadHints, 'pixelRatio' | 'progress' | 'maxInputBytes'> = {},
): ReadHints {
  const out = OUTPUTS[format];
  const never = out.everyCell !== null || spec.raster === 'never';
  const maxCells =
    out.everyCell !== null
      ? {
          cells: out.everyCell,
          why: `an ${out.label} view carries (it keeps every cell); render it to PNG or SVG, where it is reduced to the pixels, or cut out a region of the data`,
        }
      : spec.raster === 'never'
        ? {
            cells: out.shapeCells,
            why: `${out.label} draws as separate shapes; let it draw them as an image (raster "auto")`,
          }
        : undefined;
  return {
    ...options,
    ...(never ? { raster: 'never' as const } : spec.raster ? { raster: spec.raster } : {}),
    ...(spec.reduce ? { reduce: spec.reduce } : {}),
    ...(maxCells ? { maxCells } : {}),
    size: areaSize(spec),
    log: spec.norm === 'log',
    robust:
      spec.robust && (spec.vmin === undefined || spec.vmax === undefined)
        ? spec.norm === 'log'
          ? 'log'
          : 'linear'
        : null,
  };
}
