import { isoWeek } from './iso-week';
import { weekDays, weekDaysIn } from './week-days';

describe('weekDays', () => {
  it('runs Monday to Sunday', () => {
    expect(weekDays('2027-W05')).toEqual({ first: '2027-02-01', last: '2027-02-07' });
  });

  it('puts week 1 where January 4th is, across the year boundary', () => {
    // 2026-01-01 is a Thursday: week 1 starts on Monday 2025-12-29.
    expect(weekDays('2026-W01')).toEqual({ first: '2025-12-29', last: '2026-01-04' });
    // 2021-01-04 is a Monday: week 1 starts on it.
    expect(weekDays('2021-W01')).toEqual({ first: '2021-01-04', last: '2021-01-10' });
    expect(weekDays('2026-W53')).toEqual({ first: '2026-12-28', last: '2027-01-03' });
  });

  it('agrees with isoWeek on every day of two years', () => {
    for (let t = Date.UTC(2026, 0, 1); t < Date.UTC(2028, 0, 1); t += 86_400_000) {
      const day = new Date(t);
      const { first, last } = weekDays(isoWeek(day));
      const iso = day.toISOString().slice(0, 10);
      expect(first <= iso && iso <= last).toBe(true);
    }
  });

  it('refuses what is not an ISO week', () => {
    expect(() => weekDays('2027-05')).toThrow(RangeError);
    expect(() => weekDays('2027-W00')).toThrow(RangeError);
    expect(() => weekDays('2027-W54')).toThrow(RangeError);
  });
});

describe('weekDaysIn', () => {
  const cycle = { startDate: '2027-01-06', endDate: '2027-03-31' };
  it('clips the first and last week to the cycle', () => {
    expect(weekDaysIn('2027-W01', cycle)).toEqual({ first: '2027-01-06', last: '2027-01-10' });
    expect(weekDaysIn('2027-W13', cycle)).toEqual({ first: '2027-03-29', last: '2027-03-31' });
    expect(weekDaysIn('2027-W05', cycle)).toEqual({ first: '2027-02-01', last: '2027-02-07' });
  });
});
