import type { Colormap } from './colormap.ts';
import { type NormSpec, lutIndex, makeNorm } from './norm.ts';
import { hexFromBytes } from './parse.ts';
import { bytesFromHex } from '../util/hex.ts';

/**
 * `value → '#rrggbb'` through a norm and a colormap, exactly as matplotlib picks the colour;
 * null for a missing value (NaN, or a value the norm cannot place, like 0 under log).
 * Values beyond the range take the end colours.
 */
export function makeColorizer(cmap: Colormap, norm: NormSpec): (value: number) => string | null {
  const f = makeNorm(norm);
  const { n, lut } = cmap;
  const hex: string[] = [];
  for (let i = 0; i < n; i++) hex.push(hexFromBytes(lut[i * 3]!, lut[i * 3 + 1]!, lut[i * 3 + 2]!));
  // Below and above the range: the colormap's under and over colours, else its ends; missing:
  // its bad colour, else nothing.
  const under = cmap.under ? hexFromBytes(...cmap.under) : hex[0]!;
  const over = cmap.over ? hexFromBytes(...cmap.over) : hex[n - 1]!;
  const bad = cmap.bad ? hexFromBytes(...cmap.bad) : null;
  return (value) => {
    const i = lutIndex(f(value), n);
    if (i === -2) return bad;
    return i < 0 ? under : i >= n ? over : hex[i]!;
  };
}

/**
 * Paints values into RGBA bytes through a norm and a colormap (the same colour choice as
 * makeColorizer); missing values get alpha 0. `mask` (1 = hidden) may be null.
 */
export function paintRgba(
  cmap: Colormap,
  norm: NormSpec,
  values: ArrayLike<number>,
  mask: Uint8Array | null = null,
  maskColor: readonly [number, number, number] | null = null,
): Uint8Array {
  const { n, lut } = cmap;
  const out = new Uint8Array(values.length * 4);
  // One 32-bit write per pixel: the colours packed in the platform's byte order.
  const out32 = new Uint32Array(out.buffer);
  const packed = new Uint32Array(n + 4);
  const bytes = new Uint8Array(packed.buffer);
  for (let i = 0; i < n; i++) {
    bytes[i * 4] = lut[i * 3]!;
    bytes[i * 4 + 1] = lut[i * 3 + 1]!;
    bytes[i * 4 + 2] = lut[i * 3 + 2]!;
    bytes[i * 4 + 3] = 255;
  }
  // After the table: under, over, bad and masked (0 = transparent where not given).
  const extra = (
    j: number,
    rgb: readonly [number, number, number] | null | undefined,
    or: number,
  ) => {
    if (rgb) bytes.set([rgb[0], rgb[1], rgb[2], 255], (n + j) * 4);
    else packed[n + j] = or;
  };
  extra(0, cmap.under, packed[0]!);
  extra(1, cmap.over, packed[n - 1]!);
  extra(2, cmap.bad, 0);
  extra(3, maskColor, 0);
  const under = packed[n]!;
  const over = packed[n + 1]!;
  const bad = packed[n + 2]!;
  const hidden = packed[n + 3]!;
  const put = (k: number, i: number) => {
    out32[k] = i < 0 ? under : i >= n ? over : packed[i]!;
  };
  if (norm.kind === 'linear' && norm.vmin !== norm.vmax && mask === null) {
    // The common case, inlined: the same arithmetic as makeNorm and lutIndex.
    const { vmin } = norm;
    const span = norm.vmax - vmin;
    for (let k = 0; k < values.length; k++) {
      const v = values[k]!;
      if (v !== v) {
        out32[k] = bad;
        continue;
      }
      let x = ((v - vmin) / span) * n;
      if (x < 0) out32[k] = under;
      else {
        if (x === n) x = n - 1;
        out32[k] = x >= n ? over : packed[Math.trunc(x)]!;
      }
    }
    return out;
  }
  const f = makeNorm(norm);
  for (let k = 0; k < values.length; k++) {
    if (mask?.[k]) {
      out32[k] = hidden;
      continue;
    }
    const i = lutIndex(f(values[k]!), n);
    if (i !== -2) put(k, i);
    else out32[k] = bad;
  }
  return out;
}

/** The colormap as an image one pixel wide, highest value at the top: RGBA bytes. */
/**
 * The colorbar's colours, top (high) to bottom, one RGBA pixel each: the colormap's entries,
 * or under a BoundaryNorm one per bin (its colour at the bin's middle), as matplotlib's
 * colorbar draws a stepped bar with the bins evenly spaced.
 */
export function colorbarStrip(cmap: Colormap, norm: NormSpec): Uint8Array {
  if (norm.kind !== 'boundary') return colormapStrip(cmap);
  const b = norm.boundaries;
  const color = makeColorizer(cmap, norm);
  const bins = b.length - 1;
  const out = new Uint8Array(bins * 4);
  for (let i = 0; i < bins; i++) {
    const k = bins - 1 - i;
    const [r, g, bl] = bytesFromHex(color((b[k]! + b[k + 1]!) / 2)!);
    out.set([r, g, bl, 255], i * 4);
  }
  return out;
}

export function colormapStrip(cmap: Colormap): Uint8Array {
  const { n, lut } = cmap;
  const out = new Uint8Array(n * 4);
  for (let i = 0; i < n; i++) {
    const src = (n - 1 - i) * 3;
    out[i * 4] = lut[src]!;
    out[i * 4 + 1] = lut[src + 1]!;
    out[i * 4 + 2] = lut[src + 2]!;
    out[i * 4 + 3] = 255;
  }
  return out;
}
