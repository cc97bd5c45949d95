import { aCycle } from '../../test/support/builders';
import { DAY_MS } from './calendar-day';
import type { TrailPoint } from './forecast';
import {
  TRAIL_WEEKS,
  addToTrail,
  forecastDisagreement,
  forecastOf,
  suggestedConfidence,
  trailOf,
  trendOf,
} from './forecast';

/** Q1 2027: 90 days, 2027-01-01T00:00Z to 2027-04-01T00:00Z. */
const q1 = aCycle({ startDate: '2027-01-01', endDate: '2027-03-31' });
const start = Date.UTC(2027, 0, 1);
const day = (n: number): string => new Date(start + n * DAY_MS).toISOString();
const point = (n: number, value: number): TrailPoint => ({ at: day(n), value });
const numeric = { kind: 'number', start: 0, target: 100 } as const;

describe('forecastOf', () => {
  test('has nothing to say without history', () => {
    expect(forecastOf({ metric: numeric, trail: [], cycle: q1 })).toBeNull();
  });

  test('with one point, draws the line from the start value through it', () => {
    // 30 after 30 days: 1 a day, 60 more days to go.
    const f = forecastOf({ metric: numeric, trail: [point(30, 30)], cycle: q1 });
    expect(f).toEqual({ value: 90, score: 0.9, by: '2027-03-31', basis: 'since-start', weeks: 4, disagreement: null });
  });

  test('one point on the first day has no slope yet', () => {
    expect(forecastOf({ metric: numeric, trail: [{ at: day(0.5), value: 5 }], cycle: q1 })).toBeNull();
  });

  test('a flat trend forecasts the latest value', () => {
    const f = forecastOf({ metric: numeric, trail: [point(14, 40), point(21, 40), point(28, 40)], cycle: q1 });
    expect(f).toMatchObject({ value: 40, score: 0.4, basis: 'trend', weeks: 2 });
  });

  test('a rising trend is carried from the latest value to the end', () => {
    // +7 a week (1 a day) from 20 at day 28: 20 + 62 = 82.
    const f = forecastOf({ metric: numeric, trail: [point(14, 6), point(21, 13), point(28, 20)], cycle: q1 });
    expect(f?.value).toBeCloseTo(82, 6);
    expect(f?.score).toBe(0.82);
  });

  test('a falling trend on a KR to increase scores low, clamped at 0', () => {
    const f = forecastOf({ metric: numeric, trail: [point(14, 30), point(21, 20), point(28, 10)], cycle: q1 });
    expect(f?.value).toBeLessThan(0);
    expect(f?.score).toBe(0);
  });

  test('a KR to decrease scores by how far down it will get', () => {
    const reduce = { kind: 'number', start: 28, target: 10 } as const;
    // 28 -> 19 over 45 days: -0.2 a day, 45 days left: 10, the target.
    const f = forecastOf({ metric: reduce, trail: [point(45, 19)], cycle: q1 });
    expect(f?.value).toBeCloseTo(10, 6);
    expect(f?.score).toBe(1);
  });

  test('only the last 4 weeks before the latest value draw the trend', () => {
    // A jump long ago does not count: the last 4 weeks are flat at 50.
    const trail = [point(1, 0), point(40, 50), point(47, 50), point(54, 50), point(61, 50)];
    expect(forecastOf({ metric: numeric, trail, cycle: q1 })).toMatchObject({ value: 50, basis: 'trend', weeks: 3 });
  });

  test('binary KRs have no forecast', () => {
    expect(forecastOf({ metric: { kind: 'binary', start: 0, target: 1 }, trail: [point(30, 0)], cycle: q1 })).toBeNull();
  });

  test('after the cycle, the forecast is the latest value', () => {
    const f = forecastOf({ metric: numeric, trail: [point(80, 60), point(95, 70)], cycle: q1 });
    expect(f?.value).toBe(70);
  });

  test('uses a trend kept beside the trail instead of recomputing it', () => {
    const f = forecastOf({ metric: numeric, trail: [point(30, 30)], trend: { perDay: 0, weeks: 2 }, cycle: q1 });
    expect(f).toMatchObject({ value: 30, basis: 'trend', weeks: 2 });
  });

  test('flags an owner on track whose forecast is red', () => {
    const f = forecastOf({ metric: numeric, trail: [point(60, 20)], cycle: q1, confidence: 'on_track' });
    expect(f?.disagreement).toBe('optimistic');
  });
});

describe('forecastDisagreement', () => {
  test('on track against a red forecast is optimistic; off track against green is pessimistic', () => {
    expect(forecastDisagreement('on_track', 0.39)).toBe('optimistic');
    expect(forecastDisagreement('on_track', 0.4)).toBeNull();
    expect(forecastDisagreement('off_track', 0.7)).toBe('pessimistic');
    expect(forecastDisagreement('off_track', 0.69)).toBeNull();
  });

  test('at risk never disagrees strongly, nor does no word at all', () => {
    expect(forecastDisagreement('at_risk', 0)).toBeNull();
    expect(forecastDisagreement('at_risk', 1)).toBeNull();
    expect(forecastDisagreement(undefined, 0)).toBeNull();
  });

  test('follows the configured bands', () => {
    expect(forecastDisagreement('on_track', 0.45, { yellowFrom: 0.5, greenFrom: 0.8 })).toBe('optimistic');
  });
});

describe('suggestedConfidence', () => {
  test('green is on track, yellow at risk, red off track', () => {
    expect(suggestedConfidence(0.7)).toBe('on_track');
    expect(suggestedConfidence(0.5)).toBe('at_risk');
    expect(suggestedConfidence(0.1)).toBe('off_track');
  });
});

describe('trendOf', () => {
  test('needs two points a day apart', () => {
    expect(trendOf([])).toBeNull();
    expect(trendOf([point(10, 1)])).toBeNull();
    expect(trendOf([{ at: day(10), value: 1 }, { at: day(10.5), value: 2 }])).toBeNull();
  });

  test('is the least-squares slope per day', () => {
    expect(trendOf([point(0, 0), point(7, 7), point(14, 14)])?.perDay).toBeCloseTo(1, 9);
  });
});

describe('addToTrail', () => {
  test('keeps the latest value of each week, oldest first', () => {
    // 2027-01-04 is a Monday: days 3 and 5 are in one ISO week.
    let trail = addToTrail([], point(3, 1));
    trail = addToTrail(trail, point(5, 2));
    trail = addToTrail(trail, point(10, 3));
    expect(trail).toEqual([point(5, 2), point(10, 3)]);
  });

  test('ignores a late write older than its week’s value', () => {
    const trail = addToTrail([point(5, 2)], point(3, 1));
    expect(trail).toEqual([point(5, 2)]);
  });

  test(`keeps the last ${String(TRAIL_WEEKS)} weeks`, () => {
    let trail: TrailPoint[] = [];
    for (let w = 0; w < TRAIL_WEEKS + 3; w++) trail = addToTrail(trail, point(3 + w * 7, w));
    expect(trail).toHaveLength(TRAIL_WEEKS);
    expect(trail[0]?.value).toBe(3);
  });
});

describe('trailOf', () => {
  test('falls back to the latest check-in for a KR stored before trails', () => {
    expect(trailOf({ lastCheckIn: point(9, 4) })).toEqual([point(9, 4)]);
    expect(trailOf({})).toEqual([]);
    expect(trailOf({ trail: [point(2, 1)], lastCheckIn: point(9, 4) })).toEqual([point(2, 1)]);
  });
});
