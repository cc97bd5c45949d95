import { z } from 'zod';
import { IdSchema, IsoDateSchema, IsoDateTimeSchema, IssueIdSchema, IssueKeySchema, ProjectKeySchema } from './ids';
import { ConfidenceSchema } from './model';

/**
 * The weekly rhythm (issue #13): forecasts, check-in drafts from Jira, strategy coverage and the work
 * under a KR in Jira's search. The rules live in src/domain (forecast.ts); these are the shapes that
 * cross the bridge.
 */

/**
 * Where a KR is heading by the cycle's end, from its check-in trail (domain/forecast.ts):
 * `trend` = the slope of its recent check-ins (up to the last 4 weeks before the latest), `since-start` =
 * from the cycle's start value to its latest value (one point, or a trail too short to trust).
 */
export const ForecastBasisSchema = z.enum(['trend', 'since-start']);
export type ForecastBasis = z.infer<typeof ForecastBasisSchema>;

/**
 * `optimistic`: the owner says on track but the forecast's score is under the yellow band (red);
 * `pessimistic`: the owner says off track but the forecast's score is in the green band.
 */
export const ForecastDisagreementSchema = z.enum(['optimistic', 'pessimistic']);
export type ForecastDisagreement = z.infer<typeof ForecastDisagreementSchema>;

export const ForecastSchema = z.object({
  /** The projected value at the cycle's end, in the KR's unit (rounded to 3 decimals). */
  value: z.number(),
  /** The projected value's score, 0-1 (rounded to 3 decimals). */
  score: z.number().min(0).max(1),
  /** The cycle's last day: "at this week's trend, 61 % by Dec 31". */
  by: IsoDateSchema,
  basis: ForecastBasisSchema,
  /** The span of check-ins the trend was drawn from, in whole weeks (at least 1). */
  weeks: z.number().int().min(1),
  /** Set when the owner's latest confidence and the forecast disagree strongly; null when they agree. */
  disagreement: ForecastDisagreementSchema.nullable(),
});
export type Forecast = z.infer<typeof ForecastSchema>;

/**
 * One value of a KR at an instant (domain/forecast.ts TrailPoint): a check-in, or a value measured from
 * its epics. A KR keeps the latest of each of its last weeks; exported with the KR so a forecast
 * survives export and import.
 */
export const TrailPointSchema = z.object({ at: IsoDateTimeSchema, value: z.number() });

/** A Jira issue named in a draft's note (only issues the viewer may browse are ever named). */
export const IssueRefSchema = z.object({
  issueId: IssueIdSchema,
  issueKey: IssueKeySchema,
  summary: z.string(),
  /** The linked epic it belongs to. */
  epicKey: IssueKeySchema,
});
export type IssueRef = z.infer<typeof IssueRefSchema>;

/** What changed under a KR's linked epics since its last check-in (or since it was added). */
export const WorkChangesSchema = z.object({
  /** Child issues resolved as done since then. */
  done: z.array(IssueRefSchema),
  /** Child issues created under the epics since then. */
  added: z.array(IssueRefSchema),
  /** Child issues resolved as Won't Do or Duplicate since then: out of scope. */
  wontDo: z.array(IssueRefSchema),
  /** Linked epics whose status changed since then (`from` null when the last check-in did not record it). */
  epics: z.array(
    z.object({ issueKey: IssueKeySchema, summary: z.string(), from: z.string().nullable(), to: z.string() }),
  ),
  /** Each list is cut at 20 issues; true when one was cut. */
  truncated: z.boolean(),
});
export type WorkChanges = z.infer<typeof WorkChangesSchema>;

/**
 * checkIns.draft: a check-in computed from Jira and the KR's trail, never stored. The owner edits it or
 * accepts it as is with checkIns.create (value left out for a KR measured from its epics).
 */
export const CheckInDraftSchema = z.object({
  keyResultId: IdSchema,
  /** `initiatives`: measured from the linked epics now; `last`: the latest check-in's; `start`: none yet. */
  value: z.number(),
  valueSource: z.enum(['initiatives', 'last', 'start']),
  /** Suggested from the forecast (domain/forecast.ts suggestedConfidence); else the latest check-in's. */
  confidence: ConfidenceSchema,
  confidenceSource: z.enum(['forecast', 'last', 'default']),
  forecast: ForecastSchema.nullable(),
  /** What the changes are counted from: the latest check-in's time, or when the KR was added / the cycle began. */
  since: IsoDateTimeSchema,
  /** Null when the KR links no epic. */
  changes: WorkChangesSchema.nullable(),
  generatedAt: IsoDateTimeSchema,
});
export type CheckInDraft = z.infer<typeof CheckInDraftSchema>;

/** An in-progress epic in a team's Jira projects that serves no KR of the cycle. */
export const UncoveredEpicSchema = z.object({
  issueId: IssueIdSchema,
  issueKey: IssueKeySchema,
  summary: z.string(),
  projectKey: ProjectKeySchema,
  statusName: z.string(),
  /** The team whose projects hold it (the first, in team-name order); null for the whole cycle's own. */
  teamId: IdSchema.nullable(),
});
export type UncoveredEpic = z.infer<typeof UncoveredEpicSchema>;

export const CoverageFiguresSchema = z.object({
  /** In-progress epics (status category "In Progress") the viewer may browse. */
  inProgress: z.number().int().min(0),
  /** Of those, the ones linked to a KR of the cycle (any objective, any team). */
  covered: z.number().int().min(0),
  /** covered / inProgress, rounded to 3 decimals; null when there is no in-progress epic. */
  ratio: z.number().min(0).max(1).nullable(),
});
export type CoverageFigures = z.infer<typeof CoverageFiguresSchema>;

/**
 * coverage.get: strategy coverage of a cycle, for one team (teamId) or every team with Jira projects.
 * Counted as the viewer (asUser): epics in projects the viewer may not browse are in no figure and no list.
 */
export const CoverageSchema = z.object({
  cycleId: IdSchema,
  /** The teams counted (one when teamId was given), in team-name order. */
  teams: z.array(
    CoverageFiguresSchema.extend({
      teamId: IdSchema,
      name: z.string(),
      projectKeys: z.array(ProjectKeySchema),
    }),
  ),
  /** Over the union of the teams' projects (an epic counted once). */
  total: CoverageFiguresSchema,
  /** The first `limit` uncovered epics (team-name order, then newest first). */
  uncovered: z.array(UncoveredEpicSchema),
  uncoveredCount: z.number().int().min(0),
  generatedAt: IsoDateTimeSchema,
});
export type Coverage = z.infer<typeof CoverageSchema>;

// The JQL helpers live in a zod-free module so views that only build a search link do not load zod.
export { JQL_FUNCTIONS, keyResultWorkJql, objectiveWorkJql } from './jql';
