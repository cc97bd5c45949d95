import { kpiFlagged, kpiHealth, kpiMoveIsGood } from './kpi-health';

describe('kpiHealth', () => {
  test('has no health before the first reading', () => {
    expect(kpiHealth({ healthy: { min: 1 } })).toBe('no_value');
  });

  test('is healthy inside the range, bounds included', () => {
    expect(kpiHealth({ current: 99.5, healthy: { min: 99.5 } })).toBe('healthy');
    expect(kpiHealth({ current: 0.1 + 0.2, healthy: { max: 0.3 } })).toBe('healthy');
    expect(kpiHealth({ current: 5, healthy: { min: 1, max: 10 } })).toBe('healthy');
  });

  test('is low under the minimum and high over the maximum', () => {
    expect(kpiHealth({ current: 99.4, healthy: { min: 99.5 } })).toBe('low');
    expect(kpiHealth({ current: 11, healthy: { min: 1, max: 10 } })).toBe('high');
  });

  test('flags only a KPI outside its range', () => {
    expect(kpiFlagged('low')).toBe(true);
    expect(kpiFlagged('high')).toBe(true);
    expect(kpiFlagged('healthy')).toBe(false);
    expect(kpiFlagged('no_value')).toBe(false);
  });
});

describe('kpiMoveIsGood', () => {
  test('follows the direction', () => {
    expect(kpiMoveIsGood('up', 1, 2, { min: 0 })).toBe(true);
    expect(kpiMoveIsGood('down', 1, 2, { max: 5 })).toBe(false);
    expect(kpiMoveIsGood('up', 2, 2, { min: 0 })).toBeNull();
  });

  test('within a range, moving towards it (or staying inside) is good', () => {
    expect(kpiMoveIsGood('within', 12, 11, { min: 1, max: 10 })).toBe(true);
    expect(kpiMoveIsGood('within', 0, -1, { min: 1, max: 10 })).toBe(false);
    expect(kpiMoveIsGood('within', 4, 6, { min: 1, max: 10 })).toBe(true);
  });
});
