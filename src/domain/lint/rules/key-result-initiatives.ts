import type { CycleRule } from '../context';
import { finding, keyResultTarget } from '../finding';

/** key-result-initiatives-missing: progress from initiatives with none linked is stuck at 0. */
export const initiativesMissingRule: CycleRule = (ctx) =>
  ctx.objectives.flatMap((o) =>
    ctx
      .keyResultsOf(o.id)
      .filter((kr) => kr.progressSource === 'initiatives' && ctx.initiativeCount(kr.id) === 0)
      .map((kr) => finding('key-result-initiatives-missing', 'default', keyResultTarget(kr.id), { title: kr.title })),
  );
