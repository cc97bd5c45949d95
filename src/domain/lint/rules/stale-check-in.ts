import type { KeyResult } from '../../../contract';
import { DAY_MS, startOfDayUtc } from '../../calendar-day';
import type { CycleRule, LintContext } from '../context';
import { finding, keyResultTarget, plural, quote } from '../finding';

/** Why a KR is stale, or undefined when it is not: the method's weekly check-in rhythm is the point. */
const staleness = (ctx: LintContext, kr: KeyResult): string | undefined => {
  const limit = ctx.staleAfterDays * DAY_MS;
  const now = ctx.now.getTime();
  const last = ctx.lastCheckInAt(kr.id);
  if (last === undefined) {
    const sinceStart = now - startOfDayUtc(ctx.cycle.startDate);
    if (sinceStart <= limit) return undefined;
    return `was never checked in, and the cycle started ${plural(Math.floor(sinceStart / DAY_MS), 'day')} ago`;
  }
  const age = now - Date.parse(last);
  if (age <= limit) return undefined;
  return `was last checked in ${plural(Math.floor(age / DAY_MS), 'day')} ago`;
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
      return [
        finding(
          'stale-check-in',
          keyResultTarget(kr.id),
          `Key result ${quote(kr.title)} ${why}.`,
          'Check in this week: update its current value and confidence and name any blocker. ' +
            'A short weekly check-in is what keeps OKRs from being set in January and looked at in December.',
        ),
      ];
    });
};
