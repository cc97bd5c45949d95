import type { ApiOutput, ApiParsedInput } from '../contract';
import { notFound } from './errors';
import { objectiveIdOf } from './ids';
import type { Ctx } from './shared/context';

/**
 * checkIns.list: a KR's check-ins, newest first, `limit` per page with a cursor. Anyone may read. The
 * history comes from an index, which Forge keeps eventually consistent, so the KR's latest check-in
 * (known from its objective, read by key) is added to the first page when the index does not show it
 * yet: a person who just checked in always sees it. That page may then hold `limit` + 1 items.
 * @throws AppError VALIDATION keyResultId / cursor, NOT_FOUND keyResultId.
 */
export const listCheckIns = async (ctx: Ctx, input: ApiParsedInput<'checkIns.list'>): Promise<ApiOutput<'checkIns.list'>> => {
  const objectiveId = objectiveIdOf('keyResult', input.keyResultId, 'keyResultId');
  const [aggregate, page] = await Promise.all([
    ctx.store.getObjective(objectiveId),
    ctx.store.listCheckIns(input.keyResultId, input.limit, input.cursor),
  ]);
  const kr = aggregate?.keyResults.find((k) => k.id === input.keyResultId);
  if (kr === undefined) throw notFound('Key result', input.keyResultId, 'keyResultId');
  let items = page.items;
  const latest = kr.lastCheckIn;
  if (input.cursor === undefined && latest !== undefined && !items.some((c) => c.id === latest.id) && (items[0]?.at ?? '') <= latest.at) {
    const row = await ctx.store.getCheckIn(latest.id);
    if (row !== undefined) items = [row, ...items];
  }
  return page.nextCursor === undefined ? { checkIns: items } : { checkIns: items, nextCursor: page.nextCursor };
};
