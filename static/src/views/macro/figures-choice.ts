import type { Cycle } from '../../../../src/contract';
import { cycleWeeks } from '../../../../src/domain/frozen-scorecard';
import { isoWeek } from '../../../../src/domain/iso-week';
import type { MacroFigures } from './config';

/** The config dialog's "Show figures" choice, as plain rules (unit-tested in test/ui). */

export type ShownFigures = Exclude<MacroFigures, 'auto'>;

/** What 'auto' shows for a cycle: the backend's default (a closed cycle at its end, else live). */
export const shownFigures = (figures: MacroFigures, cycle: Pick<Cycle, 'status'> | undefined): ShownFigures =>
  figures !== 'auto' ? figures : cycle?.status === 'closed' ? 'cycle-end' : 'live';

/** The week a new "as of a week" choice starts at: the cycle's latest week so far (its last once over). */
export const defaultWeek = (cycle: Pick<Cycle, 'startDate' | 'endDate'>, now: Date = new Date()): string => {
  const weeks = cycleWeeks(cycle);
  const current = isoWeek(now);
  return [...weeks].reverse().find((w) => w <= current) ?? weeks[0] ?? '';
};
