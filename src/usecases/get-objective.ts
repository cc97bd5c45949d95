import type { ApiOutput, ApiParsedInput } from '../contract';
import { notFound } from './errors';
import { objectiveIdOf } from './ids';
import type { Ctx } from './shared/context';
import { objectiveViewOf } from './shared/objective-view-of';

/**
 * objectives.get: one objective with every KR (archived ones too) and every initiative as the viewer
 * may see it. Jira: one POST /rest/api/3/permissions/check.
 * @throws AppError VALIDATION id (malformed), NOT_FOUND id.
 */
export const getObjective = async (ctx: Ctx, input: ApiParsedInput<'objectives.get'>): Promise<ApiOutput<'objectives.get'>> => {
  const aggregate = await ctx.store.getObjective(objectiveIdOf('objective', input.id, 'id'));
  if (aggregate === undefined) throw notFound('Objective', input.id, 'id');
  return objectiveViewOf(ctx, aggregate);
};
