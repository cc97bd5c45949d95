import type { Cycle, Pace } from '../contract';
import { DAY_MS, startOfDayUtc } from './calendar-day';
import { roundTo } from './round';

export type CycleDates = Pick<Cycle, 'startDate' | 'endDate'>;

export interface PaceOptions {
  /** How far (on the 0.0-1.0 scale) progress may stray from the expected line and still be on pace. */
  readonly tolerance: number;
}

export const DEFAULT_PACE_OPTIONS: PaceOptions = { tolerance: 0.1 };

/** The cycle's span in epoch ms: its start date at 00:00 UTC to the end of its end date (the next 00:00 UTC). */
export const cycleSpan = (cycle: CycleDates): { readonly start: number; readonly end: number } => ({
  start: startOfDayUtc(cycle.startDate),
  end: startOfDayUtc(cycle.endDate) + DAY_MS,
});

/**
 * The fraction (0.0-1.0) of the cycle that has elapsed at `now`. A cycle runs from its start date at 00:00
 * UTC to the END of its end date (the next day at 00:00 UTC), so the last day counts as a full day of work.
 * Time is passed in, never read, so callers and tests decide what "now" is.
 */
export const cycleElapsed = (cycle: CycleDates, now: Date): number => {
  const t = now.getTime();
  if (Number.isNaN(t)) throw new RangeError('cycleElapsed: now is an invalid Date');
  const { start, end } = cycleSpan(cycle);
  if (t <= start) return 0;
  if (t >= end) return 1;
  return (t - start) / (end - start);
};

/** Where a KR's progress should be at `now` if it moves on a straight line from start to target. */
export const expectedProgress = (cycle: CycleDates, now: Date): number => cycleElapsed(cycle, now);

/** The value that straight line reaches at `now`, in the KR's own units (the history chart's "expected"). */
export const expectedValue = (
  metric: { readonly start: number; readonly target: number },
  cycle: CycleDates,
  now: Date,
): number => metric.start + expectedProgress(cycle, now) * (metric.target - metric.start);

/**
 * Whether progress is ahead of, on or behind the expected line, within `tolerance`: ahead from
 * expected + tolerance up, behind strictly below expected - tolerance. Null progress (nothing measured)
 * has no pace. The gap is rounded to 6 decimals so that 0.7 against 0.6 counts as exactly 0.1 ahead.
 */
export const paceOf = (
  progress: number | null,
  cycle: CycleDates,
  now: Date,
  options: PaceOptions = DEFAULT_PACE_OPTIONS,
): Pace | null => {
  if (progress === null) return null;
  const gap = roundTo(progress - expectedProgress(cycle, now), 6);
  if (gap >= options.tolerance) return 'ahead';
  if (gap < -options.tolerance) return 'behind';
  return 'on_pace';
};
