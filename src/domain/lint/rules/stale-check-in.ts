import type { KeyResult } from '../../../contract';
import { DAY_MS, startOfDayUtc } from '../../calendar-day';
import type { CycleRule, LintContext } from '../context';
import { finding, keyResultTarget } from '../finding';

/**
 * Why a KR is stale (never checked in, or last checked in N days ago), or undefined when it is not: the
 * method's weekly check-in rhythm is the point.
 */
const staleness = (ctx: LintContext, kr: KeyResult): { variant: 'never' | 'last'; days: number } | undefined => {
  const limit = ctx.staleAfterDays * DAY_MS;
  const now = ctx.now.getTime();
  const last = ctx.lastCheckInAt(kr.id);
  if (last === undefined) {
    const sinceStart = now - startOfDayUtc(ctx.cycle.startDate);
    if (sinceStart <= limit) return undefined;
    return { variant: 'never', days: Math.floor(sinceStart / DAY_MS) };
  }
  const age = now - Date.parse(last);
  if (age <= limit) return undefined;
  return { variant: 'last', days: Math.floor(age / DAY_MS) };
};

/** stale-check-in: only while the cycle is active, on active KRs of published objectives. */
export const staleCheckInRule: CycleRule = (ctx) => {
  if (ctx.cycle.status !== 'active') return [];
  return ctx.objectives
    .filter((o) => o.status === 'published')
    .flatMap((o) => ctx.keyResultsOf(o.id))
    .flatMap((kr) => {
      const why = staleness(ctx, kr);
      if (why === undefined) return [];
      return [finding('stale-check-in', why.variant, keyResultTarget(kr.id), { title: kr.title, count: why.days })];
    });
};
