/**
 * Every error and warning text, as functions of their inputs: what was found, and what
 * would be right. Tests assert these texts; change them here only.
 */

const q = (s: string): string => JSON.stringify(s);

/** 1st, 2nd, 3rd, 4th, 11th, 12th, 13th, 21st, … */
export function ordinal(n: number): string {
  const t = n % 100;
  const s =
    t >= 11 && t <= 13
      ? 'th'
      : n % 10 === 1
        ? 'st'
        : n % 10 === 2
          ? 'nd'
          : n % 10 === 3
            ? 'rd'
            : 'th';
  return `${n}${s}`;
}

export const msg = {
  unknownColormap: (name: string, near: readonly string[]) =>
    `unknown colormap ${q(name)}; ` +
    (near.length
      ? `did you mean ${near.map(q).join(' or ')}?`
      : 'use a matplotlib name such as "viridis", or a list of colours'),
  badColor: (text: string) =>
    `${q(text)} is not a colour; use a name ("darkred"), hex ("#8b0000" or "#800"), rgb(…)/hsl(…), matplotlib's "C0"…"C9", "tab:blue" or a grey "0.5", or [r, g, b] in 0..1`,
  translucentColor: (text: string) =>
    `${text} is transparent or translucent, which heatfig does not draw; give an opaque colour (alpha 1), or "transparent" as the background only`,
  colormapTooShort: () => 'a colormap given as a list needs at least 2 colours',
  badFormat: (fmt: string) =>
    `${q(fmt)} is not a number format; use a format spec such as ".2f", ".1%", "d", ".3g" or "{:.2f}"`,
  vminNotBelowVmax: (vmin: number, vmax: number) =>
    `vmin (${vmin}) must be less than vmax (${vmax})`,
  centerOutside: (center: number, vmin: number, vmax: number) =>
    `center (${center}) must lie strictly between vmin (${vmin}) and vmax (${vmax})`,
  centerNeedsLinear: (norm: string) =>
    `center recentres a linear colour scale; it does not work with norm ${q(norm)}: drop center, or use norm "linear" or "twoslope"`,
  twoslopeNeedsCenter: () =>
    'norm "twoslope" needs center (the value at the middle of the colormap)',
  logNeedsPositive: (what: string, v: number) =>
    `norm "log" needs a positive ${what}, got ${v}; use norm "symlog" for data with zeros or negatives`,
  symlogNeedsLinthresh: (v: number) => `linthresh must be a positive number, got ${v}`,
  raggedValues: (row: number, got: number, want: number) =>
    `row ${row} has ${got} values but the grid has ${want} columns; pad it with null for missing cells`,
  labelCount: (axis: 'rows' | 'cols', got: number, want: number) =>
    `${got} ${axis === 'rows' ? 'row' : 'column'} labels for ${want} ${axis === 'rows' ? 'rows' : 'columns'}; give exactly ${want}`,
  panelColumns: (panel: number, got: number, want: number) =>
    `panel ${panel} has ${got} columns but panel 0 has ${want}; panels share their columns`,
  notANumber: (v: unknown) =>
    `${q(String(v))} is not a number; use a number, or null for a missing cell`,
  noData: () => 'the spec has no data; give "data" (values, or a file) or "panels"',
  dataAndPanels: () => 'give either "data" or "panels", not both',
  emptyGrid: () => 'the grid has no cells; give at least one row and one column',
  separatorOutOfRange: (at: number, n: number) =>
    `separator at ${at} is outside the grid; use a position between 1 and ${n - 1}`,
  maskShape: (rows: number, cols: number) =>
    `mask must have ${rows} rows of ${cols} booleans, or be "upper" or "lower"`,
  unknownKey: (key: string, near: string | null) =>
    `${q(key)} is not an option` + (near ? `; did you mean ${q(near)}?` : ''),
  dataFileInCore: (file: string) =>
    `data file ${q(file)} must be loaded first: use heatfig's Node entry (heatfig/node) or the CLI, or give the values inline`,

  tooManyCells: (cells: number, limit: number, format: string) =>
    `the grid has ${cells.toLocaleString('en-US')} cells, more than the ${limit.toLocaleString('en-US')} heatfig draws as separate shapes in ${format}; let it draw them as an image (raster "auto", --raster auto)`,
  tooManyForEveryCell: (cells: number, limit: number, format: string) =>
    `the grid has ${cells.toLocaleString('en-US')} cells, more than the ${limit.toLocaleString('en-US')} an ${format} view carries (it keeps every cell); render it to PNG or SVG, where it is reduced to the pixels, or cut out a region of the data`,
  figureTooLarge: (w: number, h: number, limit: number) =>
    `the figure would be ${Math.round(w).toLocaleString('en-US')} × ${Math.round(h).toLocaleString('en-US')} px, more than ${limit.toLocaleString('en-US')} on a side; give width and height, or smaller cellWidth, cellHeight, fontSize or panelGap`,
  streamedForLinear: () =>
    'this grid was streamed for a linear scale, so its positive values were not summarised; read it with load(…, { log: true }) (renderSpec does)',
  tickLabelCount: (given: number, positions: number) =>
    `${given} labels for ${positions} positions; give exactly ${positions}`,
  tooManyAnnotations: (cells: number, limit: number) =>
    `annotating ${cells.toLocaleString('en-US')} cells would give unreadable text (at most ${limit.toLocaleString('en-US')}); set annot to false (--no-annot)`,

  // warnings
  annotDropped: (size: number) =>
    `annotations left out: cells are too small for legible text (would need ${size.toFixed(1)} px); enlarge the figure or set annot to false`,
  annotRaster: () =>
    'annotations left out: the cells are drawn as an image (too many or too small for text); set raster to "never" to force vector cells',
  ticksThinned: (axis: 'x' | 'y', every: number, option: string) =>
    `${axis} tick labels thinned to every ${ordinal(every)} label so they do not overlap, even at the smallest readable size; give ${option} to show them all`,
  integerFormat: (fmt: string, where: string, value: number) =>
    `fmt ${q(fmt)} writes whole numbers, but ${where} holds ${value}, which Python would refuse; it is shown rounded; use fmt ".2f" (or ".3g") to show fractions`,
  logNonPositive: (n: number) =>
    `${n} cell(s) hold values at or below 0, which norm "log" cannot show: they are left blank, as missing cells are; use norm "symlog" to show them`,
  missingGlyph: (text: string, ch: string, family: string) =>
    `the font (${family}) has no glyph for ${q(ch)} (U+${ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}) in ${q(text.length > 40 ? `${text.slice(0, 40)}…` : text)}: it would show as a box in PNG and PDF; give a font that has it with --font FILE (spec: font), e.g. a Noto font`,
  missingPackage: (name: string, what: string) =>
    `${what} needs the ${name} package, which is optional; install it beside heatfig: npm install ${name}`,
  nonFinite: (n: number) => `${n} infinite value(s) drawn at the end colours of the range`,
  allMissing: () => 'the grid has no finite value: drawn as an empty grid',
  colorbarTicksThinned: (every: number) =>
    `colorbar ticks thinned to every ${every}th so their labels do not overlap`,
} as const;
