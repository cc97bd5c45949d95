import { z } from 'zod';
import { badRequest } from '../http';
import { avatarUrls, renderUser, userAvatarPath } from '../render-directory';
import { parseQuery } from '../request';
import { groupIdOf } from './groups';
import type { Route } from './route';

const expands = (query: URLSearchParams, what: string): boolean =>
  query.getAll('expand').some((e) => e.split(',').map((s) => s.trim()).includes(what));

/**
 * `GET /rest/api/3/myself` (its groups listed only with `expand=groups`, each with name, groupId and
 * self, as Jira's reference describes the GroupName bean), `/user/search` and `/user/bulk`. Email addresses are always visible
 * (every demo user allows it; real sites hide them per the user's privacy settings).
 */

const searchQuery = z.object({
  query: z.string().optional(),
  accountId: z.string().optional(),
  property: z.string().optional(),
  startAt: z.coerce.number().int().min(0).default(0),
  maxResults: z.coerce.number().int().min(1).max(1000).default(50),
});

const bulkQuery = z.object({
  accountId: z.array(z.string()).min(1, 'accountId: at least one accountId is required').max(100),
  startAt: z.coerce.number().int().min(0).default(0),
  maxResults: z.coerce.number().int().min(1).max(200).default(10),
});

export const userRoutes: Route[] = [
  {
    method: 'GET',
    pattern: /^\/rest\/api\/3\/myself$/,
    template: '/rest/api/3/myself',
    // asApp gets the app's own account, as Jira answers an app's /myself with its app user.
    handle: ({ ctx, caller, request }) =>
      caller.kind === 'app'
        ? {
            self: `${ctx.siteUrl}/rest/api/3/user?accountId=${encodeURIComponent(ctx.appAccount.accountId)}`,
            accountId: ctx.appAccount.accountId,
            accountType: 'app',
            avatarUrls: avatarUrls(userAvatarPath(ctx.appAccount.accountId)),
            displayName: ctx.appAccount.displayName,
            active: true,
            timeZone: 'UTC',
            locale: 'en_US',
          }
        : {
            ...renderUser(ctx.siteUrl, caller.user),
            groups: {
              size: caller.user.groups.length,
              items: expands(request.query, 'groups')
                ? caller.user.groups.map((name) => ({
                    name,
                    groupId: groupIdOf(name),
                    self: `${ctx.siteUrl}/rest/api/3/group?groupId=${groupIdOf(name)}`,
                  }))
                : [],
            },
            applicationRoles: { size: 1, items: [{ key: 'jira-software', name: 'Jira' }] },
          },
  },
  {
    method: 'GET',
    pattern: /^\/rest\/api\/3\/user\/search$/,
    template: '/rest/api/3/user/search',
    handle: ({ ctx, request }) => {
      const input = parseQuery(searchQuery, request.query);
      if (input.property !== undefined) throw badRequest('The local Jira site does not emulate user properties.');
      if (input.query === undefined && input.accountId === undefined) {
        throw badRequest("One of 'query' or 'accountId' query parameters must be provided.");
      }
      const needle = input.query?.toLowerCase() ?? '';
      return ctx.directory
        .listUsers()
        .filter((u) => u.active)
        .filter((u) => input.accountId === undefined || u.accountId === input.accountId)
        .filter((u) => u.displayName.toLowerCase().includes(needle) || u.email.toLowerCase().includes(needle))
        .slice(input.startAt, input.startAt + input.maxResults)
        .map((u) => renderUser(ctx.siteUrl, u));
    },
  },
  {
    method: 'GET',
    pattern: /^\/rest\/api\/3\/user\/bulk$/,
    template: '/rest/api/3/user/bulk',
    handle: ({ ctx, request }) => {
      const input = parseQuery(bulkQuery, request.query, ['accountId']);
      // Unknown account ids are left out; the order follows the request.
      const users = [...new Set(input.accountId)].flatMap((id) => {
        const user = ctx.directory.getUser(id);
        return user ? [user] : [];
      });
      const values = users
        .slice(input.startAt, input.startAt + input.maxResults)
        .map((u) => renderUser(ctx.siteUrl, u));
      return {
        self: `${ctx.siteUrl}${request.pathname}?${request.query.toString()}`,
        maxResults: input.maxResults,
        startAt: input.startAt,
        total: users.length,
        isLast: input.startAt + input.maxResults >= users.length,
        values,
      };
    },
  },
];
