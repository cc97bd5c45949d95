import { z } from 'zod';
import type { Caller } from '../access';
import { userMayBrowse, visibilityFor } from '../access';
import { ISSUE_NOT_FOUND, JiraHttpError, badRequest } from '../http';
import type { IssueRecord, UserRecord } from '../model';
import { parseJsonBody } from '../request';
import type { SiteContext } from '../context';
import { UnsupportedByLocalRuntime } from '../../types';
import { groupIdOf } from './groups';
import type { Route } from './route';

/**
 * `POST /rest/api/3/issue/{issueIdOrKey}/notify` ("Send notification for issue", REST v3 Issues;
 * swagger-v3.v3.json operation `notify`): queues an email about the issue and answers 204 with no body.
 * - The caller needs Browse Projects on the issue's project: a missing or unbrowsable issue is the 404.
 * - 400 when a recipient is the calling user, a recipient is invalid (an unknown or inactive account;
 *   `reporter` or `assignee` asked for when the issue has none), or the request is invalid, which the
 *   emulator reads as "no recipient at all" too: `to` names nobody (inference: the docs list "required
 *   fields are missing"; the app always names its recipients).
 * - `Notification` and `NotificationRecipients` take unknown properties (`additionalProperties: true`),
 *   `NotificationRecipientsRestrictions` does not.
 * - Jira emails only people who may see the issue (its notification rules need Browse Projects), and
 *   `restrict` narrows further (group membership, a permission): recipients left out are recorded as
 *   withheld. The site has no watchers or votes, so `watchers` or `voters` set to true fail loudly.
 * The email is recorded in the site's database (store-notifications.ts), never sent.
 */

const group = z.looseObject({ name: z.string().optional(), groupId: z.string().nullable().optional() });

const notifyBody = z.looseObject({
  subject: z.string().optional(),
  textBody: z.string().optional(),
  htmlBody: z.string().optional(),
  to: z
    .looseObject({
      reporter: z.boolean().optional(),
      assignee: z.boolean().optional(),
      watchers: z.boolean().optional(),
      voters: z.boolean().optional(),
      users: z.array(z.looseObject({ accountId: z.string().min(1) })).optional(),
      groups: z.array(group).optional(),
      groupIds: z.array(z.string()).optional(),
    })
    .optional(),
  restrict: z
    .strictObject({
      groups: z.array(group).optional(),
      groupIds: z.array(z.string()).optional(),
      permissions: z.array(z.looseObject({ id: z.string().optional(), key: z.string().optional() })).optional(),
    })
    .optional(),
});
type GroupRef = z.infer<typeof group>;

const invalidRecipient = (why: string): JiraHttpError => badRequest(`The recipient is invalid: ${why}.`);

/** Browse Projects by key (and its legacy key BROWSE) or its id, 10: the only permission the site models. */
const isBrowse = (p: { id?: string | undefined; key?: string | undefined }): boolean =>
  p.key === 'BROWSE_PROJECTS' || p.key === 'BROWSE' || p.id === '10';

const groupNames = (refs: readonly GroupRef[], ids: readonly string[]): Set<string> =>
  new Set([...refs.flatMap((g) => (g.name !== undefined ? [g.name] : g.groupId ? [g.groupId] : [])), ...ids]);
const inGroups = (user: UserRecord, names: ReadonlySet<string>): boolean =>
  user.groups.some((g) => names.has(g) || names.has(groupIdOf(g)));

const callerAccount = (ctx: SiteContext, caller: Caller): string =>
  caller.kind === 'app' ? ctx.appAccount.accountId : caller.user.accountId;

const activeUser = (ctx: SiteContext, accountId: string, role: string): UserRecord => {
  const user = ctx.directory.getUser(accountId);
  if (!user?.active) throw invalidRecipient(`the ${role} '${accountId}' is not an active user`);
  return user;
};

const recipientsOf = (ctx: SiteContext, issue: IssueRecord, input: z.infer<typeof notifyBody>): UserRecord[] => {
  const to = input.to ?? {};
  if (to.watchers === true || to.voters === true)
    throw new UnsupportedByLocalRuntime(
      'notify: the local Jira site has no watchers or votes (to.watchers, to.voters)',
    );
  const users = new Map<string, UserRecord>();
  const add = (user: UserRecord): void => {
    users.set(user.accountId, user);
  };
  if (to.reporter === true) {
    if (issue.reporterId === null) throw invalidRecipient('the issue has no reporter');
    add(activeUser(ctx, issue.reporterId, 'reporter'));
  }
  if (to.assignee === true) {
    if (issue.assigneeId === null) throw invalidRecipient('the issue is unassigned');
    add(activeUser(ctx, issue.assigneeId, 'assignee'));
  }
  for (const u of to.users ?? []) add(activeUser(ctx, u.accountId, 'user'));
  const named = groupNames(to.groups ?? [], to.groupIds ?? []);
  if (named.size > 0)
    ctx.directory
      .listUsers()
      .filter((u) => u.active && inGroups(u, named))
      .forEach(add);
  if (users.size === 0) throw badRequest('No recipients were defined for notification.');
  return [...users.values()];
};

export const notifyRoutes: Route[] = [
  {
    method: 'POST',
    pattern: /^\/rest\/api\/3\/issue\/([^/]+)\/notify$/,
    template: '/rest/api/3/issue/{issueIdOrKey}/notify',
    status: 204,
    handle: ({ ctx, caller, request, params }) => {
      const input = parseJsonBody(notifyBody, request.body);
      const issue = visibilityFor(ctx, caller).findIssue(params[0] ?? '');
      if (!issue) throw new JiraHttpError(404, [ISSUE_NOT_FOUND]);
      const sender = callerAccount(ctx, caller);
      const recipients = recipientsOf(ctx, issue, input);
      if (recipients.some((u) => u.accountId === sender))
        throw badRequest('The recipient is the same as the calling user.');
      const restrict = input.restrict ?? {};
      for (const p of restrict.permissions ?? [])
        if (!isBrowse(p))
          throw new UnsupportedByLocalRuntime(
            `notify: restrict permission '${p.key ?? p.id ?? '?'}' (only BROWSE_PROJECTS)`,
          );
      const restrictGroups = groupNames(restrict.groups ?? [], restrict.groupIds ?? []);
      const project = ctx.directory.getProject(issue.projectId);
      const reaches = (u: UserRecord): boolean =>
        project !== undefined &&
        userMayBrowse(u, project) &&
        (restrictGroups.size === 0 || inGroups(u, restrictGroups));
      ctx.notifications.record({
        issueId: issue.id,
        issueKey: issue.key,
        sentBy: sender,
        subject: input.subject ?? `${issue.key}: ${issue.summary}`,
        textBody: input.textBody ?? '',
        htmlBody: input.htmlBody ?? '',
        recipients: recipients.filter(reaches).map((u) => u.accountId),
        withheld: recipients.filter((u) => !reaches(u)).map((u) => u.accountId),
        sentAt: ctx.now().toISOString(),
      });
      return undefined;
    },
  },
];
