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
      const f = symlogTransform(spec.linthresh, spec.linscale);
      const t0 = f(spec.vmin);
      const span = f(spec.vmax) - t0;
      return (v) => (f(v) - t0) / span;
    }
  }
}

/** matplotlib's SymmetricalLogTransform, base 10. */
export function symlogTransform(linthresh: number, linscale: number): (v: number) => number {
  const linscaleAdj = linscale / (1 - 10 ** -1);
  const logBase = Math.log(10);
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
