/**
 * Which named colormap a colorbar shows, if any: its colours compared with each of heatfig's
 * (matplotlib's and seaborn's tables, and each reversed) at the same places; the closest
 * within a few levels of each channel on average, else none (a colormap of the figure's own).
 */
import { type Colormap, colormapNames, namedColormap } from '../color/colormap.ts';
import type { ColorbarScale } from './colorbar.ts';

/** The root-mean-square difference (0–255) under which a colorbar is a named colormap. */
const CLOSE = 6;

/** Every fourth colour of a colorbar: enough to tell the maps apart. */
const sampled = (scale: ColorbarScale) =>
  Array.from({ length: Math.ceil(scale.n / 4) }, (_, j) => j * 4);

/**
 * The root-mean-square difference between a colorbar's colours (`at` of them) and a
 * colormap's from `from` to `to` of it (0 and 1: all of it); past `stop`, any larger number.
 */
function unlike(
  scale: ColorbarScale,
  at: readonly number[],
  cmap: Colormap,
  from: number,
  to: number,
  stop: number,
): number {
  let sum = 0;
  for (const i of at) {
    const t = from + (to - from) * (scale.n > 1 ? i / (scale.n - 1) : 0);
    const k = Math.min(cmap.n - 1, Math.floor(t * cmap.n));
    for (let c = 0; c < 3; c++) sum += (cmap.lut[k * 3 + c]! - scale.colors[i * 3 + c]!) ** 2;
    if (sum / (at.length * 3) > stop * stop) break;
  }
  return Math.sqrt(sum / (at.length * 3));
}

/** Each named colormap and its reverse, but the qualitative ones: decoded once, when first asked for. */
let named: readonly Colormap[] | null = null;
const candidates = (only?: Colormap['kind']) => {
  named ??= colormapNames()
    .flatMap((n) => [n, `${n}_r`])
    .map((name) => namedColormap(name))
    .filter((c) => c.kind !== 'qualitative');
  return only === undefined ? named : named.filter((c) => c.kind === only);
};

/**
 * The named colormap a colorbar shows, and the centre it was cut about where it shows a part
 * of one (seaborn's `center`): the whole of a map (matchColormap), else, where the values at
 * the bar's ends (`range`) were read, a diverging map's cut (matchCut) and its centre
 * (cutCentre), the ends read to a pixel and a half of the bar or to the values' own
 * `uncertainty` (a 72-dpi bar's end read −22.59 for −22.88 had put the centre at 0.1).
 */
export function matchScale(
  scale: ColorbarScale,
  range: readonly [number, number] | null,
  uncertainty: number,
): { cmap: string | null; center: number | null } {
  const whole = matchColormap(scale);
  if (whole || !range) return { cmap: whole, center: null };
  const part = matchCut(scale);
  if (!part) return { cmap: null, center: null };
  const slack = Math.max(uncertainty, Math.abs(range[1] - range[0]) * (1.5 / (scale.n - 1)));
  const center = cutCentre(range[0], range[1], part.from, part.to, slack);
  return center === null ? { cmap: null, center: null } : { cmap: part.name, center };
}

export function matchColormap(scale: ColorbarScale): string | null {
  if (scale.n < 16) return null;
  let best: string | null = null;
  let bestErr = Infinity;
  const at = sampled(scale);
  for (const cmap of candidates()) {
    const err = unlike(scale, at, cmap, 0, 1, bestErr);
    if (err < bestErr) [best, bestErr] = [cmap.name, err];
  }
  return bestErr <= CLOSE ? best : null;
}

/**
 * A diverging colormap cut as seaborn's `center` cuts it (recenteredColormap: the map spans
 * a range symmetric about the centre, and the colorbar shows the part from its low end to its
 * high end, one of which is an end of the map), where the whole of no named map is shown:
 * its name and where the colorbar's ends fall in it. seaborn's correlation matrices, drawn
 * with `center=0` over −0.74 to 1, show coolwarm from 0.13 to 1. Cuts of 1/256 to 0.45 of the
 * map are tried, a colour of the map's 256 apart.
 */
export function matchCut(scale: ColorbarScale): { name: string; from: number; to: number } | null {
  if (scale.n < 16) return null;
  let best: { name: string; from: number; to: number } | null = null;
  let bestErr = Infinity;
  const at = sampled(scale);
  for (const cmap of candidates('diverging'))
    for (let k = 1; k <= 0.45 * 256; k++)
      for (const [from, to] of [
        [k / 256, 1],
        [0, 1 - k / 256],
      ] as const) {
        const err = unlike(scale, at, cmap, from, to, bestErr);
        if (err < bestErr) [best, bestErr] = [{ name: cmap.name, from, to }, err];
      }
  return bestErr <= CLOSE ? best : null;
}

/**
 * The centre a cut diverging colormap (matchCut) was cut about, for a colorbar from `lo` to
 * `hi` (each read to within `slack`): the centre of the range symmetric about it whose part
 * lo..hi is from..to of the map, written with the fewest decimals (or the most trailing
 * zeros) that put it where a cut a colour of the map either way, or ends `slack` off, would
 * (a 72-dpi colorbar's end read −0.55 for −0.56 had put the centre at 0.008); null where it
 * is not within the colorbar's range.
 */
export function cutCentre(
  lo: number,
  hi: number,
  from: number,
  to: number,
  slack = 0,
): number | null {
  // From to = 1: hi is the centre plus the half-range r, lo is (centre − r) + from·2r.
  // From from = 0: lo is the centre less r, hi is (centre − r) + to·2r.
  const centre = (f: number, t: number) =>
    t === 1 ? (lo + hi - 2 * f * hi) / (2 - 2 * f) : lo + (hi - lo) / (2 * t);
  const c = centre(from, to);
  const step = 1 / 256;
  const near =
    to === 1
      ? [centre(Math.max(0, from - step), 1), centre(from + step, 1)]
      : [centre(0, to - step), centre(0, Math.min(1, to + step))];
  // How far the centre moves with each end (to = 1: 1/(2 − 2f) with lo, (1 − 2f)/(2 − 2f)
  // with hi; from = 0: 1 − 1/(2t) with lo, 1/(2t) with hi).
  const moves =
    to === 1
      ? (1 + Math.abs(1 - 2 * from)) / (2 - 2 * from)
      : Math.abs(1 - 1 / (2 * to)) + 1 / (2 * to);
  const tol = Math.max(...near.map((x) => Math.abs(x - c))) + moves * slack;
  if (!(c > Math.min(lo, hi) && c < Math.max(lo, hi))) return null;
  for (let d = -Math.ceil(Math.log10(Math.abs(hi - lo))) - 1; d <= 12; d++) {
    const p = 10 ** d;
    const r = Math.round(c * p) / p;
    if (Math.abs(r - c) <= tol) return r === 0 ? 0 : r;
  }
  return c;
}
