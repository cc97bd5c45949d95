import type { BandConfig, Cycle, Team } from '../../contract';
import type { ObjectiveAggregate } from '../model';
import type { ViewerAccess } from '../ports';
import type { Ctx } from './context';
import { isMemberOf } from './permissions';
import type { ViewContext } from './views';

/** Distinct Jira project ids of the epics linked in these aggregates (for one permission check). */
export const projectIdsOf = (aggregates: readonly ObjectiveAggregate[]): string[] => [
  ...new Set(aggregates.flatMap((a) => a.initiatives.map((i) => i.epic.projectId)).filter((id) => id !== '')),
];

/** The one Jira call a read makes: which of these projects the viewer may browse, and site admin. */
export const accessFor = (ctx: Ctx, aggregates: readonly ObjectiveAggregate[]): Promise<ViewerAccess> =>
  ctx.jira.viewerAccess(projectIdsOf(aggregates));

export const makeViewContext = (
  ctx: Ctx,
  input: { cycle: Cycle; bands: BandConfig; teams: readonly Team[]; access: ViewerAccess },
): ViewContext => {
  const teams = new Map(input.teams.map((t) => [t.id, t]));
  const me = ctx.actor.accountId;
  return {
    cycle: input.cycle,
    bands: input.bands,
    now: ctx.clock.now(),
    viewerAccountId: me,
    access: input.access,
    canEdit: (a) =>
      input.access.isSiteAdmin ||
      a.objective.ownerAccountId === me ||
      (a.objective.teamId !== undefined && isMemberOf(teams.get(a.objective.teamId), me)),
  };
};

/** Everything a view of these aggregates needs, read in parallel: bands, teams and the viewer's access. */
export const loadViewContext = async (ctx: Ctx, cycle: Cycle, aggregates: readonly ObjectiveAggregate[]): Promise<ViewContext> => {
  const [bands, teams, access] = await Promise.all([ctx.store.getBands(), ctx.store.listTeams(), accessFor(ctx, aggregates)]);
  return makeViewContext(ctx, { cycle, bands, teams, access });
};
