import type { Cycle, ObjectiveView } from '../../contract';
import type { ObjectiveAggregate } from '../model';
import type { Ctx } from './context';
import { requireCycle } from './lookups';
import { loadViewContext } from './view-context';
import { objectiveView } from './views';

/** The full view of one objective for the acting user (reads cycle, bands, teams; one Jira check). */
export const objectiveViewOf = async (ctx: Ctx, aggregate: ObjectiveAggregate, cycle?: Cycle): Promise<ObjectiveView> => {
  const c = cycle ?? (await requireCycle(ctx.store, aggregate.objective.cycleId, 'cycleId'));
  return objectiveView(aggregate, await loadViewContext(ctx, c, [aggregate]));
};
