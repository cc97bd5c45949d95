import { isoWeek } from './iso-week';

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
