import { z } from 'zod';
import {
  AccountIdSchema,
  IdSchema,
  IsoDateSchema,
  IsoDateTimeSchema,
  IssueIdSchema,
  IssueKeySchema,
  ProjectKeySchema,
  optionalText,
  trimmedText,
} from './ids';
import { AuthorshipSchema, LessonsSchema, StoredRetrospectiveSchema } from './review';

/** The OKR model shared by backend and UI. Field limits are the ones the UI and storage rely on. */

export const CycleStatusSchema = z.enum(['planning', 'active', 'review', 'closed']);
export type CycleStatus = z.infer<typeof CycleStatusSchema>;

export const CycleKindSchema = z.enum(['quarterly', 'annual']);
export type CycleKind = z.infer<typeof CycleKindSchema>;

/**
 * Plain object schemas (`*Fields`) are exported beside the refined ones so inputs can be derived with
 * pick/omit/partial (zod refuses those on refined objects) and re-checked with the same refinement.
 */
export const CycleFields = z.object({
  id: IdSchema,
  name: trimmedText(80),
  kind: CycleKindSchema.default('quarterly'),
  startDate: IsoDateSchema,
  endDate: IsoDateSchema,
  status: CycleStatusSchema,
});
export const checkCycleDates = (c: { startDate?: string; endDate?: string }, ctx: z.RefinementCtx): void => {
  if (c.startDate !== undefined && c.endDate !== undefined && c.endDate <= c.startDate) {
    ctx.addIssue({ code: 'custom', path: ['endDate'], message: 'must be after startDate' });
  }
};
export const CycleSchema = CycleFields.superRefine(checkCycleDates);
export type Cycle = z.infer<typeof CycleSchema>;

export const TeamFields = z.object({
  id: IdSchema,
  name: trimmedText(80),
  parentTeamId: IdSchema.optional(),
  memberAccountIds: z.array(AccountIdSchema).max(500, 'must list at most 500 members').default([]),
  jiraProjectKeys: z.array(ProjectKeySchema).max(50, 'must list at most 50 projects').default([]),
});
export const checkTeam = (t: { id?: string; parentTeamId?: string | undefined }, ctx: z.RefinementCtx): void => {
  if (t.parentTeamId !== undefined && t.parentTeamId === t.id) {
    ctx.addIssue({ code: 'custom', path: ['parentTeamId'], message: 'must not be the team itself' });
  }
};
export const TeamSchema = TeamFields.superRefine(checkTeam);
export type Team = z.infer<typeof TeamSchema>;

export const ObjectiveLevelSchema = z.enum(['company', 'team', 'individual']);
export type ObjectiveLevel = z.infer<typeof ObjectiveLevelSchema>;

export const ObjectiveStatusSchema = z.enum(['draft', 'published', 'archived']);
export type ObjectiveStatus = z.infer<typeof ObjectiveStatusSchema>;

export const ObjectiveFields = z.object({
  id: IdSchema,
  cycleId: IdSchema,
  title: trimmedText(200),
  description: optionalText(4000),
  level: ObjectiveLevelSchema,
  teamId: IdSchema.optional(),
  ownerAccountId: AccountIdSchema,
  reviewerAccountId: AccountIdSchema.optional(),
  parentObjectiveId: IdSchema.optional(),
  status: ObjectiveStatusSchema,
  /** Written at review: what drove progress, what did not, what we learned (an older single text reads as learned). */
  retrospective: StoredRetrospectiveSchema,
  /** Set by carry-over: the objective of the previous cycle this one continues. */
  carriedFromObjectiveId: IdSchema.optional(),
  /** Set by carry-over: the retrospective of the objective it continues, shown while setting the new cycle. */
  lessons: LessonsSchema.optional(),
  /** The KPI this objective responds to ("KPIs diagnose operational gaps, OKRs drive the strategic response"). */
  kpiId: IdSchema.optional(),
  /** Who drafted it and who edited it since; absent on objectives stored before it was kept. */
  authorship: AuthorshipSchema.optional(),
});
export const checkObjective = (
  o: { id?: string; level?: ObjectiveLevel; teamId?: string | undefined; parentObjectiveId?: string | undefined },
  ctx: z.RefinementCtx,
): void => {
  if (o.level === 'team' && o.teamId === undefined) {
    ctx.addIssue({ code: 'custom', path: ['teamId'], message: 'is required for a team objective' });
  }
  if (o.parentObjectiveId !== undefined && o.parentObjectiveId === o.id) {
    ctx.addIssue({ code: 'custom', path: ['parentObjectiveId'], message: 'must not be the objective itself' });
  }
};
export const ObjectiveSchema = ObjectiveFields.superRefine(checkObjective);
export type Objective = z.infer<typeof ObjectiveSchema>;

export const MetricKindSchema = z.enum(['number', 'percent', 'currency', 'binary']);
export type MetricKind = z.infer<typeof MetricKindSchema>;

const finite = z.number({ error: 'must be a finite number' });

/**
 * How a KR is measured. Direction follows start -> target: a target below the start is a KR to reduce.
 * Binary KRs are 0 (not done) or 1 (done), with start 0 and target 1.
 */
export const MetricFields = z.object({
  kind: MetricKindSchema,
  start: finite,
  target: finite,
  current: finite,
  unit: z.string().trim().max(16, 'must be at most 16 characters').optional(),
});
export const checkMetric = (m: z.infer<typeof MetricFields>, ctx: z.RefinementCtx): void => {
  if (m.kind !== 'binary') return;
  if (m.start !== 0) ctx.addIssue({ code: 'custom', path: ['start'], message: 'must be 0 for a binary KR' });
  if (m.target !== 1) ctx.addIssue({ code: 'custom', path: ['target'], message: 'must be 1 for a binary KR' });
  if (m.current !== 0 && m.current !== 1) {
    ctx.addIssue({ code: 'custom', path: ['current'], message: 'must be 0 or 1 for a binary KR' });
  }
};
export const MetricSchema = MetricFields.superRefine(checkMetric);
export type Metric = z.infer<typeof MetricSchema>;

export const ProgressSourceSchema = z.enum(['manual', 'initiatives']);
export type ProgressSource = z.infer<typeof ProgressSourceSchema>;

export const KeyResultStatusSchema = z.enum(['active', 'archived']);
export type KeyResultStatus = z.infer<typeof KeyResultStatusSchema>;

export const ScoreSchema = z.number().min(0, 'must be at least 0').max(1, 'must be at most 1');

export const KeyResultSchema = z.object({
  id: IdSchema,
  objectiveId: IdSchema,
  title: trimmedText(200),
  ownerAccountId: AccountIdSchema,
  weight: z.number().positive('must be greater than 0').max(100, 'must be at most 100').default(1),
  metric: MetricSchema,
  progressSource: ProgressSourceSchema.default('manual'),
  status: KeyResultStatusSchema.default('active'),
  /** The score given at review; when absent the measured progress stands. */
  finalScore: ScoreSchema.optional(),
  /** Why the final score differs from the measured one (required then: domain/grade.ts needsGradeReason). */
  finalScoreReason: optionalText(500),
  /**
   * When the KR was created: its first check-in is due a week after this, not after the cycle start.
   * Optional so KRs stored or exported before it existed still parse (they count from the cycle start).
   */
  createdAt: IsoDateTimeSchema.optional(),
});
export type KeyResult = z.infer<typeof KeyResultSchema>;

export const InitiativeSchema = z.object({
  id: IdSchema,
  keyResultId: IdSchema,
  issueKey: IssueKeySchema,
  issueId: IssueIdSchema,
});
export type Initiative = z.infer<typeof InitiativeSchema>;

export const ConfidenceSchema = z.enum(['on_track', 'at_risk', 'off_track']);
export type Confidence = z.infer<typeof ConfidenceSchema>;

export const CheckInSchema = z.object({
  id: IdSchema,
  keyResultId: IdSchema,
  authorAccountId: AccountIdSchema,
  at: IsoDateTimeSchema,
  value: finite,
  confidence: ConfidenceSchema,
  note: optionalText(2000),
  blockers: optionalText(2000),
  /**
   * The status of each linked epic when the check-in was made (issue #13), so the next drafted check-in
   * can say which epics moved since. Optional: check-ins made before it, and imported ones, have none.
   */
  epicStatuses: z
    .array(z.object({ issueId: IssueIdSchema, statusName: z.string().min(1).max(255) }))
    .max(100)
    .optional(),
});
export type CheckIn = z.infer<typeof CheckInSchema>;
