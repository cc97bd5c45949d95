import type { KpiReading } from '../../contract';
import type { StoredKpi } from '../../usecases/ports';
import { afterCurrent, withReading } from './kpi-repository';

const kpi: StoredKpi = { id: 'kpi000000001', name: 'Checkout latency p95', direction: 'down', healthy: { max: 400 }, status: 'active' };
const reading = (value: number, day: number): KpiReading => ({
  id: `kpi000000001-r${String(day)}`,
  kpiId: kpi.id,
  authorAccountId: 'acc-1',
  at: `2027-01-${String(day).padStart(2, '0')}T09:00:00.000Z`,
  value,
});

describe('withReading', () => {
  it('makes the first reading current, with nothing before it', () => {
    expect(withReading(kpi, reading(520, 10))).toEqual({ ...kpi, current: 520, updatedAt: '2027-01-10T09:00:00.000Z' });
  });

  it('moves the current value to previous when a newer reading arrives', () => {
    const next = withReading(withReading(kpi, reading(520, 10)), reading(380, 17));
    expect(next).toMatchObject({ current: 380, updatedAt: '2027-01-17T09:00:00.000Z', previous: 520, previousAt: '2027-01-10T09:00:00.000Z' });
  });

  it('lets a reading taken before the current one (a race lost) become previous only when it is newer than previous', () => {
    const two = withReading(withReading(kpi, reading(520, 10)), reading(380, 17));
    expect(withReading(two, reading(450, 14))).toMatchObject({ current: 380, previous: 450, previousAt: '2027-01-14T09:00:00.000Z' });
    expect(withReading(two, reading(600, 3))).toBe(two);
    // Only a current value, taken later than the reading: the reading becomes previous.
    expect(withReading(withReading(kpi, reading(380, 17)), reading(520, 10))).toMatchObject({ current: 380, previous: 520 });
  });
});

describe('afterCurrent', () => {
  it('stamps a reading of the same millisecond as the current one 1 ms later, so it is the newest by time too', () => {
    const current = withReading(kpi, reading(520, 10));
    const same = { ...reading(380, 10), id: 'kpi000000001-r10b' };
    const stamped = afterCurrent(current, same);
    expect(stamped).toEqual({ ...same, at: '2027-01-10T09:00:00.001Z' });
    expect(withReading(current, stamped)).toMatchObject({ current: 380, updatedAt: stamped.at, previous: 520 });
  });

  it('leaves every other reading as it was taken', () => {
    const current = withReading(kpi, reading(520, 10));
    expect(afterCurrent(kpi, reading(520, 10))).toEqual(reading(520, 10));
    expect(afterCurrent(current, reading(380, 17))).toEqual(reading(380, 17));
    expect(afterCurrent(current, reading(600, 3))).toEqual(reading(600, 3));
  });
});
