import type { CheckIn, EpicProgress, Initiative, KeyResult, Objective } from '../contract';
import type { TrailPoint, Trend } from '../domain/forecast';
import { trendOf } from '../domain/forecast';

/**
 * The shapes use cases work on. An objective is stored and changed as one aggregate: the objective,
 * its KRs (each with its latest check-in) and its initiatives (each with the cached epic snapshot), so
 * a board is a handful of queries and a change is one conditional write.
 */

export type LastCheckIn = Pick<CheckIn, 'id' | 'at' | 'value' | 'confidence' | 'authorAccountId'>;

export interface StoredKeyResult extends KeyResult {
  lastCheckIn?: LastCheckIn;
  /**
   * Its values of the last weeks, oldest first (domain/forecast.ts addToTrail): each check-in and each
   * change of a value measured from its epics. Absent in KRs stored before trails existed (the latest
   * check-in stands in: trailOf). Kept in the aggregate only; a digest keeps its trend instead.
   */
  trail?: TrailPoint[];
  /** Digests only: trendOf(trail), worked out when the digest is written (null: no trend yet). */
  trend?: Trend | null;
  /**
   * The forecast's score when the KR's values or confidence last changed, in the cycle's dates of
   * then (shared/forecasts.ts): lets the board's tree index count disagreements without reading every
   * digest. Views work the forecast out afresh.
   */
  forecastScore?: number;
}

export type StatusCategory = 'new' | 'indeterminate' | 'done';

/** What the app last read about a linked epic, refreshed by issue events and the reconcile job. */
export interface EpicSnapshot {
  summary: string;
  statusName: string;
  statusCategory: StatusCategory;
  projectId: string;
  projectKey: string;
  progress: EpicProgress;
  /** The epic was deleted (or the app can no longer see it): kept and shown as missing. */
  missing: boolean;
  /** ISO instant; '' when never read (e.g. right after an import): shown restricted until refreshed. */
  refreshedAt: string;
}

export interface StoredInitiative extends Initiative {
  linkedAt: string;
  linkedByAccountId: string;
  epic: EpicSnapshot;
}

export interface ObjectiveAggregate {
  objective: Objective;
  keyResults: StoredKeyResult[];
  initiatives: StoredInitiative[];
  createdAt: string;
  updatedAt: string;
  /** Version read from storage; 0 for an aggregate not stored yet. */
  version: number;
  /** Keys of the client requests whose changes this aggregate holds (shared/applied-requests.ts). */
  appliedRequests?: readonly string[];
}

/** The part of an aggregate that scores, summaries, lint and edit rights look at. */
export type ObjectiveCore = Pick<ObjectiveAggregate, 'objective' | 'keyResults'>;

/**
 * The board's projection of an objective: the aggregate without its description and epic details, kept
 * in the cycle's board shards in the same transaction as every change, so a board reads 16 small
 * documents instead of every aggregate in full.
 */
export interface ObjectiveDigest extends ObjectiveCore {
  /** Linked epics per KR id (KRs without epics are absent). */
  initiativeCounts: Record<string, number>;
  updatedAt: string;
}

/**
 * A KR as its digest keeps it: the trail's trend instead of the trail (the board reads digests of every
 * objective on screen), and the trail's latest point only when it is not the latest check-in (a value
 * measured from epics since), since a forecast needs the latest value and the trend alone.
 */
export const digestKeyResultOf = (kr: StoredKeyResult): StoredKeyResult => {
  const { trail, ...rest } = kr;
  if (trail === undefined) return rest;
  const latest = trail[trail.length - 1];
  const last = kr.lastCheckIn;
  const sameAsCheckIn = latest === undefined || (last?.at === latest.at && last.value === latest.value);
  return { ...rest, trend: trendOf(trail), ...(sameAsCheckIn ? {} : { trail: [latest] }) };
};

/** The digest the board shard keeps of an aggregate. */
export const digestOf = (aggregate: ObjectiveAggregate): ObjectiveDigest => {
  const { description: _description, ...objective } = aggregate.objective;
  const initiativeCounts: Record<string, number> = {};
  for (const i of aggregate.initiatives) initiativeCounts[i.keyResultId] = (initiativeCounts[i.keyResultId] ?? 0) + 1;
  return { objective, keyResults: aggregate.keyResults.map(digestKeyResultOf), initiativeCounts, updatedAt: aggregate.updatedAt };
};

/** The lookup row that lets an issue event find the objectives linking an epic. */
export interface InitiativeLink {
  initiativeId: string;
  issueId: string;
  keyResultId: string;
  objectiveId: string;
  cycleId: string;
  linkedAt: string;
}

/** Weekly values of a cycle's KRs (stored split by shard, so each record stays small). */
export interface KeyResultSnapshot {
  cycleId: string;
  week: string;
  values: Record<string, number>;
  scores: Record<string, number>;
  /** KRs flagged stale by the weekly job: active cycle and no check-in for 7 days. */
  stale: string[];
  /**
   * When it was taken (absent in snapshots stored or imported before it was kept): a frozen scorecard
   * judges pace and reads confidence as of this moment, the one its values are of.
   */
  takenAt?: string;
}

export const EMPTY_PROGRESS: EpicProgress = { done: 0, total: 0, excluded: 0, ratio: null, addedAfterStart: 0 };
