import type { Cycle } from '../../../src/contract';

/** The cycle a view shows when none is chosen: the same rule board.get follows without a cycleId. */
export { currentCycle } from '../../../src/domain/current-cycle';

/** Check-ins are taken while a cycle is active or in review (the backend's rule, for explanations). */
export const checkInsOpen = (cycle: Pick<Cycle, 'status'>): boolean =>
  cycle.status === 'active' || cycle.status === 'review';

const WEEK_MS = 7 * 86_400_000;

/** Monday 00:00 (local time) of the week containing `now`: "this week" for check-in reminders. */
export const startOfWeek = (now: Date = new Date()): Date => {
  const day = new Date(now.getFullYear(), now.getMonth(), now.getDate());
  const sinceMonday = (day.getDay() + 6) % 7;
  day.setDate(day.getDate() - sinceMonday);
  return day;
};

/** Start of the cycle's first day and end of its last day (UTC calendar days, as the backend reads them). */
export const cycleBounds = (cycle: Pick<Cycle, 'startDate' | 'endDate'>): { start: number; end: number } => ({
  start: Date.parse(`${cycle.startDate}T00:00:00Z`),
  end: Date.parse(`${cycle.endDate}T00:00:00Z`) + 86_400_000,
});

export { WEEK_MS };
