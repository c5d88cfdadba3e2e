/**
 * The titles matplotlib and seaborn set around a heatmap: the figure's (`ax.set_title`,
 * `plt.title`) above the grid, the axes' (`ax.set_xlabel`, `set_ylabel`; scikit-learn's
 * "Predicted label" and "True label") beyond the columns' and rows' labels, and the
 * colorbar's (`cbar_kws={'label': ...}`) beyond its labels. Each is one line of text centred
 * on what it names (a heatmap's axes are its grid), its pad away from what stands before it.
 * Of a figure of several heatmaps, each panel's own title names it ("head 3").
 */
import { asWide, lineOf, underscored } from './labels.ts';
import { inkBox, turned } from './label-ink.ts';
import type { Box } from './locate.ts';
import type { Image } from './png.ts';
import { crop, type Recognize, runs } from './ticks.ts';

/** The titles read around a heatmap; null where there is none, or none read surely. */
export interface Titles {
  readonly title: string | null;
  readonly xlabel: string | null;
  readonly ylabel: string | null;
  readonly colorbar: string | null;
}

/** Which side of a box a title stands on: above and below it level, at its left and right turned up. */
export type TitleSide = 'top' | 'below' | 'left' | 'right';

/**
 * The title on `side` of `box` (the grid, or the colorbar's), or null where there is none.
 * The lines of ink on that side, within the box's extent along it, are looked at nearest
 * first: a line touching the box (tick marks, a frame) is passed, and marks there (several
 * apart) tell that labels stand beyond them; the labels' line (`labelsRead`, or after such marks,
 * or one that is not a title's shape) is passed once. The next line is the title only where
 * all its ink within the box's extent is one run of words (a space no wider than the line is
 * high) centred on the box, within a twentieth of its extent (above it, or begun at its left
 * within 2 px and a hundredth: ggplot2's titles, matplotlib's `loc='left'`, the title's next
 * lines so too), two line heights or less
 * beyond what stands before it (its pad), and further than its height from the next
 * line beyond (a line of another panel's column labels has gaps a cell wide, and another
 * panel's axis title stands just under that panel's labels) but for its own next lines, each
 * one run of words centred as the first (a title of several lines, read line by line and
 * joined with line breaks). Above the grid, the topmost ink, one run of words within 0.15 of
 * the grid's extent of its middle and eight of its heights or less away, is the figure's own
 * title (`fig.suptitle`, centred on the figure): alone, or the first line over the axes'
 * title. Read as text
 * (turned a quarter where it runs up), it is kept where it has a letter and each of its
 * words is read 90% sure or more, or 60% and the reading is as wide as its ink.
 */
export async function sideTitle(
  img: Image,
  box: Box,
  side: TitleSide,
  labelsRead: boolean,
  recognize: Recognize,
  /** How wide the font is against DejaVu Sans (readLabels' fontWidth). */
  font = 1,
): Promise<string | null> {
  // Labels stand on this side: as the labels' reader found them, or as tick marks there say.
  let labels = labelsRead;
  // Lines run level above and below the box (rows of pixels), up at its sides (columns).
  const upright = side === 'left' || side === 'right';
  const before = side === 'top' || side === 'left';
  const area: Box =
    side === 'top'
      ? { x0: box.x0, x1: box.x1, y0: 0, y1: Math.max(0, box.y0 - 1) }
      : side === 'below'
        ? { x0: box.x0, x1: box.x1, y0: Math.min(img.height, box.y1 + 1), y1: img.height }
        : side === 'left'
          ? { x0: 0, x1: Math.max(0, box.x0 - 1), y0: box.y0, y1: box.y1 }
          : { x0: Math.min(img.width, box.x1 + 1), x1: img.width, y0: box.y0, y1: box.y1 };
  if ((upright ? area.x1 - area.x0 : area.y1 - area.y0) < 6) return null;
  const lines = runs(img, area, upright, 1);
  if (before) lines.reverse();
  // The edge of what stands before the line looked at: the box, or the labels' line.
  let edge =
    side === 'top' ? box.y0 : side === 'below' ? box.y1 : side === 'left' ? box.x0 : box.x1;
  const gapTo = ([a, b]: [number, number]) => (before ? edge - b : a - edge);
  const [lo, hi] = upright ? [box.y0, box.y1] : [box.x0, box.x1];
  // The runs of ink along a line, across the whole image, that reach into the box's extent.
  const inkAlong = ([a, b]: [number, number], gap: number) =>
    runs(
      img,
      upright ? { x0: a, x1: b, y0: 0, y1: img.height } : { x0: 0, x1: img.width, y0: a, y1: b },
      !upright,
      gap,
    ).filter(([p, q]) => q > lo && p < hi);
  let passed = false;
  let triedLevel = false;
  /** How near the next line may stand and still be the labels' (their glyphs' gaps). */
  let joined = -1;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    // A line touching what stands before it: the box's tick marks or frame, but for a title
    // at the top with no labels there, whose descenders reach within 2 px of the grid (6 pt
    // of pad at 72 dpi, seaborn's talk size: "Probe accuracy delta" had been passed over).
    const h0 = line[1] - line[0];
    const title =
      side === 'top' &&
      !labels &&
      !passed &&
      h0 >= 5 &&
      inkAlong(line, Math.max(3, h0)).length === 1 &&
      inkAlong(line, 1).length >= 3;
    if (gapTo(line) <= 2 && !title) {
      // Past the labels, a line touching them is theirs (the first glyphs of Arial's
      // "automobile" turned up, a pixel beyond the rest: it had stood between the labels and
      // the axis's title).
      if (passed) edge = before ? line[0] : line[1];
      else if (inkAlong(line, 1).length >= 2) labels = true;
      continue;
    }
    // A label's next glyphs (level labels at the side, "10" in two columns of ink).
    if (passed && gapTo(line) <= joined) {
      edge = before ? line[0] : line[1];
      continue;
    }
    // Beyond the labels at the side, a title written level (its glyphs are columns of ink
    // there, each a short line of its own).
    if (passed && upright && !triedLevel) {
      triedLevel = true;
      const level = await levelBeyond(img, box, edge, before, recognize, font);
      if (level) return level;
    }
    const h = line[1] - line[0];
    const within = inkAlong(line, Math.max(3, h));
    const alone = h >= 5 && h <= 80 && within.length === 1;
    // Above the grid, a title may stand at its left instead (ggplot2's, matplotlib's
    // `loc='left'`): its ink begins at the grid's left edge.
    const atLeft = alone && side === 'top' && leftAligned(within[0]!);
    const placed = (alone && centred(within[0]!)) || atLeft;
    if (!placed || (labels && !passed)) {
      // Alone at the top of the image, nothing between it and the grid: the figure's title
      // (`fig.suptitle`), centred on the figure, which a colorbar at the right puts beyond
      // the grid's middle (a tenth of its width, seaborn's default).
      if (figureTitle(i) && (!labels || passed) && gapTo(line) <= 8 * h && gapTo(line) > 2)
        return readLines([line]);
      if (passed) return null;
      passed = true;
      edge = before ? line[0] : line[1];
      // The labels' glyphs stand apart by less than 0.4 of their height (their runs across
      // the line, the median); an axis title stands its pad (4 pt) and more beyond them.
      const sizes = inkAlong(line, 1)
        .map(([p, q]) => q - p)
        .sort((p, q) => p - q);
      joined = Math.max(2, Math.round(0.4 * (sizes[sizes.length >> 1] ?? 0)));
      continue;
    }
    // A title stands its pad beyond what is before it (matplotlib's 4 to 6 pt; heatfig's
    // title clears its colorbar's top label, which stands half over the grid: within two
    // line heights), and clear of what is beyond it by more than its height: a line as near
    // it is what it belongs to (the x-axis title of a panel above, under that panel's labels,
    // had been read as the title of the one below), but for the title's own next lines (a
    // title of several lines, "Confusion matrix\nResNet-50", each centred as the first) and,
    // at the top, the figure's title alone above it.
    if (gapTo(line) > 2 * h + 2) return null;
    const parts: [number, number][] = [line];
    let k = i + 1;
    for (; k < lines.length; k++) {
      const last = parts[parts.length - 1]!;
      const next = lines[k]!;
      const gap = before ? last[0] - next[1] : next[0] - last[1];
      if (gap > h) break;
      const run = titleLike(next, h);
      if (!run) return null;
      const nextPlaced = atLeft ? leftAligned(run) : centred(run);
      if (!(nextPlaced || figureTitle(k))) return null;
      parts.push(next);
    }
    const beyond = lines[k];
    if (beyond && figureTitle(k) && titleLike(beyond, h)) {
      const last = parts[parts.length - 1]!;
      if ((before ? last[0] - beyond[1] : beyond[0] - last[1]) <= 8 * h) parts.push(beyond);
    }
    return readLines(before ? parts.reverse() : parts);
  }
  return null;

  /** The run of words alone along a line as high as a title's (`h`, about), or null. */
  function titleLike(ln: [number, number], h: number): [number, number] | null {
    const hh = ln[1] - ln[0];
    if (hh < 5 || hh > 80 || hh < 0.6 * h || hh > 1.6 * h) return null;
    const words = inkAlong(ln, Math.max(3, hh));
    return words.length === 1 ? words[0]! : null;
  }
  /** Whether a run begins at the box's start (within 2 px and a hundredth), ending inside it. */
  function leftAligned([p, q]: [number, number]): boolean {
    return Math.abs(p - lo) <= 2 + 0.01 * (hi - lo) && q < hi;
  }
  /** Whether a run's middle is within 2 px and `share` of the box's extent of the box's. */
  function centred([p, q]: [number, number], share = 0.05): boolean {
    return Math.abs((p + q) / 2 - (lo + hi) / 2) <= 2 + share * (hi - lo);
  }
  /** Whether line `k` is the topmost ink above the grid, one run of words, near its middle. */
  function figureTitle(k: number): boolean {
    if (side !== 'top' || k !== lines.length - 1) return false;
    const ln = lines[k]!;
    const run = titleLike(ln, ln[1] - ln[0]);
    return run !== null && centred(run, 0.15);
  }
  /** Lines of one title read each (first to last), joined by line breaks; null if one is not read surely. */
  async function readLines(parts: readonly [number, number][]): Promise<string | null> {
    const texts: string[] = [];
    for (const ln of parts) {
      const hh = ln[1] - ln[0];
      const [p, q] = inkAlong(ln, Math.max(3, hh))[0]!;
      const at: Box = upright
        ? { x0: ln[0], x1: ln[1], y0: p, y1: q }
        : { x0: p, x1: q, y0: ln[0], y1: ln[1] };
      const text = await readLine(img, at, hh, upright, recognize, font);
      if (text === null) return null;
      texts.push(text);
    }
    return texts.join('\n');
  }
}

/**
 * A title level beyond a side's labels (`edge`: their far side), where titles run up: one
 * line of words, alone in the box's extent there, centred on it (within a twentieth) and
 * within two line heights of the labels. heatfig's stacked facets name each so ("head 0" at
 * the left of its row labels), as `set_ylabel(..., rotation=0)` does.
 */
async function levelBeyond(
  img: Image,
  box: Box,
  edge: number,
  left: boolean,
  recognize: Recognize,
  font: number,
): Promise<string | null> {
  let region: Box = left
    ? { x0: 0, x1: Math.max(0, edge - 1), y0: box.y0, y1: box.y1 }
    : { x0: Math.min(img.width, edge + 1), x1: img.width, y0: box.y0, y1: box.y1 };
  if (region.x1 - region.x0 < 6) return null;
  let lines = runs(img, region, false, 1);
  // Where the ink nearest the title begins: the labels', or the rest of the region's.
  let beside = edge;
  if (lines.length !== 1) {
    // Labels of several words (the edge found at the words nearest the grid: "model A"'s A):
    // the ink farthest out, apart from the rest, alone (a table's index name, as read/table
    // puts it beside its row labels).
    const far = farthestBlock(img, region, left);
    if (!far) return null;
    region = far.block;
    beside = far.rest;
    lines = runs(img, region, false, 1);
    if (lines.length !== 1) return null;
  }
  const [y0, y1] = lines[0]!;
  const h = y1 - y0;
  if (
    h < 5 ||
    h > 80 ||
    Math.abs((y0 + y1) / 2 - (box.y0 + box.y1) / 2) > 2 + 0.05 * (box.y1 - box.y0)
  )
    return null;
  const words = runs(img, { ...region, y0, y1 }, true, Math.max(3, h));
  if (words.length !== 1) return null;
  const [x0, x1] = words[0]!;
  // (Wider than high: a title turned up is a narrow column, read the other way.)
  if (x1 - x0 < h) return null;
  if ((left ? beside - x1 : x0 - beside) > 2 * h + 2) return null;
  return readLine(img, { x0, x1, y0, y1 }, h, false, recognize, font);
}

/**
 * The ink of a region farthest from the grid (at its left, `left`, or its right) apart from
 * the rest of it: glyphs (runs of inked columns) from the farthest in, each within 0.6 of
 * the farthest glyph's height of the last (a word's letters, its words' spaces), up to a gap
 * wider, and where the rest begins; null where there is no such gap, or the farthest glyph
 * spans lines apart.
 */
function farthestBlock(
  img: Image,
  region: Box,
  left: boolean,
): { block: Box; rest: number } | null {
  const glyphs = runs(img, region, true, 1);
  if (left) glyphs.reverse();
  const far = glyphs.pop();
  if (!far) return null;
  const own = runs(img, { ...region, x0: far[0], x1: far[1] }, false, 1);
  if (own.length !== 1) return null;
  const h = own[0]![1] - own[0]![0];
  let [a, b] = far;
  for (let next = glyphs.pop(); next; next = glyphs.pop()) {
    if ((left ? next[0] - b : a - next[1]) > 0.6 * h)
      return { block: { ...region, x0: a, x1: b }, rest: left ? next[0] : next[1] };
    [a, b] = [Math.min(a, next[0]), Math.max(b, next[1])];
  }
  return null;
}

/**
 * A title's line read as text (turned a quarter where it runs up), scaled to about 40 px high
 * (heatfig's 2x title, 21 px, scaled thrice, read "head 0" 55% sure): kept where it has a
 * letter and each of its words is read 90% sure or more, or 60% and the reading is as wide as
 * its ink (a long title's ink, its faint top and foot rows not dark, is a little lower than its
 * letters, and its size taken from it smaller: matplotlib's gallery title, read right 95%
 * sure, came out an eighth wider than asked), or less sure and read alike at another scale.
 */
async function readLine(
  img: Image,
  at: Box,
  h: number,
  upright: boolean,
  recognize: Recognize,
  font: number,
): Promise<string | null> {
  const k = Math.max(1, Math.min(3, Math.round(40 / h)));
  const readAt = async (scale: number) => {
    const level = crop(img, at, scale, 8, true);
    const c = upright ? turned(level) : level;
    const ink = inkBox(c);
    if (!ink) return null;
    const line = lineOf(await recognize(c.rgba, c.width, c.height));
    // Spaces where the ink shows no gap between words are underscores, as in the labels
    // (pandas' column names as seaborn's axis titles at 100 dpi, "learning_rate" and
    // "weight_decay", had been read "learning _rate" and "weight _decay", silently).
    return { ...line, text: underscored(line.text, c, ink), ink };
  };
  const read = await readAt(k);
  if (!read || !/\p{L}/u.test(read.text)) return null;
  if (read.confidence >= 90 || (read.confidence >= 60 && asWide(read.text, read.ink, true, font)))
    return read.text;
  // Less sure (a lone digit, "head 0"'s 0 read 59% sure): kept where read alike again at
  // another scale, as the axes' labels are, and it has a word of two letters or more (a
  // logarithmic colorbar's exponents beyond its labels read "p-?" twice).
  if (!/\p{L}{2}/u.test(read.text)) return null;
  for (const scale of [k + 1, k - 1].filter((s) => s >= 1)) {
    const again = await readAt(scale);
    if (again && again.text === read.text) return read.text;
  }
  return null;
}

/** What stands around the grid, as the labels and the colorbar were found. */
export interface TitlePlaces {
  /** Where the columns' and the rows' labels were read (null: none found). */
  readonly cols: 'below' | 'top' | null;
  readonly rows: 'left' | 'right' | null;
  /** The colorbar's box and whether it runs up, when one was found. */
  readonly colorbar: { readonly box: Box; readonly vertical: boolean } | null;
  /** The rows' title as the labels' reader found it, level at their side (no labels there). */
  readonly rowTitle: string | null;
  /** How wide the labels' font is against DejaVu Sans (readLabels), the titles' too. */
  readonly fontWidth: number;
}

/**
 * The titles around a heatmap's grid. No axis title is looked for on a side the colorbar
 * stands on (its labels and title are there), nor on the side away from its labels; the
 * title above a colorbar over the grid; the colorbar's title only beside an upright bar,
 * beyond its labels at its right.
 */
export async function readTitles(
  img: Image,
  grid: Box,
  place: TitlePlaces,
  recognize: Recognize,
): Promise<Titles> {
  const bar = place.colorbar;
  const barOn = (side: TitleSide) => {
    if (!bar) return false;
    const b = bar.box;
    const along = b.x1 > grid.x0 && b.x0 < grid.x1;
    const beside = b.y1 > grid.y0 && b.y0 < grid.y1;
    return side === 'top'
      ? along && b.y1 <= grid.y0
      : side === 'below'
        ? along && b.y0 >= grid.y1
        : side === 'left'
          ? beside && b.x1 <= grid.x0
          : beside && b.x0 >= grid.x1;
  };
  const on = (side: TitleSide, labels: boolean) =>
    barOn(side) ? null : sideTitle(img, grid, side, labels, recognize, place.fontWidth);
  // A colorbar above the grid (ggplot2's legend at the top, matplotlib's location='top'):
  // the title stands above it and what stands level with it (ggplot2's legend title at its
  // left), its labels below it or above. No title had been looked for there.
  const overBar = (b: Box): Box => {
    let top = b.y0;
    for (const [x0, x1] of [
      [grid.x0, b.x0 - 1],
      [b.x1 + 1, grid.x1],
    ] as const) {
      if (x1 - x0 < 1) continue;
      for (const [p, q] of runs(img, { x0, x1, y0: 0, y1: b.y1 }, false, 1))
        if (q > b.y0 && p < top) top = p;
    }
    return { ...grid, y0: top };
  };
  return {
    title:
      bar && barOn('top')
        ? await sideTitle(img, overBar(bar.box), 'top', false, recognize, place.fontWidth)
        : await on('top', place.cols === 'top'),
    xlabel: place.cols === 'top' ? null : await on('below', place.cols === 'below'),
    ylabel:
      place.rowTitle ?? (place.rows === 'right' ? null : await on('left', place.rows === 'left')),
    colorbar:
      bar?.vertical && bar.box.x0 >= grid.x1
        ? await sideTitle(img, bar.box, 'right', true, recognize, place.fontWidth)
        : null,
  };
}
