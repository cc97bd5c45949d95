import type { KeyResult } from '../contract';
import { metricProgress } from './progress';

/** A KR's score: the grade given at review when there is one, else its measured progress. */
export const keyResultScore = (kr: Pick<KeyResult, 'metric' | 'finalScore'>): number =>
  kr.finalScore ?? metricProgress(kr.metric);

export const isActive = (kr: Pick<KeyResult, 'status'>): boolean => kr.status === 'active';

/** The weighted mean of some scores; null when there is nothing to weigh (not the same as 0). */
export const weightedScore = (parts: readonly { readonly weight: number; readonly score: number }[]): number | null => {
  let weighted = 0;
  let total = 0;
  for (const p of parts) {
    weighted += p.weight * p.score;
    total += p.weight;
  }
  return total === 0 ? null : weighted / total;
};

/**
 * An objective's own score: the weighted mean of its active KRs' scores. An objective with no active KR
 * has no score (null), which is not the same as scoring 0: nothing has been measured.
 */
export const objectiveScore = (
  krs: readonly Pick<KeyResult, 'metric' | 'finalScore' | 'status' | 'weight'>[],
): number | null => weightedScore(krs.filter(isActive).map((kr) => ({ weight: kr.weight, score: keyResultScore(kr) })));

/** A team's (or any group's) score: the plain mean of its objectives' scores, skipping those with none. */
export const meanScore = (scores: readonly (number | null)[]): number | null => {
  const known = scores.filter((s): s is number => s !== null);
  return known.length === 0 ? null : known.reduce((a, b) => a + b, 0) / known.length;
};
