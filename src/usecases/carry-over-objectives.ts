import type { ApiOutput, ApiParsedInput, KeyResult, Objective } from '../contract';
import { keyResultScore } from '../domain/score';
import { invalidState, notFound, validation } from './errors';
import { carriedObjectiveId, newInitiativeId, newKeyResultId } from './ids';
import { VersionConflict } from './ports';
import type { ObjectiveAggregate, StoredInitiative, StoredKeyResult } from './model';
import type { Ctx } from './shared/context';
import { requireCycle } from './shared/lookups';
import { requireOkrAdmin } from './shared/permissions';

/** Unfinished: not archived, with an active KR scoring below 1.0. */
export const isUnfinished = (a: ObjectiveAggregate): boolean =>
  a.objective.status !== 'archived' && a.keyResults.some((kr) => kr.status === 'active' && keyResultScore(kr) < 1);

/**
 * cycles.carryOver: copies unfinished objectives of one cycle into another as drafts that point back
 * (carriedFromObjectiveId). Active KRs start where they ended (start = current = the old current);
 * alignment is kept when the parent is carried too, else dropped; linked epics are linked again. The
 * originals are untouched. Idempotent: an objective already carried into the target cycle is reported,
 * not copied again. Site admins only (POST /rest/api/3/permissions/check).
 * @throws AppError FORBIDDEN, NOT_FOUND fromCycleId / toCycleId / objectiveIds.N, VALIDATION toCycleId
 *   (same cycle), INVALID_STATE toCycleId (closed).
 */
export const carryOverObjectives = async (ctx: Ctx, input: ApiParsedInput<'cycles.carryOver'>): Promise<ApiOutput<'cycles.carryOver'>> => {
  await requireOkrAdmin(ctx, 'carry objectives over');
  if (input.fromCycleId === input.toCycleId) throw validation('toCycleId', 'must differ from fromCycleId');
  const [, to, from] = await Promise.all([
    requireCycle(ctx.store, input.fromCycleId, 'fromCycleId'),
    requireCycle(ctx.store, input.toCycleId, 'toCycleId'),
    ctx.store.listObjectivesOfCycle(input.fromCycleId),
  ]);
  if (to.status === 'closed') throw invalidState(`Cycle "${to.name}" is closed.`, 'toCycleId');
  const byId = new Map(from.map((a) => [a.objective.id, a]));
  const chosen =
    input.objectiveIds === undefined
      ? from.filter(isUnfinished).sort((a, b) => (a.createdAt < b.createdAt ? -1 : 1))
      : input.objectiveIds.map((id, i) => {
          const a = byId.get(id);
          if (a === undefined) throw notFound('Objective', id, `objectiveIds.${String(i)}`);
          return a;
        });

  // Already carried into the target cycle: reuse, so running twice copies nothing twice. The target's
  // board digests are read by key (strongly consistent), and a copy's id derives from its original and
  // the target cycle, so two runs at once race for one key and the second copy is refused.
  const copies = new Map<string, string>();
  for (const d of await ctx.store.listDigestsOfCycle(to.id)) {
    if (d.objective.carriedFromObjectiveId !== undefined) copies.set(d.objective.carriedFromObjectiveId, d.objective.id);
  }
  const newId = new Map<string, string>();
  const existing = new Map<string, string>();
  for (const a of chosen) {
    const copy = copies.get(a.objective.id);
    if (copy !== undefined) existing.set(a.objective.id, copy);
    else newId.set(a.objective.id, carriedObjectiveId(ctx.ids, a.objective.id, to.id));
  }
  const carriedId = (oldId: string): string | undefined => newId.get(oldId) ?? existing.get(oldId);

  const now = ctx.clock.now().toISOString();
  const writes = chosen.flatMap((a) => {
    const id = newId.get(a.objective.id);
    if (id === undefined) return [];
    const parent = a.objective.parentObjectiveId === undefined ? undefined : carriedId(a.objective.parentObjectiveId);
    const { retrospective: _r, parentObjectiveId: _p, ...rest } = a.objective;
    const objective: Objective = {
      ...rest,
      id,
      cycleId: to.id,
      status: 'draft',
      carriedFromObjectiveId: a.objective.id,
      ...(parent === undefined ? {} : { parentObjectiveId: parent }),
    };
    const krId = new Map<string, string>();
    const keyResults: StoredKeyResult[] = a.keyResults
      .filter((kr) => kr.status === 'active')
      .map(({ lastCheckIn: _l, finalScore: _f, ...kr }): KeyResult => {
        const next = newKeyResultId(ctx.ids, id);
        krId.set(kr.id, next);
        const start = kr.metric.kind === 'binary' ? 0 : kr.metric.current;
        // A new KR of the new cycle: its own creation time, not the carried one's.
        return { ...kr, id: next, objectiveId: id, metric: { ...kr.metric, start, current: kr.metric.current }, createdAt: now };
      });
    const initiatives: StoredInitiative[] = a.initiatives.flatMap((i) => {
      const keyResultId = krId.get(i.keyResultId);
      return keyResultId === undefined
        ? []
        : [{ ...i, id: newInitiativeId(ctx.ids, id), keyResultId, linkedAt: now, linkedByAccountId: ctx.actor.accountId }];
    });
    const aggregate: ObjectiveAggregate = { objective, keyResults, initiatives, createdAt: now, updatedAt: now, version: 0 };
    return [{ aggregate, expectedVersion: 0, linkedIssueIds: initiatives.map((i) => i.issueId) }];
  });
  await Promise.all(
    writes.map(async (w) => {
      try {
        await ctx.store.writeObjective(w);
      } catch (error) {
        // A concurrent run wrote this very copy (same derived id) first: it is carried, once.
        if (!(error instanceof VersionConflict)) throw error;
      }
    }),
  );
  return {
    carried: chosen.map((a) => ({ fromObjectiveId: a.objective.id, objectiveId: carriedId(a.objective.id) ?? '' })),
  };
};
