/**
 * Heatmaps as the web's chart libraries draw them, for `heatfig read` (issue 20), in Debian's
 * Chromium, beside the data each was drawn from:
 * - Vega-Lite (Altair's `mark_rect`, and the eval dashboards built on vega-embed): vega-embed 7,
 *   each chart exported as its view's PNG (`view.toImageURL('png')`, as the embed's "Save as
 *   PNG" does). Vega's gradient legends draw no tick marks, set their end labels flush inside
 *   the bar, and, where their ticks would label the bar twice or less, label its two ends
 *   alone with the domain's end points rounded as printed.
 * - Plotly.js (`Plotly.toImage`, as its camera button saves a PNG): its colorbar writes
 *   thousands with an SI prefix ("10k").
 *
 * Run: node --import tsx scripts/make-read-web-fixtures.ts (writes test/fixtures/read/vega-*
 * and plotly-*). The charts' text is in Chromium's sans-serif (Liberation Sans here).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import { chromium, type Page } from 'playwright-core';

const ROOT = new URL('..', import.meta.url).pathname;
const OUT = join(ROOT, 'test/fixtures/read');

let seed = 11;
const rnd = () => {
  seed = (seed * 1103515245 + 12345) % 2147483648;
  return seed / 2147483648;
};
/**
 * A generator of its own, seeded (the later cases each take one, so that a case added leaves
 * the others' values as they were): the next value in [0, 1) at each call.
 */
const seeded = (start: number) => {
  let s = start;
  return () => {
    s = (s * 1103515245 + 12345) % 2147483648;
    return s / 2147483648;
  };
};
const grid = (rows: number, cols: number, f: (r: number, c: number) => number) =>
  Array.from({ length: rows }, (_, r) => Array.from({ length: cols }, (_, c) => f(r, c)));
/** Long records, as Altair takes a melted DataFrame. */
const long = (z: number[][], rows: string[], cols: string[], [y, x, v]: string[]) =>
  z.flatMap((row, r) => row.map((value, c) => ({ [y!]: rows[r], [x!]: cols[c], [v!]: value })));
const numbered = (n: number) => Array.from({ length: n }, (_, i) => String(i));

interface Case {
  name: string;
  values: number[][];
  rows: string[];
  cols: string[];
  /** Whether the numbers are written over the cells. */
  printed: boolean;
  spec: object;
  /**
   * Saved as a JPEG too (`.jpg`): at quality 0.75 by Chromium's canvas (a chart copied into a
   * page), or at 75 by Pillow (a PNG converted, as `Image.save(quality=75)` does).
   */
  jpeg?: 'chromium' | 'pillow';
}
const cases: Case[] = [];
/**
 * A heatmap as Altair's `mark_rect` makes one of numbered rows and columns: ordinal axes,
 * a quantitative colour (`color` its encoding's other keys), the fields named `keys` (y, x,
 * value); `more` the spec's other keys (a title, a config).
 */
function rectCase(
  name: string,
  values: number[][],
  keys: string[],
  color: object = {},
  more: object = {},
): Case {
  const [rows, cols] = [numbered(values.length), numbered(values[0]!.length)];
  const [y, x, v] = keys;
  return {
    name,
    values,
    rows,
    cols,
    printed: false,
    spec: {
      ...more,
      data: { values: long(values, rows, cols, keys) },
      mark: 'rect',
      encoding: {
        x: { field: x, type: 'ordinal', sort: cols },
        y: { field: y, type: 'ordinal', sort: rows },
        color: { field: v, type: 'quantitative', ...color },
      },
    },
  };
}
{
  // Altair's default heatmap: ordinal axes, a quantitative colour in the default scheme; the
  // legend labels its two ends alone ("3" and "−1" for 2.63 and -0.93).
  const values = grid(
    8,
    10,
    (r, c) => Math.round((Math.sin(r / 2) + Math.cos(c / 3) + rnd()) * 100) / 100,
  );
  cases.push(rectCase('vega-default-8x10', values, ['layer', 'head', 'score']));
}
{
  // A confusion matrix: rect and text layers, the text white on dark cells.
  const labels = ['cat', 'dog', 'bird', 'fish', 'frog', 'horse'];
  const values = grid(6, 6, (r, c) =>
    r === c ? 60 + Math.floor(rnd() * 40) : Math.floor(rnd() * 15),
  );
  cases.push({
    name: 'vega-confusion-6x6',
    values,
    rows: labels,
    cols: labels,
    printed: true,
    spec: {
      data: { values: long(values, labels, labels, ['actual', 'predicted', 'count']) },
      encoding: {
        x: { field: 'predicted', type: 'nominal', sort: labels },
        y: { field: 'actual', type: 'nominal', sort: labels },
      },
      layer: [
        {
          mark: 'rect',
          encoding: { color: { field: 'count', type: 'quantitative', scale: { scheme: 'blues' } } },
        },
        {
          mark: 'text',
          encoding: {
            text: { field: 'count', type: 'quantitative' },
            color: { condition: { test: 'datum.count > 50', value: 'white' }, value: 'black' },
          },
        },
      ],
      width: 300,
      height: 300,
    },
  });
}
{
  // A correlation matrix over [-1, 1] (labels at both ends, flush), numbers to two decimals
  // with Vega's minus sign (U+2212).
  const names = ['age', 'income', 'score', 'height', 'weight', 'tenure', 'visits'];
  const values = grid(7, 7, (r, c) => (r === c ? 1 : Math.round((rnd() * 2 - 1) * 100) / 100));
  cases.push({
    name: 'vega-corr-7x7',
    values,
    rows: names,
    cols: names,
    printed: true,
    spec: {
      data: { values: long(values, names, names, ['a', 'b', 'r']) },
      encoding: {
        x: { field: 'b', type: 'nominal', sort: names, title: null },
        y: { field: 'a', type: 'nominal', sort: names, title: null },
      },
      layer: [
        {
          mark: 'rect',
          encoding: {
            color: {
              field: 'r',
              type: 'quantitative',
              scale: { scheme: 'redblue', domain: [-1, 1] },
            },
          },
        },
        {
          mark: 'text',
          encoding: {
            text: { field: 'r', type: 'quantitative', format: '.2f' },
            color: { condition: { test: 'abs(datum.r) > 0.6', value: 'white' }, value: 'black' },
          },
        },
      ],
      width: 350,
      height: 350,
    },
  });
}
{
  // Titled, magma; the legend's title ("loss") stands over the bar.
  const values = grid(
    12,
    20,
    (r, c) => Math.round((r * 0.3 + Math.sin(c / 4) * 2 + rnd()) * 10) / 10,
  );
  cases.push(
    rectCase(
      'vega-magma-12x20',
      values,
      ['epoch', 'step', 'loss'],
      { scale: { scheme: 'magma' } },
      { title: 'Validation loss' },
    ),
  );
}

/** Plotly traces (`Plotly.newPlot(div, [trace], layout)`, the layout as `spec`), drawn after the Vega charts. */
/** Plotly charts: the trace, and the image's device pixels per px (`toImage`'s scale, 1 unless given). */
const plotly: (Case & { trace: object; scale?: number; size?: [number, number] })[] = [];
/**
 * A Plotly heatmap with one list of labels on both axes (a confusion or attention matrix),
 * its first row at the top, saved at `width` × `height` px.
 */
const sameAxes = (
  name: string,
  labels: string[],
  values: number[][],
  colorscale: string,
  width: number,
  height: number,
) => ({
  name,
  values,
  rows: labels,
  cols: labels,
  printed: false,
  spec: { yaxis: { autorange: 'reversed' } },
  trace: { type: 'heatmap', z: values, x: labels, y: labels, colorscale },
  size: [width, height] as [number, number],
});
{
  // Counts in the thousands, unannotated: the colorbar says 10k to 40k.
  const labels = numbered(8);
  const values = grid(8, 8, () => Math.floor(rnd() * 48000) + 2000);
  plotly.push({
    name: 'plotly-thousands-8x8',
    values,
    rows: labels,
    cols: labels,
    printed: false,
    spec: { yaxis: { autorange: 'reversed' } },
    trace: { type: 'heatmap', z: values, x: labels, y: labels, colorscale: 'Blues' },
  });
}
{
  // Larger legend labels (labelFontSize 14): "2.5" to "1.0", whose points text recognition
  // drops; a level legend below the grid, "−1.4" flush at its left end, "−1.2" to "−0.6".
  const values = grid(14, 16, () => Math.round((0.9 + rnd() * 2) * 100) / 100);
  cases.push(
    rectCase(
      'vega-large-labels-14x16',
      values,
      ['y', 'x', 'v'],
      {},
      {
        config: { legend: { labelFontSize: 14, titleFontSize: 14 }, axis: { labelFontSize: 13 } },
      },
    ),
  );
  const level = grid(13, 12, () => Math.round((-1.4 + rnd()) * 100) / 100);
  cases.push(
    rectCase('vega-legend-below-13x12', level, ['y', 'x', 'v'], { legend: { orient: 'bottom' } }),
  );
}

{
  // A legend at the left, labelled at its ends alone "10" and "1" (10.4 and 0.96): the two
  // powers of ten of a logarithmic bar to a reader that does not know Vega's.
  const values = grid(6, 13, () => Math.round((0.96 + rnd() * 9.44) * 100) / 100);
  values[0]![0] = 0.96;
  values[5]![12] = 10.4;
  cases.push(
    rectCase('vega-legend-left-6x13', values, ['y', 'x', 'v'], { legend: { orient: 'left' } }),
  );
}

{
  // A small chart (150 × 120) labelled "0.8" and "−0.2" at its ends, 1 px from the bar, also
  // as a JPEG: its blur joins the labels' first strokes to the bar.
  const values = grid(13, 7, () => Math.round((-0.24 + rnd() * 1.06) * 100) / 100);
  cases.push({
    ...rectCase('vega-small-13x7', values, ['y', 'x', 'v'], {}, { width: 150, height: 120 }),
    jpeg: 'chromium',
  });
  // Another, "1.8" and "0.8" at its ends, whose JPEG's upper label loses its point ("18").
  const upper = grid(12, 9, () => Math.round((0.8 + rnd()) * 100) / 100);
  cases.push({
    ...rectCase('vega-small-12x9', upper, ['y', 'x', 'v'], {}, { width: 150, height: 120 }),
    jpeg: 'chromium',
  });
}

{
  // The same chart of other data (the first one tried: the generator seeded 11, after 414
  // draws for four charts before it), as a Pillow JPEG: its axes' grey marks blur, 9 of its
  // 12 row marks are found, 8 in one run, and rows of like colours run together.
  let seed2 = 11;
  const rnd2 = () => {
    seed2 = (seed2 * 1103515245 + 12345) % 2147483648;
    return seed2 / 2147483648;
  };
  for (let i = 0; i < 414; i++) rnd2();
  const values = grid(
    12,
    20,
    (r, c) => Math.round((r * 0.3 + Math.sin(c / 4) * 2 + rnd2()) * 10) / 10,
  );
  cases.push({
    ...rectCase(
      'vega-magma-jpeg-12x20',
      values,
      ['epoch', 'step', 'loss'],
      { scale: { scheme: 'magma' } },
      { title: 'Validation loss' },
    ),
    jpeg: 'pillow',
  });
}

{
  // A domain of [0, 1] on a short bar (6 rows: 120 px): "1.0" and "0.0" flush at its ends,
  // "0.5" midway between them, centred.
  const values = grid(6, 8, () => Math.round(rnd() * 1000) / 1000);
  cases.push(
    rectCase('vega-unit-domain-6x8', values, ['y', 'x', 'v'], { scale: { domain: [0, 1] } }),
  );
}

{
  // Plotly's `Hot`, white at its top: a first column with four cells at the top of the range
  // (white as the page), its axis marked every fifth column (0, 5, 10).
  const labels = numbered(15);
  const values = grid(15, 15, (r, c) =>
    c === 0 && r % 4 === 0 ? 3.5 : Math.round((1.5 + rnd() * 2) * 100) / 100,
  );
  plotly.push({
    name: 'plotly-hot-15x15',
    values,
    rows: labels,
    cols: labels,
    printed: false,
    spec: { yaxis: { autorange: 'reversed' } },
    trace: {
      type: 'heatmap',
      z: values,
      x: labels,
      y: labels,
      colorscale: 'Hot',
      colorbar: { ticks: 'outside' },
    },
    jpeg: 'chromium',
  });
}

{
  // As Plotly Express draws px.imshow(df) of named rows and columns in Python (its figure's
  // JSON, which kaleido renders with plotly.js so): the "plotly" template (a blue-grey plot
  // area, no tick marks, its row labels 2 px from the grid), square cells, plasma.
  const names = ['cat', 'dog', 'bird', 'frog', 'horse', 'ship', 'truck', 'deer'];
  const values = grid(8, 8, () => Math.round(rnd() * 1000) / 10);
  const axis = {
    gridcolor: 'white',
    linecolor: 'white',
    ticks: '',
    zerolinecolor: 'white',
    automargin: true,
    zerolinewidth: 2,
  };
  const plasma = [
    '#0d0887',
    '#46039f',
    '#7201a8',
    '#9c179e',
    '#bd3786',
    '#d8576b',
    '#ed7953',
    '#fb9f3a',
    '#fdca26',
    '#f0f921',
  ];
  plotly.push({
    name: 'plotly-express-names-8x8',
    values,
    rows: names,
    cols: names,
    printed: false,
    spec: {
      template: {
        layout: {
          plot_bgcolor: '#E5ECF6',
          paper_bgcolor: 'white',
          font: { color: '#2a3f5f' },
          xaxis: axis,
          yaxis: axis,
          coloraxis: { colorbar: { outlinewidth: 0, ticks: '' } },
        },
      },
      coloraxis: { colorscale: plasma.map((c, i) => [i / (plasma.length - 1), c]) },
      xaxis: { anchor: 'y', domain: [0, 1], scaleanchor: 'y', constrain: 'domain' },
      yaxis: { anchor: 'x', domain: [0, 1], autorange: 'reversed', constrain: 'domain' },
      margin: { t: 60 },
      width: 600,
      height: 500,
    },
    trace: { type: 'heatmap', z: values, x: names, y: names, coloraxis: 'coloraxis' },
  });
}

{
  // A diverging scheme centred (`domainMid: 0`) on data all above 0: Vega's legend is white
  // near a tenth of its length, where its cells are white at 0. The image contradicts itself;
  // the values read from the legend are off for the palest cells.
  const values = grid(11, 12, () => Math.round((0.1 + rnd() * 4.8) * 100) / 100);
  cases.push(
    rectCase('vega-domainmid-outside-11x12', values, ['y', 'x', 'v'], {
      scale: { scheme: 'redblue', domainMid: 0 },
    }),
  );
}

/**
 * A smooth field of n × n (an attention map, a similarity matrix): five Gaussian bumps,
 * their widths 2 to 18 cells at n = 64 (in proportion), to three decimals.
 */
function smoothField(n: number): number[][] {
  const bumps = Array.from({ length: 5 }, () => [
    rnd() * n,
    rnd() * n,
    (rnd() - 0.5) * 4,
    2 + (rnd() * 16 * n) / 64,
  ]);
  return grid(
    n,
    n,
    (r, c) =>
      Math.round(
        bumps.reduce(
          (sum, [br, bc, a, w]) =>
            sum + a! * Math.exp(-((r - br!) ** 2 + (c - bc!) ** 2) / (2 * w! * w!)),
          0,
        ) * 1000,
      ) / 1000,
  );
}

{
  // A smooth field of 64 × 64 (an attention map, a similarity matrix) in Altair's mark_rect,
  // 400 px square, as a Chromium JPEG: cells 6.25 px with Vega's grid lines on their
  // boundaries. Its edges, a few levels each, show on no one line above the JPEG's noise;
  // found from all lines at once, the boundaries had been put on the lines' sides, 1.5 px off,
  // and a third of the cells read "not one colour".
  const values = smoothField(64);
  cases.push({
    ...rectCase(
      'vega-smooth-jpeg-64x64',
      values,
      ['y', 'x', 'v'],
      { scale: { scheme: 'magma' } },
      { width: 400, height: 400 },
    ),
    jpeg: 'chromium',
  });
}

{
  // Denser smooth fields in Altair's mark_rect, as Chromium JPEGs: every row and column
  // labelled and marked (Vega draws them all, overlapping). The labels' blurred ink, joined
  // to the grid through the marks, was taken into the grid: 80 × 80 at 400 px (cells 5 px)
  // was read as one cell, and at 500 px (6.25 px) its column marks, two lost together, gave
  // no lattice (80 × 140). 100 × 100 at 400 px, cells 4 px, is past what is read: its rows'
  // marks, every 4 px, tell the reader so.
  for (const [name, n, scheme, size] of [
    ['vega-smooth-jpeg-80x80', 80, 'magma', 400],
    ['vega-smooth-jpeg-viridis-80x80', 80, 'viridis', 500],
    ['vega-smooth-jpeg-100x100', 100, 'magma', 400],
  ] as const)
    cases.push({
      ...rectCase(
        name,
        smoothField(n),
        ['y', 'x', 'v'],
        { scale: { scheme } },
        { width: size, height: size },
      ),
      jpeg: 'chromium',
    });
}

{
  // Smooth fields as plotly.js draws a heatmap of z alone (rows and columns its index, 0 to
  // N - 1, labelled every 10, no tick marks), in a 600 × 500 image: rows 5 and 4 px high.
  // The PNG of 64 had been read 63 rows (its edges, a few levels apart, found on 27 rows of
  // 64, fitted 63 rows of 5.08 px); its JPEG 27 rows, and the JPEG of 80 one row.
  for (const [n, colorscale] of [
    [64, 'Viridis'],
    [80, 'RdBu'],
  ] as const) {
    const values = smoothField(n);
    const labels = numbered(n);
    plotly.push({
      name: `plotly-smooth-${n}x${n}`,
      values,
      rows: labels,
      cols: labels,
      printed: false,
      spec: { yaxis: { autorange: 'reversed' } },
      trace: { type: 'heatmap', z: values, colorscale },
      jpeg: 'chromium',
    });
  }
  // The 80×80 as its camera button saves it on a screen of two device pixels per px (a
  // laptop's): 1200 × 1000, its marks 2 px out from the grid and its text twice as large.
  // Its rows were read as one (their labels looked for in the marks' place) and its column
  // labels "20", "40", "60" each as two digits given to the columns beside (split at their
  // glyphs' 4-px gap), silently.
  const values = smoothField(80);
  const labels = numbered(80);
  plotly.push({
    name: 'plotly-smooth-2x-80x80',
    values,
    rows: labels,
    cols: labels,
    printed: false,
    spec: { yaxis: { autorange: 'reversed' } },
    trace: { type: 'heatmap', z: values, colorscale: 'RdBu' },
    jpeg: 'chromium',
    scale: 2,
  });
}

{
  // A calendar of weeks as Plotly users draw one: cells parted by gaps (`xgap`, `ygap`) of
  // plotly.py's plot background (#E5ECF6), columns "W1" to "W12". Its level column labels,
  // read turned too, were read "=" 90% sure and kept as the surer way: W1 to W8 given as
  // positions or read "Wa".
  const rows = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];
  const cols = Array.from({ length: 12 }, (_, i) => `W${i + 1}`);
  // (Values of a generator of its own, seeded as the probe that found it.)
  const own = seeded(5);
  const values = grid(7, 12, () => Math.round(own() * 100) / 10);
  plotly.push({
    name: 'plotly-weeks-gaps-7x12',
    values,
    rows,
    cols,
    printed: false,
    spec: { plot_bgcolor: '#E5ECF6', yaxis: { autorange: 'reversed' } },
    trace: { type: 'heatmap', z: values, x: cols, y: rows, colorscale: 'Greens', xgap: 3, ygap: 3 },
  });
}

{
  // Months down, weekdays across, in plotly.py's default template ("plotly": its blue-grey
  // plot area, #2a3f5f labels, no tick marks, the row labels ending 2 px from the grid). The
  // top and foot of "Dec"'s c, a pixel thick and 4 px long, had passed for two tick marks and
  // cut every row label short ("De", "Oc", "Sel"), silently; "Jan", "Jun" and "Jul" (a J reaching below the line) had been
  // refused as too high for their letters, "Feb" as narrower than read (every capital taken
  // as wide as an H), "Fri" measured by its darkest strokes alone (its 1-px stems set at
  // fractions of a pixel, two pixels of 129 to 173 each).
  const rows = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
  const cols = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];
  const own = seeded(7);
  const values = grid(12, 7, () => Math.round(own() * 1000) / 10);
  plotly.push({
    name: 'plotly-months-days-12x7',
    values,
    rows,
    cols,
    printed: false,
    spec: {
      template: {
        layout: {
          plot_bgcolor: '#E5ECF6',
          font: { color: '#2a3f5f' },
          xaxis: { gridcolor: 'white', ticks: '', automargin: true },
          yaxis: { gridcolor: 'white', ticks: '', automargin: true },
        },
      },
      yaxis: { autorange: 'reversed' },
    },
    trace: { type: 'heatmap', z: values, x: cols, y: rows, colorscale: 'Hot' },
  });
}

{
  // Plotly turns column labels that would overlap level: by 30°, written down to the right
  // from their marks (CIFAR-10's class names in a 450-px chart), or by 90°, written downwards
  // (a sentence's tokens in a 500-px attention map). None of the first was read; the second
  // were read upwards, upside down ("dog" as "bop", "jumps" as "sdwn(", 89% sure), silently.
  const cifar = ['plane', 'car', 'bird', 'cat', 'deer', 'dog', 'frog', 'horse', 'ship', 'truck'];
  const tokens = ['The', 'quick', 'brown', 'fox', 'jumps', 'over', 'the', 'lazy', 'dog', 'and'];
  const extra = ['runs', 'away', 'from', 'its', 'owner', 'today'];
  const own = seeded(9);
  const next = () => Math.round(own() * 1000) / 10;
  plotly.push(sameAxes('plotly-slanted-labels-10x10', cifar, grid(10, 10, next), 'RdBu', 450, 400));
  const words = [...tokens, ...extra];
  plotly.push(sameAxes('plotly-tokens-down-16x16', words, grid(16, 16, next), 'Viridis', 500, 500));
}

{
  // Tokens of two letters and one among them, turned 90° down with the rest: too short for
  // their shape to tell, read level and turned upwards, upside down ("on" as "uo", "an" as
  // "ppo", "my" as "fem"), silently. They are turned their axis's long labels' way.
  const short = ['I', 'went', 'to', 'the', 'shop', 'on', 'my', 'way', 'so', 'work', 'at', 'an'];
  const own = seeded(13);
  const values = grid(12, 12, () => Math.round(own() * 1000) / 10);
  plotly.push(sameAxes('plotly-short-tokens-down-12x12', short, values, 'Viridis', 420, 420));
}

/**
 * A chart's PNG and the data it was drawn from, beside each other; and its JPEG where asked,
 * by Pillow or by the canvas of `page` (Chromium's).
 */
const save = async (c: Case, dataUrl: string, page: Page) => {
  writeFileSync(join(OUT, `${c.name}.png`), Buffer.from(dataUrl.split(',')[1]!, 'base64'));
  const { values, rows, cols, printed } = c;
  writeFileSync(
    join(OUT, `${c.name}.json`),
    `${JSON.stringify({ values, rows, cols, printed })}\n`,
  );
  if (c.jpeg === 'pillow')
    execFileSync('/usr/bin/python3', [
      '-c',
      'import sys; from PIL import Image; Image.open(sys.argv[1]).convert("RGB").save(sys.argv[2], quality=75)',
      join(OUT, `${c.name}.png`),
      join(OUT, `${c.name}.jpg`),
    ]);
  if (c.jpeg === 'chromium') {
    const jpeg = (await page.evaluate(async (png) => {
      const img = new Image();
      img.src = png;
      await img.decode();
      const canvas = document.createElement('canvas');
      canvas.width = img.width;
      canvas.height = img.height;
      const ctx = canvas.getContext('2d')!;
      ctx.fillStyle = '#fff';
      ctx.fillRect(0, 0, img.width, img.height);
      ctx.drawImage(img, 0, 0);
      return canvas.toDataURL('image/jpeg', 0.75);
    }, dataUrl)) as string;
    writeFileSync(join(OUT, `${c.name}.jpg`), Buffer.from(jpeg.split(',')[1]!, 'base64'));
  }
};

const dir = mkdtempSync(join(tmpdir(), 'heatfig-vega-'));
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--no-sandbox', '--allow-file-access-from-files'],
});
try {
  writeFileSync(
    join(dir, 'e.ts'),
    `import embed from 'vega-embed';\n(window as any).vegaEmbed = embed;\n`,
  );
  const bundle = await build({
    entryPoints: [join(dir, 'e.ts')],
    bundle: true,
    format: 'iife',
    write: false,
    minify: true,
    logLevel: 'warning',
    nodePaths: [join(ROOT, 'node_modules')],
  });
  writeFileSync(join(dir, 'vega.js'), bundle.outputFiles[0]!.text);
  writeFileSync(
    join(dir, 'p.html'),
    '<!doctype html><html><body><div id="v"></div><script src="vega.js"></script></body></html>',
  );
  const page = await browser.newPage();
  await page.goto(`file://${join(dir, 'p.html')}`);
  await page.waitForFunction('window.vegaEmbed');
  for (const c of cases) {
    const url = (await page.evaluate(async (spec) => {
      const embed = (window as unknown as { vegaEmbed: Function }).vegaEmbed;
      const r = await embed('#v', spec, { renderer: 'canvas', actions: false });
      return r.view.toImageURL('png', 1);
    }, c.spec)) as string;
    await save(c, url, page);
  }
  writeFileSync(
    join(dir, 'plotly.html'),
    '<!doctype html><html><body><div id="v"></div><script src="plotly.js"></script></body></html>',
  );
  writeFileSync(
    join(dir, 'plotly.js'),
    readFileSync(join(ROOT, 'node_modules/plotly.js-dist-min/plotly.min.js')),
  );
  await page.goto(`file://${join(dir, 'plotly.html')}`);
  await page.waitForFunction('window.Plotly');
  for (const c of plotly) {
    const url = (await page.evaluate(
      async ([trace, layout, scale, width, height]) => {
        const P = (window as unknown as { Plotly: Record<string, Function> }).Plotly;
        const div = document.getElementById('v')!;
        await P.newPlot!(div, [trace], layout);
        return P.toImage!(div, { format: 'png', width, height, scale });
      },
      [c.trace, c.spec, c.scale ?? 1, ...(c.size ?? [600, 500])] as const,
    )) as string;
    await save(c, url, page);
  }
} finally {
  await browser.close();
  rmSync(dir, { recursive: true, force: true });
}
console.log(`wrote ${[...cases, ...plotly].map((c) => c.name).join(', ')}`);
