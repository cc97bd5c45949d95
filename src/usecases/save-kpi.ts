import type { ApiOutput, ApiParsedInput } from '../contract';
import { notFound, validation } from './errors';
import { newPlainId, requestKey } from './ids';
import { KPIS_IN_ALL, KPIS_PER_TEAM, kpiNotFound, kpiRights, kpiView, mayNotChangeKpis } from './list-kpis';
import type { StoredKpi } from './ports';
import type { Ctx } from './shared/context';

/**
 * kpis.save: creates a KPI (no id) or changes one (name, unit, direction, range, team, status); the
 * readings and current value stay as they are. Permission is judged on the result: the KPI's team (the
 * company's: OKR admins), and when it moves, the team it leaves too. Capped at KPIS_PER_TEAM active KPIs
 * a team (the company's alike) and KPIS_IN_ALL in the installation. Storage: the generation document,
 * the KPI and team catalogs in parallel, then the KPI catalog's conditional read-modify-write (retried on
 * a lost race; two gets and one set of the catalog, a fraction of a unit each for a few dozen KPIs).
 * Idempotent with `requestId`: a repeat answers the KPI as stored and writes nothing.
 * @throws AppError NOT_FOUND id / teamId, FORBIDDEN, VALIDATION teamId / name (caps).
 */
export const saveKpi = async (ctx: Ctx, input: ApiParsedInput<'kpis.save'>): Promise<ApiOutput<'kpis.save'>> => {
  const [all, teams] = await Promise.all([ctx.store.listKpis(), ctx.store.listTeams()]);
  if (input.teamId !== undefined && !teams.some((t) => t.id === input.teamId)) throw notFound('Team', input.teamId, 'teamId');
  const stored = input.id === undefined ? undefined : all.find((k) => k.id === input.id);
  if (input.id !== undefined && stored === undefined) throw kpiNotFound(input.id, 'id');
  const rights = kpiRights(ctx, teams);
  if (!(await rights(input.teamId))) throw mayNotChangeKpis(teams, input.teamId);
  if (stored !== undefined && stored.teamId !== input.teamId && !(await rights(stored.teamId))) throw mayNotChangeKpis(teams, stored.teamId);

  const request = { accountId: ctx.actor.accountId, requestId: input.requestId };
  const id = input.id ?? newPlainId(ctx.ids, request, 'kpi');
  const apply = (current: StoredKpi | undefined, kpis: readonly StoredKpi[]): StoredKpi => {
    if (input.id !== undefined && current === undefined) throw kpiNotFound(input.id, 'id');
    const unit = input.unit === undefined || input.unit === '' ? undefined : input.unit;
    const next: StoredKpi = {
      id,
      ...(input.teamId === undefined ? {} : { teamId: input.teamId }),
      name: input.name,
      ...(unit === undefined ? {} : { unit }),
      direction: input.direction,
      healthy: input.healthy,
      status: input.status ?? current?.status ?? 'active',
      ...(current?.current === undefined ? {} : { current: current.current }),
      ...(current?.updatedAt === undefined ? {} : { updatedAt: current.updatedAt }),
      ...(current?.previous === undefined ? {} : { previous: current.previous }),
      ...(current?.previousAt === undefined ? {} : { previousAt: current.previousAt }),
    };
    const others = kpis.filter((k) => k.id !== id);
    const activeThere = others.filter((k) => k.status === 'active' && k.teamId === next.teamId).length;
    if (next.status === 'active' && activeThere >= KPIS_PER_TEAM) {
      throw validation('teamId', `already has ${String(KPIS_PER_TEAM)} active KPIs, the most a team keeps: archive one first`);
    }
    if (current === undefined && others.length >= KPIS_IN_ALL) {
      throw validation('name', `cannot be added: Cadence keeps at most ${String(KPIS_IN_ALL)} KPIs; rename and reuse an archived one`);
    }
    return next;
  };
  const kpi = await ctx.store.changeKpi(id, apply, requestKey(ctx.ids, 'kpis.save', ctx.actor.accountId, input.requestId));
  return kpiView(kpi, true);
};
