import { createRequire } from 'node:module';
import * as zlib from 'node:zlib';
import type { ResvgRenderOptions } from '@resvg/resvg-js';
import type {
  ImagePrimitive,
  Primitive,
  RectPrimitive,
  Scene,
  TextPrimitive,
} from '../../scene/types.ts';
import { bytesFromHex } from '../../util/hex.ts';
import { textBox } from '../../scene/text.ts';
import { FONT_FILE } from '../../text/shipped-font.ts';
import { glyphDefs, glyphRun, hasGlyphs } from './glyphs.ts';
import { deflateInParts } from './deflate.ts';
import { type Crc32, pngFile } from './encode.ts';
import { applyStamps, planStamps, stampable } from './stamp.ts';
import { num, renderSvg } from '../svg.ts';
import { maxOf, minOf } from '../../util/extent.ts';

const require = createRequire(import.meta.url);

interface RenderedImage {
  readonly width: number;
  readonly height: number;
  readonly pixels: Buffer;
}
type Draw = (svg: string, options: ResvgRenderOptions) => RenderedImage;

/**
 * resvg: a new Resvg(svg, options).render(). On glibc Linux the native class of its platform
 * package is used directly (it takes the options as JSON, as @resvg/resvg-js passes them):
 * that package's loader first asks whether libc is musl through process.report, 4–10 ms
 * of every PNG. Elsewhere, or if that fails (musl), @resvg/resvg-js decides.
 */
const resvg: Draw = (() => {
  if (process.platform === 'linux') {
    try {
      const native = require(`@resvg/resvg-js-linux-${process.arch}-gnu`) as {
        Resvg: new (svg: string, options: string) => { render(): RenderedImage };
      };
      return (svg, options) => new native.Resvg(svg, JSON.stringify(options)).render();
    } catch {
      // musl, or no such package: the generic loader below.
    }
  }
  const { Resvg } = require('@resvg/resvg-js') as typeof import('@resvg/resvg-js');
  return (svg, options) => new Resvg(svg, options).render();
})();

export interface PngOptions {
  /** Device pixels per CSS px. Default 2. */
  readonly scale?: number;
  /**
   * The resolution written in the file's pHYs chunk, in dots per inch. Default 96 × scale:
   * the figure opens at its size (96 CSS px to the inch) in LaTeX, Word and viewers.
   */
  readonly dpi?: number;
  /**
   * Fill cells and stamp annotations directly into the pixels (default true) rather than
   * have resvg draw thousands of them: the same cells pixel for pixel, the same annotations
   * but for a quarter pixel along glyph edges, and several times faster on annotated grids.
   * false has resvg draw everything (the reference the tests hold the fast path to).
   */
  readonly direct?: boolean;
  /**
   * Stamp annotations from this many on (default 100). Below it resvg draws them as glyph
   * outlines, which costs less than making the atlas: about 4 ms less for a 5×5 grid.
   */
  readonly stampFrom?: number;
  /** zlib level of the PNG. Default 3 (figures: within 1% of 4's size, a quarter faster), 1 when the cells are an image. */
  readonly level?: number;
}

/**
 * Where pixels live: RGBA bytes of pixel (x, y) at `offset + y * stride + x * 4`. The PNG's
 * own row layout (a filter byte before each row) is a canvas, so drawing into it leaves
 * nothing to copy before compressing.
 */
interface Canvas {
  readonly data: Uint8Array;
  readonly width: number;
  readonly height: number;
  readonly stride: number;
  readonly offset: number;
}

/** A device-pixel rectangle [x0, x1) × [y0, y1). */
type Box = readonly [x0: number, y0: number, x1: number, y1: number];

/**
 * Draws a scene as PNG bytes. resvg draws the vector parts (text, lines, colorbar) with only
 * the shipped font loaded. Cells are filled and annotations stamped here (see `direct`), and
 * cell images copied in pixel for pixel (nearest neighbour, exact colours, no smoothing).
 * When those cover a block that nothing else is drawn over, resvg draws only the strips
 * around it, straight into the PNG's rows, which zlib then compresses.
 */
export async function renderPng(scene: Scene, options: PngOptions = {}): Promise<Uint8Array> {
  const scale = options.scale ?? 2;
  const direct = options.direct !== false;
  // Annotations are stamped from a glyph atlas (render/stamp.ts): drawn last, as in the
  // scene, where only the cells and lines under them come before.
  // Fonts of the user's: resvg draws every text with them (the glyph outlines and atlas are
  // DejaVu Sans's).
  const ownFonts = (scene.fonts?.length ?? 0) > 0;
  const candidates =
    direct && !ownFonts
      ? scene.primitives.filter(
          (p): p is TextPrimitive => p.type === 'text' && p.role === 'annot' && stampable(p),
        )
      : [];
  const annots = candidates.length >= (options.stampFrom ?? 100) ? candidates : [];
  // Cells are filled and cell images copied here when nothing else is drawn over the block
  // they cover (no cell lines, separators or annotations left to resvg); else resvg draws
  // them in order with the rest.
  const cells = scene.primitives.filter(
    (p): p is RectPrimitive => p.type === 'rect' && p.role === 'cell',
  );
  const images = scene.primitives.filter(
    (p): p is ImagePrimitive => p.type === 'image' && p.role === 'cells',
  );
  const stamped = new Set<Primitive>(annots);
  const block = direct ? blockOf([...cells, ...images], scale) : null;
  const clear =
    block !== null &&
    !scene.primitives.some(
      (p) =>
        p.role !== 'background' &&
        p.role !== 'cell' &&
        p.role !== 'cells' &&
        !stamped.has(p) &&
        overlaps(deviceBox(p, scale), block),
    );
  const mine = new Set<Primitive>([...annots, ...(clear ? [...cells, ...images] : [])]);
  const rest = scene.primitives.filter((p) => !mine.has(p));
  const svg = renderSvg(mine.size ? { ...scene, primitives: rest } : scene, {
    imageRendering: 'resvg',
    ...(ownFonts ? {} : { glyphs: { has: hasGlyphs, run: glyphRun, defs: glyphDefs } }),
  });
  const canvas =
    (clear && block && drawAround(svg, scene, rest, block, scale)) || drawWhole(svg, scene, scale);
  // resvg scales the scene to whole pixels: these are its factors, a hair off `scale`.
  const sx = canvas.width / scene.width;
  const sy = canvas.height / scene.height;
  if (clear) {
    fillRects(canvas, cells, sx, sy);
    for (const p of images) blit(canvas, p, sx, sy);
  }
  if (annots.length) {
    const plan = planStamps(annots, sx, sy);
    const atlas = draw(plan.svg, {}, scene).pixels;
    applyStamps(
      canvas.data,
      canvas.width,
      canvas.height,
      plan,
      atlas,
      canvas.stride,
      canvas.offset,
    );
  }
  // Figures whose cells are an image are mostly those pixels: zlib level 1 writes them a
  // third faster than 4 for a file about a fifth larger. Otherwise 3: on an annotated 50×50
  // figure it deflates in 28 ms to 1.118 MB where 4 takes 38 ms for 1.110 MB and 6 60 ms.
  const level = options.level ?? (images.length ? 1 : 3);
  const compressed = await deflateInParts(canvas.data, level);
  // RGBA rows (no per-pixel repacking; the constant alpha costs nothing compressed), in the
  // core's PNG container.
  const dpi = options.dpi ?? 96 * scale;
  return pngFile(canvas.data, canvas.width, canvas.height, 6, () => compressed, nodeCrc32, dpi);
}

/** The device-pixel box the cells (rects or images) cover, or null when there are none. */
function blockOf(covered: readonly (RectPrimitive | ImagePrimitive)[], scale: number): Box | null {
  if (!covered.length) return null;
  let x0 = Infinity;
  let y0 = Infinity;
  let x1 = -Infinity;
  let y1 = -Infinity;
  for (const p of covered) {
    x0 = Math.min(x0, Math.round(p.x * scale));
    y0 = Math.min(y0, Math.round(p.y * scale));
    x1 = Math.max(x1, Math.round((p.x + p.w) * scale));
    y1 = Math.max(y1, Math.round((p.y + p.h) * scale));
  }
  return x1 > x0 && y1 > y0 ? [x0, y0, x1, y1] : null;
}

/** A canvas in the PNG's row layout: a filter byte (0, none) before each row of RGBA. */
function pngRows(width: number, height: number): Canvas {
  return {
    data: new Uint8Array((width * 4 + 1) * height),
    width,
    height,
    stride: width * 4 + 1,
    offset: 1,
  };
}

/** Copies resvg's pixels into the canvas with their top-left at (x, y). */
function copyIn(
  canvas: Canvas,
  pixels: Uint8Array,
  w: number,
  h: number,
  x: number,
  y: number,
): void {
  for (let r = 0; r < h; r++)
    canvas.data.set(
      pixels.subarray(r * w * 4, (r + 1) * w * 4),
      canvas.offset + (y + r) * canvas.stride + x * 4,
    );
}

/** resvg draws the whole figure. */
function drawWhole(svg: string, scene: Scene, scale: number): Canvas {
  const img = draw(svg, { fitTo: { mode: 'zoom', value: scale } }, scene);
  const canvas = pngRows(img.width, img.height);
  copyIn(canvas, img.pixels, img.width, img.height, 0, 0);
  return canvas;
}

/**
 * resvg draws only around the block the cells cover (nothing else is drawn over it), or null
 * when that cannot be done exactly (a scale other than a power of two, so that a strip's
 * offset would not be exact; a canvas of fractional size) or would not pay (a block under a
 * million pixels).
 */
function drawAround(
  svg: string,
  scene: Scene,
  rest: readonly Primitive[],
  block: Box,
  scale: number,
): Canvas | null {
  if (Math.log2(scale) % 1 !== 0) return null;
  const width = Number(num(scene.width)) * scale;
  const height = Number(num(scene.height)) * scale;
  if (!Number.isInteger(width) || !Number.isInteger(height)) return null;
  const x0 = Math.max(0, block[0]);
  const y0 = Math.max(0, block[1]);
  const x1 = Math.min(width, block[2]);
  const y1 = Math.min(height, block[3]);
  // Each strip costs resvg a parse and a font load (~2 ms): worth it for a large block only.
  if (x1 <= x0 || y1 <= y0 || (x1 - x0) * (y1 - y0) < 1_000_000) return null;
  const hole: Box = [x0, y0, x1, y1];
  const background = rest.find((p) => p.type === 'rect' && p.role === 'background') as
    | RectPrimitive
    | undefined;
  if (!background || !/^#[0-9a-f]{6}$/i.test(background.fill)) return null;
  const canvas = pngRows(width, height);
  const strips: Box[] = [
    [0, 0, width, y0],
    [0, y1, width, height],
    [0, y0, x0, y1],
    [x1, y0, width, y1],
  ];
  const head = /^<svg [^>]*>/.exec(svg);
  if (!head) return null;
  const body = svg.slice(head[0].length);
  for (const [a, b, c, d] of strips) {
    if (c <= a || d <= b) continue;
    // The same drawing through a window: the strip's size in CSS px, its viewBox offset exact
    // (a power-of-two scale divides device pixels exactly).
    const w = (c - a) / scale;
    const h = (d - b) / scale;
    const root = head[0]
      .replace(/ width="[^"]*"/, ` width="${w}"`)
      .replace(/ height="[^"]*"/, ` height="${h}"`)
      .replace(/ viewBox="[^"]*"/, ` viewBox="${a / scale} ${b / scale} ${w} ${h}"`);
    const img = draw(root + body, { fitTo: { mode: 'zoom', value: scale } }, scene);
    if (img.width !== c - a || img.height !== d - b) return null;
    copyIn(canvas, img.pixels, img.width, img.height, a, b);
  }
  fillBox(canvas, hole, packColor(background.fill));
  return canvas;
}

/**
 * The device pixels a primitive can touch: its geometry (butt-capped strokes, text boxes with
 * a pixel to spare for glyphs that overhang their advance), rounded out to whole pixels.
 */
function deviceBox(p: Primitive, scale: number): Box {
  let x0: number;
  let y0: number;
  let x1: number;
  let y1: number;
  let spare = 0;
  switch (p.type) {
    case 'rect':
    case 'image':
      [x0, y0, x1, y1] = [p.x, p.y, p.x + p.w, p.y + p.h];
      break;
    case 'text': {
      const b = textBox(p);
      [x0, y0, x1, y1] = [b.x, b.y, b.x + b.w, b.y + b.h];
      spare = 1;
      break;
    }
    case 'line': {
      // Butt caps: an axis-aligned line ends where it ends; a slanted one, within half its width.
      const r = p.width / 2;
      const rx = p.y1 === p.y2 ? 0 : r;
      const ry = p.x1 === p.x2 ? 0 : r;
      [x0, y0] = [Math.min(p.x1, p.x2) - rx, Math.min(p.y1, p.y2) - ry];
      [x1, y1] = [Math.max(p.x1, p.x2) + rx, Math.max(p.y1, p.y2) + ry];
      break;
    }
    case 'polygon': {
      // Mitred joins can reach further than half the stroke: allow the whole width.
      const r = p.stroke ? p.width : 0;
      const xs = p.points.map((q) => q[0]);
      const ys = p.points.map((q) => q[1]);
      [x0, y0] = [minOf(xs) - r, minOf(ys) - r];
      [x1, y1] = [maxOf(xs) + r, maxOf(ys) + r];
      spare = 1;
      break;
    }
  }
  return [
    Math.floor(x0 * scale) - spare,
    Math.floor(y0 * scale) - spare,
    Math.ceil(x1 * scale) + spare,
    Math.ceil(y1 * scale) + spare,
  ];
}

const overlaps = (a: Box, b: Box) => a[0] < b[2] && b[0] < a[2] && a[1] < b[3] && b[1] < a[3];

/** `#rrggbb` as opaque RGBA bytes. */
function packColor(hex: string): Uint8Array {
  return Uint8Array.of(...bytesFromHex(hex), 255);
}

/**
 * Fills a box with one colour: its first row by doubling copies of one pixel, the other rows
 * copied from it (the canvas rows are not 4-byte aligned, so no 32-bit fill).
 */
function fillBox(canvas: Canvas, [x0, y0, x1, y1]: Box, rgba: Uint8Array): void {
  if (x1 <= x0 || y1 <= y0) return;
  const { data, stride, offset } = canvas;
  const n = (x1 - x0) * 4;
  const first = offset + y0 * stride + x0 * 4;
  data.set(rgba, first);
  for (let filled = 4; filled < n; filled *= 2)
    data.copyWithin(first + filled, first, first + Math.min(filled, n - filled));
  for (let y = y0 + 1; y < y1; y++) data.copyWithin(first + (y - y0) * stride, first, first + n);
}

/**
 * resvg with only the shipped font, crisp shapes and nearest-neighbour images. Text drawn as
 * glyph outlines needs no font: it is loaded only for an SVG with `<text>` left in it.
 */
function draw(svg: string, options: ResvgRenderOptions, scene: Scene) {
  const own = scene.fonts ?? [];
  const fontFiles = svg.includes('<text') ? [...own.map((f) => f.file), FONT_FILE] : [];
  const family = own[0]?.family ?? scene.fontFamily;
  return resvg(svg, {
    ...options,
    font: { loadSystemFonts: false, fontFiles, defaultFontFamily: family },
    shapeRendering: 2,
    textRendering: 1,
    imageRendering: 1,
  });
}

/**
 * Fills rectangles as resvg does with crisp edges: a pixel is inside when its centre is,
 * a centre on the left or top edge is outside and on the right or bottom edge inside (the
 * scene is drawn at `sx` × `sy` device px per CSS px).
 */
function fillRects(canvas: Canvas, rects: readonly RectPrimitive[], sx: number, sy: number): void {
  const colors = new Map<string, Uint8Array>();
  for (const r of rects) {
    let c = colors.get(r.fill);
    if (!c) {
      c = packColor(r.fill);
      colors.set(r.fill, c);
    }
    fillBox(
      canvas,
      [
        Math.max(0, Math.round(r.x * sx)),
        Math.max(0, Math.round(r.y * sy)),
        Math.min(canvas.width, Math.round((r.x + r.w) * sx)),
        Math.min(canvas.height, Math.round((r.y + r.h) * sy)),
      ],
      c,
    );
  }
}

/** Copies an image into the canvas, nearest neighbour; transparent pixels are skipped. */
function blit(canvas: Canvas, p: ImagePrimitive, sx: number, sy: number): void {
  const { data: dst, width: dw, height: dh, stride, offset } = canvas;
  const x0 = Math.max(0, Math.round(p.x * sx));
  const y0 = Math.max(0, Math.round(p.y * sy));
  const x1 = Math.min(dw, Math.round((p.x + p.w) * sx));
  const y1 = Math.min(dh, Math.round((p.y + p.h) * sy));
  const pw = p.pixelWidth;
  const ph = p.pixelHeight;
  const src = p.rgba;
  const colOf = new Int32Array(x1 - x0);
  for (let x = x0; x < x1; x++)
    colOf[x - x0] = Math.min(pw - 1, Math.floor(((x + 0.5 - x0) / (x1 - x0)) * pw));
  for (let y = y0; y < y1; y++) {
    const row = Math.min(ph - 1, Math.floor(((y + 0.5 - y0) / (y1 - y0)) * ph)) * pw;
    let d = offset + y * stride + x0 * 4;
    for (let i = 0; i < colOf.length; i++, d += 4) {
      const s = (row + colOf[i]!) * 4;
      if (src[s + 3] === 0) continue;
      dst[d] = src[s]!;
      dst[d + 1] = src[s + 1]!;
      dst[d + 2] = src[s + 2]!;
      dst[d + 3] = 255;
    }
  }
}

/** Node's native CRC-32 (Node 20.15 and later), else the core's. */
const nodeCrc32: Crc32 | undefined =
  typeof (zlib as { crc32?: unknown }).crc32 === 'function'
    ? (bytes) => (zlib as unknown as { crc32: (b: Uint8Array) => number }).crc32(bytes)
    : undefined;
