import type { KeyResult } from '../contract';
import { DAY_MS, startOfDayUtc } from './calendar-day';
import { isoWeek } from './iso-week';
import type { CycleDates } from './pace';
import { keyResultScore, meanScore, objectiveScore, weightedScore } from './score';

/** A point of a cycle's history: an ISO week and the instant its score stands for. */
export interface HistoryWeek {
  readonly week: string;
  /** Epoch ms: the end of the week (Monday 00:00 UTC), or of the cycle, or now for the last point. */
  readonly at: number;
  /** The last point: scores as they stand now (or at the cycle's end, once it is over). */
  readonly current: boolean;
}

const WEEK_MS = 7 * DAY_MS;

/** The next Monday 00:00 UTC strictly after a day's start. */
const nextMonday = (dayStart: number): number => {
  const weekday = new Date(dayStart).getUTCDay(); // 0 = Sunday
  return dayStart + ((8 - weekday) % 7 || 7) * DAY_MS;
};

/**
 * The points of a cycle's history so far: the end of every ISO week that ended before `now` (the first
 * may be a partial week), then one last point at now, or at the cycle's end once it is over. Empty
 * before the cycle starts.
 */
export const historyWeeks = (cycle: CycleDates, now: Date): HistoryWeek[] => {
  const start = startOfDayUtc(cycle.startDate);
  const until = Math.min(now.getTime(), startOfDayUtc(cycle.endDate) + DAY_MS);
  if (until <= start) return [];
  const weeks: HistoryWeek[] = [];
  for (let t = nextMonday(start); t < until; t += WEEK_MS) weeks.push({ week: isoWeek(new Date(t - 1)), at: t, current: false });
  weeks.push({ week: isoWeek(new Date(until - 1)), at: until, current: true });
  return weeks;
};

type ScoredKeyResult = Pick<KeyResult, 'id' | 'weight' | 'status' | 'metric'>;

/** A week's stored KR values and, when the weekly job wrote it, their scores then. */
export interface WeekSnapshot {
  readonly values: Readonly<Record<string, number>>;
  readonly scores: Readonly<Record<string, number>>;
}

/** A KR's score in a snapshot: the score stored then, else its value then against today's metric. */
const snapshotScore = (kr: ScoredKeyResult, snapshot: WeekSnapshot): number | undefined => {
  const stored = snapshot.scores[kr.id];
  if (stored !== undefined) return stored;
  const value = snapshot.values[kr.id];
  // Imported snapshots carry values only (the export format keeps no derived data).
  return value === undefined ? undefined : keyResultScore({ metric: { ...kr.metric, current: value } });
};

/**
 * A group's score from a weekly snapshot: each objective's weighted mean over its KRs that the
 * snapshot holds (the KRs that were active that week), then the plain mean over objectives.
 */
export const scoreFromSnapshot = (
  objectives: readonly { readonly keyResults: readonly ScoredKeyResult[] }[],
  snapshot: WeekSnapshot,
): number | null =>
  meanScore(
    objectives.map((o) =>
      weightedScore(
        o.keyResults.flatMap((kr) => {
          const score = snapshotScore(kr, snapshot);
          return score === undefined ? [] : [{ weight: kr.weight, score }];
        }),
      ),
    ),
  );

/** A KR's value at `t`: its last check-in by then, else its start value. `checkIns` oldest first. */
export const valueAt = (start: number, checkIns: readonly { readonly at: string; readonly value: number }[], t: number): number => {
  let value = start;
  for (const c of checkIns) {
    if (Date.parse(c.at) > t) break;
    value = c.value;
  }
  return value;
};

/**
 * A group's score at `t` worked out from check-ins: each active KR at its value then (no review
 * grades: those come at the cycle's end), the domain's objective score, the plain mean over objectives.
 */
export const scoreFromCheckIns = (
  objectives: readonly { readonly keyResults: readonly ScoredKeyResult[] }[],
  checkIns: ReadonlyMap<string, readonly { readonly at: string; readonly value: number }[]>,
  t: number,
): number | null =>
  meanScore(
    objectives.map((o) =>
      objectiveScore(
        o.keyResults.map((kr) => ({
          status: kr.status,
          weight: kr.weight,
          metric: { ...kr.metric, current: valueAt(kr.metric.start, checkIns.get(kr.id) ?? [], t) },
        })),
      ),
    ),
  );
