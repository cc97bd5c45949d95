import type { CheckIn } from '../../contract';
import type { StoredKeyResult } from '../model';
import type { OkrStore, Page } from '../ports';

/**
 * A page of a KR's check-ins, newest first. The history comes from an index, which Forge keeps
 * eventually consistent, so the KR's latest check-in (known from its objective, which is read by key)
 * is put first on the first page when the index does not show it yet: whoever just checked in sees it.
 * That page may then hold `limit` + 1 items.
 */
export const withLatestCheckIn = async (store: OkrStore, kr: StoredKeyResult, page: Page<CheckIn>, firstPage: boolean): Promise<Page<CheckIn>> => {
  const latest = kr.lastCheckIn;
  if (!firstPage || latest === undefined || page.items.some((c) => c.id === latest.id) || (page.items[0]?.at ?? '') > latest.at) return page;
  const row = await store.getCheckIn(latest.id);
  return row === undefined ? page : { ...page, items: [row, ...page.items] };
};
