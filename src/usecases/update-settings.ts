import type { ApiOutput, ApiParsedInput } from '../contract';
import { DEFAULT_STATUS_THRESHOLDS } from '../domain/status';
import { requestKey } from './ids';
import type { Ctx } from './shared/context';
import { requireSiteAdmin } from './shared/permissions';

/**
 * settings.update: the score bands (yellow and green thresholds). Site admins only
 * (POST /rest/api/3/permissions/check). A repeat of a `requestId` answers the bands as stored and writes
 * nothing, so a late retry cannot undo a later change.
 * @throws AppError FORBIDDEN.
 */
export const updateSettings = async (ctx: Ctx, input: ApiParsedInput<'settings.update'>): Promise<ApiOutput<'settings.update'>> => {
  await requireSiteAdmin(ctx, 'change settings');
  const bands =
    input.bands === undefined
      ? await ctx.store.getBands()
      : await ctx.store.putBands(input.bands, requestKey(ctx.ids, 'settings.update', ctx.actor.accountId, input.requestId));
  return { bands, pace: { ...DEFAULT_STATUS_THRESHOLDS } };
};
