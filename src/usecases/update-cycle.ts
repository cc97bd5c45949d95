import type { ApiOutput, ApiParsedInput, Cycle } from '../contract';
import { assertTransition } from '../domain/cycle-status';
import { DomainError } from '../domain/errors';
import { invalidState, notFound, validation } from './errors';
import { requestKey } from './ids';
import type { Ctx } from './shared/context';
import { requireCycle } from './shared/lookups';
import { requireOkrAdmin } from './shared/permissions';

/**
 * cycles.update: rename, move dates, or move the status along planning -> active -> review -> closed
 * (review -> active reopens). A closed cycle is final. A repeat of a `requestId` answers the cycle as
 * stored and writes nothing.
 * @throws AppError FORBIDDEN (not an OKR admin: Jira POST /rest/api/3/permissions/check), NOT_FOUND id,
 *   INVALID_STATE status (transition not allowed, or the cycle is closed), VALIDATION endDate.
 */
export const updateCycle = async (ctx: Ctx, input: ApiParsedInput<'cycles.update'>): Promise<ApiOutput<'cycles.update'>> => {
  await requireOkrAdmin(ctx, 'change cycles');
  // Fails fast (NOT_FOUND id) before a write is tried; the rules run again on what the write will replace.
  await requireCycle(ctx.store, input.id, 'id');
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
  return ctx.store.changeCycle(input.id, apply, requestKey(ctx.ids, 'cycles.update', ctx.actor.accountId, input.requestId));
};
