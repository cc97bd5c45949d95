import type { Objective } from '../../../contract';
import type { CycleRule, LintContext } from '../context';
import { finding, objectiveTarget } from '../finding';

/**
 * Whether a company objective is among the ancestors. Archived or unknown parents end the walk (not
 * aligned), and a visited set makes a cycle in the parent graph end it too instead of looping forever.
 */
const reachesCompany = (ctx: LintContext, start: Objective): boolean => {
  const seen = new Set<string>([start.id]);
  let parentId = start.parentObjectiveId;
  while (parentId !== undefined && !seen.has(parentId)) {
    const parent = ctx.objectiveById.get(parentId);
    if (parent === undefined || parent.status === 'archived') return false;
    if (parent.level === 'company') return true;
    seen.add(parentId);
    parentId = parent.parentObjectiveId;
  }
  return false;
};

/** team-objective-not-aligned: every team OKR should connect to at least one company objective. */
export const teamAlignmentRule: CycleRule = (ctx) =>
  ctx.objectives
    .filter((o) => o.level === 'team' && !reachesCompany(ctx, o))
    .map((o) => finding('team-objective-not-aligned', 'default', objectiveTarget(o.id), { title: o.title }));

/** individual-objective-not-aligned: individual OKRs are optional, but should show what they feed. */
export const individualAlignmentRule: CycleRule = (ctx) =>
  ctx.objectives
    .filter((o) => o.level === 'individual' && o.parentObjectiveId === undefined)
    .map((o) => finding('individual-objective-not-aligned', 'default', objectiveTarget(o.id), { title: o.title }));

/** aligned-to-archived-parent: the objective supports something that no longer exists. */
export const archivedParentRule: CycleRule = (ctx) =>
  ctx.objectives.flatMap((o) => {
    const parent = o.parentObjectiveId === undefined ? undefined : ctx.objectiveById.get(o.parentObjectiveId);
    if (parent?.status !== 'archived') return [];
    return [
      finding('aligned-to-archived-parent', 'default', objectiveTarget(o.id), { title: o.title, parent: parent.title }),
    ];
  });
