import type { Cycle, Finding, Team } from '../../contract';
import { lintCycle } from '../../domain/lint';
import type { ObjectiveCore, ObjectiveDigest } from '../model';

/**
 * The domain lint over a cycle's objectives (initiative counts and last check-ins from their digests);
 * `previous`, the digests of the cycle before, for the rules across cycles.
 */
export const lintDigests = (
  cycle: Cycle,
  aggregates: readonly ObjectiveDigest[],
  teams: readonly Team[],
  now: Date,
  previous?: readonly ObjectiveDigest[],
): Finding[] => {
  const initiativeCount = new Map<string, number>();
  const lastCheckIn = new Map<string, string>();
  for (const a of aggregates) {
    for (const [krId, count] of Object.entries(a.initiativeCounts)) initiativeCount.set(krId, count);
    for (const kr of a.keyResults) if (kr.lastCheckIn !== undefined) lastCheckIn.set(kr.id, kr.lastCheckIn.at);
  }
  return lintCycle({
    cycle,
    now,
    teams,
    objectives: aggregates.map((a) => a.objective),
    keyResults: aggregates.flatMap((a) => a.keyResults),
    initiativeCountByKeyResult: initiativeCount,
    lastCheckInAtByKeyResult: lastCheckIn,
    ...(previous === undefined
      ? {}
      : { previous: { objectives: previous.map((a) => a.objective), keyResults: previous.flatMap((a) => a.keyResults) } }),
  });
};

/** Findings about the given objectives (and their KRs), or about a team or person in scope. */
export const findingsFor = (
  findings: readonly Finding[],
  objectives: readonly ObjectiveCore[],
  scope: { teamId?: string | undefined; ownerAccountId?: string | undefined },
): Finding[] => {
  const ids = new Set<string>();
  for (const a of objectives) {
    ids.add(a.objective.id);
    for (const kr of a.keyResults) ids.add(kr.id);
  }
  return findings.filter((f) => {
    if (f.target.kind === 'objective' || f.target.kind === 'keyResult') return ids.has(f.target.id);
    if (f.target.kind === 'team') return scope.teamId === undefined ? scope.ownerAccountId === undefined : f.target.id === scope.teamId;
    return scope.teamId === undefined && (scope.ownerAccountId === undefined || f.target.id === scope.ownerAccountId);
  });
};
