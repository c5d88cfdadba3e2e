/**
 * A heatmap's title as matplotlib and seaborn set it (`ax.set_title`, `plt.title`): one line
 * of text above the grid, centred over it (a heatmap's axes are its grid), past the column
 * labels where they stand above it (matshow). Of a figure of several heatmaps, each panel's
 * own title names it ("head 3", "epoch 10").
 */
import { asWide, lineOf } from './labels.ts';
import { inkBox } from './label-ink.ts';
import type { Box } from './locate.ts';
import type { Image } from './png.ts';
import { crop, type Recognize, runs } from './ticks.ts';

/** What a title is looked for beside: what stands above the grid that is not one. */
export interface TitlePlace {
  /** Whether the columns' labels were read above the grid (their line is passed; so is a line beyond tick marks there). */
  readonly labelsAbove: boolean;
  /** The colorbar's box, when one is found: a bar above the grid leaves no title read. */
  readonly colorbar: Box | null;
}

/**
 * The title above `grid`, or null where there is none (or none read surely). The lines of
 * ink above the grid, within its width, are looked at nearest first: a line touching the
 * grid (tick marks, a frame) is passed, and the columns' labels' line where they stand above.
 * The next line is the title only where all its ink within the grid's width is one run of
 * words (a space no wider than the line is high) centred over the grid, within a twentieth of
 * its width: a line of column labels (another panel's, above) has gaps a cell wide. Read as
 * text, it is kept where it has a letter and each of its words is read 90% sure or more, or
 * 60% and the reading is as wide as its ink.
 */
export async function readTitle(
  img: Image,
  grid: Box,
  place: TitlePlace,
  recognize: Recognize,
): Promise<string | null> {
  const bar = place.colorbar;
  if (bar && bar.y1 <= grid.y0 && bar.x1 > grid.x0 && bar.x0 < grid.x1) return null;
  const above: Box = { x0: grid.x0, x1: grid.x1, y0: 0, y1: Math.max(0, grid.y0 - 1) };
  if (above.y1 - above.y0 < 6) return null;
  // Lines of ink, nearest the grid first (a word's letters and descenders joined: gaps of a
  // pixel or two within a line).
  const lines = runs(img, above, false, 1).reverse();
  // What stands just below the line looked at: the grid, or the columns' labels' line.
  let below = grid.y0;
  let labelsPassed = false;
  // Tick marks above the grid: the columns' labels stand beyond them.
  let labelsAbove = place.labelsAbove;
  const mid = (grid.x0 + grid.x1) / 2;
  const inkAcross = (y0: number, y1: number, gap: number) =>
    runs(img, { x0: 0, x1: img.width, y0, y1 }, true, gap).filter(
      ([a, b]) => b > grid.x0 && a < grid.x1,
    );
  for (const [y0, y1] of lines) {
    // Tick marks, a frame: touching the grid. Marks (several apart) tell labels beyond them
    // (seed-004's, run together into one line across the grid, had been read as a title).
    if (y1 >= grid.y0 - 2) {
      if (inkAcross(y0, y1, 1).length >= 2) labelsAbove = true;
      continue;
    }
    const h = y1 - y0;
    if (h < 5 || h > 80) return null;
    const within = inkAcross(y0, y1, Math.max(3, h));
    const centred =
      within.length === 1 &&
      Math.abs((within[0]![0] + within[0]![1]) / 2 - mid) <= 2 + 0.05 * (grid.x1 - grid.x0);
    if (!centred || (labelsAbove && !labelsPassed)) {
      // The columns' labels' line (several labels, or one where the labels read stand above):
      // passed once.
      if (labelsPassed) return null;
      labelsPassed = true;
      below = y0;
      continue;
    }
    // A title stands its pad above what is below it (6 pt, under a line's height): a line
    // further up is something else's (the x-axis title of a panel above).
    if (below - y1 > h + 2) return null;
    const [x0, x1] = within[0]!;
    const box: Box = { x0, x1, y0, y1 };
    const k = h < 24 ? 3 : 2;
    const c = crop(img, box, k, 8, true);
    const ink = inkBox(c);
    if (!ink) return null;
    const read = lineOf(await recognize(c.rgba, c.width, c.height));
    // (As wide as its ink where read less surely: a long title's ink, its faint top and foot
    // rows not dark, is a little lower than its letters, and its size taken from it smaller:
    // matplotlib's gallery title, read right 95% sure, came out an eighth wider than "want".)
    return /\p{L}/u.test(read.text) &&
      (read.confidence >= 90 || (read.confidence >= 60 && asWide(read.text, ink)))
      ? read.text
      : null;
  }
  return null;
}
