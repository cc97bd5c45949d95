import type { Caller, Visibility } from '../access';
import type { IssueRecord, UserRecord } from '../model';
import type { AppFragments } from './app-function-calls';
import { compileOrder } from './compile-order';
import { compileWhere } from './compile-where';
import { createJqlFields } from './jql-fields';
import { parseJql } from './parse-jql';

/**
 * Runs JQL over the issues a caller can see, returning them in result order.
 * Unbounded JQL (empty, or ORDER BY only) returns everything visible: the real site answers it with
 * 400 on /search/jql, but the local site allows it so tools and tests can list a small demo site.
 */
export const runJql = (
  jql: string,
  caller: Caller,
  visibility: Visibility,
  users: readonly UserRecord[],
  now: Date = new Date(),
  /** The app's function calls in `jql`, resolved beforehand (resolveAppFunctions). */
  appFragments?: AppFragments,
): IssueRecord[] => {
  const query = parseJql(jql);
  const where = typeof query?.where === 'object' ? query.where : undefined;
  const orderBy = typeof query?.orderBy === 'object' ? query.orderBy : undefined;
  const fields = createJqlFields({ caller, visibility, users });
  const predicate = where ? compileWhere({ jql, fields, now, ...(appFragments ? { appFragments } : {}) }, where) : () => true;
  const comparator = compileOrder(jql, orderBy, {
    projectById: visibility.projectById,
    userById: new Map(users.map((u) => [u.accountId, u])),
  });
  return visibility.issues.filter(predicate).sort(comparator);
};
