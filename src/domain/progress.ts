import type { Metric } from '../contract';

const clamp01 = (x: number): number => Math.min(1, Math.max(0, x));

/** A binary KR's value reads done from 1 up and not done below: the one rule for scores and for words. */
export const binaryDone = (value: number): boolean => value >= 1;

/**
 * Progress of a KR's metric on 0.0-1.0, clamped. Direction follows start -> target, so "reduce from 28
 * to 10 days" at 19 days is 0.5. Binary KRs are 0 or 1.
 *
 * A KR whose start equals its target has no range to travel: it is a level to hold (a KPI, really). We
 * score it deliberately as 1.0 while current sits exactly on the target and 0.0 otherwise, because with
 * no direction we cannot tell a good deviation from a bad one; lint flags such KRs (key-result-zero-range).
 */
export const metricProgress = (metric: Metric): number => {
  if (metric.kind === 'binary') return binaryDone(metric.current) ? 1 : 0;
  const range = metric.target - metric.start;
  if (range === 0) return metric.current === metric.target ? 1 : 0;
  return clamp01((metric.current - metric.start) / range);
};
