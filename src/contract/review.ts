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

/**
 * An objective's retrospective as stored: the three prompts. Objectives stored or exported before #14
 * kept one text; it reads as what was learned, so nothing written then is lost.
 */
export const StoredRetrospectiveSchema = z.preprocess(
  (value) => (typeof value === 'string' ? (value.trim() === '' ? undefined : { learned: value }) : value),
  RetrospectiveSchema.optional(),
);

/**
 * What a carried objective brings from the one it continues: the retrospective written at review, so the
 * next cycle's Set phase shows the lessons beside the objective they are about.
 */
export const LessonsSchema = z.object({
  fromObjectiveId: IdSchema,
  fromCycleId: IdSchema,
  /** The title it had then (a rewrite carries a new one). */
  title: trimmedText(200),
  retrospective: RetrospectiveSchema,
});
export type Lessons = z.infer<typeof LessonsSchema>;

/** Closing a cycle, per objective: carry it as it is, carry it with a new title, or let it go. */
export const CarryActionSchema = z.enum(['keep', 'rewrite', 'drop']);
export type CarryAction = z.infer<typeof CarryActionSchema>;

/** domain/retrospective-draft.ts's DraftLine on the wire (the UI words each line in the user's language). */
const lineOf = { keyResultId: IdSchema, title: z.string() };
export const DraftLineSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('scored'), ...lineOf, score: z.number() }),
  z.object({ kind: z.enum(['note', 'blocker']), ...lineOf, text: z.string() }),
  z.object({
    kind: z.literal('confidence-miss'),
    ...lineOf,
    said: z.enum(['on_track', 'at_risk', 'off_track']),
    score: z.number(),
  }),
  z.object({ kind: z.literal('forecast-miss'), ...lineOf, forecast: z.number(), score: z.number() }),
]);
export const RetrospectiveDraftSchema = z.object({
  drove: z.array(DraftLineSchema),
  didNot: z.array(DraftLineSchema),
  learned: z.array(DraftLineSchema),
});

/** review.get: one team's (or the company's) objectives of a cycle in review, ready to grade. */
export const ReviewKeyResultSchema = z.object({
  id: IdSchema,
  title: z.string(),
  ownerAccountId: AccountIdSchema,
  weight: z.number(),
  /** The grade its measured progress gives (0.0-1.0 in steps of 0.1): the pre-filled final score. */
  measuredScore: z.number().min(0).max(1),
  /** The final score given at review; absent until graded. */
  finalScore: z.number().min(0).max(1).optional(),
  finalScoreReason: z.string().optional(),
});
export const ReviewObjectiveSchema = z.object({
  id: IdSchema,
  title: z.string(),
  ownerAccountId: AccountIdSchema,
  teamId: IdSchema.optional(),
  status: z.enum(['draft', 'published', 'archived']),
  keyResults: z.array(ReviewKeyResultSchema),
  /** The objective's grade from its KRs' final scores (measured where not graded yet); null without active KRs. */
  grade: z.number().min(0).max(1).nullable(),
  retrospective: RetrospectiveSchema.optional(),
  /** A first draft of the retrospective from the cycle's check-ins, forecasts and final scores. */
  draft: RetrospectiveDraftSchema,
  /** Owner, team member or OKR admin: may grade its KRs. */
  canGrade: z.boolean(),
  /** Its owner or an OKR admin: may save its retrospective. */
  canWriteRetrospective: z.boolean(),
  /** Where it was carried by an earlier close (closed cycles only). */
  carriedToObjectiveId: IdSchema.optional(),
});
export type ReviewObjective = z.infer<typeof ReviewObjectiveSchema>;

export const ReviewSchema = z.object({
  cycle: z.object({ id: IdSchema, name: z.string(), status: z.enum(['planning', 'active', 'review', 'closed']) }),
  teamId: IdSchema.optional(),
  objectives: z.array(ReviewObjectiveSchema),
  /** The team's (or company's) grade: the plain mean of its published objectives' grades; null when none has one. */
  grade: z.number().min(0).max(1).nullable(),
});
export type Review = z.infer<typeof ReviewSchema>;

/** review.lessons: the lessons of the cycle before, beside the Set phase's objective form. */
export const LessonsViewSchema = z.object({
  /** The cycle the lessons come from; null when there is none before this one. */
  fromCycle: z.object({ id: IdSchema, name: z.string() }).nullable(),
  lessons: z.array(
    z.object({
      objectiveId: IdSchema,
      title: z.string(),
      teamId: IdSchema.optional(),
      retrospective: RetrospectiveSchema,
      /** The objective of this cycle that carries it, if it was carried. */
      carriedToObjectiveId: IdSchema.optional(),
    }),
  ),
});
export type LessonsView = z.infer<typeof LessonsViewSchema>;

/** A KPI as the views show it: its health and the move of its latest reading. */
export const KpiViewSchema = KpiFields.extend({
  health: KpiHealthSchema,
  /** The reading before the latest one, when there is one. */
  previous: z.number().optional(),
  /** Whether the latest move was good news (domain kpiMoveIsGood); null when it did not move or cannot. */
  moveIsGood: z.boolean().nullable(),
  /** Team member (company KPIs: OKR admin): may record readings and edit it. */
  canEdit: z.boolean(),
});
export type KpiView = z.infer<typeof KpiViewSchema>;

export const KpiListSchema = z.object({
  kpis: z.array(KpiViewSchema),
  /** Team member (company list: OKR admin): may add KPIs, also to an empty list; absent when not worked out. */
  canEdit: z.boolean().optional(),
  /** Set when the list was asked "as of" a moment: values are the latest readings at or before it. */
  asOf: IsoDateTimeSchema.optional(),
});
export type KpiList = z.infer<typeof KpiListSchema>;

export const KpiReadingsPageSchema = z.object({
  readings: z.array(KpiReadingSchema),
  nextCursor: z.string().optional(),
});

/** leftOut.list: a cycle's "not this cycle" list, and the last cycle's items not carried forward yet. */
export const LeftOutListSchema = z.object({
  items: z.array(LeftOutSchema),
  candidates: z.array(LeftOutSchema),
  /** Team member (company list: OKR admin): may add and remove items. */
  canEdit: z.boolean(),
});
export type LeftOutList = z.infer<typeof LeftOutListSchema>;

/**
 * A scorecard's "as of": null when live; else the week asked for, the snapshot week shown (null when no
 * snapshot exists at or before it: the scorecard shows no figures and says so) and that week's last day.
 */
export const FrozenSchema = z
  .object({
    asOf: AsOfSchema,
    asked: z.string(),
    week: z.string().nullable(),
    exact: z.boolean(),
    /**
     * The day (ISO date) the figures stand through: the day the snapshot was taken when that was within
     * its week (the cycle's first day at the earliest: a cycle closed before it started), else the last
     * day of the week shown (or of the week asked for when there is no snapshot).
     */
    through: z.string(),
  })
  .nullable();
export type Frozen = z.infer<typeof FrozenSchema>;
