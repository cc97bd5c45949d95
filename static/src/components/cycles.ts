import type { Cycle } from '../../../src/contract';
import { checkInsOpen as isOpenForCheckIns } from '../../../src/domain/cycle-status';

/** The cycle a view shows when none is chosen: the same rule board.get follows without a cycleId. */
export { currentCycle } from '../../../src/domain/current-cycle';

/** Check-ins are taken while a cycle is active or in review (the domain's rule, for explanations). */
export const checkInsOpen = (cycle: Pick<Cycle, 'status'>): boolean => isOpenForCheckIns(cycle.status);

/** Whether a KR is due for its weekly check-in: the domain's rule (weeks start Monday 00:00 UTC). */
export { checkInDue } from '../../../src/domain/iso-week';

const WEEK_MS = 7 * 86_400_000;

/** Start of the cycle's first day and end of its last day (UTC calendar days, as the backend reads them). */
export const cycleBounds = (cycle: Pick<Cycle, 'startDate' | 'endDate'>): { start: number; end: number } => ({
  start: Date.parse(`${cycle.startDate}T00:00:00Z`),
  end: Date.parse(`${cycle.endDate}T00:00:00Z`) + 86_400_000,
});

export { WEEK_MS };
