import type { Band, BandConfig } from '../contract';
import { DEFAULT_BANDS } from '../contract';
import { roundTo } from './round';

/**
 * The colour band of a 0.0-1.0 score, on half-open intervals: [0, yellowFrom) red, [yellowFrom, greenFrom)
 * yellow, [greenFrom, 1] green. The score is rounded to 6 decimals first so that float noise
 * (0.6999999999999 from a weighted mean) does not drop a 0.7 into the band below.
 */
export const bandOf = (score: number, config: BandConfig = DEFAULT_BANDS): Band => {
  const s = roundTo(score, 6);
  if (s >= config.greenFrom) return 'green';
  if (s >= config.yellowFrom) return 'yellow';
  return 'red';
};
