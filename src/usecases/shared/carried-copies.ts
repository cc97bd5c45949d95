import type { Cycle } from '../../contract';
import { previousCycle } from '../../domain/current-cycle';
import { carriedObjectiveId } from '../ids';
import type { Ctx } from './context';

/** Later cycles a close may have carried into: at most this many, nearest first. */
export const CARRY_TARGETS = 4;

/**
 * The cycles a close of `cycle` may have carried objectives into: the next one of its kind (the one whose
 * previous cycle it is) first, then the nearest others starting after it (the close may pick any open
 * cycle, an overlapping one or one of another length), CARRY_TARGETS in all.
 */
export const nextCycles = (cycles: readonly Cycle[], cycle: Cycle): Cycle[] => {
  const later = cycles.filter((c) => c.id !== cycle.id && c.startDate > cycle.startDate).sort((a, b) => a.startDate.localeCompare(b.startDate));
  const next = later.filter((c) => previousCycle(cycles, c)?.id === cycle.id);
  return [...next, ...later.filter((c) => !next.includes(c))].slice(0, CARRY_TARGETS);
};

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
