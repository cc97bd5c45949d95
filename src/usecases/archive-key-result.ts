import type { ApiOutput, ApiParsedInput } from '../contract';
import { AppError } from './errors';
import { objectiveIdOf } from './ids';
import type { Ctx } from './shared/context';
import { editableKeyResult, replaceKeyResult } from './shared/key-result-edit';
import { mutateObjective, once } from './shared/mutate-objective';
import { objectiveViewOf } from './shared/objective-view-of';

/**
 * keyResults.archive: archived KRs stop counting in scores and lint; their check-ins stay.
 * @throws AppError VALIDATION id, NOT_FOUND id, INVALID_STATE (already archived), FORBIDDEN, CONFLICT.
 */
export const archiveKeyResult = async (ctx: Ctx, input: ApiParsedInput<'keyResults.archive'>): Promise<ApiOutput<'keyResults.archive'>> => {
  const objectiveId = objectiveIdOf('keyResult', input.id, 'id');
  const { aggregate } = await mutateObjective(ctx, objectiveId, 'id', async (current) => {
    const kr = await editableKeyResult(ctx, current, input.id, 'id');
    if (kr.status === 'archived') throw new AppError('INVALID_STATE', 'This key result is already archived.', 'id');
    return { aggregate: replaceKeyResult(current, { ...kr, status: 'archived' }), result: undefined };
  }, once(ctx, 'keyResults.archive', input.requestId));
  const view = await objectiveViewOf(ctx, aggregate);
  const kr = view.keyResults.find((k) => k.id === input.id);
  if (kr === undefined) throw new Error(`key result ${input.id} vanished after it was written`);
  return kr;
};
