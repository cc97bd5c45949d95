import { aLintInput, anObjective } from '../../../../test/support/builders';
import { lintCycle, lintObjectiveDraft } from '..';

const flags = (title: string): boolean =>
  lintObjectiveDraft({ title }).some((f) => f.ruleId === 'objective-has-numbers');

describe('objective-has-numbers', () => {
  it.each([
    'Achieve 85% onboarding completion rate',
    'Grow revenue to $1M',
    'Close €500k of enterprise pipeline',
    'Reach 10k weekly active teams',
    'Become the #1 HR platform',
    'Cut support backlog by 3.5x',
    'Onboard 40 customers in Q3 2027',
  ])('flags figures in %j', (title) => {
    expect(flags(title)).toBe(true);
  });

  it.each([
    'Deliver an exceptional onboarding experience for new enterprise clients',
    'Win the enterprise market by Q3',
    'Make onboarding delightful in Q3 2027',
    'Be the reference HR platform in 2027',
    'Lay the foundations in FY27',
    'Lay the foundations in FY2027',
    'Lay the foundations in FY 2027-28',
    'Ship our vision in H1, harvest it in H2',
    'Own the 1999-2000 nostalgia market',
    'Make B2B onboarding effortless on Web3',
  ])('does not flag time references or names in %j', (title) => {
    expect(flags(title)).toBe(false);
  });

  it('gives a warning naming the objective with a fix, on a draft target with an empty id', () => {
    const [found] = lintObjectiveDraft({ title: 'Achieve 85% onboarding completion rate' });
    expect(found).toMatchObject({
      ruleId: 'objective-has-numbers',
      severity: 'warning',
      target: { kind: 'objective', id: '' },
    });
    expect(found).toMatchObject({ variant: 'default', params: { title: 'Achieve 85% onboarding completion rate' } });
  });

  it('lints every non-archived objective of the cycle, and ignores archived ones', () => {
    const numeric = anObjective({ title: 'Hit 90% retention' });
    const archived = anObjective({ title: 'Hit 95% retention', status: 'archived' });
    const found = lintCycle(aLintInput({ objectives: [numeric, archived] })).filter(
      (f) => f.ruleId === 'objective-has-numbers',
    );
    expect(found.map((f) => f.target)).toEqual([{ kind: 'objective', id: numeric.id }]);
  });
});
