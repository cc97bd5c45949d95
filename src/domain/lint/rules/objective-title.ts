import type { Finding, FindingTarget } from '../../../contract';
import type { CycleRule } from '../context';
import { finding, objectiveTarget, quote } from '../finding';
import { containsFigure } from '../text';

/** objective-has-numbers: an objective says where to go; how far is the job of its key results. */
export const objectiveTitleFindings = (title: string, target: FindingTarget): Finding[] =>
  containsFigure(title)
    ? [
        finding(
          'objective-has-numbers',
          target,
          `Objective ${quote(title)} contains numbers; numbers belong in its key results.`,
          'Move the figure into a key result ("from X to Y") and keep the objective qualitative, e.g. ' +
            '"Deliver an exceptional onboarding experience for new enterprise clients".',
        ),
      ]
    : [];

export const objectiveTitleRule: CycleRule = (ctx) =>
  ctx.objectives.flatMap((o) => objectiveTitleFindings(o.title, objectiveTarget(o.id)));
