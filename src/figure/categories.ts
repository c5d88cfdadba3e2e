/**
 * Categorical data (issue 16 part 5): cells hold codes 0, 1, …, k − 1 of `categories` (as
 * pandas' Categorical codes, or a cluster or class id per cell). Each code gets its own
 * colour: a qualitative colormap's first k (matplotlib's ListedColormap(colors[:k]), tab10
 * up to 10 categories, tab20 up to 20), a list's colours in order, or a continuous map's
 * colours spread evenly (a BoundaryNorm over the codes). The colorbar becomes a legend of
 * named swatches.
 */
import { type Colormap, namedColormap, toggledReverse } from '../color/colormap.ts';
import type { NormSpec } from '../color/norm.ts';
import { type ColorInput, parseColor } from '../color/parse.ts';
import type { Grid } from '../data/grid.ts';
import { HeatfigError, type Warnings } from '../errors.ts';
import * as msg from '../messages.ts';
import type { Spec } from '../spec/spec-type.ts';

/** Spec keys that set a numeric colour scale, which categories replace. */
const NUMERIC_SCALE = ['norm', 'boundaries', 'vmin', 'vmax', 'center', 'robust'] as const;

/** The colormap and norm of categorical data: one colour per code. */
export function categoricalScale(spec: Spec): { cmap: Colormap; norm: NormSpec } {
  const names = spec.categories!;
  const k = names.length;
  for (const key of NUMERIC_SCALE)
    if (spec[key] !== undefined)
      throw new HeatfigError('bad-spec', msg.categoriesScale(key), `$.${key}`);
  const c = spec.cmap ?? (k <= 10 ? 'tab10' : k <= 20 ? 'tab20' : 'turbo');
  let cmap: Colormap;
  if (typeof c === 'string') {
    const named = namedColormap(spec.reverse ? toggledReverse(c) : c, '$.cmap');
    cmap = named.kind === 'qualitative' ? firstColors(named, k, '$.cmap') : named;
  } else {
    // A list of colours: the i-th category takes the i-th colour (stops are refused).
    if (
      c.some(
        (x) =>
          Array.isArray(x) &&
          x.length === 2 &&
          typeof x[0] === 'number' &&
          typeof x[1] !== 'number',
      )
    )
      throw new HeatfigError('bad-spec', msg.categoriesStops(), '$.cmap');
    const list = spec.reverse ? [...c].reverse() : c;
    const lut = new Uint8Array(c.length * 3);
    list.forEach((x, i) => {
      const rgb = parseColor(x as ColorInput, `$.cmap[${spec.reverse ? c.length - 1 - i : i}]`);
      lut.set(
        rgb.map((v) => Math.round(v * 255)),
        i * 3,
      );
    });
    cmap = firstColors({ name: 'custom', n: c.length, lut, kind: 'qualitative' }, k, '$.cmap');
  }
  const boundaries = Array.from({ length: k + 1 }, (_, i) => i - 0.5);
  return {
    cmap,
    norm: {
      kind: 'boundary',
      vmin: -0.5,
      vmax: k - 0.5,
      boundaries,
      ncolors: cmap.n,
      extend: 'neither',
    },
  };
}

/** A listed colormap's first k colours, or a refusal when it has fewer. */
function firstColors(cmap: Colormap, k: number, where: string): Colormap {
  if (cmap.n < k)
    throw new HeatfigError('bad-spec', msg.categoriesColors(k, cmap.name, cmap.n), where);
  return { ...cmap, n: k, lut: cmap.lut.slice(0, k * 3) };
}

/**
 * Warns of cells whose value is no category's code (a whole number from 0 to k − 1): drawn in
 * the under or over colour, or, between codes, in the nearest code's colour.
 */
export function checkCodes(
  grid: Grid,
  mask: readonly (Uint8Array | null)[],
  k: number,
  warnings: Warnings,
): void {
  let bad = 0;
  let first: string | null = null;
  grid.panels.forEach((p, pi) => {
    const m = mask[pi];
    for (let i = 0; i < p.values.length; i++) {
      const v = p.values[i]!;
      if (Number.isNaN(v) || m?.[i]) continue;
      if (Number.isInteger(v) && v >= 0 && v < k) continue;
      bad++;
      first ??= `${v} at row ${JSON.stringify(p.rowLabels[Math.floor(i / grid.cols)] ?? '')} / column ${JSON.stringify(grid.colLabels[i % grid.cols] ?? '')}`;
    }
  });
  if (bad) warnings.add(msg.notCategoryCodes(bad, k, first!));
}
