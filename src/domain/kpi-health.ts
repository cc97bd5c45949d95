import type { HealthyRange, KpiDirection, KpiHealth } from '../contract/review';
import { roundTo } from './round';

/**
 * A KPI's health: inside its healthy range (bounds included) or outside it, low or high. Values are
 * rounded to 6 decimals first so 0.1 + 0.2 sits on a 0.3 bound rather than a hair above it.
 */
export const kpiHealth = (kpi: {
  readonly current?: number | undefined;
  readonly healthy: HealthyRange;
}): KpiHealth => {
  if (kpi.current === undefined) return 'no_value';
  const value = roundTo(kpi.current, 6);
  if (kpi.healthy.min !== undefined && value < kpi.healthy.min) return 'low';
  if (kpi.healthy.max !== undefined && value > kpi.healthy.max) return 'high';
  return 'healthy';
};

/** Whether a KPI needs attention: flagged on the team page, in the macro and on objectives responding to it. */
export const kpiFlagged = (health: KpiHealth): boolean => health === 'low' || health === 'high';

/**
 * Whether a move from `before` to `after` is good news for a KPI going `direction`: up or down as wanted,
 * or, for one to keep within its range, towards the range (or staying in it). Null when it did not move.
 */
export const kpiMoveIsGood = (
  direction: KpiDirection,
  before: number,
  after: number,
  healthy: HealthyRange,
): boolean | null => {
  if (roundTo(after - before, 6) === 0) return null;
  if (direction === 'up') return after > before;
  if (direction === 'down') return after < before;
  const distance = (v: number): number =>
    healthy.min !== undefined && v < healthy.min
      ? healthy.min - v
      : healthy.max !== undefined && v > healthy.max
        ? v - healthy.max
        : 0;
  return distance(after) <= distance(before);
};
