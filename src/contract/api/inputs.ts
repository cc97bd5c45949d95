import { z } from 'zod';
import {
  AccountIdSchema,
  IdSchema,
  IsoDateSchema as IsoDate,
  IsoDateTimeSchema,
  IssueKeySchema,
  optionalText,
  ProjectKeySchema,
  RequestIdSchema,
  trimmedText,
} from '../ids';
import { AsOfSchema, CarryActionSchema, HealthyRangeSchema, KpiDirectionSchema } from '../review';
import {
  checkMetric,
  ConfidenceSchema,
  CycleKindSchema,
  CycleStatusSchema,
  MetricFields,
  ObjectiveLevelSchema,
  ProgressSourceSchema,
  ScoreSchema,
} from '../model';

/** Payload schemas of every resolver key. Identity never travels in a payload: it comes from the context. */

const Empty = z.object({}).strict();
const ById = z.object({ id: IdSchema }).strict();
/** A change named by id alone (archive, restore): a repeat with the same request id writes nothing. */
const ByIdChange = z.object({ id: IdSchema, requestId: RequestIdSchema.optional() }).strict();

export const CyclesCreateInput = z
  .object({
    kind: CycleKindSchema.default('quarterly'),
    /** Defaults to the window after the latest cycle, or the current one when that is over (domain/form-defaults.ts). */
    name: trimmedText(80).optional(),
    startDate: IsoDate.optional(),
    endDate: IsoDate.optional(),
    /** Idempotency: a repeat with the same request id answers what the first one created. */
    requestId: RequestIdSchema.optional(),
  })
  .strict()
  .refine((c) => (c.startDate === undefined) === (c.endDate === undefined), {
    message: 'give both startDate and endDate, or neither',
    path: ['endDate'],
  });

export const CyclesUpdateInput = z
  .object({
    id: IdSchema,
    name: trimmedText(80).optional(),
    startDate: IsoDate.optional(),
    endDate: IsoDate.optional(),
    status: CycleStatusSchema.optional(),
    /** Idempotency: a repeat with the same request id answers the current state and writes nothing. */
    requestId: RequestIdSchema.optional(),
  })
  .strict();

export const CyclesGradeInput = z
  .object({
    cycleId: IdSchema,
    grades: z
      .array(
        z
          .object({
            keyResultId: IdSchema,
            score: ScoreSchema,
            /** Required when the score differs from the measured grade (domain/grade.ts needsGradeReason). */
            reason: optionalText(500),
          })
          .strict(),
      )
      .max(5000)
      .default([]),
    /** The three prompts; saved by the objective's owner (or an OKR admin). An empty prompt clears it. */
    retrospectives: z
      .array(
        z
          .object({
            objectiveId: IdSchema,
            drove: optionalText(2000),
            didNot: optionalText(2000),
            learned: optionalText(2000),
          })
          .strict(),
      )
      .max(2000)
      .default([]),
    /** Idempotency: a repeat with the same request id answers the current state and writes nothing. */
    requestId: RequestIdSchema.optional(),
  })
  .strict();

export const CyclesCarryOverInput = z
  .object({
    fromCycleId: IdSchema,
    toCycleId: IdSchema,
    /** Defaults to every unfinished objective (any active KR below 1.0). Not with `choices`. */
    objectiveIds: z.array(IdSchema).max(2000).optional(),
    /**
     * Improve: per objective, keep (carry as it is), rewrite (carry under `title`) or drop (carry nothing).
     * Carried objectives take their retrospective along as `lessons`.
     */
    choices: z
      .array(
        z
          .object({ objectiveId: IdSchema, action: CarryActionSchema, title: trimmedText(200).optional() })
          .strict()
          .refine((c) => c.action !== 'rewrite' || c.title !== undefined, {
            message: 'is required to rewrite an objective',
            path: ['title'],
          }),
      )
      .max(2000)
      .optional(),
    /** Idempotency: a repeat with the same request id answers what the first one carried. */
    requestId: RequestIdSchema.optional(),
  })
  .strict()
  .refine((c) => c.objectiveIds === undefined || c.choices === undefined, {
    message: 'cannot be combined with objectiveIds',
    path: ['choices'],
  });

/** review.get: a cycle's objectives to grade, of one team, or the company's own (teamId absent). */
export const ReviewGetInput = z.object({ cycleId: IdSchema, teamId: IdSchema.optional() }).strict();

/** review.lessons: the cycle before this one's retrospectives, of one team or the company's own. */
export const ReviewLessonsInput = z.object({ cycleId: IdSchema, teamId: IdSchema.optional() }).strict();

/** kpis.list: one team's KPIs (or the company's: teamId absent); `asOf` gives each the latest reading at or before it. */
export const KpisListInput = z
  .object({ teamId: IdSchema.optional(), asOf: IsoDateTimeSchema.optional(), includeArchived: z.boolean().default(false) })
  .strict();

/** kpis.save: creates a KPI (no id) or changes one; teamId absent for a company KPI. */
export const KpisSaveInput = z
  .object({
    id: IdSchema.optional(),
    teamId: IdSchema.optional(),
    name: trimmedText(80),
    unit: z.string().trim().max(16, 'must be at most 16 characters').optional(),
    direction: KpiDirectionSchema,
    healthy: HealthyRangeSchema,
    status: z.enum(['active', 'archived']).optional(),
    requestId: RequestIdSchema.optional(),
  })
  .strict();

/** kpis.record: a reading, appended like a check-in; becomes the KPI's current value when it is the newest. */
export const KpisRecordInput = z
  .object({
    kpiId: IdSchema,
    value: z.number({ error: 'must be a finite number' }),
    note: optionalText(2000),
    requestId: RequestIdSchema.optional(),
  })
  .strict();

export const KpisReadingsInput = z
  .object({ kpiId: IdSchema, limit: z.number().int().min(1).max(100).default(20), cursor: z.string().max(2000).optional() })
  .strict();

/** leftOut.list: a cycle's "not this cycle" items of one team or the company's own (teamId absent). */
export const LeftOutListInput = z.object({ cycleId: IdSchema, teamId: IdSchema.optional() }).strict();

export const LeftOutAddInput = z
  .object({
    cycleId: IdSchema,
    teamId: IdSchema.optional(),
    title: trimmedText(200),
    why: optionalText(1000),
    /** Carrying an item of the cycle before forward: its id (title and why are taken as given). */
    carriedFromId: IdSchema.optional(),
    requestId: RequestIdSchema.optional(),
  })
  .strict();

export const LeftOutRemoveInput = z
  .object({ cycleId: IdSchema, teamId: IdSchema.optional(), id: IdSchema, requestId: RequestIdSchema.optional() })
  .strict();

export const TeamsCreateInput = z
  .object({
    name: trimmedText(80),
    parentTeamId: IdSchema.optional(),
    memberAccountIds: z.array(AccountIdSchema).max(500).default([]),
    jiraProjectKeys: z.array(ProjectKeySchema).max(50).default([]),
    /** Idempotency: a repeat with the same request id answers what the first one created. */
    requestId: RequestIdSchema.optional(),
  })
  .strict();

export const TeamsUpdateInput = z
  .object({
    id: IdSchema,
    name: trimmedText(80).optional(),
    parentTeamId: IdSchema.nullable().optional(),
    memberAccountIds: z.array(AccountIdSchema).max(500).optional(),
    jiraProjectKeys: z.array(ProjectKeySchema).max(50).optional(),
    /** Idempotency: a repeat with the same request id answers the current state and writes nothing. */
    requestId: RequestIdSchema.optional(),
  })
  .strict();

export const ObjectivesCreateInput = z
  .object({
    cycleId: IdSchema,
    title: trimmedText(200),
    description: optionalText(4000),
    level: ObjectiveLevelSchema,
    teamId: IdSchema.optional(),
    /** Defaults to the acting user. */
    ownerAccountId: AccountIdSchema.optional(),
    reviewerAccountId: AccountIdSchema.optional(),
    parentObjectiveId: IdSchema.optional(),
    status: z.enum(['draft', 'published']).default('draft'),
    /** The KPI it responds to. */
    kpiId: IdSchema.optional(),
    /** Idempotency: a repeat with the same request id answers what the first one created. */
    requestId: RequestIdSchema.optional(),
  })
  .strict();

export const ObjectivesUpdateInput = z
  .object({
    id: IdSchema,
    title: trimmedText(200).optional(),
    description: optionalText(4000),
    level: ObjectiveLevelSchema.optional(),
    teamId: IdSchema.nullable().optional(),
    ownerAccountId: AccountIdSchema.optional(),
    reviewerAccountId: AccountIdSchema.nullable().optional(),
    /** null clears the alignment. */
    parentObjectiveId: IdSchema.nullable().optional(),
    status: z.enum(['draft', 'published']).optional(),
    /** null clears it. */
    kpiId: IdSchema.nullable().optional(),
    /** Idempotency: a repeat with the same request id answers the current state and writes nothing. */
    requestId: RequestIdSchema.optional(),
  })
  .strict();

const MetricInput = MetricFields.extend({ current: MetricFields.shape.current.optional() }).strict();

export const KeyResultsCreateInput = z
  .object({
    objectiveId: IdSchema,
    title: trimmedText(200),
    ownerAccountId: AccountIdSchema.optional(),
    weight: z.number().positive('must be greater than 0').max(100, 'must be at most 100').default(1),
    /** `current` defaults to `start`. */
    metric: MetricInput.transform((m) => ({ ...m, current: m.current ?? m.start })).superRefine(checkMetric),
    progressSource: ProgressSourceSchema.default('manual'),
    /** Idempotency: a repeat with the same request id answers what the first one created. */
    requestId: RequestIdSchema.optional(),
  })
  .strict();

export const KeyResultsUpdateInput = z
  .object({
    id: IdSchema,
    title: trimmedText(200).optional(),
    ownerAccountId: AccountIdSchema.optional(),
    weight: z.number().positive('must be greater than 0').max(100, 'must be at most 100').optional(),
    metric: MetricInput.partial().optional(),
    progressSource: ProgressSourceSchema.optional(),
    /** Idempotency: a repeat with the same request id answers the current state and writes nothing. */
    requestId: RequestIdSchema.optional(),
  })
  .strict();

export const InitiativesLinkInput = z
  .object({
    keyResultId: IdSchema,
    issueKey: IssueKeySchema,
    /** Idempotency: a repeat with the same request id answers what the first one created. */
    requestId: RequestIdSchema.optional(),
  })
  .strict();
export const InitiativesUnlinkInput = z
  .object({ initiativeId: IdSchema, requestId: RequestIdSchema.optional() })
  .strict();

export const CheckInsCreateInput = z
  .object({
    keyResultId: IdSchema,
    /** Required for a KR measured by hand; left out for one measured from its epics (which decide it). */
    value: z.number({ error: 'must be a finite number' }).optional(),
    confidence: ConfidenceSchema,
    note: optionalText(2000),
    blockers: optionalText(2000),
    /** Idempotency: a repeat with the same request id answers the first check-in and stores nothing. */
    requestId: RequestIdSchema.optional(),
  })
  .strict();

export const CheckInsListInput = z
  .object({
    keyResultId: IdSchema,
    limit: z.number().int().min(1).max(100).default(20),
    cursor: z.string().max(2000).optional(),
  })
  .strict();

/** A drafted check-in for a KR: computed from Jira and its trail, stored only when accepted (checkIns.create). */
export const CheckInsDraftInput = z.object({ keyResultId: IdSchema }).strict();

/** Strategy coverage of a cycle: one team's, or every team's with Jira projects (no teamId). */
export const CoverageGetInput = z
  .object({
    cycleId: IdSchema,
    teamId: IdSchema.optional(),
    /** How many uncovered epics to list (the count is always complete). */
    limit: z.number().int().min(0).max(100).default(50),
  })
  .strict();

export const TeamsHistoryInput = z.object({ cycleId: IdSchema, teamId: IdSchema }).strict();

/** Without a cycleId, the current cycle (src/domain/current-cycle.ts): a first load needs no cycles.list. */
export const BoardGetInput = z
  .object({ cycleId: IdSchema.optional(), teamId: IdSchema.optional(), ownerAccountId: AccountIdSchema.optional() })
  .strict();

/**
 * The rest of the board on demand: a page of an objective's children (of the roots without objectiveId),
 * under the same filters as board.get; cursor from board.get's childrenCursor / rootsCursor or the last page.
 */
export const BoardChildrenInput = z
  .object({
    cycleId: IdSchema,
    objectiveId: IdSchema.optional(),
    cursor: z
      .string()
      .regex(/^\d{1,6}$/, 'must be a cursor from the board')
      .optional(),
    teamId: IdSchema.optional(),
    ownerAccountId: AccountIdSchema.optional(),
  })
  .strict();

/** The acting user's KRs of a cycle (of the current cycle without cycleId), for the gadget. */
export const KeyResultsMineInput = z.object({ cycleId: IdSchema.optional() }).strict();

/**
 * Pickers search the cycle's objectives as people type: every word of `query` must start a word of the
 * title (case-insensitive); without a query, the first objectives in board order.
 */
export const ObjectivesSearchInput = z
  .object({
    cycleId: IdSchema,
    query: z.string().trim().max(200).optional(),
    teamId: IdSchema.optional(),
    limit: z.number().int().min(1).max(50).default(20),
  })
  .strict();

/** A virtualised board asks for the KR rows of the objectives in view: 1-100 distinct ids of the cycle. */
export const BoardKeyResultsInput = z
  .object({
    cycleId: IdSchema,
    objectiveIds: z
      .array(IdSchema)
      .min(1, 'must name at least 1 objective')
      .max(100, 'must name at most 100 objectives')
      .superRefine((ids, ctx) => {
        const first = new Map<string, number>();
        ids.forEach((id, i) => {
          const seen = first.get(id);
          if (seen === undefined) first.set(id, i);
          else ctx.addIssue({ code: 'custom', path: [i], message: `repeats objectiveIds.${String(seen)}` });
        });
      }),
  })
  .strict();

export const ScorecardGetInput = z
  .object({
    cycleId: IdSchema,
    teamId: IdSchema.optional(),
    objectiveId: IdSchema.optional(),
    includeKeyResults: z.boolean().default(true),
    includeInitiatives: z.boolean().default(true),
    /**
     * The whole company as one section per team (the macro's "every team" scorecard): answers `teams`,
     * each team's figures from the cycle's tree index, and no objectives (a team's are scorecard.get with
     * its teamId). Only without teamId and objectiveId.
     */
    byTeam: z.boolean().default(false),
    /** Live or frozen; absent: a closed cycle frozen at its end, else live (domain/frozen-scorecard.ts defaultAsOf). */
    asOf: AsOfSchema.optional(),
  })
  .strict()
  .refine((input) => !input.byTeam || (input.teamId === undefined && input.objectiveId === undefined), {
    message: 'cannot be combined with teamId or objectiveId',
    path: ['byTeam'],
  });

/** A cycle's findings, or those of one team's objectives, or of one objective and its KRs. */
export const LintRunInput = z
  .object({ cycleId: IdSchema, teamId: IdSchema.optional(), objectiveId: IdSchema.optional() })
  .strict();

export { SettingsUpdateFields as SettingsUpdateInput } from '../settings';

/** data.repair: put a corrected payload in place of a record data.health listed, or remove it. */
export const DataRepairInput = z
  .object({
    kind: z.string().min(1).max(64),
    key: z.string().min(1).max(500),
    action: z.enum(['replace', 'remove']),
    /** The corrected record as data.health's `raw` shows it (replace only): parsed by its own schema before it is written. */
    record: z.unknown().optional(),
    requestId: RequestIdSchema,
  })
  .strict()
  .refine((r) => r.action === 'remove' || r.record !== undefined, {
    message: 'is required to replace a record',
    path: ['record'],
  });

export const DataImportInput = z.object({ data: z.unknown() }).strict();
export const DataExportInput = z.object({ cursor: z.string().min(1).max(2000).optional() }).strict();
/** Paged import: the job's id is opaque (base36, derived from the start's request id). */
const ImportIdSchema = z.string().regex(/^[0-9a-z]{8,32}$/, 'is not an import id');
export const DataImportStartInput = z.object({ requestId: RequestIdSchema, header: z.unknown() }).strict();
export const DataImportAppendInput = z
  .object({ importId: ImportIdSchema, requestId: RequestIdSchema, part: z.unknown() })
  .strict();
export const DataImportJobInput = z.object({ importId: ImportIdSchema }).strict();

export { Empty, ById, ByIdChange };
