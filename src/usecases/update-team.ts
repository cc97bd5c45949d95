import type { ApiOutput, ApiParsedInput, Team } from '../contract';
import { notFound } from './errors';
import { requestKey } from './ids';
import type { Ctx } from './shared/context';
import { requireOkrAdmin, requireSiteUsers } from './shared/permissions';
import { checkTeamParent } from './shared/team-parent';

/**
 * teams.update: rename, re-parent (null detaches), replace members or projects. Site admins only
 * (POST /rest/api/3/permissions/check).
 * Members must be users of the site (GET /rest/api/3/user/bulk). A repeat of a `requestId` answers the team
 * as stored and writes nothing.
 * @throws AppError FORBIDDEN, VALIDATION memberAccountIds, NOT_FOUND id / parentTeamId, VALIDATION parentTeamId (loop).
 */
export const updateTeam = async (ctx: Ctx, input: ApiParsedInput<'teams.update'>): Promise<ApiOutput<'teams.update'>> => {
  await requireOkrAdmin(ctx, 'change teams');
  if (input.memberAccountIds !== undefined) await requireSiteUsers(ctx, [{ field: 'memberAccountIds', label: 'member', accountIds: input.memberAccountIds }]);
  // Fails fast (NOT_FOUND id) before a write is tried; the rules run again on what the write will replace.
  if ((await ctx.store.getTeam(input.id)) === undefined) throw notFound('Team', input.id, 'id');
  const apply = (current: Team | undefined, teams: readonly Team[]): Team => {
    if (current === undefined) throw notFound('Team', input.id, 'id');
    const { parentTeamId: _previous, ...rest } = current;
    const parentTeamId = input.parentTeamId === undefined ? current.parentTeamId : (input.parentTeamId ?? undefined);
    const next: Team = {
      ...rest,
      ...(input.name === undefined ? {} : { name: input.name }),
      ...(parentTeamId === undefined ? {} : { parentTeamId }),
      ...(input.memberAccountIds === undefined ? {} : { memberAccountIds: [...new Set(input.memberAccountIds)] }),
      ...(input.jiraProjectKeys === undefined ? {} : { jiraProjectKeys: [...new Set(input.jiraProjectKeys)] }),
    };
    checkTeamParent(teams, next.id, next.parentTeamId);
    return next;
  };
  return ctx.store.changeTeam(input.id, apply, requestKey(ctx.ids, 'teams.update', ctx.actor.accountId, input.requestId));
};
