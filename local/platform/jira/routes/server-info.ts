import type { Route } from './route';

/**
 * `GET /rest/api/3/serverInfo` (REST v3 Server info; no scope, "can be accessed anonymously"): the site's
 * address, which apps use for links in what they send (emails), and a few fixed build facts.
 */
export const serverInfoRoutes: Route[] = [
  {
    method: 'GET',
    pattern: /^\/rest\/api\/3\/serverInfo$/,
    template: '/rest/api/3/serverInfo',
    handle: ({ ctx }) => ({
      baseUrl: ctx.siteUrl,
      displayUrl: ctx.siteUrl,
      deploymentType: 'Cloud',
      version: '1001.0.0-SNAPSHOT',
      versionNumbers: [1001, 0, 0],
      buildNumber: 100_000,
      serverTime: ctx.now().toISOString().replace('Z', '+0000'),
      serverTitle: 'Jira',
    }),
  },
];
