import { bytesFromBase64 } from '../util/base64.ts';
import { HeatfigError } from '../errors.ts';
import * as msg from '../messages.ts';
import { LUTS } from './luts.ts';
import { type ColorInput, parseColor } from './parse.ts';
import { nearestNames } from '../util/nearest.ts';

/**
 * A colormap as data: `n` colours as RGB bytes, exactly the bytes matplotlib draws
 * (its float table rounded to bytes, as its PNG and SVG output do).
 * Values below and above the range take the end colours (matplotlib's default under/over).
 */
export interface Colormap {
  readonly name: string;
  readonly n: number;
  /** n × 3 bytes, RGB. */
  readonly lut: Uint8Array;
  readonly kind: 'sequential' | 'diverging' | 'cyclic' | 'qualitative';
  /**
   * matplotlib's set_under, set_over and set_bad: the colours of values below vmin, above
   * vmax (and of the extend triangles), and of missing cells. Absent: the end colours, and
   * missing cells drawn as nothing.
   */
  readonly under?: readonly [number, number, number];
  readonly over?: readonly [number, number, number];
  readonly bad?: readonly [number, number, number];
}

const byLowerName = new Map(Object.keys(LUTS).map((k) => [k.toLowerCase(), k]));

/** Every named colormap, without the `_r` variants (each has one). */
export function colormapNames(): string[] {
  return Object.keys(LUTS);
}

/** A colormap name with matplotlib's `_r` added, or taken off. */
export const toggledReverse = (name: string): string =>
  /_r$/i.test(name) ? name.slice(0, -2) : `${name}_r`;

/** Reverses a colormap (matplotlib's `_r`). */
export function reversed(cmap: Colormap): Colormap {
  const { n, lut } = cmap;
  const out = new Uint8Array(n * 3);
  for (let i = 0; i < n; i++) out.set(lut.subarray((n - 1 - i) * 3, (n - i) * 3), i * 3);
  const name = cmap.name.endsWith('_r') ? cmap.name.slice(0, -2) : `${cmap.name}_r`;
  return { name, n, lut: out, kind: cmap.kind };
}

/** RGB bytes (interleaved) from a table stored as planar second differences mod 256 (luts.ts). */
export function lutFromDeltas(deltas: string, n: number): Uint8Array {
  const d = bytesFromBase64(deltas);
  const lut = new Uint8Array(n * 3);
  for (let ch = 0; ch < 3; ch++) {
    let step = 0;
    let v = 0;
    for (let i = 0; i < n; i++) {
      step = (step + d[ch * n + i]!) & 255;
      v = (v + step) & 255;
      lut[i * 3 + ch] = v;
    }
  }
  return lut;
}

/**
 * A colormap by name, case-insensitive (`"blues"` finds `"Blues"`), with `_r` for the
 * reverse. An unknown name throws with the nearest names suggested.
 */
export function namedColormap(name: string, where: string | null = null): Colormap {
  const rev = /_r$/i.test(name);
  const base = rev ? name.slice(0, -2) : name;
  const key = byLowerName.get(base.toLowerCase());
  if (key === undefined) {
    throw new HeatfigError(
      'unknown-colormap',
      msg.unknownColormap(name, nearestNames(base, Object.keys(LUTS))),
      where,
    );
  }
  const data = LUTS[key]!;
  const cmap: Colormap = {
    name: key,
    n: data.n,
    lut: lutFromDeltas(data.deltas, data.n),
    kind: data.kind,
  };
  if (!rev) return cmap;
  // matplotlib builds `_r` of a segmented map from reversed segments; a few entries round
  // differently from the table read backwards, and those are stored.
  const r = reversed(cmap);
  for (const [i, red, green, blue] of data.rev ?? []) r.lut.set([red, green, blue], i * 3);
  return r;
}

/**
 * matplotlib's `LinearSegmentedColormap.from_list(name, colors, N)`: evenly spaced colours,
 * linearly interpolated into an N-entry table, each entry rounded to a byte as matplotlib draws it.
 * The arithmetic follows `matplotlib.colors._create_lookup_table` step for step so the bytes match.
 */
export function colormapFromList(
  colors: readonly ColorInput[],
  n = 256,
  where: string | null = null,
  positions: readonly number[] | null = null,
): Colormap {
  if (colors.length < 2) throw new HeatfigError('bad-colormap', msg.colormapTooShort(), where);
  const rgbs = colors.map((c, i) =>
    parseColor(c, where === null ? null : positions ? `${where}[${i}][1]` : `${where}[${i}]`),
  );
  const k = rgbs.length;
  // from_list: vals = np.linspace(0, 1, len(colors)), or the positions given with the colours
  // ((value, colour) pairs, Plotly's colorscale): from 0 to 1, never decreasing.
  if (positions) {
    const bad = positions.findIndex(
      (x, i) => !(x >= 0 && x <= 1) || (i > 0 && x < positions[i - 1]!),
    );
    if (bad >= 0 || positions[0] !== 0 || positions[k - 1] !== 1)
      throw new HeatfigError(
        'bad-colormap',
        msg.colormapStops(),
        where === null ? null : `${where}[${bad >= 0 ? bad : positions[0] !== 0 ? 0 : k - 1}][0]`,
      );
  }
  const xs = positions ? [...positions] : linspace(0, 1, k);
  const lut = new Uint8Array(n * 3);
  for (let ch = 0; ch < 3; ch++) {
    const y = rgbs.map((c) => c[ch]!);
    const col = lookupTable(n, xs, y);
    for (let i = 0; i < n; i++) lut[i * 3 + ch] = Math.floor(col[i]! * 255 + 0.5);
  }
  return { name: 'custom', n, lut, kind: 'sequential' };
}

/** numpy's linspace(start, stop, num), same float steps. */
export function linspace(start: number, stop: number, num: number): number[] {
  const div = num - 1;
  const step = (stop - start) / div;
  const out: number[] = [];
  for (let i = 0; i < num; i++) out.push(start + i * step);
  if (num > 1) out[num - 1] = stop;
  return out;
}

/**
 * matplotlib.colors._create_lookup_table (gamma 1) for segments where y0 == y1 at every x:
 * x and the sample points are scaled by N - 1 before interpolating, as matplotlib does.
 */
function lookupTable(n: number, x01: readonly number[], y: readonly number[]): Float64Array {
  const lut = new Float64Array(n);
  const x = x01.map((v) => v * (n - 1));
  const xind = linspace(0, 1, n).map((v) => (n - 1) * v);
  for (let i = 1; i < n - 1; i++) {
    const xi = xind[i]!;
    // ind = np.searchsorted(x, xind), side 'left': the first index with x[ind] >= xi
    let ind = 0;
    while (ind < x.length && x[ind]! < xi) ind++;
    const distance = (xi - x[ind - 1]!) / (x[ind]! - x[ind - 1]!);
    lut[i] = distance * (y[ind]! - y[ind - 1]!) + y[ind - 1]!;
  }
  lut[0] = y[0]!;
  lut[n - 1] = y[y.length - 1]!;
  for (let i = 0; i < n; i++) lut[i] = Math.min(1, Math.max(0, lut[i]!));
  return lut;
}

/**
 * seaborn's `center`: the colormap cut so that `center` sits where it would in a range
 * symmetric about it, as seaborn 0.12 does (matrix.py, _determine_cmap_params): with
 * r = max(vmax − center, center − vmin), the 256 colours the map gives at
 * linspace((vmin − (center − r)) / 2r, (vmax − (center − r)) / 2r, 256). A correlation of
 * −0.31 beside +1 is then pale, not the far end. The arithmetic is numpy's, step for step.
 */
export function recenteredColormap(
  cmap: Colormap,
  vmin: number,
  vmax: number,
  center: number,
): Colormap {
  const vrange = Math.max(vmax - center, center - vmin);
  const lo = center - vrange;
  const span = center + vrange - lo;
  const cmin = span === 0 ? 0 : (vmin - lo) / span;
  const cmax = span === 0 ? 0 : (vmax - lo) / span;
  const n = 256;
  const step = (cmax - cmin) / (n - 1);
  const lut = new Uint8Array(n * 3);
  for (let i = 0; i < n; i++) {
    const t = i === n - 1 ? cmax : i * step + cmin;
    let x = t * cmap.n;
    if (x === cmap.n) x = cmap.n - 1;
    const k = x < 0 ? 0 : Math.min(cmap.n - 1, Math.trunc(x));
    lut.set(cmap.lut.subarray(k * 3, k * 3 + 3), i * 3);
  }
  return { name: cmap.name, n, lut, kind: cmap.kind };
}
