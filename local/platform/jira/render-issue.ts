import { issueTypeById, resolutionById, statusById } from './catalog';
import type { SiteContext } from './context';
import type { FieldSelection } from './fields';
import { ISSUE_FIELDS } from './fields';
import type { IssueRecord, ProjectRecord, UserRecord } from './model';
import { renderIssueType, renderProjectRef, renderResolution, renderStatus, renderUser } from './render-directory';
import { formatJiraTime } from './time';

/** An issue as REST v3 returns it (IssueBean): top-level id/key/self plus the selected fields. */
export interface IssueJson {
  expand: string;
  id: string;
  self: string;
  key: string;
  fields: Record<string, unknown>;
  /** With `expand=changelog` only (renderChangelog). */
  changelog?: unknown;
}

/** Memoised reads while rendering many issues in one response. */
export interface RenderLookup {
  project(id: string): ProjectRecord;
  user(accountId: string | null): UserRecord | undefined;
  issue(id: string): IssueRecord | undefined;
  subtasks(id: string): IssueRecord[];
}

export const createRenderLookup = (ctx: SiteContext): RenderLookup => {
  const projects = new Map(ctx.directory.listProjects().map((p) => [p.id, p]));
  const users = new Map(ctx.directory.listUsers().map((u) => [u.accountId, u]));
  const issues = new Map<string, IssueRecord | undefined>();
  return {
    project: (id) => {
      const project = projects.get(id);
      if (!project) throw new Error(`Issue refers to missing project ${id}`);
      return project;
    },
    user: (accountId) => (accountId === null ? undefined : users.get(accountId)),
    issue: (id) => {
      if (!issues.has(id)) issues.set(id, ctx.issues.get(id));
      return issues.get(id);
    },
    subtasks: (id) => ctx.issues.childrenOf(id).filter((c) => issueTypeById(c.issueTypeId).hierarchyLevel < 0),
  };
};

/** REST v3 descriptions are Atlassian Document Format; blank lines separate paragraphs. */
export const toAdf = (text: string): unknown =>
  text.trim() === ''
    ? null
    : {
        type: 'doc',
        version: 1,
        content: text
          .split(/\n\s*\n/)
          .map((p) => p.trim())
          .filter((p) => p !== '')
          .map((p) => ({ type: 'paragraph', content: [{ type: 'text', text: p }] })),
      };

const issueSelf = (ctx: SiteContext, id: string): string => `${ctx.siteUrl}/rest/api/3/issue/${id}`;

/** The small issue reference Jira nests for `parent` and `subtasks`. */
const issueRef = (ctx: SiteContext, issue: IssueRecord) => ({
  id: issue.id,
  key: issue.key,
  self: issueSelf(ctx, issue.id),
  fields: {
    summary: issue.summary,
    status: renderStatus(ctx.siteUrl, statusById(issue.statusId)),
    issuetype: renderIssueType(ctx.siteUrl, issueTypeById(issue.issueTypeId)),
  },
});

const fieldValue = (
  ctx: SiteContext,
  lookup: RenderLookup,
  issue: IssueRecord,
  field: (typeof ISSUE_FIELDS)[number],
): unknown => {
  const user = (accountId: string | null) => {
    const found = lookup.user(accountId);
    return found ? renderUser(ctx.siteUrl, found) : null;
  };
  switch (field) {
    case 'summary':
      return issue.summary;
    case 'description':
      return toAdf(issue.description);
    case 'issuetype':
      return renderIssueType(ctx.siteUrl, issueTypeById(issue.issueTypeId));
    case 'status':
      return renderStatus(ctx.siteUrl, statusById(issue.statusId));
    case 'resolution':
      return issue.resolutionId === null ? null : renderResolution(ctx.siteUrl, resolutionById(issue.resolutionId));
    case 'resolutiondate':
      return issue.resolutionDate === null ? null : formatJiraTime(issue.resolutionDate);
    case 'parent': {
      const parent = issue.parentId === null ? undefined : lookup.issue(issue.parentId);
      return parent ? issueRef(ctx, parent) : undefined;
    }
    case 'subtasks':
      return lookup.subtasks(issue.id).map((s) => issueRef(ctx, s));
    case 'project':
      return renderProjectRef(ctx.siteUrl, lookup.project(issue.projectId));
    case 'assignee':
      return user(issue.assigneeId);
    case 'reporter':
    case 'creator':
      return user(issue.reporterId);
    case 'created':
      return formatJiraTime(issue.created);
    case 'updated':
      return formatJiraTime(issue.updated);
    case 'labels':
      return [...issue.labels];
    case 'duedate':
      return issue.dueDate;
    case 'security':
      // No issue security schemes are modelled: every issue is as visible as its project.
      return null;
  }
};

export const renderIssue = (
  ctx: SiteContext,
  lookup: RenderLookup,
  issue: IssueRecord,
  selection: FieldSelection,
): IssueJson => {
  const fields: Record<string, unknown> = {};
  for (const field of ISSUE_FIELDS) {
    if (!selection.has(field)) continue;
    const value = fieldValue(ctx, lookup, issue, field);
    // Jira leaves `parent` out entirely (rather than null) when an issue has none.
    if (value !== undefined) fields[field] = value;
  }
  return {
    expand: 'renderedFields,names,schema,operations,editmeta,changelog,versionedRepresentations',
    id: issue.id,
    self: issueSelf(ctx, issue.id),
    key: issue.key,
    fields,
  };
};

/**
 * An issue's `changelog` under `expand=changelog` on a search: its most recent histories first, at
 * most 40, as /rest/api/3/search/jql returns them (JRACLOUD-96459: more needs GET /issue/{id}/changelog);
 * `total` counts them all.
 */
export const SEARCH_CHANGELOG_LIMIT = 40;

export const renderChangelog = (ctx: SiteContext, lookup: RenderLookup, issue: IssueRecord): unknown => {
  const { histories, total } = ctx.changelog.recent(issue.id, SEARCH_CHANGELOG_LIMIT);
  return {
    startAt: 0,
    maxResults: histories.length,
    total,
    histories: histories.map((h) => {
      const author = lookup.user(h.authorId);
      return {
        id: h.id,
        ...(author === undefined ? {} : { author: renderUser(ctx.siteUrl, author) }),
        created: formatJiraTime(h.created),
        items: h.items,
      };
    }),
  };
};
