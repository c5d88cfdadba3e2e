/**
 * The cells of a located grid: where the colour changes across many lines are the edges
 * between columns (and rows); equal cells make the edges lie on multiples of one width. Each
 * cell's colour is the commonest of its inner half, else its median (edges, annotations and
 * anti-aliasing left out).
 */
import { type Box, commonest, lineColor, lineOffset, pixelGap, rgbGap } from './locate.ts';
import type { Image } from './png.ts';
import { middleOf } from './widths.ts';

/**
 * The positions along one axis, from its start, where the colour changes on at least `share`
 * of the lines across that are looked at (`lines`: all, or those clear of text).
 */
function edges(
  img: Image,
  box: Box,
  vertical: boolean,
  lines: readonly number[] | null = null,
  share = 0.02,
): number[] {
  const len = vertical ? box.y1 - box.y0 : box.x1 - box.x0;
  const across = vertical ? box.x1 - box.x0 : box.y1 - box.y0;
  const at = lineOffset(img, box, vertical);
  // Not the lines along the grid's sides, where tick marks drawn inward over the cells lie
  // (matplotlib's `classic` and `bmh` styles, and papers' styles: `xtick.direction: in`;
  // 4 pt long, 17 px at 300 dpi): marks at every cell's centre, on the lines at both sides,
  // had passed for edges there, and the cells been read halved.
  const side = Math.min(Math.floor(across / 4), markBand(across));
  const look = (lines ?? Array.from({ length: across }, (_, j) => j)).filter(
    (j) => j >= side && j < across - side,
  );
  const out: number[] = [];
  const noise = img.noise ?? 0;
  const step = 6 + noise;
  // A noisy image (a JPEG) blurs an edge over a few pixels, in steps of its noise's size:
  // the pixels two apart either side are compared, and a run of edges is one, at its middle.
  const d = noise ? 2 : 1;
  let run: number[] = [];
  const flush = () => {
    if (run.length) out.push(Math.round(run.reduce((a, b) => a + b, 0) / run.length));
    run = [];
  };
  // And their ends, a few px in from the grid's sides, change the colour on narrow runs of
  // lines only, a mark's width apart; a row's or a column's edge does on runs a cell wide,
  // or on most lines.
  const inward = markBand(len);
  // (A mark is 0.5 to 1 pt wide: 4 px at 300 dpi, and its anti-aliased sides.)
  const narrow = Math.max(3 + 2 * noise, Math.round(across / 150));
  for (let i = 1; i < len; i++) {
    let n = 0;
    let widest = 0;
    let streak = 0;
    let last = -2;
    const a = Math.max(0, i - d);
    const b = Math.min(len - 1, i + d - 1);
    for (const j of look)
      if (pixelGap(img, at(b, j), at(a, j)) > step) {
        n++;
        streak = j === last + 1 ? streak + 1 : 1;
        last = j;
        if (streak > widest) widest = streak;
      }
    const marks = (i <= inward || i >= len - inward) && n > 0 && widest <= narrow;
    const edge = !marks && n >= Math.max(1, share * look.length);
    if (!noise) {
      if (edge) out.push(i);
    } else if (edge) run.push(i);
    else flush();
  }
  flush();
  return out;
}

/** How far in from a grid's side of `length` px tick marks drawn inward may reach: a twentieth of it, 8 px at least. */
const markBand = (length: number) => Math.max(8, Math.round(0.05 * length));

/** Where the cells of one axis lie: n cells of `width` pixels from `origin` (from the box's start). */
export interface Lattice {
  readonly n: number;
  readonly origin: number;
  readonly width: number;
}

/**
 * The equal cells along an axis of `len` pixels whose edges are `found`: the fewest n whose
 * lattice of width len / n, shifted by at most 4 px (a frame may hide part of the first
 * cell), puts every edge on a cell boundary within 1.5 px. Edges within two pixels of either
 * end are a frame's anti-aliased line; neighbouring edges a pixel apart (one blended line)
 * count once. Neighbours of one colour hide their edge, so n may exceed the edges plus one.
 */
export function lattice(len: number, found: readonly number[], outliers = 0): Lattice {
  // A frame's line is wider at a higher dpi: 4 px of either end are its when cells are wide.
  const gaps = found
    .slice(1)
    .map((x, i) => x - found[i]!)
    .sort((a, b) => a - b);
  const end = gaps.length && gaps[gaps.length >> 1]! > 12 ? 4 : 2;
  const e: number[] = [];
  for (const x of found)
    if (x > end && x < len - end && (!e.length || x - e[e.length - 1]! > 2)) e.push(x);
  if (!e.length) return { n: 1, origin: 0, width: len };
  // Edges that may be off every boundary (a noisy image's ringing passing for one).
  const spare = Math.floor(outliers * e.length);
  const fits = (ok: number) => ok >= e.length - spare;
  // The lattice of n cells of len / n px through the edges: its origin, and how far the
  // edges lie off its boundaries (their mean distance), where they fit it.
  const through = (n: number) => {
    const w = len / n;
    // Each edge's place in its cell, about the edges' mean place (taken round the cell, as an
    // angle): where the boundaries lie half a cell from the box's start (a frame hiding half
    // of 4.6-px cells), some edges' places are just under half a cell and some just over, and
    // measured from the box they had fallen either side of it, a cell apart.
    let sx = 0;
    let sy = 0;
    for (const x of e) {
      sx += Math.cos((2 * Math.PI * x) / w);
      sy += Math.sin((2 * Math.PI * x) / w);
    }
    const mean = (Math.atan2(sy, sx) / (2 * Math.PI)) * w;
    const residuals = e.map((x) => x - mean - Math.round((x - mean) / w) * w).sort((a, b) => a - b);
    const mid = residuals[residuals.length >> 1]!;
    const origin = mean + mid;
    const off = residuals.reduce((t, r) => t + Math.abs(r - mid), 0) / residuals.length;
    const ok =
      Math.abs(origin) <= 4 && fits(residuals.filter((r) => Math.abs(r - mid) <= 1.5).length);
    return { lattice: { n, origin, width: w }, off, ok };
  };
  for (let n = Math.max(1, e.length + 1 - spare); n <= Math.floor(len / 2); n++) {
    const w = len / n;
    const first = through(n);
    if (first.ok) {
      // Edges over part of the axis only (a smooth field's boundaries, most a few levels
      // apart, not found) fit a lattice a cell or two short too, each a little off: the one
      // of the next two their boundaries fit far better (half as far off) is theirs (Plotly's
      // 64 rows of 5 px, edges found from the 11th to the 38th, had been read 63 of 5.08).
      let best = first;
      for (const m of [n + 1, n + 2]) {
        const next = m <= Math.floor(len / 2) ? through(m) : null;
        if (next?.ok && next.off < best.off / 2) best = next;
      }
      return best.lattice;
    }
    // The box a few pixels short of the cells (an outer cell's edge taken with the frame, or
    // lines between the cells): the spacing fitted to the edges, within 1% of len / n.
    const k = e.map((x) => Math.round(x / w));
    // Only from enough edges, each its own boundary, to tell a spacing.
    if (e.length < 4 || new Set(k).size < e.length - spare) continue;
    const mk = k.reduce((a, b) => a + b, 0) / k.length;
    const mx = e.reduce((a, b) => a + b, 0) / e.length;
    let sxy = 0;
    let sxx = 0;
    k.forEach((ki, i) => {
      sxy += (ki - mk) * (e[i]! - mx);
      sxx += (ki - mk) ** 2;
    });
    const fw = sxy / sxx;
    const fo = mx - fw * mk;
    if (
      Math.abs(fw - w) <= 0.01 * w &&
      Math.abs(fo) <= 4 &&
      Math.abs(fo + n * fw - len) <= 4 &&
      fits(e.filter((x, i) => Math.abs(x - fo - k[i]! * fw) <= 1.5).length)
    )
      return { n, origin: fo, width: fw };
  }
  // No one spacing: the edges found are the cells' edges.
  return { n: e.length + 1, origin: 0, width: len / (e.length + 1) };
}

/**
 * The equal cells along an axis of a noisy image (a JPEG), told from how much the colour
 * changes at each pixel on average over all the lines across: where neighbouring cells differ
 * by a few levels only (smooth data: attention maps, correlations, a smoothed field), a
 * quality-75 JPEG's edges do not stand out of its noise on any one line, and edges() finds
 * few or none (a 32×32 grid read as one cell). Averaged over the lines, each boundary raises
 * the change a little, and their lattice shows: the one lattice (n cells of len / n px,
 * shifted by up to 3 px) whose boundaries stand highest above the pixels between them,
 * weighed by how many boundaries it has (a lattice of every other boundary stands as high,
 * but on half of them; one of twice as many has half its boundaries on flat colour). The
 * decoded pixels are looked at, not the smoothed ones (their smoothing blends edges under 20
 * levels), less the 8-px blocks JPEG codes in (each block's seam changes the colour a little:
 * what every column at one place in the blocks has in common is taken out). Null unless the
 * lattice stands out: 4.5 noise units at least, well above any lattice not its multiple or
 * part, cells 5 px wide or more (finer cells in a JPEG are not told apart here; lattices of
 * 4 px are weighed, so that they are not taken for a lattice of twice their width), and
 * cells 8 px or wider with flat middles (else they are twice as fine).
 */
export function combLattice(img: Image, box: Box, vertical: boolean): Lattice | null {
  const rgb = img.raw ?? img.rgb;
  const len = vertical ? box.y1 - box.y0 : box.x1 - box.x0;
  const across = vertical ? box.x1 - box.x0 : box.y1 - box.y0;
  const start = vertical ? box.y0 : box.x0;
  const side = Math.min(Math.floor(across / 4), markBand(across));
  if (len < 15 || across - 2 * side < 4) return null;
  const at = lineOffset(img, box, vertical);
  // change[i]: the mean change across pixel i (i - 1 to i + 1), on every channel, over the lines.
  const change = new Float64Array(len);
  for (let i = 1; i < len - 1; i++) {
    let sum = 0;
    for (let j = side; j < across - side; j++) {
      const p = at(i + 1, j);
      const q = at(i - 1, j);
      sum +=
        Math.abs(rgb[p]! - rgb[q]!) +
        Math.abs(rgb[p + 1]! - rgb[q + 1]!) +
        Math.abs(rgb[p + 2]! - rgb[q + 2]!);
    }
    change[i] = sum / (across - 2 * side);
  }
  const inner = Array.from(change.subarray(2, len - 2));
  // How much the blocks' seams were taken off the change at the phase they stand highest.
  let seams = 0;
  if (img.noise) {
    const all = middleOf(inner);
    const phases = Array.from(
      { length: 8 },
      (_, k) => middleOf(inner.filter((_, i) => (start + i + 2) % 8 === k)) - all,
    );
    for (let i = 2; i < len - 2; i++) change[i]! -= phases[(start + i) % 8]!;
    seams = Math.max(0, ...phases);
  }
  let mean = 0;
  for (let i = 2; i < len - 2; i++) mean += change[i]!;
  mean /= len - 4;
  let sd = 0;
  for (let i = 2; i < len - 2; i++) sd += (change[i]! - mean) ** 2;
  sd = Math.sqrt(sd / (len - 4));
  if (sd === 0) return null;
  // How far the boundaries at o + k·w (and, asked, the middles between them) stand above the
  // pixels 1.5 px or more from both: the change at a boundary between pixels x − 1 and x is
  // at x − 1/2. From running sums of the change, a lattice costs its boundaries, not the
  // axis's pixels (a 300-dpi JPEG's two axes took 170 ms, now 70); the windows, 3 px wide, do
  // not overlap where boundaries and middles are 4 px apart or more (as asked).
  const sums = new Float64Array(len + 1);
  for (let x = 0; x < len; x++) sums[x + 1] = sums[x]! + (x >= 2 && x < len - 2 ? change[x]! : 0);
  // The places' sums: of the pixels within half a pixel of them, and of those nearer than
  // 1.5 px (left out of the pixels between), with their counts.
  let on = 0;
  let non = 0;
  let near = 0;
  let nnear = 0;
  const place = (b: number) => {
    const nearLo = Math.max(2, Math.floor(b - 1.5) + 1);
    const nearHi = Math.min(len - 3, Math.ceil(b + 1.5) - 1);
    if (nearHi >= nearLo) {
      near += sums[nearHi + 1]! - sums[nearLo]!;
      nnear += nearHi - nearLo + 1;
    }
    const lo = Math.max(2, Math.ceil(b - 0.5));
    const hi = Math.min(len - 3, Math.floor(b + 0.5));
    if (hi >= lo) {
      on += sums[hi + 1]! - sums[lo]!;
      non += hi - lo + 1;
    }
  };
  const stand = (n: number, o: number, middles: boolean) => {
    const w = len / n;
    on = non = near = nnear = 0;
    for (let k = 1; k < n; k++) place(o + k * w - 0.5);
    const [boundaries, nboundaries] = [on, non];
    on = non = 0;
    if (middles) for (let k = 0; k < n; k++) place(o + (k + 0.5) * w - 0.5);
    const noff = len - 4 - nnear;
    if (!nboundaries || noff < 3) return null;
    const base = (sums[len]! - near) / noff;
    return { boundaries: boundaries / nboundaries - base, middles: non ? on / non - base : 0 };
  };
  // Each n's best origin, its score, and how high its boundaries stand (stand's).
  const best = new Map<number, { score: number; origin: number; height: number }>();
  for (let n = 2; n <= Math.floor(len / 4); n++)
    for (let o = -3; o <= 3; o += 0.25) {
      const s = stand(n, o, false);
      if (!s) continue;
      const score = (s.boundaries / sd) * Math.sqrt(n - 1);
      if (score > (best.get(n)?.score ?? -Infinity))
        best.set(n, { score, origin: o, height: s.boundaries });
    }
  const ranked = [...best].sort((a, b) => b[1].score - a[1].score);
  const [n, top] = ranked[0] ?? [0, null];
  // Six cells at least: a lattice of a few boundaries is weak evidence (one boundary 4.6
  // noise units high had passed for 2 cells of 25 whose edges the blocks' seams took), and
  // against it nearly every lattice is a multiple; the edges of so few cells are found alone.
  if (!top || n < 6 || top.score < 4.5 || len / n < 5) return null;
  // Cells of 8 px on the blocks: their boundaries are the seams, and the phase the seams were
  // taken off at held hardly anything else; what stands after is what was left of them, a
  // lattice of chance (26 columns of 7.96 px, all but one boundary at a seam, read 13; the
  // rows of Plotly's 80×80 at 2×, 8 px, read 79, which a later check refused). Where the cells
  // are not on the blocks the seams stand lower than the cells' boundaries: under 0.4 as high
  // in the fixtures' and the evaluation set's JPEGs but one, 0.88 (Plotly's 64 columns of 6.5 px).
  if (seams >= top.height) return null;
  // Against the lattices that are not its multiples or its parts (those stand lower for
  // their flat middles or their fewer boundaries, as weighed), nor one cell more or less
  // (their boundaries near one end are its): 1.3 times as high, 1.45 for cells under 8 px,
  // whose middles are too near their boundaries to be asked.
  const related = (a: number, b: number) => {
    const [lo, hi] = a < b ? [a, b] : [b, a];
    const k = Math.round(hi / lo);
    return hi - lo <= 1 || (k >= 2 && Math.abs(hi - k * lo) <= 1);
  };
  const fine = len / n < 8;
  const rival = ranked.find(([m]) => m !== n && !related(m, n));
  if (rival && rival[1].score * (fine ? 1.45 : 1.3) > top.score) return null;
  // Cells under 8 px, a whole number of them to each cell of a part of the lattice that stands
  // near as high: their own boundaries (those not the part's) must stand too, half as high as
  // the part's at least (their middles, which would tell, are not asked). 9 columns of 16 px
  // on the blocks had been read as 27, the part's boundaries standing and its thirds not.
  if (fine) {
    const parts = ranked.filter(([m, t]) => m < n && n % m === 0 && t.score * 1.3 >= top.score);
    if (parts.length) {
      // Each boundary's height (its pixels' mean; none where it has no pixel), and the pixels
      // between, as stand weighs them.
      const w = len / n;
      const heights: number[] = [];
      near = nnear = 0;
      for (let k = 1; k < n; k++) {
        on = non = 0;
        place(top.origin + k * w - 0.5);
        heights.push(non ? on / non : Number.NaN);
      }
      const base = (sums[len]! - near) / (len - 4 - nnear);
      for (const [m] of parts) {
        let shared = 0;
        let own = 0;
        heights.forEach((h, i) => {
          if (Number.isNaN(h)) return;
          if ((i + 1) % (n / m) === 0) shared += h;
          else own += h;
        });
        if (own / (n - m) - base < 0.5 * (shared / (m - 1) - base)) return null;
      }
    }
  }
  if (!fine) {
    const s = stand(n, top.origin, true);
    if (!s || s.middles >= 0.5 * s.boundaries) return null;
  }
  // Where its boundaries are: the change taken over three pixels (1, 2, 1), whose middle a
  // boundary's two pixels and a thin line's two sides alike stand highest at. A line drawn
  // between the cells (Vega's grid, seaborn's linewidths) changes the colour on either side
  // of it, not on it: the boundaries had been put on one side, 1.5 px off in 6-px cells.
  const w = len / n;
  const smooth = new Float64Array(len);
  for (let x = 3; x < len - 3; x++) smooth[x] = change[x - 1]! + 2 * change[x]! + change[x + 1]!;
  const height = (b: number) => {
    const x = Math.floor(b);
    const f = b - x;
    return x < 3 || x + 1 >= len - 3 ? 0 : smooth[x]! * (1 - f) + smooth[x + 1]! * f;
  };
  let origin = top.origin;
  let high = -Infinity;
  // Ties go to the origin the boundaries were found at, the nearest to it first.
  const origins = Array.from({ length: 25 }, (_, i) => -3 + i * 0.25).sort(
    (a, b) => Math.abs(a - top.origin) - Math.abs(b - top.origin),
  );
  for (const o of origins) {
    let sum = 0;
    for (let k = 1; k < n; k++) sum += height(o + k * w - 0.5);
    if (sum > high) {
      high = sum;
      origin = o;
    }
  }
  return { n, origin, width: w };
}

export interface Cells {
  readonly rows: number;
  readonly cols: number;
  /** Each cell's colour, row by row, RGB. */
  readonly colors: Uint8Array;
  /** Where the columns and rows lie, from the grid's left and top. */
  readonly xs: Lattice;
  readonly ys: Lattice;
}

/**
 * The cells of a located grid. `text` (strokes(), when text is written over the cells):
 * edges are then looked for only on the lines across that cross no text, the cells' margins
 * above and below their annotations (and beside them), where a stroke cannot pass for an edge.
 */
export function readCells(
  img: Image,
  grid: Box,
  text: Strokes | null = null,
  given: { readonly xs: Lattice | null; readonly ys: Lattice | null } = { xs: null, ys: null },
): Cells {
  const W = grid.x1 - grid.x0;
  const H = grid.y1 - grid.y0;
  // Under text, an edge shows on a sixth of the clear lines at least: a stroke that escaped
  // being told as one (a glyph's neighbour too near) marks a few of them only.
  // A noisy image (a JPEG) rings beside text and edges: an edge must show on more lines.
  const noisy = (img.noise ?? 0) > 0;
  const share = (lines: readonly number[] | null) => (noisy ? 0.5 : lines ? 0.16 : 0.02);
  const along = (vertical: boolean, lines: readonly number[] | null) => {
    const found = lattice(
      vertical ? H : W,
      betweenLines(img, grid, vertical, edges(img, grid, vertical, lines, share(lines))),
      noisy ? 0.15 : 0,
    );
    // A JPEG of cells a few levels apart: their edges found on too few lines (combLattice).
    // Not under text, whose strokes change the colour inside the cells; as many cells as the
    // edges found, their lattice is kept (fitted to edges, not to whole quarters of a pixel).
    const comb = noisy && !text ? combLattice(img, grid, vertical) : null;
    return comb && comb.n !== found.n ? comb : found;
  };
  // Lines drawn between all the cells (seaborn's linewidths) are the surest edges: text that
  // overflows its cell crosses the lines one way (and leaves no line clear of it) but not
  // the lines the other way.
  const ruled = (vertical: boolean): Lattice | null => {
    const seps = separatorLines(img, grid, vertical);
    if (seps.length < 2) return null;
    // Evenly spaced (within 1.5 px), the first and last a cell from the box's ends, within
    // half a cell: the box may end under a frame, or short of an outer row whose cells it
    // took for the page (white text on white lines).
    const width = (seps[seps.length - 1]! - seps[0]!) / (seps.length - 1);
    const origin = seps[0]! - width;
    const len = vertical ? H : W;
    const even = seps.every((x, i) => Math.abs(x - (origin + (i + 1) * width)) <= 1.5);
    const ends =
      Math.abs(origin) <= width / 2 &&
      Math.abs(origin + (seps.length + 1) * width - len) <= width / 2;
    return even && ends ? { n: seps.length + 1, origin, width } : null;
  };
  // Lines between groups of cells, not between all of them (white lines every 24 columns,
  // heatfig's `separators`, matplotlib's axvline): cells of many colours lie between them,
  // and their colour edges a finer lattice the lines fall on (seed-003's 96 columns had been
  // read as the 4 groups). Where text is over the cells its strokes are edges too: not asked.
  const axis = (vertical: boolean): Lattice => {
    const clear = text && clearLines(vertical ? text.perCol : text.perRow);
    const lines = ruled(vertical);
    if (!lines) return along(vertical, clear);
    if (text) return lines;
    const finer = along(vertical, null);
    const onIt = (x: number) => {
      const k = Math.round((x - finer.origin) / finer.width);
      return Math.abs(x - finer.origin - k * finer.width) <= 1.5;
    };
    const seps = Array.from(
      { length: lines.n - 1 },
      (_, i) => lines.origin + (i + 1) * lines.width,
    );
    return finer.n > lines.n && finer.n % lines.n === 0 && seps.every(onIt) ? finer : lines;
  };
  const xs = given.xs ?? axis(false);
  const ys = given.ys ?? axis(true);
  const cols = xs.n;
  const rows = ys.n;
  const colors = new Uint8Array(rows * cols * 3);
  for (let r = 0; r < rows; r++)
    for (let c = 0; c < cols; c++) {
      const inner = offsetsOf(img, innerBox(grid, xs, ys, r, c));
      // The commonest colour: a cell's own (its text, however large, is thin strokes of
      // another), else the median of each channel.
      const top = commonest(img, inner);
      const at = (r * cols + c) * 3;
      if (top.count >= 0.3 * inner.length) {
        colors[at] = top.color >> 16;
        colors[at + 1] = (top.color >> 8) & 255;
        colors[at + 2] = top.color & 255;
      } else
        for (let k = 0; k < 3; k++) {
          const v = inner.map((p) => img.rgb[p + k]!).sort((a, b) => a - b);
          colors[at + k] = v[v.length >> 1]!;
        }
    }
  return { rows, cols, colors, xs, ys };
}

/**
 * The share of cells read that are not one colour: their inner half's two halves (left and
 * right, top and bottom) differ, by the median of each channel, by more than a lossless
 * image's anti-aliasing or a JPEG's ringing (6 levels; 16 in a JPEG), and by more than half
 * as much as the cell differs from its neighbours (ringing beside a strong edge is a fraction
 * of the edge). Where the lattice read is right, a cell's halves are its one colour: 2% of
 * cells at most in 46 PNG and JPEG figures of smooth and random data, 3% of the 64×64 JPEG's
 * 4,096; where it is coarser than the cells drawn, or the image was interpolated (matplotlib's
 * imshow smooths a grid it draws under 3 px a cell), the cells read hold several colours: 7%
 * to 81% in six such reads. In a lossless image, a cell no colour of which covers a third of
 * its inner half is not one colour either, nor in a JPEG one whose inner half's middle 80%
 * spans more than 48 levels of a channel. With text over the cells (`text`), only the
 * lossless test of a colour covering a third is asked (a number's strokes differ from half
 * to half), and nothing of a JPEG (its strokes ring in every cell): 0.
 */
export function unevenCells(img: Image, grid: Box, cells: Cells, text = false): number {
  const { rows, cols, xs, ys, colors } = cells;
  const noisy = (img.noise ?? 0) > 0;
  if (text && noisy) return 0;
  const least = noisy ? 16 : 6;
  // One channel's middle value over a box's pixels.
  const middle = (x0: number, x1: number, y0: number, y1: number, k: number) =>
    middleOf(offsetsOf(img, { x0, x1, y0, y1 }).map((p) => img.rgb[p + k]!));
  const gap = (a: number, b: number) => rgbGap(colors, a * 3, b * 3);
  let uneven = 0;
  for (let r = 0; r < rows; r++)
    for (let c = 0; c < cols; c++) {
      const box = innerBox(grid, xs, ys, r, c);
      const { x0, x1, y0, y1 } = box;
      const inner = offsetsOf(img, box);
      // A lossless image's cell is one colour over most of its inner half; a strip of many
      // cells of noise (a 128×128 of random values read as 123×1) has halves alike, and no
      // colour a third of it. A JPEG's cell, smoothed, is within its ringing over most of its
      // inner half; a cell read over many (an 80×80 JPEG read as one cell) spans much of the
      // colour scale.
      if (!noisy && commonest(img, inner).count < inner.length / 3) {
        uneven++;
        continue;
      }
      if (noisy && spread(img, inner) > 48) {
        uneven++;
        continue;
      }
      if (text) continue;
      const mx = (x0 + x1) >> 1;
      const my = (y0 + y1) >> 1;
      let halves = 0;
      for (let k = 0; k < 3; k++) {
        if (mx > x0 && x1 > mx)
          halves = Math.max(
            halves,
            Math.abs(middle(x0, mx, y0, y1, k) - middle(mx, x1, y0, y1, k)),
          );
        if (my > y0 && y1 > my)
          halves = Math.max(
            halves,
            Math.abs(middle(x0, x1, y0, my, k) - middle(x0, x1, my, y1, k)),
          );
      }
      if (halves <= least) continue;
      const i = r * cols + c;
      let beside = 0;
      if (c > 0) beside = Math.max(beside, gap(i, i - 1));
      if (c + 1 < cols) beside = Math.max(beside, gap(i, i + 1));
      if (r > 0) beside = Math.max(beside, gap(i, i - cols));
      if (r + 1 < rows) beside = Math.max(beside, gap(i, i + cols));
      if (halves > 0.5 * beside) uneven++;
    }
  return uneven / (rows * cols);
}

/**
 * The boundaries between neighbouring columns (`vertical`: rows) read that no row (column)
 * shows an edge at: both cells one colour in every line across (within a level in a lossless
 * image, three noise units in a JPEG), `k` for the boundary after column k. A lattice is
 * fitted to the edges seen; where the cells are of unequal widths (pcolormesh with uneven
 * edges, [0, 1, 3, 4, 7, 8, 10]) every edge lies on the lattice of the narrowest, and a cell
 * three units wide was read as three cells of one value, silently. Equal cells of neighbouring
 * values one colour in every line are what smooth data draws (a field changing a colormap
 * entry every few cells: Plotly's 64×64, 3 to 17 such boundaries), not data whose cells
 * change the colour much from one to the next: only where the boundaries seen change it by
 * 24 levels or more on average (the median boundary's mean over the lines; random values
 * under magma 60 and more, smooth fields 2 to 9) are unseen ones told; else none.
 */
export function unseenBoundaries(cells: Cells, vertical: boolean, noise: number): number[] {
  const { unseen, change } = edgeless(cells, vertical, noise);
  return unseen.length && middleOf(change) >= 24 ? unseen : [];
}

/**
 * The boundaries between neighbouring columns (`vertical`: rows) that no line across shows
 * an edge at (`unseen`, as unseenBoundaries, whatever the data), and the mean change of
 * colour at each of the others (`change`).
 */
export function edgeless(
  cells: Cells,
  vertical: boolean,
  noise: number,
): { unseen: number[]; change: number[] } {
  const { rows, cols, colors } = cells;
  const [n, m] = vertical ? [rows, cols] : [cols, rows];
  const unseen: number[] = [];
  const change: number[] = [];
  if (m < 2) return { unseen, change };
  const tol = noise ? 3 * noise : 1;
  for (let k = 0; k + 1 < n; k++) {
    let sum = 0;
    let same = true;
    for (let j = 0; j < m; j++) {
      const a = vertical ? k * cols + j : j * cols + k;
      const gap = rgbGap(colors, a * 3, (a + (vertical ? cols : 1)) * 3);
      if (gap > tol) same = false;
      sum += gap;
    }
    if (same) unseen.push(k);
    else change.push(sum / m);
  }
  return { unseen, change };
}

/** The inner half of cell (r, c) of a grid's lattices, in pixels (x1, y1 exclusive). */
function innerBox(grid: Box, xs: Lattice, ys: Lattice, r: number, c: number): Box {
  const [x0, x1] = innerHalf(grid.x0, grid.x1, xs, c);
  const [y0, y1] = innerHalf(grid.y0, grid.y1, ys, r);
  return { x0, x1, y0, y1 };
}

/** The byte offsets of a box's pixels, row by row. */
function offsetsOf(img: Image, b: Box): number[] {
  const out: number[] = [];
  for (let y = b.y0; y < b.y1; y++)
    for (let x = b.x0; x < b.x1; x++) out.push((y * img.width + x) * 3);
  return out;
}

/** The widest range of one channel over the middle 80% of the pixels at `offsets` (10th to 90th percentile). */
function spread(img: Image, offsets: readonly number[]): number {
  let widest = 0;
  for (let k = 0; k < 3; k++) {
    const v = offsets.map((p) => img.rgb[p + k]!).sort((a, b) => a - b);
    widest = Math.max(
      widest,
      v[Math.floor(0.9 * (v.length - 1))]! - v[Math.floor(0.1 * (v.length - 1))]!,
    );
  }
  return widest;
}

/** The inner half of cell k of a lattice, in pixels [from, to), within the box's from–to (a cell under a frame shows less). */
function innerHalf(from: number, to: number, l: Lattice, k: number): [number, number] {
  const a = Math.max(from, Math.floor(from + l.origin + (k + 0.25) * l.width));
  return [a, Math.min(to, Math.max(a + 1, Math.ceil(from + l.origin + (k + 0.75) * l.width)))];
}

/**
 * The lattice k times coarser along one axis where the cells read come in runs of k of one
 * colour, the colour changing only from run to run: text over the cells (numbers at seaborn's
 * `font_scale=1.4`, running over the cells' edges) had its strokes taken for edges, and a
 * 5-row grid was read 65 rows, each true row 13 rows of its one colour. Every neighbour within
 * a run as near as a JPEG's noise (8 levels in a PNG, 24 in a JPEG), and half the neighbours
 * across runs or more twice as far as the nearest within them. Null where no k does.
 */
export function coarserLattice(cells: Cells, vertical: boolean, noise: number): Lattice | null {
  const { rows, cols, colors } = cells;
  const [n, across] = vertical ? [rows, cols] : [cols, rows];
  const at = (i: number, j: number) => (vertical ? i * cols + j : j * cols + i) * 3;
  const next = Array.from({ length: n - 1 }, (_, i) => {
    let d = 0;
    for (let j = 0; j < across; j++) d = Math.max(d, rgbGap(colors, at(i, j), at(i + 1, j)));
    return d;
  });
  const near = noise ? 24 : 8;
  for (let k = 2; 2 * k <= n; k++) {
    if (n % k) continue;
    const within = next.filter((_, i) => (i + 1) % k !== 0);
    const across = next.filter((_, i) => (i + 1) % k === 0);
    const most = Math.max(...within);
    if (most > near) continue;
    if (2 * across.filter((d) => d > Math.max(2 * most, near)).length < across.length) continue;
    const l = vertical ? cells.ys : cells.xs;
    return { n: n / k, origin: l.origin, width: l.width * k };
  }
  return null;
}

/**
 * Edges with the lines drawn between cells (seaborn's `linewidths`) as one: the two edges of
 * a line up to 6 px wide, one colour from end to end or between most cells, become its middle
 * (and a blended line's edges on each side of it, its two sides).
 */
function betweenLines(img: Image, box: Box, vertical: boolean, edgesFound: number[]): number[] {
  const across = vertical ? box.x1 - box.x0 : box.y1 - box.y0;
  const uniform = (i: number) => lineColor(img, box, vertical, i).count >= 0.9 * across;
  // A line whose sides blend with the cells beside it is edges a pixel apart on each side of
  // it (239, 240, 241, 242 for a white line at 240): its first and last, where its middle is
  // one colour across, are its two sides.
  const found: number[] = [];
  for (let k = 0; k < edgesFound.length; ) {
    let j = k;
    while (j + 1 < edgesFound.length && edgesFound[j + 1]! - edgesFound[j]! <= 2) j++;
    const [a, b] = [edgesFound[k]!, edgesFound[j]!];
    if (j - k >= 2 && b - a <= 6 && uniform(Math.floor((a + b) / 2))) found.push(a, b);
    else found.push(...edgesFound.slice(k, j + 1));
    k = j + 1;
  }
  // Most edges in such pairs: lines between all the cells (seaborn's linewidths, or its
  // mesh's seams at a high dpi, pale and not one colour), each pair one edge.
  const close = (k: number) => {
    const d = found[k + 1]! - found[k]!;
    return d > 1 && d <= 6;
  };
  // A line's two sides are close, and far nearer each other than either is to the next
  // line's: a close spacing counts as a line's only between spacings 1.6 times as wide at
  // least. Cells themselves 7 px wide or less (a 64×64 imshow in matplotlib's default axes,
  // 5.8 px; seaborn's 80 rows in 539 px, 6.7) have spacings all alike: they are no lines, and
  // their edges paired up had put boundaries in the cells' middles (read 110 for 64).
  const gap = (k: number) => found[k + 1]! - found[k]!;
  const line = (k: number) =>
    close(k) &&
    [k - 1, k + 1].every((j) => j < 0 || j + 1 >= found.length || gap(j) >= 1.6 * gap(k));
  let paired = 0;
  for (let k = 0; k + 1 < found.length; k++) if (line(k)) paired++;
  const lines = found.length >= 4 && 2 * paired >= 0.4 * found.length;
  const out: number[] = [];
  for (let k = 0; k < found.length; k++) {
    const a = found[k]!;
    const b = found[k + 1];
    if (b !== undefined && close(k) && (lines || uniform(Math.floor((a + b) / 2)))) {
      out.push((a + b) / 2);
      k++;
    } else out.push(a);
  }
  return out;
}

/**
 * The lines drawn between cells along an axis (seaborn's `linewidths`), at their middles:
 * runs of at most 6 lines across the box, each one colour on 85% of its length or more,
 * all runs the same colour, between lines that are not. None when the box has no such lines
 * (a line of cells of one colour is a cell long, not a few pixels).
 */
function separatorLines(img: Image, box: Box, vertical: boolean): number[] {
  const len = vertical ? box.y1 - box.y0 : box.x1 - box.x0;
  const across = vertical ? box.x1 - box.x0 : box.y1 - box.y0;
  const colorOf = new Int32Array(len).fill(-1);
  for (let i = 0; i < len; i++) {
    const c = lineColor(img, box, vertical, i);
    if (c.count >= 0.85 * across) colorOf[i] = c.color;
  }
  const out: number[] = [];
  let color = -1;
  for (let i = 0; i < len; ) {
    if (colorOf[i] === -1) {
      i++;
      continue;
    }
    let j = i;
    while (j + 1 < len && colorOf[j + 1] === colorOf[i]) j++;
    // Within the box, not at its ends (a frame), a few lines thick, one colour for all.
    if (i > 2 && j < len - 3 && j - i < 6) {
      if (color !== -1 && colorOf[i] !== color) return [];
      color = colorOf[i]!;
      out.push((i + j + 1) / 2);
    }
    i = j + 1;
  }
  return out;
}

/** Thin strokes over a box (the text of annotations): how many on each line, and where text is. */
export interface Strokes {
  readonly box: Box;
  /** Stroke pixels (of text or of lines) on each row of the box, and on each column. */
  readonly perRow: Uint32Array;
  readonly perCol: Uint32Array;
  /** Tiles holding text's two kinds of stroke, of all the box's tiles. */
  readonly tiles: number;
  readonly of: number;
}

/** Tiles in which text is told from lines: this many pixels square. */
const TILE = 8;

/**
 * The pixels of text's thin strokes in a box. A stroke pixel is far (more than 60 in a
 * channel) from the pixels k to either side (k = 2, 3 or 4), which are like each other: a
 * cell's own colour both sides of a stroke up to 7 px wide, across it (an upright stroke) or
 * along it (a level one). Text has both within a few pixels (every numeral's curves and bars,
 * a decimal point); a line between cells (seaborn's linewidths, or the pale seams its mesh
 * leaves at high dpi) has one kind along its length, so only the strokes in tiles holding
 * both kinds are text. The single step between two cells is no stroke.
 */
export function strokes(img: Image, box: Box): Strokes {
  const W = box.x1 - box.x0;
  const H = box.y1 - box.y0;
  // Stroke pixels (of text or of lines) on each line: lines clear of text are told by every
  // stroke pixel (a stroke's rim in a tile of one kind is text too; a line between cells is
  // on every line alike, and the clearest has it).
  const perRow = new Uint32Array(H);
  const perCol = new Uint32Array(W);
  // Far from both neighbours, which are like each other.
  const alike = 10 + (img.noise ?? 0);
  const across = (p: number, a: number, b: number) =>
    pixelGap(img, a, b) <= alike && pixelGap(img, p, a) > 60 && pixelGap(img, p, b) > 60;
  const row = img.width * 3;
  const TW = Math.ceil(W / TILE);
  const tiles = new Uint8Array(TW * Math.ceil(H / TILE));
  for (let y = 0; y < H; y++)
    for (let x = 0; x < W; x++) {
      const p = ((box.y0 + y) * img.width + box.x0 + x) * 3;
      // 1: an upright stroke's pixel, 2: a level stroke's.
      let k1 = 0;
      for (let k = 2; k <= 4; k++) {
        if (!(k1 & 1) && x >= k && x + k < W && across(p, p - 3 * k, p + 3 * k)) k1 |= 1;
        if (!(k1 & 2) && y >= k && y + k < H && across(p, p - k * row, p + k * row)) k1 |= 2;
      }
      if (k1) {
        tiles[Math.floor(y / TILE) * TW + Math.floor(x / TILE)]! |= k1;
        perRow[y]!++;
        perCol[x]!++;
      }
    }
  let textTiles = 0;
  for (const t of tiles) if (t === 3) textTiles++;
  return { box, perRow, perCol, tiles: textTiles, of: tiles.length };
}

/**
 * The lines clear of text: those with no more strokes than the clearest line has, and one
 * more (a line between cells of nearly one colour can look like a stroke on every line).
 */
export function clearLines(per: Uint32Array): number[] {
  let least = Infinity;
  for (const n of per) least = Math.min(least, n);
  const out: number[] = [];
  per.forEach((n, j) => {
    if (n <= least + 1) out.push(j);
  });
  return out;
}

/** Whether text is written over the grid (annotations): on 1% of its tiles or more, and three at least. */
export function textOverGrid(text: Strokes): boolean {
  return text.tiles >= Math.max(3, 0.01 * text.of);
}

/**
 * The cells of one axis from its tick marks, when there is one at every cell: evenly spaced
 * (within 1.5 px), both of the box's ends on boundaries of the marks' cells (within 4 px: lines between cells). The
 * grid then reaches half a spacing past the first and the last mark, though cells there have
 * the page's own colour (white, or missing) and the box stopped short of them. The axis's new
 * start and end in image pixels, and its lattice from that start; null otherwise (a mark
 * every few cells, as matplotlib's `imshow` and a long seaborn axis put them).
 */
export function tickLattice(
  all: readonly number[],
  start: number,
  end: number,
  limit: number,
): { start: number; end: number; lattice: Lattice } | null {
  // The longest run of evenly spaced marks (within 1.5 px) along the box:
  // marks elsewhere on the side (a colorbar's labels, an axis title) are not the grid's. One
  // or two marks may be missing between two over the box (hidden under a number that runs
  // past its cell; a JPEG's grey marks 6 px apart blurred into the page).
  let chain: number[] = [];
  let chainAt: number[] = [];
  for (let k = 0; k + 1 < all.length; k++) {
    const run = [all[k]!, all[k + 1]!];
    // Each mark's cell, counted from the first.
    const at = [0, 1];
    for (let j = k + 2; j < all.length; j++) {
      // The spacing so far (marks are whole or half pixels: a first gap of 47 for 46.6).
      const gap = (run[run.length - 1]! - run[0]!) / at[at.length - 1]!;
      const m = Math.round((all[j]! - run[0]!) / gap);
      const step = m - at[at.length - 1]!;
      if (step < 1 || step > 3 || Math.abs(all[j]! - (run[0]! + m * gap)) > 1.5) break;
      // Marks missing only over the box (beyond it, the next mark is another thing's).
      const skipped = run[0]! + (at[at.length - 1]! + 1) * gap;
      if (step > 1 && (skipped < start || run[0]! + (m - 1) * gap >= end)) break;
      run.push(all[j]!);
      at.push(m);
    }
    if (run.length > chain.length && run[0]! < end && run[run.length - 1]! >= start) {
      chain = run;
      chainAt = at;
    }
  }
  const marks = chain;
  if (marks.length < 2) return null;
  const first = marks[0]!;
  const last = marks[marks.length - 1]!;
  const cells = chainAt[chainAt.length - 1]! + 1;
  const s = (last - first) / (cells - 1);
  if (s < 3 || marks.some((m, i) => Math.abs(m - (first + chainAt[i]! * s)) > 1.5)) return null;
  const lo = first - s / 2;
  const hi = last + s / 2 + 1;
  // The box's ends on boundaries of the marks' cells (a mark every k cells puts its cells'
  // boundaries half a cell off the box's), within a pixel at least: a mark drawn between two
  // pixels darkens either (Vega's, 4 px apart, were a pixel off the box's ends).
  const on = (v: number) => {
    const k = (v - lo) / s;
    return Math.abs(k - Math.round(k)) * s <= Math.min(4, Math.max(1, s / 8));
  };
  // Both ends: a box that ends inside a mark's cell is not these marks' cells' (one mark
  // every few cells, whose lattice an end meets by chance), unless near the marks' outer
  // end, short of it (a JPEG's palest outer cells lost in part to the page). Past it, the box
  // holds cells the marks are not at: seaborn's crowded row labels turned up, with no marks
  // (its dark and bmh styles), each with an l's stroke level at the grid's side, had passed
  // for marks 9.5 px off the rows' centres, and the rows' labels been read a row off.
  if (
    !(on(start) || (start >= lo - 1 && start - lo <= s / 5)) ||
    !(on(end - 1) || (end <= hi + 1 && hi - end <= s / 5))
  )
    return null;
  // The box may reach past the marks' cells (by a frame's width), not by a cell; unless the
  // marks are a run of a lattice that tiles the box, both its ends on the lattice's
  // boundaries, four marks or more over half the box or more: a JPEG's grey marks blur, and
  // some are not found (Vega's axis at quality 75: 9 of 12, 8 in one run; its rows were read
  // 6 for 12 by their blurred edges). A mark every few cells has the box's ends half a cell
  // off its cells'.
  if (start < lo - s / 2 || end > hi + s / 2) {
    const exactly = (v: number) =>
      Math.abs((v - lo) / s - Math.round((v - lo) / s)) * s <= Math.min(2, s / 8);
    if (marks.length < 4 || hi - lo < (end - start) / 2 || !exactly(start) || !exactly(end - 1))
      return null;
    const n = Math.round((end - start) / s);
    return { start, end, lattice: { n, origin: 0, width: (end - start) / n } };
  }
  // Marks are drawn on whole pixels, up to one from their cells' centres; where the box's
  // edges are the cells' own (within 2 px of the marks' both ends), they are exact: the
  // cells share the box evenly. (A 72-dpi seaborn grid's first mark is a pixel left of its
  // cell's centre: the marks' lattice began a pixel before the cells, into the white.)
  const near = Math.min(2, s / 8);
  if (Math.abs(start - lo) <= near && Math.abs(end - hi) <= near)
    return { start, end, lattice: { n: cells, origin: 0, width: (end - start) / cells } };
  const from = Math.max(0, Math.min(start, Math.round(lo)));
  const to = Math.min(limit, Math.max(end, Math.round(hi)));
  return { start: from, end: to, lattice: { n: cells, origin: lo - from, width: s } };
}
