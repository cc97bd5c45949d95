import { aBinaryKeyResult, aDecreasingKeyResult, aMetric } from '../../test/support/builders';
import { binaryDone, metricProgress } from './progress';

describe('metricProgress, increasing KR (retention from 82% to 92%)', () => {
  test.each([
    [82, 0],
    [87, 0.5],
    [92, 1],
  ])('at %p%% is %p', (current, progress) => {
    expect(metricProgress(aMetric({ current }))).toBeCloseTo(progress, 12);
  });

  test('clamps an overshoot to 1.0', () => {
    expect(metricProgress(aMetric({ current: 97 }))).toBe(1);
  });

  test('clamps an undershoot below the start to 0.0', () => {
    expect(metricProgress(aMetric({ current: 75 }))).toBe(0);
  });
});

describe('metricProgress, decreasing KR (onboarding from 28 to 10 days)', () => {
  const onboarding = aDecreasingKeyResult().metric;

  test.each([
    [28, 0],
    [19, 0.5],
    [10, 1],
    [5, 1],
    [30, 0],
  ])('at %p days is %p', (current, progress) => {
    expect(metricProgress({ ...onboarding, current })).toBe(progress);
  });
});

describe('metricProgress, binary KR', () => {
  const binary = aBinaryKeyResult().metric;

  test('is 0 when not done', () => {
    expect(metricProgress({ ...binary, current: 0 })).toBe(0);
  });

  test('is 1 when done', () => {
    expect(metricProgress({ ...binary, current: 1 })).toBe(1);
  });
});

describe('metricProgress, zero-range KR (start equals target)', () => {
  const hold = aMetric({ kind: 'percent', start: 99.9, target: 99.9, current: 99.9 });

  test('is 1.0 exactly on the target', () => {
    expect(metricProgress(hold)).toBe(1);
  });

  test.each([99.8, 100])('is 0.0 off the target, either way (%p)', (current) => {
    expect(metricProgress({ ...hold, current })).toBe(0);
  });
});

describe('metricProgress, other kinds', () => {
  test('scores a percent KR like any number', () => {
    expect(metricProgress(aMetric({ kind: 'percent', start: 62, target: 90, current: 76 }))).toBe(0.5);
  });

  test('scores a currency KR like any number', () => {
    expect(
      metricProgress(
        aMetric({ kind: 'currency', start: 1_000_000, target: 1_500_000, current: 1_125_000, unit: 'EUR' }),
      ),
    ).toBe(0.25);
  });

  test('scores a count KR from zero (6 reference customers, 3 secured)', () => {
    expect(metricProgress(aMetric({ kind: 'number', start: 0, target: 6, current: 3, unit: undefined }))).toBe(0.5);
  });

  test('scores a decreasing currency KR (cost from 50k down to 30k)', () => {
    expect(
      metricProgress(aMetric({ kind: 'currency', start: 50_000, target: 30_000, current: 35_000, unit: 'USD' })),
    ).toBe(0.75);
  });
});

describe('binaryDone', () => {
  test('reads 1 and above as done, anything below as not done', () => {
    expect(binaryDone(1)).toBe(true);
    expect(binaryDone(2)).toBe(true);
    expect(binaryDone(0.99)).toBe(false);
    expect(binaryDone(0)).toBe(false);
  });
});
