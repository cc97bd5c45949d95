import { aCycle } from '../../test/support/builders';
import { DomainError } from './errors';
import { cycleWeeks, defaultAsOf, frozenWeek } from './frozen-scorecard';

/** Q1 2027: Friday 1 January (ISO week 2026-W53) to Wednesday 31 March (2027-W13). */
const q1 = aCycle({ startDate: '2027-01-01', endDate: '2027-03-31' });

describe('cycleWeeks', () => {
  test('lists every ISO week the cycle touches, partial ones included', () => {
    const weeks = cycleWeeks(q1);
    expect(weeks[0]).toBe('2026-W53');
    expect(weeks[weeks.length - 1]).toBe('2027-W13');
    expect(weeks).toHaveLength(14);
  });
});

describe('defaultAsOf', () => {
  test('a closed cycle is frozen at its end; any other is live', () => {
    expect(defaultAsOf({ status: 'closed' })).toEqual({ kind: 'cycle-end' });
    expect(defaultAsOf({ status: 'review' })).toEqual({ kind: 'live' });
  });
});

describe('frozenWeek', () => {
  test('a live scorecard reads no snapshot', () => {
    expect(frozenWeek({ kind: 'live' }, q1, ['2027-W05'])).toBeNull();
  });

  test('reads the asked week’s snapshot', () => {
    expect(frozenWeek({ kind: 'week', week: '2027-W05' }, q1, ['2027-W04', '2027-W05', '2027-W06'])).toEqual({
      asked: '2027-W05',
      week: '2027-W05',
      exact: true,
    });
  });

  test('falls back to the latest earlier snapshot of the cycle, and says so', () => {
    expect(frozenWeek({ kind: 'week', week: '2027-W05' }, q1, ['2026-W40', '2027-W03', '2027-W07'])).toEqual({
      asked: '2027-W05',
      week: '2027-W03',
      exact: false,
    });
  });

  test('the cycle’s end is its last week', () => {
    expect(frozenWeek({ kind: 'cycle-end' }, q1, ['2027-W12', '2027-W13'])).toMatchObject({
      week: '2027-W13',
      exact: true,
    });
  });

  test('no snapshot yet is null, never live figures', () => {
    expect(frozenWeek({ kind: 'week', week: '2027-W02' }, q1, ['2027-W03'])).toBeNull();
  });

  test('refuses a week outside the cycle, naming the field', () => {
    expect(() => frozenWeek({ kind: 'week', week: '2027-W20' }, q1, [])).toThrow(DomainError);
    expect(() => frozenWeek({ kind: 'week', week: '2027-W20' }, q1, [])).toThrow(
      /must be a week of the cycle \(2026-W53 to 2027-W13\)/,
    );
  });
});
