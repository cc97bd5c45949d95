import { z } from 'zod';

/** Jira REST v3 responses, parsed from unknown: only the fields the app reads, everything else ignored. */

const StatusJson = z.object({
  name: z.string(),
  statusCategory: z.object({ key: z.enum(['new', 'indeterminate', 'done']) }),
});

const ProjectJson = z.object({ id: z.string(), key: z.string() });

/** GET /rest/api/3/issue/{key}?fields=issuetype,summary,status,project,parent */
export const IssueJson = z.object({
  id: z.string(),
  key: z.string(),
  fields: z.object({
    summary: z.string(),
    status: StatusJson,
    project: ProjectJson,
    issuetype: z.object({ hierarchyLevel: z.number().optional() }),
  }),
});

/** One issue of POST /rest/api/3/search/jql with fields summary,status,project,issuetype,parent,resolution,created. */
const SearchIssueJson = z.object({
  id: z.string(),
  key: z.string(),
  fields: z.object({
    summary: z.string().optional(),
    status: StatusJson,
    project: ProjectJson.optional(),
    issuetype: z.object({ hierarchyLevel: z.number().optional() }).optional(),
    parent: z.object({ id: z.string() }).optional(),
    resolution: z.object({ name: z.string() }).nullable().optional(),
    created: z.string(),
    /** Asked for by the check-in draft only: when the issue was resolved (null while unresolved). */
    resolutiondate: z.string().nullable().optional(),
    /** Asked for by coverage only: the issue security level (null or absent when none). */
    security: z.object({ id: z.string() }).nullable().optional(),
  }),
  /** With expand=changelog (the check-in draft): the issue's most recent histories, at most 40. */
  changelog: z
    .object({
      histories: z.array(
        z.object({
          created: z.string(),
          items: z.array(
            z.object({ field: z.string(), fieldId: z.string().optional(), to: z.string().nullable().optional() }),
          ),
        }),
      ),
    })
    .optional(),
});
export type SearchIssue = z.infer<typeof SearchIssueJson>;

export const SearchPageJson = z.object({
  issues: z.array(SearchIssueJson),
  nextPageToken: z.string().optional(),
  isLast: z.boolean().optional(),
});

/** POST /rest/api/3/search/jql with fields parent: which epic each changed issue belongs to. */
export const ChangePageJson = z.object({
  issues: z.array(z.object({ id: z.string(), fields: z.object({ parent: z.object({ id: z.string() }).optional() }) })),
  nextPageToken: z.string().optional(),
  isLast: z.boolean().optional(),
});

/** GET /rest/api/3/project/search: a page of the projects the caller may browse (only the keys are read). */
export const ProjectSearchJson = z.object({
  values: z.array(z.object({ id: z.string(), key: z.string() })).default([]),
  isLast: z.boolean().optional(),
});

/** POST /rest/api/3/permissions/check */
export const PermissionCheckJson = z.object({
  globalPermissions: z.array(z.string()).default([]),
  projectPermissions: z
    .array(z.object({ permission: z.string(), projects: z.array(z.number()).default([]) }))
    .default([]),
});

/** GET /rest/api/3/user/bulk: a page of users (unknown account ids are left out). */
export const UserBulkJson = z.object({
  values: z.array(z.object({ accountId: z.string(), active: z.boolean().optional() })).default([]),
});

/** GET /rest/api/3/myself?expand=groups: the acting user's groups (nested ones included). */
export const MyGroupsJson = z.object({
  groups: z
    .object({ items: z.array(z.object({ name: z.string(), groupId: z.string().nullish() })).default([]) })
    .default({ items: [] }),
});
