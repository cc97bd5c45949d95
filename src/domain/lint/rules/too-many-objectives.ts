import type { Finding, FindingTarget, Objective } from '../../../contract';
import type { CycleRule } from '../context';
import { groupBy } from '../context';
import { finding } from '../finding';

/**
 * too-many-objectives: at most N (3) objectives per team, per person and for the company in a cycle
 * (the lint runs over one cycle, so each group is one owner's objectives in that cycle). One finding per
 * owner, not per objective, because the fix is a choice among them.
 */
export const tooManyObjectivesRule: CycleRule = (ctx) => {
  const max = ctx.maxObjectivesPerOwner;
  const found: Finding[] = [];
  const check = (
    objectives: readonly Objective[],
    variant: 'company' | 'team' | 'person',
    target: FindingTarget,
    who: Readonly<Record<string, string>>,
  ): void => {
    if (objectives.length > max)
      found.push(finding('too-many-objectives', variant, target, { ...who, count: objectives.length, max }));
  };
  const atLevel = (level: Objective['level']): Objective[] => ctx.objectives.filter((o) => o.level === level);

  check(atLevel('company'), 'company', { kind: 'team', id: 'company' }, {});
  for (const [teamId, objectives] of groupBy(atLevel('team'), (o) => o.teamId)) {
    check(objectives, 'team', { kind: 'team', id: teamId }, { team: ctx.teamName(teamId) });
  }
  // The account id: the reader shows the person's name where it can (findingMessage's personName).
  for (const [accountId, objectives] of groupBy(atLevel('individual'), (o) => o.ownerAccountId)) {
    check(objectives, 'person', { kind: 'person', id: accountId }, { person: accountId });
  }
  return found;
};
