import type { Finding, Objective } from '../../../contract';
import type { CycleRule } from '../context';
import { finding, objectiveTarget, quote } from '../finding';

/** The method's shape rule: 2 to 5 KRs per objective, 2 to 4 recommended. */
const countFinding = (o: Objective, count: number): Finding | undefined => {
  const target = objectiveTarget(o.id);
  const title = quote(o.title);
  if (count === 0) {
    return finding(
      'objective-no-key-results',
      target,
      `Objective ${title} has no key results, so nothing says when it is achieved.`,
      'Add 2 to 4 measurable key results ("from X to Y") that together would show the objective was met.',
    );
  }
  if (count === 1) {
    return finding(
      'objective-too-few-key-results',
      target,
      `Objective ${title} has only 1 key result.`,
      'Add at least one more (2 to 4 is recommended): a single number rarely captures an objective and is easy to game.',
    );
  }
  if (count > 5) {
    return finding(
      'objective-too-many-key-results',
      target,
      `Objective ${title} has ${count} key results; the method allows at most 5.`,
      'Keep the 2 to 4 that best show the objective was met; move the rest to another objective or track them as KPIs.',
    );
  }
  if (count === 5) {
    return finding(
      'objective-above-recommended-key-results',
      target,
      `Objective ${title} has 5 key results, the most the method allows.`,
      '2 to 4 is the recommended range: consider merging or dropping the weakest one to keep the focus.',
    );
  }
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
    return [
      finding(
        'all-key-results-binary',
        objectiveTarget(o.id),
        `Every key result of ${quote(o.title)} is done / not done, so it reads like a task list.`,
        'Turn at least one into a measurable outcome ("from X to Y") and keep the tasks as initiatives under it.',
      ),
    ];
  });
