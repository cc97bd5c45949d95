import type { Cycle, Objective } from '../../contract';
import { epochOf, staleSince } from '../../domain/staleness';
import type { StoredKeyResult } from '../model';

export { staleSince } from '../../domain/staleness';

/**
 * Whether a stored KR is stale at `now`: an active KR whose last check-in (or its creation, or the cycle
 * start, whichever is latest) is older than the domain's rule allows (domain/staleness.ts).
 */
export const isStale = (kr: StoredKeyResult, objective: Objective, cycle: Cycle, now: Date): boolean =>
  kr.status === 'active' &&
  staleSince(epochOf(kr.lastCheckIn?.at), epochOf(kr.createdAt), objective, cycle, now);
