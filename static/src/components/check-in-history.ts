import type { CheckIn, Cycle } from '../../../src/contract';
import { api } from '../api/client';
import { cycleBounds } from './cycles';

/** Enough for a weekly rhythm over a year (and then some) without paging forever. */
const MAX_PAGES = 5;
const PAGE = 100;

/**
 * A KR's check-ins inside a cycle, oldest first, from checkIns.list (newest first, paged): pages are
 * read until one reaches before the cycle start.
 */
export const loadCycleCheckIns = async (
  keyResultId: string,
  cycle: Pick<Cycle, 'startDate' | 'endDate'>,
): Promise<CheckIn[]> => {
  const { start, end } = cycleBounds(cycle);
  const found: CheckIn[] = [];
  let cursor: string | undefined;
  for (let page = 0; page < MAX_PAGES; page++) {
    const result = await api['checkIns.list']({
      keyResultId,
      limit: PAGE,
      ...(cursor === undefined ? {} : { cursor }),
    });
    found.push(...result.checkIns);
    cursor = result.nextCursor;
    const oldest = result.checkIns.at(-1);
    if (cursor === undefined || oldest === undefined || Date.parse(oldest.at) < start) break;
  }
  return found
    .filter((c) => {
      const t = Date.parse(c.at);
      return t >= start && t < end;
    })
    .sort((a, b) => a.at.localeCompare(b.at));
};
