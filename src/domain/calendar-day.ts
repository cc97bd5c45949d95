/** Cycles are whole calendar days (YYYY-MM-DD); Cadence reads them in UTC so every user sees the same dates. */

export const DAY_MS = 86_400_000;

/** The calendar day (YYYY-MM-DD, UTC) an instant falls on. */
export const isoDateOf = (instant: Date): string => instant.toISOString().slice(0, 10);

/**
 * The instant a calendar day starts (00:00 UTC), in epoch milliseconds. Throws a RangeError for anything
 * that is not a real YYYY-MM-DD day: Date.parse would silently roll "2027-02-30" over to March 2.
 */
export const startOfDayUtc = (isoDate: string): number => {
  const ms = Date.parse(`${isoDate}T00:00:00.000Z`);
  if (Number.isNaN(ms) || isoDateOf(new Date(ms)) !== isoDate) {
    throw new RangeError(`not a calendar day in the form YYYY-MM-DD: "${isoDate}"`);
  }
  return ms;
};
