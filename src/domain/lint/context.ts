import type { Cycle, Finding, KeyResult, Metric, Objective, ProgressSource, Team } from '../../contract';
import { isActive } from '../score';
import { STALE_AFTER_DAYS } from '../staleness';
import { MAX_OBJECTIVES_PER_CYCLE } from './shape';

/** Everything the cycle lint looks at. Time is passed in so the lint stays pure and testable. */
export interface LintInput {
  cycle: Cycle;
  now: Date;
  teams: readonly Team[];
  /** All objectives of the cycle, any status. */
  objectives: readonly Objective[];
  /** KRs of those objectives, any status. */
  keyResults: readonly KeyResult[];
  initiativeCountByKeyResult: ReadonlyMap<string, number>;
  /** ISO date-time of the latest check-in per KR. */
  lastCheckInAtByKeyResult: ReadonlyMap<string, string>;
  /** The cycle before this one (the latest to end before it starts), for rules across cycles. */
  previous?: { readonly objectives: readonly Objective[]; readonly keyResults: readonly KeyResult[] } | undefined;
  options?: { staleAfterDays?: number; maxObjectivesPerOwner?: number };
}

/**
 * The input, normalised once for all rules: archived objectives and KRs are filtered out (archived
 * objectives stay reachable through objectiveById, which alignment rules need to spot archived parents).
 */
export interface LintContext {
  readonly cycle: Cycle;
  readonly now: Date;
  /** Non-archived objectives. */
  readonly objectives: readonly Objective[];
  /** Every given objective, archived ones included. */
  readonly objectiveById: ReadonlyMap<string, Objective>;
  /** Active KRs of an objective (empty when it has none). */
  readonly keyResultsOf: (objectiveId: string) => readonly KeyResult[];
  readonly teamName: (teamId: string) => string;
  readonly initiativeCount: (keyResultId: string) => number;
  readonly lastCheckInAt: (keyResultId: string) => string | undefined;
  readonly staleAfterDays: number;
  readonly maxObjectivesPerOwner: number;
  /** The members of a team (none for an unknown team). */
  readonly membersOf: (teamId: string) => readonly string[];
  /** The previous cycle's non-archived objectives with their active KRs; empty without one. */
  readonly previous: readonly { readonly objective: Objective; readonly keyResults: readonly KeyResult[] }[];
}

export const DEFAULT_STALE_AFTER_DAYS = STALE_AFTER_DAYS;
export const DEFAULT_MAX_OBJECTIVES_PER_OWNER = MAX_OBJECTIVES_PER_CYCLE;

/** Groups items by a key; items without a key are left out. */
export const groupBy = <T>(items: readonly T[], keyOf: (item: T) => string | undefined): Map<string, T[]> => {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const key = keyOf(item);
    if (key === undefined) continue;
    groups.set(key, [...(groups.get(key) ?? []), item]);
  }
  return groups;
};

export const buildContext = (input: LintInput): LintContext => {
  const krsByObjective = groupBy(input.keyResults.filter(isActive), (kr) => kr.objectiveId);
  const teamNames = new Map(input.teams.map((t) => [t.id, t.name]));
  const members = new Map(input.teams.map((t) => [t.id, t.memberAccountIds]));
  const previousKrs = groupBy((input.previous?.keyResults ?? []).filter(isActive), (kr) => kr.objectiveId);
  return {
    cycle: input.cycle,
    now: input.now,
    objectives: input.objectives.filter((o) => o.status !== 'archived'),
    objectiveById: new Map(input.objectives.map((o) => [o.id, o])),
    keyResultsOf: (id) => krsByObjective.get(id) ?? [],
    // An unknown team still gets a finding; its id is better than nothing.
    teamName: (id) => teamNames.get(id) ?? id,
    initiativeCount: (id) => input.initiativeCountByKeyResult.get(id) ?? 0,
    lastCheckInAt: (id) => input.lastCheckInAtByKeyResult.get(id),
    staleAfterDays: input.options?.staleAfterDays ?? DEFAULT_STALE_AFTER_DAYS,
    maxObjectivesPerOwner: input.options?.maxObjectivesPerOwner ?? DEFAULT_MAX_OBJECTIVES_PER_OWNER,
    membersOf: (id) => members.get(id) ?? [],
    previous: (input.previous?.objectives ?? [])
      .filter((o) => o.status !== 'archived')
      .map((objective) => ({ objective, keyResults: previousKrs.get(objective.id) ?? [] })),
  };
};

/** What the KR rules that need no cycle context look at: a KR being typed, or a stored one. */
export interface KeyResultDraft {
  title: string;
  metric?: Metric | undefined;
  progressSource?: ProgressSource | undefined;
}

/** A rule over the whole cycle. */
export type CycleRule = (ctx: LintContext) => Finding[];
