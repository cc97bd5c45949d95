import type { Finding, KeyResult, Objective } from '../../../contract';
import { keyResultScore } from '../../score';
import type { CycleRule, LintContext } from '../context';
import { finding, objectiveTarget } from '../finding';

/**
 * team-objective-top-down: the method's third mistake, OKRs only handed down. A team objective whose
 * drafter and every editor are outside the team was written for the team, not with it. Only objectives
 * whose drafter is known, of teams with members, are judged.
 */
export const topDownRule: CycleRule = (ctx) =>
  ctx.objectives.flatMap((o) => {
    // Who drafted it must be known: a team member may have drafted one stored before authorship was kept.
    if (o.level !== 'team' || o.teamId === undefined || o.authorship?.createdBy === undefined) return [];
    const members = new Set(ctx.membersOf(o.teamId));
    if (members.size === 0) return [];
    const authors = [o.authorship.createdBy, ...o.authorship.editors];
    if (authors.some((a) => members.has(a))) return [];
    return [
      finding('team-objective-top-down', 'default', objectiveTarget(o.id), {
        title: o.title,
        team: ctx.teamName(o.teamId),
      }),
    ];
  });

const isScoring = (ctx: LintContext): boolean => ctx.cycle.status === 'review' || ctx.cycle.status === 'closed';

type Scored = readonly { readonly objective: Objective; readonly keyResults: readonly KeyResult[] }[];

/** Whether a group's KRs (2 or more, across its objectives) all scored 1.0. */
const allPerfect = (krs: readonly KeyResult[]): boolean =>
  krs.length >= 2 && krs.every((kr) => keyResultScore(kr) >= 1);

/** KRs per key (a KR's owner, or its objective's team), over published objectives. */
const groupKrs = (
  items: Scored,
  keysOf: (o: Objective, kr: KeyResult) => readonly string[],
): Map<string, KeyResult[]> => {
  const groups = new Map<string, KeyResult[]>();
  for (const { objective, keyResults } of items) {
    if (objective.status !== 'published') continue;
    for (const kr of keyResults)
      for (const key of keysOf(objective, kr)) groups.set(key, [...(groups.get(key) ?? []), kr]);
  }
  return groups;
};

/**
 * sandbagging-two-cycles: "consistently scoring 1.0 suggests the goals were not ambitious enough". One
 * perfect cycle can be luck (the in-cycle sandbagging rule says so); an owner or a team whose every KR
 * scored 1.0 this cycle and the one before sets targets within easy reach.
 */
export const sandbaggingTwoCyclesRule: CycleRule = (ctx) => {
  if (!isScoring(ctx) || ctx.previous.length === 0) return [];
  const current: Scored = ctx.objectives.map((objective) => ({
    objective,
    keyResults: ctx.keyResultsOf(objective.id),
  }));
  const byOwner = (o: Objective, kr: KeyResult): readonly string[] => [kr.ownerAccountId];
  const byTeam = (o: Objective): readonly string[] => (o.level === 'team' && o.teamId !== undefined ? [o.teamId] : []);
  const found: Finding[] = [];
  const ownersBefore = groupKrs(ctx.previous, byOwner);
  for (const [owner, krs] of groupKrs(current, byOwner)) {
    if (allPerfect(krs) && allPerfect(ownersBefore.get(owner) ?? [])) {
      found.push(finding('sandbagging-two-cycles', 'person', { kind: 'person', id: owner }, { person: owner }));
    }
  }
  const teamsBefore = groupKrs(ctx.previous, byTeam);
  for (const [teamId, krs] of groupKrs(current, byTeam)) {
    if (allPerfect(krs) && allPerfect(teamsBefore.get(teamId) ?? [])) {
      found.push(
        finding('sandbagging-two-cycles', 'team', { kind: 'team', id: teamId }, { team: ctx.teamName(teamId) }),
      );
    }
  }
  return found;
};
