import type { ApiOutput, ReadOnlyReason } from '../contract';
import type { Ctx } from './shared/context';
import { isOkrAdminGiven } from './shared/permissions';

/**
 * me.get: the acting user, whether a site admin (POST /rest/api/3/permissions/check) and an OKR admin
 * (that, or a member of the settings' admin group: GET /rest/api/3/myself?expand=groups), their teams, and
 * whether this installation is read-only (`readOnlyReason` comes from usecases/shared/license, the rule
 * the resolver gate applies to every key that writes), so views say so up front instead of on a failed save.
 */
export const getMe = async (ctx: Ctx, readOnlyReason?: ReadOnlyReason): Promise<ApiOutput<'me.get'>> => {
  const [isSiteAdmin, teams] = await Promise.all([ctx.jira.isSiteAdmin(), ctx.store.listTeams()]);
  const isOkrAdmin = await isOkrAdminGiven(ctx, isSiteAdmin);
  const me = ctx.actor.accountId;
  return {
    accountId: me,
    isSiteAdmin,
    isOkrAdmin,
    teamIds: teams.filter((t) => t.memberAccountIds.includes(me)).map((t) => t.id),
    readOnly: readOnlyReason !== undefined,
    ...(readOnlyReason === undefined ? {} : { readOnlyReason }),
  };
};
