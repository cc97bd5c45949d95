import type { ApiOutput, ApiParsedInput, Cycle, Objective, Scorecard, ScorecardTeam, TrackStatus } from '../contract';
import type { AsOf, Frozen } from '../contract/review';
import { compareObjectives } from '../domain/alignment';
import { DAY_MS, startOfDayUtc } from '../domain/calendar-day';
import { DomainError } from '../domain/errors';
import { cycleWeeks, defaultAsOf, frozenWeek } from '../domain/frozen-scorecard';
import { gradeCycle } from '../domain/grade';
import { isActive, meanScore, objectiveScore } from '../domain/score';
import { summarizeStatuses } from '../domain/status';
import { weekDaysIn } from '../domain/week-days';
import { notFound, validation } from './errors';
import { objectiveIdOf } from './ids';
import type { KeyResultSnapshot, LastCheckIn, ObjectiveAggregate } from './model';
import type { BoardTreeEntry } from './shared/board-tree-entry';
import type { Ctx } from './shared/context';
import { requireCycle } from './shared/lookups';
import { watchDisagrees } from './shared/forecasts';
import { allStale, frozenAggregate, frozenCore, frozenTrack, frozenView } from './shared/frozen-figures';
import { entryTrack } from './shared/track';
import { loadViewContext } from './shared/view-context';
import { cycleView, objectiveView, viewRatio } from './shared/views';

/**
 * A frozen scorecard's moment: what `frozen` says, the snapshot it reads (absent: none at or before the
 * week asked for, so no figures) and the instant its pace is judged at (the end of `through`, or now
 * while that week runs).
 */
export interface Freeze {
  frozen: NonNullable<Frozen>;
  snapshot: KeyResultSnapshot | undefined;
  at: Date;
}

/**
 * Which snapshot a frozen scorecard reads (domain/frozen-scorecard.ts frozenWeek picks the week), as far
 * as it holds these objectives' KRs: the asked week's records of their shards first, by key (strongly
 * consistent: a snapshot the close just wrote is seen at once), and only when it has none, the earlier
 * weeks of the cycle in one more batch. Storage: one batchGet of (objectives' shards) records, about 1
 * read unit each at 1,000 objectives (16 at most for the whole company); two when the week has none.
 * Objectives with no KR in a week's snapshot have nothing there, so "no snapshot" is judged per scope.
 * @throws AppError VALIDATION asOf.week (a week the cycle does not span).
 */
export const readFreeze = async (ctx: Ctx, cycle: Cycle, asOf: AsOf, objectiveIds: readonly string[]): Promise<Freeze | null> => {
  const weeks = cycleWeeks(cycle);
  let asked: string;
  try {
    const wanted = frozenWeek(asOf, cycle, weeks);
    if (wanted === null) return null;
    asked = wanted.asked;
  } catch (error) {
    if (error instanceof DomainError) throw validation(error.field ?? 'asOf.week', error.message);
    throw error;
  }
  const read = (of: readonly string[]): Promise<KeyResultSnapshot[]> =>
    of.length === 0 || objectiveIds.length === 0 ? Promise.resolve([]) : ctx.store.listSnapshotsOf(cycle.id, of, objectiveIds);
  let found = await read([asked]);
  if (found.length === 0) found = await read(weeks.filter((w) => w < asked));
  const chosen = frozenWeek(asOf, cycle, found.map((s) => s.week));
  const snapshot = chosen === null ? undefined : found.find((s) => s.week === chosen.week);
  const { first: weekFirst, last: weekLast } = weekDaysIn(chosen?.week ?? asked, cycle);
  const weekEnd = startOfDayUtc(weekLast) + DAY_MS;
  // A snapshot taken inside its week holds the values of that moment: pace and confidence are judged
  // then too, and the figures stand through that day (a check-in later that week must not leak in).
  const takenAt = snapshot?.takenAt === undefined ? undefined : Date.parse(snapshot.takenAt);
  const takenInWeek = takenAt !== undefined && takenAt < weekEnd;
  const takenDay = takenInWeek ? new Date(takenAt).toISOString().slice(0, 10) : weekLast;
  // A cycle closed before it started took its snapshot before its first day: the figures stand through that day.
  const through = takenDay < weekFirst ? weekFirst : takenDay;
  return {
    frozen: { asOf, asked, week: chosen?.week ?? null, exact: chosen?.exact ?? false, through },
    snapshot,
    // The snapshot's moment when it was taken within its week; else the end of the week once it is past
    // (every later view judges pace the same); now while that week runs.
    at: new Date(Math.min(ctx.clock.now().getTime(), takenInWeek ? takenAt : weekEnd)),
  };
};

/** Check-ins read a page at a time when looking for a KR's last one before a frozen moment. */
const CHECK_IN_PAGE = 10;

/** A KR's last check-in at or before `at` (its newest first, paged), or undefined when it had none then. */
const lastCheckInAsOf = async (ctx: Ctx, keyResultId: string, at: number): Promise<LastCheckIn | undefined> => {
  let cursor: string | undefined;
  do {
    const page = await ctx.store.listCheckIns(keyResultId, CHECK_IN_PAGE, cursor);
    const found = page.items.find((c) => Date.parse(c.at) <= at);
    if (found !== undefined) return { id: found.id, at: found.at, value: found.value, confidence: found.confidence, authorAccountId: found.authorAccountId };
    cursor = page.nextCursor;
  } while (cursor !== undefined);
  return undefined;
};

/**
 * Frozen KRs with the confidence their owners had said by the frozen moment (else the row would read
 * "no check-in yet"): the latest check-in stands when it is that old; for a KR checked in since, its
 * check-ins are read newest first (one index query of 10 per such KR, about 1 read unit, in parallel).
 */
const withCheckInsAsOf = async (
  ctx: Ctx,
  frozen: readonly ObjectiveAggregate[],
  stored: readonly ObjectiveAggregate[],
  at: Date,
): Promise<ObjectiveAggregate[]> => {
  const latest = new Map(stored.flatMap((a) => a.keyResults.map((kr) => [kr.id, kr.lastCheckIn] as const)));
  const until = at.getTime();
  return Promise.all(
    frozen.map(async (a) => ({
      ...a,
      keyResults: await Promise.all(
        a.keyResults.map(async (kr) => {
          const last = latest.get(kr.id);
          const then = last === undefined ? undefined : Date.parse(last.at) <= until ? last : await lastCheckInAsOf(ctx, kr.id, until);
          return then === undefined ? kr : { ...kr, lastCheckIn: then };
        }),
      ),
    })),
  );
};

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
  freeze: Freeze | null = null,
): Promise<Scorecard> => {
  const snapshot = freeze?.snapshot;
  const listed = aggregates
    .filter((a) => a.objective.status !== 'archived')
    .sort((a, b) => compareObjectives(a.objective, b.objective));
  // Frozen: the KRs as the snapshot holds them (none without one); objectives it holds nothing of are left out.
  const frozenOnes = freeze === null || snapshot === undefined ? [] : listed.flatMap((a) => frozenAggregate(a, snapshot) ?? []);
  const [shown, loaded] = await Promise.all([
    freeze === null ? listed : withCheckInsAsOf(ctx, frozenOnes, listed, freeze.at),
    loadViewContext(ctx, cycle, options.includeInitiatives && freeze === null ? listed : []),
  ]);
  const view = freeze === null ? loaded : { ...loaded, now: freeze.at };
  // Drafts are listed (marked as drafts) but count in no figure: a draft is not yet a commitment.
  const counted = shown.filter((a) => a.objective.status === 'published');
  const grade = gradeCycle(
    counted.map((a) => a.objective),
    counted.flatMap((a) => a.keyResults),
    view.bands,
  );
  const views = shown.map((a) => (snapshot === undefined ? objectiveView(a, view) : frozenView(objectiveView(a, view), a, snapshot, view)));
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
    frozen: freeze?.frozen ?? null,
    generatedAt: loaded.now.toISOString(),
  };
};

/** One objective as the company's figures count it: live from its tree index entry, or frozen. */
interface Counted {
  id: string;
  teamId?: string | undefined;
  status: Objective['status'];
  score: number | null;
  keyResultCount: number;
  track: TrackStatus;
  forecastMiss: boolean;
}

/** A group's figures: drafts and archived objectives count in none. */
const figuresOf = (items: readonly Counted[]): Omit<ScorecardTeam, 'teamId' | 'name'> => {
  const counted = items.filter((e) => e.status === 'published');
  return {
    objectives: counted.length,
    keyResults: counted.reduce((n, e) => n + e.keyResultCount, 0),
    tracks: summarizeStatuses(counted.map((e) => ({ status: e.track, draft: false }))),
    score: viewRatio(meanScore(counted.map((e) => e.score))),
  };
};

/**
 * The company's figures frozen at a snapshot: each objective's KRs as it holds them. Needs every KR's
 * weight, so it reads the cycle's digests (the 16 board shards, about 27 read units at 1,000 objectives)
 * instead of the tree index, plus the snapshot (readFreeze).
 */
const frozenCounted = async (
  ctx: Ctx,
  cycle: Cycle,
  asOf: AsOf,
  pace: Parameters<typeof frozenTrack>[4],
): Promise<{ items: Counted[]; freeze: Freeze | null }> => {
  const digests = (await ctx.store.listDigestsOfCycle(cycle.id)).filter((d) => d.objective.status !== 'archived');
  const freeze = await readFreeze(ctx, cycle, asOf, digests.map((d) => d.objective.id));
  const snapshot = freeze?.snapshot;
  if (freeze === null || snapshot === undefined) return { items: [], freeze };
  const items = digests.flatMap((d): Counted[] => {
    const core = frozenCore(d, snapshot);
    if (core === undefined) return [];
    const score = objectiveScore(core.keyResults);
    const stale = allStale(core.keyResults.map((kr) => kr.id), snapshot);
    return [
      {
        id: d.objective.id,
        teamId: d.objective.teamId,
        status: d.objective.status,
        score,
        keyResultCount: core.keyResults.length,
        track: frozenTrack(score, stale, cycle, freeze.at, pace),
        forecastMiss: false,
      },
    ];
  });
  return { items, freeze };
};

/**
 * The whole company, one section per team, from the cycle's tree index alone (a few dozen bytes an
 * objective): the same figures a team's own scorecard answers (its summary's objectives, keyResults,
 * tracks and score), without reading a single objective. Grades need every KR, so mean and
 * distribution are left empty here: a team's own scorecard has them. Frozen (asOf), from the snapshot
 * and the cycle's digests instead (frozenCounted).
 */
const companyByTeam = async (ctx: Ctx, cycle: Cycle, asOf: AsOf, defaulted: boolean): Promise<Scorecard> => {
  const [teams, { bands, pace }] = await Promise.all([ctx.store.listTeams(), ctx.store.getSettings()]);
  const now = ctx.clock.now();
  let shown: Counted[];
  let freeze: Freeze | null = null;
  if (asOf.kind === 'live') {
    const entries = await ctx.store.readBoardTree(cycle.id);
    shown = entries
      .filter((e) => e.status !== 'archived')
      .map((e: BoardTreeEntry) => ({
        id: e.id,
        teamId: e.teamId,
        status: e.status,
        score: e.score,
        keyResultCount: e.keyResultCount,
        track: entryTrack(e, e.score, cycle, now, pace),
        forecastMiss: e.status === 'published' && watchDisagrees(e.forecastWatch, bands),
      }));
  } else {
    ({ items: shown, freeze } = await frozenCounted(ctx, cycle, asOf, pace));
    if (defaulted && freeze?.snapshot === undefined) return companyByTeam(ctx, cycle, { kind: 'live' }, false);
  }
  const byTeam = new Map<string | null, Counted[]>();
  for (const e of shown) {
    // An objective of a team deleted since reads as the company's own rather than vanishing.
    const key = e.teamId !== undefined && teams.some((t) => t.id === e.teamId) ? e.teamId : null;
    byTeam.set(key, [...(byTeam.get(key) ?? []), e]);
  }
  const sections: ScorecardTeam[] = [...teams]
    .sort((a, b) => a.name.localeCompare(b.name))
    .flatMap((team) => {
      const own = byTeam.get(team.id);
      return own === undefined ? [] : [{ teamId: team.id, name: team.name, ...figuresOf(own) }];
    });
  const unassigned = byTeam.get(null);
  if (unassigned !== undefined) sections.push({ teamId: null, name: '', ...figuresOf(unassigned) });
  const all = figuresOf(shown);
  return {
    cycle: cycleView(cycle, freeze?.at ?? now),
    bands,
    title: cycle.name,
    objectives: [],
    summary: {
      ...all,
      mean: null,
      distribution: { red: 0, yellow: 0, green: 0, unscored: 0 },
      forecastMisses: shown.filter((e) => e.forecastMiss).length,
    },
    frozen: freeze?.frozen ?? null,
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
 * `asOf` (absent: domain defaultAsOf, a closed cycle frozen at its end) freezes it at a weekly snapshot
 * (readFreeze; `frozen` says which). A closed cycle with no snapshot at all (closed before close wrote
 * one) answers live when nothing was asked: closed, nothing in it moves any more.
 * @throws AppError NOT_FOUND cycleId / teamId / objectiveId, VALIDATION objectiveId (malformed), asOf.week.
 */
export const getScorecard = async (
  ctx: Ctx,
  input: ApiParsedInput<'scorecard.get'>,
): Promise<ApiOutput<'scorecard.get'>> => {
  const cycle = await requireCycle(ctx.store, input.cycleId, 'cycleId');
  const asOf = input.asOf ?? defaultAsOf(cycle);
  if (input.byTeam) return companyByTeam(ctx, cycle, asOf, input.asOf === undefined);
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
  const ids = aggregates.filter((a) => a.objective.status !== 'archived').map((a) => a.objective.id);
  const freeze = asOf.kind === 'live' ? null : await readFreeze(ctx, cycle, asOf, ids);
  return scorecardOf(ctx, cycle, aggregates, title, input, input.asOf === undefined && freeze?.snapshot === undefined ? null : freeze);
};
