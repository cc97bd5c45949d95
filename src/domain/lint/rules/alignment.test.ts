import { aLintInput, anObjective } from '../../../../test/support/builders';
import { lintCycle } from '..';
import type { LintRuleId, Objective } from '../../../contract';

const findings = (ruleId: LintRuleId, objectives: Objective[]) =>
  lintCycle(aLintInput({ objectives })).filter((f) => f.ruleId === ruleId);
const company = anObjective({ id: 'company-goal', level: 'company', title: 'Win enterprise' });
const team = (over: Partial<Objective> = {}): Objective => anObjective({ level: 'team', teamId: 'team-pay', ...over });

describe('team-objective-not-aligned', () => {
  const notAligned = (objectives: Objective[]) => findings('team-objective-not-aligned', objectives);

  it('flags a team objective with no parent, naming it', () => {
    const orphan = team({ title: 'Speed up payouts' });
    const found = notAligned([orphan]);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ severity: 'warning', target: { kind: 'objective', id: orphan.id } });
    expect(found[0]).toMatchObject({ variant: 'default', params: { title: 'Speed up payouts' } });
  });

  it('accepts a company objective as parent or as a more distant ancestor', () => {
    const middle = team({ id: 'team-middle', parentObjectiveId: company.id });
    const leaf = team({ parentObjectiveId: middle.id });
    expect(notAligned([company, middle, leaf])).toEqual([]);
  });

  it('flags a parent that is not among the objectives, or archived', () => {
    const archivedCompany = anObjective({ level: 'company', status: 'archived' });
    const lost = team({ parentObjectiveId: 'not-here' });
    const stranded = team({ parentObjectiveId: archivedCompany.id });
    expect(notAligned([archivedCompany, lost, stranded]).map((f) => f.target.id)).toEqual(
      [lost.id, stranded.id].sort(),
    );
  });

  it('terminates on a cycle in the parent graph and reports every objective in it', () => {
    const a = team({ id: 'loop-a', parentObjectiveId: 'loop-b' });
    const b = team({ id: 'loop-b', parentObjectiveId: 'loop-c' });
    const c = team({ id: 'loop-c', parentObjectiveId: 'loop-a' });
    const self = team({ id: 'loop-self', parentObjectiveId: 'loop-self' });
    expect(notAligned([a, b, c, self]).map((f) => f.target.id)).toEqual(['loop-a', 'loop-b', 'loop-c', 'loop-self']);
  });

  it('does not apply to company or individual objectives', () => {
    expect(notAligned([company, anObjective({ level: 'individual' })])).toEqual([]);
  });
});

describe('individual-objective-not-aligned', () => {
  it('notes an individual objective without a parent, and not one with a parent', () => {
    const loose = anObjective({ level: 'individual', title: 'Learn the payments domain' });
    const linked = anObjective({ level: 'individual', parentObjectiveId: company.id });
    const found = findings('individual-objective-not-aligned', [company, loose, linked]);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ severity: 'info', target: { kind: 'objective', id: loose.id } });
    expect(found[0]).toMatchObject({ variant: 'default', params: { title: 'Learn the payments domain' } });
  });
});

describe('aligned-to-archived-parent', () => {
  it('flags a live objective whose parent is archived, naming both', () => {
    const oldGoal = anObjective({ level: 'company', status: 'archived', title: 'Expand to APAC' });
    const child = team({ title: 'Localise checkout', parentObjectiveId: oldGoal.id });
    const found = findings('aligned-to-archived-parent', [oldGoal, child]);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ severity: 'warning', target: { kind: 'objective', id: child.id } });
    expect(found[0]?.params).toEqual({ title: 'Localise checkout', parent: 'Expand to APAC' });
  });

  it('ignores archived children, live parents, unknown parents and objectives without a parent', () => {
    const oldGoal = anObjective({ level: 'company', status: 'archived' });
    const objectives = [
      oldGoal,
      company,
      team({ status: 'archived', parentObjectiveId: oldGoal.id }),
      team({ parentObjectiveId: company.id }),
      team({ parentObjectiveId: 'not-here' }),
      team(),
    ];
    expect(findings('aligned-to-archived-parent', objectives)).toEqual([]);
  });
});
