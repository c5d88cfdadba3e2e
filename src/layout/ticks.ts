import type { TickMode } from '../figure/types.ts';

/** Which labels of an axis are drawn, and at what rotation (degrees, as SVG). */
export interface TickChoice {
  /** Positions whose labels are drawn. */
  readonly indices: readonly number[];
  readonly rotate: number;
  /** The step between drawn labels (1 = all). */
  readonly every: number;
}

/** 1, 2, 5, 10, 20, 50, …: steps that land labels on round positions. */
export function niceSteps(limit: number): number[] {
  const out: number[] = [];
  for (let p = 1; p <= limit * 10; p *= 10)
    for (const m of [1, 2, 5]) if (m * p <= Math.max(1, limit)) out.push(m * p);
  return out;
}

function every(n: number, k: number): number[] {
  const out: number[] = [];
  for (let i = 0; i < n; i += k) out.push(i);
  return out;
}

/**
 * Chooses rotation and thinning for labels spaced `spacing` px apart, each `maxWidth` px wide
 * and `height` px tall, so that no two drawn labels overlap (at least `gap` px between them).
 * Preference: all labels level; then all at 45°, then at 90°; then thinned (to a round step),
 * level if that keeps at least half as many labels as 90° would, else at 90°.
 * A fixed `rotation` is kept and only thinning is chosen. Labels at least `minSpacing` px
 * apart (for cells of a pixel or two, where every label would be clutter).
 */
export function chooseTicks(
  n: number,
  mode: TickMode,
  rotation: 'auto' | number,
  spacing: number,
  maxWidth: number,
  height: number,
  gap: number,
  minSpacing = 0,
): TickChoice & { thinned: boolean } {
  if (mode === 'none' || n === 0) return { indices: [], rotate: 0, every: 1, thinned: false };
  const fits = (deg: number, k: number) => {
    const d = spacing * k;
    if (d < minSpacing) return false;
    const rad = (Math.abs(deg) * Math.PI) / 180;
    if (deg === 0) return maxWidth + gap <= d;
    // Parallel rotated labels: their distance across the reading direction is d·sin(θ);
    // at small angles they may also collide along it.
    return d * Math.sin(rad) >= height + gap || d * Math.cos(rad) >= maxWidth + gap;
  };
  const base = typeof mode === 'object' ? mode.every : 1;
  const steps = niceSteps(n).map((s) => s * base);
  if (!steps.includes(base)) steps.unshift(base);
  const firstFit = (deg: number) => steps.find((k) => fits(deg, k)) ?? n;
  const pick = (deg: number, k: number) => ({
    indices: every(n, k),
    rotate: deg,
    every: k,
    thinned: k > base,
  });
  if (rotation !== 'auto') return pick(rotation, firstFit(rotation));
  if (fits(0, base)) return pick(0, base);
  if (fits(-45, base)) return pick(-45, base);
  if (fits(-90, base)) return pick(-90, base);
  const k0 = firstFit(0);
  const k90 = firstFit(-90);
  return k0 <= 2 * k90 ? pick(0, k0) : pick(-90, k90);
}
