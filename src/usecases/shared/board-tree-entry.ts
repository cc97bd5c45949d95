import type { Objective } from '../../contract';
import { isActive, objectiveScore } from '../../domain/score';
import { epochOf } from '../../domain/staleness';
import type { ObjectiveDigest } from '../model';
import type { ForecastWatch } from './forecasts';
import { forecastWatchOf } from './forecasts';

/**
 * One objective in a cycle's tree index: what the alignment tree, roll-ups, child counts, filters and
 * the cross-objective lint rules need, and nothing a row shows. The board reads the whole index (a few
 * dozen bytes an objective, deflated) and full digests only of the objectives on screen.
 */
export interface BoardTreeEntry {
  id: string;
  parentObjectiveId?: string;
  level: Objective['level'];
  status: Objective['status'];
  teamId?: string;
  ownerAccountId: string;
  /** Sibling order is by title (compareObjectives); '' for archived objectives, which are never shown. */
  title: string;
  /** objectiveScore of the active KRs, exact (roll-ups are computed from it on every read). */
  score: number | null;
  /** Active KRs: how much the own score counts in the roll-up (rollupScore). */
  keyResultCount: number;
  /**
   * The freshest time among the active KRs, each KR's last check-in or else its creation (epoch ms;
   * absent when no KR has either): the objective is stale when even that is too old
   * (usecases/shared/track.ts entryTrack). Absent in index documents written before it existed, which
   * then read as never checked in; index documents written before KRs recorded their creation hold the
   * newest check-in only, until the objective's next write rewrites its entry.
   */
  freshestCheckInAt?: number;
  /**
   * The kept forecast scores the board's "forecast disagrees" count reads (shared/forecasts.ts); absent
   * when no active KR said on or off track with a forecast, and in entries written before it existed.
   */
  forecastWatch?: ForecastWatch;
}

const freshestOf = (digest: ObjectiveDigest): { freshestCheckInAt?: number } => {
  const times = digest.keyResults.filter(isActive).flatMap((kr) => {
    const t = Math.max(epochOf(kr.lastCheckIn?.at) ?? -Infinity, epochOf(kr.createdAt) ?? -Infinity);
    return t === -Infinity ? [] : [t];
  });
  return times.length === 0 ? {} : { freshestCheckInAt: Math.max(...times) };
};

const watchOf = (digest: ObjectiveDigest): { forecastWatch?: ForecastWatch } => {
  const watch = forecastWatchOf(digest.keyResults);
  return watch === undefined ? {} : { forecastWatch: watch };
};

export const treeEntryOf = (digest: ObjectiveDigest): BoardTreeEntry => {
  const o = digest.objective;
  return {
    id: o.id,
    ...(o.parentObjectiveId === undefined ? {} : { parentObjectiveId: o.parentObjectiveId }),
    level: o.level,
    status: o.status,
    ...(o.teamId === undefined ? {} : { teamId: o.teamId }),
    ownerAccountId: o.ownerAccountId,
    title: o.status === 'archived' ? '' : o.title,
    score: objectiveScore(digest.keyResults),
    keyResultCount: digest.keyResults.filter(isActive).length,
    ...freshestOf(digest),
    ...watchOf(digest),
  };
};

/** The objective an entry stands for, as far as tree building and the cross-objective lint rules look. */
export const objectiveOfEntry = (cycleId: string, e: BoardTreeEntry): Objective => ({
  id: e.id,
  cycleId,
  title: e.title,
  level: e.level,
  ...(e.teamId === undefined ? {} : { teamId: e.teamId }),
  ownerAccountId: e.ownerAccountId,
  ...(e.parentObjectiveId === undefined ? {} : { parentObjectiveId: e.parentObjectiveId }),
  status: e.status,
});
