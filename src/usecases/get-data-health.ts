import type { ApiOutput } from '../contract';
import type { Ctx } from './shared/context';
import { requireOkrAdmin } from './shared/permissions';

/**
 * data.health: reads every stored record of the live data and lists those that fail their schema (kind,
 * key, what is wrong). Views leave such records out instead of failing; this is where an admin sees
 * them. Site admins only (POST /rest/api/3/permissions/check). An admin operation: it reads everything.
 * @throws AppError FORBIDDEN.
 */
export const getDataHealth = async (ctx: Ctx): Promise<ApiOutput<'data.health'>> => {
  await requireOkrAdmin(ctx, 'check the data');
  return ctx.store.dataHealth();
};
