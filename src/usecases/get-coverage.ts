import type { ApiOutput, ApiParsedInput, Team } from '../contract';
import { notFound } from './errors';
import type { Ctx } from './shared/context';
import { byTeamName, coverageOf } from './shared/coverage-figures';
import { requireCycle } from './shared/lookups';

/**
 * The epics among `issueIds` that serve a KR of the cycle: linked as an initiative to an active KR of an
 * objective that is not archived. The by-issue link documents (by key, strongly consistent, so a link
 * made a moment ago counts) name the objectives; only those objectives' board rows are read to see
 * whether the objective or the KR was archived since, never every aggregate of the cycle.
 */
const coveredEpicIds = async (ctx: Ctx, cycleId: string, issueIds: readonly string[]): Promise<Set<string>> => {
  if (issueIds.length === 0) return new Set();
  const links = (await ctx.store.listLinksByIssue(issueIds)).filter((l) => l.cycleId === cycleId);
  if (links.length === 0) return new Set();
  const rows = await ctx.store.readBoardRows(cycleId, [...new Set(links.map((l) => l.objectiveId))]);
  const activeKeyResults = new Set(
    rows
      .filter((d) => d.objective.status !== 'archived')
      .flatMap((d) => d.keyResults.filter((kr) => kr.status === 'active').map((kr) => kr.id)),
  );
  return new Set(links.filter((l) => activeKeyResults.has(l.keyResultId)).map((l) => l.issueId));
};

/**
 * coverage.get: the share of in-progress epics in the teams' Jira projects that serve a KR of the cycle,
 * per team and over the union of their projects (an epic counted once), with the uncovered ones listed.
 * One team (teamId) or every team with Jira projects. Counted as the viewer: Jira is searched asUser, so
 * epics in projects they may not browse are in no figure and no list. Anyone who can use the app may read it.
 * Storage: the cycle and the teams, then the link documents of the epics found (by key), then the board
 * rows of the objectives they name. Jira: GET /rest/api/3/project/search and POST /rest/api/3/search/jql
 * as the user (JiraGateway.inProgressEpicsForUser).
 * @throws AppError NOT_FOUND cycleId / teamId.
 */
export const getCoverage = async (ctx: Ctx, input: ApiParsedInput<'coverage.get'>): Promise<ApiOutput<'coverage.get'>> => {
  const [cycle, allTeams] = await Promise.all([requireCycle(ctx.store, input.cycleId, 'cycleId'), ctx.store.listTeams()]);
  let teams: Team[];
  if (input.teamId === undefined) {
    teams = allTeams.filter((t) => t.jiraProjectKeys.length > 0);
  } else {
    const team = allTeams.find((t) => t.id === input.teamId);
    if (team === undefined) throw notFound('Team', input.teamId, 'teamId');
    teams = [team];
  }
  teams.sort(byTeamName);
  const epics = await ctx.jira.inProgressEpicsForUser(teams.flatMap((t) => t.jiraProjectKeys));
  const coveredIds = await coveredEpicIds(ctx, cycle.id, epics.map((e) => e.id));
  return {
    cycleId: cycle.id,
    ...coverageOf({ teams, epics, coveredIds, limit: input.limit }),
    generatedAt: ctx.clock.now().toISOString(),
  };
};
