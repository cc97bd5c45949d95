import { z } from 'zod';
import { RequestIdSchema } from './ids';
import { BandConfigFields, BandConfigSchema } from './insights';

/**
 * How far below the expected line a KR is behind, and at risk (domain/status.ts StatusThresholds).
 * Defaults are domain/status.ts DEFAULT_STATUS_THRESHOLDS.
 */
export const PaceThresholdsFields = z.object({
  behindBy: z.number().gt(0, 'must be greater than 0').lt(1, 'must be less than 1'),
  atRiskBy: z.number().gt(0, 'must be greater than 0').lt(1, 'must be less than 1'),
});
export const PaceThresholdsSchema = PaceThresholdsFields.refine((p) => p.behindBy < p.atRiskBy, {
  message: 'must be greater than behindBy',
  path: ['atRiskBy'],
});
export type PaceThresholds = z.infer<typeof PaceThresholdsSchema>;

/** A Jira group whose members administer OKRs beside Jira's admins (GET /rest/api/3/groups/picker). */
export const AdminGroupSchema = z.object({
  groupId: z.string().trim().min(1, 'must not be empty').max(200, 'must be at most 200 characters'),
  name: z.string().trim().min(1, 'must not be empty').max(255, 'must be at most 255 characters'),
});
export type AdminGroup = z.infer<typeof AdminGroupSchema>;

/** The installation's settings: score bands, pace thresholds and who administers OKRs. */
export const SettingsSchema = z.object({
  bands: BandConfigFields,
  pace: PaceThresholdsFields,
  adminGroup: AdminGroupSchema.optional(),
});
export type Settings = z.infer<typeof SettingsSchema>;

/**
 * settings.update: any of the three; `adminGroup: null` removes the group (only Jira admins may change
 * it, so an OKR admin cannot widen or narrow who administers).
 */
export const SettingsUpdateFields = z
  .object({
    bands: BandConfigSchema.optional(),
    pace: PaceThresholdsSchema.optional(),
    adminGroup: AdminGroupSchema.nullable().optional(),
    requestId: RequestIdSchema.optional(),
  })
  .strict()
  .refine((u) => u.bands !== undefined || u.pace !== undefined || u.adminGroup !== undefined, {
    message: 'must change bands, pace or adminGroup',
    path: ['bands'],
  });
