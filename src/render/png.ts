import { createRequire } from 'node:module';
import { deflateSync } from 'node:zlib';
import { Resvg } from '@resvg/resvg-js';
import type { ImagePrimitive, Scene } from '../scene/types.ts';
import { glyphDefs, glyphRun, hasGlyphs } from './glyphs.ts';
import { pngFile } from './png-encode.ts';
import { renderSvg } from './svg.ts';

const require = createRequire(import.meta.url);

/** The font file the package ships: every PNG is drawn with it, on every machine. */
export const FONT_FILE: string = require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf');

export interface PngOptions {
  /** Device pixels per CSS px. Default 2. */
  readonly scale?: number;
  /** zlib level of the PNG. Default 4 (faster and smaller than 6 on figures), 1 when the cells are an image. */
  readonly level?: number;
}

/**
 * Draws a scene as PNG bytes: resvg draws the vector parts (text, lines, colorbar) with only
 * the shipped font loaded; cell images are then copied in pixel for pixel (nearest
 * neighbour, exact colours, no smoothing), and the result is encoded with zlib.
 */
export function renderPng(scene: Scene, options: PngOptions = {}): Uint8Array {
  const scale = options.scale ?? 2;
  const svg = renderSvg(scene, {
    imageRendering: 'resvg',
    omitCellImages: true,
    glyphs: { has: hasGlyphs, run: glyphRun, defs: glyphDefs },
  });
  const resvg = new Resvg(svg, {
    fitTo: { mode: 'zoom', value: scale },
    font: { loadSystemFonts: false, fontFiles: [FONT_FILE], defaultFontFamily: scene.fontFamily },
    shapeRendering: 2,
    textRendering: 1,
    imageRendering: 1,
  });
  const img = resvg.render();
  const { width, height } = img;
  const rgba = new Uint8Array(img.pixels.buffer, img.pixels.byteOffset, img.pixels.byteLength);
  for (const p of scene.primitives) {
    if (p.type === 'image' && p.role === 'cells')
      blit(rgba, width, height, p, width / scene.width, height / scene.height);
  }
  // Figures whose cells are an image are mostly those pixels: zlib level 1 writes them a
  // third faster than 4 for a file about a fifth larger. Otherwise 4 (faster and smaller than 6).
  const raster = scene.primitives.some((p) => p.type === 'image' && p.role === 'cells');
  return encodeRgbPng(rgba, width, height, options.level ?? (raster ? 1 : 4));
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

/** An 8-bit RGB PNG of an opaque RGBA buffer (the figure background is opaque), zlib at `level`. */
function encodeRgbPng(rgba: Uint8Array, w: number, h: number, level: number): Uint8Array {
  const stride = w * 3 + 1;
  const raw = new Uint8Array(stride * h);
  for (let y = 0; y < h; y++) {
    let o = y * stride + 1;
    const end = (y + 1) * w * 4;
    for (let s = y * w * 4; s < end; s += 4) {
      raw[o] = rgba[s]!;
      raw[o + 1] = rgba[s + 1]!;
      raw[o + 2] = rgba[s + 2]!;
      o += 3;
    }
  }
  // node:zlib is the fast native deflate; the PNG container is the core's.
  return pngFile(raw, w, h, 2, (d) => deflateSync(d, { level }));
}
