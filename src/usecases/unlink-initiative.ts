import type { ApiOutput, ApiParsedInput } from '../contract';
import { notFound } from './errors';
import { objectiveIdOf } from './ids';
import type { Ctx } from './shared/context';
import { editableKeyResult } from './shared/key-result-edit';
import { mutateObjective, once } from './shared/mutate-objective';
import { withDerivedCurrents } from './shared/refresh-initiatives';
import { refreshAfterLinkChange } from './resolve-work-jql';
import { requireCycle } from './shared/lookups';

/**
 * initiatives.unlink: removes the link (the epic in Jira is untouched) and its lookup row.
 * @throws AppError VALIDATION initiativeId, NOT_FOUND initiativeId, INVALID_STATE, FORBIDDEN, CONFLICT.
 */
export const unlinkInitiative = async (ctx: Ctx, input: ApiParsedInput<'initiatives.unlink'>): Promise<ApiOutput<'initiatives.unlink'>> => {
  const objectiveId = objectiveIdOf('initiative', input.initiativeId, 'initiativeId');
  await mutateObjective(ctx, objectiveId, 'initiativeId', async (current) => {
    const initiative = current.initiatives.find((i) => i.id === input.initiativeId);
    if (initiative === undefined) throw notFound('Initiative', input.initiativeId, 'initiativeId');
    await editableKeyResult(ctx, current, initiative.keyResultId, 'initiativeId');
    // A measured KR's value moves with its epics: on its trail, and into its kept forecast score.
    const measured = { cycle: await requireCycle(ctx.store, current.objective.cycleId, 'initiativeId'), now: ctx.clock.now() };
    return {
      aggregate: withDerivedCurrents({ ...current, initiatives: current.initiatives.filter((i) => i.id !== initiative.id) }, measured),
      result: undefined,
      linkedIssueIds: [initiative.issueId],
    };
  }, once(ctx, 'initiatives.unlink', input.requestId));
  // Jira's search keeps the old fragment of keyResultWork/objectiveWork until the app rewrites it.
  await refreshAfterLinkChange(ctx, objectiveId);
  return { initiativeId: input.initiativeId };
};
