import type { ApiOutput, ApiParsedInput } from '../contract';
import { notFound } from './errors';
import { objectiveIdOf } from './ids';
import { withLatestCheckIn } from './shared/check-in-history';
import type { Ctx } from './shared/context';

/**
 * checkIns.list: a KR's check-ins, newest first, `limit` per page with a cursor. Anyone may read. The
 * latest check-in is on the first page even before the index shows it (see withLatestCheckIn).
 * @throws AppError VALIDATION keyResultId / cursor, NOT_FOUND keyResultId.
 */
export const listCheckIns = async (ctx: Ctx, input: ApiParsedInput<'checkIns.list'>): Promise<ApiOutput<'checkIns.list'>> => {
  const objectiveId = objectiveIdOf('keyResult', input.keyResultId, 'keyResultId');
  const [aggregate, listed] = await Promise.all([
    ctx.store.getObjective(objectiveId),
    ctx.store.listCheckIns(input.keyResultId, input.limit, input.cursor),
  ]);
  const kr = aggregate?.keyResults.find((k) => k.id === input.keyResultId);
  if (kr === undefined) throw notFound('Key result', input.keyResultId, 'keyResultId');
  const page = await withLatestCheckIn(ctx.store, kr, listed, input.cursor === undefined);
  return page.nextCursor === undefined ? { checkIns: page.items } : { checkIns: page.items, nextCursor: page.nextCursor };
};
