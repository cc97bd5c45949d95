import { createHash } from 'node:crypto';
import { z } from 'zod';
import { visibilityFor } from '../access';
import type { SiteContext } from '../context';
import { badRequest } from '../http';
import { parseQuery } from '../request';
import type { Route } from './route';

/**
 * `GET /rest/api/3/groups/picker` (Find groups), as Jira Cloud's REST v3 reference describes it
 * (developer.atlassian.com/cloud/jira/platform/rest/v3/api-group-groups/#api-rest-api-3-groups-picker-get):
 * - groups whose names contain `query`, sorted, wrapped with a picker `header` "Showing X of Y matching
 *   groups" and `total`; each with `html`, the name with the matched text in a strong tag;
 * - `exclude` (names) and `excludeId` (ids) leave groups out, and cannot be combined;
 * - anonymous calls and users without the Browse projects permission (in any project) get an empty list;
 * - without the Browse users and groups global permission only a query that is exactly a group's name
 *   finds it. The local site grants that permission to site admins and the app only (real sites choose
 *   who holds it in Global permissions: granting it narrowly is the strict case);
 * - the search is case-sensitive unless `caseInsensitive=true`.
 * Groups exist as their members name them (the local directory keeps group names per user); a group's
 * id is derived from its name, stable across runs, in the UUID form Jira uses.
 */

export const groupIdOf = (name: string): string => {
  const hex = createHash('sha256').update(`group:${name}`).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
};

/** Every group of the site, by name. */
export const siteGroups = (ctx: SiteContext): string[] =>
  [...new Set(ctx.directory.listUsers().flatMap((u) => u.groups))].sort((a, b) => a.localeCompare(b));

const escapeHtml = (text: string): string =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

const pickerQuery = z.object({
  query: z.string().default(''),
  exclude: z.array(z.string()).default([]),
  excludeId: z.array(z.string()).default([]),
  // jira.ajax.autocomplete.limit caps it on a real site; the local site answers up to 1,000.
  maxResults: z.coerce.number().int().min(1).max(1000).optional(),
  caseInsensitive: z.enum(['true', 'false']).default('false'),
  accountId: z.string().optional(),
});

export const groupRoutes: Route[] = [
  {
    method: 'GET',
    pattern: /^\/rest\/api\/3\/groups\/picker$/,
    template: '/rest/api/3/groups/picker',
    handle: ({ ctx, caller, request }) => {
      const input = parseQuery(pickerQuery, request.query, ['exclude', 'excludeId']);
      if (input.exclude.length > 0 && input.excludeId.length > 0) {
        throw badRequest('The exclude and excludeId parameters cannot be used together.');
      }
      if (input.accountId !== undefined) throw badRequest('The local Jira site does not emulate accountId on the groups picker.');
      const mayBrowseProjects = caller.kind === 'app' || visibilityFor(ctx, caller).projects.length > 0;
      const mayBrowseGroups = caller.kind === 'app' || caller.user.siteAdmin;
      const fold = input.caseInsensitive === 'true' ? (s: string) => s.toLowerCase() : (s: string) => s;
      const needle = fold(input.query);
      const matching = mayBrowseProjects
        ? siteGroups(ctx)
            .filter((name) => !input.exclude.includes(name) && !input.excludeId.includes(groupIdOf(name)))
            .filter((name) => (mayBrowseGroups ? fold(name).includes(needle) : fold(name) === needle))
        : [];
      const shown = matching.slice(0, input.maxResults ?? matching.length);
      const html = (name: string): string => {
        const at = needle === '' ? -1 : fold(name).indexOf(needle);
        if (at < 0) return escapeHtml(name);
        const end = at + needle.length;
        return `${escapeHtml(name.slice(0, at))}<strong>${escapeHtml(name.slice(at, end))}</strong>${escapeHtml(name.slice(end))}`;
      };
      return {
        header: `Showing ${String(shown.length)} of ${String(matching.length)} matching groups`,
        total: matching.length,
        groups: shown.map((name) => ({ name, html: html(name), groupId: groupIdOf(name), labels: [] })),
      };
    },
  },
];
