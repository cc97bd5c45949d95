import { isIdOf, newCheckInId, newInitiativeId, newKeyResultId, objectiveIdOf } from './ids';
import { AppError } from './errors';

const ids = { random: (n: number) => 'a'.repeat(n), derive: (_seed: string, n: number) => 'b'.repeat(n) };

describe('hierarchical ids', () => {
  it('lead from a KR, initiative or check-in id to the objective', () => {
    const kr = newKeyResultId(ids, 'abcdefghijkl');
    expect(kr).toBe('abcdefghijkl-kaaaaaa');
    expect(objectiveIdOf('keyResult', kr, 'keyResultId')).toBe('abcdefghijkl');
    expect(objectiveIdOf('initiative', newInitiativeId(ids, 'abcdefghijkl'), 'initiativeId')).toBe('abcdefghijkl');
    expect(newCheckInId(ids, kr, new Date(0))).toBe(`${kr}-c0aaaa`);
    expect(isIdOf('objective', 'abcdefghijkl')).toBe(true);
  });

  it('reject malformed ids with VALIDATION naming the field', () => {
    expect(() => objectiveIdOf('keyResult', 'abcdefghijkl', 'keyResultId')).toThrow(AppError);
    try {
      objectiveIdOf('initiative', 'nope', 'initiativeId');
    } catch (error) {
      expect(error).toMatchObject({ code: 'VALIDATION', field: 'initiativeId' });
    }
  });
});
