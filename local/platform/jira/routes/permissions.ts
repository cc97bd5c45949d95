import { z } from 'zod';
import type { Caller } from '../access';
import { visibilityFor } from '../access';
import { JiraHttpError } from '../http';
import { parseJsonBody } from '../request';
import { UnsupportedByLocalRuntime } from '../../types';
import type { Route, RouteEnv } from './route';

/**
 * `POST /rest/api/3/permissions/check`, for BROWSE_PROJECTS (project) and ADMINISTER (global).
 * Other permission keys fail loudly. Checking another user needs ADMINISTER (as on Jira) unless the
 * caller is the app. The app's own grants: browse every project, not a Jira administrator.
 */

const checkBody = z.strictObject({
  accountId: z.string().min(1).optional(),
  globalPermissions: z.array(z.string()).optional(),
  projectPermissions: z
    .array(
      z.strictObject({
        permissions: z.array(z.string()).min(1),
        projects: z.array(z.number().int()).max(1000).optional(),
        issues: z.array(z.number().int()).max(1000).optional(),
      }),
    )
    .optional(),
});

const subjectOf = ({ ctx, caller }: RouteEnv, accountId: string | undefined): Caller => {
  if (accountId === undefined || (caller.kind === 'user' && caller.user.accountId === accountId)) return caller;
  if (caller.kind === 'user' && !caller.user.siteAdmin) {
    throw new JiraHttpError(403, [
      'You need the Administer Jira global permission to check the permissions of another user.',
    ]);
  }
  const user = ctx.directory.getUser(accountId);
  if (!user) throw new JiraHttpError(404, [`The user with accountId '${accountId}' does not exist.`]);
  return { kind: 'user', user };
};

const unsupported = (key: string): UnsupportedByLocalRuntime =>
  new UnsupportedByLocalRuntime(
    `Permission '${key}' is not supported by the local Jira site (only BROWSE_PROJECTS and ADMINISTER).`,
  );

export const permissionRoutes: Route[] = [
  {
    method: 'POST',
    pattern: /^\/rest\/api\/3\/permissions\/check$/,
    template: '/rest/api/3/permissions/check',
    handle: (env) => {
      const input = parseJsonBody(checkBody, env.request.body);
      const subject = subjectOf(env, input.accountId);
      const globalPermissions = (input.globalPermissions ?? []).filter((key) => {
        if (key !== 'ADMINISTER') throw unsupported(key);
        return subject.kind === 'user' && subject.user.siteAdmin;
      });
      const visibility = visibilityFor(env.ctx, subject);
      const grants = new Map<string, { projects: Set<number>; issues: Set<number> }>();
      for (const entry of input.projectPermissions ?? []) {
        for (const key of entry.permissions) {
          if (key !== 'BROWSE_PROJECTS') throw unsupported(key);
          const grant = grants.get(key) ?? { projects: new Set(), issues: new Set() };
          (entry.projects ?? [])
            .filter((id) => visibility.projectById.has(String(id)))
            .forEach((id) => grant.projects.add(id));
          (entry.issues ?? [])
            .filter((id) => visibility.issueById(String(id)) !== undefined)
            .forEach((id) => grant.issues.add(id));
          grants.set(key, grant);
        }
      }
      return {
        globalPermissions,
        projectPermissions: [...grants].map(([permission, grant]) => ({
          permission,
          projects: [...grant.projects].sort((a, b) => a - b),
          issues: [...grant.issues].sort((a, b) => a - b),
        })),
      };
    },
  },
];
