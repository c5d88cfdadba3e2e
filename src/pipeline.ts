import { type DataFileLoader, gridFromSpec } from './data/from-spec.ts';
import type { Grid } from './data/grid.ts';
import { reduceGrid, shrinkFactor } from './data/reduce.ts';
import { DEFAULTS, GEOMETRY } from './spec/defaults.ts';
import { HeatfigError, Warnings } from './errors.ts';
import { msg } from './messages.ts';
import { type Layout, layoutFigure } from './layout/layout.ts';
import { renderSvg, type SvgOptions } from './render/svg.ts';
import { sceneToJson } from './scene/json.ts';
import { buildScene } from './scene/build.ts';
import type { Scene } from './scene/types.ts';
import { type Description, describe } from './describe/describe.ts';
import type { Figure } from './spec/figure.ts';
import { resolveSpec } from './spec/resolve.ts';
import type { Spec } from './spec/schema.ts';
import { validateSpec } from './spec/validate.ts';
import { dejavuSansMeasurer, type TextMeasurer } from './text/measure.ts';

export interface RenderOptions {
  /** The data, when it is not (only) in the spec; wins over spec.data. */
  readonly grid?: Grid;
  /** Loads data files the spec names (the Node entry provides one). */
  readonly loadFile?: DataFileLoader;
  /** 'svg' (default), 'scene' (JSON), or 'none' (no text output: PNG and PDF are drawn from the scene). */
  readonly format?: 'svg' | 'scene' | 'none';
  /** The file format the result is for (PNG and PDF are drawn from the scene); it sets the size limits. Default: format. */
  readonly target?: 'svg' | 'scene' | 'png' | 'pdf' | 'html';
  /** Name of the spec's file, for error messages. */
  readonly source?: string;
  readonly measurer?: TextMeasurer;
  /** Also resolve the figure of the whole grid when the drawn one is reduced (the HTML view shows every cell). */
  readonly keepFullGrid?: boolean;
  /** Compute the description (default true; a PNG has no use for it). */
  readonly describe?: boolean;
  /** Device pixels per CSS px of the output (the PNG scale); large grids are reduced to about one cell per device pixel. Default 2. */
  readonly pixelRatio?: number;
  readonly svg?: SvgOptions;
  /**
   * The clock `timings` are read from, in ms from any origin. Default performance.now(); the
   * Node entry passes one of its own, because in Node the first use of `performance` loads
   * perf_hooks, most of a millisecond of every render.
   */
  readonly clock?: () => number;
}

/** Cells drawn as shapes, at most, per output; annotated cells at most. */
export const LIMITS = {
  vectorCells: 250_000,
  rasterCells: 4_000_000,
  annotatedCells: 20_000,
} as const;

/** Reduces a grid too large for the output's pixels (unless raster is "never"). */
export function fitToPixels(grid: Grid, spec: Spec, pixelRatio: number): Grid {
  if (grid.reduced || spec.raster === 'never') return grid;
  const rows = grid.panels.reduce((s, p) => s + p.rows, 0);
  const f = shrinkFactor(rows, grid.cols, pixelRatio, GEOMETRY.rasterGrid);
  return f > 1 ? reduceGrid(grid, f, spec.reduce ?? DEFAULTS.reduce) : grid;
}

/** Refuses what no output can hold: vector cells past the limit, or annotations past legibility. */
function checkSize(figure: Figure, target: string): void {
  const cells = figure.grid.panels.reduce((s, p) => s + p.rows, 0) * figure.grid.cols;
  const limit = target === 'png' ? LIMITS.rasterCells : LIMITS.vectorCells;
  if (figure.raster === 'never' && cells > limit) {
    throw new HeatfigError(
      'too-large',
      msg.tooManyCells(cells, limit, target.toUpperCase()),
      '$.raster',
    );
  }
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
  readonly output: string;
  readonly warnings: readonly string[];
  /** Milliseconds each stage took, in order (`heatfig render --verbose` prints them). */
  readonly timings: readonly (readonly [stage: string, ms: number])[];
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
export function render(spec: unknown, options: RenderOptions = {}): RenderResult {
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
  // 1. Validate the user's spec against the one schema.
  const valid: Spec = validateSpec(spec, options.source ?? null);
  took('validate');
  // 2. Load the data into a Grid (inline values, or files through the loader).
  const loaded = options.grid ?? gridFromSpec(valid, options.loadFile ?? null);
  // 2b. A grid with more cells than the output has pixels is reduced block by block.
  const grid = fitToPixels(loaded, valid, options.pixelRatio ?? 2);
  took('load');
  // 3. Resolve: fill every default, choose range, norm, colormap and extend.
  const figure = resolveSpec(valid, grid, warnings);
  took('resolve');
  checkSize(figure, options.target ?? options.format ?? 'svg');
  // 4. Describe, beside the drawing: observations from the data, each a checkable claim.
  const description = options.describe === false ? null : describe(figure);
  if (description) took('describe');
  // 5. Layout: cell size, tick labels, annotation size, titles, colorbar, in px.
  const layout = layoutFigure(figure, measurer, warnings);
  took('layout');
  // 6. Scene: coloured cells, texts, lines and the colorbar as plain primitives.
  const scene = buildScene(figure, layout, measurer, description?.markdown ?? '');
  took('scene');
  // 7. Render.
  const output =
    options.format === 'scene'
      ? sceneToJson(scene)
      : options.format === 'none'
        ? ''
        : renderSvg(scene, options.svg);
  if (options.format !== 'none') took(options.format === 'scene' ? 'scene JSON' : 'SVG');
  const fullFigure =
    options.keepFullGrid && grid !== loaded ? resolveSpec(valid, loaded, new Warnings()) : figure;
  return {
    figure,
    fullFigure,
    description,
    layout,
    scene,
    output,
    warnings: warnings.list,
    timings,
  };
}
