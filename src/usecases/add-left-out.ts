import type { ApiOutput, ApiParsedInput, LeftOut } from '../contract';
import { validation } from './errors';
import { newPlainId, requestKey } from './ids';
import { LEFT_OUT_CAP, leftOutAnswer, leftOutScope, notACandidate, readPrevious, requireEditLeftOut } from './list-left-out';
import { startEarly } from './shared/start-early';
import type { Ctx } from './shared/context';

/**
 * leftOut.add: an item on a cycle's "not this cycle" list (title, why), added by the caller (from the
 * invocation, never the payload). With carriedFromId it carries an item of the cycle before forward: it
 * must be one of that list's items not carried yet, and carrying one already carried adds nothing.
 * A repeat of a requestId writes nothing. Reads: the cycle and team catalogs, then one conditional
 * read-modify-write of the list (one get, one write) beside a get of the last cycle's list (awaited
 * first when it must check carriedFromId). A member adding: 5 read units, 1 write unit, 4 storage round trips.
 * @throws AppError NOT_FOUND cycleId / teamId / carriedFromId, FORBIDDEN, INVALID_STATE cycleId (closed),
 * VALIDATION title (the list is full).
 */
export const addLeftOut = async (ctx: Ctx, input: ApiParsedInput<'leftOut.add'>): Promise<ApiOutput<'leftOut.add'>> => {
  const scope = await leftOutScope(ctx, input);
  await requireEditLeftOut(ctx, scope);
  const { carriedFromId } = input;
  // The last cycle's list: checked first when carrying an item, else read beside the change for the answer.
  const previous = startEarly(readPrevious(ctx, scope));
  if (carriedFromId !== undefined && !(await previous).some((i) => i.id === carriedFromId)) throw notACandidate(carriedFromId);
  const request = { accountId: ctx.actor.accountId, requestId: input.requestId };
  const item: LeftOut = {
    id: newPlainId(ctx.ids, request, 'left-out'),
    cycleId: scope.cycle.id,
    ...(input.teamId === undefined ? {} : { teamId: input.teamId }),
    title: input.title,
    ...(input.why === undefined ? {} : { why: input.why }),
    createdByAccountId: ctx.actor.accountId,
    createdAt: ctx.clock.now().toISOString(),
    ...(carriedFromId === undefined ? {} : { carriedFromId }),
  };
  const apply = (items: readonly LeftOut[]): LeftOut[] => {
    // Carried already (by anyone): the list stays as it is, and answers as it is.
    if (carriedFromId !== undefined && items.some((i) => i.carriedFromId === carriedFromId)) return [...items];
    if (items.length >= LEFT_OUT_CAP) throw validation('title', `cannot be added: a list keeps at most ${String(LEFT_OUT_CAP)} items`);
    return [...items, item];
  };
  const items = await ctx.store.changeLeftOut(scope.list, apply, requestKey(ctx.ids, 'leftOut.add', ctx.actor.accountId, input.requestId));
  return leftOutAnswer(ctx, scope, { items, previous: await previous });
};
