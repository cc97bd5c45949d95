import type { ApiOutput, ApiParsedInput, Team } from '../contract';
import { newPlainId } from './ids';
import type { Ctx } from './shared/context';
import { requireSiteAdmin, requireSiteUsers } from './shared/permissions';
import { checkTeamParent } from './shared/team-parent';

/**
 * teams.create: a team with members and the Jira projects it works in. Site admins only
 * (POST /rest/api/3/permissions/check).
 * Members must be users of the site (GET /rest/api/3/user/bulk).
 * @throws AppError FORBIDDEN, VALIDATION memberAccountIds, NOT_FOUND parentTeamId.
 */
export const createTeam = async (ctx: Ctx, input: ApiParsedInput<'teams.create'>): Promise<ApiOutput<'teams.create'>> => {
  await requireSiteAdmin(ctx, 'create teams');
  await requireSiteUsers(ctx, [{ field: 'memberAccountIds', label: 'member', accountIds: input.memberAccountIds }]);
  const team: Team = {
    id: newPlainId(ctx.ids),
    name: input.name,
    ...(input.parentTeamId === undefined ? {} : { parentTeamId: input.parentTeamId }),
    memberAccountIds: [...new Set(input.memberAccountIds)],
    jiraProjectKeys: [...new Set(input.jiraProjectKeys)],
  };
  checkTeamParent(await ctx.store.listTeams(), team.id, team.parentTeamId);
  await ctx.store.putTeam(team);
  return team;
};
