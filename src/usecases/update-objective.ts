import type { ApiOutput, ApiParsedInput, Objective } from '../contract';
import { invalidState, notFound, validation } from './errors';
import { objectiveIdOf } from './ids';
import { checkParent } from './shared/alignment-check';
import type { Ctx } from './shared/context';
import { mutateObjective, once } from './shared/mutate-objective';
import { objectiveViewOf } from './shared/objective-view-of';
import { checkObjectiveKpi } from './shared/objective-kpi';
import { objectivePeople } from './shared/objective-people';
import { requireEditObjective, requireObjectiveResult, requireSiteUsers } from './shared/permissions';
import { withEditor } from '../domain/authorship';

const set = <K extends keyof Objective>(o: Objective, key: K, value: Objective[K] | null | undefined): Objective => {
  if (value === undefined) return o;
  const { [key]: _old, ...rest } = o;
  return (value === null || value === '' ? rest : { ...rest, [key]: value }) as Objective;
};

/**
 * objectives.update: title, description, level, team, owner, reviewer, parent (null clears), draft /
 * published, retrospective. By the owner, the team's members or OKR admins, and only to a result its
 * author could create (shared/permissions.ts requireObjectiveResult: level, team, owner); the owner
 * changes only by the current owner's or an admin's action. New owner and reviewer must be site users.
 * @throws AppError VALIDATION id / teamId / parentObjectiveId / ownerAccountId / reviewerAccountId,
 *   NOT_FOUND id / teamId / parentObjectiveId / kpiId, VALIDATION kpiId (not the team's or the company's
 *   active KPI), INVALID_STATE (archived: restore it first), FORBIDDEN
 *   (level / teamId / ownerAccountId), CONFLICT.
 */
export const updateObjective = async (ctx: Ctx, input: ApiParsedInput<'objectives.update'>): Promise<ApiOutput<'objectives.update'>> => {
  const id = objectiveIdOf('objective', input.id, 'id');
  const newTeam = input.teamId === undefined || input.teamId === null ? undefined : await ctx.store.getTeam(input.teamId);
  if (input.teamId !== undefined && input.teamId !== null && newTeam === undefined) throw notFound('Team', input.teamId, 'teamId');
  const { aggregate } = await mutateObjective(ctx, id, 'id', async (current) => {
    await requireEditObjective(ctx, current.objective);
    if (current.objective.status === 'archived') throw invalidState('This objective is archived; restore it before changing it.', 'id');
    let o = current.objective;
    o = set(o, 'title', input.title);
    o = set(o, 'description', input.description);
    o = set(o, 'level', input.level);
    o = set(o, 'teamId', input.teamId);
    o = set(o, 'ownerAccountId', input.ownerAccountId);
    o = set(o, 'reviewerAccountId', input.reviewerAccountId);
    o = set(o, 'parentObjectiveId', input.parentObjectiveId);
    o = set(o, 'status', input.status);
    o = set(o, 'kpiId', input.kpiId);
    o = { ...o, authorship: withEditor(o.authorship, ctx.actor.accountId) };
    if (o.level === 'team' && o.teamId === undefined) throw validation('teamId', 'is required for a team objective');
    // The create rules, on the objective this update produces (level, team, owner).
    const teamAfter = o.teamId === undefined ? undefined : o.teamId === newTeam?.id ? newTeam : await ctx.store.getTeam(o.teamId);
    await requireObjectiveResult(ctx, current.objective, o, { after: teamAfter });
    await requireSiteUsers(ctx, objectivePeople(o, current.objective));
    if (input.parentObjectiveId !== undefined && input.parentObjectiveId !== null) await checkParent(ctx, o, input.parentObjectiveId);
    // Checked when the link or the team changes (a KPI archived later does not block other edits).
    if ((input.kpiId !== undefined && input.kpiId !== null) || o.teamId !== current.objective.teamId) await checkObjectiveKpi(ctx, o);
    return { aggregate: { ...current, objective: o }, result: undefined };
  }, once(ctx, 'objectives.update', input.requestId));
  return objectiveViewOf(ctx, aggregate);
};
