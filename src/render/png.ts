import { createRequire } from 'node:module';
import { deflateSync } from 'node:zlib';
import { Resvg } from '@resvg/resvg-js';
import type { ImagePrimitive, Scene } from '../scene/types.ts';
import { glyphDefs, glyphRun, hasGlyphs } from './glyphs.ts';
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

const CRC = (() => {
  const t = new Int32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c;
  }
  return t;
})();

function chunk(type: string, data: Uint8Array): Buffer {
  const out = Buffer.alloc(12 + data.length);
  out.writeUInt32BE(data.length, 0);
  out.write(type, 4, 'latin1');
  out.set(data, 8);
  let c = -1;
  for (let i = 4; i < 8 + data.length; i++) c = CRC[(c ^ out[i]!) & 0xff]! ^ (c >>> 8);
  out.writeUInt32BE((c ^ -1) >>> 0, 8 + data.length);
  return out;
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
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(w, 0);
  ihdr.writeUInt32BE(h, 4);
  ihdr.set([8, 2, 0, 0, 0], 8);
  const sig = Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]);
  return new Uint8Array(
    Buffer.concat([
      sig,
      chunk('IHDR', ihdr),
      chunk('IDAT', deflateSync(raw, { level })),
      chunk('IEND', new Uint8Array(0)),
    ]),
  );
}
