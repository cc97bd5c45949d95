import type { CycleRule } from '../context';
import { finding, objectiveTarget, quote } from '../finding';

/** draft-without-reviewer: the method gives every draft a real person who reviews it before publishing. */
export const draftWithoutReviewerRule: CycleRule = (ctx) =>
  ctx.objectives
    .filter((o) => o.status === 'draft' && o.reviewerAccountId === undefined)
    .map((o) =>
      finding(
        'draft-without-reviewer',
        objectiveTarget(o.id),
        `Draft objective ${quote(o.title)} has no review owner.`,
        'Name a reviewer other than the owner who checks it against the validation test before it is published.',
      ),
    );

/** reviewer-is-owner: reviewing your own OKR catches nothing a second pair of eyes would. */
export const reviewerIsOwnerRule: CycleRule = (ctx) =>
  ctx.objectives
    .filter((o) => o.reviewerAccountId === o.ownerAccountId)
    .map((o) =>
      finding(
        'reviewer-is-owner',
        objectiveTarget(o.id),
        `Objective ${quote(o.title)} is reviewed by its own owner.`,
        'Ask someone else to review it: a second reader catches vague objectives and activity KRs.',
      ),
    );

/** draft-in-active-cycle: once the cycle runs, an objective is either committed to (published) or not. */
export const draftInActiveCycleRule: CycleRule = (ctx) => {
  const { status, name } = ctx.cycle;
  if (status !== 'active' && status !== 'review') return [];
  const phase = status === 'active' ? 'is active' : 'is in review';
  return ctx.objectives
    .filter((o) => o.status === 'draft')
    .map((o) =>
      finding(
        'draft-in-active-cycle',
        objectiveTarget(o.id),
        `Objective ${quote(o.title)} is still a draft while the cycle ${quote(name)} ${phase}.`,
        'Have it reviewed and publish it, or archive it if the team decided to leave it out of this cycle.',
      ),
    );
};
