/**
 * A check-in that repeats the one just made (the same person, value, confidence and words, within a few
 * minutes) is the same check-in: pressing "No change" twice, or saving again after a slow answer, must
 * not add a second identical entry to the KR's history.
 */
export const REPEAT_WINDOW_MS = 10 * 60_000;

export interface CheckInContent {
  authorAccountId: string;
  value: number;
  confidence: string;
  note?: string | undefined;
  blockers?: string | undefined;
}

const words = (text: string | undefined): string => (text ?? '').trim();

/** Whether `next`, made at `now`, says nothing `last` (made at `last.at`) did not already say. */
export const repeatsCheckIn = (last: CheckInContent & { at: string }, next: CheckInContent, now: Date): boolean => {
  const age = now.getTime() - Date.parse(last.at);
  return (
    age >= 0 &&
    age <= REPEAT_WINDOW_MS &&
    last.authorAccountId === next.authorAccountId &&
    last.value === next.value &&
    last.confidence === next.confidence &&
    words(last.note) === words(next.note) &&
    words(last.blockers) === words(next.blockers)
  );
};
