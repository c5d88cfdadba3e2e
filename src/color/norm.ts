/**
 * Norms: pure functions from a data value to a position t on the colormap, following
 * matplotlib's arithmetic (so the chosen colour is byte-identical to matplotlib's).
 * t < 0 and t > 1 are out of range (drawn with the end colours); NaN is missing.
 */

export type NormSpec =
  | {
      readonly kind: 'linear';
      readonly vmin: number;
      readonly vmax: number;
      /** seaborn's center: the colormap was cut around it (the norm itself stays linear). */
      readonly center?: number;
    }
  | {
      readonly kind: 'center';
      readonly vmin: number;
      readonly vmax: number;
      readonly center: number;
    }
  | { readonly kind: 'log'; readonly vmin: number; readonly vmax: number }
  | {
      /** matplotlib's PowerNorm: ((x − vmin) / (vmax − vmin))^gamma, below vmin clipped to 0. */
      readonly kind: 'power';
      readonly vmin: number;
      readonly vmax: number;
      readonly gamma: number;
    }
  | {
      readonly kind: 'symlog';
      readonly vmin: number;
      readonly vmax: number;
      readonly linthresh: number;
      readonly linscale: number;
      /** The logarithm's base (matplotlib's SymLogNorm base); 10 when absent. */
      readonly base?: number;
    }
  | {
      /** matplotlib's AsinhNorm: linear_width · asinh(x / linear_width), then linear. */
      readonly kind: 'asinh';
      readonly vmin: number;
      readonly vmax: number;
      readonly linearWidth: number;
    }
  | {
      /**
       * matplotlib's BoundaryNorm: the n-th bin between boundaries takes the n-th colour,
       * spread over the colormap's `ncolors` entries; values below the first boundary are
       * under, from the last on over. `extend` adds a bin (a colour) beyond either end.
       */
      readonly kind: 'boundary';
      readonly vmin: number;
      readonly vmax: number;
      readonly boundaries: readonly number[];
      readonly ncolors: number;
      readonly extend: 'neither' | 'min' | 'max' | 'both';
    };

export type NormFn = (value: number) => number;

/** The value a diverging scale is centred on (seaborn's center or a two-slope norm's), or null. */
export function normCenter(norm: NormSpec): number | null {
  if (norm.kind === 'center') return norm.center;
  if (norm.kind === 'linear' && norm.center !== undefined) return norm.center;
  return null;
}

/** Builds `value → t` for a resolved norm. */
export function makeNorm(spec: NormSpec): NormFn {
  switch (spec.kind) {
    case 'linear': {
      const { vmin, vmax } = spec;
      // matplotlib.colors.Normalize: (x - vmin) / (vmax - vmin); a degenerate range maps to 0.
      if (vmin === vmax) return (v) => (v === v ? 0 : Number.NaN);
      const span = vmax - vmin;
      return (v) => (v - vmin) / span;
    }
    case 'center': {
      // matplotlib.colors.TwoSlopeNorm: np.interp(x, [vmin, c, vmax], [0, .5, 1], left=-inf, right=inf)
      const { vmin, vmax, center } = spec;
      const lo = (0.5 - 0) / (center - vmin);
      const hi = (1 - 0.5) / (vmax - center);
      return (v) => {
        if (!(v === v)) return Number.NaN;
        if (v < vmin) return -Infinity;
        if (v > vmax) return Infinity;
        if (v === vmax) return 1;
        if (v < center) return lo * (v - vmin) + 0;
        return hi * (v - center) + 0.5;
      };
    }
    case 'log': {
      // matplotlib.colors.LogNorm: log10, then linear between log10(vmin) and log10(vmax);
      // values <= 0 are masked (missing).
      const t0 = Math.log10(spec.vmin);
      const span = Math.log10(spec.vmax) - t0;
      return (v) => (v > 0 ? (Math.log10(v) - t0) / span : Number.NaN);
    }
    case 'power': {
      // matplotlib 3.6's PowerNorm, step for step: x − vmin, negatives to 0, to the power
      // gamma, over (vmax − vmin)^gamma (so values below vmin take the lowest colour).
      const { vmin, vmax, gamma } = spec;
      if (vmin === vmax) return (v) => (v === v ? 0 : Number.NaN);
      const scale = (vmax - vmin) ** gamma;
      return (v) => {
        if (!(v === v)) return Number.NaN;
        const d = v - vmin;
        return (d < 0 ? 0 : d ** gamma) / scale;
      };
    }
    case 'symlog': {
      const f = symlogTransform(spec.linthresh, spec.linscale, spec.base);
      const t0 = f(spec.vmin);
      const span = f(spec.vmax) - t0;
      return (v) => (f(v) - t0) / span;
    }
    case 'asinh': {
      // matplotlib's AsinhNorm (make_norm_from_scale over AsinhScale): the transform, then
      // linear between the transformed ends.
      const w = spec.linearWidth;
      const f = (v: number) => w * Math.asinh(v / w);
      const t0 = f(spec.vmin);
      const span = f(spec.vmax) - t0;
      return (v) => (f(v) - t0) / span;
    }
    case 'boundary': {
      // The colour index as BoundaryNorm.__call__ computes it, then the middle of that
      // entry, so that lutIndex picks it: t = (index + 0.5) / ncolors.
      const index = boundaryIndex(spec);
      const n = spec.ncolors;
      return (v) => {
        const i = index(v);
        return i === i ? (i + 0.5) / n : i;
      };
    }
  }
}

/**
 * Where a value sits along the colorbar, 0 at its low end and 1 at its high end: the norm's
 * position, but evenly spaced bins for a BoundaryNorm (matplotlib's colorbar, spacing
 * "uniform"), each boundary at its bin's edge.
 */
export function colorbarPosition(spec: NormSpec): NormFn {
  if (spec.kind !== 'boundary') return makeNorm(spec);
  const b = spec.boundaries;
  const bins = b.length - 1;
  return (v) => {
    if (!(v === v)) return Number.NaN;
    if (v <= b[0]!) return 0;
    if (v >= b[bins]!) return 1;
    let k = 0;
    while (b[k + 1]! < v) k++;
    return (k + (v - b[k]!) / (b[k + 1]! - b[k]!)) / bins;
  };
}

/**
 * BoundaryNorm's colour index of a value: np.digitize over the boundaries, offset by an
 * extension below, stretched over the colormap's entries when it has more than the bins
 * (truncated to an integer, as its int16 cast), -Infinity below the first boundary and
 * Infinity from the last on (under and over), NaN for missing.
 */
export function boundaryIndex(spec: Extract<NormSpec, { kind: 'boundary' }>): NormFn {
  const { boundaries: b, ncolors: n, extend } = spec;
  const offset = extend === 'min' || extend === 'both' ? 1 : 0;
  const regions = b.length - 1 + offset + (extend === 'max' || extend === 'both' ? 1 : 0);
  const vmin = b[0]!;
  const vmax = b[b.length - 1]!;
  return (v) => {
    if (!(v === v)) return Number.NaN;
    if (v < vmin) return -Infinity;
    if (v >= vmax) return Infinity;
    // np.digitize (increasing bins): the number of boundaries ≤ v.
    let lo = 0;
    let hi = b.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (b[mid]! <= v) lo = mid + 1;
      else hi = mid;
    }
    let i = lo - 1 + offset;
    if (n > regions)
      i = regions === 1 ? (i === 0 ? (n - 1) >> 1 : i) : ((n - 1) / (regions - 1)) * i;
    return Math.trunc(i);
  };
}

/** matplotlib's SymmetricalLogTransform (base 10 unless given). */
export function symlogTransform(
  linthresh: number,
  linscale: number,
  base = 10,
): (v: number) => number {
  const linscaleAdj = linscale / (1 - base ** -1);
  const logBase = Math.log(base);
  return (a) => {
    const abs = Math.abs(a);
    if (abs <= linthresh) return a * linscaleAdj;
    return Math.sign(a) * linthresh * (linscaleAdj + Math.log(abs / linthresh) / logBase);
  };
}

/**
 * Where t falls in an n-entry table, as matplotlib's Colormap.__call__ decides:
 * -1 below the range, n above it, -2 for missing.
 */
export function lutIndex(t: number, n: number): number {
  if (!(t === t)) return -2;
  let x = t * n;
  if (x < 0) return -1;
  if (x === n) x = n - 1;
  if (x > n) return n;
  const i = Math.trunc(x);
  return i > n - 1 ? n : i;
}
