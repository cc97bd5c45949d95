import type { Cycle } from '../../contract';
import { previousCycle } from '../../domain/current-cycle';
import { carriedObjectiveId } from '../ids';
import type { Ctx } from './context';

/** The cycles that follow `cycle` (those whose previous cycle it is; usually one). */
export const nextCycles = (cycles: readonly Cycle[], cycle: Cycle): Cycle[] =>
  cycles.filter((c) => c.id !== cycle.id && previousCycle(cycles, c)?.id === cycle.id);

/**
 * Where objectives were carried into `targets`: original id -> copy id. A copy's id derives from its
 * original and the target cycle (carry-over-objectives.ts), so the copies are read by key (strongly
 * consistent, one batchGet; absent keys cost nothing) rather than by scanning the target cycles' boards.
 */
export const carriedCopies = async (ctx: Ctx, objectiveIds: readonly string[], targets: readonly Cycle[]): Promise<Map<string, string>> => {
  const asked = targets.flatMap((t) => objectiveIds.map((id) => ({ id, cycleId: t.id, copyId: carriedObjectiveId(ctx.ids, id, t.id) })));
  if (asked.length === 0) return new Map();
  const found = new Map((await ctx.store.getObjectives(asked.map((a) => a.copyId))).map((a) => [a.objective.id, a.objective]));
  const copies = new Map<string, string>();
  for (const a of asked) {
    const copy = found.get(a.copyId);
    if (copy?.cycleId === a.cycleId && copy.carriedFromObjectiveId === a.id && !copies.has(a.id)) copies.set(a.id, copy.id);
  }
  return copies;
};
