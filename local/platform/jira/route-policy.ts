import { z } from 'zod';
import { UnsupportedByLocalRuntime } from '../types';

/**
 * What each emulated endpoint requires and costs on Jira Cloud, beside the routes that answer it.
 *
 * Scopes: the operation's `x-atlassian-oauth2-scopes` in Jira's OpenAPI document (swagger-v3.v3.json,
 * 1001.0.0-SNAPSHOT): the call is allowed when the app holds every scope of one group, the classic
 * group ("Current") or the granular one ("Beta"). An empty classic group needs no scope at all.
 *
 * Points: developer.atlassian.com/cloud/jira/platform/rate-limiting ("How points are calculated"):
 * every request costs a base of 1 point plus, for reads, 1 per core object (issues, projects) and
 * 2 per identity object (users, groups, permissions) it returns; writes cost the base only.
 */

export interface EndpointScopes {
  classic: readonly string[];
  granular: readonly string[];
}

export interface EndpointPolicy {
  scopes: EndpointScopes;
  /** Core and identity objects in a 200 body, the points beyond the base. */
  objects(body: unknown): { core: number; identity: number };
}

const count = (schema: z.ZodType<unknown[]>) => (body: unknown) => {
  const parsed = schema.safeParse(body);
  return parsed.success ? parsed.data.length : 0;
};

const issues = count(z.object({ issues: z.array(z.unknown()) }).transform((b) => b.issues));
const values = count(z.object({ values: z.array(z.unknown()) }).transform((b) => b.values));
const users = count(z.array(z.unknown()));
const groups = count(z.object({ groups: z.array(z.unknown()) }).transform((b) => b.groups));
const pickerIssues = count(
  z
    .object({ sections: z.array(z.object({ issues: z.array(z.unknown()) })) })
    .transform((b) => b.sections.flatMap((s) => s.issues)),
);
/** Every global grant and every project or issue a project grant names is one permission object. */
const permissionObjects = count(
  z
    .object({
      globalPermissions: z.array(z.unknown()).default([]),
      projectPermissions: z
        .array(z.object({ projects: z.array(z.unknown()).default([]), issues: z.array(z.unknown()).default([]) }))
        .default([]),
    })
    .transform((b) => [...b.globalPermissions, ...b.projectPermissions.flatMap((p) => [...p.projects, ...p.issues])]),
);

const READ_WORK: EndpointScopes['classic'] = ['read:jira-work'];
const READ_USER: EndpointScopes['classic'] = ['read:jira-user'];
const USER_GRANULAR = ['read:application-role:jira', 'read:group:jira', 'read:user:jira', 'read:avatar:jira'];
const ISSUE_GRANULAR = [
  'read:issue-meta:jira',
  'read:issue-security-level:jira',
  'read:issue.vote:jira',
  'read:issue.changelog:jira',
  'read:avatar:jira',
  'read:issue:jira',
  'read:status:jira',
  'read:user:jira',
  'read:field-configuration:jira',
];

const core = (n: (body: unknown) => number) => (body: unknown) => ({ core: n(body), identity: 0 });
const identity = (n: (body: unknown) => number) => (body: unknown) => ({ core: 0, identity: n(body) });
/** A write, or a read that returns no core or identity object: the base point only. */
const none = () => ({ core: 0, identity: 0 });

/**
 * JQL functions (apps): no classic scope ("Current" is empty); the granular read:app-data:jira /
 * write:app-data:jira are "100% optional now" (REST v3 docs, api-group-jql-functions--apps-).
 */
const APP_DATA_READ: EndpointPolicy = {
  scopes: { classic: [], granular: ['read:app-data:jira'] },
  objects: () => ({ core: 0, identity: 0 }),
};

const POLICIES: ReadonlyMap<string, EndpointPolicy> = new Map<string, EndpointPolicy>([
  ['GET /rest/api/3/jql/function/computation', APP_DATA_READ],
  ['POST /rest/api/3/jql/function/computation/search', APP_DATA_READ],
  [
    'POST /rest/api/3/jql/function/computation',
    { scopes: { classic: [], granular: ['write:app-data:jira'] }, objects: () => ({ core: 0, identity: 0 }) },
  ],
  [
    'GET /rest/api/3/search/jql',
    {
      scopes: {
        classic: READ_WORK,
        granular: [
          'read:issue-details:jira',
          'read:audit-log:jira',
          'read:avatar:jira',
          'read:field-configuration:jira',
          'read:issue-meta:jira',
        ],
      },
      objects: core(issues),
    },
  ],
  [
    'POST /rest/api/3/search/jql',
    {
      scopes: {
        classic: READ_WORK,
        granular: [
          'read:issue-details:jira',
          'read:field.default-value:jira',
          'read:field.option:jira',
          'read:field:jira',
          'read:group:jira',
        ],
      },
      objects: core(issues),
    },
  ],
  [
    'GET /rest/api/3/issue/{issueIdOrKey}',
    { scopes: { classic: READ_WORK, granular: ISSUE_GRANULAR }, objects: core(() => 1) },
  ],
  [
    'POST /rest/api/3/issue/bulkfetch',
    { scopes: { classic: READ_WORK, granular: ISSUE_GRANULAR }, objects: core(issues) },
  ],
  [
    'GET /rest/api/3/issue/picker',
    { scopes: { classic: READ_WORK, granular: ['read:issue-details:jira'] }, objects: core(pickerIssues) },
  ],
  [
    'POST /rest/api/3/permissions/check',
    { scopes: { classic: [], granular: ['read:permission:jira'] }, objects: identity(permissionObjects) },
  ],
  [
    // Classic write:jira-work, or the granular send:notification:jira alone (the operation's scopes).
    'POST /rest/api/3/issue/{issueIdOrKey}/notify',
    { scopes: { classic: ['write:jira-work'], granular: ['send:notification:jira'] }, objects: none },
  ],
  // "This operation can be accessed anonymously": no scope in either group.
  ['GET /rest/api/3/serverInfo', { scopes: { classic: [], granular: [] }, objects: none }],
  ['GET /rest/api/3/myself', { scopes: { classic: READ_USER, granular: USER_GRANULAR }, objects: identity(() => 1) }],
  [
    'GET /rest/api/3/user/search',
    {
      scopes: {
        classic: READ_USER,
        granular: [
          'read:user:jira',
          'read:user.property:jira',
          'read:application-role:jira',
          'read:avatar:jira',
          'read:group:jira',
        ],
      },
      objects: identity(users),
    },
  ],
  [
    'GET /rest/api/3/groups/picker',
    { scopes: { classic: READ_USER, granular: ['read:group:jira'] }, objects: identity(groups) },
  ],
  ['GET /rest/api/3/user/bulk', { scopes: { classic: READ_USER, granular: USER_GRANULAR }, objects: identity(values) }],
  [
    'GET /rest/api/3/project/search',
    {
      scopes: {
        classic: READ_WORK,
        granular: [
          'read:issue-type:jira',
          'read:project:jira',
          'read:project.property:jira',
          'read:user:jira',
          'read:application-role:jira',
          'read:avatar:jira',
          'read:group:jira',
          'read:issue-type-hierarchy:jira',
          'read:project-category:jira',
          'read:project-version:jira',
          'read:project.component:jira',
        ],
      },
      objects: core(values),
    },
  ],
]);

/** The policy of `METHOD /template`; an endpoint without one fails loudly rather than going free. */
export const endpointPolicy = (method: string, template: string): EndpointPolicy => {
  const policy = POLICIES.get(`${method} ${template}`);
  if (!policy) throw new UnsupportedByLocalRuntime(`no scope and points policy for ${method} ${template}`);
  return policy;
};

/**
 * Points a call costs: the base plus its objects. Writes (issue notify) cost the base only: their policy
 * counts no objects. A refused call costs the base.
 */
export const pointsFor = (policy: EndpointPolicy, status: number, body: unknown): number => {
  if (status < 200 || status >= 300) return 1;
  const { core: coreObjects, identity: identityObjects } = policy.objects(body);
  return 1 + coreObjects + 2 * identityObjects;
};

/** True when `granted` covers one of the endpoint's scope groups. */
export const scopesAllow = (granted: ReadonlySet<string>, scopes: EndpointScopes): boolean =>
  scopes.classic.every((s) => granted.has(s)) ||
  (scopes.granular.length > 0 && scopes.granular.every((s) => granted.has(s)));
