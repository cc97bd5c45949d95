/**
 * The client requests a stored record remembers having applied, written in the same transaction as the
 * change they name: a repeat of one (a retry after a lost answer) writes nothing and answers what is
 * stored. Only the most recent few are kept, so a record stays small; a retry arrives seconds after
 * its first try, long before that many other changes to one record.
 */
export const REMEMBERED_REQUESTS = 16;

export const hasApplied = (applied: readonly string[] | undefined, key: string | undefined): boolean =>
  key !== undefined && (applied ?? []).includes(key);

/** `applied` with `key` as the newest (unchanged without a key), at most REMEMBERED_REQUESTS long. */
export const remember = (applied: readonly string[] | undefined, key: string | undefined): string[] => {
  const kept = (applied ?? []).filter((k) => k !== key);
  return (key === undefined ? kept : [...kept, key]).slice(-REMEMBERED_REQUESTS);
};
