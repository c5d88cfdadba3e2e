import type { Grid } from './grid.ts';

/**
 * What the colour scale and the description need to know of all of a grid's values, however
 * it is drawn: counts, the finite extremes, the positive extremes (a log scale's range) and
 * whether infinities occur. Made in one pass, so a file streamed through a reducer can be
 * summarised as it goes (the drawn, reduced grid cannot tell its true extremes).
 */
export interface ValueSummary {
  readonly finite: number;
  readonly missing: number;
  readonly infinite: number;
  readonly negInf: number;
  readonly min: number;
  readonly max: number;
  /** Smallest and largest finite values above 0 (Infinity, -Infinity when none). */
  readonly posMin: number;
  readonly posMax: number;
  /** How many values are at or below 0 (finite or -inf): a log scale cannot draw them. */
  readonly nonPositive: number;
}

/** Accumulates a ValueSummary over runs of values. */
export class SummaryAccumulator {
  finite = 0;
  missing = 0;
  negInf = 0;
  posInf = 0;
  min = Infinity;
  max = -Infinity;
  posMin = Infinity;
  posMax = -Infinity;
  nonPositive = 0;

  /** Adds values[offset … offset + length), skipping those whose mask entry is 1. */
  add(
    values: ArrayLike<number>,
    offset = 0,
    length = values.length - offset,
    mask: Uint8Array | null = null,
  ): void {
    let { finite, missing, min, max, posMin, posMax, nonPositive } = this;
    for (let i = offset; i < offset + length; i++) {
      if (mask?.[i - offset]) continue;
      const x = values[i]!;
      if (x - x === 0) {
        finite++;
        if (x < min) min = x;
        if (x > max) max = x;
        if (x > 0) {
          if (x < posMin) posMin = x;
          if (x > posMax) posMax = x;
        } else nonPositive++;
      } else if (x === x) {
        if (x > 0) this.posInf++;
        else {
          this.negInf++;
          nonPositive++;
        }
      } else missing++;
    }
    Object.assign(this, { finite, missing, min, max, posMin, posMax, nonPositive });
  }

  result(): ValueSummary {
    return {
      finite: this.finite,
      missing: this.missing,
      infinite: this.negInf + this.posInf,
      negInf: this.negInf,
      min: this.min,
      max: this.max,
      posMin: this.posMin,
      posMax: this.posMax,
      nonPositive: this.nonPositive,
    };
  }
}

/** The summary of every panel's values, masked cells (mask[panel][k] = 1) left out. */
export function summarize(grid: Grid, mask: readonly (Uint8Array | null)[] = []): ValueSummary {
  const acc = new SummaryAccumulator();
  grid.panels.forEach((p, i) => {
    acc.add(p.values, 0, p.values.length, mask[i] ?? null);
  });
  return acc.result();
}
