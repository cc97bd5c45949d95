import type { LintInput } from '..';
import { aCycle, aKeyResult, aLintInput, aMetric, aTeam, anObjective } from '../../../../test/support/builders';
import { lintCycle } from '..';
import type { CycleStatus, KeyResult, LintRuleId, Objective } from '../../../contract';

const run = (ruleId: LintRuleId, over: Partial<LintInput>, status: CycleStatus = 'review') =>
  lintCycle(aLintInput({ cycle: aCycle({ status }), ...over })).filter((f) => f.ruleId === ruleId);

describe('team-objective-top-down', () => {
  const team = aTeam({ name: 'Payments', memberAccountIds: ['priya', 'sam'] });
  const teamObjective = (authorship: Objective['authorship']): Objective =>
    anObjective({ title: 'Make checkout effortless', level: 'team', teamId: team.id, authorship });

  it('flags a team objective drafted and edited only by people outside the team', () => {
    const objective = teamObjective({ createdBy: 'ceo', editors: ['vp'] });
    const found = run('team-objective-top-down', { teams: [team], objectives: [objective] }, 'active');
    expect(found).toEqual([
      expect.objectContaining({
        severity: 'warning',
        target: { kind: 'objective', id: objective.id },
        params: { title: 'Make checkout effortless', team: 'Payments' },
      }),
    ]);
  });

  it('is satisfied once a team member drafted or edited it', () => {
    expect(
      run('team-objective-top-down', {
        teams: [team],
        objectives: [teamObjective({ createdBy: 'ceo', editors: ['sam'] })],
      }),
    ).toEqual([]);
    expect(
      run('team-objective-top-down', {
        teams: [team],
        objectives: [teamObjective({ createdBy: 'priya', editors: [] })],
      }),
    ).toEqual([]);
  });

  it('does not judge objectives whose authorship is unknown, or teams without members', () => {
    const ghost = anObjective({ level: 'team', teamId: 'ghost-team', authorship: { createdBy: 'ceo', editors: [] } });
    expect(run('team-objective-top-down', { teams: [team], objectives: [ghost] })).toEqual([]);
    expect(run('team-objective-top-down', { teams: [team], objectives: [teamObjective(undefined)] })).toEqual([]);
    expect(run('team-objective-top-down', { teams: [team], objectives: [teamObjective({ editors: ['ceo'] })] })).toEqual([]);
    const empty = aTeam({ id: team.id, name: 'Payments', memberAccountIds: [] });
    expect(
      run('team-objective-top-down', {
        teams: [empty],
        objectives: [teamObjective({ createdBy: 'ceo', editors: [] })],
      }),
    ).toEqual([]);
  });
});

describe('sandbagging-two-cycles', () => {
  const done = aMetric({ start: 0, target: 10, current: 10 });
  const partway = aMetric({ start: 0, target: 10, current: 6 });
  const team = aTeam({ name: 'Payments' });
  const setOf = (cycleId: string, ownerAccountId: string, ...metrics: (typeof done)[]) => {
    const objective = anObjective({ cycleId, level: 'team', teamId: team.id, status: 'published' });
    const keyResults: KeyResult[] = metrics.map((metric) =>
      aKeyResult({ objectiveId: objective.id, ownerAccountId, metric }),
    );
    return { objectives: [objective], keyResults };
  };

  it('flags the owner and the team who scored 1.0 on every KR two cycles running', () => {
    const now = setOf('c2', 'priya', done, done);
    const before = setOf('c1', 'priya', done, done);
    const found = run('sandbagging-two-cycles', { teams: [team], ...now, previous: before });
    expect(found.map((f) => [f.variant, f.target])).toEqual([
      ['person', { kind: 'person', id: 'priya' }],
      ['team', { kind: 'team', id: team.id }],
    ]);
  });

  it('judges each owner and team against their own cycle before, and company objectives for owners only', () => {
    const now = setOf('c2', 'priya', done, done);
    const other = aTeam({ name: 'Growth' });
    const growth = anObjective({ cycleId: 'c2', level: 'team', teamId: other.id, status: 'published' });
    const company = anObjective({ cycleId: 'c2', level: 'company', status: 'published' });
    const before = setOf('c1', 'priya', done, done);
    // A draft of the cycle before, with no KRs: counts for nobody.
    const empty = anObjective({ cycleId: 'c1', level: 'team', teamId: team.id, status: 'draft' });
    const found = run('sandbagging-two-cycles', {
      teams: [team, other],
      objectives: [...now.objectives, growth, company],
      keyResults: [
        ...now.keyResults,
        ...[1, 2].map(() => aKeyResult({ objectiveId: growth.id, ownerAccountId: 'noor', metric: done })),
        ...[1, 2].map(() => aKeyResult({ objectiveId: company.id, ownerAccountId: 'noor', metric: done })),
      ],
      previous: { objectives: [...before.objectives, empty], keyResults: before.keyResults },
    });
    expect(found.map((f) => f.target)).toEqual([
      { kind: 'person', id: 'priya' },
      { kind: 'team', id: team.id },
    ]);
  });

  it('one perfect cycle is not a pattern', () => {
    const now = setOf('c2', 'priya', done, done);
    expect(
      run('sandbagging-two-cycles', { teams: [team], ...now, previous: setOf('c1', 'priya', done, partway) }),
    ).toEqual([]);
    expect(run('sandbagging-two-cycles', { teams: [team], ...now })).toEqual([]);
  });

  it('only judges a cycle in review or closed', () => {
    const now = setOf('c2', 'priya', done, done);
    expect(
      run('sandbagging-two-cycles', { teams: [team], ...now, previous: setOf('c1', 'priya', done, done) }, 'active'),
    ).toEqual([]);
  });
});
