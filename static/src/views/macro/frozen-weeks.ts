import type { Cycle } from '../../../../src/contract';
import type { Frozen } from '../../../../src/contract/review';
import { cycleWeeks } from '../../../../src/domain/frozen-scorecard';
import { weekDaysIn } from '../../../../src/domain/week-days';
import { t } from '../../app/i18n';
import { formatDay, formatNumber } from '../../components/format';

type CycleDays = Pick<Cycle, 'startDate' | 'endDate'>;

/** A week's words: its number in the year ("week 5", as people say it) and its days in the cycle. */
export const weekWords = (week: string, cycle: CycleDays): { number: string; first: string; last: string } => {
  const { first, last } = weekDaysIn(week, cycle);
  return { number: formatNumber(Number(week.slice(6))), first: formatDay(first), last: formatDay(last) };
};

/** The weeks a scorecard can be frozen at, as select options: "Week 5: 1 Feb – 7 Feb". */
export const weekOptions = (cycle: CycleDays): { value: string; label: string }[] =>
  cycleWeeks(cycle).map((week) => ({ value: week, label: t('figures.weekOption', weekWords(week, cycle)) }));

/**
 * The instant figures beside a frozen scorecard (the macro's KPIs: kpis.list {asOf}) should stand at:
 * the end of the day the scorecard's figures stand through (`frozen.through`: the snapshot's day, or
 * its week's last day in the cycle; UTC like every cycle day);
 * undefined when the scorecard is live.
 */
export const frozenUntil = (frozen: Frozen): string | undefined =>
  frozen === null ? undefined : `${frozen.through}T23:59:59.999Z`;
