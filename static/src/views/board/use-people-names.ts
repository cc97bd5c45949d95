import { useEffect, useState } from 'react';
import { loadUser } from '../../components/user-directory';

/**
 * Display names of many people at once (the owner filter lists everyone on the board), through the
 * shared user directory: ids asked for together go to Jira in bulk calls, and rows reuse the cache.
 */
export const usePeopleNames = (accountIds: readonly string[]): ReadonlyMap<string, string> => {
  const [names, setNames] = useState<ReadonlyMap<string, string>>(new Map());
  useEffect(() => {
    let live = true;
    void Promise.all(accountIds.map((id) => loadUser(id))).then((users) => {
      if (live) setNames(new Map(users.map((u) => [u.accountId, u.displayName])));
    });
    return () => {
      live = false;
    };
  }, [accountIds]);
  return names;
};
