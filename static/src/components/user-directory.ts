import { requestJira } from '@forge/bridge';
import { useEffect, useState } from 'react';
import { asRecord } from './extension';

/**
 * Display names and avatars of Atlassian accounts, from Jira's GET /rest/api/3/user/bulk (scope
 * read:jira-user) through the bridge, as the viewer. Module-level cache: one request per account per
 * frame, and ids asked for in the same tick go in one bulk request (a board of 50 owners = 1 call).
 * Anything that fails falls back to the account id, so a name never blocks a view.
 */
export interface UserInfo {
  accountId: string;
  displayName: string;
  avatarUrl?: string;
  /** False when Jira did not answer for this account: displayName is the account id. */
  known: boolean;
}

/** Jira's documented page size for user/bulk is at most 200 ids; keep URLs short anyway. */
const BATCH = 50;

const resolved = new Map<string, UserInfo>();
const inflight = new Map<string, Promise<UserInfo>>();
let queue: { id: string; resolve: (user: UserInfo) => void }[] = [];

const fallback = (accountId: string): UserInfo => ({ accountId, displayName: accountId, known: false });

const parseUsers = (body: unknown): UserInfo[] => {
  const values = asRecord(body)?.values;
  if (!Array.isArray(values)) return [];
  return values.flatMap((raw: unknown) => {
    const user = asRecord(raw);
    const accountId = user?.accountId;
    const displayName = user?.displayName;
    if (typeof accountId !== 'string' || typeof displayName !== 'string') return [];
    const avatar = asRecord(user?.avatarUrls)?.['48x48'];
    return [{ accountId, displayName, known: true, ...(typeof avatar === 'string' ? { avatarUrl: avatar } : {}) }];
  });
};

const fetchBatch = async (ids: readonly string[]): Promise<Map<string, UserInfo>> => {
  const query = ids.map((id) => `accountId=${encodeURIComponent(id)}`).join('&');
  try {
    const response = await requestJira(`/rest/api/3/user/bulk?maxResults=${ids.length}&${query}`, {
      headers: { Accept: 'application/json' },
    });
    if (!response.ok) return new Map();
    return new Map(parseUsers(await response.json()).map((u) => [u.accountId, u]));
  } catch {
    return new Map();
  }
};

const flush = (): void => {
  const batch = queue;
  queue = [];
  for (let i = 0; i < batch.length; i += BATCH) {
    const slice = batch.slice(i, i + BATCH);
    void fetchBatch([...new Set(slice.map((q) => q.id))]).then((found) => {
      for (const { id, resolve } of slice) {
        const user = found.get(id) ?? fallback(id);
        resolved.set(id, user);
        resolve(user);
      }
    });
  }
};

/** The user's name and avatar; batched with every other id asked for in the same tick. */
export const loadUser = (accountId: string): Promise<UserInfo> => {
  const known = resolved.get(accountId);
  if (known) return Promise.resolve(known);
  const pending = inflight.get(accountId);
  if (pending) return pending;
  const promise = new Promise<UserInfo>((resolve) => {
    if (queue.length === 0) setTimeout(flush, 0);
    queue.push({ id: accountId, resolve });
  });
  inflight.set(accountId, promise);
  return promise;
};

/** The user as far as known now (the account id until the name arrives), re-rendering when it does. */
export const useUser = (accountId: string): UserInfo => {
  const [user, setUser] = useState<UserInfo>(() => resolved.get(accountId) ?? fallback(accountId));
  useEffect(() => {
    let live = true;
    void loadUser(accountId).then((u) => {
      if (live) setUser(u);
    });
    return () => {
      live = false;
    };
  }, [accountId]);
  return user.accountId === accountId ? user : (resolved.get(accountId) ?? fallback(accountId));
};
