/**
 * Tables coloured as heatmaps: a pandas DataFrame's `style.background_gradient()` as a
 * notebook or a browser shows it (issue 20). Each column is as wide as its widest text, so
 * the columns differ in width, and JupyterLab sets the numbers at the right of their cells:
 * the reader, which looks for cells of one width and a number at each one's middle, had
 * found 17 to 117 columns in tables of 3 to 7 and written numbers of pieces of their texts,
 * or, where the columns were of one width, given numbers to their neighbours ("3" and "2"
 * read "32"), warning only that some could not be read. Such a table is made a grid of one
 * cell width before it is read (evenTable): each column as wide as the widest ink and the
 * narrowest margin, its text and its header at its middle, by copying or leaving out pixel
 * columns of its blank margins. Of the image, only the blank margins change, and what a
 * table draws and a heatmap does not (a rule under the header, shaded rows behind the
 * labels) is taken to the page's colour, and the index's name, on a line of its own between
 * the header and the cells, put where a heatmap's rows' title stands; its cells, their
 * texts, its labels and its titles are then read as any heatmap's. A table is told by: a
 * lossless image; no colorbar apart from the grid; three or more columns, one colour each on
 * the rows clear of text, not of one width or with texts off their middles; one text in
 * every cell. Of 343 images (the committed fixtures, the probe sets of the last sessions, 50
 * tables), the 50 tables were taken for tables and nothing else.
 */
import { clearLines, type Strokes, strokes } from './cells.ts';
import { extentOf } from './label-ink.ts';
import { type Box, colorAt, commonest, locate, pixelGap } from './locate.ts';
import type { Image } from './png.ts';

/**
 * How much a channel changes at a cell's edge, at least: a lossless image's cells are flat,
 * and the lightest of a gradient's neighbours differ by a few levels more.
 */
const EDGE = 6;

/** A line between cells is this wide at most (a page's `border-spacing`, a 2× screenshot's). */
const SEPARATOR = 6;

/** The byte offset of the i-th pixel along line j of a box (a row, or a column when `vertical`). */
const along = (img: Image, box: Box, vertical: boolean, j: number) => (i: number) =>
  (vertical ? (box.y0 + i) * img.width + box.x0 + j : (box.y0 + j) * img.width + box.x0 + i) * 3;

/** How far a pixel (its byte offset in `rgb`) is from the page's colour, in its farthest channel. */
const offPage = (rgb: Uint8Array, p: number, page: readonly number[]) =>
  Math.max(
    Math.abs(rgb[p]! - page[0]!),
    Math.abs(rgb[p + 1]! - page[1]!),
    Math.abs(rgb[p + 2]! - page[2]!),
  );

/** Whether a pixel of an image is ink: off the page's colour by more than a lossless edge (EDGE). */
const inked = (im: Image, x: number, y: number, page: readonly number[]) =>
  offPage(im.rgb, (y * im.width + x) * 3, page) > EDGE;

/**
 * Where the colour changes between neighbouring pixels along an axis of `box`, counted over
 * `lines` across it (each a line's offset from the box's start): for i, how many lines change
 * between i and i + 1.
 */
function changes(img: Image, box: Box, vertical: boolean, lines: readonly number[]): Uint32Array {
  const len = vertical ? box.y1 - box.y0 : box.x1 - box.x0;
  const out = new Uint32Array(Math.max(0, len - 1));
  for (const j of lines) {
    const at = along(img, box, vertical, j);
    for (let i = 0; i + 1 < len; i++) if (pixelGap(img, at(i), at(i + 1)) > EDGE) out[i]!++;
  }
  return out;
}

/**
 * The cells along an axis of a box: the boundaries are where the colour changes on half the
 * lines or more, a few boundaries within SEPARATOR px one line between cells (its two sides,
 * or a blended pixel); the spans [a, b) are what lies between them. `clean(a, b)`: whether
 * between a and b the colour changes elsewhere on no more than one line in twenty (or one):
 * else what lies between the boundaries there is not one colour a line, and they are not a
 * table's (text not told from its cells, or a heatmap whose neighbouring cells often share a
 * colour, one boundary of which shows on fewer lines than half).
 */
function spansAlong(
  img: Image,
  box: Box,
  vertical: boolean,
  lines: readonly number[],
): { spans: [number, number][]; clean: (a: number, b: number) => boolean } {
  const count = changes(img, box, vertical, lines);
  const len = count.length + 1;
  const groups: [number, number][] = [];
  for (let i = 0; i < count.length; i++) {
    if (!lines.length || count[i]! < 0.5 * lines.length) continue;
    const last = groups[groups.length - 1];
    if (last && i - last[1] <= SEPARATOR) last[1] = i;
    else groups.push([i, i]);
  }
  const spans: [number, number][] = [];
  let from = 0;
  for (const [a, b] of groups) {
    spans.push([from, a + 1]);
    from = b + 1;
  }
  spans.push([from, len]);
  const stray = Math.max(1, 0.05 * lines.length);
  // Changes off every boundary (but a pixel's blend beside one).
  const clean = (a: number, b: number) => {
    for (let i = Math.max(0, a); i < Math.min(count.length, b); i++)
      if (count[i]! > stray && !groups.some(([g, h]) => i >= g - 1 && i <= h + 1)) return false;
    return true;
  };
  return { spans, clean };
}

/** Lines of a box that change colour along them: a uniform line (a line between rows) tells nothing. */
function varied(img: Image, box: Box, vertical: boolean, lines: readonly number[]): number[] {
  const len = vertical ? box.y1 - box.y0 : box.x1 - box.x0;
  return lines.filter((j) => {
    const at = along(img, box, vertical, j);
    for (let i = 1; i < len; i++) if (pixelGap(img, at(0), at(i)) > EDGE) return true;
    return false;
  });
}

/**
 * The table's columns, as image x spans, over the located grid's rows: the longest run of
 * neighbouring spans that are cells (off the page's colour on nine clear rows in ten: a row
 * label's column, on the page or striped with it, is not), three or more, at least 6 px
 * wide each; and whether they are of one width.
 */
function tableColumns(
  img: Image,
  page: readonly number[],
  text: Strokes,
): { columns: [number, number][]; even: boolean } | null {
  const band = text.box;
  const clear = varied(img, band, false, clearLines(text.perRow));
  if (!clear.length) return null;
  const found = spansAlong(img, band, false, clear);
  const W = img.width;
  const isCell = ([a, b]: [number, number]) => {
    if (b - a < 6) return false;
    let off = 0;
    for (const j of clear) {
      const p = ((band.y0 + j) * W + Math.floor((a + b) / 2)) * 3;
      if (offPage(img.rgb, p, page) > EDGE) off++;
    }
    return off >= 0.9 * clear.length;
  };
  let best: [number, number][] = [];
  let run: [number, number][] = [];
  for (const s of found.spans) {
    // Cells next to each other: at most a line between them.
    const prev = run[run.length - 1];
    if (isCell(s) && (!prev || s[0] - prev[1] <= SEPARATOR)) run.push(s);
    else run = isCell(s) ? [s] : [];
    if (run.length > best.length) best = run;
  }
  if (best.length < 3 || !found.clean(best[0]![0], best[best.length - 1]![1])) return null;
  // Whether the boundaries (the middles of what lies between cells, and the table's ends half
  // a line out) are each within 1.5 px of a line fitted through them: cells of one width but
  // for a pixel's rounding (imshow's 62 to 65 px).
  const n = best.length;
  const gaps = best.slice(1).map(([a], k) => a - best[k]![1]);
  const line = gaps.sort((p, q) => p - q)[gaps.length >> 1]! / 2;
  const at = [
    best[0]![0] - line,
    ...best.slice(1).map(([a], k) => (best[k]![1] + a) / 2),
    best[n - 1]![1] + line,
  ];
  const mk = n / 2;
  const mx = at.reduce((t, x) => t + x, 0) / at.length;
  let sxy = 0;
  let sxx = 0;
  at.forEach((x, k) => {
    sxy += (k - mk) * (x - mx);
    sxx += (k - mk) ** 2;
  });
  const pitch = sxy / sxx;
  const even = at.every((x, k) => Math.abs(x - mx - (k - mk) * pitch) <= 1.5);
  return { columns: best, even };
}

/**
 * The image's rows in bands, each widened as one: the table's rows (from its cells' edges,
 * within `table`), and above and below it its lines of text (its header, a caption), each a
 * run of rows not one colour across the table, runs a blank row or two apart one line (a
 * letter i's dot and its stem); what lies between them is a band of its own.
 */
function rowBands(img: Image, table: Box, text: Strokes): [number, number][] {
  const W = img.width;
  const uniform = (y: number) => {
    const p = (y * W + table.x0) * 3;
    for (let x = table.x0 + 1; x < table.x1; x++)
      if (pixelGap(img, p, (y * W + x) * 3) > 0) return false;
    return true;
  };
  // Runs of rows blank or not, a blank run of two rows or fewer between two that are not
  // joined to them.
  const lines = (y0: number, y1: number) => {
    const runs: { a: number; b: number; blank: boolean }[] = [];
    for (let y = y0; y < y1; ) {
      const blank = uniform(y);
      let e = y + 1;
      while (e < y1 && uniform(e) === blank) e++;
      runs.push({ a: y, b: e, blank });
      y = e;
    }
    const out: [number, number][] = [];
    // Whether the last band ends in a short blank run, to be joined by the text after it.
    let open = false;
    runs.forEach((r, i) => {
      const last = out[out.length - 1];
      const short = r.blank && r.b - r.a <= 2 && i > 0 && i + 1 < runs.length;
      if (last && (short || (open && !r.blank))) last[1] = r.b;
      else out.push([r.a, r.b]);
      open = short;
    });
    return out;
  };
  // The text's strokes were counted over the table's rows, the image's width across.
  const cols = varied(img, table, true, clearLines(text.perCol.subarray(table.x0, table.x1)));
  const inside = cols.length ? spansAlong(img, table, true, cols) : null;
  const middle: [number, number][] = [];
  if (inside) {
    let at = table.y0;
    for (const [a, b] of inside.spans) {
      if (table.y0 + a > at) middle.push([at, table.y0 + a]);
      middle.push([table.y0 + a, table.y0 + b]);
      at = table.y0 + b;
    }
    if (at < table.y1) middle.push([at, table.y1]);
  } else middle.push([table.y0, table.y1]);
  return [...lines(0, table.y0), ...middle, ...lines(table.y1, img.height)];
}

/**
 * The table without what a table draws and a heatmap does not, in the page's colour: a rule
 * across it and its row labels (JupyterLab's under the header: a row of one colour from a
 * few pixels left of the cells to their end), and the rows' shading behind their labels
 * (JupyterLab shades every other row: a light colour, within 24 levels of the page's, the
 * commonest such left of the cells on a row, a quarter of it at least). Left, the rule had been taken for the grid's top
 * and the labels beside it for cut (read as positions), and the shading for the labels' ink.
 */
function plainTable(img: Image, table: Box, page: readonly number[]): Image {
  const W = img.width;
  const rgb = img.rgb.slice();
  const set = (p: number) => {
    rgb[p] = page[0]!;
    rgb[p + 1] = page[1]!;
    rgb[p + 2] = page[2]!;
  };
  const from = table.x0 - 4;
  for (let y = 0; from >= 0 && y < img.height; y++) {
    const p = (y * W + from) * 3;
    if (offPage(rgb, p, page) <= EDGE) continue;
    let x = from + 1;
    while (x < table.x1 && pixelGap(img, p, (y * W + x) * 3) === 0) x++;
    if (x < table.x1) continue;
    // The rule runs on left as far as it goes.
    for (let u = table.x1 - 1; u >= 0 && pixelGap(img, p, (y * W + u) * 3) === 0; u--)
      set((y * W + u) * 3);
  }
  for (let y = table.y0; y < table.y1 && table.x0 > 0; y++) {
    // The commonest colour off the page's but within 24 levels of it, on a quarter of the row
    // at least (a label's ink over it leaves less than half).
    const near: number[] = [];
    for (let x = 0; x < table.x0; x++) {
      const p = (y * W + x) * 3;
      const gap = offPage(img.rgb, p, page);
      if (gap > 0 && gap <= 24) near.push(p);
    }
    const shade = commonest(img, near);
    if (shade.count < 0.25 * table.x0) continue;
    for (let x = 0; x < table.x0; x++) {
      const p = (y * W + x) * 3;
      if (colorAt(img.rgb, p) === shade.color) set(p);
    }
  }
  return { ...img, rgb };
}

/**
 * The ink of a block of a band's rows and a column's (pixels off the block's commonest
 * colour): its margins (blank columns before and after it), the widest run of blank columns
 * within it, and how many rows it spans. Null for none.
 */
function blockInk(
  img: Image,
  y0: number,
  y1: number,
  a: number,
  b: number,
): { left: number; right: number; gap: number; height: number } | null {
  const W = img.width;
  const offsets: number[] = [];
  for (let y = y0; y < y1; y++) for (let x = a; x < b; x++) offsets.push((y * W + x) * 3);
  const { color } = commonest(img, offsets);
  const rgb = img.rgb;
  const off = (x: number, y: number) => {
    const p = (y * W + x) * 3;
    return colorAt(rgb, p) !== color;
  };
  const inked = new Uint8Array(b - a);
  let top = y1;
  let bottom = y0 - 1;
  for (let y = y0; y < y1; y++)
    for (let x = a; x < b; x++)
      if (off(x, y)) {
        inked[x - a] = 1;
        top = Math.min(top, y);
        bottom = Math.max(bottom, y);
      }
  const first = inked.indexOf(1);
  if (first < 0) return null;
  const last = inked.lastIndexOf(1);
  let gap = 0;
  for (let x = first, run = 0; x <= last; x++) {
    run = inked[x] ? 0 : run + 1;
    gap = Math.max(gap, run);
  }
  return { left: first, right: b - a - 1 - last, gap, height: bottom - top + 1 };
}

/** A column of pixels of one colour, the band's commonest, down a band of rows: its x, or null. */
function blankColumn(img: Image, y0: number, y1: number): number | null {
  const W = img.width;
  const offsets: number[] = [];
  for (let y = y0; y < y1; y++) for (let x = 0; x < W; x++) offsets.push((y * W + x) * 3);
  const { color } = commonest(img, offsets);
  for (let x = 0; x < W; x++) {
    let y = y0;
    for (; y < y1; y++) {
      const p = (y * W + x) * 3;
      if (colorAt(img.rgb, p) !== color) break;
    }
    if (y === y1) return x;
  }
  return null;
}

/** Pixel columns of the image to copy, in order, for a band: each an x and how many times. */
type Plan = [number, number][];

/**
 * A table's columns made one width: the image with each column of a table (a heatmap's grid
 * of cells not of one width, or whose texts stand off their middles, lines of the page or
 * nothing between them) made as wide as the widest ink and the narrowest margin, in each band
 * of rows (rowBands) by as many copies of a blank column either side of its ink as stand the
 * ink at the middle; the image unchanged when it holds no such table. A lossless image only
 * (a JPEG's ringing is not told from a cell's edge), and one whose grid has no colorbar apart
 * from it (a table has none).
 */
export function evenTable(image: Image): Image {
  let img = image;
  if (img.noise) return img;
  const located = locate(img);
  if (!located) return img;
  // A colorbar apart from the grid marks a heatmap; one that touches it may be a narrow
  // column of a table taken for one (a column of a few cells whose colours run one way).
  const bar = located.colorbar?.box;
  const grid = located.grid;
  if (
    bar &&
    !(
      bar.x1 >= grid.x0 - SEPARATOR &&
      bar.x0 <= grid.x1 + SEPARATOR &&
      bar.y0 < grid.y1 &&
      bar.y1 > grid.y0
    )
  )
    return img;
  const text = strokes(img, { x0: 0, x1: img.width, y0: grid.y0, y1: grid.y1 });
  const found = tableColumns(img, located.background, text);
  if (!found) return img;
  const { columns } = found;
  const table: Box = {
    x0: columns[0]![0],
    x1: columns[columns.length - 1]![1],
    y0: grid.y0,
    y1: grid.y1,
  };
  img = plainTable(img, table, located.background);
  const bands = rowBands(img, table, text);
  const W = img.width;
  // Each band's columns: where the ink (pixels off the block's commonest colour) begins and
  // ends, as margins; the width every column is given is the widest a column's ink needs to
  // stand at its middle.
  const margins = bands.map(([y0, y1]) => columns.map(([a, b]) => blockInk(img, y0, y1, a, b)));
  // A table prints one text in each cell: each row of cells has ink in every cell, in one
  // run (no gap in it as wide as the ink is high). Cells of a heatmap merged for want of
  // their edges (neighbours of one colour on every row) hold a number each, apart; a heatmap
  // with no text in its cells is none.
  const inside = bands.flatMap(([y0, y1], i) =>
    y0 >= table.y0 && y1 <= table.y1 && margins[i]!.some((k) => k !== null) ? [margins[i]!] : [],
  );
  if (!inside.length || !inside.every((row) => row.every((k) => k !== null && k.gap < k.height)))
    return image;
  // Columns of one width are read as they are, but for text not at their middles (JupyterLab
  // sets a table's numbers at the right: a 5×5 confusion matrix's counts had been given to
  // their neighbours, "3" and "2" read "32"): a cell's text off its middle by more than a
  // fifth of its width (and 4 px).
  const offMiddle = inside.some((row) =>
    row.some((k, c) => {
      const w = columns[c]![1] - columns[c]![0];
      return k !== null && Math.abs(k.left - k.right) > Math.max(4, 0.2 * w);
    }),
  );
  // The index's name (`df.index.name`): a line of its own between the header and the cells,
  // its ink over the row labels and in no column (left there, the header above it was taken
  // for text apart from the grid, and the columns said to show no labels). The rows of its ink
  // are left out (the blank rows about it kept: the header stands as far from the cells as
  // a table without the name has it), and the name put beside the row labels (nameBeside).
  const headed = bands.map((_, i) => margins[i]!.some((k) => k !== null));
  const dropped = new Uint8Array(img.height);
  bands.forEach(([y0, y1], i) => {
    // Above the cells, a header above it and none below it.
    const under = headed.some((h, j) => h && j > i && bands[j]![1] <= table.y0);
    if (y1 > table.y0 || headed[i] || !headed.slice(0, i).includes(true) || under) return;
    for (let y = y0; y < y1; y++)
      for (let x = 0; x < table.x0; x++)
        if (inked(img, x, y, located.background)) {
          dropped[y] = 1;
          break;
        }
  });
  // A line of ink alone: its rows from the first to the last.
  const first = dropped.indexOf(1);
  if (first >= 0) dropped.fill(1, first, dropped.lastIndexOf(1) + 1);
  if (found.even && !offMiddle && first < 0) return image;
  // Text above or below the cells that runs from column to column (a caption across the
  // table): ink at both sides of a boundary between columns, or in the line between.
  const runsOn = bands.map(([y0, y1], i) => {
    if (y1 > table.y0 && y0 < table.y1) return false;
    return columns.some(([, b], c) => {
      const next = columns[c + 1];
      if (!next) return false;
      const [k, l] = [margins[i]![c], margins[i]![c + 1]];
      if (k?.right === 0 && l?.left === 0) return true;
      return next[0] > b && blockInk(img, y0, y1, b, next[0]) !== null;
    });
  });
  // The one width: the widest ink with the narrowest margin a cell's ink has on both sides
  // (a cell's padding; 1 to 8 px), of the texts that stand in one column.
  let ink = 0;
  let margin = 8;
  margins.forEach((row, i) => {
    if (!runsOn[i])
      row.forEach((k, c) => {
        if (!k) return;
        ink = Math.max(ink, columns[c]![1] - columns[c]![0] - k.left - k.right);
        margin = Math.min(margin, k.left, k.right);
      });
  });
  const width = ink + 2 * Math.max(1, margin);
  // The table's width made so, and the image's.
  const across = columns.reduce((t, [, b], c) => t + width + ((columns[c + 1]?.[0] ?? b) - b), 0);
  const wide = W - (table.x1 - table.x0) + across;
  // Each caption's ink, and a column of its band's colour to stand it on; a caption with
  // none (its band nowhere blank down) or wider than the image made is not moved, and the
  // table is left as it is.
  const captions = bands.map(([y0, y1], i) => {
    if (!runsOn[i]) return null;
    const whole = blockInk(img, y0, y1, 0, W);
    const blank = whole && blankColumn(img, y0, y1);
    return whole && blank !== null ? { from: whole.left, to: W - whole.right, blank } : undefined;
  });
  if (captions.some((c) => c === undefined || (c && c.to - c.from > wide)) || !bands.length)
    return image;
  const plans: Plan[] = bands.map((_, i) => {
    const plan: Plan = [];
    const copy = (from: number, to: number) => {
      for (let x = from; x < to; x++) plan.push([x, 1]);
    };
    // A caption: kept whole, on the band's colour, centred on the cells as a heatmap's title
    // is on its grid (a table's is on the table, its row labels with it; as far from the
    // cells' middle as it was, it was not read as the title).
    const caption = captions[i];
    if (caption) {
      const { from, to, blank } = caption;
      const middle = table.x0 + Math.round((across - (to - from)) / 2);
      const at = Math.max(0, Math.min(wide - (to - from), middle));
      plan.push([blank, at]);
      copy(from, to);
      plan.push([blank, wide - at - (to - from)]);
      return plan;
    }
    copy(0, table.x0);
    columns.forEach(([a, b], c) => {
      const k = margins[i]![c];
      // No ink: the column's own colour, the width across.
      if (!k) plan.push([a, width]);
      else {
        // The ink as it is, between copies of the blank column before it and of the one after
        // it, as many as stand it at the middle (a column's ink that reaches its end is
        // widened there).
        const from = a + k.left;
        const to = b - k.right;
        const before = Math.floor((width - (to - from)) / 2);
        plan.push([k.left ? from - 1 : from, before]);
        copy(from, to);
        plan.push([k.right ? to : to - 1, width - (to - from) - before]);
      }
      const next = columns[c + 1];
      copy(b, next ? next[0] : b);
    });
    copy(table.x1, W);
    return plan;
  });
  const high = img.height - dropped.reduce((t, d) => t + d, 0);
  const rgb = new Uint8Array(wide * high * 3);
  let q = 0;
  bands.forEach(([y0, y1], i) => {
    for (let y = y0; y < y1; y++) {
      if (dropped[y]) continue;
      for (const [x, n] of plans[i]!) {
        const p = (y * W + x) * 3;
        for (let k = 0; k < n; k++, q += 3) {
          rgb[q] = img.rgb[p]!;
          rgb[q + 1] = img.rgb[p + 1]!;
          rgb[q + 2] = img.rgb[p + 2]!;
        }
      }
    }
  });
  const evened = { ...img, width: wide, height: high, rgb };
  if (first < 0) return evened;
  const above = dropped.subarray(0, table.y0).reduce((t, d) => t + d, 0);
  return nameBeside(
    evened,
    img,
    first,
    dropped.lastIndexOf(1) + 1,
    table,
    above,
    located.background,
  );
}

/**
 * The index's name, its rows (`y0` to `y1` of `img`, left of the cells) left out of the
 * evened table `out`, put back where a heatmap's rows' title stands level (seaborn titles the
 * y axis with the index's name): at the left of the row labels, as far from them as it is
 * high, at the cells' middle (the cells `table`, `above` rows higher in `out`). The image is
 * widened at its left as far as needed. Without row labels it is not put back.
 */
function nameBeside(
  out: Image,
  img: Image,
  y0: number,
  y1: number,
  table: Box,
  above: number,
  page: readonly number[],
): Image {
  const name = extentOf(0, y0, table.x0, y1, (x, y) => inked(img, x, y, page));
  const [ty0, ty1] = [table.y0 - above, table.y1 - above];
  const labels = extentOf(0, ty0, table.x0, ty1, (x, y) => inked(out, x, y, page));
  if (!name || !labels) return out;
  const x0 = name.x0;
  const [w, h] = [name.x1 - x0 + 1, y1 - y0];
  // 2 px of page at the image's edge.
  const add = Math.max(0, 2 + w + h - labels.x0);
  const width = out.width + add;
  const rgb = new Uint8Array(width * out.height * 3);
  for (let i = 0; i < width * out.height; i++) rgb.set(page, i * 3);
  for (let y = 0; y < out.height; y++)
    rgb.set(out.rgb.subarray(y * out.width * 3, (y + 1) * out.width * 3), (y * width + add) * 3);
  const left = labels.x0 + add - h - w;
  const top = Math.round((ty0 + ty1 - h) / 2);
  for (let y = 0; y < h; y++)
    rgb.set(
      img.rgb.subarray(((y0 + y) * img.width + x0) * 3, ((y0 + y) * img.width + x0 + w) * 3),
      ((top + y) * width + left) * 3,
    );
  return { ...out, width, rgb };
}
