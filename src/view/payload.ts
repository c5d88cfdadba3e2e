import type { AxisTree } from '../cluster/cluster.ts';
import type { Dendrograms } from '../figure/dendrograms.ts';
import type { Colormap } from '../color/colormap.ts';
import type { Grid } from '../data/grid.ts';
import { base64FromBytes, bytesFromBase64 } from '../util/base64.ts';
import type { Figure, PanelScale } from '../figure/types.ts';

/**
 * What an HTML view carries: the resolved figure as JSON (typed arrays as base64, values as
 * float32 when that loses nothing the figure shows, else float64), the colormaps it offers,
 * and the description. The viewer rebuilds the Figure and runs the same layout and scene
 * code as every other output.
 */
/** The figure as JSON carries it: everything but its grid, colormap and mask, which travel apart. */
export type PayloadFigure = Omit<
  Figure,
  'grid' | 'cmap' | 'mask' | 'highlight' | 'panelScales' | 'raw' | 'dendrograms'
> & {
  /** The trees, their linkages as plain arrays. */
  readonly dendrograms:
    | (Omit<Dendrograms, 'rows' | 'cols'> & {
        readonly rows: PayloadTree | null;
        readonly cols: PayloadTree | null;
      })
    | null;
  /** The values before the transform, per panel, as base64 float64. */
  readonly raw: readonly string[] | null;
  readonly cmap: string;
  readonly cols: number;
  readonly colLabels: readonly string[];
  readonly reduced: Grid['reduced'] | null;
  /** The colormap's under, over and bad colours (set_under, set_over, set_bad), when given. */
  readonly cmapExtremes: Pick<Colormap, 'under' | 'over' | 'bad'>;
  /** The highlighted cells of each panel, as base64 bytes. */
  readonly highlight: readonly string[] | null;
  /** Each facet's own scale, its colormap's table as base64. */
  readonly panelScales:
    | readonly (Omit<PanelScale, 'cmap'> & {
        readonly cmap: Omit<Colormap, 'lut'> & { readonly lut: string };
      })[]
    | null;
};

type PayloadTree = Omit<AxisTree, 'z'> & { readonly z: readonly number[] };

export interface Payload {
  readonly figure: PayloadFigure;
  readonly panels: readonly {
    readonly title: string | null;
    readonly rows: number;
    readonly rowLabels: readonly string[];
    readonly values: string;
    readonly mask: string | null;
  }[];
  readonly dtype: 'f4' | 'f8';
  readonly cmaps: readonly { readonly name: string; readonly n: number; readonly lut: string }[];
  readonly description: string;
}

function valuesBytes(values: Float64Array, dtype: 'f4' | 'f8'): Uint8Array {
  const arr = dtype === 'f4' ? Float32Array.from(values) : values;
  return new Uint8Array(arr.buffer, arr.byteOffset, arr.byteLength);
}

/** True if every value survives a round trip through float32. */
function fitsFloat32(grid: Grid): boolean {
  for (const p of grid.panels)
    for (const v of p.values) if (v === v && Math.fround(v) !== v) return false;
  return true;
}

export function figureToPayload(
  figure: Figure,
  offered: readonly Colormap[],
  description: string,
  encode: (bytes: Uint8Array) => string = base64FromBytes,
): Payload {
  const dtype = fitsFloat32(figure.grid) ? 'f4' : 'f8';
  const { grid, cmap, mask, highlight, panelScales, raw, dendrograms, ...rest } = figure;
  const tree = (t: AxisTree | null) => (t ? { ...t, z: Array.from(t.z) } : null);
  return {
    figure: {
      ...rest,
      dendrograms: dendrograms
        ? { ...dendrograms, rows: tree(dendrograms.rows), cols: tree(dendrograms.cols) }
        : null,
      raw:
        raw?.map((v) => base64FromBytes(new Uint8Array(v.buffer, v.byteOffset, v.byteLength))) ??
        null,
      highlight: highlight?.map((h) => base64FromBytes(h)) ?? null,
      panelScales:
        panelScales?.map((s) => ({
          ...s,
          cmap: { ...s.cmap, lut: base64FromBytes(s.cmap.lut) },
        })) ?? null,
      cmap: cmap.name,
      cmapExtremes: {
        ...(cmap.under ? { under: cmap.under } : {}),
        ...(cmap.over ? { over: cmap.over } : {}),
        ...(cmap.bad ? { bad: cmap.bad } : {}),
      },
      cols: grid.cols,
      colLabels: grid.colLabels,
      reduced: grid.reduced ?? null,
    },
    panels: grid.panels.map((p, i) => ({
      title: p.title,
      rows: p.rows,
      rowLabels: p.rowLabels,
      values: encode(valuesBytes(p.values, dtype)),
      mask: mask[i] ? base64FromBytes(mask[i]!) : null,
    })),
    dtype,
    cmaps: [cmap, ...offered.filter((c) => c.name !== cmap.name)].map((c) => ({
      name: c.name,
      n: c.n,
      lut: base64FromBytes(c.lut),
    })),
    description,
  };
}

export function colormapsFromPayload(p: Payload): Colormap[] {
  return p.cmaps.map((c) => ({
    name: c.name,
    n: c.n,
    lut: bytesFromBase64(c.lut),
    kind: 'sequential',
  }));
}

/** Bytes from base64, with the browser's native decoder where it has one. */
function decode(text: string): Uint8Array {
  const native = (Uint8Array as unknown as { fromBase64?: (s: string) => Uint8Array }).fromBase64;
  return native ? native(text) : bytesFromBase64(text);
}

export function figureFromPayload(p: Payload): Figure {
  const f = p.figure;
  const panels = p.panels.map((x) => {
    const bytes = decode(x.values);
    // float32 stays float32 (every value reads the same; half the memory).
    const values = (
      p.dtype === 'f4'
        ? new Float32Array(bytes.buffer, bytes.byteOffset, bytes.byteLength / 4)
        : new Float64Array(bytes.buffer, bytes.byteOffset, bytes.byteLength / 8)
    ) as Float64Array;
    return { title: x.title, rows: x.rows, rowLabels: x.rowLabels, values };
  });
  const grid: Grid = {
    cols: f.cols,
    colLabels: f.colLabels,
    panels,
    ...(f.reduced ? { reduced: f.reduced } : {}),
  };
  const {
    cols: _c,
    colLabels: _l,
    reduced: _r,
    cmap: _m,
    cmapExtremes,
    highlight,
    panelScales,
    raw,
    dendrograms,
    ...rest
  } = f;
  const tree = (t: PayloadTree | null) => (t ? { ...t, z: Float64Array.from(t.z) } : null);
  return {
    ...rest,
    dendrograms: dendrograms
      ? { ...dendrograms, rows: tree(dendrograms.rows), cols: tree(dendrograms.cols) }
      : null,
    raw:
      raw?.map((r) => {
        const b = bytesFromBase64(r);
        return new Float64Array(b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength));
      }) ?? null,
    highlight: highlight?.map((h) => bytesFromBase64(h)) ?? null,
    panelScales:
      panelScales?.map((s) => ({ ...s, cmap: { ...s.cmap, lut: bytesFromBase64(s.cmap.lut) } })) ??
      null,
    grid,
    cmap: { ...colormapsFromPayload(p)[0]!, ...cmapExtremes },
    mask: p.panels.map((x) => (x.mask ? bytesFromBase64(x.mask) : null)),
  };
}
