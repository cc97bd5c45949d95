import type { ApiOutput, ApiParsedInput } from '../contract';
import { notFound } from './errors';
import { objectiveIdOf } from './ids';
import type { Ctx } from './shared/context';

/**
 * checkIns.list: a KR's check-ins, newest first, `limit` per page with a cursor. Anyone may read.
 * @throws AppError VALIDATION keyResultId / cursor, NOT_FOUND keyResultId.
 */
export const listCheckIns = async (ctx: Ctx, input: ApiParsedInput<'checkIns.list'>): Promise<ApiOutput<'checkIns.list'>> => {
  const objectiveId = objectiveIdOf('keyResult', input.keyResultId, 'keyResultId');
  const [aggregate, page] = await Promise.all([
    ctx.store.getObjective(objectiveId),
    ctx.store.listCheckIns(input.keyResultId, input.limit, input.cursor),
  ]);
  if (!aggregate?.keyResults.some((k) => k.id === input.keyResultId)) throw notFound('Key result', input.keyResultId, 'keyResultId');
  return page.nextCursor === undefined ? { checkIns: page.items } : { checkIns: page.items, nextCursor: page.nextCursor };
};
