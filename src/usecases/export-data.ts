import type { ApiOutput } from '../contract';
import { EXPORT_FORMAT, EXPORT_VERSION } from '../contract';
import type { Ctx } from './shared/context';
import { requireSiteAdmin } from './shared/permissions';

/**
 * data.export: all app data as one versioned JSON document (settings, cycles, teams, objectives, KRs,
 * initiatives, check-ins, weekly snapshots). Cached epic progress is not exported: it is Jira's data and
 * is read again after an import. Site admins only (POST /rest/api/3/permissions/check).
 * @throws AppError FORBIDDEN.
 */
export const exportData = async (ctx: Ctx): Promise<ApiOutput<'data.export'>> => {
  await requireSiteAdmin(ctx, 'export data');
  const body = await ctx.store.exportAll();
  return { format: EXPORT_FORMAT, version: EXPORT_VERSION, exportedAt: ctx.clock.now().toISOString(), ...body };
};
