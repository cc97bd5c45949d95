import { aCycle, aKeyResult, anObjective } from '../../../test/support/builders';
import { derivedCurrent, withDerivedCurrents } from './refresh-initiatives';
import type { StoredInitiative } from '../model';

const initiative = (ratio: number | null, missing = false): StoredInitiative => ({
  id: 'abcdefghijkl-iaaaaaa',
  keyResultId: 'kr',
  issueKey: 'PAY-1',
  issueId: '1',
  linkedAt: '',
  linkedByAccountId: 'a',
  epic: { summary: '', statusName: '', statusCategory: 'new', projectId: '1', projectKey: 'PAY', progress: { done: 0, total: 0, excluded: 0, ratio, addedAfterStart: 0 }, missing, refreshedAt: 'x' },
});

describe('derivedCurrent', () => {
  it('maps the mean epic ratio onto the KR scale, decreasing KRs included', () => {
    expect(derivedCurrent({ id: 'kr', metric: { kind: 'number', start: 28, target: 10, current: 28 } }, [initiative(0.5), initiative(1)])).toBe(14.5);
  });

  it('ignores missing epics and epics with nothing in scope, and keeps the value without data', () => {
    expect(derivedCurrent({ id: 'kr', metric: { kind: 'percent', start: 0, target: 100, current: 5 } }, [initiative(null), initiative(1, true)])).toBeUndefined();
  });

  it('marks a binary KR done only when every epic is', () => {
    const binary = { id: 'kr', metric: { kind: 'binary' as const, start: 0, target: 1, current: 0 } };
    expect(derivedCurrent(binary, [initiative(1), initiative(0.9)])).toBe(0);
    expect(derivedCurrent(binary, [initiative(1)])).toBe(1);
  });
});

describe('withDerivedCurrents', () => {
  const kr = aKeyResult({ id: 'kr', progressSource: 'initiatives', metric: { kind: 'percent', start: 0, target: 100, current: 0, unit: '%' } });
  const aggregate = { objective: anObjective(), keyResults: [kr], initiatives: [initiative(0.5)], createdAt: '', updatedAt: '', version: 1 };

  it('puts a measured value that moved on the KR’s trail when refreshed from Jira', () => {
    const at = new Date('2027-01-31T00:00:00.000Z');
    const [measured] = withDerivedCurrents(aggregate, { cycle: aCycle(), now: at }).keyResults;
    expect(measured?.metric.current).toBe(50);
    expect(measured?.trail).toEqual([{ at: at.toISOString(), value: 50 }]);
    // 50 in 30 days, 59 more to go: past the target, a score of 1.
    expect(measured?.forecastScore).toBe(1);
  });

  it('leaves the trail alone on other changes', () => {
    expect(withDerivedCurrents(aggregate).keyResults[0]).not.toHaveProperty('trail');
  });
});
