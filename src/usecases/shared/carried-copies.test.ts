import { aCycle } from '../../../test/support/builders';
import { CARRY_TARGETS, nextCycles } from './carried-copies';

describe('nextCycles', () => {
  const q1 = aCycle({ id: 'q1', kind: 'quarterly', startDate: '2027-01-01', endDate: '2027-03-31' });
  const q2 = aCycle({ id: 'q2', kind: 'quarterly', startDate: '2027-04-01', endDate: '2027-06-30' });
  const year = aCycle({ id: 'y', kind: 'annual', startDate: '2027-02-01', endDate: '2028-01-31' });
  const q0 = aCycle({ id: 'q0', kind: 'quarterly', startDate: '2026-10-01', endDate: '2026-12-31' });

  it('puts the next cycle of its kind first, then the nearest later ones of any kind', () => {
    expect(nextCycles([q0, q1, year, q2], q1).map((c) => c.id)).toEqual(['q2', 'y']);
  });

  it('has none for the latest cycle, and never more than CARRY_TARGETS', () => {
    expect(nextCycles([q0, q1, q2], q2)).toEqual([]);
    const many = Array.from({ length: 8 }, (_, i) => aCycle({ id: `c${String(i)}`, startDate: `2028-0${String(i + 1)}-01`, endDate: `2028-0${String(i + 1)}-28` }));
    expect(nextCycles([q1, ...many], q1)).toHaveLength(CARRY_TARGETS);
  });
});
