import { z } from 'zod';
import { ExportPageSchema, ImportStatusSchema } from '../export-pages';
import { FindingSchema } from '../insights';
import { CheckInSchema, CycleSchema, TeamSchema } from '../model';
import {
  KpiListSchema,
  KpiReadingsPageSchema,
  KpiViewSchema,
  LeftOutListSchema,
  LessonsViewSchema,
  ReviewSchema,
} from '../review';
import { CheckInDraftSchema, CoverageSchema } from '../rhythm';
import { SettingsSchema } from '../settings';
import {
  BoardKeyResultsSchema,
  BoardChildrenSchema,
  BoardSchema,
  InitiativeViewSchema,
  IssuePanelSchema,
  KeyResultViewSchema,
  MeSchema,
  MyKeyResultsSchema,
  ObjectiveSearchSchema,
  ObjectiveViewSchema,
  ScorecardSchema,
  TeamHistorySchema,
} from '../views';
import * as I from './inputs';

/**
 * The resolver API: every key the UI may invoke, with its payload and result schemas. Defined once,
 * here; the backend registers exactly these keys and the UI client is typed from them. `mutates` marks
 * the keys that write: an installation whose license is not active may call only the others (read-only).
 */
export const API = {
  'me.get': { input: I.Empty, output: MeSchema, mutates: false },
  'settings.get': { input: I.Empty, output: SettingsSchema, mutates: false },
  'settings.update': { input: I.SettingsUpdateInput, output: SettingsSchema, mutates: true },

  'cycles.list': { input: I.Empty, output: z.object({ cycles: z.array(CycleSchema) }), mutates: false },
  'cycles.create': { input: I.CyclesCreateInput, output: CycleSchema, mutates: true },
  'cycles.update': { input: I.CyclesUpdateInput, output: CycleSchema, mutates: true },
  'cycles.grade': { input: I.CyclesGradeInput, output: ScorecardSchema, mutates: true },
  'cycles.carryOver': {
    input: I.CyclesCarryOverInput,
    output: z.object({
      carried: z.array(z.object({ fromObjectiveId: z.string(), objectiveId: z.string() })),
      /** Objectives the choices dropped (nothing written for them). */
      dropped: z.array(z.string()).default([]),
    }),
    mutates: true,
  },
  'review.get': { input: I.ReviewGetInput, output: ReviewSchema, mutates: false },
  'review.lessons': { input: I.ReviewLessonsInput, output: LessonsViewSchema, mutates: false },

  'kpis.list': { input: I.KpisListInput, output: KpiListSchema, mutates: false },
  'kpis.save': { input: I.KpisSaveInput, output: KpiViewSchema, mutates: true },
  'kpis.record': { input: I.KpisRecordInput, output: KpiViewSchema, mutates: true },
  'kpis.readings': { input: I.KpisReadingsInput, output: KpiReadingsPageSchema, mutates: false },

  'leftOut.list': { input: I.LeftOutListInput, output: LeftOutListSchema, mutates: false },
  'leftOut.add': { input: I.LeftOutAddInput, output: LeftOutListSchema, mutates: true },
  'leftOut.remove': { input: I.LeftOutRemoveInput, output: LeftOutListSchema, mutates: true },

  'teams.list': { input: I.Empty, output: z.object({ teams: z.array(TeamSchema) }), mutates: false },
  'teams.create': { input: I.TeamsCreateInput, output: TeamSchema, mutates: true },
  'teams.update': { input: I.TeamsUpdateInput, output: TeamSchema, mutates: true },
  'teams.history': { input: I.TeamsHistoryInput, output: TeamHistorySchema, mutates: false },

  'objectives.get': { input: I.ById, output: ObjectiveViewSchema, mutates: false },
  'objectives.search': { input: I.ObjectivesSearchInput, output: ObjectiveSearchSchema, mutates: false },
  'objectives.create': { input: I.ObjectivesCreateInput, output: ObjectiveViewSchema, mutates: true },
  'objectives.update': { input: I.ObjectivesUpdateInput, output: ObjectiveViewSchema, mutates: true },
  'objectives.archive': { input: I.ByIdChange, output: ObjectiveViewSchema, mutates: true },
  'objectives.restore': { input: I.ByIdChange, output: ObjectiveViewSchema, mutates: true },

  'keyResults.create': { input: I.KeyResultsCreateInput, output: KeyResultViewSchema, mutates: true },
  'keyResults.update': { input: I.KeyResultsUpdateInput, output: KeyResultViewSchema, mutates: true },
  'keyResults.archive': { input: I.ByIdChange, output: KeyResultViewSchema, mutates: true },
  'keyResults.mine': { input: I.KeyResultsMineInput, output: MyKeyResultsSchema, mutates: false },

  'initiatives.link': { input: I.InitiativesLinkInput, output: InitiativeViewSchema, mutates: true },
  'initiatives.unlink': {
    input: I.InitiativesUnlinkInput,
    output: z.object({ initiativeId: z.string() }),
    mutates: true,
  },

  'checkIns.create': {
    input: I.CheckInsCreateInput,
    output: z.object({ checkIn: CheckInSchema, keyResult: KeyResultViewSchema }),
    mutates: true,
  },
  'checkIns.list': {
    input: I.CheckInsListInput,
    output: z.object({ checkIns: z.array(CheckInSchema), nextCursor: z.string().optional() }),
    mutates: false,
  },

  'checkIns.draft': { input: I.CheckInsDraftInput, output: CheckInDraftSchema, mutates: false },
  'coverage.get': { input: I.CoverageGetInput, output: CoverageSchema, mutates: false },

  'board.get': { input: I.BoardGetInput, output: BoardSchema, mutates: false },
  'board.keyResults': { input: I.BoardKeyResultsInput, output: BoardKeyResultsSchema, mutates: false },
  'board.children': { input: I.BoardChildrenInput, output: BoardChildrenSchema, mutates: false },
  'scorecard.get': { input: I.ScorecardGetInput, output: ScorecardSchema, mutates: false },
  'issuePanel.get': { input: I.Empty, output: IssuePanelSchema, mutates: false },
  'lint.run': { input: I.LintRunInput, output: z.object({ findings: z.array(FindingSchema) }), mutates: false },

  'data.export': {
    input: I.DataExportInput,
    output: z.object({ page: ExportPageSchema, nextCursor: z.string().optional() }),
    mutates: false,
  },
  'data.health': {
    input: I.Empty,
    output: z.object({
      /** Stored records read. */
      checked: z.number().int().min(0),
      /** Records that fail their schema: left out of every view, kept in storage for repair. */
      corrupt: z.array(
        z.object({
          kind: z.string(),
          key: z.string(),
          problem: z.string(),
          /** The stored payload as JSON (cut at 20,000 characters, `rawTruncated` then true), to repair from. */
          raw: z.string(),
          rawTruncated: z.boolean(),
        }),
      ),
    }),
    mutates: false,
  },
  'data.repair': {
    input: I.DataRepairInput,
    output: z.object({ kind: z.string(), key: z.string(), action: z.enum(['replace', 'remove']) }),
    mutates: true,
  },
  'data.import': {
    input: I.DataImportInput,
    output: z.object({ imported: z.record(z.string(), z.number()) }),
    mutates: true,
  },
  'data.import.start': { input: I.DataImportStartInput, output: z.object({ importId: z.string() }), mutates: true },
  'data.import.append': { input: I.DataImportAppendInput, output: ImportStatusSchema, mutates: true },
  'data.import.finish': { input: I.DataImportJobInput, output: ImportStatusSchema, mutates: true },
  'data.import.status': { input: I.DataImportJobInput, output: ImportStatusSchema, mutates: false },
} as const satisfies Record<string, { input: z.ZodType; output: z.ZodType; mutates: boolean }>;

export type ApiKey = keyof typeof API;
export type ApiInput<K extends ApiKey> = z.input<(typeof API)[K]['input']>;
export type ApiParsedInput<K extends ApiKey> = z.output<(typeof API)[K]['input']>;
export type ApiOutput<K extends ApiKey> = z.output<(typeof API)[K]['output']>;
export const API_KEYS = Object.keys(API) as ApiKey[];
