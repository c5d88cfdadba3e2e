import { createRequire } from 'node:module';
import * as zlib from 'node:zlib';
import type { ResvgRenderOptions } from '@resvg/resvg-js';
import type {
  ImagePrimitive,
  Primitive,
  RectPrimitive,
  Scene,
  TextPrimitive,
} from '../scene/types.ts';
import { glyphDefs, glyphRun, hasGlyphs } from './glyphs.ts';
import { deflateInParts } from './deflate.ts';
import { type Crc32, pngFile } from './png-encode.ts';
import { applyStamps, planStamps, stampable } from './stamp.ts';
import { renderSvg } from './svg.ts';

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
 * that package's loader first asks whether libc is musl through process.report, about 20 ms
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

/** The font file the package ships: every PNG is drawn with it, on every machine. */
export const FONT_FILE: string = require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf');

export interface PngOptions {
  /** Device pixels per CSS px. Default 2. */
  readonly scale?: number;
  /**
   * Fill cells and stamp annotations directly into the pixels (default true) rather than
   * have resvg draw thousands of them: the same cells pixel for pixel, the same annotations
   * but for a quarter pixel along glyph edges, and several times faster on annotated grids.
   * false has resvg draw everything (the reference the tests hold the fast path to).
   */
  readonly direct?: boolean;
  /** zlib level of the PNG. Default 3 (figures: within 1% of 4's size, a quarter faster), 1 when the cells are an image. */
  readonly level?: number;
}

/**
 * Draws a scene as PNG bytes: resvg draws the vector parts (text, lines, colorbar) with only
 * the shipped font loaded; cell images are then copied in pixel for pixel (nearest
 * neighbour, exact colours, no smoothing), and the result is encoded with zlib.
 */
export async function renderPng(scene: Scene, options: PngOptions = {}): Promise<Uint8Array> {
  const scale = options.scale ?? 2;
  const direct = options.direct !== false;
  // Annotations are stamped from a glyph atlas (render/stamp.ts), and cells filled here
  // unless lines are drawn over them; resvg draws the rest.
  const annots = direct
    ? scene.primitives.filter(
        (p): p is TextPrimitive => p.type === 'text' && p.role === 'annot' && stampable(p),
      )
    : [];
  const lined = scene.primitives.some(
    (p) => p.type === 'line' && (p.role === 'cell-line' || p.role === 'separator'),
  );
  const cells =
    direct && !lined
      ? scene.primitives.filter((p): p is RectPrimitive => p.type === 'rect' && p.role === 'cell')
      : [];
  const here = new Set<Primitive>([...annots, ...cells]);
  const svg = renderSvg(
    here.size ? { ...scene, primitives: scene.primitives.filter((p) => !here.has(p)) } : scene,
    {
      imageRendering: 'resvg',
      omitCellImages: true,
      glyphs: { has: hasGlyphs, run: glyphRun, defs: glyphDefs },
    },
  );
  const img = draw(svg, { fitTo: { mode: 'zoom', value: scale } }, scene.fontFamily);
  const { width, height } = img;
  // A view of resvg's pixels, or a copy where 32-bit access would be misaligned.
  const rgba =
    img.pixels.byteOffset % 4 === 0
      ? new Uint8Array(img.pixels.buffer, img.pixels.byteOffset, img.pixels.byteLength)
      : Uint8Array.from(img.pixels);
  // resvg scales the scene to whole pixels: these are its factors, a hair off `scale`.
  const sx = width / scene.width;
  const sy = height / scene.height;
  fillRects(rgba, width, height, cells, sx, sy);
  for (const p of scene.primitives) {
    if (p.type === 'image' && p.role === 'cells') blit(rgba, width, height, p, sx, sy);
  }
  if (annots.length) {
    const plan = planStamps(annots, sx, sy);
    const atlas = draw(plan.svg, {}, scene.fontFamily).pixels;
    applyStamps(rgba, width, height, plan, atlas);
  }
  // Figures whose cells are an image are mostly those pixels: zlib level 1 writes them a
  // third faster than 4 for a file about a fifth larger. Otherwise 3: on an annotated 50×50
  // figure it deflates in 28 ms to 1.118 MB where 4 takes 38 ms for 1.110 MB and 6 60 ms.
  const raster = scene.primitives.some((p) => p.type === 'image' && p.role === 'cells');
  return encodeCanvas(rgba, width, height, options.level ?? (raster ? 1 : 3));
}

/** resvg with only the shipped font, crisp shapes and nearest-neighbour images. */
function draw(svg: string, options: ResvgRenderOptions, family: string) {
  return resvg(svg, {
    ...options,
    font: { loadSystemFonts: false, fontFiles: [FONT_FILE], defaultFontFamily: family },
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
function fillRects(
  dst: Uint8Array,
  width: number,
  height: number,
  rects: readonly RectPrimitive[],
  sx: number,
  sy: number,
): void {
  if (!rects.length) return;
  const px = new Uint32Array(dst.buffer, dst.byteOffset, width * height);
  const packed = new Map<string, number>();
  const bytes = new Uint8Array(4);
  const word = new Uint32Array(bytes.buffer);
  for (const r of rects) {
    let c = packed.get(r.fill);
    if (c === undefined) {
      const v = Number.parseInt(r.fill.slice(1, 7), 16);
      bytes.set([v >> 16, (v >> 8) & 255, v & 255, 255]);
      c = word[0]!;
      packed.set(r.fill, c);
    }
    const x0 = Math.max(0, Math.round(r.x * sx));
    const x1 = Math.min(width, Math.round((r.x + r.w) * sx));
    const y0 = Math.max(0, Math.round(r.y * sy));
    const y1 = Math.min(height, Math.round((r.y + r.h) * sy));
    if (x1 <= x0) continue;
    for (let y = y0; y < y1; y++) px.fill(c, y * width + x0, y * width + x1);
  }
}

/** Copies an image into a device-pixel buffer, nearest neighbour; transparent pixels are skipped. */
function blit(
  dst: Uint8Array,
  dw: number,
  dh: number,
  p: ImagePrimitive,
  sx: number,
  sy: number,
): void {
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
    let d = (y * dw + x0) * 4;
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

/**
 * An 8-bit RGBA PNG of the canvas, zlib at `level`. (RGBA rather than RGB: no per-pixel
 * repacking, and the constant alpha costs nothing compressed: an annotated 50×50 figure is
 * 2% smaller than as RGB.) The rows are deflated in parts on all cores (render/deflate.ts).
 */
async function encodeCanvas(
  rgba: Uint8Array,
  w: number,
  h: number,
  level: number,
): Promise<Uint8Array> {
  const stride = w * 4 + 1;
  const raw = new Uint8Array(stride * h);
  for (let y = 0; y < h; y++) raw.set(rgba.subarray(y * w * 4, (y + 1) * w * 4), y * stride + 1);
  const compressed = await deflateInParts(raw, level);
  // The PNG container is the core's.
  return pngFile(raw, w, h, 6, () => compressed, nodeCrc32);
}
