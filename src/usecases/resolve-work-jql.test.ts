import { parseWorkCall, workFragment } from './resolve-work-jql';

const call = (over: Record<string, unknown> = {}) => ({
  precomputationId: 'p-1',
  clause: { field: 'issue', type: ['issue'], operator: 'in', functionName: 'keyResultWork', arguments: ['abcdefgh1234-k1a2b3'], ...over },
});

describe('parseWorkCall', () => {
  it('reads a call of either function, any case, with in or not in', () => {
    expect(parseWorkCall(call())).toMatchObject({ target: { kind: 'keyResult', id: 'abcdefgh1234-k1a2b3' } });
    expect(parseWorkCall(call({ functionName: 'OBJECTIVEWORK', arguments: [' abcdefgh1234 '], operator: 'not in' }))).toMatchObject({
      target: { kind: 'objective', id: 'abcdefgh1234' },
      clause: { operator: 'not in' },
    });
  });

  it('refuses other functions, operators, argument counts and shapes', () => {
    expect(parseWorkCall(call({ functionName: 'otherWork' }))).toBeUndefined();
    expect(parseWorkCall(call({ operator: '=' }))).toBeUndefined();
    expect(parseWorkCall(call({ arguments: [] }))).toBeUndefined();
    expect(parseWorkCall(call({ arguments: ['a', 'b'] }))).toBeUndefined();
    expect(parseWorkCall({ clause: 'issue in keyResultWork("x")' })).toBeUndefined();
    expect(parseWorkCall(undefined)).toBeUndefined();
  });
});

describe('workFragment', () => {
  it('names the epics and their children by id, in id order without repeats', () => {
    expect(workFragment(['10020', '10003', '10020'], 'in')).toBe('issue in (10003, 10020) OR parent in (10003, 10020)');
  });

  it('negates the whole set with not in', () => {
    expect(workFragment(['10003'], 'not in')).toBe('NOT (issue in (10003) OR parent in (10003))');
  });

  it('matches nothing without epics, everything with not in', () => {
    expect(workFragment([], 'in')).toBe('issue = 0');
    expect(workFragment([], 'not in')).toBe('issue != 0');
  });
});
