import { z } from 'zod';
import { AccountIdSchema, IdSchema, IsoDateTimeSchema } from './ids';
import { BandConfigFields, BandSchema, CompactFindingSchema, PaceSchema, StatusSummarySchema, TrackStatusSchema } from './insights';
import { FrozenSchema, KpiViewSchema } from './review';
import { ForecastSchema } from './rhythm';
import {
  CheckInSchema,
  ConfidenceSchema,
  CycleFields,
  InitiativeSchema,
  KeyResultSchema,
  ObjectiveFields,
  ObjectiveLevelSchema,
  ObjectiveStatusSchema,
  TeamFields,
} from './model';

/** What resolvers return: the model plus everything computed about it, ready to show. */

export const EpicProgressSchema = z.object({
  done: z.number().int().min(0),
  total: z.number().int().min(0),
  /** Child issues resolved as Won't Do or Duplicate: out of scope, not counted. */
  excluded: z.number().int().min(0),
  /** done / (total - excluded); null when nothing is in scope. */
  ratio: z.number().min(0).max(1).nullable(),
  /** Child issues created after the cycle started: scope added mid-cycle. */
  addedAfterStart: z.number().int().min(0),
});
export type EpicProgress = z.infer<typeof EpicProgressSchema>;

export const VisibleInitiativeSchema = InitiativeSchema.extend({
  restricted: z.literal(false),
  summary: z.string(),
  statusName: z.string(),
  statusCategory: z.enum(['new', 'indeterminate', 'done']),
  projectKey: z.string(),
  progress: EpicProgressSchema,
  /** The epic was deleted in Jira: kept (never dropped silently) and shown as missing. */
  missing: z.boolean(),
  refreshedAt: z.string(),
});
/** An epic in a project the viewer may not browse: no key, summary or status ever leaves the backend. */
export const RestrictedInitiativeSchema = z.object({
  id: IdSchema,
  keyResultId: IdSchema,
  restricted: z.literal(true),
});
export const InitiativeViewSchema = z.discriminatedUnion('restricted', [VisibleInitiativeSchema, RestrictedInitiativeSchema]);
export type InitiativeView = z.infer<typeof InitiativeViewSchema>;

export const LastCheckInSchema = CheckInSchema.pick({
  id: true,
  at: true,
  value: true,
  confidence: true,
  authorAccountId: true,
});

export const KeyResultViewSchema = KeyResultSchema.extend({
  progress: z.number().min(0).max(1),
  band: BandSchema,
  pace: PaceSchema.nullable(),
  /** The primary status mid-cycle (domain/status.ts); bands speak in review and after (primarySignal). */
  track: TrackStatusSchema,
  lastCheckIn: LastCheckInSchema.optional(),
  /** Active cycle and no check-in for 7 days. */
  stale: z.boolean(),
  initiatives: z.array(InitiativeViewSchema),
  /** Whether the viewer may check in on it. */
  canCheckIn: z.boolean(),
  /** Where it is heading by the cycle's end (domain/forecast.ts forecastOf); null for a binary KR or without values to go on. */
  forecast: ForecastSchema.nullable(),
});
export type KeyResultView = z.infer<typeof KeyResultViewSchema>;

export const ObjectiveViewSchema = ObjectiveFields.extend({
  score: z.number().min(0).max(1).nullable(),
  rollup: z.number().min(0).max(1).nullable(),
  band: BandSchema.nullable(),
  pace: PaceSchema.nullable(),
  /** The primary status mid-cycle (domain/status.ts): the pace of the score, or stale, or no_value. */
  track: TrackStatusSchema,
  keyResults: z.array(KeyResultViewSchema),
  canEdit: z.boolean(),
  updatedAt: z.string(),
});
export type ObjectiveView = z.infer<typeof ObjectiveViewSchema>;

/**
 * The board is sized for a cycle of 1,000 objectives, 4,000 KRs and 8,000 epics to answer well under the
 * 1 MB response budget: board.get carries the alignment tree of objective nodes, each with a KR summary
 * instead of KR rows, and compact findings (rule, severity, target; the words come from lint.run). The
 * KR rows of the objectives on screen come from board.keyResults, at most 100 objectives per call.
 * objectives.get returns the full ObjectiveView (every initiative, as the viewer may see it) when one is
 * opened. Scores, progress and ratios in every view are rounded to 3 decimals; the domain stays exact.
 */
export const InitiativeSummarySchema = z.object({
  /** Linked epics, restricted ones included. */
  count: z.number().int().min(0),
  /** Epics in projects the viewer may not browse: counted, never described. */
  restricted: z.number().int().min(0),
  /** Visible epics that were deleted in Jira. */
  missing: z.number().int().min(0),
  /** Child issues of the visible epics. */
  done: z.number().int().min(0),
  total: z.number().int().min(0),
  excluded: z.number().int().min(0),
  /** done / (total - excluded) over the visible epics; null when nothing is in scope. */
  ratio: z.number().min(0).max(1).nullable(),
});
export type InitiativeSummary = z.infer<typeof InitiativeSummarySchema>;

/** One KR row of the board (board.keyResults): no ids the tree implies, the epics summed up. */
export const BoardKeyResultSchema = KeyResultViewSchema.omit({
  objectiveId: true,
  status: true,
  lastCheckIn: true,
  initiatives: true,
}).extend({
  lastCheckIn: LastCheckInSchema.pick({ at: true, value: true, confidence: true }).optional(),
  initiatives: InitiativeSummarySchema,
});
export type BoardKeyResult = z.infer<typeof BoardKeyResultSchema>;

/** What an objective's active KRs add up to, for the board's objective row and its filters. */
export const KeyResultSummarySchema = z.object({
  /** Active KRs (archived ones are left off the board). */
  count: z.number().int().min(0),
  /** Active KRs per band of their score. */
  red: z.number().int().min(0),
  yellow: z.number().int().min(0),
  green: z.number().int().min(0),
  /** Active cycle and no check-in for 7 days. */
  stale: z.number().int().min(0),
  /** Latest check-in's confidence at_risk / off_track. */
  atRisk: z.number().int().min(0),
  offTrack: z.number().int().min(0),
  /** Active KRs whose forecast disagrees strongly with their latest confidence (Forecast.disagreement). */
  forecastMisses: z.number().int().min(0),
  /** Active KRs per status (domain/status.ts). */
  tracks: StatusSummarySchema,
  /** Distinct owners of the active KRs, in KR order (owner filters and avatars). */
  owners: z.array(AccountIdSchema),
});
export type KeyResultSummary = z.infer<typeof KeyResultSummarySchema>;

export const BoardObjectiveSchema = ObjectiveViewSchema.omit({
  cycleId: true,
  description: true,
  retrospective: true,
  authorship: true,
  lessons: true,
  keyResults: true,
  updatedAt: true,
}).extend({ keyResultSummary: KeyResultSummarySchema });
export type BoardObjective = z.infer<typeof BoardObjectiveSchema>;

/**
 * A node of the board's tree. The board answers a window of the tree (board.get: the first screen),
 * so a node may be open with its first children, or collapsed (children empty, childCount not 0):
 * board.children loads the rest. Scores and roll-ups are always the full tree's.
 */
export interface BoardNode {
  objective: BoardObjective;
  /** Children under the board's filter, loaded or not. */
  childCount: number;
  /** The first children loaded (all, some, or none when collapsed). */
  children: BoardNode[];
  /** Set when more children than those loaded: board.children's cursor for the next ones. */
  childrenCursor?: string | undefined;
}
export const BoardNodeSchema: z.ZodType<BoardNode> = z.lazy(() =>
  z.object({
    objective: BoardObjectiveSchema,
    childCount: z.number().int().min(0),
    children: z.array(BoardNodeSchema),
    childrenCursor: z.string().optional(),
  }),
);

/** Objectives whose parent is archived or gone: shown at the root with a note. */
const DetachedSchema = z.array(z.object({ objectiveId: IdSchema, reason: z.enum(['parent-archived', 'parent-missing']) }));

export const CycleViewSchema = CycleFields.extend({
  /** Share of the cycle elapsed, 0-1. */
  elapsed: z.number().min(0).max(1),
});
export type CycleView = z.infer<typeof CycleViewSchema>;

export const BoardSchema = z.object({
  cycle: CycleViewSchema,
  bands: BandConfigFields,
  teams: z.array(TeamFields),
  /** The first screen's roots (see board.get); rootCount and rootsCursor say whether more follow. */
  roots: z.array(BoardNodeSchema),
  rootCount: z.number().int().min(0),
  rootsCursor: z.string().optional(),
  /** Objectives in the (filtered) tree, shown or not. */
  objectiveCount: z.number().int().min(0),
  /** The published objectives the filter matches (every one, shown or not) per status (domain/status.ts). */
  summary: StatusSummarySchema,
  /**
   * The published objectives the filter matches (like summary) with at least one active KR whose
   * forecast disagrees with its owner's latest confidence: what the board's "forecast disagrees" filter
   * shows (keyResultSummary.forecastMisses > 0).
   */
  forecastMisses: z.number().int().min(0),
  /** Of the objectives in this answer. */
  detached: DetachedSchema,
  /**
   * Rule, severity and target only: lint.run gives the message and hint of the objective opened. About
   * the objectives in this answer, and the teams and people in scope.
   */
  findings: z.array(CompactFindingSchema),
  /** Every active KPI (one small catalog read): name and health for the link on rows that respond to one. */
  kpis: z.array(KpiViewSchema.pick({ id: true, teamId: true, name: true, unit: true, current: true, health: true })),
  generatedAt: z.string(),
});
export type Board = z.infer<typeof BoardSchema>;

/** board.children: a page of a node's children (or of the roots), each collapsed, with their findings. */
export const BoardChildrenSchema = z.object({
  /** The parent asked for; absent for a page of roots. */
  objectiveId: IdSchema.optional(),
  childCount: z.number().int().min(0),
  children: z.array(BoardNodeSchema),
  nextCursor: z.string().optional(),
  detached: DetachedSchema,
  findings: z.array(CompactFindingSchema),
});
export type BoardChildren = z.infer<typeof BoardChildrenSchema>;

/** The KR rows of some objectives of the board, in the order asked for. */
export const BoardKeyResultsSchema = z.object({
  objectives: z.array(z.object({ objectiveId: IdSchema, keyResults: z.array(BoardKeyResultSchema) })),
});
export type BoardKeyResults = z.infer<typeof BoardKeyResultsSchema>;

/**
 * keyResults.mine: the acting user's active KRs of a cycle, grouped by objective (board order), as board
 * rows. `cycle` is null only when no cycleId was given and there is no cycle yet.
 */
export const MyKeyResultsSchema = z.object({
  cycle: CycleViewSchema.nullable(),
  objectives: z.array(z.object({ objectiveId: IdSchema, title: z.string(), keyResults: z.array(BoardKeyResultSchema) })),
});
export type MyKeyResults = z.infer<typeof MyKeyResultsSchema>;

/** objectives.search: light rows for pickers, from the cycle's tree index (archived objectives left out). */
export const ObjectiveSearchHitSchema = z.object({
  id: IdSchema,
  title: z.string(),
  level: ObjectiveLevelSchema,
  teamId: IdSchema.optional(),
  status: ObjectiveStatusSchema,
  /** Whether the viewer may edit it (link epics, add KRs): owner, team member or site admin. */
  canEdit: z.boolean(),
});
export type ObjectiveSearchHit = z.infer<typeof ObjectiveSearchHitSchema>;
export const ObjectiveSearchSchema = z.object({
  objectives: z.array(ObjectiveSearchHitSchema),
  /** Objectives matching in all; more than objectives.length when the limit cut the list. */
  matchCount: z.number().int().min(0),
});
export type ObjectiveSearch = z.infer<typeof ObjectiveSearchSchema>;

export const ScorecardSchema = z.object({
  cycle: CycleViewSchema,
  bands: BandConfigFields,
  title: z.string(),
  objectives: z.array(ObjectiveViewSchema),
  summary: z.object({
    objectives: z.number().int(),
    keyResults: z.number().int(),
    mean: z.number().nullable(),
    distribution: z.object({ red: z.number(), yellow: z.number(), green: z.number(), unscored: z.number() }),
    /** Published objectives per status (drafts count in no figure). */
    tracks: StatusSummarySchema,
    /** The mean of the published objectives' scores (exact, then rounded): the team or cycle score, as teams.history's last point. */
    score: z.number().min(0).max(1).nullable(),
    /** Published objectives with an active KR whose forecast disagrees with its latest confidence (as the board's forecastMisses). */
    forecastMisses: z.number().int().min(0),
  }),
  /** Live (null) or frozen as of a week of the cycle or its end, from the weekly snapshots. */
  frozen: FrozenSchema,
  /**
   * byTeam only: the figures of each team with objectives in the cycle, in team-name order, then those
   * of no team (teamId null, name '': the company's own; the UI names it), drafts counted in none.
   */
  teams: z
    .array(
      z.object({
        teamId: IdSchema.nullable(),
        name: z.string(),
        objectives: z.number().int().min(0),
        keyResults: z.number().int().min(0),
        tracks: StatusSummarySchema,
        score: z.number().min(0).max(1).nullable(),
      }),
    )
    .optional(),
  generatedAt: z.string(),
});
export type Scorecard = z.infer<typeof ScorecardSchema>;
export type ScorecardTeam = NonNullable<Scorecard['teams']>[number];

export const IssuePanelSchema = z.object({
  issue: z.object({ id: z.string(), key: z.string() }),
  /** The epic's own progress from its child issues; null when the issue is not an epic. */
  epicProgress: EpicProgressSchema.nullable(),
  isEpic: z.boolean(),
  keyResults: z.array(
    z.object({
      keyResult: KeyResultViewSchema,
      objective: ObjectiveFields.pick({ id: true, title: true, level: true, cycleId: true }),
      cycleName: z.string(),
      recentCheckIns: z.array(CheckInSchema),
    }),
  ),
});
export type IssuePanel = z.infer<typeof IssuePanelSchema>;

/** Why the installation may not write: its Marketplace license is not active (see README "Licensing"). */
export const ReadOnlyReasonSchema = z.enum(['license-inactive']);
export type ReadOnlyReason = z.infer<typeof ReadOnlyReasonSchema>;

export const MeSchema = z.object({
  accountId: AccountIdSchema,
  isSiteAdmin: z.boolean(),
  /** A Jira admin, or a member of the settings' admin group: manages cycles, teams, settings and data. */
  isOkrAdmin: z.boolean(),
  teamIds: z.array(IdSchema),
  /** Every key that writes answers UNLICENSED: views show a banner and no write controls. */
  readOnly: z.boolean(),
  readOnlyReason: ReadOnlyReasonSchema.optional(),
});
export type Me = z.infer<typeof MeSchema>;

export const ConfidenceCountsSchema = z.record(ConfidenceSchema, z.number());

/**
 * Where a point of a score history comes from: the weekly job's snapshot of that week, the KRs' values
 * at the end of that week worked out from their check-ins (weeks before the job first ran), or the
 * scores as they stand now (the last point).
 */
export const HistorySourceSchema = z.enum(['snapshot', 'check-ins', 'current']);
export type HistorySource = z.infer<typeof HistorySourceSchema>;

export const TeamHistorySchema = z.object({
  cycleId: IdSchema,
  teamId: IdSchema,
  /** One point per ISO week of the cycle so far, oldest first; the last one is the score now. */
  points: z.array(
    z.object({
      /** ISO week, 'YYYY-Www'. */
      week: z.string(),
      /** The instant the score stands for: the end of that week (or the cycle), or now. */
      at: IsoDateTimeSchema,
      /** The mean of the team's objective scores; null when none of its objectives had a KR to score. */
      score: z.number().min(0).max(1).nullable(),
      source: HistorySourceSchema,
    }),
  ),
});
export type TeamHistory = z.infer<typeof TeamHistorySchema>;
