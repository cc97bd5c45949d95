import type { ApiOutput, ApiParsedInput } from '../contract';
import { kpiNotFound } from './list-kpis';
import type { Ctx } from './shared/context';

/**
 * kpis.readings: a KPI's readings, newest first, a page at a time (everyone reads). Storage: the
 * generation document, then the KPI catalog (get) and one page of the KPI's reading index in parallel;
 * the index may show a reading a moment after it was recorded.
 * @throws AppError NOT_FOUND kpiId, VALIDATION cursor.
 */
export const listKpiReadings = async (ctx: Ctx, input: ApiParsedInput<'kpis.readings'>): Promise<ApiOutput<'kpis.readings'>> => {
  const [kpis, page] = await Promise.all([ctx.store.listKpis(), ctx.store.listKpiReadings(input.kpiId, input.limit, input.cursor)]);
  if (!kpis.some((k) => k.id === input.kpiId)) throw kpiNotFound(input.kpiId, 'kpiId');
  return page.nextCursor === undefined ? { readings: page.items } : { readings: page.items, nextCursor: page.nextCursor };
};
