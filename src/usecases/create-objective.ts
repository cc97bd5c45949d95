import type { ApiOutput, ApiParsedInput, Objective } from '../contract';
import { invalidState, notFound, validation } from './errors';
import { newObjectiveId } from './ids';
import type { ObjectiveAggregate } from './model';
import { VersionConflict } from './ports';
import { checkParent } from './shared/alignment-check';
import type { Ctx } from './shared/context';
import { requireCycle } from './shared/lookups';
import { objectiveViewOf } from './shared/objective-view-of';
import { checkObjectiveKpi } from './shared/objective-kpi';
import { objectivePeople } from './shared/objective-people';
import { requireObjectiveResult, requireSiteUsers } from './shared/permissions';
import { draftedBy } from '../domain/authorship';

/**
 * objectives.create: company objectives by OKR admins, team objectives by the team's members (or
 * admins), individual objectives by anyone for themselves (admins for anyone): the rules of
 * shared/permissions.ts requireObjectiveResult, which objectives.update applies to its result too.
 * Owner and reviewer must be users of the site (GET /rest/api/3/user/bulk).
 * Jira: POST /rest/api/3/permissions/check when the admin question arises, and for the view.
 * @throws AppError NOT_FOUND cycleId / teamId / parentObjectiveId / kpiId, VALIDATION teamId / parentObjectiveId / kpiId,
 *   INVALID_STATE cycleId (closed cycle), FORBIDDEN level / teamId / ownerAccountId, VALIDATION
 *   ownerAccountId / reviewerAccountId (not a user of the site).
 */
export const createObjective = async (ctx: Ctx, input: ApiParsedInput<'objectives.create'>): Promise<ApiOutput<'objectives.create'>> => {
  const me = ctx.actor.accountId;
  const cycle = await requireCycle(ctx.store, input.cycleId, 'cycleId');
  const id = newObjectiveId(ctx.ids, { accountId: me, requestId: input.requestId });
  // A repeat of a request that already created its objective answers that objective.
  const earlier = input.requestId === undefined ? undefined : await ctx.store.getObjective(id);
  if (earlier !== undefined) return objectiveViewOf(ctx, earlier, cycle);
  if (cycle.status === 'closed') throw invalidState(`Cycle "${cycle.name}" is closed; objectives can no longer be added.`, 'cycleId');
  if (input.level === 'team' && input.teamId === undefined) throw validation('teamId', 'is required for a team objective');
  const team = input.teamId === undefined ? undefined : await ctx.store.getTeam(input.teamId);
  if (input.teamId !== undefined && team === undefined) throw notFound('Team', input.teamId, 'teamId');
  const owner = input.ownerAccountId ?? me;

  const objective: Objective = {
    id,
    cycleId: cycle.id,
    title: input.title,
    ...(input.description === undefined || input.description === '' ? {} : { description: input.description }),
    level: input.level,
    ...(input.teamId === undefined ? {} : { teamId: input.teamId }),
    ownerAccountId: owner,
    ...(input.reviewerAccountId === undefined ? {} : { reviewerAccountId: input.reviewerAccountId }),
    ...(input.parentObjectiveId === undefined ? {} : { parentObjectiveId: input.parentObjectiveId }),
    ...(input.kpiId === undefined ? {} : { kpiId: input.kpiId }),
    status: input.status,
    authorship: draftedBy(me),
  };
  await requireObjectiveResult(ctx, undefined, objective, { after: team });
  await requireSiteUsers(ctx, objectivePeople(objective));
  await checkParent(ctx, objective, input.parentObjectiveId);
  await checkObjectiveKpi(ctx, objective);
  const now = ctx.clock.now().toISOString();
  const aggregate: ObjectiveAggregate = { objective, keyResults: [], initiatives: [], createdAt: now, updatedAt: now, version: 0 };
  try {
    await ctx.store.writeObjective({ aggregate, expectedVersion: 0 });
  } catch (error) {
    // The same request, sent again while the first was still writing, got there first: answer that.
    const first = error instanceof VersionConflict ? await ctx.store.getObjective(id) : undefined;
    if (first === undefined) throw error;
    return objectiveViewOf(ctx, first, cycle);
  }
  return objectiveViewOf(ctx, { ...aggregate, version: 1 }, cycle);
};
