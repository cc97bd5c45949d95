import type { ObjectiveView, TrackStatus } from '../../contract';
import { expectedProgress } from '../../domain/pace';
import { metricProgress } from '../../domain/progress';
import { objectiveScore } from '../../domain/score';
import type { StatusThresholds } from '../../domain/status';
import { trackStatus } from '../../domain/status';
import type { KeyResultSnapshot, ObjectiveAggregate, ObjectiveCore, StoredKeyResult } from '../model';
import type { ViewContext } from './views';

/**
 * A scorecard frozen at a weekly snapshot: each KR as the snapshot holds it, so a review page keeps what
 * was true in the meeting. Only the snapshot speaks: no check-in, trail or forecast of later (the
 * scorecard puts back the last check-in made by then), and no epics (the snapshot does not say which
 * were linked then).
 */

/** Scores this close are the same score (a stored score and one worked out again from its value). */
const SAME = 1e-9;

/**
 * A KR as the snapshot holds it; undefined when the snapshot does not (created later, or archived then).
 * The score is the snapshot's (imported snapshots carry values only: their value against today's metric,
 * as domain/score-history.ts scores them). It is carried as finalScore when it is the KR's grade (the
 * close snapshot took it) or differs from the value's measure (a target moved since), so every domain
 * rule that scores a KR (score.ts keyResultScore, grade.ts) reads the score of then.
 */
export const frozenKeyResult = (kr: StoredKeyResult, snapshot: KeyResultSnapshot): StoredKeyResult | undefined => {
  const value = snapshot.values[kr.id];
  if (value === undefined) return undefined;
  const { lastCheckIn: _c, trail: _t, trend: _d, forecastScore: _f, finalScore, finalScoreReason, ...rest } = kr;
  const metric = { ...kr.metric, current: value };
  const score = snapshot.scores[kr.id] ?? metricProgress(metric);
  // The snapshot stood on the KR's grade (taken at close): the grade and its reason go with it.
  const ownGrade = finalScore !== undefined && Math.abs(finalScore - score) <= SAME;
  const graded = ownGrade || Math.abs(score - metricProgress(metric)) > SAME;
  return {
    ...rest,
    status: 'active',
    metric,
    ...(graded ? { finalScore: score } : {}),
    ...(ownGrade && finalScoreReason !== undefined ? { finalScoreReason } : {}),
  };
};

/** An objective (aggregate or digest) with its KRs as the snapshot holds them; undefined when it holds none (nothing stood then). */
export const frozenCore = <T extends ObjectiveCore>(core: T, snapshot: KeyResultSnapshot): T | undefined => {
  const keyResults = core.keyResults.flatMap((kr) => frozenKeyResult(kr, snapshot) ?? []);
  return keyResults.length === 0 ? undefined : { ...core, keyResults };
};

/** An aggregate frozen, without its epics (the snapshot does not say which were linked then). */
export const frozenAggregate = (aggregate: ObjectiveAggregate, snapshot: KeyResultSnapshot): ObjectiveAggregate | undefined => {
  const core = frozenCore(aggregate, snapshot);
  return core === undefined ? undefined : { ...core, initiatives: [] };
};

/**
 * The status language at the frozen moment: progress against the expected line then, stale as the
 * weekly job flagged it then (a KR's last check-in of then is not kept, and today's would leak later data).
 */
export const frozenTrack = (
  progress: number | null,
  stale: boolean,
  cycle: ViewContext['cycle'],
  at: Date,
  pace: StatusThresholds,
): TrackStatus => trackStatus({ progress, expected: expectedProgress(cycle, at), stale }, pace);

/** Whether the weekly job flagged every one of these KRs stale (an objective with none is not stale). */
export const allStale = (keyResultIds: readonly string[], snapshot: KeyResultSnapshot): boolean =>
  keyResultIds.length > 0 && keyResultIds.every((id) => snapshot.stale.includes(id));

/**
 * The view of a frozen aggregate, with stale and track as they stood (views.ts judges them at now from
 * the last check-in, which a frozen KR no longer carries): no forecast, no check-in from a frozen page.
 */
export const frozenView = (
  view: ObjectiveView,
  aggregate: ObjectiveAggregate,
  snapshot: KeyResultSnapshot,
  ctx: Pick<ViewContext, 'cycle' | 'now' | 'pace'>,
): ObjectiveView => {
  const exact = new Map(aggregate.keyResults.map((kr) => [kr.id, metricProgress(kr.metric)]));
  const keyResults = view.keyResults.map((kr) => {
    const stale = snapshot.stale.includes(kr.id);
    return { ...kr, stale, track: frozenTrack(exact.get(kr.id) ?? null, stale, ctx.cycle, ctx.now, ctx.pace), forecast: null, canCheckIn: false };
  });
  const ids = aggregate.keyResults.map((kr) => kr.id);
  return {
    ...view,
    keyResults,
    track: frozenTrack(objectiveScore(aggregate.keyResults), allStale(ids, snapshot), ctx.cycle, ctx.now, ctx.pace),
  };
};
