import type { Finding, FindingTarget, Objective } from '../../../contract';
import type { CycleRule } from '../context';
import { groupBy } from '../context';
import { finding, plural } from '../finding';

const HINT =
  'Keep the few that matter most and archive or defer the rest, saying explicitly what is left out: ' +
  'more objectives split attention and the team under-delivers on all of them.';

/**
 * too-many-objectives: at most N (3) objectives per team, person or the company per cycle. One finding per
 * owner, not per objective, because the fix is a choice among them.
 */
export const tooManyObjectivesRule: CycleRule = (ctx) => {
  const max = ctx.maxObjectivesPerOwner;
  const found: Finding[] = [];
  const check = (objectives: readonly Objective[], target: FindingTarget, who: string): void => {
    if (objectives.length <= max) return;
    found.push(
      finding(
        'too-many-objectives',
        target,
        `${who} ${plural(objectives.length, 'objective')} this cycle; the method recommends at most ${max}.`,
        HINT,
      ),
    );
  };
  const atLevel = (level: Objective['level']): Objective[] => ctx.objectives.filter((o) => o.level === level);

  check(atLevel('company'), { kind: 'team', id: 'company' }, 'The company has');
  for (const [teamId, objectives] of groupBy(atLevel('team'), (o) => o.teamId)) {
    check(objectives, { kind: 'team', id: teamId }, `Team "${ctx.teamName(teamId)}" has`);
  }
  for (const [accountId, objectives] of groupBy(atLevel('individual'), (o) => o.ownerAccountId)) {
    check(objectives, { kind: 'person', id: accountId }, `The person ${accountId} has`);
  }
  return found;
};
