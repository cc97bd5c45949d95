import type { EpicProgress } from '../contract';
import { startOfDayUtc } from '../domain/calendar-day';
import type { ChildIssue } from './ports';

/** Resolutions that take a child issue out of scope rather than counting it as done. */
export const EXCLUDED_RESOLUTIONS: ReadonlySet<string> = new Set(["Won't Do", 'Duplicate']);

/**
 * An epic's progress from its child issues: done / (total - excluded). Done means a done status
 * category with a resolution other than Won't Do or Duplicate; those two are excluded from scope. Child
 * issues created after the cycle started (00:00 UTC of its start date) count as added scope.
 */
export const epicProgress = (children: readonly ChildIssue[], cycleStartDate: string): EpicProgress => {
  const start = startOfDayUtc(cycleStartDate);
  let done = 0;
  let excluded = 0;
  let addedAfterStart = 0;
  for (const child of children) {
    if (child.resolution !== undefined && EXCLUDED_RESOLUTIONS.has(child.resolution)) excluded += 1;
    else if (child.statusCategory === 'done') done += 1;
    if (Date.parse(child.created) > start) addedAfterStart += 1;
  }
  const inScope = children.length - excluded;
  return { done, total: children.length, excluded, ratio: inScope === 0 ? null : done / inScope, addedAfterStart };
};
