import { bytesFromHex } from '../../util/hex.ts';
import type { TextPrimitive } from '../../scene/types.ts';
import { DEJAVU_SANS_GLYPHS } from '../../text/dejavu-glyphs.ts';
import { DEJAVU_SANS } from '../../text/dejavu-metrics.ts';
import { dejavuSansMeasurer } from '../../text/measure.ts';
import { textStart } from '../../scene/text.ts';

/**
 * Annotations in PNGs, drawn by stamping. A figure's thousands of annotations use a dozen
 * glyphs; each glyph is rasterised once per quarter-pixel position into an atlas (an SVG the
 * caller draws with the same renderer as the figure), and every annotation is then copied in
 * glyph by glyph with the atlas coverage as its alpha, in its own colour. Glyph positions are
 * the layout's (advances and kerning), rounded to a quarter of a device pixel: the result
 * differs from drawing each text in place only along glyph edges, by that quarter pixel.
 */

/** Sub-pixel positions per device pixel, each way. */
const PHASES = 4;
const PAD = 2;

export interface StampPlan {
  /** The atlas to rasterise (transparent background, black glyphs), at 1 device px per unit. */
  readonly svg: string;
  readonly width: number;
  readonly height: number;
  /** Per atlas tile: x, y, width, height in the atlas. */
  readonly tiles: Int32Array;
  /** Per glyph drawn: its tile, and where the tile's top-left lands on the canvas. */
  readonly stamps: Int32Array;
  /** Per glyph drawn: its RGB colour. */
  readonly colors: Uint8Array;
}

/** True if a text can be stamped: unrotated, and every character has an outline. */
export function stampable(p: TextPrimitive): boolean {
  if (p.rotate !== 0 || p.bold) return false;
  for (let i = 0; i < p.text.length; i++) {
    const ch = p.text[i]!;
    if (ch !== ' ' && DEJAVU_SANS_GLYPHS[ch] === undefined) return false;
  }
  return true;
}

interface Tile {
  x: number;
  y: number;
  readonly w: number;
  readonly h: number;
  /** From the tile's top-left to the glyph origin's whole device pixel. */
  readonly ox: number;
  readonly oy: number;
  readonly ch: string;
  readonly kx: number;
  readonly ky: number;
  readonly qx: number;
  readonly qy: number;
  readonly index: number;
}

/**
 * Plans the stamps of `texts` on a canvas drawn at `zx` × `zy` device px per CSS px (resvg
 * scales to whole pixels, so the two can differ a little): the atlas
 * SVG, its tiles, and per glyph its tile, position and colour.
 */
export function planStamps(texts: readonly TextPrimitive[], zx: number, zy: number): StampPlan {
  const m = dejavuSansMeasurer();
  // Tile of (size, printable ASCII character, phase x, phase y), as index + 1.
  const bySize = new Map<number, Int32Array>();
  const order: Tile[] = [];
  const rgbOf = new Map<string, readonly [number, number, number]>();
  const offsetsOf = new Map<string, number[]>();
  let glyphs = 0;
  for (let t = 0; t < texts.length; t++) glyphs += texts[t]!.text.length;
  const stamps = new Int32Array(glyphs * 3);
  const colors = new Uint8Array(glyphs * 3);
  let n = 0;
  for (let t = 0; t < texts.length; t++) {
    const p = texts[t]!;
    if (!stampable(p)) throw new Error(`planStamps: cannot stamp ${JSON.stringify(p.text)}`);
    const start = textStart(p);
    // Annotations repeat: each distinct text is measured once.
    const measured = `${p.size} ${p.text}`;
    let offsets = offsetsOf.get(measured);
    if (!offsets) {
      offsets = m.offsets(p.text, p.size);
      offsetsOf.set(measured, offsets);
    }
    let rgb = rgbOf.get(p.fill);
    if (rgb === undefined) {
      rgb = bytesFromHex(p.fill);
      rgbOf.set(p.fill, rgb);
    }
    let table = bySize.get(p.size);
    if (!table) {
      table = new Int32Array(95 * PHASES * PHASES);
      bySize.set(p.size, table);
    }
    const gy = p.y * zy;
    let iy = Math.floor(gy);
    let qy = Math.round((gy - iy) * PHASES);
    if (qy === PHASES) {
      iy++;
      qy = 0;
    }
    // stampable() texts are ASCII: one code unit per character, as offsets counts them.
    for (let at = 0; at < p.text.length; at++) {
      const code = p.text.charCodeAt(at);
      if (code === 32) continue;
      const gx = (start + offsets[at]!) * zx;
      let ix = Math.floor(gx);
      let qx = Math.round((gx - ix) * PHASES);
      if (qx === PHASES) {
        ix++;
        qx = 0;
      }
      const slot = ((code - 32) * PHASES + qx) * PHASES + qy;
      let index = table[slot]! - 1;
      if (index < 0) {
        index = order.length;
        order.push(newTile(p, p.text[at]!, zx, zy, qx, qy, index));
        table[slot] = index + 1;
      }
      const tile = order[index]!;
      stamps[n * 3] = index;
      stamps[n * 3 + 1] = ix - tile.ox;
      stamps[n * 3 + 2] = iy - tile.oy;
      colors[n * 3] = rgb[0];
      colors[n * 3 + 1] = rgb[1];
      colors[n * 3 + 2] = rgb[2];
      n++;
    }
  }
  const { svg, width, height } = atlas(order);
  const rects = new Int32Array(order.length * 4);
  for (const t of order) rects.set([t.x, t.y, t.w, t.h], t.index * 4);
  return {
    svg,
    width,
    height,
    tiles: rects,
    stamps: stamps.subarray(0, n * 3),
    colors: colors.subarray(0, n * 3),
  };
}

/** A tile for one character at a text's size and a sub-pixel phase: room for its glyph, and where its origin sits. */
function newTile(
  p: TextPrimitive,
  ch: string,
  zx: number,
  zy: number,
  qx: number,
  qy: number,
  index: number,
): Tile {
  const m = dejavuSansMeasurer();
  const upm = DEJAVU_SANS.unitsPerEm;
  const em = p.size * Math.max(zx, zy);
  const advance = (m.width(ch, p.size) * zx) | 0;
  const ox = Math.ceil(0.2 * em) + PAD;
  const oy = Math.ceil(m.ascent * em) + PAD;
  return {
    x: 0,
    y: 0,
    w: ox + advance + Math.ceil(0.3 * em) + PAD,
    h: oy + Math.ceil(m.descent * em) + PAD + 1,
    ox,
    oy,
    ch,
    kx: (p.size * zx) / upm,
    ky: (p.size * zy) / upm,
    qx,
    qy,
    index,
  };
}

/**
 * The atlas: its tiles packed on shelves up to 1024 px wide (their x and y set), and the SVG
 * that draws each tile's glyph at its size and sub-pixel phase.
 */
function atlas(order: Tile[]): { svg: string; width: number; height: number } {
  let x = 0;
  let y = 0;
  let shelf = 0;
  let width = 1;
  for (const tile of order) {
    if (x + tile.w > 1024 && x > 0) {
      y += shelf;
      x = 0;
      shelf = 0;
    }
    tile.x = x;
    tile.y = y;
    x += tile.w;
    shelf = Math.max(shelf, tile.h);
    width = Math.max(width, x);
  }
  const height = Math.max(1, y + shelf);
  const used = [...new Set(order.map((t) => t.ch))].sort();
  const id = (ch: string) => `g${ch.codePointAt(0)}`;
  const svg =
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">` +
    `<defs>${used.map((ch) => `<path id="${id(ch)}" d="${DEJAVU_SANS_GLYPHS[ch]}"/>`).join('')}</defs>` +
    order
      .map(
        (t) =>
          `<use href="#${id(t.ch)}" transform="translate(${t.x + t.ox + t.qx / PHASES} ${t.y + t.oy + t.qy / PHASES}) scale(${t.kx} ${-t.ky})"/>`,
      )
      .join('') +
    '</svg>';
  return { svg, width, height };
}

/** ⌊x / 255⌋ for 0 ≤ x < 65536, in integers. */
const div255 = (x: number) => (x + 1 + (x >> 8)) >> 8;

/**
 * Copies the planned glyphs onto an RGBA canvas (pixel (x, y) at `offset + y * stride + x * 4`):
 * each pixel moves towards the glyph's colour by the atlas coverage (alpha), as a renderer
 * blends an anti-aliased fill.
 */
export function applyStamps(
  dst: Uint8Array,
  width: number,
  height: number,
  plan: StampPlan,
  atlas: Uint8Array,
  stride = width * 4,
  offset = 0,
): void {
  // Each tile as the list of its inked pixels, read once from the atlas: most of a tile is
  // empty margin. Per pixel: x, y within the tile, and coverage.
  const T = plan.tiles;
  const tiles = T.length / 4;
  const start = new Int32Array(tiles + 1);
  const xs: number[] = [];
  const ys: number[] = [];
  const covs: number[] = [];
  const bounds = new Int32Array(tiles * 4);
  for (let t = 0; t < tiles; t++) {
    const [tx, ty, tw, th] = [T[t * 4]!, T[t * 4 + 1]!, T[t * 4 + 2]!, T[t * 4 + 3]!];
    let x0 = tw;
    let y0 = th;
    let x1 = -1;
    let y1 = -1;
    for (let y = 0; y < th; y++) {
      for (let x = 0; x < tw; x++) {
        const cov = atlas[((ty + y) * plan.width + tx + x) * 4 + 3]!;
        if (cov === 0) continue;
        xs.push(x);
        ys.push(y);
        covs.push(cov);
        x0 = Math.min(x0, x);
        x1 = Math.max(x1, x);
        y0 = Math.min(y0, y);
        y1 = Math.max(y1, y);
      }
    }
    start[t + 1] = xs.length;
    bounds.set([x0, y0, x1, y1], t * 4);
  }
  const px = Int32Array.from(xs);
  const py = Int32Array.from(ys);
  const pc = Uint8Array.from(covs);
  const s = plan.stamps;
  const colors = plan.colors;
  for (let i = 0; i < s.length; i += 3) {
    const t = s[i]!;
    const dx = s[i + 1]!;
    const dy = s[i + 2]!;
    const r = colors[i]!;
    const g = colors[i + 1]!;
    const b = colors[i + 2]!;
    const inside =
      dx + bounds[t * 4]! >= 0 &&
      dy + bounds[t * 4 + 1]! >= 0 &&
      dx + bounds[t * 4 + 2]! < width &&
      dy + bounds[t * 4 + 3]! < height;
    const base = offset + dy * stride + dx * 4;
    for (let k = start[t]!; k < start[t + 1]!; k++) {
      if (!inside) {
        const x = dx + px[k]!;
        const y = dy + py[k]!;
        if (x < 0 || y < 0 || x >= width || y >= height) continue;
      }
      const d = base + py[k]! * stride + px[k]! * 4;
      const cov = pc[k]!;
      if (cov === 255) {
        dst[d] = r;
        dst[d + 1] = g;
        dst[d + 2] = b;
        continue;
      }
      const keep = 255 - cov;
      dst[d] = div255(r * cov + dst[d]! * keep + 127);
      dst[d + 1] = div255(g * cov + dst[d + 1]! * keep + 127);
      dst[d + 2] = div255(b * cov + dst[d + 2]! * keep + 127);
    }
  }
}
