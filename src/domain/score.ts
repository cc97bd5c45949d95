import type { KeyResult } from '../contract';
import { metricProgress } from './progress';

/** A KR's score: the grade given at review when there is one, else its measured progress. */
export const keyResultScore = (kr: Pick<KeyResult, 'metric' | 'finalScore'>): number =>
  kr.finalScore ?? metricProgress(kr.metric);

export const isActive = (kr: Pick<KeyResult, 'status'>): boolean => kr.status === 'active';

/**
 * An objective's own score: the weighted mean of its active KRs' scores. An objective with no active KR
 * has no score (null), which is not the same as scoring 0: nothing has been measured.
 */
export const objectiveScore = (
  krs: readonly Pick<KeyResult, 'metric' | 'finalScore' | 'status' | 'weight'>[],
): number | null => {
  let weighted = 0;
  let total = 0;
  for (const kr of krs) {
    if (!isActive(kr)) continue;
    weighted += kr.weight * keyResultScore(kr);
    total += kr.weight;
  }
  return total === 0 ? null : weighted / total;
};
