import type { Cycle } from '../contract';
import { DAY_MS, isoDateOf, startOfDayUtc } from './calendar-day';

/**
 * The calendar days of an ISO week ('2027-W05'), as the frozen scorecard names them ("week 5, Feb 1 to
 * Feb 7"): ISO 8601 weeks run Monday to Sunday and week 1 holds January 4th (the rule iso-week.ts follows).
 * @throws RangeError for anything that is not 'YYYY-Www' with a week from 1 to 53.
 */
export const weekDays = (week: string): { first: string; last: string } => {
  const match = /^(\d{4})-W(\d{2})$/.exec(week);
  const n = Number(match?.[2] ?? 0);
  if (match === null || n < 1 || n > 53) throw new RangeError(`not an ISO week in the form YYYY-Www: "${week}"`);
  const jan4 = Date.UTC(Number(match[1]), 0, 4);
  const monday = jan4 - ((new Date(jan4).getUTCDay() + 6) % 7) * DAY_MS + (n - 1) * 7 * DAY_MS;
  return { first: isoDateOf(new Date(monday)), last: isoDateOf(new Date(monday + 6 * DAY_MS)) };
};

/**
 * The days of a week that fall in a cycle: its first and last week are often partial, and a frozen
 * scorecard stands for the cycle's days only (its `through` is never after the cycle's last day).
 */
export const weekDaysIn = (week: string, cycle: Pick<Cycle, 'startDate' | 'endDate'>): { first: string; last: string } => {
  const { first, last } = weekDays(week);
  return {
    first: startOfDayUtc(first) < startOfDayUtc(cycle.startDate) ? cycle.startDate : first,
    last: startOfDayUtc(last) > startOfDayUtc(cycle.endDate) ? cycle.endDate : last,
  };
};
