/** The "Components/Axes" section of a description: how the figure is built, in words. */
import { rowLabelsRight } from '../figure/dendrograms.ts';
import { makeColorizer } from '../color/colorize.ts';
import { colormapNames } from '../color/colormap.ts';
import { normCenter } from '../color/norm.ts';
import type { Grid } from '../data/grid.ts';
import type { Figure } from '../figure/types.ts';
import * as msg from '../messages.ts';
import { wordsFormat, wordsFormatter } from './claims.ts';
import { code } from './view.ts';

export function escapeLine(s: string): string {
  return s.replace(/\r?\n/g, ' ').replace(/([\\`*_[\]#<>&|])/g, '\\$1');
}

/** What an image's reader said of one axis's labels (Grid's unreadLabels, givenLabels…). */
interface AxisRead {
  readonly unread: readonly number[];
  /** Of those, the ones that run off the image's edge. */
  readonly cut: readonly number[];
  readonly given: readonly number[];
  readonly blank: readonly number[];
  /** Whether the blank ones are numbered as the labels shown are (else positions stand in). */
  readonly numbered: boolean;
  /** A continuous axis's ticks read; null for an axis of the cells' own labels. */
  readonly ticks: readonly string[] | null;
}

const NOTHING_READ: AxisRead = {
  unread: [],
  cut: [],
  given: [],
  blank: [],
  numbered: false,
  ticks: null,
};

/** How the figure is built: titles, labels (all, or capped), colour scale, panels, missing cells. */
export function components(figure: Figure, grid: Grid): string[] {
  const out: string[] = [];
  // Aggregated by an engine: what each cell is, over which rows (and what was grouped or left out).
  if (grid.origin) out.push(`- **Data**: ${escapeLine(grid.origin)}`);
  // An image of several heatmaps: the one read is described, and the others said.
  if (grid.otherHeatmaps)
    out.push(
      `- **Other heatmaps**: ${escapeLine(msg.otherHeatmapsUndescribed(grid.otherHeatmaps))}.`,
    );
  // (Read from an image, a title is one above the grid, centred on it or on a table's row
  // labels and cells together: a pandas Styler's caption.)
  if (figure.title)
    out.push(
      `- **Title**: ${code(figure.title)}, ${grid.readDecimals === undefined ? 'centred ' : ''}above the grid.`,
    );
  /** What an image's reader said of an axis's labels (nothing for a grid not read from one). */
  const readOf = (axis: 'rows' | 'cols'): AxisRead => ({
    unread: grid.unreadLabels?.[axis] ?? [],
    cut: grid.cutLabels?.[axis] ?? [],
    given: grid.givenLabels?.[axis] ?? [],
    blank: grid.blankLabels?.[axis] ?? [],
    numbered: grid.blankNumbered?.[axis] ?? false,
    ticks: grid.coordinateAxes?.[axis] ?? null,
  });
  /** An axis of an image that shows no label at all (every one blank). */
  const unlabelled = (read: AxisRead, n: number) => n > 0 && read.blank.length === n;
  const labels = (
    ls: readonly string[],
    shown: boolean,
    all: readonly string[] = [],
    axis: 'row' | 'column' = 'row',
    read: AxisRead = NOTHING_READ,
  ) => {
    if (!shown) return 'not shown';
    const { unread, cut, given, blank, numbered, ticks } = read;
    // Labels an image's reader could not read: their positions stand in, and are said so
    // (and why, where they run off the image's edge).
    const none = unread.length === all.length;
    const why = cut.length ? ` (${msg.labelsCut(cut.length, unread.length)})` : '';
    const stand = unread.length
      ? `; ${none ? 'none could' : `${unread.length} of the ${all.length} could not`} be read from the image${why}, and ${unread.length === 1 ? 'its position stands' : 'their positions stand'} in (0 is the first)${none ? '' : `: ${unread.map((i) => code(all[i]!)).join(', ')}`}`
      : '';
    // Labels given by the sequence the others are numbered in (a 72-dpi 8 read as B).
    const seq = given.length ? `; ${msg.labelsFromSequence(given.map((i) => code(all[i]!)))}` : '';
    // A continuous axis's ticks read (its labels are its cells' centres' coordinates).
    const coords = ticks ? `; ${msg.labelsFromCoordinates(axis, ticks.map(code))}` : '';
    // Those with no label shown in the image (none shown: the axis is said to be not labelled).
    const unshown = unlabelled(read, all.length)
      ? '; their positions stand in (0 is the first)'
      : blank.length
        ? `; ${blank.length} ${blank.length === 1 ? 'has' : 'have'} no label shown in the image (the axis labels one in every few), and ${numbered ? `${blank.length === 1 ? 'is' : 'are'} numbered as the labels shown are` : `${blank.length === 1 ? 'its position stands' : 'their positions stand'} in`}`
        : '';
    const counts = new Map<string, number>();
    for (const l of ls) counts.set(l, (counts.get(l) ?? 0) + 1);
    const dups = [...counts].filter(([, k]) => k > 1).map(([l, k]) => `${code(l)} ×${k}`);
    const list =
      ls.length <= 30
        ? ls.map(code).join(', ')
        : `${ls.slice(0, 7).map(code).join(', ')}, …, ending with ${code(ls[ls.length - 1]!)}`;
    return `${ls.length} labels: ${list}${dups.length ? ` (repeated: ${dups.join(', ')}; each is its own row or column)` : ''}${stand}${unshown}${seq}${coords}`;
  };
  const xTitle = figure.xlabel ? ` (${code(figure.xlabel)})` : '';
  const cols = readOf('cols');
  const colsAt = unlabelled(cols, grid.cols)
    ? 'not labelled in the image'
    : `labelled ${(grid.readLayout?.cols ?? (figure.xaxis === 'top' ? 'top' : 'below')) === 'top' ? 'above' : 'below'} the grid`;
  out.push(
    `- **Columns**${xTitle}, ${colsAt}: ${labels(figure.xticks.labels, figure.xticks.mode !== 'none', grid.colLabels, 'column', cols)}.`,
  );
  const yTitle = figure.ylabel ? ` (${code(figure.ylabel)})` : '';
  // Facets share their rows: one line says them, one the facets.
  if (figure.facets && grid.panels.length > 1) {
    out.push(
      `- **Rows**${yTitle}, labelled at the left of each row of facets: ${labels(figure.yticks[0]!.labels, figure.yticks[0]!.mode !== 'none')}.`,
      `- **Facets**: ${grid.panels.length}, in ${figure.facets.rows} ${figure.facets.rows === 1 ? 'row' : 'rows'} and ${figure.facets.cols} ${figure.facets.cols === 1 ? 'column' : 'columns'}, ${figure.facets.margins ? 'titled in the margins' : 'titled above each one'}, sharing the axes${figure.panelScales ? '' : ' and the colour scale'}: ${grid.panels.map((p) => code(p.title ?? '')).join(', ')}.`,
    );
  } else
    grid.panels.forEach((p, i) => {
      const which =
        grid.panels.length > 1 ? ` of panel ${i + 1}${p.title ? ` ${code(p.title)}` : ''}` : '';
      // (An image's reader reads one panel: what it says is the first's.)
      const rows = i === 0 ? readOf('rows') : NOTHING_READ;
      const rowsAt = unlabelled(rows, p.rows)
        ? 'not labelled in the image'
        : `labelled at the ${(grid.readLayout?.rows ?? (rowLabelsRight(figure) ? 'right' : 'left')) === 'right' ? 'right' : 'left'}`;
      out.push(
        `- **Rows${which}**${yTitle}, ${rowsAt}: ${labels(figure.yticks[i]!.labels, figure.yticks[i]!.mode !== 'none', p.rowLabels, 'row', rows)}.`,
      );
    });
  if (grid.panels.length > 1 && !figure.facets) {
    out.push(
      `- **Panels**: ${grid.panels.length}, stacked top to bottom, sharing the columns and the colour scale: ${grid.panels.map((p) => code(p.title ?? '')).join(', ')}.`,
    );
  }
  const norm = figure.norm;
  const f = wordsFormatter(grid, wordsFormat(figure));
  const named = colormapNames().includes(figure.cmap.name.replace(/_r$/, ''));
  const cmap = named ? `the ${code(figure.cmap.name)} colormap` : 'a custom colormap';
  const center = normCenter(norm);
  const scale =
    center !== null
      ? `diverging around ${f(center)}, from ${f(norm.vmin)} to ${f(norm.vmax)}`
      : norm.kind === 'log'
        ? `logarithmic from ${f(norm.vmin)} to ${f(norm.vmax)}`
        : norm.kind === 'power'
          ? `a power scale (gamma ${norm.gamma}) from ${f(norm.vmin)} to ${f(norm.vmax)}`
          : norm.kind === 'symlog'
            ? `symmetric-logarithmic from ${f(norm.vmin)} to ${f(norm.vmax)}`
            : norm.kind === 'asinh'
              ? `inverse-hyperbolic-sine (nearly linear within ±${f(norm.linearWidth)}, logarithmic beyond) from ${f(norm.vmin)} to ${f(norm.vmax)}`
              : norm.kind === 'boundary'
                ? `${norm.boundaries.length - 1} discrete colours, one per bin between the boundaries ${norm.boundaries.map((x) => f(x)).join(', ')}`
                : `linear from ${f(norm.vmin)} to ${f(norm.vmax)}`;
  if (grid.scaleUnread) {
    // An image with no colorbar: its colours were not placed on a scale, and the colormap
    // the grid would be drawn in anew is not the image's.
    out.push(
      '- **Colour scale**: not read: the image shows no colorbar, so which colours stand for which values is not known.',
    );
  } else if (figure.categories) {
    // Categorical data: each name with its colour, as the legend shows them.
    const color = makeColorizer(figure.cmap, norm);
    const label = figure.colorbar?.label ? ` titled ${code(figure.colorbar.label)}` : '';
    out.push(
      `- **Colour scale**: categories, each in its own colour of ${cmap}${figure.colorbar ? `, named in a legend at the right${label}` : ' (no legend is drawn)'}: ${figure.categories.map((n, i) => `${code(n)} ${color(i)}`).join(', ')}.`,
    );
  } else if (figure.panelScales) {
    // Facets with scales of their own: each range, with its facet.
    const ranges = figure.panelScales.map(
      (p, i) => `${code(grid.panels[i]!.title ?? '')} ${f(p.norm.vmin)} to ${f(p.norm.vmax)}`,
    );
    out.push(
      `- **Colour scale**: ${cmap}, one scale per facet from its own values, each shown as a colorbar at the right of its facet: ${ranges.join('; ')}. Equal colours in two facets need not mean equal values.`,
    );
  } else if (figure.colorbar) {
    const cb = figure.colorbar;
    const ticks = Array.isArray(cb.ticks)
      ? `; ticks at ${cb.ticks.map((x) => f(x)).join(', ')}`
      : cb.ticks && 'step' in cb.ticks
        ? `; a tick every ${f(cb.ticks.step)}`
        : '';
    const lying = cb.location === 'top' || cb.location === 'bottom';
    const ext =
      cb.extend === 'neither'
        ? ''
        : `; triangles at the ${cb.extend === 'both' ? 'two ends' : cb.extend === 'max' ? (lying ? 'right' : 'top') : lying ? 'left' : 'bottom'} mark values beyond the range`;
    // An image read: where the image shows it (a clustermap's stands in a corner).
    const read = grid.readLayout?.colorbar;
    const where = read
      ? read === 'top' || read === 'bottom'
        ? `a colorbar ${read === 'top' ? 'above' : 'below'} the grid`
        : read === 'left' || read === 'right'
          ? `a colorbar at the ${read}`
          : `a colorbar at the ${read}, beside neither the rows nor the columns`
      : lying
        ? `a colorbar ${cb.location === 'top' ? 'above' : 'below'} the grid, low values at the left`
        : `a colorbar at the ${cb.location ?? 'right'}`;
    out.push(
      `- **Colour scale**: ${cmap}, ${scale}, shown as ${where}${cb.label ? ` titled ${code(cb.label)}` : ''}${ticks}${ext}.`,
    );
  } else out.push(`- **Colour scale**: ${cmap}, ${scale}; no colorbar is drawn.`);
  if (figure.annot)
    out.push(
      figure.categories
        ? "- **Annotations**: each cell shows its category's name."
        : typeof figure.annot.template === 'string'
          ? `- **Annotations**: each cell shows ${code(figure.annot.template)}, its fields filled from the cell (values in ${code(figure.annot.fmt)}).`
          : figure.annot.cells
            ? '- **Annotations**: each cell shows a text of its own, given with the figure.'
            : `- **Annotations**: each cell shows its value (format ${code(figure.annot.fmt)}).`,
    );
  if (figure.transform) {
    const t = figure.transform;
    const of = t.axis === 'all' ? "the panel's" : `each ${t.axis === 'row' ? 'row' : 'column'}'s`;
    out.push(
      `- **Transform**: the values drawn and described are ${t.kind === 'normalize' ? `fractions of ${of} sum` : t.kind === 'zScore' ? `z-scores within ${of} values (minus the mean, over the standard deviation)` : `rescaled to 0–1 within ${of} range`}, not the data as given.`,
    );
  }
  const d = figure.dendrograms;
  if (d) {
    const axes = d.rows && d.cols ? 'rows and columns' : d.rows ? 'rows' : 'columns';
    const how = !(d.rows ?? d.cols)?.given
      ? `${d.method} linkage of ${d.metric === 'precomputed' ? 'the distances given as the data' : `${d.metric} distances`}, as scipy's linkage`
      : 'a linkage given with the figure';
    const drawn = [d.rows ? 'the rows’ at the left' : '', d.cols ? 'the columns’ above' : '']
      .filter(Boolean)
      .join(', ');
    out.push(
      `- **Clustering**: the ${axes} are in the order of hierarchical clustering (${how}${figure.transform ? ', of the transformed values' : ''}), not as given; ${d.ratio > 0 ? `dendrograms are drawn, ${drawn}` : 'no dendrogram is drawn'}.`,
    );
  }
  if (figure.marginals)
    out.push(
      `- **Marginals**: each row's and column's ${figure.marginals} of the values${figure.transform ? ' as given (before the transform)' : ''} is written in an extra column at the right and an extra row at the bottom, apart from the grid and outside the colour scale; the corner holds the ${figure.marginals} of all.`,
    );
  if (figure.highlight) {
    const n = figure.highlight.reduce((s, h) => s + h.reduce((a, b) => a + b, 0), 0);
    out.push(
      `- **Highlight**: ${n} ${n === 1 ? 'cell is' : 'cells are'} outlined as ${figure.highlightOf === 'row-max' ? 'the largest of its row' : figure.highlightOf === 'col-max' ? 'the largest of its column' : figure.highlightOf === 'min' ? 'the smallest' : 'the largest'} (ties all).`,
    );
  }
  const bad = figure.cmap.bad;
  // A grid read from an image: its missing cells are those no value was read for (how the
  // image drew them is not known; heatfig's own drawing of them is not the image's).
  const unread =
    grid.readDecimals === undefined
      ? -1
      : grid.panels.reduce((n, p) => n + p.values.filter((v) => v !== v).length, 0);
  out.push(
    unread >= 0
      ? unread
        ? `- **Missing cells**: ${unread} ${unread === 1 ? 'cell has' : 'cells have'} no value read from the image (– in the table)${printedMissing(grid, unread)}.`
        : '- **Missing cells**: none; every cell has a value read from the image.'
      : bad
        ? `- **Missing cells** are drawn in ${code(`#${bad.map((v) => v.toString(16).padStart(2, '0')).join('')}`)}, outside the colour scale, with no text.`
        : '- **Missing cells** are left blank: no colour and no text.',
  );
  if (figure.cmap.under || figure.cmap.over)
    out.push(
      `- **Beyond the range**: ${[figure.cmap.under ? 'values below it are drawn in a colour of their own (underColor)' : '', figure.cmap.over ? 'values above it in another (overColor)' : ''].filter(Boolean).join('; ')}, not the end colours.`,
    );
  const masked = figure.mask.reduce((n, m) => n + (m ? m.reduce((a, b) => a + b, 0) : 0), 0);
  if (masked > 0)
    out.push(
      `- **Masked cells** (${masked}) are hidden by the figure's mask and ${figure.maskColor ? `drawn in ${code(figure.maskColor)}` : 'left blank too'}${figure.maskHatch ? ', hatched with diagonal lines' : ''}: they hold data the figure does not show, not missing values.`,
    );
  return out;
}

/**
 * Of a read grid's `unread` cells, those that print a missing value, in words ("…: they
 * print `nan`, a missing value, in place of a number").
 */
function printedMissing(grid: Grid, unread: number): string {
  const m = grid.printedMissing;
  if (!m) return '';
  const as = m.as.map((t) => msg.missingAs(t, code)).join(' or ');
  return m.cells === unread
    ? `: ${unread === 1 ? 'it prints' : 'they print'} ${as}, a missing value, in place of a number`
    : `; ${m.cells} of them print ${as}, a missing value, in place of a number`;
}
