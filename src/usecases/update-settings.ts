import type { ApiOutput, ApiParsedInput } from '../contract';
import type { Ctx } from './shared/context';
import { requireSiteAdmin } from './shared/permissions';

/**
 * settings.update: the score bands (yellow and green thresholds). Site admins only
 * (POST /rest/api/3/permissions/check).
 * @throws AppError FORBIDDEN.
 */
export const updateSettings = async (ctx: Ctx, input: ApiParsedInput<'settings.update'>): Promise<ApiOutput<'settings.update'>> => {
  await requireSiteAdmin(ctx, 'change settings');
  await ctx.store.putBands(input.bands);
  return { bands: input.bands };
};
