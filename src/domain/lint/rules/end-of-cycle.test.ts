import type { LintInput } from '..';
import { aCycle, aKeyResult, aLintInput, aMetric, aTeam, anObjective } from '../../../../test/support/builders';
import { lintCycle } from '..';
import type { CycleStatus, KeyResult, LintRuleId, Objective } from '../../../contract';

const done = aMetric({ start: 82, target: 92, current: 92 });
const partway = aMetric({ start: 82, target: 92, current: 88 });
const run = (ruleId: LintRuleId, over: Partial<LintInput>, status: CycleStatus = 'review') =>
  lintCycle(aLintInput({ cycle: aCycle({ status }), ...over })).filter((f) => f.ruleId === ruleId);
const krs = (o: Objective, ...over: Partial<KeyResult>[]): KeyResult[] =>
  over.map((kr) => aKeyResult({ objectiveId: o.id, ...kr }));

describe('sandbagging on an objective', () => {
  const objective = anObjective({ title: 'Make enterprise customers successful' });

  it.each(['review', 'closed'] as const)('flags 2+ KRs all at 1.0 while the cycle is in %s', (status) => {
    const found = run(
      'sandbagging',
      { objectives: [objective], keyResults: krs(objective, { metric: done }, { metric: done }) },
      status,
    );
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ severity: 'warning', target: { kind: 'objective', id: objective.id } });
    expect(found[0]).toMatchObject({ variant: 'objective', params: { title: 'Make enterprise customers successful' } });
  });

  it('honours the score given at review over the measured progress', () => {
    const graded = krs(objective, { metric: partway, finalScore: 1 }, { metric: done });
    const downgraded = krs(objective, { metric: done, finalScore: 0.7 }, { metric: done });
    expect(run('sandbagging', { objectives: [objective], keyResults: graded })).toHaveLength(1);
    expect(run('sandbagging', { objectives: [objective], keyResults: downgraded })).toEqual([]);
  });

  it('does not flag a single KR at 1.0, nor any KR below 1.0', () => {
    expect(run('sandbagging', { objectives: [objective], keyResults: krs(objective, { metric: done }) })).toEqual([]);
    const mixed = krs(objective, { metric: done }, { metric: partway });
    expect(run('sandbagging', { objectives: [objective], keyResults: mixed })).toEqual([]);
  });

  it.each(['planning', 'active'] as const)('does not apply while the cycle is %s', (status) => {
    const keyResults = krs(objective, { metric: done }, { metric: done });
    expect(run('sandbagging', { objectives: [objective], keyResults }, status)).toEqual([]);
  });

  it('never presents the score as a performance rating', () => {
    const [found] = run('sandbagging', {
      objectives: [objective],
      keyResults: krs(objective, { metric: done }, { metric: done }),
    });
    // The words (never a performance rating) are checked in both languages in test/ui/finding-words.test.ts.
    expect(found).toMatchObject({ ruleId: 'sandbagging', variant: 'objective' });
  });
});

describe('sandbagging on a team', () => {
  const team = aTeam({ name: 'Payments' });
  const teamObjective = () => anObjective({ level: 'team', teamId: team.id });
  const teamFindings = (objectives: Objective[], keyResults: KeyResult[]) =>
    run('sandbagging', { teams: [team], objectives, keyResults }).filter((f) => f.target.kind === 'team');

  it('flags the team once when every scored objective (2+) is all at 1.0', () => {
    const [a, b, unscored] = [teamObjective(), teamObjective(), teamObjective()];
    const found = teamFindings(
      [a, b, unscored],
      [...krs(a, { metric: done }), ...krs(b, { metric: done }, { metric: done })],
    );
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ severity: 'warning', target: { kind: 'team', id: team.id } });
    expect(found[0]).toMatchObject({ variant: 'team', params: { team: 'Payments' } });
  });

  it('does not flag a team with a single scored objective, or one objective below 1.0', () => {
    const [a, b] = [teamObjective(), teamObjective()];
    expect(teamFindings([a], krs(a, { metric: done }))).toEqual([]);
    expect(teamFindings([a, b], [...krs(a, { metric: done }), ...krs(b, { metric: partway })])).toEqual([]);
  });
});

describe('missing-retrospective', () => {
  const published = anObjective({ title: 'Make enterprise customers successful' });
  const written = anObjective({ retrospective: { drove: 'The playbook drove retention.', didNot: 'Referrals lagged.' } });
  const blank = anObjective({ retrospective: { learned: '   ' } });
  const draft = anObjective({ status: 'draft' });

  it.each(['review', 'closed'] as const)('notes published objectives without a retrospective in %s', (status) => {
    const found = run('missing-retrospective', { objectives: [published, written, blank, draft] }, status);
    expect(found.map((f) => f.target.id)).toEqual([published.id, blank.id].sort());
    expect(found.every((f) => f.severity === 'info')).toBe(true);
    expect(found.find((f) => f.target.id === published.id)?.params).toEqual({
      title: 'Make enterprise customers successful',
    });
  });

  it.each(['planning', 'active'] as const)('does not apply while the cycle is %s', (status) => {
    expect(run('missing-retrospective', { objectives: [published] }, status)).toEqual([]);
  });
});
