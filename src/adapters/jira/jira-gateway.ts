import { assumeTrustedRoute, route } from '@forge/api';
import { AppError } from '../../usecases/errors';
import { startEarly } from '../../usecases/shared/start-early';
import type {
  ChildIssue,
  EpicRef,
  EpicState,
  InProgressEpic,
  JiraGateway,
  ViewerAccess,
  WorkIssue,
} from '../../usecases/ports';
import type { JiraClient } from './jira-client';
import { listPrecomputations, updatePrecomputations } from './precomputations';
import { createNotificationChannel } from './notification-channel';
import type { SearchIssue } from './schemas';
import type { z } from 'zod';
import {
  ChangePageJson,
  IssueJson,
  MyGroupsJson,
  PermissionCheckJson,
  ProjectSearchJson,
  SearchPageJson,
  UserBulkJson,
} from './schemas';

/** The JiraGateway port on Jira Cloud REST v3. One instance per invocation: it caches the admin check. */

/** Account ids per GET /rest/api/3/user/bulk (Jira takes up to 100 accountId parameters a request). */
const USERS_PER_REQUEST = 100;

/** Epics per search: keeps the JQL short and each query's result set small. */
export const EPICS_PER_QUERY = 50;
const SEARCH_FIELDS = ['summary', 'status', 'project', 'issuetype', 'parent', 'resolution', 'created'];
/** Coverage lists an epic by key, summary, status and project, newest first. */
const COVERAGE_FIELDS = ['summary', 'status', 'project', 'issuetype', 'created', 'security'];
/** GET /rest/api/3/project/search takes up to 50 `keys` a request. */
const PROJECT_KEYS_PER_REQUEST = 50;
/** A drafted check-in names issues and tells done, added and out-of-scope work apart. */
const WORK_FIELDS = ['summary', 'status', 'parent', 'resolution', 'resolutiondate', 'created'];
/** Finding changes needs only which epic an issue belongs to. */
const CHANGE_FIELDS = ['parent'];

const notLinkable = (issueKey: string, why: string): AppError =>
  new AppError('ISSUE_NOT_LINKABLE', `Issue ${issueKey} (issueKey) ${why}.`, 'issueKey');

/** Jira writes `2026-01-05T09:00:00.000+0000`; we keep ISO instants. */
const isoInstant = (jiraTime: string): string => {
  const ms = Date.parse(jiraTime.replace(/([+-]\d{2})(\d{2})$/, '$1:$2'));
  return Number.isNaN(ms) ? jiraTime : new Date(ms).toISOString();
};

const epicRefOf = (issue: SearchIssue): EpicRef => ({
  id: issue.id,
  key: issue.key,
  summary: issue.fields.summary ?? '',
  statusName: issue.fields.status.name,
  statusCategory: issue.fields.status.statusCategory.key,
  projectId: issue.fields.project?.id ?? '',
  projectKey: issue.fields.project?.key ?? issue.key.split('-')[0] ?? '',
  isEpic: issue.fields.issuetype?.hierarchyLevel === 1,
});

/**
 * Field names Jira's changelog uses for a move under a parent: `IssueParentAssociation` (fieldId
 * `parent`) on team-managed and newer sites, `Parent`, and `Epic Link` on company-managed projects that
 * still have it. Each item's `to` is the new parent's issue id.
 */
const PARENT_FIELDS = new Set(['IssueParentAssociation', 'Parent', 'Epic Link']);

/** The latest changelog entry that moved the issue under its current parent, if the histories hold one. */
const parentSetAt = (issue: SearchIssue): string | undefined => {
  const parent = issue.fields.parent?.id;
  if (parent === undefined) return undefined;
  let latest: number | undefined;
  for (const history of issue.changelog?.histories ?? []) {
    const moved = history.items.some(
      (item) => (item.fieldId === 'parent' || PARENT_FIELDS.has(item.field)) && item.to === parent,
    );
    const at = Date.parse(isoInstant(history.created));
    if (moved && !Number.isNaN(at) && (latest === undefined || at > latest)) latest = at;
  }
  return latest === undefined ? undefined : new Date(latest).toISOString();
};

const childOf = (issue: SearchIssue): ChildIssue => ({
  statusCategory: issue.fields.status.statusCategory.key,
  resolution: issue.fields.resolution?.name,
  created: isoInstant(issue.fields.created),
});

export const createJiraGateway = (client: JiraClient): JiraGateway => {
  let siteAdmin: Promise<boolean> | undefined;
  let myGroups: Promise<{ name: string; groupId?: string | null | undefined }[]> | undefined;

  /** Every page of one JQL search as the app (token paging; 100 issues a page with these fields). */
  const searchPages = async <
    T extends { issues: unknown[]; nextPageToken?: string | undefined; isLast?: boolean | undefined },
  >(
    jql: string,
    fields: readonly string[],
    schema: z.ZodType<T>,
    as: 'app' | 'user' = 'app',
    expand?: 'changelog',
  ): Promise<T['issues']> => {
    const issues: T['issues'] = [];
    let nextPageToken: string | undefined;
    do {
      const page = await client.request(as, route`/rest/api/3/search/jql`, schema, {
        method: 'POST',
        body: {
          jql,
          fields,
          maxResults: 100,
          ...(expand === undefined ? {} : { expand }),
          ...(nextPageToken === undefined ? {} : { nextPageToken }),
        },
      });
      issues.push(...(page.body?.issues ?? []));
      nextPageToken = page.body?.isLast === true ? undefined : page.body?.nextPageToken;
    } while (nextPageToken !== undefined);
    return issues;
  };
  const searchAll = (jql: string): Promise<SearchIssue[]> => searchPages(jql, SEARCH_FIELDS, SearchPageJson);

  /** One batch: the epics themselves and their child issues, in a single query. */
  const readBatch = async (ids: readonly string[]): Promise<Map<string, EpicState>> => {
    const list = ids.join(', ');
    const issues = await searchAll(`id in (${list}) OR parent in (${list}) ORDER BY key`);
    const states = new Map<string, EpicState>(ids.map((id) => [id, { epic: undefined, children: [] }]));
    for (const issue of issues) {
      const own = states.get(issue.id);
      if (own !== undefined) {
        own.epic = epicRefOf(issue);
        continue;
      }
      const parentId = issue.fields.parent?.id;
      if (parentId !== undefined) states.get(parentId)?.children.push(childOf(issue));
    }
    return states;
  };

  const check = async (body: unknown) =>
    (await client.request('user', route`/rest/api/3/permissions/check`, PermissionCheckJson, { method: 'POST', body }))
      .body ?? {
      globalPermissions: [],
      projectPermissions: [],
    };

  return {
    ...createNotificationChannel(client),
    /** GET /rest/api/3/issue/{key} as the user: 404 means missing or not visible, never distinguished. */
    async findEpicForUser(issueKey) {
      const response = await client.request(
        'user',
        route`/rest/api/3/issue/${issueKey}?fields=issuetype,summary,status,project,parent`,
        IssueJson,
        { method: 'GET' },
        [404, 403, 400],
      );
      const issue = response.body;
      if (issue === undefined) throw notLinkable(issueKey, 'was not found or is not visible to you');
      if (issue.fields.issuetype.hierarchyLevel !== 1) throw notLinkable(issueKey, 'is not an epic');
      return {
        id: issue.id,
        key: issue.key,
        summary: issue.fields.summary,
        statusName: issue.fields.status.name,
        statusCategory: issue.fields.status.statusCategory.key,
        projectId: issue.fields.project.id,
        projectKey: issue.fields.project.key,
        isEpic: true,
      };
    },

    /** POST /rest/api/3/search/jql as the app, `id in (...) OR parent in (...)`, ≤ 50 epics per query. */
    async readEpics(issueIds) {
      const unique = [...new Set(issueIds)].filter((id) => /^\d+$/.test(id));
      const batches: string[][] = [];
      for (let i = 0; i < unique.length; i += EPICS_PER_QUERY) batches.push(unique.slice(i, i + EPICS_PER_QUERY));
      const result = new Map<string, EpicState>();
      // A few batches at a time: fast, without bursting into Jira's per-second limits.
      for (let i = 0; i < batches.length; i += 4) {
        const done = await Promise.all(batches.slice(i, i + 4).map(readBatch));
        for (const states of done) for (const [id, state] of states) result.set(id, state);
      }
      return result;
    },

    /**
     * POST /rest/api/3/search/jql as the app, `(id in (...) OR parent in (...)) AND updated >= "-<n>m"`,
     * ≤ 50 epics per query with only `parent` read: 1 point a page plus 1 per changed issue. A relative
     * period, so the site's time zone cannot shift the window.
     */
    async changedEpics(issueIds, minutes) {
      const unique = [...new Set(issueIds)].filter((id) => /^\d+$/.test(id));
      const wanted = new Set(unique);
      const since = `-${String(Math.max(1, Math.ceil(minutes)))}m`;
      const changed = new Set<string>();
      const batches: string[][] = [];
      for (let i = 0; i < unique.length; i += EPICS_PER_QUERY) batches.push(unique.slice(i, i + EPICS_PER_QUERY));
      for (let i = 0; i < batches.length; i += 4) {
        const pages = await Promise.all(
          batches.slice(i, i + 4).map((ids) => {
            const list = ids.join(', ');
            return searchPages(
              `(id in (${list}) OR parent in (${list})) AND updated >= "${since}"`,
              CHANGE_FIELDS,
              ChangePageJson,
            );
          }),
        );
        for (const issue of pages.flat()) {
          if (wanted.has(issue.id)) changed.add(issue.id);
          const parent = issue.fields.parent?.id;
          if (parent !== undefined && wanted.has(parent)) changed.add(parent);
        }
      }
      return changed;
    },

    /**
     * POST /rest/api/3/search/jql as the user, `id in (...) OR (parent in (...) AND updated >= "-<n>m")`
     * with expand=changelog, ≤ 50 epics a query: 1 point a page plus 1 an issue. Every child touched in the
     * period, not only those created or resolved in it: an issue moved into an epic is old, and only its
     * changelog (parentSetAt) tells it was added. A relative period, so the user's time zone cannot shift
     * the window (absolute JQL dates are read in it).
     */
    async epicWorkForUser(epicIds, minutes): Promise<WorkIssue[]> {
      const unique = [...new Set(epicIds)].filter((id) => /^\d+$/.test(id));
      const since = `-${String(Math.max(1, Math.ceil(minutes)))}m`;
      const found: WorkIssue[] = [];
      for (let i = 0; i < unique.length; i += EPICS_PER_QUERY) {
        const list = unique.slice(i, i + EPICS_PER_QUERY).join(', ');
        const jql = `id in (${list}) OR (parent in (${list}) AND updated >= "${since}") ORDER BY key`;
        for (const issue of await searchPages(jql, WORK_FIELDS, SearchPageJson, 'user', 'changelog')) {
          const resolved = issue.fields.resolutiondate;
          found.push({
            id: issue.id,
            key: issue.key,
            summary: issue.fields.summary ?? '',
            statusName: issue.fields.status.name,
            statusCategory: issue.fields.status.statusCategory.key,
            resolution: issue.fields.resolution?.name,
            created: isoInstant(issue.fields.created),
            resolved: resolved === undefined || resolved === null ? undefined : isoInstant(resolved),
            parentId: issue.fields.parent?.id,
            parentSetAt: parentSetAt(issue),
          });
        }
      }
      return found;
    },

    /** POST /rest/api/3/permissions/check as the user: BROWSE_PROJECTS on the given projects, plus ADMINISTER. */
    async viewerAccess(projectIds): Promise<ViewerAccess> {
      const projects = [...new Set(projectIds)].filter((id) => /^\d+$/.test(id)).map(Number);
      const browsable = new Set<string>();
      let admin = false;
      // Jira checks at most 1,000 projects per request.
      for (let i = 0; i === 0 || i < projects.length; i += 1000) {
        const chunk = projects.slice(i, i + 1000);
        const answer = await check({
          globalPermissions: ['ADMINISTER'],
          ...(chunk.length === 0
            ? {}
            : { projectPermissions: [{ permissions: ['BROWSE_PROJECTS'], projects: chunk }] }),
        });
        admin = answer.globalPermissions.includes('ADMINISTER');
        for (const grant of answer.projectPermissions) {
          if (grant.permission === 'BROWSE_PROJECTS') for (const id of grant.projects) browsable.add(String(id));
        }
      }
      siteAdmin ??= startEarly(Promise.resolve(admin));
      return { browsableProjectIds: browsable, isSiteAdmin: admin };
    },

    /**
     * As the user: GET /rest/api/3/project/search?keys=… (the projects they may browse, 50 keys a request;
     * 1 point a request plus 1 a project). Jira answers 400 to a JQL value the caller cannot see ("The
     * value 'X' does not exist for the field 'project'"), so searches name only these.
     */
    async browsableProjectKeys(projectKeys): Promise<string[]> {
      const wanted = [...new Set(projectKeys.map((k) => k.toUpperCase()))].filter((k) => /^[A-Z][A-Z0-9_]*$/.test(k));
      const browsable: string[] = [];
      for (let i = 0; i < wanted.length; i += PROJECT_KEYS_PER_REQUEST) {
        const query = new URLSearchParams({ maxResults: String(PROJECT_KEYS_PER_REQUEST) });
        for (const key of wanted.slice(i, i + PROJECT_KEYS_PER_REQUEST)) query.append('keys', key);
        // URLSearchParams encodes the keys (already checked against Jira's key pattern), so they cannot steer the path.
        const path = assumeTrustedRoute(`/rest/api/3/project/search?${query.toString()}`);
        const page = await client.request('user', path, ProjectSearchJson, { method: 'GET' });
        browsable.push(...(page.body?.values ?? []).map((p) => p.key));
      }
      return browsable;
    },

    /**
     * As the user: POST /rest/api/3/search/jql `project in (…) AND issuetype = Epic AND statusCategory =
     * "In Progress"`, 50 projects a query, every page (1 point a page plus 1 an epic). Epics are level 1
     * of the issue hierarchy, as findEpicForUser checks. `security` is the issue security level field
     * (developer.atlassian.com/cloud/jira/platform/rest/v3/api-group-issue-security-level).
     */
    async inProgressEpicsIn(projectKeys): Promise<InProgressEpic[]> {
      const keys = [...new Set(projectKeys)].filter((k) => /^[A-Z][A-Z0-9_]*$/i.test(k));
      const epics: InProgressEpic[] = [];
      for (let i = 0; i < keys.length; i += PROJECT_KEYS_PER_REQUEST) {
        const list = keys
          .slice(i, i + PROJECT_KEYS_PER_REQUEST)
          .map((k) => `"${k}"`)
          .join(', ');
        const jql = `project in (${list}) AND issuetype = Epic AND statusCategory = "In Progress" ORDER BY created DESC`;
        for (const issue of await searchPages(jql, COVERAGE_FIELDS, SearchPageJson, 'user')) {
          const ref = epicRefOf(issue);
          if (issue.fields.issuetype?.hierarchyLevel !== undefined && !ref.isEpic) continue;
          epics.push({
            id: ref.id,
            key: ref.key,
            summary: ref.summary,
            statusName: ref.statusName,
            projectKey: ref.projectKey,
            created: isoInstant(issue.fields.created),
            ...(issue.fields.security === undefined || issue.fields.security === null ? {} : { secured: true }),
          });
        }
      }
      return epics;
    },

    /** GET /rest/api/3/user/bulk as the app, 100 ids a request; inactive users count as unknown. */
    async unknownAccountIds(accountIds) {
      const unique = [...new Set(accountIds)];
      const known = new Set<string>();
      for (let i = 0; i < unique.length; i += USERS_PER_REQUEST) {
        const query = new URLSearchParams({ maxResults: String(USERS_PER_REQUEST) });
        for (const id of unique.slice(i, i + USERS_PER_REQUEST)) query.append('accountId', id);
        // URLSearchParams encodes the ids, so they cannot steer the path.
        const path = assumeTrustedRoute(`/rest/api/3/user/bulk?${query.toString()}`);
        const page = await client.request('app', path, UserBulkJson, { method: 'GET' });
        for (const user of page.body?.values ?? []) if (user.active !== false) known.add(user.accountId);
      }
      return unique.filter((id) => !known.has(id));
    },

    listPrecomputations: () => listPrecomputations(client),
    updatePrecomputations: (updates) => updatePrecomputations(client, updates),

    /** POST /rest/api/3/permissions/check as the user, ADMINISTER; asked at most once per invocation. */
    isSiteAdmin() {
      // A memo handed to every caller; startEarly so a caller that never awaits it leaves nothing unhandled.
      siteAdmin ??= startEarly(
        check({ globalPermissions: ['ADMINISTER'] }).then((a) => a.globalPermissions.includes('ADMINISTER')),
      );
      return siteAdmin;
    },

    /**
     * GET /rest/api/3/myself?expand=groups as the user ("Permission to access Jira"; groups includes nested
     * groups: developer.atlassian.com/cloud/jira/platform/rest/v3/api-group-myself); asked at most once per
     * invocation. Matched by groupId, which survives a rename; by name only when Jira gives no id.
     */
    isInGroup(group) {
      myGroups ??= startEarly(
        client
          .request('user', route`/rest/api/3/myself?expand=groups`, MyGroupsJson, { method: 'GET' })
          .then((r) => r.body?.groups.items ?? []),
      );
      return myGroups.then((groups) =>
        groups.some((g) =>
          g.groupId === undefined || g.groupId === null ? g.name === group.name : g.groupId === group.groupId,
        ),
      );
    },
  };
};
