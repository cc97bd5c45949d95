import type { ApiOutput, ApiParsedInput, CheckIn, Cycle } from '../contract';
import type { ReviewObjective } from '../contract/review';
import { DAY_MS, startOfDayUtc } from '../domain/calendar-day';
import { forecastOf, TRAIL_WEEKS } from '../domain/forecast';
import type { TrailPoint } from '../domain/forecast';
import { compareObjectives } from '../domain/alignment';
import { cycleWeeks } from '../domain/frozen-scorecard';
import { gradeCycle, gradeKeyResult, gradeObjective, measuredGrade } from '../domain/grade';
import { isoWeek } from '../domain/iso-week';
import type { RetrospectiveCheckIn, RetrospectiveDraft } from '../domain/retrospective-draft';
import { draftRetrospective } from '../domain/retrospective-draft';
import { isActive } from '../domain/score';
import { invalidState, notFound } from './errors';
import type { KeyResultSnapshot, ObjectiveDigest, StoredKeyResult } from './model';
import { carriedCopies, nextCycles } from './shared/carried-copies';
import type { Ctx } from './shared/context';
import { isMemberOf, isOkrAdmin } from './shared/permissions';

/** Newest check-ins read per KR for the draft: enough for its last word, notes and recent blockers. */
export const DRAFT_CHECK_INS = 20;

/** The weeks whose snapshots say what the forecast was halfway: the middle week and the trail's weeks before it. */
export const midCycleWeeks = (cycle: Pick<Cycle, 'startDate' | 'endDate'>): { middle: string; weeks: string[] } | undefined => {
  const weeks = cycleWeeks(cycle);
  const at = Math.floor(weeks.length / 2);
  const middle = weeks[at];
  return middle === undefined ? undefined : { middle, weeks: weeks.slice(Math.max(0, at - TRAIL_WEEKS + 1), at + 1) };
};

/**
 * The instant a week's snapshot stands for: the end of the week's last day inside the cycle. The weekly
 * job writes a week's snapshot once during it, so this is at most a few days late, which a quarter's
 * straight-line trend does not notice.
 */
const weekEnds = (cycle: Pick<Cycle, 'startDate' | 'endDate'>): Map<string, number> => {
  const ends = new Map<string, number>();
  for (let t = startOfDayUtc(cycle.startDate); t <= startOfDayUtc(cycle.endDate); t += DAY_MS) ends.set(isoWeek(new Date(t)), t + DAY_MS);
  return ends;
};

/**
 * What the forecast said of a KR halfway through the cycle: domain/forecast.ts forecastOf over its values
 * in the snapshots up to the middle week. Null when the middle week has no snapshot of it (the weekly
 * job did not run then, or the KR was added later) or the forecast has nothing to go on.
 */
export const midCycleForecast = (
  kr: Pick<StoredKeyResult, 'id' | 'metric'>,
  cycle: Pick<Cycle, 'startDate' | 'endDate'>,
  snapshots: readonly Pick<KeyResultSnapshot, 'week' | 'values'>[],
): number | null => {
  const mid = midCycleWeeks(cycle);
  if (mid === undefined) return null;
  const byWeek = new Map(snapshots.map((s) => [s.week, s]));
  if (byWeek.get(mid.middle)?.values[kr.id] === undefined) return null;
  const ends = weekEnds(cycle);
  const trail: TrailPoint[] = mid.weeks.flatMap((w) => {
    const value = byWeek.get(w)?.values[kr.id];
    const end = ends.get(w);
    return value === undefined || end === undefined ? [] : [{ at: new Date(end).toISOString(), value }];
  });
  return forecastOf({ metric: kr.metric, trail, cycle })?.score ?? null;
};

/**
 * A KR's check-ins with its latest one as the KR keeps it (read by key, so strongly consistent): the
 * check-in index may not list a check-in made a moment ago, and the owner's last word decides a line.
 */
const withLatest = (kr: StoredKeyResult, listed: readonly CheckIn[]): RetrospectiveCheckIn[] => {
  const last = kr.lastCheckIn;
  const all: RetrospectiveCheckIn[] = listed.map((c) => ({ ...c, keyResultId: kr.id }));
  return last === undefined || listed.some((c) => c.id === last.id) ? all : [...all, { keyResultId: kr.id, at: last.at, confidence: last.confidence }];
};

/**
 * review.get: one team's objectives of a cycle in review (or closed), or the company's own (no teamId:
 * objectives without a team), ready to grade: each KR's measured grade and final score, the objective's
 * grade, its retrospective and a first draft of it from the cycle's check-ins and forecasts, what the
 * viewer may do, and, once closed, where it was carried. Anyone may read it.
 * Storage, three round trips after the live generation's (a team of 3 objectives x 4 KRs: 19 read units, no
 * writes, test/integration/review-grading.test.ts keeps it independent of other teams): (1) the cycle and team
 * catalogs, the cycle's tree index (16 documents) and
 * the settings; (2) the team's objectives' board rows (by key), the snapshot records of the middle weeks
 * for their shards (by key) and, for a closed cycle, their carried copies (by key); (3) the newest
 * DRAFT_CHECK_INS check-ins of each active KR (one index page each, in parallel). Jira: the admin check,
 * only when the viewer does not own every objective of a cycle in review.
 * @throws AppError NOT_FOUND cycleId / teamId, INVALID_STATE cycleId (neither in review nor closed).
 */
export const getReview = async (ctx: Ctx, input: ApiParsedInput<'review.get'>): Promise<ApiOutput<'review.get'>> => {
  const [cycles, teams, entries, bands] = await Promise.all([
    ctx.store.listCycles(),
    input.teamId === undefined ? Promise.resolve([]) : ctx.store.listTeams(),
    ctx.store.readBoardTree(input.cycleId),
    ctx.store.getBands(),
  ]);
  const cycle = cycles.find((c) => c.id === input.cycleId);
  if (cycle === undefined) throw notFound('Cycle', input.cycleId, 'cycleId');
  const team = input.teamId === undefined ? undefined : teams.find((t) => t.id === input.teamId);
  if (input.teamId !== undefined && team === undefined) throw notFound('Team', input.teamId, 'teamId');
  if (cycle.status !== 'review' && cycle.status !== 'closed') {
    throw invalidState(`The review opens when the cycle is in review; "${cycle.name}" is in ${cycle.status}.`, 'cycleId');
  }

  const ids = entries.filter((e) => e.teamId === input.teamId && e.status !== 'archived').map((e) => e.id);
  const inReview = cycle.status === 'review';
  const me = ctx.actor.accountId;
  const needsAdmin = inReview && entries.some((e) => ids.includes(e.id) && e.ownerAccountId !== me);
  const mid = midCycleWeeks(cycle);
  const [digests, snapshots, copies, admin] = await Promise.all([
    ctx.store.readBoardRows(cycle.id, ids),
    mid === undefined || ids.length === 0 ? Promise.resolve([]) : ctx.store.listSnapshotsOf(cycle.id, mid.weeks, ids),
    inReview ? Promise.resolve(new Map<string, string>()) : carriedCopies(ctx, ids, nextCycles(cycles, cycle)),
    needsAdmin ? isOkrAdmin(ctx) : Promise.resolve(false),
  ]);
  const shown = digests
    .filter((d) => d.objective.status !== 'archived' && d.objective.teamId === input.teamId)
    .sort((a, b) => compareObjectives(a.objective, b.objective));
  const activeKrs = shown.flatMap((d) => d.keyResults.filter(isActive));
  const checkIns = new Map<string, CheckIn[]>(
    await Promise.all(activeKrs.map(async (kr) => [kr.id, (await ctx.store.listCheckIns(kr.id, DRAFT_CHECK_INS)).items] as const)),
  );

  const wire = (draft: RetrospectiveDraft): ReviewObjective['draft'] => ({
    drove: [...draft.drove],
    didNot: [...draft.didNot],
    learned: [...draft.learned],
  });
  const objectiveOf = (d: ObjectiveDigest): ReviewObjective => {
    const o = d.objective;
    const krs = d.keyResults.filter(isActive);
    const own = o.ownerAccountId === me;
    const carried = copies.get(o.id);
    return {
      id: o.id,
      title: o.title,
      ownerAccountId: o.ownerAccountId,
      ...(o.teamId === undefined ? {} : { teamId: o.teamId }),
      status: o.status,
      keyResults: krs.map((kr) => ({
        id: kr.id,
        title: kr.title,
        ownerAccountId: kr.ownerAccountId,
        weight: kr.weight,
        measuredScore: measuredGrade(kr),
        ...(kr.finalScore === undefined ? {} : { finalScore: kr.finalScore }),
        ...(kr.finalScoreReason === undefined ? {} : { finalScoreReason: kr.finalScoreReason }),
      })),
      grade: gradeObjective(o, krs, bands).score,
      ...(o.retrospective === undefined ? {} : { retrospective: o.retrospective }),
      draft: wire(
        draftRetrospective({
          keyResults: krs.map((kr) => ({ id: kr.id, title: kr.title, score: gradeKeyResult(kr), midCycleForecast: midCycleForecast(kr, cycle, snapshots) })),
          checkIns: krs.flatMap((kr) => withLatest(kr, checkIns.get(kr.id) ?? [])),
          bands,
        }),
      ),
      canGrade: inReview && (own || isMemberOf(team, me) || admin),
      canWriteRetrospective: inReview && (own || admin),
      ...(carried === undefined ? {} : { carriedToObjectiveId: carried }),
    };
  };

  const published = shown.filter((d) => d.objective.status === 'published');
  return {
    cycle: { id: cycle.id, name: cycle.name, status: cycle.status },
    ...(input.teamId === undefined ? {} : { teamId: input.teamId }),
    objectives: shown.map(objectiveOf),
    grade: gradeCycle(
      published.map((d) => d.objective),
      published.flatMap((d) => d.keyResults),
      bands,
    ).mean,
  };
};
