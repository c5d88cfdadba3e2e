/**
 * The output formats, in one table: what each is called and named by, how many device pixels
 * a large grid is reduced to, how many cells it can draw as shapes, whether it carries a
 * description, and how a text format is written. The pipeline, heatfig/node and the CLI read
 * it; nothing else decides anything by format. The binary formats (PNG, PDF, and the HTML page
 * with its bundled viewer) are written by heatfig/node, which keeps this table free of Node.
 */
import { renderSvg } from './render/svg.ts';
import { sceneToJson } from './scene/json.ts';
import type { Scene } from './scene/types.ts';
import { HeatfigError } from './errors.ts';
import * as msg from './messages.ts';

export type OutputFormat = 'svg' | 'png' | 'pdf' | 'scene' | 'html';

export interface Output {
  readonly format: OutputFormat;
  /** How messages name it. */
  readonly label: string;
  /** File extensions that ask for it (lower case, with the dot). */
  readonly extensions: readonly string[];
  /** Device pixels per CSS px a large grid is reduced to: a PNG's default scale; SVG and PDF embed rasters at one. */
  readonly pixelRatio: number;
  /** The most cells drawn as separate shapes (raster "never"). */
  readonly shapeCells: number;
  /** An output that keeps every cell (the HTML view zooms into them), and how many it can carry; null when a large grid is reduced. */
  readonly everyCell: number | null;
  /** Whether it carries the description (a PNG has no place for one, so none is computed). */
  readonly describe: boolean;
  /** How a text format is written from the scene; null for a binary one (heatfig/node writes it). */
  readonly text: ((scene: Scene) => string) | null;
}

/**
 * The description on its own (`heatfig describe`, describeFile): no picture, so a large grid
 * is reduced to half an SVG's blocks a side (a 4000² grid to 500² block means of 8 × 8, read
 * once from the data), where its detectors take a quarter of the time.
 */
export const DESCRIBE_PIXEL_RATIO = 0.5;

/** Limits shared by every output. */
export const LIMITS = {
  /** Annotated cells, at most, when cells are drawn as shapes. */
  annotatedCells: 20_000,
  /** The longest side of a figure, in CSS px. */
  figurePx: 20_000,
} as const;

const VECTOR_CELLS = 250_000;

export const OUTPUTS: Readonly<Record<OutputFormat, Output>> = {
  svg: {
    format: 'svg',
    label: 'SVG',
    extensions: ['.svg'],
    pixelRatio: 1,
    shapeCells: VECTOR_CELLS,
    everyCell: null,
    describe: true,
    text: (scene) => renderSvg(scene),
  },
  png: {
    format: 'png',
    label: 'PNG',
    extensions: ['.png'],
    pixelRatio: 2,
    shapeCells: 4_000_000,
    everyCell: null,
    describe: false,
    text: null,
  },
  pdf: {
    format: 'pdf',
    label: 'PDF',
    extensions: ['.pdf'],
    pixelRatio: 1,
    shapeCells: VECTOR_CELLS,
    everyCell: null,
    describe: true,
    text: null,
  },
  html: {
    format: 'html',
    label: 'HTML',
    extensions: ['.html', '.htm'],
    pixelRatio: 1,
    shapeCells: VECTOR_CELLS,
    // It keeps every cell, as float32: 4096 × 4096.
    everyCell: 4096 * 4096,
    describe: true,
    text: null,
  },
  scene: {
    format: 'scene',
    label: 'scene JSON',
    extensions: ['.json'],
    pixelRatio: 1,
    shapeCells: VECTOR_CELLS,
    everyCell: null,
    describe: true,
    text: sceneToJson,
  },
};

/** The output format a file name asks for, by its extension. */
export function formatFromPath(path: string): OutputFormat {
  const slash = Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\'));
  const dot = path.lastIndexOf('.');
  const ext = dot > slash + 1 ? path.slice(dot).toLowerCase() : '';
  const found = Object.values(OUTPUTS).find((o) => o.extensions.includes(ext));
  if (!found)
    throw new HeatfigError(
      'bad-output',
      msg.unknownOutputFormat(
        JSON.stringify(path),
        Object.values(OUTPUTS)
          .map((o) => `${o.extensions[0]}${o.format === 'scene' ? ' (scene)' : ''}`)
          .join(', ')
          .replace(/, ([^,]*)$/, ' or $1'),
      ),
      path,
    );
  return found.format;
}
