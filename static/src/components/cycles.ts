import type { Cycle } from '../../../src/contract';
import { checkInsOpen as isOpenForCheckIns } from '../../../src/domain/cycle-status';
import { t } from '../app/i18n';

/** The cycle a view shows when none is chosen: the same rule board.get follows without a cycleId. */
export { currentCycle } from '../../../src/domain/current-cycle';

/** Check-ins are taken while a cycle is active or in review (the domain's rule, for explanations). */
export const checkInsOpen = (cycle: Pick<Cycle, 'status'>): boolean => isOpenForCheckIns(cycle.status);

/** Whether a KR is due for its weekly check-in: the domain's rule (weeks start Monday 00:00 UTC). */
export { checkInDue } from '../../../src/domain/iso-week';

/** Start of the cycle's first day and end of its last day: the domain's span (UTC calendar days). */
export { cycleSpan as cycleBounds } from '../../../src/domain/pace';

/** A cycle's state as a word ("active", Dutch "actief"). */
export const cycleStatusWords = (status: Cycle['status']): string => t(`components.cycle.status.${status}`);

/** A cycle as a picker option: "Q1 2027 (active)". */
export const cycleOptionLabel = (cycle: Pick<Cycle, 'name' | 'status'>): string =>
  t('components.cycle.option', { name: cycle.name, status: cycleStatusWords(cycle.status) });
