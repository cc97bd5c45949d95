import type { Cycle, Objective } from '../../contract';
import { DAY_MS, startOfDayUtc } from '../../domain/calendar-day';
import type { StoredKeyResult } from '../model';

/** Same rule as the stale-check-in lint: a week without a check-in, counted from the cycle start. */
export const STALE_AFTER_DAYS = 7;

/**
 * Whether a KR is stale at `now`: the cycle is active, the objective published, the KR active, and its
 * last check-in (or the cycle start, if it never had one) is more than 7 days ago.
 */
export const isStale = (kr: StoredKeyResult, objective: Objective, cycle: Cycle, now: Date): boolean =>
  kr.status === 'active' && staleSince(kr.lastCheckIn === undefined ? undefined : Date.parse(kr.lastCheckIn.at), objective, cycle, now);

/**
 * The rule itself, from the time of the last check-in (epoch ms; undefined: never, so the cycle start
 * counts): also what an objective's tree index entry says about its freshest KR.
 */
export const staleSince = (lastCheckInAt: number | undefined, objective: Pick<Objective, 'status'>, cycle: Cycle, now: Date): boolean => {
  if (cycle.status !== 'active' || objective.status !== 'published') return false;
  return now.getTime() - Math.max(lastCheckInAt ?? 0, startOfDayUtc(cycle.startDate)) > STALE_AFTER_DAYS * DAY_MS;
};
