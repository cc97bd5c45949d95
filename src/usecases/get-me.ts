import type { ApiOutput, ReadOnlyReason } from '../contract';
import type { Ctx } from './shared/context';

/**
 * me.get: the acting user, whether a site admin (POST /rest/api/3/permissions/check), their teams, and
 * whether this installation is read-only (`readOnlyReason` comes from usecases/shared/license, the rule
 * the resolver gate applies to every key that writes), so views say so up front instead of on a failed save.
 */
export const getMe = async (ctx: Ctx, readOnlyReason?: ReadOnlyReason): Promise<ApiOutput<'me.get'>> => {
  const [isSiteAdmin, teams] = await Promise.all([ctx.jira.isSiteAdmin(), ctx.store.listTeams()]);
  const me = ctx.actor.accountId;
  return {
    accountId: me,
    isSiteAdmin,
    isOkrAdmin: isSiteAdmin,
    teamIds: teams.filter((t) => t.memberAccountIds.includes(me)).map((t) => t.id),
    readOnly: readOnlyReason !== undefined,
    ...(readOnlyReason === undefined ? {} : { readOnlyReason }),
  };
};
