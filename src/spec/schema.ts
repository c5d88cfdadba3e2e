import { z } from 'zod';
import { CLUSTER_LIMIT } from '../cluster/cluster.ts';
import { METRICS } from '../cluster/distance.ts';
import { METHODS } from '../cluster/linkage.ts';

/**
 * The spec: one schema for the JSON file, the CLI flags and the library options. The
 * TypeScript type `Spec` and the published JSON Schema (schema/heatfig.schema.json) are both
 * generated from this one definition, so they cannot drift. Descriptions here are the
 * documentation; literal defaults live in defaults.ts.
 */

const finite = z.number().refine(Number.isFinite, { error: 'expected a finite number' });
/** A title or label: at most 1,000 characters (a longer one is no title, and would make an enormous figure). */
const text = z.string().max(1000);
const cell = z.union([z.number(), z.null()], {
  error: 'expected a number, or null for a missing cell',
});
const label = z.union([z.string(), z.number()], {
  error: 'expected a label (a string or a number)',
});

const color = z.union([z.string(), z.array(z.number().min(0).max(1)).min(3).max(4)], {
  error: 'expected a colour: a name ("darkred"), hex ("#8b0000"), or [r, g, b] in 0..1',
});

const matrix = z
  .strictObject({
    values: z
      .array(z.array(cell))
      .describe(
        'Rows of values; null marks a missing cell; rows may be ragged (shorter rows end in missing cells).',
      ),
    rows: z
      .array(label)
      .optional()
      .describe('Row labels, top to bottom (duplicates allowed). Default: 0, 1, 2, …'),
    cols: z
      .array(label)
      .optional()
      .describe('Column labels, left to right (duplicates allowed). Default: 0, 1, 2, …'),
  })
  .describe('A matrix given inline.');

const dataFile = z
  .strictObject({
    file: z
      .string()
      .min(1)
      .describe('Path of a .csv, .tsv, .json, .npy or .npz file, relative to the spec.'),
    format: z
      .enum(['csv', 'tsv', 'json', 'npy', 'npz'])
      .optional()
      .describe('The file format. Default: from the extension.'),
    sep: z
      .string()
      .length(1)
      .optional()
      .describe('CSV/TSV delimiter. Default: tab for .tsv, else detected (, tab ; |).'),
    x: z
      .string()
      .optional()
      .describe('Long (tidy) data: the column whose labels become the columns.'),
    y: z.string().optional().describe('Long data: the column whose labels become the rows.'),
    value: z.string().optional().describe('Long data: the column of values.'),
    agg: z
      .enum(['mean', 'sum', 'min', 'max', 'count', 'first'])
      .optional()
      .describe(
        'Long data: how to combine several values of one (x, y) pair. Default: a duplicate pair is an error.',
      ),
    sort: z
      .enum(['appearance', 'natural', 'alpha', 'value'])
      .optional()
      .describe(
        'Order of row and column labels: as first seen (default), natural (item2 before item10), alphabetical, or by mean value, highest first.',
      ),
    key: z.string().optional().describe('.npz: the array to draw. Default: the first.'),
    indexCol: z
      .union([z.int().min(0), z.literal('none')], {
        error: 'expected a column number (0 is the first) or "none"',
      })
      .optional()
      .describe(
        'CSV/TSV: the column holding the row labels (0 is the first), or "none". Default: the first column when pandas\' read_csv(index_col=0) would give back the frame that to_csv() wrote (its header is empty, its cells are not all numbers, or it names unique labels over numeric column labels); a warning says when that was a guess.',
      ),
    orient: z
      .enum(['split', 'index', 'columns', 'values', 'records', 'table'])
      .optional()
      .describe(
        'JSON: the orient pandas\' DataFrame.to_json wrote. Default: told from the shape; an object of objects is "columns", pandas\' default.',
      ),
  })
  .describe('A data file and how to read it.');

const column = z.string().min(1).max(200);
const binSpec = z
  .union(
    [
      z.int().min(1).max(10_000),
      z.strictObject({
        width: z.number().positive().refine(Number.isFinite, { error: 'expected a finite number' }),
        start: finite.optional(),
      }),
    ],
    { error: 'expected a number of bins (1 to 10000), or { "width": w, "start"?: s }' },
  )
  .describe(
    "About this many bins (at most one more) of a round width (1, 2, 2.5 or 5 × 10^k) from a multiple of it, as Vega-Lite's maxbins and Plotly's nbins choose them; or bins of a width from start (default: the minimum, rounded down to a multiple of the width). A bin holds [edge, next edge).",
  );

const dataQuery = z
  .strictObject({
    engine: z
      .string()
      .min(1)
      .max(2000)
      .optional()
      .describe(
        'The SQL engine that aggregates the data: "duckdb" (default; embedded, needs the npm package @duckdb/node-api) or "clickhouse://[user[:password]@]host:port/database" (its HTTP interface, through @clickhouse/client; "clickhouses://" for HTTPS). Credentials may instead come from HEATFIG_CLICKHOUSE_USER and HEATFIG_CLICKHOUSE_PASSWORD; they are never printed.',
      ),
    file: z
      .string()
      .min(1)
      .optional()
      .describe(
        'DuckDB: a file or a glob of files, relative to the spec: Parquet, CSV/TSV (also .gz), NDJSON (.ndjson, .jsonl, also .gz), Arrow IPC (.arrow, .feather, .ipc; read with the npm package apache-arrow). The format comes from the extension unless given.',
      ),
    format: z
      .enum(['parquet', 'csv', 'tsv', 'ndjson', 'arrow'])
      .optional()
      .describe("The files' format, instead of the extension."),
    table: z
      .string()
      .min(1)
      .max(500)
      .optional()
      .describe(
        'A table (or view) of the engine, e.g. a ClickHouse Distributed table: "db.events".',
      ),
    sql: z
      .string()
      .min(1)
      .max(100_000)
      .optional()
      .describe(
        'One read-only SELECT whose result is the long table (files may be named in it, relative to the spec for DuckDB); instead of file or table.',
      ),
    x: column.describe('The column whose values (or bins) become the columns.'),
    y: column.describe('The column whose values (or bins) become the rows.'),
    value: column
      .optional()
      .describe('The column aggregated in each cell. Needed by every agg but count.'),
    agg: z
      .union(
        [
          z.enum(['mean', 'sum', 'count', 'min', 'max', 'median', 'std']),
          // quantile(q): its q is checked where the query is planned (query/plan.ts).
          z.string().min(10).max(40),
        ],
        {
          error:
            'expected mean, sum, count, min, max, median, std (sample, as pandas), or quantile(q) with q in 0..1',
        },
      )
      .optional()
      .describe(
        'How the rows of a cell are combined: mean (default with a value), sum, count (default without; an empty cell counts 0), min, max, median, std (the sample standard deviation, as pandas), quantile(q) (interpolated, as numpy and pandas). Exact in every engine.',
      ),
    bins: z
      .strictObject({ x: binSpec.optional(), y: binSpec.optional() })
      .optional()
      .describe(
        'Numeric axes cut into bins (a 2-D histogram with agg count): { "x": 200, "y": 200 }, or { "x": { "width": 0.5 } }. A binned y axis has its highest bin at the top.',
      ),
    filter: z
      .string()
      .min(1)
      .max(10_000)
      .optional()
      .describe('A SQL boolean expression: only the rows it is true of are aggregated.'),
    top: z
      .strictObject({
        x: z.int().min(1).max(100_000).optional(),
        y: z.int().min(1).max(100_000).optional(),
        rest: z
          .enum(['refuse', 'other', 'drop'])
          .optional()
          .describe(
            'What becomes of the categories past the top k: an error (default), grouped as one "other" row or column, or left out; the description and a warning say how many.',
          ),
      })
      .optional()
      .describe(
        'Keep only the k most frequent categories of an axis (by row count; ties by label).',
      ),
    sort: z
      .enum(['natural', 'alpha', 'value'])
      .optional()
      .describe(
        'Order of row and column labels: natural (default: numbers by value, item2 before item10), alphabetical, or by mean value, highest first. Bins are in order.',
      ),
  })
  .describe(
    'Long data aggregated by a SQL engine (DuckDB embedded, or a ClickHouse server or cluster): only the grid comes back.',
  );

const dataSource = z
  .union([z.string().min(1), z.array(z.array(cell)), matrix, dataFile, dataQuery], {
    error:
      'expected a file path (string), rows of numbers, { "values": [[…]], "rows": […], "cols": […] }, { "file": …, options }, or a query { "file" | "table" | "sql": …, "x": …, "y": …, "agg": … }',
  })
  .describe(
    'The data: a path to a file (relative to the spec), a file with options, rows of numbers, or { values, rows, cols }.',
  );

const ticklabels = z
  .union([z.boolean(), z.literal('auto'), z.int().min(1), z.array(label)], {
    error: 'expected true, false, "auto", a whole number n (every nth label), or a list of labels',
  })
  .describe(
    'As in seaborn: true shows every label, false none, "auto" thins them so they do not overlap, n shows every nth, a list replaces them. Default "auto".',
  );

const colorBars = z
  .array(
    z.strictObject({
      name: z.string().max(200).optional(),
      values: z.array(z.string().max(200)).max(CLUSTER_LIMIT),
      colors: z.array(color).max(100).optional(),
    }),
  )
  .max(5);

const colorbar = z.union(
  [
    z.boolean(),
    z.strictObject({
      label: text
        .optional()
        .describe('Title of the colorbar, written along it (at most 1,000 characters).'),
      ticks: z
        .union(
          [
            z.array(finite),
            z.strictObject({ step: z.number().positive().describe('Distance between ticks.') }),
          ],
          {
            error: 'expected a list of numbers, or { "step": number }',
          },
        )
        .optional()
        .describe(
          'Tick values, or { step } for evenly spaced ticks from vmin. Default: round numbers chosen for the length.',
        ),
      format: z
        .string()
        .optional()
        .describe(
          'Number format of the tick labels (like fmt). Default: just enough decimals, percent when fmt is a percent.',
        ),
      extend: z
        .enum(['auto', 'neither', 'min', 'max', 'both'])
        .optional()
        .describe(
          'Triangles at the ends for values outside vmin/vmax (matplotlib extend). "auto" adds one where the data goes beyond the range.',
        ),
      location: z
        .enum(['right', 'left', 'top', 'bottom'])
        .optional()
        .describe(
          'Where the colorbar goes (matplotlib\'s location): "right" (default) or "left" of the grid, upright; "top" or "bottom", lying along it. A legend of categories, and facets\' own colorbars, stay at the right.',
        ),
      orientation: z
        .enum(['vertical', 'horizontal'])
        .optional()
        .describe(
          'matplotlib\'s orientation: "horizontal" puts the colorbar at the bottom, "vertical" at the right, unless location says otherwise (the two must agree).',
        ),
      shrink: z
        .number()
        .gt(0)
        .max(1)
        .optional()
        .describe(
          "The colorbar's length as a fraction of the grid's side it runs along, centred on it (matplotlib's shrink). Default 1.",
        ),
      drawedges: z
        .boolean()
        .optional()
        .describe(
          "Lines across the colorbar between its colours (matplotlib's drawedges): between the bins of a boundary norm, or every entry of the colormap.",
        ),
    }),
  ],
  {
    error:
      'expected true, false, or { "label", "ticks", "format", "extend", "location", "orientation", "shrink", "drawedges" }',
  },
);

const axisPosition = z.enum(['bottom', 'top']);

/** A font size: px as a number, or a string in px or points ("8pt"). */
function fontLength(min: number, max: number) {
  return z.union([z.number().min(min).max(max), z.string().min(3).max(16)], {
    error: `expected px from ${min} to ${max}, or a length such as "8pt" or "11px"`,
  });
}

export const specSchema = z
  .strictObject({
    $schema: z.string().optional().describe('The JSON Schema this file follows (ignored).'),
    data: dataSource.optional(),
    panels: z
      .array(
        z.strictObject({
          title: text.optional().describe('Panel name, written at its left.'),
          data: dataSource,
        }),
      )
      .min(1)
      .optional()
      .describe(
        'Grids stacked top to bottom that share their columns, the colour scale and the colorbar. Use instead of data.',
      ),
    facet: z
      .strictObject({
        wrap: z
          .int()
          .min(1)
          .max(100)
          .optional()
          .describe(
            'Facets per row of the facet grid, for a 3-D array or several panels (Plotly facet_col_wrap, seaborn col_wrap). Default: near square.',
          ),
        rowLabels: z
          .array(text)
          .max(1000)
          .optional()
          .describe("Names of the facet rows (a 4-D array's first index). Default 0, 1, …"),
        colLabels: z
          .array(text)
          .max(1000)
          .optional()
          .describe(
            "Names of the facet columns (a 4-D array's second index), or of each facet of a 3-D array. Default 0, 1, …",
          ),
        rowTitle: text
          .optional()
          .describe(
            'What the facet rows are ("layer"): titles read "layer = 0 | head = 3", as seaborn\'s.',
          ),
        colTitle: text.optional().describe('What the facet columns (or facets) are ("head").'),
        sharex: z
          .boolean()
          .optional()
          .describe(
            "Column labels only under the bottom facets (true, default, as seaborn's sharex) or under every facet.",
          ),
        sharey: z
          .boolean()
          .optional()
          .describe(
            'Row labels only left of the first facet of each row (true, default) or left of every facet.',
          ),
        scale: z
          .enum(['shared', 'independent'])
          .optional()
          .describe(
            'One colour scale for all facets ("shared", default) or one per facet, each with its own colorbar, from its own data ("independent"; vmin, vmax, robust and center apply to each).',
          ),
        row: z
          .string()
          .min(1)
          .optional()
          .describe(
            'Long data: the column whose values are the rows of facets (seaborn FacetGrid row=, Plotly facet_row).',
          ),
        col: z
          .string()
          .min(1)
          .optional()
          .describe(
            'Long data: the column whose values are the columns of facets (col=, facet_col); with wrap, they wrap.',
          ),
      })
      .optional()
      .describe(
        "Small multiples: the panels (a 3-D array's leading index, a 4-D array's first two, or the panels given) drawn in a grid of facets that share the colour scale and the axes, labels on the outer facets. 3-D and 4-D arrays are faceted by default.",
      ),
    title: text
      .optional()
      .describe('Figure title, centred above the grid (at most 1,000 characters).'),
    font: z
      .union([z.string().min(1), z.array(z.string().min(1)).min(1).max(8)], {
        error: 'expected a font file path, or a list of at most 8',
      })
      .optional()
      .describe(
        'A shipped family by name ("DejaVu Sans", "DejaVu Serif", "Liberation Serif" (Times\'s metrics), "CMU Serif" (Computer Modern); aliases "serif", "sans-serif", "times", "computer modern"), and/or font files (.ttf, .otf, .ttc; relative to the spec): a fallback chain tried in order before the shipped DejaVu Sans, the family first. Files serve labels in scripts DejaVu Sans lacks (CJK, Arabic, Devanagari, emoji). Used for measuring, PNG and PDF (embedded, with the family\'s bold face for highlighted cells), and named in the SVG. Node only: the browser build measures in DejaVu Sans.',
      ),
    xlabel: text.optional().describe('Title of the x axis (the columns).'),
    ylabel: text.optional().describe('Title of the y axis (the rows).'),
    xticklabels: ticklabels.optional(),
    yticklabels: ticklabels.optional(),
    xaxis: axisPosition
      .optional()
      .describe('Where the column labels and the x title go: "bottom" (default) or "top".'),
    xrotation: z
      .union([z.literal('auto'), z.number().min(-90).max(90)], {
        error: 'expected "auto" or degrees from -90 to 90',
      })
      .optional()
      .describe(
        'Rotation of the column labels in degrees; "auto" (default) turns them only when they would collide.',
      ),
    cmap: z
      .union(
        [
          z.string().min(1),
          z.array(color).min(2),
          z
            .array(
              z
                .array(z.union([z.number(), color], { error: 'expected a position or a colour' }))
                .min(2)
                .max(2),
            )
            .min(2),
        ],
        {
          error:
            'expected a colormap name ("viridis", "RdBu_r"), a list of at least 2 colours, or stops [[0, colour], …, [1, colour]]',
        },
      )
      .optional()
      .describe(
        'A matplotlib colormap name (append _r to reverse), a list of colours spread evenly from vmin to vmax, or stops at positions from 0 to 1 ([[0, "#ffffff"], [0.3, "#ff0000"], [1, "#000000"]], Plotly\'s colorscale, matplotlib\'s from_list with pairs). Default "rocket" like seaborn, "icefire" when center is set.',
      ),
    reverse: z
      .boolean()
      .optional()
      .describe(
        "Reverse the colormap, whatever it is (matplotlib's Colormap.reversed(); a name's \"_r\"): a name, a list of colours, stops, or the categories' colours.",
      ),
    norm: z
      .enum(['linear', 'log', 'symlog', 'twoslope', 'power', 'asinh', 'boundary'])
      .optional()
      .describe(
        'How values map to colours, as matplotlib\'s norms. Default "linear" ("boundary" when boundaries are given). "twoslope" (with center) is TwoSlopeNorm: vmin to center fills the lower half of the colormap, center to vmax the upper half. "power" is PowerNorm (gamma), "symlog" SymLogNorm (linthresh, linscale, base), "asinh" AsinhNorm (linearWidth), "boundary" BoundaryNorm (boundaries): one colour per bin and a stepped colorbar.',
      ),
    categories: z
      .array(z.string().min(1).max(1000))
      .min(1)
      .max(256)
      .optional()
      .describe(
        "Categorical data: the names of the codes the cells hold (0 is the first name, 1 the second, …), as pandas Categorical codes or a class or cluster id per cell. Each category gets its own colour (a qualitative colormap's first colours: tab10 up to 10 categories, tab20 up to 20; a list's colours in order; a continuous colormap spread evenly), and a legend of named swatches replaces the colorbar (colorbar.label titles it). annot true writes the names.",
      ),
    boundaries: z
      .array(finite)
      .min(2)
      .max(1025)
      .optional()
      .describe(
        'For norm "boundary": the bin edges, increasing (matplotlib\'s BoundaryNorm). The n-th bin takes the n-th of evenly spread colours of the colormap; values below the first edge are under, from the last edge on over. colorbar.extend "min"/"max"/"both" gives the regions beyond a colour of their own, as BoundaryNorm(extend=…).',
      ),
    linearWidth: z
      .number()
      .positive()
      .max(1e300)
      .optional()
      .describe(
        'For norm "asinh": matplotlib\'s AsinhNorm linear_width, the half-width of the region about 0 that stays nearly linear. Default 1.',
      ),
    linscale: z
      .number()
      .positive()
      .max(1e6)
      .optional()
      .describe(
        'For norm "symlog": how long the linear range is against a decade of the log range (matplotlib\'s linscale). Default 1.',
      ),
    base: z
      .number()
      .gt(1)
      .max(1e6)
      .optional()
      .describe('For norm "symlog": the logarithm\'s base (matplotlib\'s base). Default 10.'),
    gamma: z
      .number()
      .positive()
      .max(100)
      .optional()
      .describe(
        'For norm "power": matplotlib\'s PowerNorm exponent (below 1 spreads the low values). Default 1.',
      ),
    vmin: finite
      .optional()
      .describe('Value at the low end of the colormap. Default: the data minimum.'),
    vmax: finite
      .optional()
      .describe('Value at the high end of the colormap. Default: the data maximum.'),
    center: finite
      .optional()
      .describe(
        'As in seaborn: the colormap is cut so that center sits at its middle in a range symmetric about it, and the range stays vmin to vmax (so -0.31 beside +1 is pale). With norm "twoslope", matplotlib\'s TwoSlopeNorm instead. Works with a linear norm only.',
      ),
    robust: z
      .boolean()
      .optional()
      .describe(
        'Default range from the 2nd and 98th percentiles instead of min and max (seaborn robust).',
      ),
    linthresh: z
      .number()
      .positive()
      .optional()
      .describe('For norm "symlog": the range (-linthresh, linthresh) is linear. Default 1.'),
    annot: z
      .union(
        [
          z.boolean(),
          z.string().min(1).max(1000),
          z
            .array(
              z
                .array(
                  z.union([z.number(), z.string().max(1000), z.null()], {
                    error: 'expected a number, a string, or null',
                  }),
                )
                .max(100_000),
            )
            .max(100_000),
        ],
        {
          error:
            'expected true, false, a template such as "{value:d}\\n({row_pct:.0%})", or a matrix of the grid\'s shape',
        },
      )
      .optional()
      .describe(
        'Text in each cell: true writes the value (in fmt); a matrix of numbers (written in fmt) or strings of the grid\'s shape (seaborn annot=array); or a template with fields {value}, {row_pct}, {col_pct}, {pct}, {row}, {col} and Python format specs ("{value:d}\\n({row_pct:.0%})"; \\n starts a line). Default false.',
      ),
    normalize: z
      .enum(['row', 'col', 'all'])
      .optional()
      .describe(
        "Divide each value by its row's, column's or the panel's sum of finite values (a row-normalised confusion matrix), before the colour scale.",
      ),
    zScore: z
      .enum(['row', 'col'])
      .optional()
      .describe("(x − mean) / sd over each row or column, as seaborn's z_score (sd of n − 1)."),
    standardScale: z
      .enum(['row', 'col'])
      .optional()
      .describe("(x − min) / (max − min) over each row or column, as seaborn's standard_scale."),
    sort: z
      .strictObject({
        rows: z
          .union(
            [z.enum(['value', 'label', 'natural']), z.strictObject({ by: z.string().min(1) })],
            {
              error: 'expected "value", "label", "natural", or { "by": label }',
            },
          )
          .optional(),
        cols: z
          .union(
            [z.enum(['value', 'label', 'natural']), z.strictObject({ by: z.string().min(1) })],
            {
              error: 'expected "value", "label", "natural", or { "by": label }',
            },
          )
          .optional(),
      })
      .optional()
      .describe(
        'Order the rows and columns: by "label", "natural" (2 before 10), "value" (mean, highest first) or { "by": a column\'s (row\'s) label } (its values, ascending as pandas\' sort_values).',
      ),
    cluster: z
      .union(
        [
          z.boolean(),
          z.strictObject({
            rows: z
              .boolean()
              .optional()
              .describe('Cluster the rows (seaborn row_cluster). Default true.'),
            cols: z
              .boolean()
              .optional()
              .describe('Cluster the columns (seaborn col_cluster). Default true.'),
            method: z
              .enum(METHODS)
              .optional()
              .describe(
                'Linkage method, as scipy\'s linkage: single, complete, average (default, as seaborn), weighted, centroid, median, ward (the last three with metric "euclidean" only).',
              ),
            metric: z
              .enum([...METRICS, 'precomputed'])
              .optional()
              .describe(
                'Distance between rows (columns), as scipy\'s pdist: euclidean (default), sqeuclidean, cityblock, chebyshev, cosine, correlation; "precomputed": the grid is a square, symmetric matrix of distances (rows and columns get one tree).',
              ),
            optimalOrdering: z
              .boolean()
              .optional()
              .describe(
                "Flip merges so that neighbouring leaves are as near as the tree allows (scipy's optimal_leaf_ordering). Default false.",
              ),
            dendrogramRatio: z
              .number()
              .min(0)
              .max(0.5)
              .optional()
              .describe(
                "The share of the figure's width (height) the row (column) dendrogram takes beside the heatmap, as seaborn's dendrogram_ratio; 0 draws none. Default 0.2.",
              ),
            rowColors: colorBars
              .optional()
              .describe(
                "Bars of category colours beside the rows, between the dendrogram and the grid (seaborn's row_colors): each { name, values: one category per row in the data's order, colors?: one colour per category, in their order of first appearance }; without colors, categories take tab10's (tab20's past 10) in that order; a legend names them.",
              ),
            colColors: colorBars
              .optional()
              .describe(
                "Bars of category colours above the columns (seaborn's col_colors), as rowColors.",
              ),
            rowLinkage: z
              .array(z.array(z.number()).length(4))
              .max(CLUSTER_LIMIT)
              .optional()
              .describe(
                "The rows' linkage, computed elsewhere: scipy's Z, n − 1 rows of [a, b, height, size].",
              ),
            colLinkage: z
              .array(z.array(z.number()).length(4))
              .max(CLUSTER_LIMIT)
              .optional()
              .describe("The columns' linkage, computed elsewhere: scipy's Z."),
          }),
        ],
        {
          error:
            'expected true, false, or { rows, cols, method, metric, optimalOrdering, dendrogramRatio, rowLinkage, colLinkage }',
        },
      )
      .optional()
      .describe(
        "Hierarchical clustering of the rows and columns, drawn as dendrograms (seaborn's clustermap): true, or its options. The rows and columns are reordered by the trees' leaves, after zScore or standardScale.",
      ),
    marginals: z
      .enum(['sum', 'mean'])
      .optional()
      .describe(
        "An extra column and row with each row's and column's sum (or mean) of the values as given, drawn apart from the grid and outside the colour scale; one panel.",
      ),
    highlight: z
      .enum(['row-max', 'col-max', 'max', 'min'])
      .optional()
      .describe(
        'Outline the largest cell of each row ("row-max") or column ("col-max"), or the largest or smallest of each panel, ties all (papers mark the best per row).',
      ),
    annotKws: z
      .strictObject({
        color: z
          .union([z.literal('auto'), color], { error: 'expected "auto" or a colour' })
          .optional()
          .describe(
            'Colour of the cell text; "auto" (default) picks black or white for contrast with each cell.',
          ),
        size: z
          .number()
          .positive()
          .max(200)
          .optional()
          .describe('Font size of the cell text in px (annotSize).'),
        weight: z
          .enum(['normal', 'bold'])
          .optional()
          .describe(
            'Weight of all the cell text, in the font family\'s bold face ("bold"); highlighted cells are bold whatever it is. Default "normal".',
          ),
      })
      .optional()
      .describe("How cell text is drawn, as seaborn's annot_kws."),
    fmt: z
      .string()
      .optional()
      .describe(
        'Number format of annotations, Python style: ".2f", ".1%", "d", ".3g", "{:.1f}%". Default ".2g".',
      ),
    annotSize: fontLength(0.5, 200)
      .optional()
      .describe('Font size of annotations in px. Default: 12, smaller where cells need it.'),
    colorbar: colorbar
      .optional()
      .describe('Show the colorbar (true), hide it (false), or set it up.'),
    mask: z
      .union([z.enum(['upper', 'lower']), z.array(z.array(z.boolean()))], {
        error: 'expected "upper", "lower", or rows of booleans (true hides the cell)',
      })
      .optional()
      .describe(
        'Cells not to draw: rows of booleans (true = hidden), or "upper"/"lower" for the triangle above/below the diagonal.',
      ),
    linewidths: z
      .number()
      .min(0)
      .max(100)
      .optional()
      .describe('Width of lines between cells in px (seaborn linewidths). Default 0.'),
    linecolor: color.optional().describe('Colour of lines between cells. Default "white".'),
    separators: z
      .strictObject({
        cols: z
          .array(z.int())
          .optional()
          .describe('Draw a line before each of these column positions.'),
        rows: z
          .array(z.int())
          .optional()
          .describe('Draw a line before each of these row positions (in every panel).'),
        color: color.optional().describe('Default "white".'),
        width: z.number().positive().max(100).optional().describe('In px, at most 100. Default 2.'),
      })
      .optional()
      .describe('Lines that split the grid into groups of columns or rows.'),
    square: z.boolean().optional().describe('Square cells (seaborn square). Default false.'),
    width: z
      .number()
      .min(50)
      .max(20000)
      .optional()
      .describe('Figure width in px. Default: from the cell size.'),
    height: z
      .number()
      .min(50)
      .max(20000)
      .optional()
      .describe('Figure height in px. Default: from the cell size.'),
    cellWidth: z
      .number()
      .positive()
      .max(1000)
      .optional()
      .describe(
        'Cell width in px, at most 1,000 (ignored when width is set); the figure stays within 20,000 px.',
      ),
    cellHeight: z
      .number()
      .positive()
      .max(1000)
      .optional()
      .describe(
        'Cell height in px, at most 1,000 (ignored when height is set); the figure stays within 20,000 px.',
      ),
    fontSize: fontLength(4, 72)
      .optional()
      .describe(
        'Font size of tick labels in px, or in points as "8pt" (1 pt = 4/3 px at 96 px to the inch); titles scale with it. Default 12.',
      ),
    figsize: z
      .array(z.number().min(0.5).max(200))
      .min(2)
      .max(2)
      .optional()
      .describe(
        "Figure width and height in inches, as matplotlib's figsize (96 px to the inch; width and height win when given). The PDF page has this size.",
      ),
    dpi: z
      .number()
      .min(10)
      .max(1536)
      .optional()
      .describe(
        "PNG resolution in dots per inch (matplotlib's dpi): the PNG has figsize × dpi pixels and says so in its pHYs. Default 96 × the scale (192).",
      ),
    theme: z
      .enum(['light', 'dark', 'transparent'])
      .optional()
      .describe(
        'Background and ink together: "light" (white, black text; default), "dark" (black, white text and lines), "transparent" (no background). background wins when given.',
      ),
    background: color.optional().describe('Figure background. Default "white".'),
    badColor: color
      .optional()
      .describe(
        'Colour of missing cells (matplotlib set_bad). Default: not drawn (the background shows).',
      ),
    maskColor: color
      .optional()
      .describe('Colour of cells the mask hides, distinct from missing ones. Default: not drawn.'),
    maskHatch: z
      .boolean()
      .optional()
      .describe(
        'Hatch the cells the mask hides with diagonal lines (matplotlib\'s hatch="/" on a patch), over maskColor or the background, so that they read apart from missing cells in print.',
      ),
    underColor: color
      .optional()
      .describe(
        'Colour of values below vmin and of the lower extend triangle (set_under). Default: the lowest colour.',
      ),
    overColor: color
      .optional()
      .describe(
        'Colour of values above vmax and of the upper extend triangle (set_over). Default: the highest colour.',
      ),
    panelGap: z
      .number()
      .min(0)
      .max(1000)
      .optional()
      .describe('Space between panels in px, at most 1,000. Default 8.'),
    raster: z
      .enum(['auto', 'always', 'never'])
      .optional()
      .describe(
        'Draw the cells as one image (axes and text stay vector): "auto" (default) does it for large grids or cells of a few pixels.',
      ),
    reduce: z
      .enum(['mean', 'max', 'min', 'absmax'])
      .optional()
      .describe(
        'When a grid has more cells than the output has pixels, each pixel shows a block of cells reduced this way. Default "mean"; "absmax" keeps the value of largest magnitude (for attributions).',
      ),
  })
  .describe('A heatfig figure: data, colour scale, annotations, axes and colorbar.');

/** zod's input type of the spec: the generated Spec (spec-type.ts) must equal it (a test checks). */
export type ZodSpec = z.input<typeof specSchema>;
