import type { ApiOutput, ApiParsedInput } from '../contract';
import type { Ctx } from './shared/context';
import { requireOkrAdmin } from './shared/permissions';

/**
 * data.repair: puts a corrected payload in place of a record data.health lists (parsed by that record's
 * own codec, written the way normal changes are), or removes it with whatever points at it. OKR admins
 * only. Only a record that fails its schema is ever touched; removing one already removed answers the same.
 * @throws AppError FORBIDDEN, CONFLICT (not a damaged record), VALIDATION record.
 */
export const repairData = async (ctx: Ctx, input: ApiParsedInput<'data.repair'>): Promise<ApiOutput<'data.repair'>> => {
  await requireOkrAdmin(ctx, 'repair the data');
  await ctx.store.repairRecord({ kind: input.kind, key: input.key, action: input.action, ...(input.record === undefined ? {} : { data: input.record }) });
  return { kind: input.kind, key: input.key, action: input.action };
};
