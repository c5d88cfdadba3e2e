import { zlibSync } from 'fflate';
import { crc32 } from '../../util/crc32.ts';

/** A zlib stream of stored (uncompressed) blocks: for a few bytes, no compressor needed. */
function zlibStored(data: Uint8Array): Uint8Array {
  const blocks = Math.max(1, Math.ceil(data.length / 65535));
  const out = new Uint8Array(2 + blocks * 5 + data.length + 4);
  out[0] = 0x78;
  out[1] = 0x01;
  let o = 2;
  for (let b = 0; b < blocks; b++) {
    const part = data.subarray(b * 65535, (b + 1) * 65535);
    out[o] = b === blocks - 1 ? 1 : 0;
    out[o + 1] = part.length & 255;
    out[o + 2] = part.length >> 8;
    out[o + 3] = ~part.length & 255;
    out[o + 4] = (~part.length >> 8) & 255;
    out.set(part, o + 5);
    o += 5 + part.length;
  }
  let a = 1;
  let b = 0;
  for (let i = 0; i < data.length; i++) {
    a = (a + data[i]!) % 65521;
    b = (b + a) % 65521;
  }
  new DataView(out.buffer).setUint32(o, ((b << 16) | a) >>> 0);
  return out;
}

export type Crc32 = (bytes: Uint8Array) => number;

function chunk(type: string, data: Uint8Array, crc: Crc32): Uint8Array {
  const out = new Uint8Array(12 + data.length);
  const dv = new DataView(out.buffer);
  dv.setUint32(0, data.length);
  for (let i = 0; i < 4; i++) out[4 + i] = type.charCodeAt(i);
  out.set(data, 8);
  dv.setUint32(8 + data.length, crc(out.subarray(4, 8 + data.length)));
  return out;
}

/**
 * A PNG file around rows already laid out as PNG wants them (each row a filter byte, 0, then
 * its pixels), 8 bits per channel, colour type 2 (RGB) or 6 (RGBA) (or 0, grey, and 3, a
 * palette's indices, with `palette`: the images the reader of images is tested on), the rows
 * compressed by `zlib` (a zlib stream, as the IDAT chunk holds). `crc` may be a faster
 * CRC-32 (Node's).
 */
export function pngFile(
  rows: Uint8Array,
  width: number,
  height: number,
  colorType: 0 | 2 | 3 | 6,
  zlib: (data: Uint8Array) => Uint8Array,
  crc: Crc32 = crc32,
  dpi: number | null = null,
  palette: Uint8Array | null = null,
): Uint8Array {
  const ihdr = new Uint8Array(13);
  const dv = new DataView(ihdr.buffer);
  dv.setUint32(0, width);
  dv.setUint32(4, height);
  ihdr.set([8, colorType, 0, 0, 0], 8);
  const parts = [
    new Uint8Array([137, 80, 78, 71, 13, 10, 26, 10]),
    chunk('IHDR', ihdr, crc),
    ...(dpi !== null ? [chunk('pHYs', physData(dpi), crc)] : []),
    ...(palette ? [chunk('PLTE', palette, crc)] : []),
    chunk('IDAT', zlib(rows), crc),
    chunk('IEND', new Uint8Array(0), crc),
  ];
  const out = new Uint8Array(parts.reduce((s, p) => s + p.length, 0));
  let o = 0;
  for (const p of parts) {
    out.set(p, o);
    o += p.length;
  }
  return out;
}

/**
 * The pHYs chunk's data for a resolution in dots per inch: pixels per metre on both axes
 * (rounded, as PNG stores whole numbers), unit 1 (the metre). LaTeX, Word and image viewers
 * open the file at its size in inches from it.
 */
export function physData(dpi: number): Uint8Array {
  const out = new Uint8Array(9);
  const dv = new DataView(out.buffer);
  const ppm = Math.round(dpi / 0.0254);
  dv.setUint32(0, ppm);
  dv.setUint32(4, ppm);
  out[8] = 1;
  return out;
}

/**
 * A PNG (8-bit RGBA, no filtering) from RGBA bytes: small, deterministic, and
 * browser-safe, for rasters embedded in SVG. Level 0 stores the bytes as they are.
 */
export function encodePng(
  rgba: Uint8Array,
  width: number,
  height: number,
  level: 0 | 1 | 6 | 9 = 6,
): Uint8Array {
  const raw = new Uint8Array((width * 4 + 1) * height);
  for (let y = 0; y < height; y++)
    raw.set(rgba.subarray(y * width * 4, (y + 1) * width * 4), y * (width * 4 + 1) + 1);
  return pngFile(raw, width, height, 6, level === 0 ? zlibStored : (d) => zlibSync(d, { level }));
}
