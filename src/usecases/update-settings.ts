import type { ApiOutput, ApiParsedInput } from '../contract';
import { requestKey } from './ids';
import type { Ctx } from './shared/context';
import { requireOkrAdmin, requireSiteAdmin } from './shared/permissions';

/**
 * settings.update: the parts given (score bands, pace thresholds, the OKR admin group), the rest kept.
 * Bands and pace: OKR admins. The admin group: Jira site admins only (POST /rest/api/3/permissions/check),
 * so an OKR admin cannot widen or narrow who administers. A repeat of a `requestId` answers the settings
 * as stored and writes nothing, so a late retry cannot undo a later change.
 * @throws AppError FORBIDDEN (field adminGroup when the group is what the caller may not change).
 */
export const updateSettings = async (ctx: Ctx, input: ApiParsedInput<'settings.update'>): Promise<ApiOutput<'settings.update'>> => {
  if (input.adminGroup !== undefined) await requireSiteAdmin(ctx, 'choose the OKR admin group', 'adminGroup');
  if (input.bands !== undefined || input.pace !== undefined) await requireOkrAdmin(ctx, 'change settings');
  const request = requestKey(ctx.ids, 'settings.update', ctx.actor.accountId, input.requestId);
  return ctx.store.changeSettings({ bands: input.bands, pace: input.pace, adminGroup: input.adminGroup }, request);
};
