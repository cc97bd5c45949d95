import type { ApiOutput, ApiParsedInput, KeyResult, Lessons, Objective } from '../contract';
import { hasRetrospective } from '../domain/retrospective-draft';
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

/** What the original's retrospective teaches the copy; undefined when it has none worth carrying. */
const lessonsOf = (a: ObjectiveAggregate): Lessons | undefined => {
  const r = a.objective.retrospective;
  return r === undefined || !hasRetrospective(r)
    ? undefined
    : { fromObjectiveId: a.objective.id, fromCycleId: a.objective.cycleId, title: a.objective.title, retrospective: r };
};

type Input = ApiParsedInput<'cycles.carryOver'>;

/** One objective to carry, and the title its copy takes (a rewrite), or to drop. */
interface Plan {
  carry: { aggregate: ObjectiveAggregate; title?: string }[];
  dropped: string[];
}

const planOf = (input: Input, from: readonly ObjectiveAggregate[]): Plan => {
  const byId = new Map(from.map((a) => [a.objective.id, a]));
  const find = (id: string, field: string): ObjectiveAggregate => {
    const a = byId.get(id);
    if (a === undefined) throw notFound('Objective', id, field);
    return a;
  };
  if (input.choices !== undefined) {
    const plan: Plan = { carry: [], dropped: [] };
    input.choices.forEach((c, i) => {
      const aggregate = find(c.objectiveId, `choices.${String(i)}.objectiveId`);
      if (c.action === 'drop') plan.dropped.push(c.objectiveId);
      else plan.carry.push(c.action === 'rewrite' && c.title !== undefined ? { aggregate, title: c.title } : { aggregate });
    });
    return plan;
  }
  if (input.objectiveIds !== undefined) {
    return { carry: input.objectiveIds.map((id, i) => ({ aggregate: find(id, `objectiveIds.${String(i)}`) })), dropped: [] };
  }
  return { carry: from.filter(isUnfinished).sort((a, b) => (a.createdAt < b.createdAt ? -1 : 1)).map((aggregate) => ({ aggregate })), dropped: [] };
};

/**
 * cycles.carryOver: copies objectives of one cycle into another as drafts that point back
 * (carriedFromObjectiveId): those `choices` keep or rewrite (a new title), else `objectiveIds`, else
 * every unfinished one. Active KRs start where they ended (start = current = the old current);
 * alignment is kept when the parent is carried too, else dropped; linked epics are linked again; a
 * copy takes the original's retrospective along as `lessons` (with the title it had). Dropped objectives
 * write nothing. The originals are untouched. Idempotent: an objective already carried into the target
 * cycle is reported, not copied again (its copy's id derives from it and the target cycle, and the
 * target's board digests are read by key), so a repeated request id needs no record of its own. OKR
 * admins only (POST /rest/api/3/permissions/check), as closing a cycle is theirs.
 * Storage: the two cycles and the source's objectives (board shards, then the aggregates), the target's
 * 16 board shards; then one must-not-exist write per new copy (aggregate, board row, tree and links).
 * @throws AppError FORBIDDEN, NOT_FOUND fromCycleId / toCycleId / objectiveIds.N / choices.N.objectiveId,
 *   VALIDATION toCycleId (same cycle), INVALID_STATE toCycleId (closed).
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
  const plan = planOf(input, from);
  const chosen = plan.carry.map((c) => c.aggregate);
  const titleOf = new Map(plan.carry.flatMap((c) => (c.title === undefined ? [] : [[c.aggregate.objective.id, c.title] as const])));

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
    const { retrospective: _r, parentObjectiveId: _p, lessons: _l, ...rest } = a.objective;
    const lessons = lessonsOf(a);
    const objective: Objective = {
      ...rest,
      id,
      title: titleOf.get(a.objective.id) ?? a.objective.title,
      cycleId: to.id,
      status: 'draft',
      carriedFromObjectiveId: a.objective.id,
      ...(parent === undefined ? {} : { parentObjectiveId: parent }),
      ...(lessons === undefined ? {} : { lessons }),
    };
    const krId = new Map<string, string>();
    const keyResults: StoredKeyResult[] = a.keyResults
      .filter((kr) => kr.status === 'active')
      .map(({ lastCheckIn: _l, finalScore: _f, finalScoreReason: _fr, ...kr }): KeyResult => {
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
    dropped: plan.dropped,
  };
};
