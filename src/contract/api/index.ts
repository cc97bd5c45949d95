import { z } from 'zod';
import { ExportDocumentSchema } from '../export-document';
import { FindingSchema } from '../insights';
import { CheckInSchema, CycleSchema, TeamSchema } from '../model';
import { BandConfigFields } from '../insights';
import {
  BoardKeyResultsSchema,
  BoardSchema,
  InitiativeViewSchema,
  IssuePanelSchema,
  KeyResultViewSchema,
  MeSchema,
  ObjectiveViewSchema,
  ScorecardSchema,
  TeamHistorySchema,
} from '../views';
import * as I from './inputs';

/**
 * The resolver API: every key the UI may invoke, with its payload and result schemas. Defined once,
 * here; the backend registers exactly these keys and the UI client is typed from them.
 */
export const API = {
  'me.get': { input: I.Empty, output: MeSchema },
  'settings.get': { input: I.Empty, output: z.object({ bands: BandConfigFields }) },
  'settings.update': { input: I.SettingsUpdateInput, output: z.object({ bands: BandConfigFields }) },

  'cycles.list': { input: I.Empty, output: z.object({ cycles: z.array(CycleSchema) }) },
  'cycles.create': { input: I.CyclesCreateInput, output: CycleSchema },
  'cycles.update': { input: I.CyclesUpdateInput, output: CycleSchema },
  'cycles.grade': { input: I.CyclesGradeInput, output: ScorecardSchema },
  'cycles.carryOver': {
    input: I.CyclesCarryOverInput,
    output: z.object({ carried: z.array(z.object({ fromObjectiveId: z.string(), objectiveId: z.string() })) }),
  },

  'teams.list': { input: I.Empty, output: z.object({ teams: z.array(TeamSchema) }) },
  'teams.create': { input: I.TeamsCreateInput, output: TeamSchema },
  'teams.update': { input: I.TeamsUpdateInput, output: TeamSchema },
  'teams.history': { input: I.TeamsHistoryInput, output: TeamHistorySchema },

  'objectives.get': { input: I.ById, output: ObjectiveViewSchema },
  'objectives.create': { input: I.ObjectivesCreateInput, output: ObjectiveViewSchema },
  'objectives.update': { input: I.ObjectivesUpdateInput, output: ObjectiveViewSchema },
  'objectives.archive': { input: I.ById, output: ObjectiveViewSchema },
  'objectives.restore': { input: I.ById, output: ObjectiveViewSchema },

  'keyResults.create': { input: I.KeyResultsCreateInput, output: KeyResultViewSchema },
  'keyResults.update': { input: I.KeyResultsUpdateInput, output: KeyResultViewSchema },
  'keyResults.archive': { input: I.ById, output: KeyResultViewSchema },

  'initiatives.link': { input: I.InitiativesLinkInput, output: InitiativeViewSchema },
  'initiatives.unlink': { input: I.InitiativesUnlinkInput, output: z.object({ initiativeId: z.string() }) },

  'checkIns.create': { input: I.CheckInsCreateInput, output: z.object({ checkIn: CheckInSchema, keyResult: KeyResultViewSchema }) },
  'checkIns.list': {
    input: I.CheckInsListInput,
    output: z.object({ checkIns: z.array(CheckInSchema), nextCursor: z.string().optional() }),
  },

  'board.get': { input: I.BoardGetInput, output: BoardSchema },
  'board.keyResults': { input: I.BoardKeyResultsInput, output: BoardKeyResultsSchema },
  'scorecard.get': { input: I.ScorecardGetInput, output: ScorecardSchema },
  'issuePanel.get': { input: I.Empty, output: IssuePanelSchema },
  'lint.run': { input: I.LintRunInput, output: z.object({ findings: z.array(FindingSchema) }) },

  'data.export': { input: I.Empty, output: ExportDocumentSchema },
  'data.import': {
    input: I.DataImportInput,
    output: z.object({ imported: z.record(z.string(), z.number()) }),
  },
} as const;

export type ApiKey = keyof typeof API;
export type ApiInput<K extends ApiKey> = z.input<(typeof API)[K]['input']>;
export type ApiParsedInput<K extends ApiKey> = z.output<(typeof API)[K]['input']>;
export type ApiOutput<K extends ApiKey> = z.output<(typeof API)[K]['output']>;
export const API_KEYS = Object.keys(API) as ApiKey[];
