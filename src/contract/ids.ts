import { z } from 'zod';

/** Entity ids double as Forge storage keys, so they stay inside the KVS key alphabet. */
export const IdSchema = z
  .string()
  .min(1, 'must not be empty')
  .max(64, 'must be at most 64 characters')
  .regex(/^[A-Za-z0-9_-]+$/, 'may contain only letters, digits, "_" and "-"');
export type Id = z.infer<typeof IdSchema>;

/** Atlassian account ids: "5b10ac8d82e05b22cc7d4ef5" or "557058:f58131cb-b67d-43c7-b30d-6b58d40bd077". */
export const AccountIdSchema = z
  .string()
  .min(1, 'must not be empty')
  .max(128, 'must be at most 128 characters')
  .regex(/^[A-Za-z0-9:_-]+$/, 'must be an Atlassian account id');
export type AccountId = z.infer<typeof AccountIdSchema>;

export const IssueKeySchema = z
  .string()
  .max(64, 'must be at most 64 characters')
  .regex(/^[A-Z][A-Z0-9_]*-[1-9][0-9]*$/, 'must be a Jira issue key such as "PAY-12"');

export const IssueIdSchema = z.string().regex(/^[1-9][0-9]{0,18}$/, 'must be a numeric Jira issue id');

export const ProjectKeySchema = z.string().regex(/^[A-Z][A-Z0-9_]{1,9}$/, 'must be a Jira project key such as "PAY"');

/** Calendar day, ISO 8601 (YYYY-MM-DD). Cycles are whole days in the site's calendar. */
export const IsoDateSchema = z.iso.date('must be a date in the form YYYY-MM-DD');

/** Instant, ISO 8601 with offset, as produced by Date.prototype.toISOString. */
export const IsoDateTimeSchema = z.iso.datetime({ offset: true, message: 'must be an ISO 8601 date-time' });

export const trimmedText = (max: number): z.ZodString =>
  z.string().trim().min(1, 'must not be empty').max(max, `must be at most ${max} characters`);

export const optionalText = (max: number): z.ZodOptional<z.ZodString> =>
  z.string().trim().max(max, `must be at most ${max} characters`).optional();

/**
 * A client request id: the UI makes one per user action and sends it again when the person retries, so
 * a create that was stored but whose answer was lost is not stored twice (UUIDs fit).
 */
export const RequestIdSchema = z
  .string()
  .min(8, 'must be at least 8 characters')
  .max(64, 'must be at most 64 characters')
  .regex(/^[A-Za-z0-9_-]+$/, 'may contain only letters, digits, "_" and "-"');
