import { aCycle } from '../../test/support/builders';
import { cycleWindow, nextCycleWindow } from './cycle-window';

describe('cycleWindow, quarterly', () => {
  test.each([
    ['2027-01-01T00:00:00.000Z', 'Q1 2027', '2027-01-01', '2027-03-31'],
    ['2027-02-14T12:00:00.000Z', 'Q1 2027', '2027-01-01', '2027-03-31'],
    ['2027-03-31T23:59:59.999Z', 'Q1 2027', '2027-01-01', '2027-03-31'],
    ['2027-04-01T00:00:00.000Z', 'Q2 2027', '2027-04-01', '2027-06-30'],
    ['2027-08-20T09:30:00.000Z', 'Q3 2027', '2027-07-01', '2027-09-30'],
    ['2027-12-31T23:59:59.999Z', 'Q4 2027', '2027-10-01', '2027-12-31'],
  ])('puts %p in %p (%p..%p)', (anchor, name, startDate, endDate) => {
    expect(cycleWindow('quarterly', new Date(anchor))).toEqual({ name, startDate, endDate });
  });

  test('reads the anchor in UTC: 01:00 on 1 April in Paris is still 31 March UTC, so Q1', () => {
    expect(cycleWindow('quarterly', new Date('2027-04-01T01:00:00.000+02:00')).name).toBe('Q1 2027');
  });

  test('matches the dates of the builder cycle', () => {
    const q1 = aCycle();
    expect(cycleWindow('quarterly', new Date('2027-02-01T00:00:00.000Z'))).toEqual({
      name: q1.name,
      startDate: q1.startDate,
      endDate: q1.endDate,
    });
  });

  test('fails loudly on an invalid anchor', () => {
    expect(() => cycleWindow('quarterly', new Date('soon'))).toThrow('cycleWindow: anchor is an invalid Date');
  });
});

describe('cycleWindow, annual', () => {
  test.each([
    ['2027-01-01T00:00:00.000Z', 'FY 2027'],
    ['2027-07-15T00:00:00.000Z', 'FY 2027'],
    ['2027-12-31T23:59:59.999Z', 'FY 2027'],
  ])('puts %p in the calendar year %p', (anchor, name) => {
    expect(cycleWindow('annual', new Date(anchor))).toEqual({ name, startDate: '2027-01-01', endDate: '2027-12-31' });
  });

  test('covers a leap year to 31 December', () => {
    expect(cycleWindow('annual', new Date('2028-02-29T00:00:00.000Z'))).toEqual({
      name: 'FY 2028',
      startDate: '2028-01-01',
      endDate: '2028-12-31',
    });
  });
});

describe('nextCycleWindow', () => {
  test.each([
    ['2027-03-31', 'Q2 2027', '2027-04-01', '2027-06-30'],
    ['2027-06-30', 'Q3 2027', '2027-07-01', '2027-09-30'],
    ['2027-09-30', 'Q4 2027', '2027-10-01', '2027-12-31'],
    ['2027-12-31', 'Q1 2028', '2028-01-01', '2028-03-31'],
  ])('after a quarter ending %p proposes %p starting the next day', (endDate, name, startDate, nextEnd) => {
    expect(nextCycleWindow('quarterly', endDate)).toEqual({ name, startDate, endDate: nextEnd });
  });

  test('after a year proposes the next calendar year', () => {
    expect(nextCycleWindow('annual', '2027-12-31')).toEqual({
      name: 'FY 2028',
      startDate: '2028-01-01',
      endDate: '2028-12-31',
    });
  });

  test('after a cycle that ended early proposes the next window, never the one it overlaps', () => {
    expect(nextCycleWindow('quarterly', '2027-03-30').name).toBe('Q2 2027');
    expect(nextCycleWindow('quarterly', '2027-02-15').name).toBe('Q2 2027');
    expect(nextCycleWindow('annual', '2027-11-30').name).toBe('FY 2028');
  });

  test('after a cycle that ran past a quarter end proposes the quarter after the one it ended in', () => {
    expect(nextCycleWindow('quarterly', '2027-04-15')).toEqual({
      name: 'Q3 2027',
      startDate: '2027-07-01',
      endDate: '2027-09-30',
    });
  });

  test('fails loudly on an end date that is not a calendar day', () => {
    expect(() => nextCycleWindow('quarterly', '2027-06-31')).toThrow(RangeError);
  });
});
