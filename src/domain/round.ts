/**
 * Rounds half up to `decimals` places. Scores come out of divisions such as (16.3 - 28) / (10 - 28), which
 * land a hair below the decimal they mean (0.6499999999999999 for 0.65), so a naive Math.round would
 * round them the wrong way; snapping to 6 decimals first absorbs that noise before the real rounding.
 */
export const roundTo = (value: number, decimals: number): number => {
  const factor = 10 ** decimals;
  return Math.round(Number((value * factor).toFixed(6))) / factor;
};
