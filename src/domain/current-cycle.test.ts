import { aCycle } from '../../test/support/builders';
import { currentCycle, previousCycle } from './current-cycle';

const c = (id: string, status: 'planning' | 'active' | 'review' | 'closed') => ({ id, status });

describe('currentCycle', () => {
  test('is the latest active cycle', () => {
    expect(currentCycle([c('q1', 'active'), c('q2', 'active'), c('q3', 'planning')])?.id).toBe('q2');
  });

  test('falls back to the latest in review, then to the latest by start', () => {
    expect(currentCycle([c('q1', 'review'), c('q2', 'closed'), c('q3', 'planning')])?.id).toBe('q1');
    expect(currentCycle([c('q1', 'closed'), c('q2', 'planning')])?.id).toBe('q2');
  });

  test('is undefined when there is no cycle', () => {
    expect(currentCycle<{ status: 'active' }>([])).toBeUndefined();
  });
});

describe('previousCycle', () => {
  const q = (id: string, startDate: string, endDate: string, kind: 'quarterly' | 'annual' = 'quarterly') =>
    aCycle({ id, startDate, endDate, kind });
  const q4 = q('q4', '2026-10-01', '2026-12-31');
  const q1 = q('q1', '2027-01-01', '2027-03-31');
  const year = q('y', '2026-01-01', '2026-12-31', 'annual');
  const q3 = q('q3', '2026-07-01', '2026-09-30');

  test('is the cycle of the same kind that ended last before it began', () => {
    expect(previousCycle([q3, year, q4, q1], q1)?.id).toBe('q4');
    expect(previousCycle([q3, q4, q1], q4)?.id).toBe('q3');
    expect(previousCycle([q4, q3, q1], q1)?.id).toBe('q4');
  });

  test('a first cycle has none', () => {
    expect(previousCycle([q1, year], q1)).toBeUndefined();
  });
});
