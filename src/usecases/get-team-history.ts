import type { ApiOutput, ApiParsedInput, CheckIn } from '../contract';
import { startOfDayUtc } from '../domain/calendar-day';
import { meanScore, objectiveScore } from '../domain/score';
import { historyWeeks, scoreFromCheckIns, scoreFromSnapshot } from '../domain/score-history';
import { notFound } from './errors';
import type { StoredKeyResult } from './model';
import type { Ctx } from './shared/context';
import { requireCycle } from './shared/lookups';

/** Check-ins read per page when a week has no snapshot to stand on. */
const PAGE = 100;

/** A KR's check-ins since `since` (epoch ms), oldest first: pages newest first until one is older. */
const checkInsSince = async (ctx: Ctx, keyResultId: string, since: number): Promise<CheckIn[]> => {
  const found: CheckIn[] = [];
  let cursor: string | undefined;
  for (;;) {
    const page = await ctx.store.listCheckIns(keyResultId, PAGE, cursor);
    for (const c of page.items) {
      if (Date.parse(c.at) < since) return found.reverse();
      found.push(c);
    }
    if (page.nextCursor === undefined) return found.reverse();
    cursor = page.nextCursor;
  }
};

/**
 * teams.history: a team's score (the mean of its objectives' scores) at the end of each week of a
 * cycle so far, then now. A past week stands on the weekly job's snapshot of its KR scores; a week the
 * job never saw (before the app was installed, or the job's first run) is worked out from the KRs'
 * check-ins; the last point is the scores as they stand. Anyone may read, like the scorecard.
 * Storage: the cycle, the team and the cycle's tree index in one round trip; then the team's objectives'
 * digests (row documents, by key) and, for past weeks, the snapshot records of their shards only (by
 * key) in a second; then check-ins only for weeks with no snapshot (one paged read per KR, in
 * parallel). So the cost grows with the team's objectives and KRs, not the company's.
 * @throws AppError NOT_FOUND cycleId / teamId.
 */
export const getTeamHistory = async (ctx: Ctx, input: ApiParsedInput<'teams.history'>): Promise<ApiOutput<'teams.history'>> => {
  // Everything the ids name, in one round trip; the lookups are checked once it is back.
  const [cycle, team, entries] = await Promise.all([
    requireCycle(ctx.store, input.cycleId, 'cycleId'),
    ctx.store.getTeam(input.teamId),
    ctx.store.readBoardTree(input.cycleId),
  ]);
  if (team === undefined) throw notFound('Team', input.teamId, 'teamId');
  // Published objectives only: a draft is not yet a commitment, so it counts in no figure (as on the scorecard).
  const ids = entries.filter((e) => e.teamId === team.id && e.status === 'published').map((e) => e.id);
  const weeks = historyWeeks(cycle, ctx.clock.now());
  const past = weeks.filter((w) => !w.current).map((w) => w.week);
  const [digests, snapshots] = await Promise.all([
    ctx.store.readBoardRows(cycle.id, ids),
    ids.length === 0 || past.length === 0 ? Promise.resolve([]) : ctx.store.listSnapshotsOf(cycle.id, past, ids),
  ]);
  // Rows come back in no particular order: the tree index's order keeps the figures deterministic.
  const order = new Map(ids.map((id, i) => [id, i]));
  const objectives = digests.filter((d) => order.has(d.objective.id)).sort((a, b) => (order.get(a.objective.id) ?? 0) - (order.get(b.objective.id) ?? 0));
  const snapshotOf = new Map(snapshots.map((s) => [s.week, s]));

  const unsnapshotted = weeks.some((w) => !w.current && !snapshotOf.has(w.week));
  const keyResults: StoredKeyResult[] = objectives.flatMap((a) => a.keyResults.filter((kr) => kr.status === 'active'));
  const since = startOfDayUtc(cycle.startDate);
  const checkIns = new Map<string, CheckIn[]>(
    unsnapshotted ? await Promise.all(keyResults.map(async (kr) => [kr.id, await checkInsSince(ctx, kr.id, since)] as const)) : [],
  );

  return {
    cycleId: cycle.id,
    teamId: team.id,
    points: weeks.map((w) => {
      const at = new Date(w.at).toISOString();
      if (w.current) return { week: w.week, at, score: meanScore(objectives.map((a) => objectiveScore(a.keyResults))), source: 'current' };
      const snapshot = snapshotOf.get(w.week);
      return snapshot === undefined
        ? { week: w.week, at, score: scoreFromCheckIns(objectives, checkIns, w.at), source: 'check-ins' }
        : { week: w.week, at, score: scoreFromSnapshot(objectives, snapshot), source: 'snapshot' };
    }),
  };
};
