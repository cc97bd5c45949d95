import { z } from 'zod';
import { AccountIdSchema, IdSchema, IsoDateTimeSchema, optionalText, trimmedText } from './ids';

/**
 * Review and Improve (issue #14): KPIs beside OKRs, "not this cycle" lists, three-part retrospectives and
 * frozen scorecards. The rules over these live in src/domain (kpi-health.ts, retrospective-draft.ts,
 * frozen-scorecard.ts); the resolvers that store them are built on these shapes.
 */

/**
 * Which way a KPI should go: up, down, or stay inside its range. Health is the range alone; the
 * direction says which way out of it is the worse news and which way a trend is good.
 */
export const KpiDirectionSchema = z.enum(['up', 'down', 'within']);
export type KpiDirection = z.infer<typeof KpiDirectionSchema>;

/** The healthy range: at least one bound; `min` at most `max`. */
export const HealthyRangeFields = z.object({
  min: z.number({ error: 'must be a finite number' }).optional(),
  max: z.number({ error: 'must be a finite number' }).optional(),
});
export const checkHealthyRange = (
  r: { min?: number | undefined; max?: number | undefined },
  ctx: z.RefinementCtx,
): void => {
  if (r.min === undefined && r.max === undefined) {
    ctx.addIssue({ code: 'custom', path: ['min'], message: 'is required when there is no max' });
  }
  if (r.min !== undefined && r.max !== undefined && r.min > r.max) {
    ctx.addIssue({ code: 'custom', path: ['max'], message: 'must be at least min' });
  }
};
export const HealthyRangeSchema = HealthyRangeFields.superRefine(checkHealthyRange);
export type HealthyRange = z.infer<typeof HealthyRangeSchema>;

/**
 * A KPI a team (or the company, without teamId) keeps beside its OKRs: "KPIs diagnose operational gaps,
 * OKRs drive the strategic response". KPIs outlive cycles; their readings are append-only, like check-ins.
 */
export const KpiFields = z.object({
  id: IdSchema,
  teamId: IdSchema.optional(),
  name: trimmedText(80),
  unit: z.string().trim().max(16, 'must be at most 16 characters').optional(),
  direction: KpiDirectionSchema,
  healthy: HealthyRangeSchema,
  /** The latest reading; absent until the first one. */
  current: z.number({ error: 'must be a finite number' }).optional(),
  updatedAt: IsoDateTimeSchema.optional(),
  status: z.enum(['active', 'archived']).default('active'),
});
export const KpiSchema = KpiFields;
export type Kpi = z.infer<typeof KpiSchema>;

export const KpiReadingSchema = z.object({
  id: IdSchema,
  kpiId: IdSchema,
  authorAccountId: AccountIdSchema,
  at: IsoDateTimeSchema,
  value: z.number({ error: 'must be a finite number' }),
  note: optionalText(2000),
});
export type KpiReading = z.infer<typeof KpiReadingSchema>;

/** `healthy` inside the range; `low`/`high` outside it; `no_value` before the first reading. */
export const KpiHealthSchema = z.enum(['healthy', 'low', 'high', 'no_value']);
export type KpiHealth = z.infer<typeof KpiHealthSchema>;

/**
 * "Not this cycle": a competing priority a team (or the company, without teamId) chose to leave out of a
 * cycle, and why. Carried forward as a candidate for the next cycle.
 */
export const LeftOutSchema = z.object({
  id: IdSchema,
  cycleId: IdSchema,
  teamId: IdSchema.optional(),
  title: trimmedText(200),
  why: optionalText(1000),
  createdByAccountId: AccountIdSchema,
  createdAt: IsoDateTimeSchema,
  /** The item of an earlier cycle this one carries forward. */
  carriedFromId: IdSchema.optional(),
});
export type LeftOut = z.infer<typeof LeftOutSchema>;

/** The method's three retrospective prompts, per objective, saved by its owner and visible to the team. */
export const RetrospectiveSchema = z.object({
  drove: optionalText(2000),
  didNot: optionalText(2000),
  learned: optionalText(2000),
  byAccountId: AccountIdSchema.optional(),
  at: IsoDateTimeSchema.optional(),
});
export type Retrospective = z.infer<typeof RetrospectiveSchema>;

/** Who drafted an objective and who edited it since (distinct, in order of first edit): mistake 3, top-down only. */
export const AuthorshipSchema = z.object({
  /** Absent for an objective drafted before Cadence kept authorship (its editors are known from then on). */
  createdBy: AccountIdSchema.optional(),
  editors: z.array(AccountIdSchema).max(50, 'must list at most 50'),
});
export type Authorship = z.infer<typeof AuthorshipSchema>;

/**
 * What a scorecard shows: live figures, or frozen as of the end of one ISO week of the cycle ('2027-W05')
 * or of the whole (closed) cycle, from the weekly snapshots.
 */
export const AsOfSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('live') }),
  z.object({
    kind: z.literal('week'),
    week: z.string().regex(/^\d{4}-W\d{2}$/, 'must be an ISO week such as 2027-W05'),
  }),
  z.object({ kind: z.literal('cycle-end') }),
]);
export type AsOf = z.infer<typeof AsOfSchema>;
