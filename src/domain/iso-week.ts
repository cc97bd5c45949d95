/** The ISO 8601 week of an instant in UTC, as 'YYYY-Www' (weeks start on Monday; week 1 holds January 4th). */
export const isoWeek = (instant: Date): string => {
  const day = new Date(Date.UTC(instant.getUTCFullYear(), instant.getUTCMonth(), instant.getUTCDate()));
  const weekday = day.getUTCDay() === 0 ? 7 : day.getUTCDay();
  // The Thursday of this week decides the ISO year.
  day.setUTCDate(day.getUTCDate() + 4 - weekday);
  const year = day.getUTCFullYear();
  const week = Math.ceil(((day.getTime() - Date.UTC(year, 0, 1)) / 86_400_000 + 1) / 7);
  return `${String(year)}-W${String(week).padStart(2, '0')}`;
};

/**
 * Monday 00:00 UTC of the week holding `instant`, in epoch ms: when "this week" starts for check-ins.
 * One rule for everyone, in UTC like the weekly job and the ISO weeks above, so a team spread over time
 * zones shares one week and the backend and every view agree on what is due.
 */
export const weekStartUtc = (instant: Date): number => {
  const day = Date.UTC(instant.getUTCFullYear(), instant.getUTCMonth(), instant.getUTCDate());
  const sinceMonday = (instant.getUTCDay() + 6) % 7;
  return day - sinceMonday * 86_400_000;
};

/** Whether a KR is due for its weekly check-in: stale, never checked in, or not since this week began. */
export const checkInDue = (kr: { stale: boolean; lastCheckIn?: { at: string } | undefined }, now: Date): boolean =>
  kr.stale || kr.lastCheckIn === undefined || Date.parse(kr.lastCheckIn.at) < weekStartUtc(now);
