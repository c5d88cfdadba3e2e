/**
 * Every literal default, documented once. Rules that choose a value from the data
 * (range, extend, colormap for centred data) live in resolve.ts and use these.
 */
export const DEFAULTS = {
  /** seaborn's default for sequential data. */
  cmap: 'rocket',
  /** seaborn's default when `center` is set. */
  cmapCentered: 'icefire',
  norm: 'linear',
  /** seaborn's annotation format. */
  fmt: '.2g',
  linthresh: 1,
  /** matplotlib's SymLogNorm defaults. */
  linscale: 1,
  symlogBase: 10,
  /** matplotlib's AsinhNorm default. */
  linearWidth: 1,
  /** seaborn's robust range: these percentiles of the data. */
  robustPercentiles: [2, 98],
  ticklabels: 'auto',
  xaxis: 'bottom',
  xrotation: 'auto',
  extend: 'auto',
  linecolor: 'white',
  separatorColor: 'white',
  separatorWidth: 2,
  fontSize: 12,
  background: 'white',
  panelGap: 8,
  raster: 'auto',
  reduce: 'mean',
} as const;
