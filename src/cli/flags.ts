/**
 * The flags that say how to read the data and how the figure looks, in one declarative table:
 * each flag's spelling, help, accepted values and where its value goes (a spec key, a
 * colorbar key, or how the input is read). The commander options, the spec overrides, the
 * load options and the flag an error names are all read from it.
 */
import { resolve as resolvePath } from 'node:path';
import { type Command, Option } from 'commander';
import {
  aggregate,
  bins,
  indexCol,
  number,
  numberList,
  ticklabels,
  within,
  xrotation,
} from './flag-parsers.ts';
import {
  type LoadOptions,
  type QuerySource,
  METHODS,
  METRICS,
  looksLikeFontFile,
  MAX_INPUT_BYTES,
  MAX_INPUT_BYTES_CEILING,
  type Spec,
} from '../node.ts';

/** Where a flag's value goes. */
type Target =
  | { readonly spec: keyof Spec }
  | {
      readonly colorbar: 'label' | 'extend' | 'format' | 'location' | 'shrink' | 'drawedges';
    }
  | { readonly facet: 'wrap' }
  | { readonly cluster: 'axes' | 'method' | 'metric' | 'optimalOrdering' }
  | { readonly load: keyof LoadOptions }
  | { readonly query: 'engine' | 'filter' | 'bins' | 'topX' | 'topY' | 'rest' }
  | { readonly run: 'maxInputBytes' | 'page' | 'panel' };

export interface Flag {
  /** commander's spelling: `--vmin <n>`, `--robust`, `--no-annot`. */
  readonly flags: string;
  readonly help: string;
  readonly to: Target;
  readonly choices?: readonly string[];
  readonly parse?: (value: string, previous: unknown) => unknown;
}

const spec = (key: keyof Spec) => ({ spec: key });
const load = (key: keyof LoadOptions) => ({ load: key });

export const FIGURE_FLAGS: readonly Flag[] = [
  {
    flags: '--input-format <format>',
    help: 'format of the input (default: from its extension)',
    to: load('format'),
    choices: ['csv', 'tsv', 'json', 'npy', 'npz'],
  },
  {
    flags: '--sep <char>',
    help: 'CSV delimiter (default: detected; \\t for tab)',
    to: load('sep'),
  },
  {
    flags: '--x <column>',
    help: 'long data: the column whose labels become the columns',
    to: load('x'),
  },
  {
    flags: '--y <column>',
    help: 'long data: the column whose labels become the rows',
    to: load('y'),
  },
  { flags: '--value <column>', help: 'long data: the column of values', to: load('value') },
  {
    flags: '--agg <how>',
    help: 'long data: combine the values of one (x, y) pair: mean, sum, min, max, count, first; with an engine also median, std, quantile(q)',
    to: load('agg'),
    parse: aggregate,
  },
  {
    flags: '--engine <engine>',
    help: 'long data aggregated by a SQL engine: duckdb (Parquet, CSV, NDJSON files and globs) or clickhouse://host:8123/db (the input names a table)',
    to: { query: 'engine' },
  },
  {
    flags: '--filter <sql>',
    help: 'engine: only rows this SQL boolean expression is true of',
    to: { query: 'filter' },
  },
  {
    flags: '--bins <n[,m]>',
    help: 'engine: bin numeric x and y into about n (and m) round-width bins: a 2-D histogram',
    to: { query: 'bins' },
    parse: bins,
  },
  {
    flags: '--top-x <k>',
    help: 'engine: keep the k most frequent x categories',
    to: { query: 'topX' },
    parse: within('--top-x', 0, 100_000, true, true),
  },
  {
    flags: '--top-y <k>',
    help: 'engine: keep the k most frequent y categories',
    to: { query: 'topY' },
    parse: within('--top-y', 0, 100_000, true, true),
  },
  {
    flags: '--rest <how>',
    help: 'engine: categories past --top-x/--top-y: an error, grouped as "other", or left out',
    to: { query: 'rest' },
    choices: ['refuse', 'other', 'drop'],
  },
  {
    flags: '--sort <order>',
    help: 'order of labels',
    to: load('sort'),
    choices: ['appearance', 'natural', 'alpha', 'value'],
  },
  {
    flags: '--cluster <axes>',
    help: "cluster and reorder the rows, the columns or both, with dendrograms (seaborn's clustermap)",
    to: { cluster: 'axes' },
    choices: ['rows', 'cols', 'both'],
  },
  {
    flags: '--method <method>',
    help: "clustering's linkage method, as scipy's (default average; implies --cluster both)",
    to: { cluster: 'method' },
    choices: METHODS,
  },
  {
    flags: '--metric <metric>',
    help: "clustering's distance, as scipy's pdist (default euclidean; implies --cluster both)",
    to: { cluster: 'metric' },
    choices: [...METRICS, 'precomputed'],
  },
  {
    flags: '--optimal-ordering',
    help: "flip clustering's merges so neighbouring leaves are nearest (scipy's optimal_leaf_ordering)",
    to: { cluster: 'optimalOrdering' },
  },
  {
    flags: '--z-score <axis>',
    help: "(x − mean) / sd within each row or column, before the colours and clustering (seaborn's z_score)",
    to: spec('zScore'),
    choices: ['row', 'col'],
  },
  {
    flags: '--standard-scale <axis>',
    help: "(x − min) / (max − min) within each row or column (seaborn's standard_scale)",
    to: spec('standardScale'),
    choices: ['row', 'col'],
  },
  {
    flags: '--facet-row <column>',
    help: 'long data: the column whose values are the rows of facets (seaborn row=)',
    to: load('facetRow'),
  },
  {
    flags: '--facet-col <column>',
    help: 'long data: the column whose values are the columns of facets (seaborn col=)',
    to: load('facetCol'),
  },
  {
    flags: '--facet-wrap <n>',
    help: 'facets per row, for a 3-D array or one facet column (default: near square)',
    to: { facet: 'wrap' },
    parse: within('--facet-wrap', 1, 100, false, true),
  },
  { flags: '--key <name>', help: '.npz: the array to draw (default: the first)', to: load('key') },
  {
    flags: '--max-input-bytes <n>',
    help: `the most bytes read whole from a file or standard input (default ${MAX_INPUT_BYTES.toLocaleString('en-US')}; a .npy is streamed)`,
    to: { run: 'maxInputBytes' },
    parse: within('--max-input-bytes', 0, MAX_INPUT_BYTES_CEILING, true, true),
  },
  {
    flags: '--page <n>',
    help: 'a heatmap image in a PDF: the page to read (default 1; needs poppler-utils)',
    to: { run: 'page' },
    parse: within('--page', 1, 100_000, false, true),
  },
  {
    flags: '--panel <n>',
    help: 'an image of several heatmaps: the one to read, numbered left to right, then top to bottom (default: the one that covers the most)',
    to: { run: 'panel' },
    parse: within('--panel', 1, 1000, false, true),
  },
  {
    flags: '--font <name|file>',
    help: 'a shipped family ("DejaVu Serif", "Liberation Serif" for Times, "CMU Serif" for Computer Modern), or a .ttf/.otf/.ttc font for labels DejaVu Sans lacks (repeat for a fallback chain)',
    to: spec('font'),
    parse: (v, prev) => [
      ...((prev as string[] | undefined) ?? []),
      looksLikeFontFile(v) ? resolvePath(v) : v,
    ],
  },
  {
    flags: '--index-col <n|none>',
    help: 'CSV: the column of row labels, 0 for the first, or none (default: as pandas wrote it)',
    to: load('indexCol'),
    parse: indexCol,
  },
  {
    flags: '--orient <orient>',
    help: "JSON: the orient of pandas' to_json",
    to: load('orient'),
    choices: ['split', 'index', 'columns', 'values', 'records', 'table'],
  },
  { flags: '--title <text>', help: 'figure title', to: spec('title') },
  { flags: '--xlabel <text>', help: 'x axis title', to: spec('xlabel') },
  { flags: '--ylabel <text>', help: 'y axis title', to: spec('ylabel') },
  { flags: '--cmap <name>', help: 'colormap name (e.g. viridis, RdBu_r)', to: spec('cmap') },
  {
    flags: '--vmin <n>',
    help: 'value at the low end of the colormap',
    to: spec('vmin'),
    parse: number('--vmin'),
  },
  {
    flags: '--vmax <n>',
    help: 'value at the high end of the colormap',
    to: spec('vmax'),
    parse: number('--vmax'),
  },
  {
    flags: '--center <n>',
    help: 'value at the middle of the colormap (diverging data)',
    to: spec('center'),
    parse: number('--center'),
  },
  { flags: '--robust', help: 'range from the 2nd and 98th percentiles', to: spec('robust') },
  {
    flags: '--norm <norm>',
    help: 'how values map to colours',
    to: spec('norm'),
    choices: ['linear', 'log', 'symlog', 'twoslope', 'power', 'asinh', 'boundary'],
  },
  {
    flags: '--reverse',
    help: 'reverse the colormap (a name, a list or stops), as matplotlib _r',
    to: spec('reverse'),
  },
  {
    flags: '--gamma <n>',
    help: 'exponent for --norm power (matplotlib PowerNorm)',
    to: spec('gamma'),
    parse: number('--gamma'),
  },
  {
    flags: '--boundaries <list>',
    help: 'bin edges for --norm boundary, comma-separated and increasing (matplotlib BoundaryNorm)',
    to: spec('boundaries'),
    parse: numberList('--boundaries'),
  },
  {
    flags: '--linear-width <n>',
    help: 'near-linear half-width for --norm asinh (matplotlib AsinhNorm)',
    to: spec('linearWidth'),
    parse: number('--linear-width'),
  },
  {
    flags: '--linscale <n>',
    help: 'length of the linear range against a decade, for --norm symlog',
    to: spec('linscale'),
    parse: number('--linscale'),
  },
  {
    flags: '--base <n>',
    help: 'logarithm base for --norm symlog (default 10)',
    to: spec('base'),
    parse: number('--base'),
  },
  {
    flags: '--linthresh <n>',
    help: 'linear range around 0 for --norm symlog',
    to: spec('linthresh'),
    parse: number('--linthresh'),
  },
  { flags: '--annot', help: 'write each value in its cell', to: spec('annot') },
  { flags: '--no-annot', help: 'no values in cells', to: spec('annot') },
  { flags: '--fmt <spec>', help: 'annotation number format, e.g. .2f .1% d', to: spec('fmt') },
  {
    flags: '--annot-size <px>',
    help: 'annotation font size',
    to: spec('annotSize'),
    parse: number('--annot-size'),
  },
  { flags: '--no-colorbar', help: 'hide the colorbar', to: spec('colorbar') },
  { flags: '--cbar-label <text>', help: 'colorbar title', to: { colorbar: 'label' } },
  { flags: '--cbar-format <spec>', help: 'colorbar tick format', to: { colorbar: 'format' } },
  {
    flags: '--cbar-location <where>',
    help: 'where the colorbar goes',
    to: { colorbar: 'location' },
    choices: ['right', 'left', 'top', 'bottom'],
  },
  {
    flags: '--cbar-shrink <fraction>',
    help: "colorbar length as a fraction of the grid's side",
    to: { colorbar: 'shrink' },
    parse: within('--cbar-shrink', 0, 1),
  },
  {
    flags: '--cbar-drawedges',
    help: 'lines between the colorbar colours',
    to: { colorbar: 'drawedges' },
  },
  {
    flags: '--extend <how>',
    help: 'colorbar extend triangles',
    to: { colorbar: 'extend' },
    choices: ['auto', 'neither', 'min', 'max', 'both'],
  },
  {
    flags: '--xticklabels <v>',
    help: 'true, false, auto, every nth (a number), or labels a,b,c',
    to: spec('xticklabels'),
    parse: ticklabels('--xticklabels'),
  },
  {
    flags: '--yticklabels <v>',
    help: 'as --xticklabels',
    to: spec('yticklabels'),
    parse: ticklabels('--yticklabels'),
  },
  {
    flags: '--xaxis <where>',
    help: 'column labels at the bottom or top',
    to: spec('xaxis'),
    choices: ['bottom', 'top'],
  },
  {
    flags: '--xrotation <deg>',
    help: 'column label rotation in degrees, or auto',
    to: spec('xrotation'),
    parse: xrotation,
  },
  {
    flags: '--mask <which>',
    help: 'hide a triangle',
    to: spec('mask'),
    choices: ['upper', 'lower'],
  },
  { flags: '--square', help: 'square cells', to: spec('square') },
  {
    flags: '--linewidths <px>',
    help: 'lines between cells',
    to: spec('linewidths'),
    parse: number('--linewidths'),
  },
  { flags: '--linecolor <color>', help: 'colour of lines between cells', to: spec('linecolor') },
  { flags: '--width <px>', help: 'figure width', to: spec('width'), parse: number('--width') },
  { flags: '--height <px>', help: 'figure height', to: spec('height'), parse: number('--height') },
  {
    flags: '--cell-width <px>',
    help: 'cell width',
    to: spec('cellWidth'),
    parse: number('--cell-width'),
  },
  {
    flags: '--cell-height <px>',
    help: 'cell height',
    to: spec('cellHeight'),
    parse: number('--cell-height'),
  },
  {
    flags: '--font-size <size>',
    help: 'tick label font size: px, or points as 8pt',
    to: spec('fontSize'),
    parse: (v: string) => (/^\d+(\.\d+)?(px|pt)$/.test(v) ? v : number('--font-size')(v)),
  },
  {
    flags: '--figsize <w,h>',
    help: "figure size in inches, as matplotlib's figsize (96 px to the inch)",
    to: spec('figsize'),
    parse: numberList('--figsize'),
  },
  {
    flags: '--theme <theme>',
    help: 'background and ink together',
    to: spec('theme'),
    choices: ['light', 'dark', 'transparent'],
  },
  {
    flags: '--raster <when>',
    help: 'draw the cells as one image (auto: for large grids)',
    to: spec('raster'),
    choices: ['auto', 'always', 'never'],
  },
  {
    flags: '--reduce <how>',
    help: 'how a block of cells becomes one pixel of a large grid',
    to: spec('reduce'),
    choices: ['mean', 'max', 'min', 'absmax'],
  },
];

/** commander's attribute name of a flag: `--cell-width <px>` → cellWidth, `--no-annot` → annot. */
export function attributeOf(flag: Flag): string {
  const long = /--(?:no-)?([\w-]+)/.exec(flag.flags)![1]!;
  return long.replace(/-(\w)/g, (_, c: string) => c.toUpperCase());
}

/** The figure flags added to a command, from the table. */
export function addFigureFlags(cmd: Command): Command {
  for (const f of FIGURE_FLAGS) {
    const option = new Option(f.flags, f.help);
    if (f.choices) option.choices(f.choices);
    if (f.parse) option.argParser(f.parse);
    cmd.addOption(option);
  }
  return cmd;
}

/** The parsed flags: the spec they override, how the input is read, and the run's options. */
/** What the engine flags set of a query source (--engine, --filter, --bins, --top-x, …). */
export type QueryFlags = Partial<Pick<QuerySource, 'engine' | 'filter' | 'bins' | 'top'>>;

export interface FlagValues {
  readonly overrides: Partial<Spec>;
  readonly load: LoadOptions;
  readonly query: QueryFlags;
  readonly maxInputBytes?: number;
  /** The page of a PDF read back as a heatmap image. */
  readonly page?: number;
  /** Which of an image's heatmaps is read back (1-based, in reading order). */
  readonly panel?: number;
}

/** Sorts the values commander parsed into where the table says they go; a flag not given sets nothing. */
export function flagValues(o: Record<string, unknown>): FlagValues {
  const overrides: Record<string, unknown> = {};
  const loadOptions: Record<string, unknown> = {};
  const colorbar: Record<string, unknown> = {};
  const facet: Record<string, unknown> = {};
  const cluster: Record<string, unknown> = {};
  const query: Record<string, unknown> = {};
  let maxInputBytes: number | undefined;
  let page: number | undefined;
  let panel: number | undefined;
  for (const f of FIGURE_FLAGS) {
    const v = o[attributeOf(f)];
    if (v === undefined) continue;
    const to = f.to;
    if ('spec' in to) {
      // commander sets `colorbar: true` by default for --no-colorbar: only false is a choice.
      if (to.spec !== 'colorbar' || v === false) overrides[to.spec] = v;
    } else if ('colorbar' in to) colorbar[to.colorbar] = v;
    else if ('facet' in to) facet[to.facet] = v;
    else if ('cluster' in to) {
      if (to.cluster === 'axes') {
        cluster['rows'] = v !== 'cols';
        cluster['cols'] = v !== 'rows';
      } else cluster[to.cluster] = v;
    } else if ('load' in to) loadOptions[to.load] = v === '\\t' ? '\t' : v;
    else if ('query' in to) query[to.query] = v;
    else if (to.run === 'page') page = v as number;
    else if (to.run === 'panel') panel = v as number;
    else maxInputBytes = v as number;
  }
  if (overrides['colorbar'] === undefined && Object.keys(colorbar).length)
    overrides['colorbar'] = colorbar;
  if (Object.keys(facet).length) overrides['facet'] = facet;
  if (Object.keys(cluster).length) overrides['cluster'] = cluster;
  const { topX, topY, rest, ...plain } = query;
  const top = {
    ...(topX !== undefined ? { x: topX } : {}),
    ...(topY !== undefined ? { y: topY } : {}),
    ...(rest !== undefined ? { rest } : {}),
  };
  return {
    overrides: overrides as Partial<Spec>,
    load: loadOptions as LoadOptions,
    query: { ...plain, ...(Object.keys(top).length ? { top } : {}) } as QueryFlags,
    ...(maxInputBytes !== undefined ? { maxInputBytes } : {}),
    ...(page !== undefined ? { page } : {}),
    ...(panel !== undefined ? { panel } : {}),
  };
}

/**
 * The flag that set the option at a spec path, for errors about it (`vmin` → `--vmin`,
 * `colorbar.extend` → `--extend`); null when no flag set it (it came from the spec file).
 */
export function flagOfPath(
  key: string,
  sub: string | null,
  overrides: Partial<Spec>,
): string | null {
  if (!(key in overrides)) return null;
  const f = FIGURE_FLAGS.find((x) =>
    'colorbar' in x.to
      ? key === 'colorbar' && sub === x.to.colorbar
      : 'facet' in x.to
        ? key === 'facet' && sub === x.to.facet
        : 'cluster' in x.to
          ? key === 'cluster' &&
            (sub === x.to.cluster ||
              (x.to.cluster === 'axes' && (sub === null || sub === 'rows' || sub === 'cols')))
          : 'spec' in x.to && x.to.spec === key && !(key === 'colorbar' && sub),
  );
  return f ? /--[\w-]+/.exec(f.flags)![0] : null;
}

/**
 * The flag that set an option of the data the flags made (`--value` for `$.data.value`,
 * `--top-y` for `$.data.top.y`), from the same table; null for none.
 */
export function flagOfDataPath(key: string, sub: string | null): string | null {
  const query = key === 'top' ? ({ x: 'topX', y: 'topY', rest: 'rest' } as const)[sub as 'x'] : key;
  const f = FIGURE_FLAGS.find((x) =>
    'load' in x.to ? x.to.load === key : 'query' in x.to && x.to.query === query,
  );
  return f ? /--[\w-]+/.exec(f.flags)![0] : null;
}
