import type { ApiOutput, ApiParsedInput, Cycle } from '../contract';
import { assertTransition } from '../domain/cycle-status';
import { DomainError } from '../domain/errors';
import { cycleWeeks } from '../domain/frozen-scorecard';
import { isoWeek } from '../domain/iso-week';
import { invalidState, notFound, validation } from './errors';
import { requestKey } from './ids';
import type { Ctx } from './shared/context';
import { requireCycle } from './shared/lookups';
import { requireOkrAdmin } from './shared/permissions';
import { cycleSnapshot } from './run-weekly-job';

/**
 * cycles.update: rename, move dates, or move the status along planning -> active -> review -> closed
 * (review -> active reopens). A closed cycle is final. A repeat of a `requestId` answers the cycle as
 * stored and writes nothing. Closing also stores the cycle's last weekly snapshot (snapshotAtClose); new
 * dates start the refresh of the cycle's kept forecast scores (one async event, then one per page).
 * @throws AppError FORBIDDEN (not an OKR admin: Jira POST /rest/api/3/permissions/check), NOT_FOUND id,
 *   INVALID_STATE status (transition not allowed, or the cycle is closed), VALIDATION endDate.
 */
export const updateCycle = async (ctx: Ctx, input: ApiParsedInput<'cycles.update'>): Promise<ApiOutput<'cycles.update'>> => {
  await requireOkrAdmin(ctx, 'change cycles');
  // Fails fast (NOT_FOUND id) before a write is tried; the rules run again on what the write will replace.
  const before = await requireCycle(ctx.store, input.id, 'id');
  const apply = (current: Cycle | undefined): Cycle => {
    if (current === undefined) throw notFound('Cycle', input.id, 'id');
    if (input.status !== undefined && input.status !== current.status) {
      try {
        assertTransition(current.status, input.status);
      } catch (error) {
        if (error instanceof DomainError) throw invalidState(error.message, 'status');
        throw error;
      }
    } else if (current.status === 'closed') {
      throw invalidState('A closed cycle cannot be changed.', 'id');
    }
    const next: Cycle = {
      ...current,
      ...(input.name === undefined ? {} : { name: input.name }),
      ...(input.startDate === undefined ? {} : { startDate: input.startDate }),
      ...(input.endDate === undefined ? {} : { endDate: input.endDate }),
      ...(input.status === undefined ? {} : { status: input.status }),
    };
    if (next.endDate <= next.startDate) throw validation('endDate', 'must be after startDate');
    return next;
  };
  const cycle = await ctx.store.changeCycle(input.id, apply, requestKey(ctx.ids, 'cycles.update', ctx.actor.accountId, input.requestId));
  // Only the request that closed it: a repeat answers the closed cycle and takes nothing again.
  if (before.status !== 'closed' && cycle.status === 'closed') await snapshotAtClose(ctx, cycle);
  // New dates move every kept forecast score (the board's "forecast disagrees" count): refreshed by
  // async events, a page of objectives each (refresh-forecasts.ts), since a cycle can hold thousands.
  if (cycle.startDate !== before.startDate || cycle.endDate !== before.endDate) {
    try {
      await ctx.store.queueForecastRefresh(cycle.id, '');
    } catch (error) {
      // The dates are saved; the count then follows each objective's next write, as it did before refreshes.
      console.warn(`forecast refresh of ${cycle.id} not queued: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  return cycle;
};

/**
 * Closing takes the cycle's last snapshot: for its last week, or the current week when it closes early
 * (never outside the cycle's weeks), so a scorecard frozen at the cycle's end (get-scorecard.ts) shows
 * exactly what stood at close, grades included. It replaces a snapshot the weekly job took earlier that
 * week, as the job's own rerun would: the latest figures of a week are that week's. Storage: the cycle's 16 board shards (about 27
 * read units at 1,000 objectives) and at most 16 snapshot records (about 1 write unit each).
 */
const snapshotAtClose = async (ctx: Ctx, cycle: Cycle): Promise<void> => {
  const weeks = cycleWeeks(cycle);
  const now = ctx.clock.now();
  const current = isoWeek(now);
  const week = weeks.includes(current) ? current : current < (weeks[0] ?? '') ? weeks[0] : weeks.at(-1);
  if (week === undefined) return;
  const digests = await ctx.store.listDigestsOfCycle(cycle.id);
  await ctx.store.putSnapshots([cycleSnapshot(cycle, digests, week, now)]);
};
