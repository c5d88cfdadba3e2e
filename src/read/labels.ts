/**
 * The axes' tick labels of a heatmap image: the row labels at the left of the grid, the
 * column labels below it (level, or turned a quarter up, as matplotlib's rotation=90), each
 * read on its own and given to the row or column whose centre it is beside. The axis title
 * beyond them (a separate block, past a gap) is left out.
 */
import type { Cells, Lattice } from './cells.ts';
import { type Box, distance } from './locate.ts';
import type { Image } from './png.ts';
import { crop, type Recognize, reach, runs } from './ticks.ts';

/**
 * How far the frame and tick marks reach out of the grid's left side (at the row centres) or
 * its bottom: everything not the background, from the grid's edge on (a tick read with its
 * label would be a minus sign or a dash).
 */
function tickReach(
  img: Image,
  grid: Box,
  cells: Cells,
  left: boolean,
  bg: readonly number[],
): number {
  const l = left ? cells.ys : cells.xs;
  const centres = Array.from(
    { length: left ? cells.rows : cells.cols },
    (_, i) => (left ? grid.y0 : grid.x0) + l.origin + (i + 0.5) * l.width,
  );
  return reach(
    img,
    grid,
    left ? 'left' : 'below',
    centres,
    (x, y) => distance(img, y * img.width + x, bg[0]!, bg[1]!, bg[2]!) > 16,
  );
}

/** A crop turned a quarter clockwise (text written upwards reads level). */
function turned(c: { rgba: Uint8Array; width: number; height: number }) {
  const { width: w, height: h } = c;
  const rgba = new Uint8Array(w * h * 4);
  for (let y = 0; y < h; y++)
    for (let x = 0; x < w; x++) {
      // (x, y) → (h − 1 − y, x) in a w-tall, h-wide image.
      const q = (x * h + (h - 1 - y)) * 4;
      rgba.set(c.rgba.subarray((y * w + x) * 4, (y * w + x) * 4 + 4), q);
    }
  return { rgba, width: h, height: w };
}

/**
 * Pieces of text along an axis gathered by the row or column whose centre they stand beside
 * (`from`: the grid's start on that axis): a label's words and letters (a label turned up is
 * letters apart) stay together, neighbours part. Each cell's span of pieces.
 */
function byCell(
  pieces: readonly [number, number][],
  from: number,
  lattice: Lattice,
): Map<number, [number, number]> {
  const out = new Map<number, [number, number]>();
  for (const [a, b] of pieces) {
    const i = Math.floor(((a + b) / 2 - from - lattice.origin) / lattice.width);
    if (i < 0 || i >= lattice.n) continue;
    const had = out.get(i);
    out.set(i, had ? [Math.min(had[0], a), Math.max(had[1], b)] : [a, b]);
  }
  return out;
}

export interface Labels {
  /** A label for each row and column; null where none was read. */
  readonly rows: (string | null)[];
  readonly cols: (string | null)[];
}

export async function readLabels(
  img: Image,
  grid: Box,
  cells: Cells,
  bg: readonly number[],
  recognize: Recognize,
  recognizeNumber: Recognize,
): Promise<Labels> {
  const k = img.height < 1200 ? 3 : 2;
  const rows: (string | null)[] = Array.from({ length: cells.rows }, () => null);
  const cols: (string | null)[] = Array.from({ length: cells.cols }, () => null);
  /** A label's text and how sure the reading is, level or turned a quarter. */
  const readAs = async (box: Box, turn: boolean) => {
    const c0 = crop(img, box, k);
    const c = turn ? turned(c0) : c0;
    const line = async (r: Recognize) => {
      const words = await r(c.rgba, c.width, c.height);
      return {
        text: words
          .map((w) => w.text)
          .join(' ')
          .trim(),
        confidence: words.length ? Math.min(...words.map((w) => w.confidence)) : 0,
      };
    };
    const text = await line(recognize);
    // Numbers (the positions numpy arrays are labelled with) read better as numbers: a short
    // label is read both ways, and the number kept when it is read as surely.
    const asNumber = text.text.length <= 4 ? await line(recognizeNumber) : null;
    const best =
      asNumber &&
      /^-?\d+(\.\d+)?$/.test(asNumber.text) &&
      asNumber.confidence >= text.confidence - 5
        ? asNumber
        : text;
    return best;
  };
  /**
   * A label: a long one turned when it is much taller than wide (matplotlib's rotation=90);
   * a short one (a digit or two, whose shape does not tell) read both ways, the surer kept.
   */
  const read = async (box: Box) => {
    const w = box.x1 - box.x0;
    const h = box.y1 - box.y0;
    const ways = Math.max(w, h) >= 2.2 * Math.min(w, h) ? [h > w] : [false, true];
    let best = { text: '', confidence: 0 };
    for (const turn of ways) {
      const r = await readAs(box, turn);
      if (r.confidence > best.confidence) best = r;
    }
    // A label has a letter or a digit, or is a sign read surely (seed-004's "=", which read
    // level is "Il"): the surer way is kept either way, so a sign read one way does not
    // leave the other way's misreading of it. A dash or a bar alone is a mark, not a label.
    if (!/[\p{L}\p{N}]/u.test(best.text))
      return best.confidence >= 90 && !/^[-‐‑‒–—−_|]+$/u.test(best.text) ? best.text : '';
    return best.confidence >= 60 ? best.text : '';
  };
  // Row labels: the block of text nearest the grid on its left (the axis title is beyond a gap).
  const leftEdge = grid.x0 - tickReach(img, grid, cells, true, bg) - 2;
  if (leftEdge > 4) {
    const area = { x0: 0, y0: grid.y0, x1: leftEdge, y1: grid.y1 };
    const blocks = runs(img, area, true, Math.max(6, 2 * k));
    const near = blocks[blocks.length - 1];
    if (near) {
      const band = { x0: near[0], x1: near[1], y0: grid.y0, y1: grid.y1 };
      // A piece taller than a row and a half is no one row's.
      const pieces = byCell(
        runs(img, band, false, 2).filter(([y0, y1]) => y1 - y0 <= 1.5 * cells.ys.width),
        grid.y0,
        cells.ys,
      );
      for (const [r, [y0, y1]] of pieces) {
        const text = await read({ x0: band.x0, x1: band.x1, y0, y1 });
        if (text) rows[r] = text;
      }
    }
  }
  // Column labels: the block of text nearest the grid below it.
  const top = grid.y1 + tickReach(img, grid, cells, false, bg) + 2;
  if (top < img.height - 4) {
    const area = {
      x0: grid.x0 - 40 < 0 ? 0 : grid.x0 - 40,
      y0: top,
      x1: Math.min(img.width, grid.x1 + 40),
      y1: img.height,
    };
    const near = runs(img, area, false, Math.max(6, 2 * k))[0];
    if (near) {
      const band = { x0: area.x0, x1: area.x1, y0: near[0], y1: near[1] };
      // Pieces of text split at gaps of 3 px or more.
      const pieces = byCell(runs(img, band, true, 3), grid.x0, cells.xs);
      for (const [c, [x0, x1]] of pieces) {
        const text = await read({ x0, x1, y0: band.y0, y1: band.y1 });
        if (text) cols[c] = text;
      }
    }
  }
  return { rows, cols };
}
