/**
 * Every detector, by kind, in the order their plans run (and so the order of the claims'
 * ids): the whole grid first, then aligned square panels, lines, pairs, and the colour scale.
 */
import type { ClaimKind } from '../claims.ts';
import type { Detector } from '../detector.ts';
import { band } from './band.ts';
import { categories } from './categories.ts';
import { clusters } from './clusters.ts';
import { classAccuracy } from './class-accuracy.ts';
import { clipping } from './clipping.ts';
import { concentration } from './concentration.ts';
import { diagonalMax } from './diagonal-max.ts';
import { errorGrowth } from './error-growth.ts';
import { extreme } from './extreme.ts';
import { facetCompare } from './facet-compare.ts';
import { gradient } from './gradient.ts';
import { groupContrast } from './group-contrast.ts';
import { levels } from './levels.ts';
import { lowVariance } from './low-variance.ts';
import { magnitudeShare } from './magnitude-share.ts';
import { marginal } from './marginal.ts';
import { missing } from './missing.ts';
import { outliers } from './outliers.ts';
import { sign } from './sign.ts';
import { step } from './step.ts';
import { summary } from './summary.ts';
import { symmetry } from './symmetry.ts';
import { topOffdiag } from './top-offdiag.ts';
import { trend } from './trend.ts';
import { trendFamily } from './trend-family.ts';
import { value } from './value.ts';

export const DETECTORS: { readonly [K in ClaimKind]: Detector<K> } = {
  summary,
  categories,
  clusters,
  extreme,
  missing,
  outliers,
  group_contrast: groupContrast,
  class_accuracy: classAccuracy,
  facet_compare: facetCompare,
  magnitude_share: magnitudeShare,
  levels,
  diagonal_max: diagonalMax,
  top_offdiag: topOffdiag,
  band,
  symmetry,
  marginal,
  trend,
  step,
  trend_family: trendFamily,
  gradient,
  error_growth: errorGrowth,
  low_variance: lowVariance,
  concentration,
  sign,
  clipping,
  value,
};
