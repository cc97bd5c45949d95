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
