import type { KeyResult } from '../contract';
import { aBinaryKeyResult, aDecreasingKeyResult, aKeyResult, aMetric } from '../../test/support/builders';
import { isActive, keyResultScore, meanScore, objectiveScore, weightedScore } from './score';

/** A retention KR (82% -> 92%) at `current`. */
const retentionAt = (current: number, over: Partial<KeyResult> = {}): KeyResult =>
  aKeyResult({ metric: aMetric({ current }), ...over });

describe('keyResultScore', () => {
  test('is the measured progress when no score was given at review', () => {
    expect(keyResultScore(retentionAt(87))).toBeCloseTo(0.5, 12);
  });

  test('follows the direction of a decreasing KR', () => {
    const kr = aDecreasingKeyResult();
    expect(keyResultScore({ ...kr, metric: { ...kr.metric, current: 19 } })).toBe(0.5);
  });

  test('is the score given at review, over the measured progress', () => {
    expect(keyResultScore(retentionAt(92, { finalScore: 0.7 }))).toBe(0.7);
  });

  test('keeps a score of 0 given at review even when the metric says done', () => {
    expect(keyResultScore(retentionAt(92, { finalScore: 0 }))).toBe(0);
  });

  test('keeps a score given at review above the measured progress', () => {
    expect(keyResultScore(aBinaryKeyResult({ finalScore: 0.4 }))).toBe(0.4);
  });
});

describe('isActive', () => {
  test('is true for an active KR and false for an archived one', () => {
    expect(isActive(aKeyResult())).toBe(true);
    expect(isActive(aKeyResult({ status: 'archived' }))).toBe(false);
  });
});

describe('objectiveScore', () => {
  test('is the plain mean with equal weights', () => {
    expect(objectiveScore([retentionAt(92), retentionAt(82)])).toBe(0.5);
  });

  test('weights KRs (3 and 1)', () => {
    expect(objectiveScore([retentionAt(92, { weight: 3 }), retentionAt(82, { weight: 1 })])).toBe(0.75);
  });

  test('uses scores given at review in the weighted mean', () => {
    expect(objectiveScore([retentionAt(82, { finalScore: 0.6, weight: 1 }), retentionAt(92, { weight: 1 })])).toBe(0.8);
  });

  test('mixes kinds: a done binary KR and a decreasing KR halfway', () => {
    const decreasing = aDecreasingKeyResult();
    const done = aBinaryKeyResult({ metric: { kind: 'binary', start: 0, target: 1, current: 1 } });
    expect(objectiveScore([done, { ...decreasing, metric: { ...decreasing.metric, current: 19 } }])).toBe(0.75);
  });

  test('leaves archived KRs out', () => {
    expect(objectiveScore([retentionAt(92), retentionAt(82, { status: 'archived', weight: 10 })])).toBe(1);
  });

  test('is null for an objective with no KRs: nothing measured is not a 0', () => {
    expect(objectiveScore([])).toBeNull();
  });

  test('is null when every KR is archived', () => {
    expect(
      objectiveScore([retentionAt(92, { status: 'archived' }), retentionAt(82, { status: 'archived' })]),
    ).toBeNull();
  });
});

describe('weightedScore', () => {
  test('weighs each score by its weight', () => {
    expect(weightedScore([{ weight: 3, score: 1 }, { weight: 1, score: 0 }])).toBe(0.75);
  });

  test('is null when there is nothing to weigh', () => {
    expect(weightedScore([])).toBeNull();
  });
});

describe('meanScore', () => {
  test('is the plain mean of the known scores, skipping objectives without one', () => {
    expect(meanScore([0.2, null, 0.6])).toBeCloseTo(0.4, 12);
  });

  test('is null when no score is known', () => {
    expect(meanScore([null, null])).toBeNull();
    expect(meanScore([])).toBeNull();
  });
});
