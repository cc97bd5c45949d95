import { z } from 'zod';

/** Error codes the UI switches on. Never rename one; add new ones at the end. */
export const ErrorCodeSchema = z.enum([
  /** The payload broke a rule; `field` names it. */
  'VALIDATION',
  'NOT_FOUND',
  /** The acting user may not do this. */
  'FORBIDDEN',
  /** Someone else changed the same data at the same moment and retries ran out; try again. */
  'CONFLICT',
  /** Not allowed in the current state (e.g. grading a cycle that is not in review). */
  'INVALID_STATE',
  /** A Jira issue that is missing, not visible to the user, or not an epic. */
  'ISSUE_NOT_LINKABLE',
  /** Jira or storage did not answer in time, or rate-limited us past the time budget. */
  'UNAVAILABLE',
  'INTERNAL',
  /** The installation's paid license is not active: Cadence is read-only until it is renewed. */
  'UNLICENSED',
]);
export type ErrorCode = z.infer<typeof ErrorCodeSchema>;

export const ApiErrorSchema = z.object({
  code: ErrorCodeSchema,
  message: z.string(),
  /** Dotted path of the payload field at fault, e.g. `metric.target`. */
  field: z.string().optional(),
  /** Every validation problem, when there were several. */
  issues: z.array(z.object({ field: z.string(), message: z.string() })).optional(),
});
export type ApiError = z.infer<typeof ApiErrorSchema>;

/** Every resolver answers with this envelope: the UI never has to parse thrown errors. */
export type Result<T> = { ok: true; data: T } | { ok: false; error: ApiError };

export const resultSchema = <T extends z.ZodType>(data: T) =>
  z.discriminatedUnion('ok', [z.object({ ok: z.literal(true), data }), z.object({ ok: z.literal(false), error: ApiErrorSchema })]);
