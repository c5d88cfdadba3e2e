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

// Each message a named export: a bundle keeps only the ones its code can throw.

export const unknownColormap = (name: string, near: readonly string[]) =>
  `unknown colormap ${q(name)}; ` +
  (near.length
    ? `did you mean ${near.map(q).join(' or ')}?`
    : 'use a matplotlib name such as "viridis", or a list of colours');
export const badColor = (text: string) =>
  `${q(text)} is not a colour; use a name ("darkred"), hex ("#8b0000" or "#800"), rgb(…)/hsl(…), matplotlib's "C0"…"C9", "tab:blue" or a grey "0.5", or [r, g, b] in 0..1`;
export const translucentColor = (text: string) =>
  `${text} is transparent or translucent, which heatfig does not draw; give an opaque colour (alpha 1), or "transparent" as the background only`;
export const colormapTooShort = () => 'a colormap given as a list needs at least 2 colours';
export const badFormat = (fmt: string) =>
  `${q(fmt)} is not a number format; use a format spec such as ".2f", ".1%", "d", ".3g" or "{:.2f}"`;
export const vminNotBelowVmax = (vmin: number, vmax: number) =>
  `vmin (${vmin}) must be less than vmax (${vmax})`;
export const centerOutside = (center: number, vmin: number, vmax: number) =>
  `center (${center}) must lie strictly between vmin (${vmin}) and vmax (${vmax})`;
export const centerNeedsLinear = (norm: string) =>
  `center recentres a linear colour scale; it does not work with norm ${q(norm)}: drop center, or use norm "linear" or "twoslope"`;
export const categoriesScale = (key: string) =>
  `${key} sets a numeric colour scale, and categories give each code its own colour; leave ${key} out`;
export const categoriesStops = () =>
  'categories take a list of colours (one per category, in order), not stops; give ["#1f77b4", "#ff7f0e", …] or a colormap name';
export const categoriesColors = (k: number, name: string, n: number) =>
  `${k} categories but the colormap ${JSON.stringify(name)} has ${n} colours; give a colormap or list with at least ${k} (tab20 has 20), or a continuous colormap such as "turbo"`;
export const notCategoryCodes = (count: number, k: number, first: string) =>
  `${count} ${count === 1 ? 'cell holds a value that is' : 'cells hold values that are'} no category's code (a whole number from 0 to ${k - 1}), first ${first}: drawn in the nearest code's colour, or the end colours beyond them`;
export const colorbarOrientation = (location: string, orientation: string) =>
  `a colorbar at the ${location} lies ${location === 'top' || location === 'bottom' ? 'horizontal' : 'vertical'}, not ${orientation}; give location or orientation, or both agreeing`;
export const hatchRaster = () =>
  'masked cells are not hatched: the cells are drawn as an image (too many or too small for lines); set raster to "never" to hatch them';
export const boundaryNeedsBoundaries = () =>
  'norm "boundary" needs boundaries: give the bin edges, e.g. "boundaries": [0, 0.5, 0.9, 1]';
export const boundariesNotIncreasing = (i: number, a: number, b: number) =>
  `boundaries must increase: ${b} at [${i}] follows ${a}; give the bin edges in increasing order`;
export const boundaryRange = (key: string) =>
  `${key} comes from the boundaries with norm "boundary" (the first and last); leave ${key} out`;
export const boundaryTooManyBins = (bins: number, colors: number) =>
  `${bins} colour bins (extensions included) but the colormap has ${colors} colours; give fewer boundaries or a colormap with more colours (matplotlib's BoundaryNorm refuses the same)`;
export const twoslopeNeedsCenter = () =>
  'norm "twoslope" needs center (the value at the middle of the colormap)';
export const logNeedsPositive = (what: string, v: number) =>
  `norm "log" needs a positive ${what}, got ${v}; use norm "symlog" for data with zeros or negatives`;
export const symlogNeedsLinthresh = (v: number) => `linthresh must be a positive number, got ${v}`;
export const raggedValues = (row: number, got: number, want: number) =>
  `row ${row} has ${got} values but the grid has ${want} columns; pad it with null for missing cells`;
export const labelCount = (axis: 'rows' | 'cols', got: number, want: number) =>
  `${got} ${axis === 'rows' ? 'row' : 'column'} labels for ${want} ${axis === 'rows' ? 'rows' : 'columns'}; give exactly ${want}`;
export const panelColumns = (panel: number, got: number, want: number) =>
  `panel ${panel} has ${got} columns but panel 0 has ${want}; panels share their columns`;
export const notANumber = (v: unknown) =>
  `${q(String(v))} is not a number; use a number, or null for a missing cell`;
export const noData = () => 'the spec has no data; give "data" (values, or a file) or "panels"';
export const dataAndPanels = () => 'give either "data" or "panels", not both';
export const emptyGrid = () => 'the grid has no cells; give at least one row and one column';
export const separatorOutOfRange = (at: number, n: number) =>
  `separator at ${at} is outside the grid; use a position between 1 and ${n - 1}`;
export const maskShape = (rows: number, cols: number) =>
  `mask must have ${rows} rows of ${cols} booleans, or be "upper" or "lower"`;
export const keyOfOtherForm = (key: string) =>
  `${q(key)} is an option of another form of this value than its other keys make (a file read whole, or a query for a SQL engine, say); give the options of one form`;
export const unknownKey = (key: string, near: string | null) =>
  `${q(key)} is not an option` + (near ? `; did you mean ${q(near)}?` : '');
export const dataFileInCore = (file: string) =>
  `data file ${q(file)} must be loaded first: use heatfig's Node entry (heatfig/node) or the CLI, or give the values inline`;
export const tooManyCells = (cells: number, limit: number, format: string) =>
  `the grid has ${cells.toLocaleString('en-US')} cells, more than the ${limit.toLocaleString('en-US')} heatfig draws as separate shapes in ${format}; let it draw them as an image (raster "auto", --raster auto)`;
export const tooManyForEveryCell = (cells: number, limit: number, format: string) =>
  `the grid has ${cells.toLocaleString('en-US')} cells, more than the ${limit.toLocaleString('en-US')} an ${format} view carries (it keeps every cell); render it to PNG or SVG, where it is reduced to the pixels, or cut out a region of the data`;
export const figureTooLarge = (w: number, h: number, limit: number) =>
  `the figure would be ${Math.round(w).toLocaleString('en-US')} × ${Math.round(h).toLocaleString('en-US')} px, more than ${limit.toLocaleString('en-US')} on a side; give width and height, or smaller cellWidth, cellHeight, fontSize or panelGap`;
export const streamedForLinear = () =>
  'this grid was streamed for a linear scale, so its positive values were not summarised; read it with load(…, { log: true }) (renderSpec does)';
export const tickLabelCount = (given: number, positions: number) =>
  `${given} labels for ${positions} positions; give exactly ${positions}`;
export const tooManyAnnotations = (cells: number, limit: number) =>
  `annotating ${cells.toLocaleString('en-US')} cells would give unreadable text (at most ${limit.toLocaleString('en-US')}); set annot to false (--no-annot)`;
// warnings
export const annotDropped = (size: number) =>
  `annotations left out: cells are too small for legible text (would need ${size.toFixed(1)} px); enlarge the figure or set annot to false`;
export const annotRaster = () =>
  'annotations left out: the cells are drawn as an image (too many or too small for text); set raster to "never" to force vector cells';
export const ticksThinned = (axis: 'x' | 'y', every: number, option: string) =>
  `${axis} tick labels thinned to every ${ordinal(every)} label so they do not overlap, even at the smallest readable size; give ${option} to show them all`;
export const integerFormat = (fmt: string, where: string, value: number) =>
  `fmt ${q(fmt)} writes whole numbers, but ${where} holds ${value}, which Python would refuse; it is shown rounded; use fmt ".2f" (or ".3g") to show fractions`;
export const logNonPositive = (n: number) =>
  `${n} cell(s) hold values at or below 0, which norm "log" cannot show: they are left blank, as missing cells are; use norm "symlog" to show them`;
export const missingGlyph = (text: string, ch: string, family: string) =>
  `the font (${family}) has no glyph for ${q(ch)} (U+${ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}) in ${q(text.length > 40 ? `${text.slice(0, 40)}…` : text)}: it would show as a box in PNG and PDF; give a font that has it with --font FILE (spec: font), e.g. a Noto font`;
export const missingPackage = (name: string, what: string) =>
  `${what} needs the ${name} package, which is optional; install it beside heatfig: npm install ${name}`;
export const nonFinite = (n: number) =>
  `${n} infinite value(s) drawn at the end colours of the range`;
export const allMissing = () => 'the grid has no finite value: drawn as an empty grid';
export const colorbarTicksThinned = (every: number) =>
  `colorbar ticks thinned to every ${every}th so their labels do not overlap`;
export const rowNotArray = () => 'each row must be an array of numbers';
export const formatTooWide = (value: string, MAX_WIDTH: number, MAX_PRECISION: number) =>
  `${value} asks for a width over ${MAX_WIDTH} or a precision over ${MAX_PRECISION}; a figure shows neither (use ".2f", ".3g")`;
export const invalidJson = (value: string) => `${value}; expected valid JSON`;
export const jsonTooDeepAt = (MAX_JSON_DEPTH: number, value: string) =>
  `nested more than ${MAX_JSON_DEPTH} levels deep at ${value}; a spec or data file needs only a few levels`;
export const csvFieldTooLong = (MAX_FIELD: string) =>
  `a field longer than ${MAX_FIELD} characters; is the delimiter right (give --sep) or a quote left open?`;
export const csvQuoteNotClosed = () =>
  'a quoted field is not closed; end it with a double quote (") or double quotes inside it ("")';
export const csvAfterClosingQuote = (value: string) =>
  `unexpected ${value} after a closing quote; put the whole field in quotes`;
export const longDataNoRows = () => 'long data needs a header row and at least one data row';
export const noSuchColumn = (n: string, value: string) =>
  `no column named ${n}; the columns are ${value}`;
export const csvNotANumber = (text: string) =>
  `${text} is not a number; use a number, or leave it empty for missing`;
export const longDataDuplicate = (
  x: string,
  value: string,
  y: string,
  value2: string,
  first: string,
) =>
  `(${x}=${value}, ${y}=${value2}) appears again (first at ${first}); combine duplicates with agg: mean, sum, min, max, count or first`;
export const badShape = (shape: string) =>
  `shape [${shape}] cannot be drawn; give [cols], [rows, cols], [panels, rows, cols] or [facet rows, facet cols, rows, cols] of whole numbers above 0`;
export const shapeValueCount = (length: number, shape: string, value: number) =>
  `${length} values for shape [${shape}], which holds ${value}; give as many values as the shape holds`;
export const labelCounts = (r: number, c: number) => `give ${r} row labels and ${c} column labels`;
export const notLabelOrNumber = (v: string) => `${v} is not a label or a number`;
export const noSuchRecordColumn = (name: string, value: string) =>
  `no column named ${name}; the table has ${value}`;
export const jsonNotANumber = (v: string) =>
  `${v} is not a number; use a number, or null for a missing cell (long data: pass --x --y --value)`;
export const splitNeedsData = () => 'orient "split" needs "data": rows of numbers';
export const splitIndexCount = (length: number, length2: number) =>
  `"index" has ${length} labels for ${length2} rows of "data"; give one label per row`;
export const tableNeedsData = () => 'orient "table" needs "data": an array of records';
export const wrongOrient = (orient: string, value: string) =>
  `the JSON is not in orient ${orient} (it looks like ${value}); give the orient it was written with`;
export const jsonNotAGrid = () =>
  'expected rows of numbers, { "values": [[…]], "rows": […], "cols": […] }, an array of records, or a pandas to_json orient (split, index, columns, values, records, table)';
export const noRows = () => 'the file has no rows; give a table of numbers';
export const rowWidth = (length: number, hw: number) =>
  `this row has ${length} fields but the header has ${hw}; quote fields that contain the delimiter`;
export const headerOnly = () => 'the table has a header but no data rows';
export const indexColPastTable = (index: number, width: number, value: number) =>
  `index column ${index} is past the table's ${width} columns; give 0 to ${value}, or none`;
export const cellNotANumber = (text: string) =>
  `${text} is not a number; use a number, or leave the cell empty (or NaN) for missing`;
export const labelsOnly = () => 'the table has row labels but no columns of values';
export const emptyArray = (shape: string) => `the array has shape (${shape}): no cells to draw`;
export const notAnNpz = (what: string) =>
  `${what}; save it with numpy.savez or numpy.savez_compressed`;
export const npzMemberTooLarge = (size: string, maxBytes: string) =>
  `the array is ${size} bytes uncompressed, more than the ${maxBytes} heatfig reads; give --max-input-bytes to raise the limit, or save a smaller array`;
export const emptyNpz = () => 'the archive holds no arrays';
export const noSuchArray = (name: string, value: string) =>
  `no array named ${name}; the archive holds ${value}`;
export const longDataNeedsColumns = () =>
  'long data needs all three of x, y and value (column names)';
export const unknownInputFormat = (source: string) =>
  `cannot tell the format of ${source}; name it .csv, .tsv, .json, .npy or .npz, or give the input format`;
export const textTooLarge = (length: string, MAX_TEXT_BYTES: string) =>
  `a text file of ${length} bytes is more than the ${MAX_TEXT_BYTES} one string can hold; save the data as .npy, which is streamed`;
export const notUtf8 = () =>
  'the file is not UTF-8 text; save it as UTF-8 (or give the input format if it is binary)';
export const unknownOutputFormat = (path: string, value: string) =>
  `cannot tell the format of ${path}; name it ${value}`;
export const specTooDeep = (MAX_JSON_DEPTH: number) =>
  `nested more than ${MAX_JSON_DEPTH} levels deep; a spec needs only a few levels`;
export const inputTooLarge = (
  what: string,
  value: string,
  limit: string,
  MAX_INPUT_BYTES_CEILING: string,
) =>
  `${what} ${value} the ${limit} bytes heatfig reads whole; give --max-input-bytes N to raise the limit (at most ${MAX_INPUT_BYTES_CEILING}), or save the data as .npy, which is streamed`;
export const notAFile = (path: string, what: string) =>
  `${path}: ${what}; give the path of an existing file`;
export const tooManyFonts = (length: number, files: number) =>
  `${length} font files; give at most ${files}`;
export const unknownFontFamily = (name: string, families: string) =>
  `unknown font family ${name}; name one the package ships (${families}; or serif, sans-serif, times, computer modern), or give a .ttf, .otf or .ttc file`;
export const familyNotFirst = (name: string) =>
  `font family ${name} must come first in the list, before any font files`;
export const unreadableFont = (file: string, code: string | undefined) =>
  `cannot read font ${file} (${code}); give the path of a .ttf, .otf or .ttc file`;
export const fontTooLarge = (file: string, length: number, bytes: number) =>
  `font ${file} is ${length} bytes, more than ${bytes}; give a smaller font file`;
export const notAFont = (file: string) =>
  `${file} is not a font heatfig can read; give a .ttf, .otf or .ttc file`;
export const cannotWrite = (path: string, value: string) =>
  `cannot write ${path} (${value}); check that its folder exists and is writable`;
export const outputWouldDestroy = (path: string, value: string) =>
  `${path} is ${value}; writing it would destroy it: give another output file`;
export const outputIsDirectory = (path: string) => `${path} is a directory; give a file name`;
export const outputSymlinkLoop = (path: string) =>
  `${path} is a loop of symbolic links; give another output file`;
export const fortranOrder3d = () =>
  'a 3-D array in Fortran order is too large to stream; save it in C order (numpy.ascontiguousarray)';
export const npyCutShort = (value: number) =>
  `the file ends after ${value} bytes, before its data does; the file is cut short`;
export const tooManyArrayCells = (cells: string, cells2: string, why: string) =>
  `the array has ${cells} cells, more than the ${cells2} ${why}`;
export const robustOnStdin = () =>
  'robust needs every value twice, and standard input can be read only once; give the .npy as a file (it is streamed), or set vmin and vmax';
export const stdinOnce = () => 'standard input can be read only once, in order; give a file';
export const stdinNeedsFormat = (INPUT_FORMATS: string) =>
  `reading standard input needs its format; give --input-format ${INPUT_FORMATS}`;
export const scaleOutOfRange = (scale: number, MAX_SCALE: number) =>
  `scale ${scale} is out of range; give a scale above 0 up to ${MAX_SCALE}`;
export const pngTooLarge = (w: string, h: string, value: string, MAX_PNG_PIXELS: string) =>
  `the PNG would be ${w} × ${h} = ${value} pixels, more than ${MAX_PNG_PIXELS}; give a smaller --scale (or --dpi), or a smaller figure`;
export const flagNotANumber = (v: string, flag: string) =>
  `${v} is not a number; give ${flag} a number such as 0.5`;
export const flagOutOfRange = (
  v: string,
  flag: string,
  value: string,
  value2: string,
  lo: number,
  hi: string,
) => `${v} is out of range; give ${flag} a ${value} ${value2} ${lo} up to ${hi}`;
export const labelFileTooLarge = (v: string, size: string, LABEL_FILE_BYTES: string) =>
  `${v} is ${size} bytes, more than the ${LABEL_FILE_BYTES} a file of labels may have; give one label a line for the axis`;
export const badIndexCol = (v: string) =>
  `${v} is not a column; give --index-col a column number (0 is the first) or none`;
export const badRotation = (v: string) =>
  `${v} is not a rotation; give degrees from -90 to 90, or auto`;
export const stdoutNeedsFormat = () =>
  'writing to standard output needs the format: give --format svg, png, pdf, html or scene';
export const scaleAndDpi = () =>
  'give either --scale or --dpi, not both: --dpi N is --scale N/96 with N written in the file';
export const dpiNotPng = (format: string) => `--dpi is for PNG output, not ${format}`;
export const numpyNpyFileX93numpy = () =>
  'not a NumPy .npy file (no \\x93NUMPY magic); save it with numpy.save';
export const npyFormatVersionSupported = (major: number) =>
  `.npy format version ${major} is not supported; use version 1, 2 or 3 (numpy.save writes these)`;
export const headerClaimsBytesMore = (headerLen: number, NPY_HEADER_MAX: number) =>
  `the header claims ${headerLen} bytes, more than the ${NPY_HEADER_MAX} heatfig reads; the file is damaged or not an array of numbers`;
export const headerClaimsBytesBut = (headerLen: number) =>
  `the header claims ${headerLen} bytes but the file ends before; the file is cut short`;
export const headerNumpyHeaderDict = (value: string) =>
  `the header is not a NumPy header dict (descr, fortran_order, shape): ${value}`;
export const structuredDtypeNamedFields = () =>
  'a structured dtype (named fields) cannot be drawn; save one field as its own array (arr["name"])';
export const shapeTupleWholeNumbers = (shapeValue: string) =>
  `the shape (${shapeValue}) is not a tuple of whole numbers`;
export const dtypeUse = (descr: string, descr2: string, SUPPORTED: string) =>
  `dtype ${descr} ${descr2}; use ${SUPPORTED}`;
export const dtypeSupportedUse = (descr: string, SUPPORTED: string) =>
  `dtype ${descr} is not supported; use ${SUPPORTED}`;
export const arrayDimensionsCannotDrawn = (length: number) =>
  `an array of ${length} dimensions cannot be drawn; give 1-D (one row), 2-D, 3-D (one facet per leading index) or 4-D (facet rows × facet columns)`;
export const headerClaimsShapeValues = (
  shape: string,
  count: number,
  value: number,
  value2: number,
) =>
  `the header claims shape (${shape}): ${count} values, ${value} bytes, but the file holds ${value2} bytes of data; the file is cut short`;
export const zip64SizeOffsetOut = () => 'a zip64 size or offset is out of range';
export const zipArchiveEndCentral = () => 'not a zip archive (no end of central directory)';
export const damagedZip64EndCentral = () => 'a damaged zip64 end of central directory';
export const archiveListsMembersMore = (count: number, MAX_ENTRIES: number) =>
  `the archive lists ${count} members, more than ${MAX_ENTRIES}`;
export const centralDirectoryLiesPast = () => 'the central directory lies past the end of the file';
export const damagedCentralDirectoryEntry = () => 'a damaged central directory entry';
export const zip64ExtraFieldShorter = () => 'a zip64 extra field shorter than its entry needs';
export const memberEncryptedWhichHeatfig = (name: string) =>
  `member ${name} is encrypted, which heatfig cannot read`;
export const memberPathArrayName = (name: string) => `member ${name} is a path, not an array name`;
export const memberUsesCompressionMethod = (name: string, method: number) =>
  `member ${name} uses compression method ${method}; only stored and deflate are read`;
export const damagedLocalFileHeader = () => 'a damaged local file header';
export const archiveCutShort = () => 'the archive is cut short';
export const memberInflatesPastDeclared = (size: number) =>
  `the member inflates past its declared ${size} bytes (damaged, or a zip bomb)`;
export const memberDoesInflate = (message: string) => `the member does not inflate (${message})`;
export const memberInflatesBytesDeclared = (filled: number, size: number) =>
  `the member inflates to ${filled} bytes, not its declared ${size}`;
export const crcMismatchArchiveDamaged = () => 'a CRC-32 mismatch: the archive is damaged';
export const secondHeaderLine = (text: string, line: number) =>
  `${text} is not a number, and the header above repeats its labels: if line ${line} is a second header line (pandas' MultiIndex columns), heatfig reads it when it holds only labels or starts with an empty cell, as to_csv() writes it; else give numbers here`;
export const expectedType = (expected: string, got: string) => `expected ${expected}${got}`;
export const mustBe = (what: string, got: string) => `must be ${what}${got}`;
export const expectedOneOf = (values: string, got: string) =>
  `expected one of ${values}, got ${got}`;
export const firstColumnAsData = (source: string, name: string) =>
  `${source}: drew the first column (${name}) as data; give --index-col 0 (spec: data.indexCol) if it holds row labels`;
export const facetRows = (panel: string, rows: number, first: number) =>
  `facets share their rows: panel ${JSON.stringify(panel)} has ${rows}, the first ${first}; give panels of the same shape, or leave out "facet" to stack them`;
export const facetLabelCount = (given: number, need: number) =>
  `${given} facet labels for ${need} facets; give one per facet`;
export const annotTemplate = (template: string, what: string) =>
  `annotation template ${JSON.stringify(template)} has ${what}; write fields as {value} or {value:.2f}, and a brace itself as {{ or }}`;
export const annotField = (name: string, fields: string) =>
  `annotation template field {${name}} is not one heatfig knows; use ${fields}`;
export const annotShape = (rows: number, need: number, cols: number) =>
  `annotation matrix has ${rows} rows; give one per row of the grid (${need} rows of ${cols})`;
export const annotRow = (cols: number, need: number) =>
  `annotation row has ${cols} entries; give one per column (${need})`;
export const oneTransform = (given: string) =>
  `${given} are both given; give one (seaborn takes either z_score or standard_scale), and normalize before it by hand if both are meant`;
export const sortBy = (name: string, what: string) =>
  `sort by ${JSON.stringify(name)}: there is no ${what} with that label; give one of the grid's ${what} labels`;
export const sortWithMatrix = (what: string) =>
  `${what} given cell by cell is in the data's order, and sort would move the cells from under it; sort the data before, or leave out sort`;
export const transformReduced = (what: string) =>
  `${what} needs every cell, and this grid is too large to hold whole; transform the data first, or read a smaller part of it`;
export const marginalsOnePanel = () =>
  'marginals are drawn beside one panel of cells held whole; leave them out for panels, facets or a reduced grid';
export const fontLength = (v: string, min: number, max: number) =>
  `font size ${JSON.stringify(v)} is not a length heatfig reads; give px as a number from ${min} to ${max}, or "8pt" or "11px"`;
export const colormapStops = () =>
  'colormap stops go from 0 to 1 and never back: give [[0, colour], …, [1, colour]] with positions in order';

// Clustering (issue 18).
export const clusterNoDistance = (what: string, i: number, j: number, metric: string) =>
  `${what} ${i} and ${j} have no ${metric} distance (${metric === 'cosine' || metric === 'correlation' ? 'one of them is all zero or constant, or they share no value' : 'they share no value'}); drop or fill them, or use another metric`;
export const clusterEuclideanOnly = (method: string, metric: string) =>
  `method "${method}" is defined on Euclidean distances only, not "${metric}" (as scipy's linkage requires); use metric "euclidean" or another method`;
export const clusterTooLarge = (what: string, n: number, limit: number, bytes: number) =>
  `clustering ${n} ${what} needs ${(bytes / 2 ** 30).toFixed(1)} GiB for their pairwise distances; heatfig clusters at most ${limit} ${what} (aggregate or sample them first)`;
export const clusterPrecomputed = (rows: number, cols: number) =>
  `metric "precomputed" needs a square matrix of distances, not ${rows}×${cols}`;
export const clusterPrecomputedValues = (i: number, j: number, why: string) =>
  `metric "precomputed": the distance at row ${i}, column ${j} ${why}; give a symmetric matrix of finite, non-negative distances with zeros on its diagonal`;
export const clusterMissing = (cells: number, what: string, metric: string) =>
  `${cells} missing cell${cells === 1 ? '' : 's'} left out of the ${metric} distances between ${what}: each pair is measured over the values both have (pairwise-complete${metric === 'chebyshev' || metric === 'cosine' || metric === 'correlation' ? '' : ", scaled up to all columns as R's dist does"})`;
export const clusterOnePanel = () =>
  'clustering needs one matrix: it cannot reorder facets or stacked panels (cluster each on its own)';
export const clusterWith = (what: string) =>
  `cluster reorders the rows and columns itself; leave out ${what}`;
export const clusterLinkage = (what: string, n: number, why: string) =>
  `the ${what} linkage is not a linkage of ${n} leaves (scipy's Z: ${n - 1} rows of [a, b, height, size]): ${why}`;
export const clusterColorsLength = (what: string, got: number, want: number) =>
  `${got} values for ${want} ${what}; give one category per ${what.slice(0, -1)}, in the data's order`;
export const clusterColorsMany = (k: number) =>
  `${k} categories in one colour bar; heatfig gives distinct colours to at most 20 (give colors, or group them)`;
export const clusterColorsShort = (k: number, given: number) =>
  `${k} categories but ${given} colours; give one colour per category, in their order of first appearance`;

// Long data aggregated by a SQL engine (query/, io/engines.ts).
export const badAgg = (agg: string) =>
  `${q(agg)} is not an aggregate; use mean, sum, count, min, max, median, std, or quantile(q) with q in 0..1`;
export const aggNeedsValue = (agg: string) =>
  `agg ${q(agg)} needs the column of values: give "value" (only count counts rows without one)`;
export const querySourceCount = (n: number) =>
  `a query reads ${n === 0 ? 'nothing' : 'more than one source'}; give exactly one of "file", "table" or "sql"`;
export const queryInCore = () =>
  'long data aggregated by a SQL engine must be queried first: use heatfig/node (queryData, renderSpecAsync) or the CLI';
export const unknownEngine = (engine: string) =>
  `unknown engine ${q(engine)}; use "duckdb", or "clickhouse://host:8123/database" (clickhouses:// for HTTPS)`;
export const engineFileOnly = (engine: string) =>
  `${engine} reads a "table" or "sql", not files; read files with the "duckdb" engine`;
export const engineFailed = (engine: string, text: string) => `${engine}: ${text}`;
export const engineUnreachable = (engine: string, url: string, text: string) =>
  `cannot reach ${engine} at ${url} (${text}); is the server running, and the host and port right?`;
export const notOneSelect = () =>
  'the SQL must be one read-only SELECT (or WITH … SELECT) statement, with no other statement after it';
export const queryTooManyCells = (limit: number) =>
  `the aggregation returns more than ${limit.toLocaleString('en-US')} cells; keep the most frequent categories ("top"), bin a numeric axis ("bins"), or narrow it ("filter")`;
export const queryGridTooLarge = (rows: number, cols: number, limit: number) =>
  `the grid would be ${rows.toLocaleString('en-US')} × ${cols.toLocaleString('en-US')}, more than ${limit.toLocaleString('en-US')} cells; keep the most frequent categories ("top"), bin a numeric axis ("bins"), or narrow it ("filter")`;
export const topRefused = (axis: string, column: string, k: number) =>
  `${q(column)} has more than ${k} categories (top.${axis}); keep them all, or group the rest (top.rest "other") or leave them out (top.rest "drop")`;
export const binsNotNumbers = (column: string) =>
  `${q(column)} holds no numbers to bin; bins need a numeric column`;
export const tooManyBins = (axis: string, n: number) =>
  `bins.${axis} of that width make ${n.toLocaleString('en-US')} bins, more than 10,000; give a wider width`;
export const restGrouped = (k: number, column: string, rest: number, how: 'other' | 'drop') =>
  `${rest.toLocaleString('en-US')} ${q(column)} ${rest === 1 ? 'category' : 'categories'} beyond the ${k} most frequent ${how === 'other' ? 'are grouped as "other"' : 'are left out'}`;
export const queryNoRows = () =>
  'the aggregation found no rows (after the filter, and leaving out missing x and y)';
export const binsFlag = (v: string) =>
  `--bins ${q(v)} is not one or two numbers of bins; give n (both axes) or n,m (x, then y)`;
export const noQuery = () =>
  'the input has no long data for a SQL engine; heatfig sql shows the SQL of a query source (a spec whose data names a table, SQL, or a Parquet file or glob)';
export const arrowColumnsDiffer = (file: string) =>
  `${file} has other columns than the first file of the glob; every Arrow file of one source needs the same columns`;

// Reading a heatmap image back (read/).
export const notPng = () =>
  "not a PNG image (its first bytes are not PNG's signature); give a .png";
export const notImage = () =>
  'not a PNG or JPEG image (its first bytes are neither signature); give a .png or a .jpg';
export const noPdfRasteriser = (tool: string) =>
  `a PDF is read through poppler's ${tool}, which this machine lacks; install poppler-utils, or give a PNG or JPEG of the figure`;
export const pdfUnreadable = (tool: string, why: string) =>
  `${tool} could not read the PDF${why ? ` (${why.trim()})` : ''}; give a whole, unencrypted PDF, or a PNG or JPEG of the figure`;
export const pdfNoPage = (page: number, pages: number) =>
  `there is no page ${page}: the PDF has ${pages} page${pages === 1 ? '' : 's'}; give a page from 1 to ${pages}`;
export const pageNotPdf = () => 'a page is chosen only in a PDF; give it without --page';
export const panelNotImage = () =>
  'a panel is chosen only in a heatmap image (PNG, JPEG, PDF) read back; give it without --panel';
export const jpegDamaged = () => 'the JPEG is cut short or damaged; give the whole file';
export const jpegColorMode = () =>
  'the JPEG has a colour mode heatfig does not read; give grey, RGB (YCbCr) or CMYK';
export const pngTruncated = () => 'the PNG is cut short or damaged; give the whole file';
export const pngFormat = (depth: number, type: number) =>
  `the PNG says ${depth}-bit samples of colour type ${type}, which the format does not have; give a PNG of grey (1 to 16 bits), palette (1 to 8), RGB, grey with alpha or RGBA (8 or 16)`;
export const imageTooLarge = (w: number, h: number, max: number) =>
  `the image is ${w.toLocaleString('en-US')} × ${h.toLocaleString('en-US')} pixels, more than the ${max.toLocaleString('en-US')} read; give a smaller one`;
export const imageNoValues = (rows: number, cols: number, colorbar: boolean) =>
  `no value could be read: ${colorbar ? "the colorbar's tick labels could not be read" : 'the image shows no colorbar beside its cells'} and no numbers are printed over its ${rows}×${cols} cells, so what their colours stand for is not known; heatfig read writes their shape and labels`;
export const noHeatmapGrid = () =>
  'no heatmap found: no large block of coloured cells in the image; give an image of a heatmap';
/**
 * The cells found (rows × cols) are not one width (unequalCells): `doubt` the axis, how many
 * of its boundaries show no edge in any line, of how many cells; `inked` the cells that text
 * stands over; `colorbar` whether one was found.
 */
export const unequalCells = (
  rows: number,
  cols: number,
  doubt: { readonly vertical: boolean; readonly unseen: number; readonly n: number },
  inked: number,
  colorbar: boolean,
) => {
  const [along, across] = doubt.vertical ? ['rows', 'column'] : ['columns', 'row'];
  return `the cells found (${rows}×${cols}${colorbar ? '' : ', no colorbar'}) are not of one width: ${doubt.unseen} of the ${doubt.n - 1} boundaries between their ${along} show no edge in any ${across}, and the text over them stands in ${inked} of the ${rows * cols} cells, not one in each: its grid is not found (a table whose columns differ in width, as pandas' Styler draws them, is read from a PNG, not a JPEG); give a PNG, or the data`;
};
/** The cells found (rows × cols): `apart` of the `inked` cells with text hold several texts apart (unequalCells). */
export const cellsHoldSeveral = (rows: number, cols: number, apart: number, inked: number) =>
  `the cells found (${rows}×${cols}) hold several texts apart, in ${apart} of the ${inked} cells with text: their edges are not found (pale cells in a JPEG, or a table whose columns differ in width, as pandas' Styler draws them, saved as JPEG); give a PNG, or the data`;
export const cellsOffColorbar = (n: number) =>
  `${n.toLocaleString('en-US')} ${n === 1 ? 'cell has a colour' : 'cells have colours'} the colorbar does not hold (masked or missing cells, or cells under text): read as missing`;
export const unprintedCells = (n: number, printed: number, masked: boolean) =>
  `${n.toLocaleString('en-US')} ${n === 1 ? 'cell shows' : 'cells show'} no number where ${printed.toLocaleString('en-US')} others show theirs${
    masked
      ? `, ${n === 1 ? 'its colour one' : 'all in one colour'} the colorbar does not hold (the axes' colour, as seaborn draws masked cells): read as missing`
      : `: ${n === 1 ? 'its value is' : 'their values are'} read from ${n === 1 ? 'its' : 'their'} colour (masked cells drawn in a colour the colorbar holds would be read so too)`
  }`;
export const cellsBesideColorbar = (n: number, levels: number) =>
  `${n.toLocaleString('en-US')} cells have colours up to ${Math.round(levels)} levels from any colour of the colorbar, where an image without noise shows its cells' colours within a level or two: the colorbar may not be their scale as drawn, and their values, read at the nearest colour, may be further off than the bound stated`;
export const cellsNotOneColour = (share: number) =>
  `${Math.round(share * 100)}% of the cells read are not one colour each, as a heatmap's cells are: the grid's rows or columns may be finer than read (cells a few pixels wide), or the image smoothed between its cells (matplotlib's imshow smooths a grid drawn under 3 px a cell); its shape and values may be wrong`;
export const marksFinerThanCells = (
  axis: 'rows' | 'columns',
  { spacing, cells }: { readonly spacing: number; readonly cells: number },
) =>
  `the ${axis}' tick marks stand every ${Math.round(spacing)} px, closer together than the ${Math.round(cells)}-px ${axis} read (an axis marks every cell or every few): the grid's ${axis} may be finer than read (cells a few pixels across, blurred together), and its shape and values wrong`;
export const noColorbar = () =>
  'no colorbar found beside the grid: the cells are counted, but their colours cannot be placed on a scale';
export const colorbarTicksUnread = (n: number) =>
  `the colorbar's tick labels could not be read (${n} number${n === 1 ? '' : 's'} recognised, two on one scale needed): the cells are placed on the colorbar, but without values`;
export const colorbarScaleUnread = (why: 'symmetric' | 'uneven') =>
  `the colorbar's scale is ${why === 'symmetric' ? 'symmetric logarithmic (powers of ten either side of a linear middle, as matplotlib draws SymLogNorm), which is not read' : 'not linear: its tick labels, in order along it, are not evenly spaced for their values (a power or other norm), which is not read'}: the cells are placed on the colorbar, but without values`;
export const colorbarOffsetUnread = () =>
  "the colorbar's tick labels are scaled by a factor or an amount written at its end (as matplotlib writes 1e-5), which could not be read: the cells are placed on the colorbar, but without values";
export const colorbarPowersUnread = (n: number) =>
  `the colorbar is logarithmic (its tick labels are powers of ten), and ${n === 0 ? 'none of them could be read' : n === 1 ? 'only one of them could be read, and its minor tick marks do not give the decade' : `the ${n} of them read are not on one scale`}: the cells are placed on the colorbar, but without values`;
/** A share of a value, as a percentage of two digits (±4.7%). */
const percent = (share: number) => `±${(100 * share).toPrecision(2)}%`;
/** Values read from a logarithmic colorbar's colours: each good to a share of itself. */
const ofItself = (share: number) =>
  `each to within ${percent(share)} of itself (written to the place of that uncertainty's first digit)`;
export const colorbarEndsRounded = (labels: readonly number[], u: number) =>
  `the colorbar is labelled at its two ends alone (${labels.map(String).join(' and ')}), as Vega labels its range's end points, rounded as printed: values read from colour are good to ±${u.toPrecision(1)} more for it`;
export const ticksDropped = (n: number) =>
  `${n} colorbar tick label${n === 1 ? ' was' : 's were'} read as a number off the scale of the others, and left out`;
/** ±u, or, for numbers printed with more decimals in some cells than others, ±finest to ±u. */
const within = (u: number, finest: number) =>
  finest < u ? `±${finest.toPrecision(2)} to ±${u.toPrecision(2)}` : `±${u.toPrecision(2)}`;
/** Where the coarsest number's last digit stands, half of it `u`: "with 1", or "to the nearest 100". */
const coarsestPlace = (u: number) => {
  const d = -Math.round(Math.log10(2 * u));
  return d >= 0 ? `with ${d}` : `from the nearest ${10 ** -d}`;
};
export const readFromPixels = (
  u: number,
  d: number,
  annotated: number,
  cells: number,
  /** The most precise value's uncertainty (numbers printed with more decimals in some cells). */
  finest = u,
  /** Every value there is is printed, though `annotated` < `cells`: the others have none. */
  allPrinted = annotated === cells,
  /** A logarithmic colorbar's: how far a value read from colour may be off, as a share of itself. */
  relative: number | null = null,
) => {
  if (!allPrinted)
    return `the values were read from the image's colours${relative !== null ? ' on its logarithmic colorbar' : ''}${annotated ? ` where no number printed over a cell was read (${annotated} of ${cells} were)` : ''}, ${relative !== null ? ofItself(relative) : `each to within ±${u.toPrecision(2)} (written with ${d} decimal${d === 1 ? '' : 's'})`}`;
  const over =
    annotated === cells ? 'the cells' : `${annotated} of the ${cells} cells (the others have none)`;
  return finest < u
    ? `the values are the numbers printed over ${over}, each to within half its last digit printed (${within(u, finest)}; printed ${coarsestPlace(u)} to ${d} decimals, written as printed)`
    : `the values are the numbers printed over ${over}, each to within ±${u.toPrecision(2)} (half the last digit printed; written with ${d} decimal${d === 1 ? '' : 's'})`;
};
/**
 * An image of several heatmaps: which one was read (its place in reading order, of how many),
 * and where each other stands against it.
 */
export interface OtherHeatmaps {
  /** The one read: 1 for the first, left to right, then top to bottom. */
  readonly panel: number;
  /** Each other one: its number and where it stands ("at its left"). */
  readonly others: readonly { readonly panel: number; readonly place: string }[];
}
const panelsOf = (o: OtherHeatmaps) =>
  `${o.others.length === 1 ? 'another heatmap' : `${o.others.length} other heatmaps`} besides the one read (panel ${o.panel} of ${o.others.length + 1}, numbered left to right, then top to bottom): ${o.others.map((p) => `panel ${p.panel} (${p.place})`).join(', ')}`;
/** Other heatmaps in a read image than the one read, and how to read one. */
export const otherHeatmaps = (o: OtherHeatmaps) =>
  `the image holds ${panelsOf(o)}, not read; --panel N reads ${o.others.length === 1 ? `it (N = ${o.others[0]!.panel})` : 'another'}`;
/** An image's other heatmaps, in its description. */
export const otherHeatmapsUndescribed = (o: OtherHeatmaps) =>
  `the image holds ${panelsOf(o)}, not read and not described here`;
/** A panel asked for past the image's heatmaps. */
export const noSuchPanel = (panel: number, panels: number) =>
  `the image holds ${panels === 1 ? 'one heatmap' : `${panels} heatmaps`}, not ${panel}; give --panel 1${panels === 1 ? ' or none' : ` to ${panels} (left to right, then top to bottom)`}`;
/** Axis labels given by their sequence: how many (read's warning), or which (the description's clause). */
export const labelsFromSequence = (which: number | readonly string[]) => {
  const n = typeof which === 'number' ? which : which.length;
  const subject =
    typeof which === 'number' ? `${n} axis label${n === 1 ? '' : 's'}` : which.join(', ');
  return `${subject} ${n === 1 ? 'was' : 'were'} not read clearly and ${n === 1 ? 'is' : 'are'} given by the sequence the others are numbered in`;
};
/**
 * A continuous axis's labels (read's warning, the description's clause): its ticks as read,
 * and each row or column given its centre's coordinate.
 */
export const labelsFromCoordinates = (axis: 'row' | 'column', ticks: readonly string[]) =>
  `the ${axis}s' axis is continuous, its ticks marked ${ticks.join(', ')} (not one per ${axis}): each ${axis} is labelled with the coordinate of its centre`;
/**
 * Neighbouring rows or columns of a continuous axis that no edge was seen between
 * (unseenBoundaries): read as cells of the axis's spacing, their values repeated; cells of
 * unequal widths (pcolormesh's uneven edges) would be fewer. `runs`: each axis's runs of
 * cells joined, by their labels; `shape`: the grid read, and with each run one cell.
 */
export const boundariesUnseen = (
  runs: {
    readonly rows: readonly (readonly string[])[];
    readonly cols: readonly (readonly string[])[];
  },
  shape: {
    readonly rows: number;
    readonly cols: number;
    readonly joinedRows: number;
    readonly joinedCols: number;
  },
) => {
  const run = (r: readonly string[]) =>
    r.length === 2 ? `${r[0]} and ${r[1]}` : `${r[0]} to ${r[r.length - 1]}`;
  const list = (rs: readonly (readonly string[])[]) =>
    rs.length === 1
      ? run(rs[0]!)
      : `${rs.slice(0, -1).map(run).join(', ')}, and ${run(rs[rs.length - 1]!)}`;
  const parts = [
    ...(runs.cols.length
      ? [`the columns labelled ${list(runs.cols)} are each one colour in every row`]
      : []),
    ...(runs.rows.length
      ? [`the rows labelled ${list(runs.rows)} are each one colour in every column`]
      : []),
  ];
  return `${parts.join(', and ')}, no edge seen between them: they were read as cells of the axis's spacing, their values repeated; if they are cells wider than the others (pcolormesh with uneven edges), the grid is ${shape.joinedRows}×${shape.joinedCols}, not ${shape.rows}×${shape.cols}`;
};
/** Rows and columns with no label shown in an image (read's warning). */
export const labelsNotShown = (n: number, of: number, numbered = 0) =>
  `${n} of the ${of} rows and columns have no label shown in the image: ${numbered === n ? 'they are numbered as the labels shown are (one in every few)' : numbered ? `${numbered} are numbered as the labels shown are (one in every few), the others given as positions (0 is the first)` : 'they are given as positions (0 is the first)'}`;
export const labelsUnread = (n: number, of: number, cut = 0) =>
  `${n} of the ${of} row and column labels could not be read${cut ? ` (${cut === n ? (n === 1 ? 'it runs' : 'they run') : `${cut} run`} off the image's edge: saved with bbox_inches='tight', they would show whole)` : ''}: they are given as positions (0 is the first)`;
/** The description's clause for labels not read because they run off the image's edge. */
export const labelsCut = (n: number, of: number) =>
  n === of
    ? "they run off the image's edge"
    : `${n} of them ${n === 1 ? 'runs' : 'run'} off the image's edge`;
export const readOutputFormat = () =>
  'heatfig read writes .csv or .json; give -o data.csv or -o spec.json (or --format with -o -)';
export const readOrigin = (
  file: string,
  u: number,
  d: number,
  ticks: number,
  annotated: number,
  cells: number,
  past: string | null = null,
  /** The most precise value's uncertainty (numbers printed with more decimals in some cells). */
  finest = u,
  /** Every value there is is printed, though `annotated` < `cells`: the others have none. */
  allPrinted = annotated === cells,
  /** A logarithmic colorbar's: how far a value read from colour may be off, as a share of itself. */
  relative: number | null = null,
  /** Why the shape read is in doubt (cellsNotOneColour, marksFinerThanCells), where it is. */
  doubt: string | null = null,
  /** The format every value was printed in, where it is not decimals alone (".0%", ".1e"). */
  printedAs: string | null = null,
) => {
  const bar =
    relative !== null
      ? `the logarithmic colorbar, whose ${ticks} tick labels (powers of ten) were read by text recognition`
      : `the colorbar, whose ${ticks} tick labels were read by text recognition`;
  const printed =
    annotated === cells
      ? 'the numbers printed over the cells, read by text recognition, as printed'
      : allPrinted
        ? `the numbers printed over ${annotated} of the ${cells} cells, read by text recognition, as printed (the others' numbers were not read, and no colour scale was, so they have no value)`
        : annotated
          ? `the numbers printed over ${annotated} of the ${cells} cells, read by text recognition, and the other cells' colours placed on ${bar}`
          : `each cell's colour placed on ${bar}`;
  const good =
    relative !== null && !allPrinted
      ? `${annotated ? 'every number printed is as printed, and ' : ''}every value read from colour is good to within ${percent(relative)} of itself and is written to the place of that uncertainty's first digit, no finer`
      : allPrinted && printedAs?.endsWith('%')
        ? `every value is good to within half its last digit printed (±${Number((u * 100).toPrecision(2))}%) and is written as printed`
        : allPrinted && printedAs?.endsWith('e')
          ? 'every value is good to within half its last digit printed and is written as printed'
          : finest < u
            ? `every value is good to within half its last digit printed (${within(u, finest)}) and is written as printed`
            : `every value is good to within ±${u.toPrecision(2)} and is written with ${d} decimal${d === 1 ? '' : 's'}, no finer`;
  return `Read from the pixels of ${file} by heatfig: ${printed}; ${good}${past ? `, except that ${past}` : ''}${doubt !== null ? `. But ${doubt}` : ''}.`;
};
/**
 * Cells in the colour of a colorbar end: values past the range are drawn so, with a triangle
 * there (extend) or without one.
 */
export const pastColorbarEnds = (
  low: number,
  high: number,
  lo: string,
  hi: string,
  triangles: { readonly low: boolean; readonly high: boolean },
) => {
  const part = (k: number, end: string, v: string, past: string) =>
    `${k} cell${k === 1 ? '' : 's'} in the colour of its ${end} end ${k === 1 ? 'is' : 'are'} read as ${v} and may hold ${past}`;
  const parts = [
    ...(high ? [part(high, 'high', hi, 'more')] : []),
    ...(low ? [part(low, 'low', lo, 'less')] : []),
  ];
  const tri = { low: triangles.low && low > 0, high: triangles.high && high > 0 };
  const head =
    tri.low || tri.high
      ? `the colorbar's ${tri.low && tri.high ? 'ends are triangles' : `${tri.high ? 'high' : 'low'} end is a triangle`} (values past the range drawn in the end's colour)`
      : "values past the colorbar's range are drawn in its end's colour";
  return `${head}: ${parts.join('; ')}`;
};
export const annotationsUnread = (n: number, of: number, colours = true) =>
  `${n} of the ${of} numbers written over the cells could not be read: ${colours ? 'those cells are read from their colours' : `with no colour scale to read ${n === 1 ? 'it' : 'them'} by, ${n === 1 ? 'that cell is' : 'those cells are'} missing`}`;
/** Cells that print a number and a spread after a ± ("0.84±0.02"). */
export const annotationSpreads = (n: number) =>
  `${n} cell${n === 1 ? ' prints' : 's print'} a second number after a ± (a spread, as a standard deviation): ${n === 1 ? 'its value is' : 'their values are'} the number${n === 1 ? '' : 's'} before it; the spreads are not kept`;
/** Cells that print a missing value (`said`: how, "nan"), not a number. */
export const printedMissing = (n: number, said: readonly string[]) =>
  `${n} cell${n === 1 ? '' : 's'} print${n === 1 ? 's' : ''} ${said.map((t) => missingAs(t, (x) => `"${x}"`)).join(' or ')} (a missing value) in place of a number: ${n === 1 ? 'it has' : 'they have'} no value`;
/** A missing value as a cell prints it, quoted by `quote`; a dash ("-": which one is not told) in words. */
export const missingAs = (t: string, quote: (s: string) => string) =>
  t === '-' ? 'a dash' : quote(t);
export const annotationsContradicted = (n: number) =>
  `${n} number${n === 1 ? '' : 's'} written over the cells ${n === 1 ? 'was' : 'were'} read as a value ${n === 1 ? 'its' : 'their'} cell's colour does not show (misread): ${n === 1 ? 'that cell is' : 'those cells are'} read from ${n === 1 ? 'its colour' : 'their colours'}`;
