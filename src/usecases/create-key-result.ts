import type { ApiOutput, ApiParsedInput, KeyResult } from '../contract';
import { KEY_RESULTS_PER_OBJECTIVE } from '../domain/lint/shape';
import { invalidState } from './errors';
import { newKeyResultId, objectiveIdOf } from './ids';
import type { Ctx } from './shared/context';
import { mutateObjective } from './shared/mutate-objective';
import { objectiveViewOf } from './shared/objective-view-of';
import { requireEditObjective, requireSiteUsers } from './shared/permissions';
import { withDerivedCurrents } from './shared/refresh-initiatives';
import { withEditor } from '../domain/authorship';
import { requireCycle } from './shared/lookups';

/** Hard cap per objective: the method's rule is 2 to 5 (domain/lint/shape.ts); this only keeps one aggregate small. */
export const MAX_KEY_RESULTS = 20;

/**
 * keyResults.create: adds a KR (owner defaults to the actor, else a user of the site: GET
 * /rest/api/3/user/bulk) to an objective the actor may edit.
 * @throws AppError VALIDATION objectiveId / ownerAccountId, NOT_FOUND objectiveId, INVALID_STATE (archived objective or
 *   too many KRs), FORBIDDEN, CONFLICT.
 */
export const createKeyResult = async (
  ctx: Ctx,
  input: ApiParsedInput<'keyResults.create'>,
): Promise<ApiOutput<'keyResults.create'>> => {
  const objectiveId = objectiveIdOf('objective', input.objectiveId, 'objectiveId');
  const krId = newKeyResultId(ctx.ids, objectiveId, { accountId: ctx.actor.accountId, requestId: input.requestId });
  const { aggregate, result: id } = await mutateObjective(ctx, objectiveId, 'objectiveId', async (current) => {
    await requireEditObjective(ctx, current.objective);
    // A repeat of a request that already created its KR answers that KR.
    if (current.keyResults.some((k) => k.id === krId)) return { aggregate: current, result: krId, write: false };
    if (current.objective.status === 'archived')
      throw invalidState('The objective is archived; restore it first.', 'objectiveId');
    if (input.ownerAccountId !== undefined)
      await requireSiteUsers(ctx, [{ field: 'ownerAccountId', label: 'owner', accountIds: [input.ownerAccountId] }]);
    if (current.keyResults.length >= MAX_KEY_RESULTS) {
      const { min, max, recommendedMax } = KEY_RESULTS_PER_OBJECTIVE;
      throw invalidState(
        `An objective holds at most ${String(MAX_KEY_RESULTS)} key results; the method's rule is ${String(min)} to ${String(max)}, and ${String(min)} to ${String(recommendedMax)} is recommended.`,
        'objectiveId',
      );
    }
    const kr: KeyResult = {
      id: krId,
      objectiveId,
      title: input.title,
      ownerAccountId: input.ownerAccountId ?? ctx.actor.accountId,
      weight: input.weight,
      metric: input.metric,
      progressSource: input.progressSource,
      status: 'active',
      // Its first check-in is due a week from now, not from the cycle start (domain/staleness.ts).
      createdAt: ctx.clock.now().toISOString(),
    };
    // Writing a KR is shaping the objective: its author counts as an editor (co-creation, lint top-down).
    const objective = { ...current.objective, authorship: withEditor(current.objective.authorship, ctx.actor.accountId) };
    const measured = { cycle: await requireCycle(ctx.store, current.objective.cycleId, 'objectiveId'), now: ctx.clock.now() };
    return { aggregate: withDerivedCurrents({ ...current, objective, keyResults: [...current.keyResults, kr] }, measured), result: kr.id };
  });
  const view = await objectiveViewOf(ctx, aggregate);
  const kr = view.keyResults.find((k) => k.id === id);
  if (kr === undefined) throw new Error(`key result ${id} vanished after it was written`);
  return kr;
};
