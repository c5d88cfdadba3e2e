/**
 * heatfig's public API for every runtime (Node and browsers): resolve a spec, lay it out,
 * build the scene and render SVG or scene JSON. Files, PNG and PDF: see heatfig/node.
 */
export { colormapFromList, colormapNames, namedColormap, reversed } from './color/colormap.ts';
export type { Colormap } from './color/colormap.ts';
export { makeColorizer } from './color/colorize.ts';
export { contrastRatio, relativeLuminance, textColorOn } from './color/contrast.ts';
export { makeNorm } from './color/norm.ts';
export type { NormSpec } from './color/norm.ts';
export { checkClaims } from './describe/check.ts';
export { cluster } from './figure/cluster.ts';
export type { ClusterGridOptions } from './figure/cluster.ts';
export { clusterAxis } from './cluster/cluster.ts';
export { METRICS } from './cluster/distance.ts';
export { METHODS } from './cluster/linkage.ts';
export type { AxisTree, ClusterOptions } from './cluster/cluster.ts';
export type { CheckResult, Sentence } from './describe/check.ts';
export type { Claim, ClaimInput, ClaimKind, ClaimOf, Kinds } from './describe/claims.ts';
export { describe } from './describe/describe.ts';
export type { Description } from './describe/describe.ts';
export { gridFromSpec } from './figure/grid-from-spec.ts';
export { gridFromArray, gridFromArrow, gridFromRecords } from './data/arrays.ts';
export type { ArrayLabels, ArrowTableLike, RecordKeys } from './data/arrays.ts';
export { gridFromMatrix } from './data/grid.ts';
export type { Grid, Panel } from './data/grid.ts';
export { HeatfigError, isHeatfigError } from './errors.ts';
export { makeFormatter } from './format/number.ts';
export { layoutFigure } from './layout/layout.ts';
export type { Layout } from './layout/layout.ts';
export { describeSpec, render } from './pipeline.ts';
export type { DescribeResult, RenderOptions, RenderResult } from './pipeline.ts';
export { renderSvg } from './render/svg.ts';
export { buildScene } from './scene/build.ts';
export { sceneToJson } from './scene/json.ts';
export { textBox } from './scene/text.ts';
export type { Primitive, Scene } from './scene/types.ts';
export type { Figure } from './figure/types.ts';
export { resolveSpec } from './figure/resolve.ts';
export type {
  ColorbarOption,
  DataFileOption,
  DataSource,
  Spec,
  TickLabelsOption,
} from './spec/spec-type.ts';
export { validateSpec } from './spec/validate.ts';
export { dejavuSansMeasurer } from './text/measure.ts';
export type { TextMeasurer } from './text/measure.ts';
