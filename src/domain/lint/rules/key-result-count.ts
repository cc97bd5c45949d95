import type { Finding, Objective } from '../../../contract';
import type { CycleRule } from '../context';
import { finding, objectiveTarget } from '../finding';
import { KEY_RESULTS_PER_OBJECTIVE } from '../shape';

/**
 * The method's shape rule: 2 to 5 KRs per objective is the rule, 2 to 4 the recommendation. The messages
 * state both (min, max, recommendedMax) so every one says which is which.
 */
const countFinding = (o: Objective, count: number): Finding | undefined => {
  const { min, max, recommendedMax } = KEY_RESULTS_PER_OBJECTIVE;
  const target = objectiveTarget(o.id);
  const params = { title: o.title, count, min, max, recommendedMax };
  if (count === 0) return finding('objective-no-key-results', 'default', target, params);
  if (count < min) return finding('objective-too-few-key-results', 'default', target, params);
  if (count > max) return finding('objective-too-many-key-results', 'default', target, params);
  if (count > recommendedMax) return finding('objective-above-recommended-key-results', 'default', target, params);
  return undefined;
};

/** objective-no/too-few/too-many/above-recommended-key-results, counted over active KRs. */
export const keyResultCountRule: CycleRule = (ctx) =>
  ctx.objectives.flatMap((o) => countFinding(o, ctx.keyResultsOf(o.id).length) ?? []);

/** all-key-results-binary: done / not done everywhere reads as a task list (the method's mistake 1). */
export const allBinaryRule: CycleRule = (ctx) =>
  ctx.objectives.flatMap((o) => {
    const krs = ctx.keyResultsOf(o.id);
    if (krs.length < 2 || !krs.every((kr) => kr.metric.kind === 'binary')) return [];
    return [finding('all-key-results-binary', 'default', objectiveTarget(o.id), { title: o.title })];
  });
