import type { Finding, FindingTarget } from '../../../contract';
import type { CycleRule } from '../context';
import { finding, objectiveTarget } from '../finding';
import { containsFigure } from '../text';

/** objective-has-numbers: an objective says where to go; how far is the job of its key results. */
export const objectiveTitleFindings = (title: string, target: FindingTarget): Finding[] =>
  containsFigure(title) ? [finding('objective-has-numbers', 'default', target, { title })] : [];

export const objectiveTitleRule: CycleRule = (ctx) =>
  ctx.objectives.flatMap((o) => objectiveTitleFindings(o.title, objectiveTarget(o.id)));
