import type { Cycle, Objective, TrackStatus } from '../../contract';
import { expectedProgress } from '../../domain/pace';
import { metricProgress } from '../../domain/progress';
import { isActive } from '../../domain/score';
import type { StatusThresholds } from '../../domain/status';
import { trackStatus } from '../../domain/status';
import { freshSince } from '../../domain/staleness';
import { trackStatusHorizon } from '../../domain/track-horizon';
import type { StoredKeyResult } from '../model';
import type { BoardTreeEntry } from './board-tree-entry';
import { isStale, staleSince } from './stale';

/**
 * The status language's inputs from stored records (the rules are domain/status.ts's), judged with the
 * installation's pace thresholds (settings.pace).
 */

export const keyResultTrack = (kr: StoredKeyResult, objective: Objective, cycle: Cycle, now: Date, pace: StatusThresholds): TrackStatus =>
  trackStatus({ progress: metricProgress(kr.metric), expected: expectedProgress(cycle, now), stale: isStale(kr, objective, cycle, now) }, pace);

/**
 * An objective's status: the pace of its score; stale when every active KR is stale (then nothing about
 * it is current); no_value without active KRs.
 */
export const objectiveTrack = (
  core: { objective: Objective; keyResults: readonly StoredKeyResult[] },
  score: number | null,
  cycle: Cycle,
  now: Date,
  pace: StatusThresholds,
): TrackStatus => {
  const active = core.keyResults.filter(isActive);
  const stale = active.length > 0 && active.every((kr) => isStale(kr, core.objective, cycle, now));
  return trackStatus({ progress: active.length === 0 ? null : score, expected: expectedProgress(cycle, now), stale }, pace);
};

/**
 * The same status from the tree index alone (the board's summary counts every objective of the cycle,
 * not only those whose rows it reads): every active KR is stale exactly when even the freshest time among
 * them (each KR's last check-in or creation; the cycle's start at the least) is older than the staleness
 * window. The max over KRs of max(check-in, creation, start) is max(freshest, start), so one number does.
 */
export const entryTrack = (entry: BoardTreeEntry, score: number | null, cycle: Cycle, now: Date, pace: StatusThresholds): TrackStatus => {
  const stale = entry.keyResultCount > 0 && staleSince(entry.freshestCheckInAt, undefined, entry, cycle, now);
  return trackStatus({ progress: entry.keyResultCount === 0 ? null : score, expected: expectedProgress(cycle, now), stale }, pace);
};

/**
 * Until when entryTrack's answer for this entry holds (domain/track-horizon.ts): the same inputs, so the
 * staleness rule applies exactly where entryTrack applies it.
 */
export const entryTrackHorizon = (entry: BoardTreeEntry, score: number | null, cycle: Cycle, now: Date, pace: StatusThresholds): number => {
  const applies = entry.keyResultCount > 0 && cycle.status === 'active' && entry.status === 'published';
  return trackStatusHorizon(
    {
      progress: entry.keyResultCount === 0 ? null : score,
      freshSince: applies ? freshSince(entry.freshestCheckInAt, undefined, cycle) : undefined,
    },
    cycle,
    now,
    pace,
  );
};
