import type { CycleRule } from '../context';
import { finding, objectiveTarget } from '../finding';

/** draft-without-reviewer: the method gives every draft a real person who reviews it before publishing. */
export const draftWithoutReviewerRule: CycleRule = (ctx) =>
  ctx.objectives
    .filter((o) => o.status === 'draft' && o.reviewerAccountId === undefined)
    .map((o) => finding('draft-without-reviewer', 'default', objectiveTarget(o.id), { title: o.title }));

/** reviewer-is-owner: reviewing your own OKR catches nothing a second pair of eyes would. */
export const reviewerIsOwnerRule: CycleRule = (ctx) =>
  ctx.objectives
    .filter((o) => o.reviewerAccountId === o.ownerAccountId)
    .map((o) => finding('reviewer-is-owner', 'default', objectiveTarget(o.id), { title: o.title }));

/** draft-in-active-cycle: once the cycle runs, an objective is either committed to (published) or not. */
export const draftInActiveCycleRule: CycleRule = (ctx) => {
  const { status, name } = ctx.cycle;
  if (status !== 'active' && status !== 'review') return [];
  return ctx.objectives
    .filter((o) => o.status === 'draft')
    .map((o) => finding('draft-in-active-cycle', status, objectiveTarget(o.id), { title: o.title, cycle: name }));
};
