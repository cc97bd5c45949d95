import type { Objective } from '../../contract';
import { validation } from '../errors';
import { kpiNotFound } from '../list-kpis';
import type { Ctx } from './context';

/**
 * The KPI an objective responds to must be a KPI it can respond to: an existing, active KPI of the
 * objective's team or of the company. One read of the KPI catalog (get, strongly consistent), only when
 * the objective names one.
 * @throws AppError NOT_FOUND kpiId, VALIDATION kpiId.
 */
export const checkObjectiveKpi = async (ctx: Ctx, objective: Objective): Promise<void> => {
  const kpiId = objective.kpiId;
  if (kpiId === undefined) return;
  const kpi = (await ctx.store.listKpis()).find((k) => k.id === kpiId);
  if (kpi === undefined) throw kpiNotFound(kpiId, 'kpiId');
  if (kpi.status !== 'active') throw validation('kpiId', 'is an archived KPI');
  if (kpi.teamId !== undefined && kpi.teamId !== objective.teamId) throw validation('kpiId', "must be a KPI of the objective's team or of the company");
};
