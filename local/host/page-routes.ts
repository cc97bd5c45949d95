import * as admin from './admin-api';
import { chromeCsp } from './csp';
import { send } from './http-util';
import { adminPage } from './pages/admin-page';
import { confluencePage } from './pages/confluence-page';
import { dashboardPage } from './pages/dashboard-page';
import { globalPage, issueView, projectPage } from './pages/jira-pages';
import type { Page, PageContext } from './pages/page-context';
import { pageContext } from './pages/page-context';
import { settingsPage } from './pages/settings-page';
import { searchPage } from './pages/search-page';
import { startPage } from './pages/start-page';
import type { RequestContext, Route } from './route';
import { route } from './route';

/** The pages a person sees (module views framed like Jira and Confluence) and the site admin API. */
const page =
  (render: (ctx: PageContext, params: readonly string[]) => Page) =>
  ({ state, res, url }: RequestContext, params: readonly string[]): void => {
    const rendered = render(pageContext(state, url), params);
    send(res, rendered.status, 'text/html; charset=utf-8', rendered.body.value, {
      'content-security-policy': chromeCsp(state.resourceOrigin),
    });
  };

/** `/<prefix>/<sub-path>` -> `/<sub-path>`, the module's initial route ('' when none). */
const subPath = (raw: string | undefined): string => (raw === undefined || raw === '' ? '' : `/${raw}`);

export const pageRoutes: readonly Route[] = [
  route('GET', /^\/$/, 'page', page(startPage)),
  route(
    'GET',
    /^\/jira\/apps\/([^/]+)(?:\/(.*))?$/,
    'page',
    page((ctx, [key = '', rest]) => globalPage(ctx, key, subPath(rest))),
  ),
  // Jira settings' app pages (jira:adminPage): Configure and Get started first, their prefix not being an app id.
  route(
    'GET',
    /^\/jira\/settings\/apps\/(configure|get-started)\/([^/]+)\/([^/]+)(?:\/(.*))?$/,
    'page',
    page((ctx, [kind = '', appId = '', envId = '', rest]) =>
      settingsPage(ctx, kind === 'configure' ? 'configure' : 'get-started', appId, envId, subPath(rest)),
    ),
  ),
  route(
    'GET',
    /^\/jira\/settings\/apps\/([^/]+)\/([^/]+)(?:\/(.*))?$/,
    'page',
    page((ctx, [appId = '', envId = '', rest]) => settingsPage(ctx, 'main', appId, envId, subPath(rest))),
  ),
  route(
    'GET',
    /^\/jira\/projects\/([^/]+)\/apps\/([^/]+)(?:\/(.*))?$/,
    'page',
    page((ctx, [projectKey = '', key = '', rest]) => projectPage(ctx, projectKey, key, subPath(rest))),
  ),
  route(
    'GET',
    /^\/jira\/browse\/([^/]+)$/,
    'page',
    page((ctx, [key = '']) => issueView(ctx, key)),
  ),
  // Jira Cloud's own issue address (https://<site>/browse/KEY): what links from Confluence use, since the
  // router's `issue` target is a Jira one (app/links.ts). The local site keeps its issues under /jira.
  route(
    'GET',
    /^\/browse\/([^/]+)$/,
    'page',
    page((ctx, [key = '']) => issueView(ctx, key)),
  ),
  route('GET', /^\/jira\/dashboards\/local$/, 'page', page(dashboardPage)),
  // Jira Cloud's issue search address (`/issues/?jql=...`): the app's "See all work in Jira" link.
  route('GET', /^\/issues\/?$/, 'page', async ({ state, res, url }) => {
    const rendered = await searchPage(pageContext(state, url));
    send(res, rendered.status, 'text/html; charset=utf-8', rendered.body.value, {
      'content-security-policy': chromeCsp(state.resourceOrigin),
    });
  }),
  route(
    'GET',
    /^\/wiki\/spaces\/OKR\/pages\/([^/]+)(?:\/[^/]*)?$/,
    'page',
    page((ctx, [id = '']) => confluencePage(ctx, id)),
  ),
  route('GET', /^\/admin$/, 'page', page(adminPage)),

  route('GET', /^\/admin\/api\/issues$/, 'api', admin.listIssues),
  route('GET', /^\/admin\/api\/users$/, 'api', admin.listUsers),
  route('GET', /^\/admin\/api\/projects$/, 'api', admin.listProjects),
  route('GET', /^\/admin\/api\/notifications$/, 'api', admin.listNotifications),
  route('POST', /^\/admin\/api\/issues$/, 'api', admin.createIssue),
  route(['POST', 'PATCH'], /^\/admin\/api\/issues\/([^/]+)$/, 'api', (r, [key = '']) => admin.updateIssue(r, key)),
  route('DELETE', /^\/admin\/api\/issues\/([^/]+)$/, 'api', (r, [key = '']) => admin.deleteIssue(r, key)),
  route('POST', /^\/admin\/api\/issues\/([^/]+)\/delete$/, 'api', (r, [key = '']) => admin.deleteIssue(r, key)),
  route('POST', /^\/admin\/api\/triggers\/([^/]+)$/, 'api', (r, [key = '']) => admin.runTrigger(r, key)),
];
