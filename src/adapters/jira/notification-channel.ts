import { assumeTrustedRoute, route } from '@forge/api';
import { z } from 'zod';
import type { JiraUser, NotificationChannel } from '../../usecases/ports';
import type { JiraClient } from './jira-client';

/**
 * The NotificationChannel port on Jira Cloud REST v3, as the app. Forge has no email API of its own: an
 * app reaches people through Jira's "Send notification for issue", which Jira sends as its own email
 * about that issue, only to people who may browse it.
 */

const ServerInfoJson = z.object({ baseUrl: z.string() });

const UserJson = z.object({
  accountId: z.string(),
  displayName: z.string().optional(),
  active: z.boolean().optional(),
  // "Depending on the user's privacy setting, this may be returned as null."
  locale: z.string().nullable().optional(),
});
const UserPageJson = z.object({ values: z.array(UserJson) });

const PermissionGrantJson = z.object({
  projectPermissions: z
    .array(z.object({ permission: z.string(), issues: z.array(z.number()).default([]) }))
    .default([]),
});

/** Nothing to parse: a 204 has no body. */
const NoBody = z.unknown();

/** GET /rest/api/3/user/bulk takes up to 100 accountId parameters a request. */
const USERS_PER_REQUEST = 100;
/** POST /rest/api/3/permissions/check checks at most 1,000 issues a request. */
const ISSUES_PER_CHECK = 1000;

export const createNotificationChannel = (client: JiraClient): NotificationChannel => ({
  /** GET /rest/api/3/serverInfo: no scope needed, 1 point. */
  async siteBaseUrl() {
    const info = await client.request('app', route`/rest/api/3/serverInfo`, ServerInfoJson, { method: 'GET' });
    return (info.body?.baseUrl ?? '').replace(/\/+$/, '');
  },

  /** GET /rest/api/3/user/bulk as the app (read:jira-user), 100 ids a request: 1 point plus 2 per user. */
  async usersByAccountId(accountIds) {
    const unique = [...new Set(accountIds)];
    const users = new Map<string, JiraUser>();
    for (let i = 0; i < unique.length; i += USERS_PER_REQUEST) {
      const query = new URLSearchParams({ maxResults: String(USERS_PER_REQUEST) });
      for (const id of unique.slice(i, i + USERS_PER_REQUEST)) query.append('accountId', id);
      // URLSearchParams encodes the ids, so they cannot steer the path.
      const path = assumeTrustedRoute(`/rest/api/3/user/bulk?${query.toString()}`);
      const page = await client.request('app', path, UserPageJson, { method: 'GET' });
      for (const u of page.body?.values ?? [])
        users.set(u.accountId, {
          accountId: u.accountId,
          displayName: u.displayName ?? '',
          active: u.active !== false,
          locale: u.locale ?? undefined,
        });
    }
    return users;
  },

  /**
   * POST /rest/api/3/permissions/check as the app for another user (`accountId`), BROWSE_PROJECTS on the
   * issues: checking others needs Administer Jira for a user, not for an app's server-side call (REST v3,
   * "Get bulk permissions"). 1 point plus 2 per issue granted.
   */
  async issuesBrowsableBy(accountId, issueIds) {
    const ids = [...new Set(issueIds)].filter((id) => /^\d+$/.test(id)).map(Number);
    const browsable = new Set<string>();
    for (let i = 0; i < ids.length; i += ISSUES_PER_CHECK) {
      const answer = await client.request('app', route`/rest/api/3/permissions/check`, PermissionGrantJson, {
        method: 'POST',
        body: {
          accountId,
          projectPermissions: [{ permissions: ['BROWSE_PROJECTS'], issues: ids.slice(i, i + ISSUES_PER_CHECK) }],
        },
      });
      for (const grant of answer.body?.projectPermissions ?? [])
        if (grant.permission === 'BROWSE_PROJECTS') for (const id of grant.issues) browsable.add(String(id));
    }
    return browsable;
  },

  /**
   * POST /rest/api/3/issue/{issueIdOrKey}/notify as the app (send:notification:jira): 204 when Jira
   * queued the email; 400 (a bad recipient), 403 (outgoing email off) and 404 (no such issue) come
   * back as refusals. Only the users named: not the issue's reporter, assignee, watchers or voters, and
   * only if they may browse it. A write: 1 point.
   */
  async notifyIssue(n) {
    const answer = await client.request(
      'app',
      route`/rest/api/3/issue/${n.issueId}/notify`,
      NoBody,
      {
        method: 'POST',
        body: {
          subject: n.subject,
          textBody: n.textBody,
          htmlBody: n.htmlBody,
          to: {
            reporter: false,
            assignee: false,
            watchers: false,
            voters: false,
            users: n.toAccountIds.map((accountId) => ({ accountId })),
          },
          restrict: { permissions: [{ key: 'BROWSE_PROJECTS' }] },
        },
      },
      [400, 403, 404],
    );
    return answer.status === 204 ? { sent: true } : { sent: false, status: answer.status };
  },
});
