import type { Cycle, Objective } from '../contract';
import { DAY_MS, startOfDayUtc } from './calendar-day';

/** A week without a check-in makes a KR stale; the stale-check-in lint and every view use this one rule. */
export const STALE_AFTER_DAYS = 7;

/**
 * Whether figures last checked in at `lastCheckInAt` (epoch ms; undefined: never, so the cycle start
 * counts) are stale at `now`: only in an active cycle and for a published objective (drafts and closed
 * cycles are not expected to move), after more than `afterDays` days.
 */
export const staleSince = (
  lastCheckInAt: number | undefined,
  objective: Pick<Objective, 'status'>,
  cycle: Pick<Cycle, 'status' | 'startDate'>,
  now: Date,
  afterDays: number = STALE_AFTER_DAYS,
): boolean => {
  if (cycle.status !== 'active' || objective.status !== 'published') return false;
  return now.getTime() - Math.max(lastCheckInAt ?? 0, startOfDayUtc(cycle.startDate)) > afterDays * DAY_MS;
};
