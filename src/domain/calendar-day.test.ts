import { DAY_MS, isoDateOf, startOfDayUtc } from './calendar-day';

describe('startOfDayUtc', () => {
  test('returns midnight UTC of the day', () => {
    expect(startOfDayUtc('2027-01-01')).toBe(Date.UTC(2027, 0, 1));
  });

  test('is one day apart for consecutive days, across a month end', () => {
    expect(startOfDayUtc('2027-03-01') - startOfDayUtc('2027-02-28')).toBe(DAY_MS);
  });

  test.each(['2027-1-1', 'next tuesday', ''])('rejects %p, which is not a date', (text) => {
    expect(() => startOfDayUtc(text)).toThrow(RangeError);
  });

  test.each(['2027-02-30', '2027-04-31', '2027-02-29'])(
    'rejects %p instead of rolling it into the next month',
    (text) => {
      expect(() => startOfDayUtc(text)).toThrow(`not a calendar day in the form YYYY-MM-DD: "${text}"`);
    },
  );

  test('accepts a leap day', () => {
    expect(isoDateOf(new Date(startOfDayUtc('2028-02-29')))).toBe('2028-02-29');
  });
});

describe('isoDateOf', () => {
  test('reads the day in UTC, whatever the hour', () => {
    expect(isoDateOf(new Date('2027-03-31T23:59:59.999Z'))).toBe('2027-03-31');
    expect(isoDateOf(new Date('2027-04-01T00:30:00.000+02:00'))).toBe('2027-03-31');
  });
});
