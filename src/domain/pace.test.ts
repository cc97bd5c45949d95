import { aCycle } from '../../test/support/builders';
import { DAY_MS } from './calendar-day';
import { cycleElapsed, cycleSpan, expectedProgress, expectedValue, paceOf } from './pace';

/** Q1 2027: 2027-01-01 .. 2027-03-31, 90 days, ending 2027-04-01T00:00Z. */
const q1 = aCycle({ startDate: '2027-01-01', endDate: '2027-03-31' });
const start = Date.UTC(2027, 0, 1);
const dayOfQ1 = (days: number): Date => new Date(start + days * DAY_MS);

describe('cycleElapsed', () => {
  test('is 0 before the cycle starts', () => {
    expect(cycleElapsed(q1, new Date('2026-12-31T23:59:59.999Z'))).toBe(0);
    expect(cycleElapsed(q1, new Date('2026-06-01T00:00:00.000Z'))).toBe(0);
  });

  test('is 0 at the first instant of the start date', () => {
    expect(cycleElapsed(q1, new Date('2027-01-01T00:00:00.000Z'))).toBe(0);
  });

  test('is 0.5 halfway through the cycle', () => {
    expect(cycleElapsed(q1, dayOfQ1(45))).toBe(0.5);
  });

  test('counts the last day as a full day of the cycle', () => {
    expect(cycleElapsed(q1, new Date('2027-03-31T00:00:00.000Z'))).toBeCloseTo(89 / 90, 12);
    const lastMoment = cycleElapsed(q1, new Date('2027-03-31T23:59:59.999Z'));
    expect(lastMoment).toBeLessThan(1);
    expect(lastMoment).toBeGreaterThan(0.9999);
  });

  test('is 1 from the day after the end date on', () => {
    expect(cycleElapsed(q1, new Date('2027-04-01T00:00:00.000Z'))).toBe(1);
    expect(cycleElapsed(q1, new Date('2028-01-01T00:00:00.000Z'))).toBe(1);
  });

  test('reads the dates in UTC whatever offset now was written with', () => {
    expect(cycleElapsed(q1, new Date('2027-02-15T02:00:00.000+02:00'))).toBe(0.5);
  });

  test('fails loudly on an invalid now rather than returning NaN', () => {
    expect(() => cycleElapsed(q1, new Date('not a date'))).toThrow('cycleElapsed: now is an invalid Date');
  });

  test('fails loudly on a cycle date that is not a calendar day', () => {
    expect(() => cycleElapsed(aCycle({ endDate: '2027-02-30' }), dayOfQ1(1))).toThrow(RangeError);
  });
});

describe('expectedProgress', () => {
  test('follows a straight line from start to target across the cycle', () => {
    expect(expectedProgress(q1, dayOfQ1(0))).toBe(0);
    expect(expectedProgress(q1, dayOfQ1(18))).toBe(0.2);
    expect(expectedProgress(q1, dayOfQ1(45))).toBe(0.5);
    expect(expectedProgress(q1, dayOfQ1(90))).toBe(1);
  });
});

describe('paceOf', () => {
  const mid = dayOfQ1(45); // expected 0.5

  test('has no pace when nothing has been measured', () => {
    expect(paceOf(null, q1, mid)).toBeNull();
  });

  test.each([
    [1, 'ahead'],
    [0.6, 'ahead'],
    [0.59, 'on_pace'],
    [0.5, 'on_pace'],
    [0.41, 'on_pace'],
    [0.4, 'on_pace'],
    [0.39, 'behind'],
    [0, 'behind'],
  ])('at mid-cycle with the default tolerance 0.1, progress %p is %p', (progress, pace) => {
    expect(paceOf(progress, q1, mid)).toBe(pace);
  });

  test('counts exactly one tolerance above the line as ahead despite float noise (0.7 - 0.6)', () => {
    const day54 = dayOfQ1(54); // expected 0.6
    expect(paceOf(0.7, q1, day54)).toBe('ahead');
    expect(paceOf(0.5, q1, day54)).toBe('on_pace');
  });

  test('uses a custom tolerance', () => {
    expect(paceOf(0.65, q1, mid, { tolerance: 0.2 })).toBe('on_pace');
    expect(paceOf(0.7, q1, mid, { tolerance: 0.2 })).toBe('ahead');
    expect(paceOf(0.3, q1, mid, { tolerance: 0.2 })).toBe('on_pace');
    expect(paceOf(0.29, q1, mid, { tolerance: 0.2 })).toBe('behind');
  });

  test('expects nothing before the cycle starts, so any progress is on pace or ahead', () => {
    const before = new Date('2026-12-15T00:00:00.000Z');
    expect(paceOf(0, q1, before)).toBe('on_pace');
    expect(paceOf(0.1, q1, before)).toBe('ahead');
  });

  test('expects the target after the cycle ends', () => {
    const after = new Date('2027-04-10T00:00:00.000Z');
    expect(paceOf(1, q1, after)).toBe('on_pace');
    expect(paceOf(0.9, q1, after)).toBe('on_pace');
    expect(paceOf(0.89, q1, after)).toBe('behind');
  });

  test('on the last day, expects nearly the whole target', () => {
    const lastDay = new Date('2027-03-31T12:00:00.000Z');
    expect(paceOf(0.85, q1, lastDay)).toBe('behind');
    expect(paceOf(0.9, q1, lastDay)).toBe('on_pace');
  });
});

describe('cycleSpan and expectedValue', () => {
  test('a cycle spans its start date 00:00 UTC to the end of its end date', () => {
    expect(cycleSpan(q1)).toEqual({ start, end: Date.UTC(2027, 3, 1) });
  });

  test('the expected value moves on a straight line from start to target, also downwards', () => {
    expect(expectedValue({ start: 10, target: 40 }, q1, dayOfQ1(45))).toBe(25);
    expect(expectedValue({ start: 120, target: 40 }, q1, dayOfQ1(45))).toBe(80);
    expect(expectedValue({ start: 10, target: 40 }, q1, dayOfQ1(-5))).toBe(10);
    expect(expectedValue({ start: 10, target: 40 }, q1, dayOfQ1(200))).toBe(40);
  });
});
