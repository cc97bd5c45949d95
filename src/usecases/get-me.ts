import type { ApiOutput } from '../contract';
import type { Ctx } from './shared/context';

/** me.get: the acting user, whether a site admin (POST /rest/api/3/permissions/check), and their teams. */
export const getMe = async (ctx: Ctx): Promise<ApiOutput<'me.get'>> => {
  const [isSiteAdmin, teams] = await Promise.all([ctx.jira.isSiteAdmin(), ctx.store.listTeams()]);
  const me = ctx.actor.accountId;
  return { accountId: me, isSiteAdmin, teamIds: teams.filter((t) => t.memberAccountIds.includes(me)).map((t) => t.id) };
};
