import { aKeyResult, aMetric } from '../../test/support/builders';
import { historyWeeks, scoreFromCheckIns, scoreFromSnapshot, valueAt } from './score-history';

const Q4 = { startDate: '2026-10-01', endDate: '2026-12-31' }; // starts on a Thursday
const iso = (ms: number): string => new Date(ms).toISOString();

describe('historyWeeks', () => {
  test('is empty before the cycle starts, and at its very first instant', () => {
    expect(historyWeeks(Q4, new Date('2026-09-30T12:00:00Z'))).toEqual([]);
    expect(historyWeeks(Q4, new Date('2026-10-01T00:00:00Z'))).toEqual([]);
  });

  test('in the first (partial) week, has only the current point at now', () => {
    expect(historyWeeks(Q4, new Date('2026-10-03T09:00:00Z'))).toEqual([
      { week: '2026-W40', at: Date.parse('2026-10-03T09:00:00Z'), current: true },
    ]);
  });

  test('ends every past ISO week on the next Monday, then puts the current point at now', () => {
    const weeks = historyWeeks(Q4, new Date('2026-10-21T10:00:00Z'));
    expect(weeks.map((w) => [w.week, iso(w.at), w.current])).toEqual([
      ['2026-W40', '2026-10-05T00:00:00.000Z', false],
      ['2026-W41', '2026-10-12T00:00:00.000Z', false],
      ['2026-W42', '2026-10-19T00:00:00.000Z', false],
      ['2026-W43', '2026-10-21T10:00:00.000Z', true],
    ]);
  });

  test('does not repeat a week when now is exactly a Monday midnight', () => {
    const weeks = historyWeeks(Q4, new Date('2026-10-12T00:00:00Z'));
    expect(weeks.map((w) => [w.week, w.current])).toEqual([
      ['2026-W40', false],
      ['2026-W41', true],
    ]);
  });

  test('a cycle that starts on a Monday gets a full first week', () => {
    const weeks = historyWeeks({ startDate: '2026-11-02', endDate: '2026-11-29' }, new Date('2026-11-10T00:00:00Z'));
    expect(weeks.map((w) => [w.week, iso(w.at)])).toEqual([
      ['2026-W45', '2026-11-09T00:00:00.000Z'],
      ['2026-W46', '2026-11-10T00:00:00.000Z'],
    ]);
  });

  test('once the cycle is over, stops at its end: the last point stands for the end of its last day', () => {
    const weeks = historyWeeks(Q4, new Date('2027-02-01T00:00:00Z'));
    expect(weeks).toHaveLength(14);
    expect(weeks.at(-1)).toEqual({ week: '2026-W53', at: Date.parse('2027-01-01T00:00:00Z'), current: true });
    expect(weeks.filter((w) => w.current)).toHaveLength(1);
  });
});

describe('scoreFromSnapshot', () => {
  const a1 = aKeyResult({ id: 'a-1', weight: 3 });
  const a2 = aKeyResult({ id: 'a-2', weight: 1 });
  const b1 = aKeyResult({ id: 'b-1' });

  test('weighs the snapshot scores within each objective, then averages the objectives', () => {
    const scores = { 'a-1': 1, 'a-2': 0, 'b-1': 0.25 };
    const score = scoreFromSnapshot([{ keyResults: [a1, a2] }, { keyResults: [b1] }], { values: {}, scores });
    expect(score).toBe(0.5); // (0.75 + 0.25) / 2
  });

  test('leaves out KRs the snapshot does not hold, and objectives left with none', () => {
    expect(scoreFromSnapshot([{ keyResults: [a1, a2] }, { keyResults: [b1] }], { values: {}, scores: { 'a-2': 0.4 } })).toBe(0.4);
  });

  test('is null when the snapshot holds none of the KRs', () => {
    expect(scoreFromSnapshot([{ keyResults: [a1] }], { values: {}, scores: {} })).toBeNull();
  });

  test('scores a value stored without its score (an imported snapshot) against the KR\'s metric', () => {
    // a-1 is 82% -> 92% at 87%: halfway.
    expect(scoreFromSnapshot([{ keyResults: [a1] }], { values: { 'a-1': 87 }, scores: {} })).toBeCloseTo(0.5, 12);
  });

  test('prefers the score stored that week over the value against today\'s metric', () => {
    expect(scoreFromSnapshot([{ keyResults: [a1] }], { values: { 'a-1': 87 }, scores: { 'a-1': 0.9 } })).toBe(0.9);
  });
});

describe('valueAt', () => {
  const checkIns = [
    { at: '2026-10-06T09:00:00Z', value: 84 },
    { at: '2026-10-13T09:00:00Z', value: 86 },
  ];

  test('is the start value before the first check-in', () => {
    expect(valueAt(82, checkIns, Date.parse('2026-10-05T00:00:00Z'))).toBe(82);
  });

  test('is the last check-in made by then, counting one made at that very instant', () => {
    expect(valueAt(82, checkIns, Date.parse('2026-10-12T00:00:00Z'))).toBe(84);
    expect(valueAt(82, checkIns, Date.parse('2026-10-13T09:00:00Z'))).toBe(86);
  });
});

describe('scoreFromCheckIns', () => {
  test('scores each KR at its value then, over active KRs only, ignoring review grades', () => {
    const retention = aKeyResult({ id: 'r', finalScore: 1 }); // 82 -> 92
    const archived = aKeyResult({ id: 'x', status: 'archived', metric: aMetric({ current: 92 }) });
    const checkIns = new Map([['r', [{ at: '2026-10-06T09:00:00Z', value: 87 }]]]);
    expect(scoreFromCheckIns([{ keyResults: [retention, archived] }], checkIns, Date.parse('2026-10-12T00:00:00Z'))).toBeCloseTo(0.5, 12);
    expect(scoreFromCheckIns([{ keyResults: [retention] }], checkIns, Date.parse('2026-10-05T00:00:00Z'))).toBe(0);
  });

  test('is null when no objective has an active KR', () => {
    expect(scoreFromCheckIns([{ keyResults: [] }], new Map(), 0)).toBeNull();
  });
});
