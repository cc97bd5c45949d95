import { z } from 'zod';
import {
  AccountIdSchema,
  IdSchema,
  IsoDateSchema as IsoDate,
  IssueKeySchema,
  optionalText,
  ProjectKeySchema,
  RequestIdSchema,
  trimmedText,
} from '../ids';
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
      .array(z.object({ keyResultId: IdSchema, score: ScoreSchema }).strict())
      .max(5000)
      .default([]),
    retrospectives: z
      .array(z.object({ objectiveId: IdSchema, text: trimmedText(4000) }).strict())
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
    /** Defaults to every unfinished objective (any active KR below 1.0). */
    objectiveIds: z.array(IdSchema).max(2000).optional(),
  })
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
    retrospective: optionalText(4000),
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
