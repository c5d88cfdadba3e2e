import { wasmEuclidean } from './io/distances.ts';
import { dirname, resolve as resolvePath } from 'node:path';
import type { Grid } from './data/grid.ts';
import { MAX_INPUT_BYTES, readBounded } from './io/read-file.ts';
import { HeatfigError } from './errors.ts';
import * as msg from './messages.ts';
import {
  type DescribeResult,
  describeSpec,
  type RenderOptions,
  type RenderResult,
  render,
  valuesRead,
} from './pipeline.ts';
import type { PdfOptions } from './render/pdf.ts';
import type { PngOptions } from './render/png/png.ts';
import type { FontRef, Scene } from './scene/types.ts';
import type { Spec } from './spec/spec-type.ts';
import { parseJsonText } from './data/json-text.ts';
import { validateSpec } from './spec/validate.ts';
import { familyName, looksLikeFontFile, SHIPPED_FAMILIES, shippedFamily } from './text/families.ts';
import { loadFonts } from './text/font-files.ts';
import { writeOutput } from './io/output-file.ts';
import { DESCRIBE_PIXEL_RATIO, OUTPUTS, type OutputFormat } from './outputs.ts';
import { fileLoader } from './io/load-file.ts';
import { readHints } from './io/read-hints.ts';

export { fileLoader, load, loadStdin } from './io/load-file.ts';
export { type QueryDataOptions, queryData } from './io/query-data.ts';
export {
  colorsOf,
  gridCsv,
  gridSpec,
  type ReadHeatmap,
  readHeatmap,
  readHeatmapFile,
} from './io/read-image.ts';
export { openEngine, type OpenEngine } from './io/engines.ts';
export { QUERY_MAX_CELLS, queryGrid, type QueryOptions, type SqlEngine } from './query/run.ts';
export { clickhouse, type Dialect, duckdb } from './query/dialect.ts';
export { isQuerySource, type QuerySource } from './spec/query-source.ts';
import type { QueryLoader } from './figure/grid-from-spec.ts';
export { type ReadHints, readHints } from './io/read-hints.ts';

export { checkNotInput } from './io/output-file.ts';
export { looksLikeFontFile, SHIPPED_FAMILIES } from './text/families.ts';
export { MAX_INPUT_BYTES, MAX_INPUT_BYTES_CEILING } from './io/read-file.ts';
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

export {
  DESCRIBE_PIXEL_RATIO,
  formatFromPath,
  OUTPUTS,
  type Output,
  type OutputFormat,
} from './outputs.ts';

/** Reads and validates a spec file (at most `maxBytes`). */
export function readSpecFile(path: string, maxBytes = MAX_INPUT_BYTES): Spec {
  return validateSpec(
    parseJsonText(new TextDecoder().decode(readBounded(path, path, maxBytes)), path),
    path,
  );
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
  /** The grids of the spec's query sources, from `await queryData(spec)`. */
  readonly loadQuery?: QueryLoader | null;
}

/**
 * The measurer and font files for a spec's `font`: a shipped family by name (first), then
 * font files relative to the spec's folder (a flag's, given on the command line, to the
 * working directory), before DejaVu Sans.
 */
function fontOptions(
  spec: Spec,
  source: string | null,
  fromFlag: boolean,
  read: string[] = [],
): { measurer?: TextMeasurer; fonts?: FontRef[] } {
  if (spec.font === undefined) return {};
  const list = typeof spec.font === 'string' ? [spec.font] : spec.font;
  const where = fromFlag ? '--font' : source ? `${source}: $.font` : '$.font';
  // A name without a font file's extension is a family's; only the first may be one.
  const names = list.map((f, i) => {
    if (looksLikeFontFile(f)) return null;
    const name = familyName(f);
    if (name === null)
      throw new HeatfigError(
        'bad-font',
        msg.unknownFontFamily(JSON.stringify(f), SHIPPED_FAMILIES.join(', ')),
        list.length > 1 && !fromFlag ? `${where}[${i}]` : where,
      );
    if (i > 0)
      throw new HeatfigError('bad-font', msg.familyNotFirst(JSON.stringify(f)), `${where}[${i}]`);
    return name;
  });
  const family = names[0] ? shippedFamily(names[0]) : null;
  const base = source && !fromFlag ? dirname(source) : '.';
  const paths = list.filter((_, i) => names[i] === null).map((f) => resolvePath(base, f));
  read.push(...paths);
  const files = paths.length ? loadFonts(paths, where) : [];
  const next = files.length
    ? chainMeasurer(
        files.map((f) => f.face),
        dejavuSansMeasurer(),
      )
    : dejavuSansMeasurer();
  const fonts: FontRef[] = [
    ...(family ? [{ family: family.family, file: family.file, bold: family.bold }] : []),
    ...files.map((f) => ({ family: f.family, file: f.file })),
  ];
  if (!fonts.length) return {};
  return { measurer: family ? family.measurer(next) : next, fonts };
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
  const [merged, pipeline] = pipelineOptions(spec, {
    ...options,
    format: options.format ?? 'svg',
    pixelRatio: options.pixelRatio ?? DESCRIBE_PIXEL_RATIO,
  });
  return describeSpec(merged, pipeline);
}

/**
 * The spec with flags' overrides: each key replaced, but the keys of `colorbar` and `facet`
 * objects merged, so that --cbar-location keeps the spec's colorbar label and ticks.
 */
function withOverrides(base: Spec, overrides: Partial<Spec> | undefined): Spec {
  const merged: Spec = { ...base, ...overrides };
  const isObject = (v: unknown): v is Record<string, unknown> =>
    typeof v === 'object' && v !== null && !Array.isArray(v);
  for (const key of ['colorbar', 'facet', 'cluster'] as const) {
    const a = base[key];
    const b = overrides?.[key];
    if (isObject(a) && isObject(b)) (merged as Record<string, unknown>)[key] = { ...a, ...b };
  }
  return merged;
}

/** The spec with its overrides, and the pipeline's options for it, read from disk. */
function pipelineOptions(spec: string | Spec, options: RenderFileOptions): [Spec, RenderOptions] {
  // An image no value was read from (readHeatmap's grid, Node's): nothing to draw or describe,
  // refused before the spec's file or fonts are read.
  if (options.grid) valuesRead(options.grid);
  const source = typeof spec === 'string' ? spec : (options.source ?? null);
  const base = typeof spec === 'string' ? readSpecFile(spec, options.maxInputBytes) : spec;
  const merged: Spec = withOverrides(base, options.overrides);
  const format = options.format ?? 'svg';
  const pixelRatio = options.pixelRatio ?? OUTPUTS[format].pixelRatio;
  return [
    merged,
    {
      clock: nodeClock,
      // Clustering's Euclidean distances in WebAssembly SIMD (the same bits as in JavaScript).
      euclidean: wasmEuclidean(),
      ...fontOptions(merged, source, options.overrides?.font !== undefined, options.read),
      format,
      pixelRatio,
      ...(source ? { source } : {}),
      ...(options.grid ? { grid: options.grid } : {}),
      ...(options.loadQuery ? { loadQuery: options.loadQuery } : {}),
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
    throw new HeatfigError('bad-option', msg.scaleOutOfRange(scale, MAX_SCALE), '--scale');
  const w = Math.round(scene.width * scale);
  const h = Math.round(scene.height * scale);
  if (w * h > MAX_PNG_PIXELS)
    throw new HeatfigError(
      'too-large',
      msg.pngTooLarge(
        w.toLocaleString('en-US'),
        h.toLocaleString('en-US'),
        (w * h).toLocaleString('en-US'),
        MAX_PNG_PIXELS.toLocaleString('en-US'),
      ),
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
    // The spec's dpi (matplotlib's) when no scale or dpi is given here.
    const dpi =
      options.dpi ?? (options.scale === undefined ? (result.figure.dpi ?? undefined) : undefined);
    const scale = options.scale ?? (dpi !== undefined ? dpi / 96 : OUTPUTS.png.pixelRatio);
    checkPngSize(result.scene, scale);
    return renderPng(result.scene, {
      scale,
      ...(dpi !== undefined ? { dpi } : {}),
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
            ).map((f, i) => {
              const bold = result.scene.fonts![i]!.bold;
              return bold ? { ...f, bold } : f;
            }),
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
