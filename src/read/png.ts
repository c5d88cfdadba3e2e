/**
 * A PNG decoded to RGBA, for reading a heatmap image back (issue 20): the colour types
 * matplotlib, seaborn, browsers and heatfig write (grey, RGB, palette, grey + alpha, RGBA;
 * 8 or 16 bits a sample, 16 taken to their high byte), not interlaced. Bounded before it is
 * inflated: at most MAX_IMAGE_PIXELS pixels. Alpha is composed onto white, as a page shows it.
 */
import { unzlibSync } from 'fflate';
import { HeatfigError } from '../errors.ts';
import * as msg from '../messages.ts';

/** The most pixels an image read back may have (a 1000×800 figure at 300 dpi is about 9 million). */
export const MAX_IMAGE_PIXELS = 50_000_000;

export interface Image {
  readonly width: number;
  readonly height: number;
  /** RGB, 3 bytes a pixel, row by row, alpha composed onto white. */
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
      if (data[12] !== 0) throw new HeatfigError('bad-image', msg.pngInterlaced(), source);
      if (
        ![8, 16].includes(depth) ||
        ![0, 2, 3, 4, 6].includes(type) ||
        (type === 3 && depth !== 8)
      )
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
  const channels = { 0: 1, 2: 3, 3: 1, 4: 2, 6: 4 }[type as 0 | 2 | 3 | 4 | 6];
  const bpp = (channels * depth) / 8;
  const stride = width * bpp;
  const joined = new Uint8Array(idat.reduce((s, d) => s + d.length, 0));
  let k = 0;
  for (const d of idat) {
    joined.set(d, k);
    k += d.length;
  }
  let raw: Uint8Array;
  try {
    raw = unzlibSync(joined, { out: new Uint8Array((stride + 1) * height) });
  } catch {
    throw new HeatfigError('bad-image', msg.pngTruncated(), source);
  }
  const px = unfilter(raw, stride, height, bpp, source);
  const rgba = new Uint8Array(width * height * 4);
  const step = depth / 8;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      // Sample c of the pixel at px[p + c * step] (the high byte of a 16-bit sample), read
      // inline: a function made for each pixel cost most of the decoding.
      const p = y * stride + x * bpp;
      const q = (y * width + x) * 4;
      if (type === 3) {
        const i = px[p]!;
        rgba[q] = palette?.[i * 3] ?? 0;
        rgba[q + 1] = palette?.[i * 3 + 1] ?? 0;
        rgba[q + 2] = palette?.[i * 3 + 2] ?? 0;
        rgba[q + 3] = trns?.[i] ?? 255;
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
  return { width, height, rgba };
}

/** A PNG's pixels as RGB, alpha composed onto white: what the figure looks like on a page. */
export function decodePng(bytes: Uint8Array, source: string): Image {
  const { width, height, rgba } = decodePngRgba(bytes, source);
  const rgb = new Uint8Array(width * height * 3);
  for (let i = 0; i < width * height; i++) {
    const a = rgba[i * 4 + 3]!;
    for (let c = 0; c < 3; c++)
      rgb[i * 3 + c] = Math.round((rgba[i * 4 + c]! * a + 255 * (255 - a)) / 255);
  }
  return { width, height, rgb };
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
