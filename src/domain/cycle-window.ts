import type { CycleKind } from '../contract';
import { DAY_MS, isoDateOf, startOfDayUtc } from './calendar-day';

/** The dates and default name of a cycle to propose; the user may still rename it or move its dates. */
export interface CycleWindow {
  readonly name: string;
  readonly startDate: string;
  readonly endDate: string;
}

const day = (year: number, monthIndex: number, dayOfMonth: number): string =>
  isoDateOf(new Date(Date.UTC(year, monthIndex, dayOfMonth)));

/**
 * The calendar window of `kind` containing `anchor` (read in UTC, like every cycle date): the quarter
 * ("Q1 2027", 2027-01-01..2027-03-31) or the year ("FY 2027", 2027-01-01..2027-12-31). Calendar-aligned,
 * because that is how companies and Atlassian's own goals count quarters.
 */
export const cycleWindow = (kind: CycleKind, anchor: Date): CycleWindow => {
  if (Number.isNaN(anchor.getTime())) throw new RangeError('cycleWindow: anchor is an invalid Date');
  const year = anchor.getUTCFullYear();
  if (kind === 'annual') return { name: `FY ${year}`, startDate: day(year, 0, 1), endDate: day(year, 11, 31) };
  const quarter = Math.floor(anchor.getUTCMonth() / 3);
  return {
    name: `Q${quarter + 1} ${year}`,
    startDate: day(year, quarter * 3, 1),
    // Day 0 of the following month is the last day of this quarter's final month.
    endDate: day(year, quarter * 3 + 3, 0),
  };
};

/**
 * The window to propose after a cycle ending on `endDate`: the first calendar window that starts after
 * it. For a calendar-aligned cycle that is the window starting the next day; for one that ends early
 * (say 2027-03-30) it is still Q2, not Q1 again, so the proposal never overlaps the cycle it follows.
 */
export const nextCycleWindow = (kind: CycleKind, endDate: string): CycleWindow => {
  const following = cycleWindow(kind, new Date(startOfDayUtc(endDate) + DAY_MS));
  if (following.startDate > endDate) return following;
  return cycleWindow(kind, new Date(startOfDayUtc(following.endDate) + DAY_MS));
};
