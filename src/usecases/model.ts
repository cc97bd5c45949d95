import type { CheckIn, EpicProgress, Initiative, KeyResult, Objective } from '../contract';

/**
 * The shapes use cases work on. An objective is stored and changed as one aggregate: the objective,
 * its KRs (each with its latest check-in) and its initiatives (each with the cached epic snapshot), so
 * a board is a handful of queries and a change is one conditional write.
 */

export type LastCheckIn = Pick<CheckIn, 'id' | 'at' | 'value' | 'confidence' | 'authorAccountId'>;

export interface StoredKeyResult extends KeyResult {
  lastCheckIn?: LastCheckIn;
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

/** The digest the board shard keeps of an aggregate. */
export const digestOf = (aggregate: ObjectiveAggregate): ObjectiveDigest => {
  const { description: _description, ...objective } = aggregate.objective;
  const initiativeCounts: Record<string, number> = {};
  for (const i of aggregate.initiatives) initiativeCounts[i.keyResultId] = (initiativeCounts[i.keyResultId] ?? 0) + 1;
  return { objective, keyResults: aggregate.keyResults, initiativeCounts, updatedAt: aggregate.updatedAt };
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
}

export const EMPTY_PROGRESS: EpicProgress = { done: 0, total: 0, excluded: 0, ratio: null, addedAfterStart: 0 };
