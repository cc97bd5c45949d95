import type { Objective } from '../../contract';
import { validateParent } from '../../domain/alignment';
import { DomainError } from '../../domain/errors';
import { AppError, notFound } from '../errors';
import type { Ctx } from './context';

/**
 * Checks a parent link with the domain rules against the cycle's objectives.
 * @throws AppError NOT_FOUND parentObjectiveId, VALIDATION parentObjectiveId (loop, other cycle, level).
 */
export const checkParent = async (ctx: Ctx, child: Pick<Objective, 'id' | 'cycleId' | 'level'>, parentId: string | undefined): Promise<void> => {
  if (parentId === undefined) return;
  const objectives = (await ctx.store.listDigestsOfCycle(child.cycleId)).map((a) => a.objective);
  const byId = new Map(objectives.map((o) => [o.id, o]));
  if (!byId.has(parentId)) {
    const elsewhere = await ctx.store.getObjective(parentId).catch(() => undefined);
    if (elsewhere === undefined) throw notFound('Objective', parentId, 'parentObjectiveId');
    byId.set(parentId, elsewhere.objective);
  }
  try {
    validateParent(child, parentId, byId);
  } catch (error) {
    if (error instanceof DomainError) {
      if (error.code === 'ALIGNMENT_PARENT_NOT_FOUND') throw notFound('Objective', parentId, 'parentObjectiveId');
      throw new AppError('VALIDATION', error.message, 'parentObjectiveId', [{ field: 'parentObjectiveId', message: error.message }]);
    }
    throw error;
  }
};
