import { checkInDue, isoWeek, weekStartUtc } from './iso-week';

describe('isoWeek', () => {
  it.each([
    ['2026-01-01T12:00:00Z', '2026-W01'],
    ['2027-01-01T12:00:00Z', '2026-W53'],
    ['2026-11-23T00:00:00Z', '2026-W48'],
    ['2024-12-30T00:00:00Z', '2025-W01'],
    ['2026-01-04T23:59:59Z', '2026-W01'],
  ])('%s is in %s', (instant, week) => {
    expect(isoWeek(new Date(instant))).toBe(week);
  });
});

describe('weekStartUtc', () => {
  it('is Monday 00:00 UTC of the week, whatever the time of day or weekday', () => {
    expect(new Date(weekStartUtc(new Date('2026-11-29T23:59:59Z'))).toISOString()).toBe('2026-11-23T00:00:00.000Z');
    expect(new Date(weekStartUtc(new Date('2026-11-30T00:00:00Z'))).toISOString()).toBe('2026-11-30T00:00:00.000Z');
    expect(new Date(weekStartUtc(new Date('2026-12-02T13:00:00Z'))).toISOString()).toBe('2026-11-30T00:00:00.000Z');
  });
});

describe('checkInDue', () => {
  const now = new Date('2026-12-02T13:00:00Z');
  it('is due when stale, never checked in, or last checked in before Monday', () => {
    expect(checkInDue({ stale: true, lastCheckIn: { at: '2026-12-01T09:00:00Z' } }, now)).toBe(true);
    expect(checkInDue({ stale: false }, now)).toBe(true);
    expect(checkInDue({ stale: false, lastCheckIn: { at: '2026-11-29T23:00:00Z' } }, now)).toBe(true);
  });
  it('is not due after a check-in this week', () => {
    expect(checkInDue({ stale: false, lastCheckIn: { at: '2026-11-30T00:00:00Z' } }, now)).toBe(false);
  });
});
