/**
 * heatfig for Node: the public API plus reading files, and PNG and PDF output.
 */
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { dirname, join, resolve as resolvePath } from 'node:path';
import type { DataFileLoader } from './figure/grid-from-spec.ts';
import type { Grid } from './data/grid.ts';
import { formatOfName, gridFromBytes, INPUT_FORMATS, type LoadOptions } from './data/load.ts';
import { NPY_HEADER_MAX, type NpyHeader, panelShape, parseNpyHeader } from './data/npy.ts';
import { MAX_INPUT_BYTES, readBounded, readFully, readPieces } from './read-file.ts';
import { streamNpy } from './data/npy-stream.ts';
import type { Reduce } from './data/reduce.ts';
import { type AreaSize, areaSize, largeGridArea, reductionFor } from './figure/fit-to-pixels.ts';
import { sortGrid } from './data/table.ts';
import { DEFAULTS } from './spec/defaults.ts';
import { HeatfigError } from './errors.ts';
import { msg } from './messages.ts';
import {
  type DescribeResult,
  describeSpec,
  type RenderOptions,
  type RenderResult,
  render,
} from './pipeline.ts';
import type { PdfOptions } from './render/pdf.ts';
import type { PngOptions } from './render/png/png.ts';
import type { Scene } from './scene/types.ts';
import type { Spec } from './spec/spec-type.ts';
import { parseJsonText } from './data/json-text.ts';
import { validateSpec } from './spec/validate.ts';
import { loadFonts } from './text/font-files.ts';
import { writeOutput } from './output-file.ts';
import { OUTPUTS, type OutputFormat } from './outputs.ts';

export { checkNotInput } from './output-file.ts';
export { MAX_INPUT_BYTES, MAX_INPUT_BYTES_CEILING } from './read-file.ts';
export { MAX_SCALE } from './render/png/limits.ts';
import { MAX_PNG_PIXELS, MAX_SCALE } from './render/png/limits.ts';
import { chainMeasurer } from './text/chain.ts';
import { dejavuSansMeasurer, type TextMeasurer } from './text/measure.ts';

export * from './index.ts';
export type { LoadOptions } from './data/load.ts';

/** PNG bytes of a scene, drawn by resvg with the shipped font (loaded on first use). */
export async function renderPng(scene: Scene, options: PngOptions = {}): Promise<Uint8Array> {
  return (await import('./render/png/png.ts')).renderPng(scene, options);
}

/** PDF bytes of a scene, vector with selectable text (pdfkit is loaded on first use). */
export async function renderPdf(scene: Scene, options: PdfOptions = {}): Promise<Uint8Array> {
  let pdf: typeof import('./render/pdf.ts');
  try {
    pdf = await import('./render/pdf.ts');
  } catch (e) {
    throw missingPackage(e, 'pdfkit', 'PDF output');
  }
  return pdf.renderPdf(scene, options);
}

/**
 * The one error for an optional package that is not installed (pdfkit for PDF, fontkit for
 * font files): what needs it and the command that installs it. Anything else is rethrown.
 */
function missingPackage(e: unknown, name: string, what: string): unknown {
  const code = (e as NodeJS.ErrnoException)?.code;
  const message = String((e as Error)?.message ?? '');
  if ((code === 'ERR_MODULE_NOT_FOUND' || code === 'MODULE_NOT_FOUND') && message.includes(name))
    return new HeatfigError('missing-package', msg.missingPackage(name, what), name);
  return e;
}

export { formatFromPath, OUTPUTS, type Output, type OutputFormat } from './outputs.ts';

/** Reads and validates a spec file (at most `maxBytes`). */
export function readSpecFile(path: string, maxBytes = MAX_INPUT_BYTES): Spec {
  return validateSpec(
    parseJsonText(new TextDecoder().decode(readBounded(path, path, maxBytes)), path),
    path,
  );
}

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
 * Standard input of unknown format, as `cat spec.json | heatfig render - -o x.svg` gives it:
 * a JSON spec (an object with data, panels or $schema) is returned to render; anything else
 * is read as data whose format its first bytes tell (.npy's magic, a zip, JSON, else
 * CSV/TSV). Bounded by maxInputBytes like every whole read.
 */
export function loadStdin(
  options: LoadOptions = {},
  hints: ReadHints = {},
): { readonly spec: Spec } | { readonly grid: Grid } {
  const bytes = readBounded('-', '-', hints.maxInputBytes);
  const at = (i: number) => bytes[i] ?? -1;
  let format: LoadOptions['format'] = 'csv';
  if (at(0) === 0x93 && at(1) === 0x4e) format = 'npy';
  else if (at(0) === 0x50 && at(1) === 0x4b) format = 'npz';
  else {
    let i = at(0) === 0xef ? 3 : 0; // a UTF-8 byte-order mark
    while (
      i < bytes.length &&
      (at(i) === 0x20 || at(i) === 0x0a || at(i) === 0x0d || at(i) === 0x09)
    )
      i++;
    if (at(i) === 0x7b || at(i) === 0x5b) format = 'json';
  }
  if (format === 'json') {
    const value = parseJsonText(new TextDecoder().decode(bytes), '<stdin>');
    if (
      value !== null &&
      typeof value === 'object' &&
      !Array.isArray(value) &&
      ('data' in value || 'panels' in value || '$schema' in value)
    )
      return { spec: value as Spec };
  }
  return {
    grid: gridFromBytes(bytes, '<stdin>', {
      ...options,
      format,
      ...(hints.maxInputBytes ? { maxBytes: hints.maxInputBytes } : {}),
    }),
  };
}

/** Files smaller than this are read whole even when their grid will be reduced. */
const STREAM_BYTES = 16 << 20;

/**
 * Loads a data file into a Grid: CSV/TSV (wide, or long with x/y/value), JSON, NumPy .npy
 * and .npz. Relative paths are resolved against `baseDir`; `-` reads standard input (give
 * options.format). A .npy larger than its output needs is streamed in blocks of rows and
 * reduced as it is read, never held whole.
 */
export function load(
  path: string,
  options: LoadOptions = {},
  baseDir = '.',
  where: string = path,
  hints: ReadHints = {},
): Grid {
  if (path === '-') {
    if (!options.format)
      throw new HeatfigError(
        'bad-option',
        `reading standard input needs its format; give --input-format ${INPUT_FORMATS.join('|')}`,
        '-',
      );
    if (options.format === 'npy') return stdinNpy(options, hints);
    return gridFromBytes(readBounded('-', '-', hints.maxInputBytes), '<stdin>', {
      ...options,
      ...(hints.maxInputBytes ? { maxBytes: hints.maxInputBytes } : {}),
    });
  }
  const full = resolvePath(baseDir, path);
  const source = where === path ? path : `${where} (${path})`;
  const format = options.format ?? formatOfName(path) ?? undefined;
  if (format === 'npy' && hints.raster !== 'never') {
    const streamed = streamIfLarge(full, where, source, hints);
    if (streamed)
      return options.sort && options.sort !== 'appearance'
        ? sortGrid(streamed, options.sort)
        : streamed;
  }
  if (format === 'npy' && hints.maxCells) checkCells(full, where, source, hints.maxCells);
  const bytes = readBounded(full, where, hints.maxInputBytes);
  return gridFromBytes(bytes, source, {
    ...options,
    ...(format ? { format } : {}),
    ...(hints.maxInputBytes ? { maxBytes: hints.maxInputBytes } : {}),
  });
}

/** The header of a .npy file (the first 1 MiB at most), or null when it cannot be opened. */
function npyHeaderOf(
  full: string,
  source: string,
): { h: NpyHeader; size: number; fd: number } | null {
  let fd: number;
  try {
    fd = openSync(full, 'r');
  } catch {
    return null;
  }
  try {
    const size = fstatSync(fd).size;
    const head = new Uint8Array(Math.min(size, NPY_HEADER_MAX + 16));
    readSync(fd, head, 0, head.length, 0);
    return { h: parseNpyHeader(head, source, size), size, fd };
  } catch (e) {
    closeSync(fd);
    throw e;
  }
}

/** Refuses a .npy with more cells than the output takes, from its header, before reading it. */
function checkCells(
  full: string,
  where: string,
  source: string,
  max: { readonly cells: number; readonly why: string },
): void {
  const r = npyHeaderOf(full, source);
  if (!r) return;
  closeSync(r.fd);
  checkCellsOf(
    r.h.shape.reduce((a, b) => a * b, 1),
    max,
    where,
  );
}

function checkCellsOf(
  cells: number,
  max: { readonly cells: number; readonly why: string },
  where: string,
): void {
  if (cells > max.cells)
    throw new HeatfigError(
      'too-large',
      `the array has ${cells.toLocaleString('en-US')} cells, more than the ${max.cells.toLocaleString('en-US')} ${max.why}`,
      where,
    );
}

/**
 * A .npy on standard input: streamed and reduced as it arrives when the figure will reduce it
 * (one pass: standard input cannot be read twice, so a robust range reads it whole, bounded);
 * else read whole, bounded.
 */
function stdinNpy(options: LoadOptions, hints: ReadHints): Grid {
  const source = '<stdin>';
  const lead = new Uint8Array(12);
  const got = readFully(0, lead);
  const headerLen =
    lead[6] === 1 ? lead[8]! | (lead[9]! << 8) : new DataView(lead.buffer).getUint32(8, true);
  const start = lead[6] === 1 ? 10 : 12;
  const headBytes = got < 12 || headerLen > NPY_HEADER_MAX ? 0 : start + headerLen - got;
  const prefix = new Uint8Array(got + Math.max(0, headBytes));
  prefix.set(lead.subarray(0, got));
  if (headBytes > 0) readFully(0, prefix.subarray(got), headBytes);
  const whole = () =>
    gridFromBytes(
      readPieces(0, hints.maxInputBytes ?? MAX_INPUT_BYTES, 'standard input', '-', prefix),
      source,
      options,
    );
  if (hints.raster === 'never') return whole();
  let h: NpyHeader;
  try {
    h = parseNpyHeader(prefix, source, Number.MAX_SAFE_INTEGER);
  } catch {
    return whole(); // reports what is wrong with it, from all of it
  }
  if (hints.maxCells) {
    const cells = h.shape.reduce((a, b) => a * b, 1);
    if (cells > hints.maxCells.cells) checkCellsOf(cells, hints.maxCells, '-');
  }
  const to = streamTarget(h, hints);
  if (!to) return whole();
  if (hints.robust) {
    const bytes = h.shape.reduce((a, c) => a * c, 1) * h.itemSize;
    if (bytes > (hints.maxInputBytes ?? MAX_INPUT_BYTES))
      throw new HeatfigError(
        'too-large',
        'robust needs every value twice, and standard input can be read only once; give the .npy as a file (it is streamed), or set vmin and vmax',
        '-',
      );
    return whole();
  }
  let position = h.dataOffset;
  const grid = streamNpy(
    h,
    (into, length, at) => {
      if (at !== position)
        throw new HeatfigError(
          'bad-option',
          'standard input can be read only once, in order; give a file',
          '-',
        );
      const n = readFully(0, into, length);
      position += n;
      return n;
    },
    source,
    to,
    hints.reduce ?? DEFAULTS.reduce,
    hints.progress,
    null,
    hints.log ?? false,
  );
  return options.sort && options.sort !== 'appearance' ? sortGrid(grid, options.sort) : grid;
}

/** The blocks a .npy is streamed down to for the figure (see reductionFor), or null: read it whole. */
function streamTarget(h: NpyHeader, hints: ReadHints): { rows: number; cols: number } | null {
  const [P, R, C] = panelShape(h);
  const free = { width: null, height: null, cellWidth: null, cellHeight: null };
  const area = largeGridArea(P * R, C, hints.size ?? free);
  const panelRows = Array.from({ length: P }, () => R);
  return area ? reductionFor(panelRows, C, area, hints.pixelRatio ?? 2) : null;
}

function streamIfLarge(full: string, where: string, source: string, hints: ReadHints): Grid | null {
  const opened = npyHeaderOf(full, source);
  if (!opened) {
    readBounded(full, where); // reports the missing file
    return null;
  }
  const fd = opened.fd;
  try {
    const { h, size } = opened;
    if (size < STREAM_BYTES) return null;
    const to = streamTarget(h, hints);
    if (!to) return null;
    return streamNpy(
      h,
      (into, length, position) => readSync(fd, into, 0, length, position),
      source,
      to,
      hints.reduce ?? DEFAULTS.reduce,
      hints.progress,
      hints.robust ?? null,
      hints.log ?? false,
    );
  } finally {
    closeSync(fd);
  }
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

/** A loader for data files named in a spec, relative to the spec's folder. */
export function fileLoader(
  specPath: string | null,
  hints: ReadHints = {},
  read: string[] = [],
): DataFileLoader {
  const base = specPath ? dirname(specPath) : '.';
  return (path, _where, options) => {
    read.push(resolvePath(base, path));
    return load(path, options, base, specPath ? join(dirname(specPath), path) : path, hints);
  };
}

export interface RenderFileOptions {
  /** 'scene' makes the result's output scene JSON; otherwise it is SVG. */
  readonly format?: OutputFormat;
  /** Options that override the spec file (CLI flags). */
  readonly overrides?: Partial<Spec>;
  /** The data, when it does not come from the spec. */
  readonly grid?: Grid;
  /** Device pixels per CSS px of the output (the PNG scale). Default 2. */
  readonly pixelRatio?: number;
  /** Reports the fraction of a large file read. */
  readonly progress?: (fraction: number) => void;
  /** The file a spec object was read from: data paths are relative to it, errors name it. */
  readonly source?: string;
  /** Collects the paths of the files read (data files, fonts), so an output can be kept off them. */
  readonly read?: string[];
  /** The most bytes read whole from a file (see ReadHints). */
  readonly maxInputBytes?: number;
}

/**
 * The measurer and font files for a spec's `font`: files relative to the spec's folder (a
 * flag's, given on the command line, to the working directory), before DejaVu Sans.
 */
function fontOptions(
  spec: Spec,
  source: string | null,
  fromFlag: boolean,
  read: string[] = [],
): { measurer?: TextMeasurer; fonts?: { family: string; file: string }[] } {
  if (spec.font === undefined) return {};
  const list = typeof spec.font === 'string' ? [spec.font] : spec.font;
  const base = source && !fromFlag ? dirname(source) : '.';
  read.push(...list.map((f) => resolvePath(base, f)));
  const files = loadFonts(
    list.map((f) => resolvePath(base, f)),
    fromFlag ? '--font' : source ? `${source}: $.font` : '$.font',
  );
  return {
    measurer: chainMeasurer(
      files.map((f) => f.face),
      dejavuSansMeasurer(),
    ),
    fonts: files.map((f) => ({ family: f.family, file: f.file })),
  };
}

/**
 * Milliseconds since the process started, from process.uptime(): the clock of a render's
 * timings in Node, where the first use of `performance` loads perf_hooks (most of a
 * millisecond of every run).
 */
function nodeClock(): number {
  return process.uptime() * 1000;
}

/** Runs the pipeline on a spec (a path to a spec file, or a spec object); data files load from disk. */
export function renderSpec(spec: string | Spec, options: RenderFileOptions = {}): RenderResult {
  const [merged, pipeline] = pipelineOptions(spec, options);
  return render(merged, pipeline);
}

/**
 * The description of a spec's figure (a path to a spec file, or a spec object), with its
 * data files loaded from disk: what `heatfig describe` writes, without laying out or drawing
 * the figure (see describeSpec).
 */
export function describeFile(spec: string | Spec, options: RenderFileOptions = {}): DescribeResult {
  const [merged, pipeline] = pipelineOptions(spec, { ...options, format: options.format ?? 'svg' });
  return describeSpec(merged, pipeline);
}

/** The spec with its overrides, and the pipeline's options for it, read from disk. */
function pipelineOptions(spec: string | Spec, options: RenderFileOptions): [Spec, RenderOptions] {
  const source = typeof spec === 'string' ? spec : (options.source ?? null);
  const base = typeof spec === 'string' ? readSpecFile(spec, options.maxInputBytes) : spec;
  const merged: Spec = { ...base, ...options.overrides };
  const format = options.format ?? 'svg';
  const pixelRatio = options.pixelRatio ?? OUTPUTS[format].pixelRatio;
  return [
    merged,
    {
      clock: nodeClock,
      ...fontOptions(merged, source, options.overrides?.font !== undefined, options.read),
      format,
      pixelRatio,
      ...(source ? { source } : {}),
      ...(options.grid ? { grid: options.grid } : {}),
      loadFile: fileLoader(
        source,
        readHints(merged, format, {
          pixelRatio,
          ...(options.progress ? { progress: options.progress } : {}),
          ...(options.maxInputBytes ? { maxInputBytes: options.maxInputBytes } : {}),
        }),
        options.read,
      ),
    },
  ];
}

/** Refuses a PNG scale out of range, or a PNG of more than MAX_PNG_PIXELS, before drawing it. */
function checkPngSize(scene: Scene, scale: number): void {
  if (!(scale > 0 && scale <= MAX_SCALE))
    throw new HeatfigError(
      'bad-option',
      `scale ${scale} is out of range; give a scale above 0 up to ${MAX_SCALE}`,
      '--scale',
    );
  const w = Math.round(scene.width * scale);
  const h = Math.round(scene.height * scale);
  if (w * h > MAX_PNG_PIXELS)
    throw new HeatfigError(
      'too-large',
      `the PNG would be ${w.toLocaleString('en-US')} × ${h.toLocaleString('en-US')} = ${(w * h).toLocaleString('en-US')} pixels, more than ${MAX_PNG_PIXELS.toLocaleString('en-US')}; give a smaller --scale (or --dpi), or a smaller figure`,
      '--scale',
    );
}

/** The bytes of one output format for a rendered figure. */
export async function outputBytes(
  result: RenderResult,
  format: OutputFormat,
  options: { scale?: number; dpi?: number } = {},
): Promise<Uint8Array> {
  const data = await outputData(result, format, options);
  return typeof data === 'string' ? new TextEncoder().encode(data) : data;
}

type WriteOptions = { scale?: number; dpi?: number };

/** How heatfig/node writes the formats the outputs table leaves to it (text: null there). */
const BINARY_WRITERS: Record<
  'png' | 'pdf' | 'html',
  (result: RenderResult, options: WriteOptions) => Promise<Uint8Array | string>
> = {
  png: (result, options) => {
    const scale = options.scale ?? (options.dpi !== undefined ? options.dpi / 96 : 2);
    checkPngSize(result.scene, scale);
    return renderPng(result.scene, {
      scale,
      ...(options.dpi !== undefined ? { dpi: options.dpi } : {}),
    });
  },
  pdf: (result) =>
    renderPdf(
      result.scene,
      result.scene.fonts?.length
        ? {
            fonts: loadFonts(
              result.scene.fonts.map((f) => f.file),
              'font',
            ),
          }
        : {},
    ),
  html: async (result) => (await import('./view/page.ts')).pageOfResult(result),
};

/**
 * The file contents as outputBytes makes them, but text formats (SVG, scene JSON, HTML) as
 * the string itself: writing a string lets Node encode it once, on its way to the file.
 */
export async function outputData(
  result: RenderResult,
  format: OutputFormat,
  options: WriteOptions = {},
): Promise<Uint8Array | string> {
  const text = OUTPUTS[format].text;
  if (text) return format === result.format ? result.output : text(result.scene);
  return BINARY_WRITERS[format as keyof typeof BINARY_WRITERS](result, options);
}

/**
 * Writes a file so that nothing at its path is damaged: a regular file whole or untouched
 * (temporary file, then rename; the mode kept), a symlink's target, a device or FIFO written
 * through, `-` to standard output; an output that is one of `inputs` is refused (see
 * output-file.ts).
 */
export function writeFileAtomic(
  path: string,
  bytes: Uint8Array | string,
  inputs: readonly string[] = [],
): void {
  writeOutput(path, bytes, inputs);
}
