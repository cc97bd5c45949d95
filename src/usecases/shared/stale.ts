import type { Cycle, Objective } from '../../contract';
import { DAY_MS, startOfDayUtc } from '../../domain/calendar-day';
import type { StoredKeyResult } from '../model';

/** Same rule as the stale-check-in lint: a week without a check-in, counted from the cycle start. */
export const STALE_AFTER_DAYS = 7;

/**
 * Whether a KR is stale at `now`: the cycle is active, the objective published, the KR active, and its
 * last check-in (or the cycle start, if it never had one) is more than 7 days ago.
 */
export const isStale = (kr: StoredKeyResult, objective: Objective, cycle: Cycle, now: Date): boolean => {
  if (cycle.status !== 'active' || objective.status !== 'published' || kr.status !== 'active') return false;
  const since = kr.lastCheckIn === undefined ? startOfDayUtc(cycle.startDate) : Date.parse(kr.lastCheckIn.at);
  return now.getTime() - since > STALE_AFTER_DAYS * DAY_MS;
};
