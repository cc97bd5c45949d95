import type { Cycle } from '../contract';

/**
 * The cycle to show when none is chosen: the running one (the latest active), else one in review, else
 * the latest by start date. `cycles` in start order (as cycles.list answers). Shared by board.get and
 * the views, so a board fetched before the cycle list is the one the views would pick.
 */
export const currentCycle = <C extends Pick<Cycle, 'status'>>(cycles: readonly C[]): C | undefined =>
  cycles.findLast((c) => c.status === 'active') ?? cycles.findLast((c) => c.status === 'review') ?? cycles.at(-1);
