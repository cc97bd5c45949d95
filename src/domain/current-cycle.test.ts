import { currentCycle } from './current-cycle';

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
