/**
 * Which named colormap a colorbar shows, if any: its colours compared with each of heatfig's
 * (matplotlib's and seaborn's tables, and each reversed) at the same places; the closest
 * within a few levels of each channel on average, else none (a colormap of the figure's own).
 */
import { colormapNames, namedColormap } from '../color/colormap.ts';
import type { ColorbarScale } from './colorbar.ts';

/** The root-mean-square difference (0–255) under which a colorbar is a named colormap. */
const CLOSE = 6;

export function matchColormap(scale: ColorbarScale): string | null {
  if (scale.n < 16) return null;
  let best: string | null = null;
  let bestErr = Infinity;
  const names = colormapNames().flatMap((n) => [n, `${n}_r`]);
  // Every fourth colour of the colorbar is enough to tell the maps apart.
  const at = Array.from({ length: Math.ceil(scale.n / 4) }, (_, j) => j * 4);
  for (const name of names) {
    const cmap = namedColormap(name);
    if (cmap.kind === 'qualitative') continue;
    let sum = 0;
    for (const i of at) {
      const t = scale.n > 1 ? i / (scale.n - 1) : 0;
      const k = Math.min(cmap.n - 1, Math.floor(t * cmap.n));
      for (let c = 0; c < 3; c++) sum += (cmap.lut[k * 3 + c]! - scale.colors[i * 3 + c]!) ** 2;
      if (sum / (at.length * 3) > bestErr * bestErr) break;
    }
    const err = Math.sqrt(sum / (at.length * 3));
    if (err < bestErr) [best, bestErr] = [name, err];
  }
  return bestErr <= CLOSE ? best : null;
}
