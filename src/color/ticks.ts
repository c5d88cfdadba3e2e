import { ticks as niceTicks } from 'd3-array';
import type { NormSpec } from './norm.ts';

/** Cleans float noise from k·step (0.30000000000000004 → 0.3). */
function clean(v: number): number {
  return Number(v.toPrecision(12));
}

/**
 * Colorbar tick values inside [vmin, vmax]: the given ones, multiples of a step (as
 * matplotlib's MultipleLocator), or round numbers about one per `spacing` px (d3's ticks for
 * linear scales, decades for log, zero and decades on both sides for symlog).
 */
export function colorbarTicks(
  norm: NormSpec,
  opt: readonly number[] | { readonly step: number } | null,
  lengthPx: number,
  spacing: number,
): number[] {
  const { vmin, vmax } = norm;
  const inside = (v: number) =>
    v >= vmin - 1e-12 * Math.abs(vmin) && v <= vmax + 1e-12 * Math.abs(vmax);
  if (Array.isArray(opt)) return [...new Set(opt)].filter(inside).sort((a, b) => a - b);
  if (opt && 'step' in opt) {
    const step = opt.step;
    const out: number[] = [];
    const k0 = Math.ceil(clean(vmin / step));
    const k1 = Math.floor(clean(vmax / step));
    for (let k = k0; k <= k1 && out.length < 1000; k++) out.push(clean(k * step));
    return out;
  }
  const count = Math.max(2, Math.floor(lengthPx / spacing));
  if (norm.kind === 'log') {
    const out: number[] = [];
    for (let k = Math.ceil(Math.log10(vmin) - 1e-9); k <= Math.floor(Math.log10(vmax) + 1e-9); k++)
      out.push(clean(10 ** k));
    if (out.length >= 2) return thinDecades(out, count);
    return atLeastTwo(vmin, vmax, count).filter((v) => v > 0);
  }
  // A BoundaryNorm's bar is ticked at its boundaries (thinned when crowded).
  if (norm.kind === 'boundary') return [...norm.boundaries];
  if (norm.kind === 'symlog' || norm.kind === 'asinh') {
    // Zero, and the powers of the base (10 for asinh) from the linear range out, both signs.
    const top = Math.max(Math.abs(vmin), Math.abs(vmax));
    const base = norm.kind === 'symlog' ? (norm.base ?? 10) : 10;
    const lin = norm.kind === 'symlog' ? norm.linthresh : norm.linearWidth;
    const log = (x: number) => Math.log(x) / Math.log(base);
    const out = new Set<number>([0]);
    // asinh's scale has room for 2 and 5 between its decades (as AsinhLocator's round
    // numbers), when the decades alone would leave the bar bare.
    const decades = Math.ceil(log(top) - 1e-9) - Math.floor(log(lin) + 1e-9) + 1;
    const subs = norm.kind === 'asinh' && 2 * decades <= count ? [1, 2, 5] : [1];
    for (let k = Math.floor(log(lin) + 1e-9); k <= Math.ceil(log(top) - 1e-9); k++) {
      for (const s of subs) {
        out.add(clean(s * base ** k));
        out.add(clean(-s * base ** k));
      }
    }
    return thinDecades(
      [...out].filter(inside).sort((a, b) => a - b),
      count,
    );
  }
  return atLeastTwo(vmin, vmax, count);
}

/** d3's round ticks, asked for more until at least two fall in the range (0.1…0.9 has only 0.5 at two). */
function atLeastTwo(vmin: number, vmax: number, count: number): number[] {
  let c = count;
  let t = roundTicks(vmin, vmax, c);
  while (t.length < 2 && c < 64 && vmin < vmax) t = roundTicks(vmin, vmax, ++c);
  return t;
}

/**
 * d3's round ticks, or the two ends where d3 cannot make them: a range so narrow (subnormal
 * numbers) or so wide (past 1e308) that its step underflows or overflows.
 */
function roundTicks(vmin: number, vmax: number, count: number): number[] {
  const span = vmax - vmin;
  const scale = Math.max(Math.abs(vmin), Math.abs(vmax));
  if (!(span > 0) || !Number.isFinite(span) || span < 1e-290 || span < scale * 1e-10)
    return vmin === vmax ? [vmin] : [vmin, vmax];
  return niceTicks(vmin, vmax, count).map(clean);
}

/** Keeps every other decade until at most `count + 1` remain, keeping zero. */
function thinDecades(values: number[], count: number): number[] {
  let v = values;
  while (v.length > count + 1) v = v.filter((x, i) => x === 0 || i % 2 === 0);
  return v;
}
