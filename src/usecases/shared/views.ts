import type {
  BandConfig,
  Cycle,
  CycleView,
  EpicProgress,
  InitiativeView,
  KeyResultView,
  ObjectiveView,
  Pace,
} from '../../contract';
import { rollupScore } from '../../domain/alignment';
import { roundTo } from '../../domain/round';
import { bandOf } from '../../domain/bands';
import { checkInsOpen } from '../../domain/cycle-status';
import { cycleElapsed, paceOf } from '../../domain/pace';
import { metricProgress } from '../../domain/progress';
import { isActive, keyResultScore, objectiveScore } from '../../domain/score';
import type { StatusThresholds } from '../../domain/status';
import type { ObjectiveAggregate, ObjectiveCore, StoredInitiative, StoredKeyResult } from '../model';
import type { ViewerAccess } from '../ports';
import { mayCheckIn } from './permissions';
import { keyResultForecast } from './forecasts';
import { isStale } from './stale';
import { keyResultTrack, objectiveTrack } from './track';

/** Turns aggregates into the views resolvers return, for one viewer. The maths is the domain's. */

export interface ViewContext {
  cycle: Cycle;
  bands: BandConfig;
  /** The installation's pace thresholds (settings.pace): when a KR or objective is behind or at risk. */
  pace: StatusThresholds;
  now: Date;
  viewerAccountId: string;
  access: ViewerAccess;
  /** Whether the viewer may edit an objective (owner, team member or admin), decided by the caller. */
  canEdit: (aggregate: ObjectiveCore) => boolean;
}

/**
 * Every score, progress and ratio a view shows is rounded to 3 decimals, here and nowhere else: enough
 * for a bar, a percentage with one decimal and a stable sort, and it keeps long noise such as
 * 0.6499999999999999 off the wire (board.get at 4,000 KRs is sized against a 1 MB budget). Bands and
 * pace are decided on the exact values, by the domain, before rounding.
 */
export const VIEW_DECIMALS = 3;
export function viewRatio(value: number): number;
export function viewRatio(value: number | null): number | null;
export function viewRatio(value: number | null): number | null {
  return value === null ? null : roundTo(value, VIEW_DECIMALS);
}

export const epicProgressView = (progress: EpicProgress): EpicProgress => ({ ...progress, ratio: viewRatio(progress.ratio) });

export const cycleView = (cycle: Cycle, now: Date): CycleView => ({ ...cycle, elapsed: viewRatio(cycleElapsed(cycle, now)) });

/** Pace only means something while the cycle runs. */
export const paceIn = (cycle: Cycle, progress: number | null, now: Date): Pace | null =>
  cycle.status === 'active' ? paceOf(progress, cycle, now) : null;

/**
 * An epic the viewer may browse, with its cached snapshot; anything else (another project, or not
 * refreshed yet so its project is unknown) is the restricted placeholder: no key, summary or status.
 */
export const isVisible = (initiative: StoredInitiative, access: ViewerAccess): boolean =>
  initiative.epic.refreshedAt !== '' && access.browsableProjectIds.has(initiative.epic.projectId);

export const initiativeView = (initiative: StoredInitiative, access: ViewerAccess): InitiativeView => {
  if (!isVisible(initiative, access)) return { id: initiative.id, keyResultId: initiative.keyResultId, restricted: true };
  const { epic } = initiative;
  return {
    id: initiative.id,
    keyResultId: initiative.keyResultId,
    issueKey: initiative.issueKey,
    issueId: initiative.issueId,
    restricted: false,
    summary: epic.summary,
    statusName: epic.statusName,
    statusCategory: epic.statusCategory,
    projectKey: epic.projectKey,
    progress: epicProgressView(epic.progress),
    missing: epic.missing,
    refreshedAt: epic.refreshedAt,
  };
};

export const keyResultView = (kr: StoredKeyResult, aggregate: ObjectiveAggregate, ctx: ViewContext): KeyResultView => {
  const progress = metricProgress(kr.metric);
  // What the KR keeps for its forecast stays in storage: the view has the forecast itself.
  const { lastCheckIn, trail: _trail, trend: _trend, forecastScore: _score, ...model } = kr;
  return {
    ...model,
    progress: viewRatio(progress),
    band: bandOf(keyResultScore(kr), ctx.bands),
    pace: paceIn(ctx.cycle, progress, ctx.now),
    track: keyResultTrack(kr, aggregate.objective, ctx.cycle, ctx.now, ctx.pace),
    ...(lastCheckIn === undefined ? {} : { lastCheckIn }),
    stale: isStale(kr, aggregate.objective, ctx.cycle, ctx.now),
    initiatives: aggregate.initiatives.filter((i) => i.keyResultId === kr.id).map((i) => initiativeView(i, ctx.access)),
    canCheckIn: checkInOpen(ctx.cycle) && isActive(kr) && mayCheckIn(ctx.viewerAccountId, aggregate.objective, kr),
    forecast: keyResultForecast(kr, ctx.cycle, ctx.bands),
  };
};

/** Whether check-ins are taken in this cycle (the domain's rule). */
export const checkInOpen = (cycle: Cycle): boolean => checkInsOpen(cycle.status);

/** Own score of an objective and, without its children, its roll-up (the board computes the tree's). */
export const objectiveScores = (aggregate: ObjectiveAggregate): { score: number | null; rollup: number | null } => {
  const score = objectiveScore(aggregate.keyResults);
  return { score, rollup: rollupScore(score, aggregate.keyResults.filter(isActive).length, []) };
};

export const objectiveView = (
  aggregate: ObjectiveAggregate,
  ctx: ViewContext,
  scores: { score: number | null; rollup: number | null } = objectiveScores(aggregate),
): ObjectiveView => ({
  ...aggregate.objective,
  score: viewRatio(scores.score),
  rollup: viewRatio(scores.rollup),
  band: scores.score === null ? null : bandOf(scores.score, ctx.bands),
  pace: paceIn(ctx.cycle, scores.score, ctx.now),
  track: objectiveTrack(aggregate, scores.score, ctx.cycle, ctx.now, ctx.pace),
  keyResults: aggregate.keyResults.map((kr) => keyResultView(kr, aggregate, ctx)),
  canEdit: ctx.canEdit(aggregate),
  updatedAt: aggregate.updatedAt,
});
