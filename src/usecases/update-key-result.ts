import type { ApiOutput, ApiParsedInput, Metric } from '../contract';
import { MetricSchema } from '../contract';
import { AppError } from './errors';
import { objectiveIdOf } from './ids';
import type { Ctx } from './shared/context';
import { editableKeyResult, replaceKeyResult } from './shared/key-result-edit';
import { mutateObjective, once } from './shared/mutate-objective';
import { objectiveViewOf } from './shared/objective-view-of';
import { requireKeyResultOwnerChange, requireSiteUsers } from './shared/permissions';
import { withDerivedCurrents } from './shared/refresh-initiatives';
import { withEditor } from '../domain/authorship';
import { requireCycle } from './shared/lookups';
import { withForecastScore } from './shared/forecasts';

/** The merged metric must still obey the metric rules (binary: start 0, target 1, current 0 or 1). */
const mergedMetric = (current: Metric, change: Partial<Metric> | undefined): Metric => {
  if (change === undefined) return current;
  const parsed = MetricSchema.safeParse({ ...current, ...change });
  if (parsed.success) return parsed.data;
  const issues = parsed.error.issues.map((i) => ({ field: ['metric', ...i.path.map(String)].join('.'), message: i.message }));
  const first = issues[0];
  throw new AppError('VALIDATION', first === undefined ? 'metric is invalid' : `${first.field} ${first.message}`, first?.field, issues);
};

/**
 * keyResults.update: title, owner, weight, metric (merged with the stored one) and progress source.
 * The owner changes only by the KR's owner, the objective's owner or an OKR admin, to a site user.
 * @throws AppError VALIDATION id / metric.* / ownerAccountId, NOT_FOUND id, INVALID_STATE (archived),
 *   FORBIDDEN (ownerAccountId), CONFLICT.
 */
export const updateKeyResult = async (ctx: Ctx, input: ApiParsedInput<'keyResults.update'>): Promise<ApiOutput<'keyResults.update'>> => {
  const objectiveId = objectiveIdOf('keyResult', input.id, 'id');
  const { aggregate } = await mutateObjective(ctx, objectiveId, 'id', async (current) => {
    const kr = await editableKeyResult(ctx, current, input.id, 'id');
    if (input.ownerAccountId !== undefined && input.ownerAccountId !== kr.ownerAccountId) {
      await requireKeyResultOwnerChange(ctx, current.objective, kr, input.ownerAccountId);
      await requireSiteUsers(ctx, [{ field: 'ownerAccountId', label: 'owner', accountIds: [input.ownerAccountId] }]);
    }
    const next = {
      ...kr,
      ...(input.title === undefined ? {} : { title: input.title }),
      ...(input.ownerAccountId === undefined ? {} : { ownerAccountId: input.ownerAccountId }),
      ...(input.weight === undefined ? {} : { weight: input.weight }),
      ...(input.progressSource === undefined ? {} : { progressSource: input.progressSource }),
      metric: mergedMetric(kr.metric, input.metric),
    };
    const objective = { ...current.objective, authorship: withEditor(current.objective.authorship, ctx.actor.accountId) };
    const cycle = await requireCycle(ctx.store, current.objective.cycleId, 'id');
    // A new start or target moves the forecast's score: keep the board's count in step with the rows.
    const aggregate = withDerivedCurrents(replaceKeyResult({ ...current, objective }, withForecastScore(next, cycle)), {
      cycle,
      now: ctx.clock.now(),
    });
    return { aggregate, result: undefined };
  }, once(ctx, 'keyResults.update', input.requestId));
  const view = await objectiveViewOf(ctx, aggregate);
  const kr = view.keyResults.find((k) => k.id === input.id);
  if (kr === undefined) throw new Error(`key result ${input.id} vanished after it was written`);
  return kr;
};
