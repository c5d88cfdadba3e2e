/**
 * `readHeatmap`: a heatmap image (PNG, JPEG, or a page of a PDF through poppler) read back
 * into a grid, in Node, with tesseract.js for the text (see read/read.ts for what is read and
 * how).
 */
import type { Grid } from '../data/grid.ts';
import { positionLabels } from '../data/grid.ts';
import type { Box } from '../read/locate.ts';
import { matchScale } from '../read/match.ts';
import { readValues } from '../read/read.ts';
import { HeatfigError } from '../errors.ts';
import { numberRecognizer } from './ocr.ts';
import { isPdf, pdfPagePng } from './pdf-page.ts';
import { MAX_INPUT_BYTES, readBounded } from './read-file.ts';
import * as msg from '../messages.ts';
import { roundToShare, writeToShare } from '../util/share.ts';

export interface ReadHeatmap {
  /** The cells' values, row by row (missing where a cell could not be placed); labels are positions. */
  readonly grid: Grid;
  /**
   * How far each value may be off (half the colour step either way, and a pixel of the
   * colorbar); on a logarithmic colorbar, the largest value's (see `relative`).
   */
  readonly uncertainty: number;
  /** Whether the colorbar is logarithmic (its labels powers of ten): values were read on a log scale. */
  readonly log: boolean;
  /** The title above the grid (`ax.set_title`), as read; null where none was read surely. */
  readonly title: string | null;
  /** The axes' titles (`set_xlabel`, `set_ylabel`) and the colorbar's, as read; null where none was. */
  readonly xlabel: string | null;
  readonly ylabel: string | null;
  readonly colorbarLabel: string | null;
  /**
   * On a logarithmic colorbar: how far each value read from colour may be off, as a share of
   * itself (`share`, 0.047: ±4.7%; each is written to the place of its own uncertainty's first
   * digit, util/share), and, so written, that and half its last digit (`bound`).
   */
  readonly relative: { readonly share: number; readonly bound: number } | null;
  /** Decimals that claim no more than the pixels hold. */
  readonly decimals: number;
  /**
   * Where every value is a number printed over its cell: a format that prints each as it was
   * printed (`.2f` for fixed decimals, `.2g` for significant digits: 0.8 beside 0.054); else
   * null (values are written with `decimals`).
   */
  readonly format: string | null;
  /** The colorbar's tick values read. */
  readonly ticks: readonly number[];
  /** The named colormap the colorbar shows (matplotlib's and seaborn's, or reversed), or null. */
  readonly cmap: string | null;
  /**
   * Where the colorbar shows a part of a diverging named colormap, `cmap`, cut as seaborn's
   * `center` cuts it (read/match: matchScale), the centre it was cut about; else null.
   */
  readonly center: number | null;
  /** The colorbar's colours, 16 along it, low end first (for a colormap of the figure's own). */
  readonly colors: readonly string[];
  /** The values at the colorbar's ends, rounded to what was read; null when its ticks were not read. */
  readonly range: readonly [number, number] | null;
  /**
   * How many cells were read from the colour of the colorbar's low or high end, each holding
   * that end's value or one past it (their values are the end's).
   */
  readonly beyond: { readonly low: number; readonly high: number };
  /** What could not be read, and where. */
  readonly warnings: readonly string[];
}

export interface ReadOptions {
  /** The page of a PDF to read (1-based; default 1). Only for a PDF. */
  readonly page?: number;
  /**
   * Of an image of several heatmaps, the one to read: 1 for the first, left to right, then
   * top to bottom. Default: the one that covers the most. Past them, a HeatfigError.
   */
  readonly panel?: number;
}

export async function readHeatmap(
  bytes: Uint8Array,
  source = '<image>',
  options: ReadOptions = {},
): Promise<ReadHeatmap> {
  if (isPdf(bytes)) bytes = pdfPagePng(bytes, options.page ?? 1, source);
  else if (options.page !== undefined)
    throw new HeatfigError('bad-option', msg.pageNotPdf(), '--page');
  const ocr = await numberRecognizer();
  try {
    const r = await readValues(bytes, ocr, source, options.panel);
    // A label not read is its position, and a warning counts them.
    const named = (read: readonly (string | null)[] | undefined, n: number) =>
      positionLabels(n).map((p, i) => read?.[i] ?? p);
    // (Those with no label in the image are not unread: they are said apart.)
    const unreadOf = (read: readonly (string | null)[] | undefined, blank: readonly number[]) =>
      (read ?? []).flatMap((l, i) => (l === null && !blank.includes(i) ? [i] : []));
    const blankLabels = { rows: r.labels?.blank.rows ?? [], cols: r.labels?.blank.cols ?? [] };
    const blank = blankLabels.rows.length + blankLabels.cols.length;
    const between = r.labels?.between ?? { rows: false, cols: false };
    const numbered =
      (between.rows ? blankLabels.rows.length : 0) + (between.cols ? blankLabels.cols.length : 0);
    const unreadLabels = {
      rows: unreadOf(r.labels?.rows, blankLabels.rows),
      cols: unreadOf(r.labels?.cols, blankLabels.cols),
    };
    const unread = unreadLabels.rows.length + unreadLabels.cols.length;
    const cutLabels = { rows: r.labels?.cut.rows ?? [], cols: r.labels?.cut.cols ?? [] };
    const cut = cutLabels.rows.length + cutLabels.cols.length;
    const given = (r.labels?.given.rows.length ?? 0) + (r.labels?.given.cols.length ?? 0);
    const anyValue = r.values.some((v) => v === v);
    const grid: Grid = {
      cols: r.cols,
      colLabels: named(r.labels?.cols, r.cols),
      panels: [
        { title: null, rows: r.rows, rowLabels: named(r.labels?.rows, r.rows), values: r.values },
      ],
      ...(anyValue
        ? {
            origin: msg.readOrigin(
              source,
              r.uncertainty,
              r.decimals,
              r.ticks.length,
              r.annotated,
              r.present,
              r.past,
              r.finest,
              r.allPrinted,
              r.relative?.bound ?? null,
              r.doubt,
              r.printedFormat,
            ),
            readDecimals: r.decimals,
            ...(r.printedFormat ? { readFormat: r.printedFormat } : {}),
            ...(r.scale ? {} : { scaleUnread: true as const }),
            readUncertainty: r.uncertainty,
            ...(r.relative ? { readShare: r.relative.share } : {}),
            readLayout: {
              rows: r.labels?.sides.rows ?? null,
              cols: r.labels?.sides.cols ?? null,
              colorbar: r.colorbar ? colorbarPlace(r.colorbar.box, r.grid) : null,
            },
            ...(unread ? { unreadLabels } : {}),
            ...(cut ? { cutLabels } : {}),
            ...(blank ? { blankLabels } : {}),
            ...(numbered ? { blankNumbered: between } : {}),
            ...(given && r.labels ? { givenLabels: r.labels.given } : {}),
            ...(r.labels?.coordinates.rows || r.labels?.coordinates.cols
              ? { coordinateAxes: r.labels.coordinates }
              : {}),
            ...(r.others ? { otherHeatmaps: r.others } : {}),
            ...(r.printedDecimals !== null ? { printedDecimals: r.printedDecimals } : {}),
            ...(r.printedMissing.cells ? { printedMissing: r.printedMissing } : {}),
          }
        : { valuesUnread: { source, colorbar: r.scale !== null } }),
      notes: [
        ...r.warnings,
        ...(anyValue
          ? [
              msg.readFromPixels(
                r.uncertainty,
                r.decimals,
                r.annotated,
                r.present,
                r.finest,
                r.allPrinted,
                r.relative?.bound ?? null,
              ),
            ]
          : []),
        ...(unread ? [msg.labelsUnread(unread, r.rows + r.cols, cut)] : []),
        ...(blank ? [msg.labelsNotShown(blank, r.rows + r.cols, numbered)] : []),
        ...(given ? [msg.labelsFromSequence(given)] : []),
        ...(r.labels?.coordinates.rows
          ? [msg.labelsFromCoordinates('row', r.labels.coordinates.rows)]
          : []),
        ...(r.labels?.coordinates.cols
          ? [msg.labelsFromCoordinates('column', r.labels.coordinates.cols)]
          : []),
      ],
    };
    // The colorbar's colours as the image shows them (turned back where it was read turned over).
    const scale =
      r.scale && r.inverted ? { ...r.scale, colors: r.scale.colors.map((c) => 255 - c) } : r.scale;
    const hex = (i: number) =>
      `#${[...scale!.colors.subarray(i * 3, i * 3 + 3)].map((c) => c.toString(16).padStart(2, '0')).join('')}`;
    const round = (v: number) => asRead(r, v);
    const range = r.range ? ([round(r.range[0]), round(r.range[1])] as const) : null;
    const { cmap, center } = scale
      ? matchScale(scale, range, r.uncertainty)
      : { cmap: null, center: null };
    return {
      grid,
      uncertainty: r.uncertainty,
      log: r.log,
      title: r.titles?.title ?? null,
      xlabel: r.titles?.xlabel ?? null,
      ylabel: r.titles?.ylabel ?? null,
      colorbarLabel: r.titles?.colorbar ?? null,
      relative: r.relative,
      decimals: r.decimals,
      format: r.printedFormat,
      ticks: r.ticks,
      cmap,
      center,
      colors: scale
        ? Array.from({ length: 16 }, (_, j) => hex(Math.round((j * (scale.n - 1)) / 15)))
        : [],
      range,
      beyond: r.beyond,
      warnings: r.warnings,
    };
  } finally {
    await ocr.close();
  }
}

/**
 * Where a colorbar stands against the grid, in words: at its right, left, top or bottom where
 * it lies beside it (along a side it shares some of), else in a corner ("top left").
 */
export function colorbarPlace(bar: Box, grid: Box): string {
  const rows = bar.y1 > grid.y0 && bar.y0 < grid.y1;
  const cols = bar.x1 > grid.x0 && bar.x0 < grid.x1;
  const h = bar.x0 >= grid.x1 ? 'right' : bar.x1 <= grid.x0 ? 'left' : null;
  const v = bar.y1 <= grid.y0 ? 'top' : bar.y0 >= grid.y1 ? 'bottom' : null;
  if (rows && h) return h;
  if (cols && v) return v;
  return [v, h].filter(Boolean).join(' ') || 'right';
}

/** A heatmap image file read back (bounded as every file read whole is). */
export async function readHeatmapFile(
  path: string,
  maxBytes = MAX_INPUT_BYTES,
  options: ReadOptions = {},
): Promise<ReadHeatmap> {
  return readHeatmap(readBounded(path, path, maxBytes), path, options);
}

/**
 * A value as read: to the place of its own uncertainty on a logarithmic colorbar (util/share:
 * 1200 beside 3.4), else to the decimals read.
 */
function asRead(
  r: { readonly relative: { readonly share: number } | null; readonly decimals: number },
  v: number,
): number {
  return r.relative ? roundToShare(v, r.relative.share) : Number(v.toFixed(r.decimals));
}

/**
 * A CSV field as pandas' to_csv() writes one: quoted where it holds a comma, a quote or a
 * line break, its quotes doubled.
 */
const csvField = (s: string) => (/[",\r\n]/u.test(s) ? `"${s.replace(/"/gu, '""')}"` : s);

/**
 * The grid as pandas' to_csv() writes a frame: the rows' title read (the index's name, as
 * seaborn's y axis shows it) in the corner, the column labels, then each row's label and
 * values (empty: missing). Labels with a comma (pandas' intervals, "(0.5, 1.0]") are quoted.
 */
export function gridCsv(r: ReadHeatmap): string {
  const g = r.grid;
  const p = g.panels[0]!;
  // Numbers printed with significant digits (0.8 beside 0.054) are written as printed: the
  // values are those numbers, and their shortest form is their print.
  // Values read from a logarithmic colorbar, each to its own place: 1200 beside 3.4.
  const share = r.relative?.share;
  const f =
    share !== undefined
      ? (v: number) => writeToShare(v, share)
      : r.format?.endsWith('g')
        ? String
        : (v: number) => v.toFixed(r.decimals);
  const cell = (v: number) => (v === v ? f(v) : '');
  const lines = [[r.ylabel ?? '', ...g.colLabels].map(csvField).join(',')];
  for (let i = 0; i < p.rows; i++)
    lines.push(
      `${csvField(p.rowLabels[i]!)},${Array.from(p.values.subarray(i * g.cols, (i + 1) * g.cols), cell).join(',')}`,
    );
  return `${lines.join('\n')}\n`;
}

/** The grid as a spec heatfig renders: its values inline (missing as null), rounded to what was read; printed over the cells where the image printed every one. */
export function gridSpec(r: ReadHeatmap): object {
  const g = r.grid;
  const p = g.panels[0]!;
  const round = (v: number) => (v !== v ? null : asRead(r, v));
  return {
    ...colorsOf(r),
    // Every value printed over its cell: printed again, in the format it was printed in.
    ...(r.format ? { annot: true, fmt: r.format } : {}),
    data: {
      values: Array.from({ length: p.rows }, (_, i) =>
        Array.from(p.values.subarray(i * g.cols, (i + 1) * g.cols), round),
      ),
      rows: p.rowLabels,
      cols: g.colLabels,
    },
  };
}

/**
 * The colour scale an image showed, as spec options: its colormap (named, or its colours; a
 * named one cut about a centre with `center`) and the colorbar's range; and `xaxis: "top"`
 * where its columns are labelled above the grid.
 */
export function colorsOf(r: ReadHeatmap): {
  cmap?: string | string[];
  center?: number;
  vmin?: number;
  vmax?: number;
  norm?: 'log';
  xaxis?: 'top';
  title?: string;
  xlabel?: string;
  ylabel?: string;
  colorbar?: { label: string };
} {
  // The colorbar's ends, widened to the values read (a value read a little past an end, or
  // an end rounded inwards, would otherwise be drawn as beyond the range).
  let lo = r.range ? Math.min(r.range[0], r.range[1]) : null;
  let hi = r.range ? Math.max(r.range[0], r.range[1]) : null;
  for (const v of r.grid.panels[0]?.values ?? [])
    if (v === v && lo !== null && hi !== null) {
      lo = Math.min(lo, v);
      hi = Math.max(hi, v);
    }
  return {
    ...(r.cmap ? { cmap: r.cmap } : r.colors.length ? { cmap: [...r.colors] } : {}),
    // (A cut colormap's centre: seaborn's `center`, with which the spec draws the same cut.)
    ...(r.cmap && r.center !== null ? { center: r.center } : {}),
    ...(lo !== null && hi !== null && lo < hi ? { vmin: lo, vmax: hi } : {}),
    ...(r.log ? { norm: 'log' as const } : {}),
    // Its columns labelled above the grid, as the image has them.
    ...(r.grid.readLayout?.cols === 'top' ? { xaxis: 'top' as const } : {}),
    // Its titles, as read around the grid.
    ...(r.title !== null ? { title: r.title } : {}),
    ...(r.xlabel !== null ? { xlabel: r.xlabel } : {}),
    ...(r.ylabel !== null ? { ylabel: r.ylabel } : {}),
    ...(r.colorbarLabel !== null ? { colorbar: { label: r.colorbarLabel } } : {}),
  };
}
