import type { ApiOutput, ApiParsedInput, Cycle, Scorecard, ScorecardTeam } from '../contract';
import { compareObjectives } from '../domain/alignment';
import { gradeCycle } from '../domain/grade';
import { isActive, meanScore, objectiveScore } from '../domain/score';
import type { StatusThresholds } from '../domain/status';
import { summarizeStatuses } from '../domain/status';
import { notFound } from './errors';
import { objectiveIdOf } from './ids';
import type { ObjectiveAggregate } from './model';
import type { BoardTreeEntry } from './shared/board-tree-entry';
import type { Ctx } from './shared/context';
import { requireCycle } from './shared/lookups';
import { watchDisagrees } from './shared/forecasts';
import { entryTrack } from './shared/track';
import { loadViewContext } from './shared/view-context';
import { cycleView, objectiveView, viewRatio } from './shared/views';

/** Builds the scorecard of some objectives of a cycle (grading returns the same shape). */
export const scorecardOf = async (
  ctx: Ctx,
  cycle: Cycle,
  aggregates: readonly ObjectiveAggregate[],
  title: string,
  options: { includeKeyResults: boolean; includeInitiatives: boolean } = {
    includeKeyResults: true,
    includeInitiatives: true,
  },
): Promise<Scorecard> => {
  const shown = aggregates
    .filter((a) => a.objective.status !== 'archived')
    .sort((a, b) => compareObjectives(a.objective, b.objective));
  const view = await loadViewContext(ctx, cycle, options.includeInitiatives ? shown : []);
  // Drafts are listed (marked as drafts) but count in no figure: a draft is not yet a commitment.
  const counted = shown.filter((a) => a.objective.status === 'published');
  const grade = gradeCycle(
    counted.map((a) => a.objective),
    counted.flatMap((a) => a.keyResults),
    view.bands,
  );
  const views = shown.map((a) => objectiveView(a, view));
  return {
    cycle: cycleView(cycle, view.now),
    bands: view.bands,
    title,
    objectives: views.map((o) => {
      const keyResults = options.includeKeyResults
        ? o.keyResults
            .filter((kr) => kr.status === 'active')
            .map((kr) => (options.includeInitiatives ? kr : { ...kr, initiatives: [] }))
        : [];
      return { ...o, keyResults };
    }),
    summary: {
      objectives: counted.length,
      keyResults: counted.reduce((n, a) => n + a.keyResults.filter(isActive).length, 0),
      mean: grade.mean,
      distribution: grade.distribution,
      tracks: summarizeStatuses(views.map((o) => ({ status: o.track, draft: o.status !== 'published' }))),
      score: viewRatio(meanScore(counted.map((a) => objectiveScore(a.keyResults)))),
      forecastMisses: views.filter(
        (o) =>
          o.status === 'published' &&
          o.keyResults.some((kr) => kr.status === 'active' && kr.forecast?.disagreement != null),
      ).length,
    },
    generatedAt: view.now.toISOString(),
  };
};

/** A group's figures from its tree index entries: drafts and archived objectives count in none. */
const figuresOf = (
  entries: readonly BoardTreeEntry[],
  cycle: Cycle,
  now: Date,
  pace: StatusThresholds,
): Omit<ScorecardTeam, 'teamId' | 'name'> => {
  const counted = entries.filter((e) => e.status === 'published');
  return {
    objectives: counted.length,
    keyResults: counted.reduce((n, e) => n + e.keyResultCount, 0),
    tracks: summarizeStatuses(counted.map((e) => ({ status: entryTrack(e, e.score, cycle, now, pace), draft: false }))),
    score: viewRatio(meanScore(counted.map((e) => e.score))),
  };
};

/**
 * The whole company, one section per team, from the cycle's tree index alone (a few dozen bytes an
 * objective): the same figures a team's own scorecard answers (its summary's objectives, keyResults,
 * tracks and score), without reading a single objective. Grades need every KR, so mean and
 * distribution are left empty here: a team's own scorecard has them.
 */
const companyByTeam = async (ctx: Ctx, cycle: Cycle): Promise<Scorecard> => {
  const [entries, teams, { bands, pace }] = await Promise.all([
    ctx.store.readBoardTree(cycle.id),
    ctx.store.listTeams(),
    ctx.store.getSettings(),
  ]);
  const now = ctx.clock.now();
  const shown = entries.filter((e) => e.status !== 'archived');
  const byTeam = new Map<string | null, BoardTreeEntry[]>();
  for (const e of shown) {
    // An objective of a team deleted since reads as the company's own rather than vanishing.
    const key = e.teamId !== undefined && teams.some((t) => t.id === e.teamId) ? e.teamId : null;
    byTeam.set(key, [...(byTeam.get(key) ?? []), e]);
  }
  const sections: ScorecardTeam[] = [...teams]
    .sort((a, b) => a.name.localeCompare(b.name))
    .flatMap((team) => {
      const own = byTeam.get(team.id);
      return own === undefined ? [] : [{ teamId: team.id, name: team.name, ...figuresOf(own, cycle, now, pace) }];
    });
  const unassigned = byTeam.get(null);
  if (unassigned !== undefined) sections.push({ teamId: null, name: '', ...figuresOf(unassigned, cycle, now, pace) });
  const all = figuresOf(shown, cycle, now, pace);
  const forecastMisses = shown.filter((e) => e.status === 'published' && watchDisagrees(e.forecastWatch, bands)).length;
  return {
    cycle: cycleView(cycle, now),
    bands,
    title: cycle.name,
    objectives: [],
    summary: { ...all, mean: null, distribution: { red: 0, yellow: 0, green: 0, unscored: 0 }, forecastMisses },
    teams: sections,
    generatedAt: now.toISOString(),
  };
};

/**
 * scorecard.get: a cycle's non-archived objectives (or one team's, or one objective) with scores,
 * bands, KRs and initiatives as the viewer may see them, plus the grade summary of the published ones
 * (drafts are listed but never counted). For the Confluence
 * macro and the dashboard gadget. Jira: one POST /rest/api/3/permissions/check. With byTeam, the whole
 * company as one section of figures per team (companyByTeam): the tree index, teams and bands only, no
 * objective read and no Jira call.
 * @throws AppError NOT_FOUND cycleId / teamId / objectiveId, VALIDATION objectiveId (malformed).
 */
export const getScorecard = async (
  ctx: Ctx,
  input: ApiParsedInput<'scorecard.get'>,
): Promise<ApiOutput<'scorecard.get'>> => {
  const cycle = await requireCycle(ctx.store, input.cycleId, 'cycleId');
  if (input.byTeam) return companyByTeam(ctx, cycle);
  let aggregates: ObjectiveAggregate[];
  let title = cycle.name;
  if (input.objectiveId !== undefined) {
    const one = await ctx.store.getObjective(objectiveIdOf('objective', input.objectiveId, 'objectiveId'));
    if (one?.objective.cycleId !== cycle.id) throw notFound('Objective', input.objectiveId, 'objectiveId');
    aggregates = [one];
    title = one.objective.title;
  } else {
    // The cycle's tree index (a few dozen bytes an objective) says which objectives are shown; only
    // those are read in full, so a team's scorecard costs its own objectives, not the cycle's.
    const [entries, team] = await Promise.all([
      ctx.store.readBoardTree(cycle.id),
      input.teamId === undefined ? Promise.resolve(undefined) : ctx.store.getTeam(input.teamId),
    ]);
    if (input.teamId !== undefined && team === undefined) throw notFound('Team', input.teamId, 'teamId');
    const shown = entries.filter((e) => e.status !== 'archived' && (team === undefined || e.teamId === team.id));
    aggregates = await ctx.store.getObjectives(shown.map((e) => e.id));
    if (team !== undefined) title = `${team.name} · ${cycle.name}`;
  }
  return scorecardOf(ctx, cycle, aggregates, title, input);
};
