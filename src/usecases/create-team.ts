import type { ApiOutput, ApiParsedInput, Team } from '../contract';
import { newPlainId } from './ids';
import type { Ctx } from './shared/context';
import { requireOkrAdmin, requireSiteUsers } from './shared/permissions';
import { checkTeamParent } from './shared/team-parent';

/**
 * teams.create: a team with members and the Jira projects it works in. Site admins only
 * (POST /rest/api/3/permissions/check).
 * Members must be users of the site (GET /rest/api/3/user/bulk).
 * @throws AppError FORBIDDEN, VALIDATION memberAccountIds, NOT_FOUND parentTeamId.
 */
export const createTeam = async (ctx: Ctx, input: ApiParsedInput<'teams.create'>): Promise<ApiOutput<'teams.create'>> => {
  await requireOkrAdmin(ctx, 'create teams');
  const id = newPlainId(ctx.ids, { accountId: ctx.actor.accountId, requestId: input.requestId }, 'team');
  const teams = await ctx.store.listTeams();
  // A repeat of a request that already created its team answers that team.
  const earlier = teams.find((t) => t.id === id);
  if (earlier !== undefined) return earlier;
  await requireSiteUsers(ctx, [{ field: 'memberAccountIds', label: 'member', accountIds: input.memberAccountIds }]);
  const team: Team = {
    id,
    name: input.name,
    ...(input.parentTeamId === undefined ? {} : { parentTeamId: input.parentTeamId }),
    memberAccountIds: [...new Set(input.memberAccountIds)],
    jiraProjectKeys: [...new Set(input.jiraProjectKeys)],
  };
  checkTeamParent(teams, team.id, team.parentTeamId);
  await ctx.store.putTeam(team);
  return team;
};
