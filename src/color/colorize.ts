import type { Colormap } from './colormap.ts';
import { type NormSpec, lutIndex, makeNorm } from './norm.ts';
import { hexFromBytes } from './parse.ts';

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
  return (value) => {
    const i = lutIndex(f(value), n);
    if (i === -2) return null;
    return hex[i < 0 ? 0 : i >= n ? n - 1 : i]!;
  };
}

/** The colormap as an image one pixel wide, highest value at the top: RGBA bytes. */
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
