import type { OrderBy } from '@atlaskit/jql-ast';
import { issueTypeById, resolutionById, statusSortIndex } from '../catalog';
import { badRequest } from '../http';
import type { IssueRecord, ProjectRecord, UserRecord } from '../model';
import { sourceText } from './parse-jql';

/** ORDER BY for the local site: a comparator built from the sort keys it emulates. */

type SortKey = string | number | null;

export interface OrderEnv {
  projectById: ReadonlyMap<string, ProjectRecord>;
  userById: ReadonlyMap<string, UserRecord>;
}

const keyParts = (issue: IssueRecord): [string, number] => {
  const dash = issue.key.lastIndexOf('-');
  return [issue.key.slice(0, dash), Number(issue.key.slice(dash + 1))];
};

const userName = (env: OrderEnv, accountId: string | null): SortKey =>
  accountId === null ? null : (env.userById.get(accountId)?.displayName.toLowerCase() ?? null);

const createdKey = (issue: IssueRecord): SortKey[] => [issue.created];

/** Sort keys by lower-case field name; keys with two parts compare part by part. */
const SORT_KEYS: Readonly<Record<string, (issue: IssueRecord, env: OrderEnv) => SortKey[]>> = {
  key: (i) => keyParts(i),
  issuekey: (i) => keyParts(i),
  id: (i) => [Number(i.id)],
  created: createdKey,
  updated: (i) => [i.updated],
  rank: (i) => [i.rank],
  summary: (i) => [i.summary.toLowerCase()],
  status: (i) => [statusSortIndex(i.statusId)],
  issuetype: (i) => [issueTypeById(i.issueTypeId).name],
  type: (i) => [issueTypeById(i.issueTypeId).name],
  project: (i, env) => [env.projectById.get(i.projectId)?.key ?? null],
  resolution: (i) => [i.resolutionId === null ? null : resolutionById(i.resolutionId).name],
  assignee: (i, env) => [userName(env, i.assigneeId)],
  reporter: (i, env) => [userName(env, i.reporterId)],
};

export const SUPPORTED_ORDER_FIELDS = Object.keys(SORT_KEYS).join(', ');

/** Empty values sort last in either direction, as Jira shows "Unassigned" after named users. */
const compareKeys = (a: SortKey[], b: SortKey[], direction: 1 | -1): number => {
  for (let n = 0; n < Math.max(a.length, b.length); n += 1) {
    const x = a[n] ?? null;
    const y = b[n] ?? null;
    if (x === y) continue;
    if (x === null) return 1;
    if (y === null) return -1;
    return (x < y ? -1 : 1) * direction;
  }
  return 0;
};

export type IssueComparator = (a: IssueRecord, b: IssueRecord) => number;

/**
 * Without ORDER BY the local site lists newest first (created DESC). Every ordering ends with id
 * ascending so equal keys keep a stable order across pages. Directions default to ASC.
 */
export const compileOrder = (jql: string, orderBy: OrderBy | undefined, env: OrderEnv): IssueComparator => {
  const parts = (orderBy?.fields ?? []).map((f) => {
    const sortKey = SORT_KEYS[f.field.value.toLowerCase()];
    if (!sortKey) {
      const text = sourceText(jql, f.position, f.field.text);
      throw badRequest(
        `The JQL clause 'ORDER BY ${text}' is not supported by the local Jira site: ordering by '${f.field.value}' is not emulated (supported: ${SUPPORTED_ORDER_FIELDS}).`,
      );
    }
    const direction: 1 | -1 = typeof f.direction === 'object' && f.direction.value === 'DESC' ? -1 : 1;
    return { sortKey, direction };
  });
  if (parts.length === 0) parts.push({ sortKey: createdKey, direction: -1 });
  return (a, b) => {
    for (const { sortKey, direction } of parts) {
      const result = compareKeys(sortKey(a, env), sortKey(b, env), direction);
      if (result !== 0) return result;
    }
    return Number(a.id) - Number(b.id);
  };
};
