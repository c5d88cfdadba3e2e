import type { EuclideanKernel } from './cluster/distance.ts';
import { type DataFileLoader, gridFromSpec, type QueryLoader } from './figure/grid-from-spec.ts';
import type { Grid } from './data/grid.ts';
import { fitToPixels, refitToLayout } from './figure/fit-to-pixels.ts';
import { HeatfigError, Warnings } from './errors.ts';
import * as msg from './messages.ts';
import { type Layout, layoutFigure } from './layout/layout.ts';
import { LIMITS, OUTPUTS, type Output, type OutputFormat } from './outputs.ts';
import { buildScene } from './scene/build.ts';
import type { FontRef, Scene } from './scene/types.ts';
import { type Description, describe } from './describe/describe.ts';
import type { Figure } from './figure/types.ts';
import { resolveSpec } from './figure/resolve.ts';
import type { Spec } from './spec/spec-type.ts';
import { validateSpec } from './spec/validate.ts';
import { missingGlyph } from './text/chain.ts';
import { dejavuSansMeasurer, type TextMeasurer } from './text/measure.ts';

export interface RenderOptions {
  /** The data, when it is not (only) in the spec; wins over spec.data. */
  readonly grid?: Grid;
  /** Loads data files the spec names (the Node entry provides one). */
  readonly loadFile?: DataFileLoader;
  /** The grids of query sources, queried beforehand (heatfig/node's queryData). */
  readonly loadQuery?: QueryLoader;
  /** The output the figure is for (default 'svg'): its pixels, its limits, whether it is described (see outputs.ts). */
  readonly format?: OutputFormat;
  /** Name of the spec's file, for error messages. */
  readonly source?: string;
  readonly measurer?: TextMeasurer;
  /** The font files the measurer measures with (before DejaVu Sans), for the PNG and PDF writers. */
  readonly fonts?: readonly FontRef[];
  /** Compute the description (default: whether the output carries one). */
  readonly describe?: boolean;
  /** Device pixels per CSS px of the output (the PNG scale); large grids are reduced to about one cell per device pixel. Default: the output's. */
  readonly pixelRatio?: number;
  /**
   * The clock `timings` are read from, in ms from any origin. Default performance.now(); the
   * Node entry passes one of its own, because in Node the first use of `performance` loads
   * perf_hooks, most of a millisecond of every render.
   */
  readonly clock?: () => number;
  /**
   * Who computes clustering's Euclidean distances: heatfig/node passes WebAssembly SIMD
   * (every distance the same bits as computed here). Default: JavaScript, in this thread.
   */
  readonly euclidean?: EuclideanKernel;
}

/** Refuses what the output cannot hold: shapes past its limit, every cell past its limit, or annotations past legibility. */
function checkSize(figure: Figure, out: Output): void {
  const cells = figure.grid.panels.reduce((s, p) => s + p.rows, 0) * figure.grid.cols;
  if (figure.raster === 'never' && cells > out.shapeCells) {
    throw new HeatfigError(
      'too-large',
      msg.tooManyCells(cells, out.shapeCells, out.label),
      '$.raster',
    );
  }
  if (out.everyCell !== null && cells > out.everyCell)
    throw new HeatfigError(
      'too-large',
      msg.tooManyForEveryCell(cells, out.everyCell, out.label),
      '$.data',
    );
  if (figure.annot && figure.raster === 'never' && cells > LIMITS.annotatedCells) {
    throw new HeatfigError(
      'too-large',
      msg.tooManyAnnotations(cells, LIMITS.annotatedCells),
      '$.annot',
    );
  }
}

export interface RenderResult {
  /** The figure as drawn (a large grid reduced to the output's pixels). */
  readonly figure: Figure;
  /** The figure of the whole grid, when asked for (keepFullGrid) and different from the drawn one. */
  readonly fullFigure: Figure;
  /** What the figure shows, in words, with the claims behind every number (null when not asked for). */
  readonly description: Description | null;
  readonly layout: Layout;
  readonly scene: Scene;
  /** The output the figure was drawn for. */
  readonly format: OutputFormat;
  /** The text of a text format (SVG, scene JSON); empty for PNG, PDF and HTML, which heatfig/node writes from the scene. */
  readonly output: string;
  readonly warnings: readonly string[];
  /** Milliseconds each stage took, in order (`heatfig render --verbose` prints them). */
  readonly timings: readonly (readonly [stage: string, ms: number])[];
}

/** The stages every output shares: a valid spec, its data loaded and fitted, the figure resolved. */
function prepare(
  spec: Spec,
  options: RenderOptions,
  warnings: Warnings,
  took: (stage: string) => void,
): { valid: Spec; loaded: Grid; grid: Grid; figure: Figure } {
  // 1. Validate the user's spec against the one schema.
  const valid: Spec = validateSpec(spec, options.source ?? null);
  took('validate');
  // 2. Load the data into a Grid (inline values, or files through the loader); a grid with
  //    more cells than the output has pixels is reduced block by block.
  const loaded = valuesRead(
    options.grid ?? gridFromSpec(valid, options.loadFile ?? null, options.loadQuery ?? null),
  );
  const grid = fitToPixels(loaded, valid, pixelRatioOf(options));
  took('load');
  // 3. Resolve: fill every default, choose range, norm, colormap and extend (from all of the
  //    values, whatever is drawn).
  const figure = resolveSpec(valid, grid, warnings, loaded, contextOf(options));
  took('resolve');
  return { valid, loaded, grid, figure };
}

/**
 * The grid, where values were read into it: the grid readHeatmap gives for an image no value
 * could be read from (valuesUnread: its shape and labels only) is refused, by whichever entry
 * it is given to (render, describeSpec, the view, heatfig/node's). Drawn or described, its
 * cells would be said missing under a colorbar of heatfig's own, which the image does not
 * have.
 */
export function valuesRead(grid: Grid): Grid {
  const unread = grid.valuesUnread;
  if (unread)
    throw new HeatfigError(
      'no-values',
      msg.imageNoValues(grid.panels[0]!.rows, grid.cols, unread.colorbar),
      unread.source,
    );
  return grid;
}

const contextOf = (options: RenderOptions) =>
  options.euclidean ? { euclidean: options.euclidean } : {};

const pixelRatioOf = (options: RenderOptions) =>
  options.pixelRatio ?? OUTPUTS[options.format ?? 'svg'].pixelRatio;

/** What `heatfig describe` needs: the figure and its description, without laying out or drawing it. */
export interface DescribeResult {
  readonly figure: Figure;
  readonly description: Description;
  readonly warnings: readonly string[];
}

/**
 * The description of a spec's figure, stages 1–3 and describe only: no layout, scene or
 * output (a third of what `render` does for a small figure). The grid is fitted to the
 * pixels as for `render`; a figure whose given width or height makes the layout reduce it
 * again is described before that second reduction.
 */
export function describeSpec(spec: Spec, options: RenderOptions = {}): DescribeResult {
  const warnings = new Warnings();
  const { figure } = prepare(spec, options, warnings, () => {});
  return { figure, description: describe(figure), warnings: warnings.list };
}

/**
 * The resolved figure of every cell, for the interactive view (mount): validated, loaded and
 * resolved, with no layout or scene, which the view makes for the window it shows.
 */
export function viewFigure(
  spec: Spec,
  options: RenderOptions = {},
): { figure: Figure; warnings: string[] } {
  const warnings = new Warnings();
  const valid = validateSpec(spec, options.source ?? null);
  const loaded = valuesRead(
    options.grid ?? gridFromSpec(valid, options.loadFile ?? null, options.loadQuery ?? null),
  );
  return {
    figure: resolveSpec(valid, loaded, warnings, loaded, contextOf(options)),
    warnings: warnings.list,
  };
}

/**
 * The whole pipeline, one stage per step:
 *
 *     spec ──validate──▶ Spec ─┐
 *     data ──load──────▶ Grid ─┴─resolve─▶ Figure ──layout─▶ Layout ──build─▶ Scene ──render─▶ svg | scene JSON
 *                                            └──describe──▶ Description (markdown, claims) ──┘ (into the scene)
 *
 * Returns every intermediate product beside the output. PNG and PDF are drawn from the
 * same scene by the Node entry (heatfig/node).
 */
export function render(spec: Spec, options: RenderOptions = {}): RenderResult {
  const warnings = new Warnings();
  const timings: [string, number][] = [];
  const clock = options.clock ?? (() => performance.now());
  let last = clock();
  const took = (stage: string) => {
    const now = clock();
    timings.push([stage, now - last]);
    last = now;
  };
  const measurer = options.measurer ?? dejavuSansMeasurer();
  const out = OUTPUTS[options.format ?? 'svg'];
  // 1–3. Validate, load (reduced to the output's pixels), resolve.
  const pixelRatio = pixelRatioOf(options);
  const prepared = prepare(spec, options, warnings, took);
  const { valid, loaded } = prepared;
  let { grid, figure } = prepared;
  checkSize(figure, out);
  // 4. Layout: cell size, tick labels, annotation size, titles, colorbar, in px; a grid with
  //    more blocks than its cells' pixels is reduced again and laid out anew.
  let layout = layoutFigure(figure, measurer, warnings);
  const refit = refitToLayout(loaded, grid, layout, valid, pixelRatio);
  if (refit !== grid) {
    grid = refit;
    figure = resolveSpec(valid, grid, warnings, loaded, contextOf(options));
    layout = layoutFigure(figure, measurer, warnings);
  }
  if (layout.width > LIMITS.figurePx || layout.height > LIMITS.figurePx)
    throw new HeatfigError(
      'too-large',
      msg.figureTooLarge(layout.width, layout.height, LIMITS.figurePx),
      valid.cellHeight !== undefined
        ? '$.cellHeight'
        : valid.cellWidth !== undefined
          ? '$.cellWidth'
          : '$',
    );
  took('layout');
  // 5. Describe, beside the drawing: observations from the data, each a checkable claim.
  const description = (options.describe ?? out.describe) ? describe(figure) : null;
  if (description) took('describe');
  // 6. Scene: coloured cells, texts, lines and the colorbar as plain primitives.
  const scene = buildScene(figure, layout, measurer, description?.plain ?? '', options.fonts);
  // Text the fonts cannot draw would come out as boxes: the first such label is named.
  for (const p of scene.primitives) {
    if (p.type !== 'text' || p.role === 'annot') continue;
    const ch = missingGlyph(measurer, p.text);
    if (ch !== null) {
      warnings.add(msg.missingGlyph(p.text, ch, measurer.family));
      break;
    }
  }
  took('scene');
  // 7. Render a text format; PNG, PDF and the HTML page are written from the scene by heatfig/node.
  const output = out.text ? out.text(scene) : '';
  if (out.text) took(out.label);
  // The HTML view keeps every cell, to show them when zoomed in.
  const fullFigure =
    out.everyCell !== null && grid !== loaded
      ? resolveSpec(valid, loaded, new Warnings(), null, contextOf(options))
      : figure;
  return {
    figure,
    fullFigure,
    description,
    layout,
    scene,
    format: out.format,
    output,
    warnings: warnings.list,
    timings,
  };
}
