import type { ApiOutput, ApiParsedInput, ExportPage, ExportPosition } from '../contract';
import { EXPORT_FORMAT, EXPORT_VERSION, ExportPositionSchema } from '../contract';
import { AppError } from './errors';
import type { Ctx } from './shared/context';
import { requireOkrAdmin } from './shared/permissions';

/** Opaque to callers: base64url of the position's JSON. */
export const encodeExportCursor = (position: ExportPosition): string => Buffer.from(JSON.stringify(position)).toString('base64url');

const decodeExportCursor = (cursor: string): ExportPosition => {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    parsed = undefined;
  }
  const position = ExportPositionSchema.safeParse(parsed);
  if (!position.success) {
    throw new AppError('VALIDATION', 'cursor is not a cursor of data.export', 'cursor', [{ field: 'cursor', message: 'is not a cursor of data.export' }]);
  }
  return position.data;
};

/**
 * data.export: all app data as one versioned JSON document (settings, cycles, teams, objectives, KRs,
 * initiatives, check-ins, weekly snapshots), one page per call: pass each answer's nextCursor to get the
 * next page; mergeExportPages (contract) puts the pages back into the document. Each page stays far
 * under the 5 MB response limit. Cached epic progress is not exported: it is Jira's data and is read
 * again after an import. Site admins only (POST /rest/api/3/permissions/check).
 * @throws AppError FORBIDDEN, VALIDATION (a cursor data.export did not give), CONFLICT (an import
 * replaced the data between pages: start again).
 */
export const exportData = async (ctx: Ctx, input: ApiParsedInput<'data.export'>): Promise<ApiOutput<'data.export'>> => {
  await requireOkrAdmin(ctx, 'export data');
  const position = input.cursor === undefined ? undefined : decodeExportCursor(input.cursor);
  const exportedAt = position?.at ?? ctx.clock.now().toISOString();
  const { part, next } = await ctx.store.exportPage(position, exportedAt);
  const page: ExportPage = { format: EXPORT_FORMAT, version: EXPORT_VERSION, exportedAt, ...part };
  return next === undefined ? { page } : { page, nextCursor: encodeExportCursor(next) };
};
