import type { IssueTypeName, ResolutionName, StatusCategoryDef, StatusName } from './catalog';

/** Rows of the emulated site, as the store returns them. Times are ISO-8601 UTC (`...Z`), sortable as text. */

export interface UserRecord {
  accountId: string;
  displayName: string;
  email: string;
  active: boolean;
  /** Site admins hold the ADMINISTER global permission; it does not grant browsing (permission schemes do). */
  siteAdmin: boolean;
  timeZone: string;
  /** The user's Jira language, in Jira's form (`en_US`, `nl_NL`), as GET /rest/api/3/user reports it. */
  locale: string;
  groups: string[];
}

/** Who may browse a project: everyone on the site, or only the listed users and group members. */
export type BrowseRule = { kind: 'everyone' } | { kind: 'restricted'; accountIds: string[]; groups: string[] };

export interface ProjectRecord {
  /** Numeric string, like Jira's project ids. */
  id: string;
  key: string;
  name: string;
  projectTypeKey: 'software';
  leadAccountId: string | null;
  browse: BrowseRule;
}

export interface IssueRecord {
  /** Numeric string, like Jira's issue ids. */
  id: string;
  key: string;
  projectId: string;
  issueTypeId: string;
  statusId: string;
  resolutionId: string | null;
  parentId: string | null;
  summary: string;
  /** Plain text; REST v3 renders it as an Atlassian Document Format paragraph. */
  description: string;
  assigneeId: string | null;
  reporterId: string | null;
  created: string;
  updated: string;
  resolutionDate: string | null;
  dueDate: string | null;
  labels: readonly string[];
  /** Creation order; stands in for LexoRank so `ORDER BY rank` is stable. */
  rank: number;
}

/** A flat view of an issue for the admin API and the web host (names, not ids). */
export interface AdminIssue {
  id: string;
  key: string;
  projectKey: string;
  issueType: IssueTypeName;
  summary: string;
  description: string;
  status: StatusName;
  statusCategory: StatusCategoryDef['key'];
  resolution: ResolutionName | null;
  parentKey: string | null;
  assignee: string | null;
  reporter: string | null;
  labels: string[];
  created: string;
  updated: string;
}
