import type { ApiOutput, ApiParsedInput, LeftOut } from '../contract';
import { requestKey } from './ids';
import { leftOutAnswer, leftOutScope, readPrevious, requireEditLeftOut } from './list-left-out';
import { startEarly } from './shared/start-early';
import type { Ctx } from './shared/context';

/**
 * leftOut.remove: takes an item off a cycle's "not this cycle" list (a carried item removed becomes a
 * candidate again). Removing an item already gone answers the list as it is, as the first removal did.
 * Reads and writes: the cycle and team catalogs, one conditional read-modify-write of the list, and beside
 * it the last cycle's list for the candidates.
 * @throws AppError NOT_FOUND cycleId / teamId, FORBIDDEN, INVALID_STATE cycleId (closed).
 */
export const removeLeftOut = async (ctx: Ctx, input: ApiParsedInput<'leftOut.remove'>): Promise<ApiOutput<'leftOut.remove'>> => {
  const scope = await leftOutScope(ctx, input);
  await requireEditLeftOut(ctx, scope);
  const apply = (items: readonly LeftOut[]): LeftOut[] => items.filter((i) => i.id !== input.id);
  const previous = startEarly(readPrevious(ctx, scope));
  const items = await ctx.store.changeLeftOut(scope.list, apply, requestKey(ctx.ids, 'leftOut.remove', ctx.actor.accountId, input.requestId));
  return leftOutAnswer(ctx, scope, { items, previous: await previous });
};
