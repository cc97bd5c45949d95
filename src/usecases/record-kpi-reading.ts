import type { ApiOutput, ApiParsedInput, KpiReading } from '../contract';
import { invalidState, validation } from './errors';
import { idFor } from './ids';
import { kpiNotFound, kpiRights, kpiView, mayNotChangeKpis } from './list-kpis';
import type { StoredKpi } from './ports';
import type { Ctx } from './shared/context';

/** A reading's id starts with its KPI's; with a request id it derives from it, so a repeat finds the first. */
const readingId = (ctx: Ctx, kpiId: string, requestId: string | undefined, now: Date): string =>
  requestId === undefined
    ? `${kpiId}-r${now.getTime().toString(36)}${ctx.ids.random(4)}`
    : `${kpiId}-r${idFor(ctx.ids, { accountId: ctx.actor.accountId, requestId }, `kpi-reading:${kpiId}`, 12)}`;

const refuseArchived = (kpi: StoredKpi | undefined, kpiId: string): void => {
  if (kpi === undefined) throw kpiNotFound(kpiId, 'kpiId');
  if (kpi.status === 'archived') throw invalidState('This KPI is archived.', 'kpiId');
};

/**
 * kpis.record: a reading of a KPI, appended like a check-in (the row only if absent) in one transaction
 * with the KPI catalog, whose KPI takes it as its current value when it is the newest; two readings at
 * once both land (the loser re-reads and applies again). Who may: as canEdit (team members, OKR admins;
 * company KPIs: OKR admins). Idempotent with `requestId`: the reading's key derives from it, so a repeat
 * answers the first and writes nothing. Storage: the generation document; the KPI and team catalogs in
 * parallel; the KPI catalog and the reading's key in parallel; then the transaction (the catalog and a
 * row of ~0.2 KB, plus the generation check). Measured (test/integration/kpis.test.ts): 5 read units, 1 write
 * unit, 4 storage round trips.
 * @throws AppError NOT_FOUND kpiId, FORBIDDEN, INVALID_STATE kpiId (archived), VALIDATION value.
 */
export const recordKpiReading = async (ctx: Ctx, input: ApiParsedInput<'kpis.record'>): Promise<ApiOutput<'kpis.record'>> => {
  // JSON carries no Infinity or NaN, but the rule is the contract's, not the transport's.
  if (!Number.isFinite(input.value)) throw validation('value', 'must be a finite number');
  const [all, teams] = await Promise.all([ctx.store.listKpis(), ctx.store.listTeams()]);
  const found = all.find((k) => k.id === input.kpiId);
  refuseArchived(found, input.kpiId);
  const teamId = found?.teamId;
  if (!(await kpiRights(ctx, teams)(teamId))) throw mayNotChangeKpis(teams, teamId);
  const now = ctx.clock.now();
  const reading: KpiReading = {
    id: readingId(ctx, input.kpiId, input.requestId, now),
    kpiId: input.kpiId,
    authorAccountId: ctx.actor.accountId,
    at: now.toISOString(),
    value: input.value,
    ...(input.note === undefined || input.note === '' ? {} : { note: input.note }),
  };
  const { kpi } = await ctx.store.recordKpiReading(reading, (stored) => {
    refuseArchived(stored, input.kpiId);
    // Moved to a team the actor may not edit since the check: judged again on what is stored.
    if (stored?.teamId !== teamId) throw mayNotChangeKpis(teams, stored?.teamId);
  });
  return kpiView(kpi, true);
};
