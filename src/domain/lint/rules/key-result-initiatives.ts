import type { CycleRule } from '../context';
import { finding, keyResultTarget, quote } from '../finding';

/** key-result-initiatives-missing: progress from initiatives with none linked is stuck at 0. */
export const initiativesMissingRule: CycleRule = (ctx) =>
  ctx.objectives.flatMap((o) =>
    ctx
      .keyResultsOf(o.id)
      .filter((kr) => kr.progressSource === 'initiatives' && ctx.initiativeCount(kr.id) === 0)
      .map((kr) =>
        finding(
          'key-result-initiatives-missing',
          keyResultTarget(kr.id),
          `Key result ${quote(kr.title)} takes its progress from linked epics but has none, so it will stay at 0.`,
          'Link the Jira epics that should move it, or switch it to manual progress.',
        ),
      ),
  );
