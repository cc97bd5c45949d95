import type { Cycle, Objective } from '../contract';
import { DAY_MS, startOfDayUtc } from './calendar-day';

/** A week without a check-in makes a KR stale; the stale-check-in lint and every view use this one rule. */
export const STALE_AFTER_DAYS = 7;

/**
 * When a KR's weekly rhythm last restarted (epoch ms): the latest of its last check-in, its creation and
 * the cycle start. Either time may be undefined (never checked in; created before KRs recorded it).
 * A KR added to a cycle that started weeks ago is due its first check-in a week after it was added.
 */
export const freshSince = (
  lastCheckInAt: number | undefined,
  createdAt: number | undefined,
  cycle: Pick<Cycle, 'startDate'>,
): number => Math.max(lastCheckInAt ?? 0, createdAt ?? 0, startOfDayUtc(cycle.startDate));

/**
 * Whether figures last checked in at `lastCheckInAt` (epoch ms; undefined: never) of a KR that started at
 * `createdAt` (epoch ms; undefined: unknown, so the cycle start counts) are stale at `now`: only in an
 * active cycle and for a published objective (drafts and closed cycles are not expected to move), after
 * more than `afterDays` days since freshSince.
 */
export const staleSince = (
  lastCheckInAt: number | undefined,
  createdAt: number | undefined,
  objective: Pick<Objective, 'status'>,
  cycle: Pick<Cycle, 'status' | 'startDate'>,
  now: Date,
  afterDays: number = STALE_AFTER_DAYS,
): boolean => {
  if (cycle.status !== 'active' || objective.status !== 'published') return false;
  return now.getTime() - freshSince(lastCheckInAt, createdAt, cycle) > afterDays * DAY_MS;
};

/** An ISO date-time as epoch ms; undefined (or unparsable) stays undefined. */
export const epochOf = (iso: string | undefined): number | undefined => {
  if (iso === undefined) return undefined;
  const ms = Date.parse(iso);
  return Number.isNaN(ms) ? undefined : ms;
};
