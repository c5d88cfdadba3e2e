import { type DataFileLoader, gridFromSpec } from './data/from-spec.ts';
import type { Grid } from './data/grid.ts';
import { Warnings } from './errors.ts';
import { type Layout, layoutFigure } from './layout/layout.ts';
import { renderSvg, type SvgOptions } from './render/svg.ts';
import { sceneToJson } from './scene/json.ts';
import { buildScene } from './scene/build.ts';
import type { Scene } from './scene/types.ts';
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
  /** 'svg' (default) or 'scene' (JSON). */
  readonly format?: 'svg' | 'scene';
  /** Name of the spec's file, for error messages. */
  readonly source?: string;
  readonly measurer?: TextMeasurer;
  readonly svg?: SvgOptions;
}

export interface RenderResult {
  readonly figure: Figure;
  readonly layout: Layout;
  readonly scene: Scene;
  readonly output: string;
  readonly warnings: readonly string[];
}

/**
 * The whole pipeline, one stage per step:
 *
 *     spec ──validate──▶ Spec ─┐
 *     data ──load──────▶ Grid ─┴─resolve─▶ Figure ──layout─▶ Layout ──build─▶ Scene ──render─▶ svg | scene JSON
 *
 * Returns every intermediate product beside the output. PNG and PDF are drawn from the
 * same scene by the Node entry (heatfig/node).
 */
export function render(spec: unknown, options: RenderOptions = {}): RenderResult {
  const warnings = new Warnings();
  const measurer = options.measurer ?? dejavuSansMeasurer();
  // 1. Validate the user's spec against the one schema.
  const valid: Spec = validateSpec(spec, options.source ?? null);
  // 2. Load the data into a Grid (inline values, or files through the loader).
  const grid = options.grid ?? gridFromSpec(valid, options.loadFile ?? null);
  // 3. Resolve: fill every default, choose range, norm, colormap and extend.
  const figure = resolveSpec(valid, grid, warnings);
  // 4. Layout: cell size, tick labels, annotation size, titles, colorbar, in px.
  const layout = layoutFigure(figure, measurer, warnings);
  // 5. Scene: coloured cells, texts, lines and the colorbar as plain primitives.
  const scene = buildScene(figure, layout, measurer);
  // 6. Render.
  const output = options.format === 'scene' ? sceneToJson(scene) : renderSvg(scene, options.svg);
  return { figure, layout, scene, output, warnings: warnings.list };
}
