import type { ApiOutput, ApiParsedInput } from '../contract';
import { compareObjectives } from '../domain/alignment';
import { previousCycle } from '../domain/current-cycle';
import { hasRetrospective } from '../domain/retrospective-draft';
import { notFound } from './errors';
import { carriedCopies } from './shared/carried-copies';
import type { Ctx } from './shared/context';

/**
 * review.lessons: what the cycle before `cycleId` (domain previousCycle: same kind, ended last) learned,
 * for one team (or the company's own objectives, without teamId): its objectives that have a
 * retrospective, each with the objective of `cycleId` that carries it, if one does. Shown beside the
 * objective form while setting the new cycle. Anyone may read it, like the review.
 * Storage, three round trips: the cycle and team catalogs; the previous cycle's tree index (16
 * documents); the team's objectives' board rows and their carried copies in `cycleId` (both by key).
 * @throws AppError NOT_FOUND cycleId / teamId.
 */
export const getLessons = async (ctx: Ctx, input: ApiParsedInput<'review.lessons'>): Promise<ApiOutput<'review.lessons'>> => {
  const [cycles, teams] = await Promise.all([
    ctx.store.listCycles(),
    input.teamId === undefined ? Promise.resolve([]) : ctx.store.listTeams(),
  ]);
  const cycle = cycles.find((c) => c.id === input.cycleId);
  if (cycle === undefined) throw notFound('Cycle', input.cycleId, 'cycleId');
  if (input.teamId !== undefined && !teams.some((t) => t.id === input.teamId)) throw notFound('Team', input.teamId, 'teamId');
  const from = previousCycle(cycles, cycle);
  if (from === undefined) return { fromCycle: null, lessons: [] };

  const ids = (await ctx.store.readBoardTree(from.id)).filter((e) => e.teamId === input.teamId && e.status !== 'archived').map((e) => e.id);
  const [digests, copies] = await Promise.all([ctx.store.readBoardRows(from.id, ids), carriedCopies(ctx, ids, [cycle])]);
  const lessons = digests
    .map((d) => d.objective)
    .filter((o) => o.status !== 'archived' && o.teamId === input.teamId)
    .sort(compareObjectives)
    .flatMap((o) => {
      const retrospective = o.retrospective;
      if (retrospective === undefined || !hasRetrospective(retrospective)) return [];
      const carried = copies.get(o.id);
      return [
        {
          objectiveId: o.id,
          title: o.title,
          ...(o.teamId === undefined ? {} : { teamId: o.teamId }),
          retrospective,
          ...(carried === undefined ? {} : { carriedToObjectiveId: carried }),
        },
      ];
    });
  return { fromCycle: { id: from.id, name: from.name }, lessons };
};
