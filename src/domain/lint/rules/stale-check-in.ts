import { DAY_MS, startOfDayUtc } from '../../calendar-day';
import { epochOf, freshSince, staleSince } from '../../staleness';
import type { CycleRule } from '../context';
import { finding, keyResultTarget } from '../finding';

/**
 * stale-check-in: the method's weekly check-in rhythm is the point. Whether a KR is stale is the one
 * staleness rule every view uses (domain/staleness.ts: only while the cycle is active, on published
 * objectives); the finding says how many days ago it was last checked in, or, for a KR never checked
 * in, how many days ago it was added mid-cycle ('added') or the cycle started ('never').
 */
export const staleCheckInRule: CycleRule = (ctx) =>
  ctx.objectives.flatMap((o) =>
    ctx.keyResultsOf(o.id).flatMap((kr) => {
      const lastMs = epochOf(ctx.lastCheckInAt(kr.id));
      const createdMs = epochOf(kr.createdAt);
      if (!staleSince(lastMs, createdMs, o, ctx.cycle, ctx.now, ctx.staleAfterDays)) return [];
      const days = Math.floor((ctx.now.getTime() - freshSince(lastMs, createdMs, ctx.cycle)) / DAY_MS);
      const addedLater = createdMs !== undefined && createdMs > startOfDayUtc(ctx.cycle.startDate);
      const variant = lastMs !== undefined ? 'last' : addedLater ? 'added' : 'never';
      return [finding('stale-check-in', variant, keyResultTarget(kr.id), { title: kr.title, count: days })];
    }),
  );
