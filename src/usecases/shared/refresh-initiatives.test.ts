import { derivedCurrent } from './refresh-initiatives';
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
