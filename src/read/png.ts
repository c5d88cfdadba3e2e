/**
 * A PNG decoded to RGBA, for reading a heatmap image back (issue 20): every colour type and
 * depth the format has (grey of 1 to 16 bits a sample, palette of 1 to 8, RGB, grey + alpha
 * and RGBA of 8 or 16; 16 taken to their high byte), interlaced (Adam7, as ImageMagick's
 * `-interlace PNG` writes it) or not. Bounded before it is inflated: at most
 * MAX_IMAGE_PIXELS pixels. Alpha is composed onto a page: white, as a page shows it, or
 * black under light ink drawn on nothing (pageUnder).
 */
import { unzlibSync } from 'fflate';
import { HeatfigError } from '../errors.ts';
import * as msg from '../messages.ts';

/** The most pixels an image read back may have (a 1000×800 figure at 300 dpi is about 9 million). */
export const MAX_IMAGE_PIXELS = 50_000_000;

export interface Image {
  readonly width: number;
  readonly height: number;
  /** RGB, 3 bytes a pixel, row by row, alpha composed onto the page (white, or black: pageUnder). */
  readonly rgb: Uint8Array;
  /**
   * How far (per channel) a flat colour's pixels may stray from it: 0 for a lossless image;
   * a JPEG's ringing, left after smoothing, for a JPEG.
   */
  readonly noise?: number;
  /** A smoothed image's pixels as decoded (text is recognised from them). */
  readonly raw?: Uint8Array;
  /**
   * Whether its colours are the image's turned over (255 − each channel): a dark page
   * (matplotlib's `dark_background`) is read as light, its white text as dark ink.
   */
  readonly inverted?: boolean;
}

const SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

export function isPng(bytes: Uint8Array): boolean {
  return SIGNATURE.every((b, i) => bytes[i] === b);
}

/** A PNG's pixels as 8-bit RGBA (alpha as stored), row by row. */
export function decodePngRgba(
  bytes: Uint8Array,
  source: string,
): { width: number; height: number; rgba: Uint8Array } {
  if (!isPng(bytes)) throw new HeatfigError('bad-image', msg.notPng(), source);
  const dv = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let o = 8;
  let width = 0;
  let height = 0;
  let depth = 8;
  let type = 6;
  let interlaced = false;
  let palette: Uint8Array | null = null;
  let trns: Uint8Array | null = null;
  const idat: Uint8Array[] = [];
  while (o + 8 <= bytes.length) {
    const len = dv.getUint32(o);
    const name = String.fromCharCode(...bytes.subarray(o + 4, o + 8));
    const data = bytes.subarray(o + 8, o + 8 + len);
    if (data.length < len) throw new HeatfigError('bad-image', msg.pngTruncated(), source);
    if (name === 'IHDR') {
      width = dv.getUint32(o + 8);
      height = dv.getUint32(o + 12);
      depth = data[8]!;
      type = data[9]!;
      interlaced = data[12] === 1;
      if (data[12]! > 1) throw new HeatfigError('bad-image', msg.pngTruncated(), source);
      if (!(DEPTHS[type]?.includes(depth) ?? false))
        throw new HeatfigError('bad-image', msg.pngFormat(depth, type), source);
      if (width * height > MAX_IMAGE_PIXELS || width === 0 || height === 0)
        throw new HeatfigError(
          'too-large',
          msg.imageTooLarge(width, height, MAX_IMAGE_PIXELS),
          source,
        );
    } else if (name === 'PLTE') palette = data;
    else if (name === 'tRNS') trns = data;
    else if (name === 'IDAT') idat.push(data);
    else if (name === 'IEND') break;
    o += 12 + len;
  }
  if (!width || !idat.length) throw new HeatfigError('bad-image', msg.pngTruncated(), source);
  const channels = CHANNELS[type as 0 | 2 | 3 | 4 | 6];
  // The passes the pixels come in (one, or Adam7's seven), each its own rows of samples.
  const passes = (interlaced ? ADAM7 : [[0, 0, 1, 1] as const]).map(([x0, y0, dx, dy]) => {
    const w = width > x0 ? Math.ceil((width - x0) / dx) : 0;
    const h = height > y0 ? Math.ceil((height - y0) / dy) : 0;
    return { x0, y0, dx, dy, w, h, stride: Math.ceil((w * channels * depth) / 8) };
  });
  const joined = new Uint8Array(idat.reduce((s, d) => s + d.length, 0));
  let k = 0;
  for (const d of idat) {
    joined.set(d, k);
    k += d.length;
  }
  let raw: Uint8Array;
  try {
    const size = passes.reduce((n, p) => n + (p.w && p.h ? (p.stride + 1) * p.h : 0), 0);
    raw = unzlibSync(joined, { out: new Uint8Array(size) });
  } catch {
    throw new HeatfigError('bad-image', msg.pngTruncated(), source);
  }
  const rgba = new Uint8Array(width * height * 4);
  let at = 0;
  for (const pass of passes) {
    if (!pass.w || !pass.h) continue;
    const size = (pass.stride + 1) * pass.h;
    const filtered = unfilter(
      raw.subarray(at, at + size),
      pass.stride,
      pass.h,
      (channels * depth) / 8,
      source,
    );
    at += size;
    // Samples under 8 bits made a byte each (grey stretched to 0–255; palette indices kept).
    const px = depth < 8 ? bytesOf(filtered, pass, channels, depth, type === 0) : filtered;
    const step = depth === 16 ? 2 : 1;
    const bpp = channels * step;
    const stride = depth < 8 ? pass.w * channels : pass.stride;
    for (let j = 0; j < pass.h; j++) {
      const y = pass.y0 + j * pass.dy;
      for (let i = 0; i < pass.w; i++) {
        // Sample c of the pixel at px[p + c * step] (the high byte of a 16-bit sample), read
        // inline: a function made for each pixel cost most of the decoding.
        const p = j * stride + i * bpp;
        const q = (y * width + pass.x0 + i * pass.dx) * 4;
        if (type === 3) {
          const v = px[p]!;
          rgba[q] = palette?.[v * 3] ?? 0;
          rgba[q + 1] = palette?.[v * 3 + 1] ?? 0;
          rgba[q + 2] = palette?.[v * 3 + 2] ?? 0;
          rgba[q + 3] = trns?.[v] ?? 255;
        } else if (type === 0 || type === 4) {
          rgba[q] = rgba[q + 1] = rgba[q + 2] = px[p]!;
          rgba[q + 3] = type === 4 ? px[p + step]! : 255;
        } else {
          rgba[q] = px[p]!;
          rgba[q + 1] = px[p + step]!;
          rgba[q + 2] = px[p + 2 * step]!;
          rgba[q + 3] = type === 6 ? px[p + 3 * step]! : 255;
        }
      }
    }
  }
  return { width, height, rgba };
}

/** The samples a pixel has, by colour type: grey, RGB, palette index, grey and alpha, RGBA. */
export const CHANNELS = { 0: 1, 2: 3, 3: 1, 4: 2, 6: 4 } as const;

/** The bit depths each colour type may have (PNG's IHDR). */
const DEPTHS: Readonly<Record<number, readonly number[]>> = {
  0: [1, 2, 4, 8, 16],
  2: [8, 16],
  3: [1, 2, 4, 8],
  4: [8, 16],
  6: [8, 16],
};

/** Adam7's passes: the first column and row of each, and the steps between them. */
export const ADAM7 = [
  [0, 0, 8, 8],
  [4, 0, 8, 8],
  [0, 4, 4, 8],
  [2, 0, 4, 4],
  [0, 2, 2, 4],
  [1, 0, 2, 2],
  [0, 1, 1, 2],
] as const;

/** Rows of samples under 8 bits (packed, high bits first) as a byte a sample; grey stretched to 0–255. */
function bytesOf(
  px: Uint8Array,
  pass: { readonly w: number; readonly h: number; readonly stride: number },
  channels: number,
  depth: number,
  grey: boolean,
): Uint8Array {
  const n = pass.w * channels;
  const out = new Uint8Array(n * pass.h);
  const mask = (1 << depth) - 1;
  const scale = grey ? 255 / mask : 1;
  for (let y = 0; y < pass.h; y++)
    for (let i = 0; i < n; i++) {
      const bit = i * depth;
      const v = (px[y * pass.stride + (bit >> 3)]! >> (8 - depth - (bit & 7))) & mask;
      out[y * n + i] = v * scale;
    }
  return out;
}

/** A PNG's pixels as RGB, alpha composed onto the page it was drawn for (pageUnder): what the figure looks like. */
export function decodePng(bytes: Uint8Array, source: string): Image {
  const { width, height, rgba } = decodePngRgba(bytes, source);
  const page = pageUnder(rgba);
  const rgb = new Uint8Array(width * height * 3);
  for (let i = 0; i < width * height; i++) {
    const a = rgba[i * 4 + 3]!;
    for (let c = 0; c < 3; c++)
      rgb[i * 3 + c] = Math.round((rgba[i * 4 + c]! * a + page * (255 - a)) / 255);
  }
  return { width, height, rgb };
}

/**
 * The page a PNG's transparent parts are composed onto: white, but black where the ink drawn
 * over them is light. matplotlib's `savefig(transparent=True)` leaves the figure's background
 * clear and its text, ticks and frame drawn on nothing: what is half clear (their smoothed
 * edges) is their colour. Where most such pixels that are grey (text, ticks: cells have
 * colour) are light, nine in ten of them or more, the figure was drawn for a dark page
 * (`dark_background`, for slides: none dark): on white its text had vanished, the labels and
 * the colorbar's ticks unread. A figure for a light page has its text's dark edges: ggplot2's
 * `theme_minimal`, which `ggsave` draws on nothing too, has its grid lines' light edges
 * outnumber them three to one, and had been read on black (turned over, its text unread).
 */
function pageUnder(rgba: Uint8Array): number {
  let light = 0;
  let dark = 0;
  for (let i = 3; i < rgba.length; i += 4) {
    const a = rgba[i]!;
    if (a === 0 || a === 255) continue;
    const r = rgba[i - 3]!;
    const g = rgba[i - 2]!;
    const b = rgba[i - 1]!;
    if (Math.max(r, g, b) - Math.min(r, g, b) > 24) continue;
    if (r + g + b > 3 * 160) light++;
    else if (r + g + b < 3 * 96) dark++;
  }
  return dark <= 0.1 * light && light >= 50 ? 0 : 255;
}

/** The scanlines with PNG's filters undone (None, Sub, Up, Average, Paeth). */
function unfilter(raw: Uint8Array, stride: number, height: number, bpp: number, source: string) {
  if (raw.length < (stride + 1) * height)
    throw new HeatfigError('bad-image', msg.pngTruncated(), source);
  const px = new Uint8Array(stride * height);
  const step = Math.max(1, Math.floor(bpp));
  for (let y = 0; y < height; y++) {
    const f = raw[y * (stride + 1)]!;
    const src = y * (stride + 1) + 1;
    const row = y * stride;
    const up = row - stride;
    for (let i = 0; i < stride; i++) {
      const a = i >= step ? px[row + i - step]! : 0;
      const b = y > 0 ? px[up + i]! : 0;
      const c = i >= step && y > 0 ? px[up + i - step]! : 0;
      let v = raw[src + i]!;
      if (f === 1) v += a;
      else if (f === 2) v += b;
      else if (f === 3) v += (a + b) >> 1;
      else if (f === 4) {
        const p = a + b - c;
        const pa = Math.abs(p - a);
        const pb = Math.abs(p - b);
        const pc = Math.abs(p - c);
        v += pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
      } else if (f !== 0) throw new HeatfigError('bad-image', msg.pngTruncated(), source);
      px[row + i] = v & 255;
    }
  }
  return px;
}
