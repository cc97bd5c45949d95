import type { Cycle } from '../contract';
import type { AsOf } from '../contract/review';
import { DAY_MS, startOfDayUtc } from './calendar-day';
import { DomainError } from './errors';
import { isoWeek } from './iso-week';

/**
 * Frozen scorecards: a review page shows what was true in the meeting, read from the weekly snapshots,
 * not today's figures. A closed cycle's scorecard is frozen at its end unless asked otherwise.
 */

/** What a scorecard shows when its embedder chose nothing: a closed cycle frozen at its end, else live. */
export const defaultAsOf = (cycle: Pick<Cycle, 'status'>): AsOf =>
  cycle.status === 'closed' ? { kind: 'cycle-end' } : { kind: 'live' };

/** The ISO weeks a cycle spans, first to last (the first and last may be partial weeks). */
export const cycleWeeks = (cycle: Pick<Cycle, 'startDate' | 'endDate'>): string[] => {
  const weeks: string[] = [];
  const end = startOfDayUtc(cycle.endDate);
  for (let t = startOfDayUtc(cycle.startDate); t <= end; t += DAY_MS) {
    const week = isoWeek(new Date(t));
    if (weeks[weeks.length - 1] !== week) weeks.push(week);
  }
  return weeks;
};

export interface FrozenWeek {
  /** The week asked for. */
  readonly asked: string;
  /** The snapshot read: the asked week's, or the latest one before it (`exact` false). */
  readonly week: string;
  readonly exact: boolean;
}

/**
 * The snapshot week a frozen scorecard reads, from the weeks that have one; null for a live scorecard or
 * when no snapshot exists yet at or before the week asked for (the reader says so, never shows live
 * figures as frozen ones).
 * @throws DomainError AS_OF_OUTSIDE_CYCLE (field asOf.week) for a week the cycle does not span.
 */
export const frozenWeek = (
  asOf: AsOf,
  cycle: Pick<Cycle, 'startDate' | 'endDate'>,
  snapshotWeeks: readonly string[],
): FrozenWeek | null => {
  if (asOf.kind === 'live') return null;
  const weeks = cycleWeeks(cycle);
  const asked = asOf.kind === 'week' ? asOf.week : weeks[weeks.length - 1];
  if (asked === undefined || !weeks.includes(asked)) {
    throw new DomainError(
      'AS_OF_OUTSIDE_CYCLE',
      `must be a week of the cycle (${String(weeks[0])} to ${String(weeks.at(-1))})`,
      'asOf.week',
    );
  }
  const week = [...snapshotWeeks]
    .filter((w) => w <= asked && weeks.includes(w))
    .sort()
    .pop();
  return week === undefined ? null : { asked, week, exact: week === asked };
};
