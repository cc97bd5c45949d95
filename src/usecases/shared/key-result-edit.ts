import type { KeyResult } from '../../contract';
import { invalidState, notFound } from '../errors';
import type { ObjectiveAggregate, StoredKeyResult } from '../model';
import type { Ctx } from './context';
import { requireEditObjective } from './permissions';

/** Finds a KR in its aggregate and checks the actor may edit it. */
export const editableKeyResult = async (ctx: Ctx, aggregate: ObjectiveAggregate, keyResultId: string, field: string): Promise<StoredKeyResult> => {
  const kr = aggregate.keyResults.find((k) => k.id === keyResultId);
  if (kr === undefined) throw notFound('Key result', keyResultId, field);
  await requireEditObjective(ctx, aggregate.objective);
  if (aggregate.objective.status === 'archived') throw invalidState('The objective is archived; restore it first.', field);
  return kr;
};

export const replaceKeyResult = (aggregate: ObjectiveAggregate, kr: StoredKeyResult | KeyResult): ObjectiveAggregate => ({
  ...aggregate,
  keyResults: aggregate.keyResults.map((k) => (k.id === kr.id ? { ...k, ...kr } : k)),
});
