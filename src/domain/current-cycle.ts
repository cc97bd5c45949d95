import type { Cycle } from '../contract';

/**
 * The cycle to show when none is chosen: the running one (the latest active), else one in review, else
 * the latest by start date. `cycles` in start order (as cycles.list answers). Shared by board.get and
 * the views, so a board fetched before the cycle list is the one the views would pick.
 */
export const currentCycle = <C extends Pick<Cycle, 'status'>>(cycles: readonly C[]): C | undefined =>
  cycles.findLast((c) => c.status === 'active') ?? cycles.findLast((c) => c.status === 'review') ?? cycles.at(-1);

/**
 * The cycle before `cycle`: of the same kind (a quarter's is the quarter before, not the year), the one
 * that ended last on or before its start. Undefined for a first cycle.
 */
export const previousCycle = <C extends Pick<Cycle, 'id' | 'kind' | 'startDate' | 'endDate'>>(
  cycles: readonly C[],
  cycle: Pick<Cycle, 'id' | 'kind' | 'startDate'>,
): C | undefined =>
  cycles
    .filter((c) => c.id !== cycle.id && c.kind === cycle.kind && c.endDate <= cycle.startDate)
    .reduce<C | undefined>((best, c) => (best === undefined || c.endDate > best.endDate ? c : best), undefined);
