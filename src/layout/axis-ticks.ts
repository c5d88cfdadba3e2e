/** Which tick labels an axis shows: all that fit (shrunk, then turned, then thinned), or round positions of a reduced axis. */
import type { TickMode } from '../figure/types.ts';
import { niceSteps, type TickChoice } from './ticks.ts';

/** The smallest font size a tick label shrinks to when every label is asked for. */
const MIN_TICK_SIZE = 6;

/**
 * The tick size and choice for an axis: at the preferred size, or, when every label is asked
 * for ("all") and they do not all fit level, the largest size down to MIN_TICK_SIZE (in half
 * px) at which they all fit level; then turned, from the preferred size down; past that, the
 * smallest size, thinned. `choose(size, level)` asks for level labels only.
 */
export function allLabels(
  mode: TickMode,
  preferred: number,
  choose: (size: number, level: boolean) => TickChoice & { thinned: boolean },
): { size: number; choice: TickChoice & { thinned: boolean } } {
  const first = choose(preferred, false);
  if (mode !== 'all' || (!first.thinned && first.rotate === 0))
    return { size: preferred, choice: first };
  for (const level of [true, false]) {
    for (let s = preferred; s >= MIN_TICK_SIZE; s -= 0.5) {
      const c = choose(s, level);
      if (!c.thinned) return { size: s, choice: c };
    }
  }
  return { size: MIN_TICK_SIZE, choice: choose(MIN_TICK_SIZE, false) };
}

/** True if labels are the positions 0, a, b, … (increasing whole numbers from 0), as for a reduced array. */
export function isPositions(labels: readonly string[]): boolean {
  return (
    labels[0] === '0' &&
    labels.every((l, i) => /^\d+$/.test(l) && (i === 0 || Number(l) > Number(labels[i - 1])))
  );
}

/**
 * Ticks at round positions (1, 2, 5 × 10^k apart) of an axis of n original cells drawn
 * `length` px long, at least `minSpacing` px apart and wide enough for their labels.
 */
export function positionTicks(
  n: number,
  length: number,
  widthOf: (label: string) => number,
  minSpacing: number,
): { center: number; label: string }[] {
  const widest = widthOf(String(n - 1));
  const step = niceSteps(n).find((s) => (s / n) * length >= Math.max(minSpacing, widest)) ?? n;
  const out: { center: number; label: string }[] = [];
  for (let p = 0; p < n; p += step)
    out.push({ center: ((p + 0.5) / n) * length, label: String(p) });
  return out;
}
