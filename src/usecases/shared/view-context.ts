import type { Cycle, Settings, Team } from '../../contract';
import type { ObjectiveAggregate } from '../model';
import type { ViewerAccess } from '../ports';
import type { Ctx } from './context';
import { isMemberOf, isOkrAdminGiven } from './permissions';
import type { ViewContext } from './views';

/** Distinct Jira project ids of the epics linked in these aggregates (for one permission check). */
export const projectIdsOf = (aggregates: readonly ObjectiveAggregate[]): string[] => [
  ...new Set(aggregates.flatMap((a) => a.initiatives.map((i) => i.epic.projectId)).filter((id) => id !== '')),
];

/**
 * The one Jira call a read makes: which of these projects the viewer may browse, and site admin (and, only
 * for a viewer who is not one while an admin group is set, that group's membership: OKR admin).
 */
export const accessFor = (ctx: Ctx, aggregates: readonly ObjectiveAggregate[]): Promise<ViewerAccess> =>
  ctx.jira.viewerAccess(projectIdsOf(aggregates));

export const makeViewContext = (
  ctx: Ctx,
  input: { cycle: Cycle; settings: Pick<Settings, 'bands' | 'pace'>; teams: readonly Team[]; access: ViewerAccess; okrAdmin: boolean },
): ViewContext => {
  const teams = new Map(input.teams.map((t) => [t.id, t]));
  const me = ctx.actor.accountId;
  return {
    cycle: input.cycle,
    bands: input.settings.bands,
    pace: input.settings.pace,
    now: ctx.clock.now(),
    viewerAccountId: me,
    access: input.access,
    canEdit: (a) =>
      input.okrAdmin ||
      a.objective.ownerAccountId === me ||
      (a.objective.teamId !== undefined && isMemberOf(teams.get(a.objective.teamId), me)),
  };
};

/** Everything a view of these aggregates needs, read in parallel: settings, teams and the viewer's access. */
export const loadViewContext = async (ctx: Ctx, cycle: Cycle, aggregates: readonly ObjectiveAggregate[]): Promise<ViewContext> => {
  const [settings, teams, access] = await Promise.all([ctx.store.getSettings(), ctx.store.listTeams(), accessFor(ctx, aggregates)]);
  const okrAdmin = await isOkrAdminGiven(ctx, access.isSiteAdmin);
  return makeViewContext(ctx, { cycle, settings, teams, access, okrAdmin });
};
