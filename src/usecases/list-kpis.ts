import type { ApiOutput, ApiParsedInput, KpiReading, KpiView, Team } from '../contract';
import { kpiHealth, kpiMoveIsGood } from '../domain/kpi-health';
import { AppError, notFound } from './errors';
import type { StoredKpi } from './ports';
import type { Ctx } from './shared/context';
import { isMemberOf, isOkrAdmin } from './shared/permissions';
import { startEarly } from './shared/start-early';

/** At most this many KPIs in one team's (or the company's) active list: a few, beside a few OKRs. */
export const KPIS_PER_TEAM = 10;
/** At most this many KPIs (any status) in the installation: the one catalog document stays small (~60 KB). */
export const KPIS_IN_ALL = 200;

/** A KPI as the views show it: health from its range, the move from its previous reading. */
export const kpiView = (kpi: StoredKpi, canEdit: boolean): KpiView => {
  const { previous, previousAt: _previousAt, ...fields } = kpi;
  const moveIsGood = previous === undefined || kpi.current === undefined ? null : kpiMoveIsGood(kpi.direction, previous, kpi.current, kpi.healthy);
  return { ...fields, health: kpiHealth(kpi), ...(previous === undefined ? {} : { previous }), moveIsGood, canEdit };
};

/**
 * Who may change a team's KPIs (and record their readings): its members and OKR admins; the company's:
 * OKR admins. Members are known from the team catalog; the admin check (a Jira call) is made once, and
 * only when someone is not a member.
 */
export const kpiRights = (ctx: Ctx, teams: readonly Team[]): ((teamId: string | undefined) => Promise<boolean>) => {
  let admin: Promise<boolean> | undefined;
  return async (teamId) => {
    if (teamId !== undefined && isMemberOf(teams.find((t) => t.id === teamId), ctx.actor.accountId)) return true;
    admin ??= startEarly(isOkrAdmin(ctx));
    return admin;
  };
};

/** The FORBIDDEN refusal of a change to the KPIs of `teamId` (undefined: the company's). */
export const mayNotChangeKpis = (teams: readonly Team[], teamId: string | undefined): AppError =>
  teamId === undefined
    ? new AppError('FORBIDDEN', 'Only OKR admins can change the company’s KPIs.')
    : new AppError('FORBIDDEN', `Only members of ${teams.find((t) => t.id === teamId)?.name ?? teamId} (or OKR admins) can change its KPIs.`, 'teamId');

export const kpiNotFound = (id: string, field: string): AppError => new AppError('NOT_FOUND', `There is no KPI with the id "${id}".`, field);

/** The KPI with its values as they were at `asOf`: the newest reading then, and the one before it. */
const asOfValues = (kpi: StoredKpi, readings: readonly KpiReading[]): StoredKpi => {
  const { current: _c, updatedAt: _u, previous: _p, previousAt: _pa, ...definition } = kpi;
  const [latest, before] = readings;
  return {
    ...definition,
    ...(latest === undefined ? {} : { current: latest.value, updatedAt: latest.at }),
    ...(before === undefined ? {} : { previous: before.value, previousAt: before.at }),
  };
};

/**
 * kpis.list: one team's KPIs (the company's without teamId), active ones unless includeArchived, each
 * with its health, its move since the reading before and whether the viewer may edit it. Storage: the
 * generation document, then the KPI and team catalogs in parallel (two gets, strongly consistent; a team
 * of 5 KPIs is a fraction of a 10 KB read unit each). With `asOf` the values are the newest reading at or
 * before it: one more round trip of one index query per KPI (at most 2 small items each, in parallel).
 * `canEdit` on the list: whether the viewer may add a KPI to it (also when it is empty).
 * Measured (test/integration/kpis.test.ts), a team of 5 KPIs: 3 read units, 0 write units, 2 storage
 * round trips; with `asOf` 8 read units and 3 round trips.
 * The definition (name, range, direction) is today's: KPIs keep no history of their definitions. Jira:
 * POST /rest/api/3/permissions/check only when the viewer is not a member of the team.
 * @throws AppError NOT_FOUND teamId.
 */
export const listKpis = async (ctx: Ctx, input: ApiParsedInput<'kpis.list'>): Promise<ApiOutput<'kpis.list'>> => {
  const [all, teams] = await Promise.all([ctx.store.listKpis(), ctx.store.listTeams()]);
  if (input.teamId !== undefined && !teams.some((t) => t.id === input.teamId)) throw notFound('Team', input.teamId, 'teamId');
  const kpis = all.filter((k) => k.teamId === input.teamId && (input.includeArchived || k.status === 'active'));
  // The list's right is each KPI's too (they share the team), and says whether the viewer may add one.
  const canEdit = await kpiRights(ctx, teams)(input.teamId);
  if (input.asOf === undefined) return { kpis: kpis.map((k) => kpiView(k, canEdit)), canEdit };
  const readings = await ctx.store.kpiReadingsAsOf(
    kpis.map((k) => k.id),
    input.asOf,
  );
  return { kpis: kpis.map((k) => kpiView(asOfValues(k, readings.get(k.id) ?? []), canEdit)), asOf: input.asOf, canEdit };
};
