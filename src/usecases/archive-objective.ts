import type { ApiOutput, ApiParsedInput } from '../contract';
import { invalidState } from './errors';
import { objectiveIdOf } from './ids';
import type { Ctx } from './shared/context';
import { mutateObjective, once } from './shared/mutate-objective';
import { objectiveViewOf } from './shared/objective-view-of';
import { requireEditObjective } from './shared/permissions';

/**
 * objectives.archive / objectives.restore: archive rather than delete; a restored objective comes back
 * as a draft, to be reviewed and published again. By the owner, the team's members or OKR admins.
 * @throws AppError VALIDATION id, NOT_FOUND id, INVALID_STATE (already archived / not archived),
 *   FORBIDDEN, CONFLICT.
 */
export const setObjectiveArchived = async (
  ctx: Ctx,
  input: ApiParsedInput<'objectives.archive'>,
  archived: boolean,
): Promise<ApiOutput<'objectives.archive'>> => {
  const { aggregate } = await mutateObjective(ctx, objectiveIdOf('objective', input.id, 'id'), 'id', async (current) => {
    await requireEditObjective(ctx, current.objective);
    const isArchived = current.objective.status === 'archived';
    if (isArchived === archived) throw invalidState(archived ? 'This objective is already archived.' : 'This objective is not archived.', 'id');
    const status = archived ? 'archived' : 'draft';
    return { aggregate: { ...current, objective: { ...current.objective, status } }, result: undefined };
  }, once(ctx, archived ? 'objectives.archive' : 'objectives.restore', input.requestId));
  return objectiveViewOf(ctx, aggregate);
};
