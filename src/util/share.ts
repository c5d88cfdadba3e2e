/**
 * Numbers good to a share of themselves (values read from a logarithmic colorbar's colours:
 * ±4.7% of each), written as a measurement is: to the place of its uncertainty's first digit,
 * 1200 beside 3.4 and 0.0056. `share` is the uncertainty over the value (0.047).
 */

/** The decimal place `v` is written to: 1 for tenths, 0 for units, -2 for hundreds (at most 12). */
export function sharePlace(v: number, share: number): number {
  return Math.min(12, -Math.floor(Math.log10(Math.abs(v) * share)));
}

/** `v` rounded to its place (sharePlace); 0, NaN and the infinities as they are. */
export function roundToShare(v: number, share: number): number {
  if (v === 0 || !Number.isFinite(v)) return v;
  const d = sharePlace(v, share);
  // (+ 0: no negative zero.)
  return (d >= 0 ? Number(v.toFixed(d)) : Math.round(v / 10 ** -d) * 10 ** -d) + 0;
}

/** `v` written to its place, its last digit kept when it is a 0 (4.0, not 4: read to a tenth). */
export function writeToShare(v: number, share: number): string {
  if (v === 0 || !Number.isFinite(v)) return String(v);
  const d = sharePlace(v, share);
  return d > 0 ? roundToShare(v, share).toFixed(d) : String(roundToShare(v, share));
}
