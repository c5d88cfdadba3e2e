/**
 * A JPEG decoded to RGB, for reading a heatmap image back (issue 20): baseline and
 * progressive, grey, YCbCr and Adobe's CMYK/YCCK, by jpeg-js (pure JavaScript, so the core of
 * `read` still runs in a browser). Bounded before it is decoded: the frame header's size is
 * checked against MAX_IMAGE_PIXELS, and jpeg-js is given the same bound and a memory cap.
 */
import { decode } from 'jpeg-js';
import { HeatfigError } from '../errors.ts';
import * as msg from '../messages.ts';
import type { Image } from './png.ts';
import { MAX_IMAGE_PIXELS } from './png.ts';

export function isJpeg(bytes: Uint8Array): boolean {
  return bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff;
}

/** The size a JPEG's frame header (SOF0–SOF15 but DHT, JPG and DAC) gives, or null before one. */
export function jpegSize(bytes: Uint8Array): { width: number; height: number } | null {
  let o = 2;
  while (o + 4 <= bytes.length) {
    if (bytes[o] !== 0xff) return null;
    const marker = bytes[o + 1]!;
    // Fill bytes, and markers without a length (RSTn, TEM).
    if (marker === 0xff) {
      o++;
      continue;
    }
    if ((marker >= 0xd0 && marker <= 0xd7) || marker === 0x01) {
      o += 2;
      continue;
    }
    const len = (bytes[o + 2]! << 8) | bytes[o + 3]!;
    const sof = marker >= 0xc0 && marker <= 0xcf && ![0xc4, 0xc8, 0xcc].includes(marker);
    if (sof && o + 9 <= bytes.length)
      return {
        height: (bytes[o + 5]! << 8) | bytes[o + 6]!,
        width: (bytes[o + 7]! << 8) | bytes[o + 8]!,
      };
    // Scan data before a frame header: not a JPEG heatfig can size.
    if (marker === 0xda || len < 2) return null;
    o += 2 + len;
  }
  return null;
}

/** A JPEG's pixels as RGB, row by row. */
export function decodeJpeg(bytes: Uint8Array, source: string): Image {
  const size = jpegSize(bytes);
  if (!size) throw new HeatfigError('bad-image', msg.jpegDamaged(), source);
  const { width, height } = size;
  if (width * height > MAX_IMAGE_PIXELS || width === 0 || height === 0)
    throw new HeatfigError('too-large', msg.imageTooLarge(width, height, MAX_IMAGE_PIXELS), source);
  let out: { width: number; height: number; data: Uint8Array };
  try {
    out = decode(bytes, {
      useTArray: true,
      formatAsRGBA: false,
      tolerantDecoding: true,
      maxResolutionInMP: MAX_IMAGE_PIXELS / 1e6,
      // The RGB out (3 bytes a pixel) and jpeg-js's own planes (about as much again per
      // component, with its coefficient blocks): 1 GB at the largest image read.
      maxMemoryUsageInMB: 1024,
    });
  } catch (e) {
    const why = e instanceof Error ? e.message : String(e);
    throw new HeatfigError(
      'bad-image',
      /color mode/i.test(why) ? msg.jpegColorMode() : msg.jpegDamaged(),
      source,
    );
  }
  if (out.width !== width || out.height !== height || out.data.length !== width * height * 3)
    throw new HeatfigError('bad-image', msg.jpegDamaged(), source);
  return { width, height, rgb: out.data };
}

/**
 * JPEG's noise taken out of flat colour, its edges kept: each pixel becomes the mean of the
 * pixels within `radius` whose colour is within `near` of its own (on every channel). A cell
 * of a quality-75 JPEG varies by several levels from block to block and rings next to text
 * and edges; the reader's tests of "one colour" and "an edge" are made for lossless images.
 */
export function smoothFlat(img: Image, radius = 2, near = 20): Image {
  const { width: W, height: H, rgb } = img;
  const out = new Uint8Array(rgb.length);
  for (let y = 0; y < H; y++) {
    const y0 = Math.max(0, y - radius);
    const y1 = Math.min(H - 1, y + radius);
    for (let x = 0; x < W; x++) {
      const p = (y * W + x) * 3;
      const r = rgb[p]!;
      const g = rgb[p + 1]!;
      const b = rgb[p + 2]!;
      let sr = 0;
      let sg = 0;
      let sb = 0;
      let n = 0;
      const x0 = Math.max(0, x - radius);
      const x1 = Math.min(W - 1, x + radius);
      for (let yy = y0; yy <= y1; yy++) {
        for (let q = (yy * W + x0) * 3, end = (yy * W + x1) * 3; q <= end; q += 3) {
          const qr = rgb[q]!;
          const qg = rgb[q + 1]!;
          const qb = rgb[q + 2]!;
          if (
            qr - r <= near &&
            r - qr <= near &&
            qg - g <= near &&
            g - qg <= near &&
            qb - b <= near &&
            b - qb <= near
          ) {
            sr += qr;
            sg += qg;
            sb += qb;
            n++;
          }
        }
      }
      out[p] = Math.round(sr / n);
      out[p + 1] = Math.round(sg / n);
      out[p + 2] = Math.round(sb / n);
    }
  }
  // What is left of the ringing beside edges, on white: up to about 6 levels.
  return { width: W, height: H, rgb: out, noise: 8, raw: rgb };
}
