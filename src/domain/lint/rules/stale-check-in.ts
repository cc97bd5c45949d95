import { DAY_MS, startOfDayUtc } from '../../calendar-day';
import { staleSince } from '../../staleness';
import type { CycleRule } from '../context';
import { finding, keyResultTarget } from '../finding';

/**
 * stale-check-in: the method's weekly check-in rhythm is the point. Whether a KR is stale is the one
 * staleness rule every view uses (domain/staleness.ts: only while the cycle is active, on published
 * objectives); the finding says how many days ago it was last checked in, or that it never was since
 * the cycle started.
 */
export const staleCheckInRule: CycleRule = (ctx) =>
  ctx.objectives.flatMap((o) =>
    ctx.keyResultsOf(o.id).flatMap((kr) => {
      const last = ctx.lastCheckInAt(kr.id);
      const lastMs = last === undefined ? undefined : Date.parse(last);
      if (!staleSince(lastMs, o, ctx.cycle, ctx.now, ctx.staleAfterDays)) return [];
      const days = Math.floor((ctx.now.getTime() - (lastMs ?? startOfDayUtc(ctx.cycle.startDate))) / DAY_MS);
      const variant = lastMs === undefined ? 'never' : 'last';
      return [finding('stale-check-in', variant, keyResultTarget(kr.id), { title: kr.title, count: days })];
    }),
  );
