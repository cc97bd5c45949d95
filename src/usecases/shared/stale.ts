import type { Cycle, Objective } from '../../contract';
import { staleSince } from '../../domain/staleness';
import type { StoredKeyResult } from '../model';

export { staleSince } from '../../domain/staleness';

/**
 * Whether a stored KR is stale at `now`: an active KR whose last check-in (or the cycle start, if it never
 * had one) is older than the domain's rule allows (domain/staleness.ts).
 */
export const isStale = (kr: StoredKeyResult, objective: Objective, cycle: Cycle, now: Date): boolean =>
  kr.status === 'active' &&
  staleSince(kr.lastCheckIn === undefined ? undefined : Date.parse(kr.lastCheckIn.at), objective, cycle, now);
