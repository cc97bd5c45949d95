import { DAY_MS } from './calendar-day';
import type { CycleDates } from './pace';
import { cycleSpan } from './pace';
import type { StatusThresholds } from './status';
import { STALE_AFTER_DAYS } from './staleness';

/**
 * How long a status judged at `now` (domain/status.ts trackStatus) is sure to stay what it is: an instant
 * (epoch ms) before which the same stored figures give the same status; Infinity when only a write or a
 * change of the cycle can change it. A view that keeps a judgement (the board's first-screen head) keeps
 * it until then. Earlier rather than later: each crossing of the expected line is moved forward by the
 * width of the gap's 6-decimal rounding, and the instant itself when `now` is already that close.
 */
export interface HorizonInput {
  /** Progress on the 0.0-1.0 scale; null (no value) never crosses the expected line. */
  readonly progress: number | null;
  /**
   * When the figures were last fresh (domain/staleness.ts freshSince), when the staleness rule applies at
   * all (an active cycle, a published objective with active KRs); undefined when it does not.
   */
  readonly freshSince: number | undefined;
}

/** The gap's rounding (6 decimals of the cycle's span), twice over, so no crossing is reached unnoticed. */
const ROUNDING = 2e-6;

export const trackStatusHorizon = (
  input: HorizonInput,
  cycle: CycleDates,
  now: Date,
  thresholds: StatusThresholds,
  afterDays: number = STALE_AFTER_DAYS,
): number => {
  const t = now.getTime();
  let horizon = Infinity;
  if (input.freshSince !== undefined) {
    const staleFrom = input.freshSince + afterDays * DAY_MS;
    // Stale stays stale (time only moves on); before that the status is judged by pace until staleFrom.
    if (t > staleFrom) return Infinity;
    horizon = staleFrom;
  }
  if (input.progress === null) return horizon;
  const { start, end } = cycleSpan(cycle);
  const margin = ROUNDING * (end - start);
  for (const by of [thresholds.behindBy, thresholds.atRiskBy]) {
    // The expected line moves from 0 at the start to 1 at the end: it reaches progress + by once, if at all.
    const level = input.progress + by;
    if (level > 1) continue;
    const crossing = start + level * (end - start);
    if (crossing + margin < t) continue;
    horizon = Math.min(horizon, Math.max(t, crossing - margin));
  }
  return horizon;
};
