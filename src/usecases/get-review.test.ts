import { midCycleForecast, midCycleWeeks } from './get-review';

/** A 13-week quarter: Monday 2027-01-04 (2027-W01) to Sunday 2027-04-04 (2027-W13). */
const quarter = { startDate: '2027-01-04', endDate: '2027-04-04' };
const metric = { kind: 'number' as const, start: 0, target: 100, current: 0 };
const kr = { id: 'abcdefgh1234-kaaaaaa', metric };

describe('midCycleWeeks', () => {
  it('is the middle ISO week and up to five weeks before it', () => {
    expect(midCycleWeeks(quarter)).toEqual({ middle: '2027-W07', weeks: ['2027-W02', '2027-W03', '2027-W04', '2027-W05', '2027-W06', '2027-W07'] });
  });

  it('takes what weeks there are in a short cycle', () => {
    expect(midCycleWeeks({ startDate: '2027-01-04', endDate: '2027-01-17' })).toEqual({ middle: '2027-W02', weeks: ['2027-W01', '2027-W02'] });
  });

  it('has none for a cycle that ends before it starts', () => {
    expect(midCycleWeeks({ startDate: '2027-01-10', endDate: '2027-01-01' })).toBeUndefined();
  });
});

describe('midCycleForecast', () => {
  const snapshot = (week: string, value: number) => ({ week, values: { [kr.id]: value } });

  it('is null without the middle week’s snapshot of the KR', () => {
    expect(midCycleForecast(kr, quarter, [snapshot('2027-W06', 40)])).toBeNull();
    expect(midCycleForecast(kr, quarter, [{ week: '2027-W07', values: { other: 3 } }])).toBeNull();
  });

  it('extends the trend of the weeks up to the middle to the cycle’s end', () => {
    // 10 a week: 50 at the end of W06, 60 at the end of W07; six more weeks to the end: 120, clamped to 1.
    expect(midCycleForecast(kr, quarter, [snapshot('2027-W06', 50), snapshot('2027-W07', 60)])).toBe(1);
    // 2 a week from 20: 32 by the end, a score of 0.32.
    expect(midCycleForecast(kr, quarter, [snapshot('2027-W06', 18), snapshot('2027-W07', 20)])).toBeCloseTo(0.32, 2);
  });

  it('is null for a binary KR', () => {
    const binary = { id: kr.id, metric: { kind: 'binary' as const, start: 0, target: 1, current: 0 } };
    expect(midCycleForecast(binary, quarter, [snapshot('2027-W07', 0)])).toBeNull();
  });
});
