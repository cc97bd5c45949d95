import type { ApiOutput, ApiParsedInput } from '../contract';
import { notFound, validation } from './errors';
import { objectiveIdOf } from './ids';
import type { ObjectiveAggregate } from './model';
import { boardKeyResults } from './shared/board-views';
import type { Ctx } from './shared/context';
import { requireCycle } from './shared/lookups';
import { accessFor } from './shared/view-context';

/**
 * board.keyResults: the board's KR rows for some objectives of a cycle (a virtualised board asks for the
 * ones in view), in the order asked: each active KR's progress, band, pace, staleness, latest check-in,
 * whether the viewer may check in, and its epics summed up as the viewer may see them (epics in projects
 * they cannot browse are counted as restricted, never described).
 *
 * Cost: one round trip of parallel storage reads (cycle, bands, and the objectives by key in batch reads
 * of 25) and one Jira call, POST /rest/api/3/permissions/check (browsable projects).
 * An objective whose stored record is corrupt is left out of the answer (data.health lists it).
 * @throws AppError VALIDATION objectiveIds.N (malformed, or an objective of another cycle),
 *   NOT_FOUND cycleId / objectiveIds.N.
 */
export const getBoardKeyResults = async (ctx: Ctx, input: ApiParsedInput<'board.keyResults'>): Promise<ApiOutput<'board.keyResults'>> => {
  const field = (i: number): string => `objectiveIds.${String(i)}`;
  const ids = input.objectiveIds.map((id, i) => objectiveIdOf('objective', id, field(i)));
  const [cycle, settings, found] = await Promise.all([
    requireCycle(ctx.store, input.cycleId, 'cycleId'),
    ctx.store.getSettings(),
    ctx.store.getObjectives(ids),
  ]);
  const byId = new Map(found.map((a) => [a.objective.id, a]));
  // An id read back as nothing is either no objective or one whose stored record is corrupt (left out of
  // reads, listed by data.health): the cycle's digests tell, and only the first is the caller's mistake.
  const onBoard = ids.some((id) => !byId.has(id)) ? new Set((await ctx.store.listDigestsOfCycle(cycle.id)).map((d) => d.objective.id)) : new Set<string>();
  const aggregates = ids.flatMap((id, i): ObjectiveAggregate[] => {
    const aggregate = byId.get(id);
    if (aggregate === undefined) {
      if (onBoard.has(id)) return [];
      throw notFound('Objective', id, field(i));
    }
    if (aggregate.objective.cycleId !== cycle.id) throw validation(field(i), `is an objective of another cycle than ${cycle.name}`);
    return [aggregate];
  });
  const access = await accessFor(ctx, aggregates);
  const view = { cycle, bands: settings.bands, pace: settings.pace, now: ctx.clock.now(), viewerAccountId: ctx.actor.accountId, access };
  return { objectives: aggregates.map((a) => ({ objectiveId: a.objective.id, keyResults: boardKeyResults(a, view) })) };
};
