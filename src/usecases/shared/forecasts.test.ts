import { aCycle, aKeyResult, aMetric } from '../../../test/support/builders';
import { entryTuple } from '../../adapters/kvs/board-tree-codec';
import { decodeTreeEntries } from '../../adapters/kvs/board-tree-codec';
import { DAY_MS } from '../../domain/calendar-day';
import type { ObjectiveAggregate, StoredKeyResult } from '../model';
import { digestKeyResultOf, digestOf } from '../model';
import { treeEntryOf } from './board-tree-entry';
import { forecastWatchOf, keyResultForecast, watchDisagrees, withTrailPoint } from './forecasts';

/** Q1 2027, 90 days; a KR from 0 to 100. */
const q1 = aCycle({ startDate: '2027-01-01', endDate: '2027-03-31' });
const start = Date.UTC(2027, 0, 1);
const day = (n: number): string => new Date(start + n * DAY_MS).toISOString();
const bands = { yellowFrom: 0.4, greenFrom: 0.7 };
const kr = (over: Partial<StoredKeyResult> = {}): StoredKeyResult => ({
  ...aKeyResult({ metric: aMetric({ kind: 'number', start: 0, target: 100, current: 0, unit: '' }) }),
  ...over,
});
const checkIn = (n: number, value: number, confidence: 'on_track' | 'at_risk' | 'off_track') => ({
  id: `c${String(n)}`,
  at: day(n),
  value,
  confidence,
  authorAccountId: 'acc-alice',
});

describe('withTrailPoint', () => {
  test('starts a KR stored before trails from its latest check-in, and keeps the forecast score', () => {
    const old = kr({ lastCheckIn: checkIn(14, 6, 'on_track') });
    const next = withTrailPoint(old, { at: day(21), value: 13 }, q1);
    expect(next.trail).toEqual([
      { at: day(14), value: 6 },
      { at: day(21), value: 13 },
    ]);
    // 1 a day from 13 at day 21: 13 + 69 = 82.
    expect(next.forecastScore).toBe(0.82);
  });

  test('a binary KR has no forecast score', () => {
    const binary = kr({ metric: { kind: 'binary', start: 0, target: 1, current: 0 }, forecastScore: 0.5 });
    expect(withTrailPoint(binary, { at: day(30), value: 0 }, q1)).not.toHaveProperty('forecastScore');
  });
});

describe('digests keep the trend instead of the trail', () => {
  const trail = [
    { at: day(14), value: 6 },
    { at: day(21), value: 13 },
    { at: day(28), value: 20 },
  ];

  test('the same forecast from the aggregate and from its digest', () => {
    const full = kr({ trail, lastCheckIn: checkIn(28, 20, 'on_track') });
    const digest = digestKeyResultOf(full);
    expect(digest).not.toHaveProperty('trail');
    expect(digest.trend?.weeks).toBe(2);
    expect(keyResultForecast(digest, q1, bands)).toEqual(keyResultForecast(full, q1, bands));
  });

  test('keeps the latest point when it is not the latest check-in (a value measured since)', () => {
    const measured = kr({ trail, lastCheckIn: checkIn(14, 6, 'off_track') });
    const digest = digestKeyResultOf(measured);
    expect(digest.trail).toEqual([{ at: day(28), value: 20 }]);
    expect(keyResultForecast(digest, q1, bands)).toEqual(keyResultForecast(measured, q1, bands));
    expect(keyResultForecast(digest, q1, bands)?.disagreement).toBe('pessimistic');
  });

  test('a KR without a trail is kept as it is', () => {
    const plain = kr({ lastCheckIn: checkIn(14, 6, 'on_track') });
    expect(digestKeyResultOf(plain)).toEqual(plain);
    expect(digestKeyResultOf(kr({ trail: [] }))).toMatchObject({ trend: null });
  });
});

describe('forecast watch of the tree index', () => {
  const scored = (
    score: number,
    confidence: 'on_track' | 'at_risk' | 'off_track',
    over: Partial<StoredKeyResult> = {},
  ) => kr({ forecastScore: score, lastCheckIn: checkIn(30, 1, confidence), ...over });

  test('the lowest on-track and highest off-track kept scores of active KRs', () => {
    const watch = forecastWatchOf([
      scored(0.5, 'on_track'),
      scored(0.2, 'on_track'),
      scored(0.1, 'on_track', { status: 'archived' }),
      scored(0.9, 'at_risk'),
      scored(0.6, 'off_track'),
      scored(0.8, 'off_track'),
      kr({ lastCheckIn: checkIn(30, 1, 'on_track') }),
    ]);
    expect(watch).toEqual({ onTrackMin: 0.2, offTrackMax: 0.8 });
    expect(forecastWatchOf([scored(0.9, 'at_risk')])).toBeUndefined();
    expect(forecastWatchOf([scored(0.3, 'off_track')])).toEqual({ onTrackMin: null, offTrackMax: 0.3 });
  });

  test('disagrees under the bands of the read, not of the write', () => {
    expect(watchDisagrees(undefined, bands)).toBe(false);
    expect(watchDisagrees({ onTrackMin: 0.35, offTrackMax: null }, bands)).toBe(true);
    expect(watchDisagrees({ onTrackMin: 0.35, offTrackMax: null }, { yellowFrom: 0.3, greenFrom: 0.7 })).toBe(false);
    expect(watchDisagrees({ onTrackMin: null, offTrackMax: 0.75 }, bands)).toBe(true);
    expect(watchDisagrees({ onTrackMin: 0.5, offTrackMax: 0.5 }, bands)).toBe(false);
  });

  test('survives the tree index codec; entries without it still read', () => {
    const aggregate: ObjectiveAggregate = {
      objective: {
        id: 'abcdefghijkl',
        cycleId: q1.id,
        title: 'Grow',
        level: 'company',
        ownerAccountId: 'a',
        reviewerAccountId: 'b',
        status: 'published',
      },
      keyResults: [scored(0.2, 'on_track')],
      initiatives: [],
      createdAt: day(0),
      updatedAt: day(0),
      version: 1,
    };
    const entry = treeEntryOf(digestOf(aggregate));
    expect(entry.forecastWatch).toEqual({ onTrackMin: 0.2, offTrackMax: null });
    const [read] = decodeTreeEntries([entryTuple(entry)], 'k');
    expect(read?.forecastWatch).toEqual({ onTrackMin: 0.2, offTrackMax: null });
    const without = treeEntryOf(digestOf({ ...aggregate, keyResults: [kr()] }));
    expect(entryTuple(without)).toHaveLength(10);
    expect(decodeTreeEntries([entryTuple(without)], 'k')[0]).not.toHaveProperty('forecastWatch');
  });
});
