import type { Finding, KeyResult } from '../../../contract';
import { keyResultScore } from '../../score';
import type { CycleRule, LintContext } from '../context';
import { groupBy } from '../context';
import { finding, objectiveTarget } from '../finding';
import { hasRetrospective } from '../../retrospective-draft';

const isScoring = (ctx: LintContext): boolean => ctx.cycle.status === 'review' || ctx.cycle.status === 'closed';

/** All KRs at 1.0, by the score given at review when there is one (keyResultScore honours finalScore). */
const allPerfect = (krs: readonly KeyResult[]): boolean => krs.every((kr) => keyResultScore(kr) >= 1);

/**
 * sandbagging: 1.0 on everything means the goals were not ambitious enough. Flagged per objective (2+ KRs)
 * and, when every scored team objective (2+) is all-1.0, once on the team.
 */
export const sandbaggingRule: CycleRule = (ctx) => {
  if (!isScoring(ctx)) return [];
  const found: Finding[] = ctx.objectives
    .filter((o) => {
      const krs = ctx.keyResultsOf(o.id);
      return krs.length >= 2 && allPerfect(krs);
    })
    .map((o) => finding('sandbagging', 'objective', objectiveTarget(o.id), { title: o.title }));
  const teamObjectives = ctx.objectives.filter((o) => o.level === 'team');
  for (const [teamId, objectives] of groupBy(teamObjectives, (o) => o.teamId)) {
    const scored = objectives.map((o) => ctx.keyResultsOf(o.id)).filter((krs) => krs.length > 0);
    if (scored.length < 2 || !scored.every(allPerfect)) continue;
    found.push(finding('sandbagging', 'team', { kind: 'team', id: teamId }, { team: ctx.teamName(teamId) }));
  }
  return found;
};

/** missing-retrospective: the review step ends with what drove progress and what did not. */
export const missingRetrospectiveRule: CycleRule = (ctx) => {
  if (!isScoring(ctx)) return [];
  return ctx.objectives
    .filter((o) => o.status === 'published' && !hasRetrospective(o.retrospective))
    .map((o) => finding('missing-retrospective', 'default', objectiveTarget(o.id), { title: o.title }));
};
