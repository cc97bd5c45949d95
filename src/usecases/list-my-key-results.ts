import type { ApiOutput, ApiParsedInput, Cycle } from '../contract';
import { currentCycle } from '../domain/current-cycle';
import { compareObjectives } from '../domain/alignment/level-order';
import { isActive } from '../domain/score';
import { boardKeyResults } from './shared/board-views';
import type { Ctx } from './shared/context';
import { requireCycle } from './shared/lookups';
import { accessFor } from './shared/view-context';
import { cycleView } from './shared/views';

/**
 * keyResults.mine: the acting user's active KRs of a cycle (the current one without cycleId), each a
 * board row, grouped by objective (company, team, individual, then title); archived objectives are
 * left out. Whatever the cycle's size: KR owners are only in the board-shard digests, so they are read
 * once, and full records only of the objectives where the user owns a KR.
 *
 * Cost: the cycle (or the cycle catalog) with bands, then the cycle's 16 board-shard digest documents,
 * then those objectives by key (batch reads of 25) and one Jira call, POST /rest/api/3/permissions/check
 * (browsable projects, for the epics' summary). An objective whose record is corrupt is left out.
 * @throws AppError NOT_FOUND cycleId.
 */
export const listMyKeyResults = async (
  ctx: Ctx,
  input: ApiParsedInput<'keyResults.mine'>,
): Promise<ApiOutput<'keyResults.mine'>> => {
  let cycle: Cycle | undefined;
  if (input.cycleId === undefined) {
    cycle = currentCycle(await ctx.store.listCycles());
    // No cycle yet is the gadget's empty state, not a mistake of the caller's.
    if (cycle === undefined) return { cycle: null, objectives: [] };
  } else cycle = await requireCycle(ctx.store, input.cycleId, 'cycleId');
  const me = ctx.actor.accountId;
  const [settings, digests] = await Promise.all([ctx.store.getSettings(), ctx.store.listDigestsOfCycle(cycle.id)]);
  const mine = digests
    .filter(
      (d) => d.objective.status !== 'archived' && d.keyResults.some((kr) => isActive(kr) && kr.ownerAccountId === me),
    )
    .map((d) => d.objective)
    .sort(compareObjectives);
  if (mine.length === 0) return { cycle: cycleView(cycle, ctx.clock.now()), objectives: [] };
  const aggregates = await ctx.store.getObjectives(mine.map((o) => o.id));
  const byId = new Map(aggregates.map((a) => [a.objective.id, a]));
  const access = await accessFor(ctx, aggregates);
  const now = ctx.clock.now();
  const view = { cycle, bands: settings.bands, pace: settings.pace, now, viewerAccountId: me, access };
  return {
    cycle: cycleView(cycle, now),
    objectives: mine.flatMap((o) => {
      const aggregate = byId.get(o.id);
      if (aggregate === undefined) return [];
      const keyResults = boardKeyResults(aggregate, view).filter((kr) => kr.ownerAccountId === me);
      return keyResults.length === 0 ? [] : [{ objectiveId: o.id, title: aggregate.objective.title, keyResults }];
    }),
  };
};
