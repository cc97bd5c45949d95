import type { ApiOutput, ApiParsedInput, Team } from '../contract';
import { notFound } from './errors';
import type { InProgressEpic } from './ports';
import type { Ctx } from './shared/context';
import { byTeamName, coverageOf } from './shared/coverage-figures';
import { requireCycle } from './shared/lookups';
import { startEarly } from './shared/start-early';

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

/** How long Jira's list of in-progress epics for a set of projects is taken as current. */
export const EPIC_LIST_FRESH_MS = 5 * 60_000;

/**
 * The in-progress epics of `browsable` (projects the viewer may browse), from the cache while it is
 * fresh, else from Jira as the viewer. The cache is keyed by exactly that project set, which each viewer
 * proves with their own project search first: someone who cannot browse a project never reads a list
 * that holds it. A list holding an epic with an issue security level is never shared (who sees it is
 * more than who may browse its project). Cache faults cost only the saving: a failed read is a miss, a
 * failed write is logged.
 */
const epicsOf = async (ctx: Ctx, browsable: readonly string[]): Promise<{ epics: InProgressEpic[]; cached: Promise<void> }> => {
  if (browsable.length === 0) return { epics: [], cached: Promise.resolve() };
  const now = ctx.clock.now();
  const cached = await ctx.store.coverageEpics.read(browsable).catch((error: unknown) => {
    console.warn('coverage: epic list cache not read; asking Jira', error);
    return undefined;
  });
  // A list from the future (the clock went back) is no fresher than one from long ago.
  const age = cached === undefined ? Infinity : now.getTime() - Date.parse(cached.fetchedAt);
  if (cached !== undefined && age >= 0 && age < EPIC_LIST_FRESH_MS) return { epics: cached.epics, cached: Promise.resolve() };
  const epics = await ctx.jira.inProgressEpicsIn(browsable);
  if (epics.some((e) => e.secured === true)) return { epics, cached: Promise.resolve() };
  // Written while the links are read (startEarly: it cannot reject anyway, the lint rule asks for it).
  const write = startEarly(
    ctx.store.coverageEpics.write(browsable, { fetchedAt: now.toISOString(), epics }).catch((error: unknown) => {
      console.warn('coverage: epic list not cached; the next view asks Jira again', error);
    }),
  );
  return { epics, cached: write };
};

/**
 * coverage.get: the share of in-progress epics in the teams' Jira projects that serve a KR of the cycle,
 * per team and over the union of their projects (an epic counted once), with the uncovered ones listed.
 * One team (teamId) or every team with Jira projects. Counted as the viewer: the projects they may browse
 * are asked of Jira every time; the epics of exactly those projects come from a cache shared by viewers
 * who may browse the same set (EPIC_LIST_FRESH_MS), else from a search as the viewer. Which epics are
 * covered is read from storage every time, so a link counts at once. Anyone who can use the app may read it.
 * Storage: the cycle and the teams, the cached list (one value, more past 200 KB), then the link
 * documents of the epics found (by key), then the board rows of the objectives they name.
 * Jira: GET /rest/api/3/project/search as the user (JiraGateway.browsableProjectKeys), and on a cache
 * miss POST /rest/api/3/search/jql as the user (JiraGateway.inProgressEpicsIn).
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
  const browsable = await ctx.jira.browsableProjectKeys(teams.flatMap((t) => t.jiraProjectKeys));
  // Only projects this viewer may browse, whatever a list holds.
  const mayBrowse = new Set(browsable.map((k) => k.toUpperCase()));
  const found = await epicsOf(ctx, browsable);
  const epics = found.epics.filter((e) => mayBrowse.has(e.projectKey.toUpperCase()));
  const [coveredIds] = await Promise.all([coveredEpicIds(ctx, cycle.id, epics.map((e) => e.id)), found.cached]);
  return {
    cycleId: cycle.id,
    ...coverageOf({ teams, epics, coveredIds, limit: input.limit }),
    generatedAt: ctx.clock.now().toISOString(),
  };
};
