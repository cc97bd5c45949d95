import { aCycle, aLintInput, anObjective } from '../../../../test/support/builders';
import { lintCycle } from '..';
import type { CycleStatus, LintRuleId, Objective } from '../../../contract';

const findings = (ruleId: LintRuleId, objectives: Objective[], status: CycleStatus = 'planning') =>
  lintCycle(aLintInput({ cycle: aCycle({ name: 'Q1 2027', status }), objectives })).filter((f) => f.ruleId === ruleId);

describe('draft-without-reviewer', () => {
  it('flags a draft with no review owner, naming it', () => {
    const draft = anObjective({ status: 'draft', reviewerAccountId: undefined, title: 'Delight new admins' });
    const found = findings('draft-without-reviewer', [draft]);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ severity: 'warning', target: { kind: 'objective', id: draft.id } });
    expect(found[0]).toMatchObject({ variant: 'default', params: { title: 'Delight new admins' } });
  });

  it('does not flag a reviewed draft, nor a published objective without reviewer', () => {
    const objectives = [anObjective({ status: 'draft' }), anObjective({ reviewerAccountId: undefined })];
    expect(findings('draft-without-reviewer', objectives)).toEqual([]);
  });
});

describe('reviewer-is-owner', () => {
  it('notes an objective reviewed by its own owner', () => {
    const selfReviewed = anObjective({ ownerAccountId: 'acc-alice', reviewerAccountId: 'acc-alice' });
    const found = findings('reviewer-is-owner', [selfReviewed]);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ severity: 'info', target: { kind: 'objective', id: selfReviewed.id } });
  });

  it('does not note a different reviewer, nor a missing one', () => {
    const objectives = [anObjective(), anObjective({ status: 'draft', reviewerAccountId: undefined })];
    expect(findings('reviewer-is-owner', objectives)).toEqual([]);
  });
});

describe('draft-in-active-cycle', () => {
  const draft = anObjective({ status: 'draft', title: 'Delight new admins' });

  it.each(['active', 'review'] as const)('flags a draft while the cycle is %s, in words for that phase', (status) => {
    const found = findings('draft-in-active-cycle', [draft, anObjective()], status);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ severity: 'warning', target: { kind: 'objective', id: draft.id } });
    expect(found[0]).toMatchObject({ variant: status, params: { title: 'Delight new admins', cycle: 'Q1 2027' } });
  });

  it.each(['planning', 'closed'] as const)('does not flag a draft while the cycle is %s', (status) => {
    expect(findings('draft-in-active-cycle', [draft], status)).toEqual([]);
  });
});
