import { z } from 'zod';
import { findUiModule } from '../platform/app-manifest';
import type { FrameRecord } from './frame-registry';
import type { HostState } from './host-state';
import { HttpError, parseWith } from './http-util';
import type { Viewer } from './links';
import { hrefFor, PATHS } from './links';
import { defaultAccountId, userLocale } from './viewer';

/**
 * router.navigate / router.open / router.getUrl: a URL or a NavigationLocation target becomes a host
 * page URL. Same-origin URLs keep the acting user and theme, as a Jira session would. Targets the
 * local site has no page for are refused, naming them.
 */
const Navigation = z.object({
  type: z.enum(['same-tab', 'new-tab']),
  url: z.string().optional(),
  target: z.string().optional(),
  issueKey: z.string().optional(),
  moduleKey: z.string().optional(),
  projectKey: z.string().optional(),
  path: z.string().optional(),
  dashboardId: z.string().optional(),
  contentId: z.string().optional(),
});
type Navigation = z.infer<typeof Navigation>;

const need = (value: string | undefined, field: string, target: string): string => {
  if (value === undefined || value === '')
    throw new HttpError(400, 'INVALID_TARGET', `router target '${target}' needs ${field}`);
  return value;
};

const modulePath = (state: HostState, nav: Navigation): string => {
  const moduleKey = need(nav.moduleKey, 'moduleKey', 'module');
  const { type } = findUiModule(state.runtime.manifest, moduleKey);
  const sub = nav.path === undefined ? '' : `/${nav.path.replace(/^\/+/, '')}`;
  if (type === 'jira:globalPage') return PATHS.globalPage(moduleKey) + sub;
  if (type === 'jira:projectPage')
    return PATHS.projectPage(need(nav.projectKey, 'projectKey', 'module'), moduleKey) + sub;
  if (type === 'jira:dashboardGadget') return PATHS.dashboard;
  // The router docs' Jira `module` target: an admin page is /jira/settings/apps/{appId}/{environmentId}.
  if (type === 'jira:adminPage') {
    const { appId, environmentId } = state.runtime.installation;
    const { module } = findUiModule(state.runtime.manifest, moduleKey);
    const kind = module.useAsConfig === true ? 'configure' : module.useAsGetStarted === true ? 'get-started' : 'main';
    return PATHS.adminSettings(kind, appId, environmentId) + sub;
  }
  throw new HttpError(400, 'INVALID_TARGET', `module '${moduleKey}' (${type}) is not a page router.navigate can open`);
};

const targetPath = (state: HostState, nav: Navigation): string => {
  const target = need(nav.target, 'target', 'navigation');
  switch (target) {
    case 'issue':
      return PATHS.issue(need(nav.issueKey, 'issueKey', target));
    case 'module':
      return modulePath(state, nav);
    case 'dashboard':
      need(nav.dashboardId, 'dashboardId', target);
      return PATHS.dashboard;
    case 'contentView':
      return PATHS.confluencePage(need(nav.contentId, 'contentId', target));
    default:
      throw new HttpError(400, 'NOT_EMULATED', `router target '${target}' is not emulated by the local host`);
  }
};

const viewerOf = (state: HostState, frame: FrameRecord): Viewer => ({
  accountId: frame.accountId,
  theme: frame.theme,
  defaultAccountId: defaultAccountId(state.runtime.site),
  locale: frame.locale,
  defaultLocale: userLocale(state.runtime.site, frame.accountId),
});

export const navigationFor = (
  state: HostState,
  frame: FrameRecord,
  raw: unknown,
): { url: string; type: 'same-tab' | 'new-tab' } => {
  const nav = parseWith(Navigation, raw, 'navigate payload');
  const viewer = viewerOf(state, frame);
  if (nav.url !== undefined) {
    let url: URL;
    try {
      url = new URL(nav.url, state.origin);
    } catch {
      throw new HttpError(400, 'INVALID_URL', `router: '${nav.url}' is not a URL`);
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:')
      throw new HttpError(400, 'INVALID_URL', `router: only http(s) URLs can be opened, not ${url.protocol}`);
    const sameOrigin = url.origin === state.origin;
    return {
      url: sameOrigin ? state.origin + hrefFor(url.pathname + url.search + url.hash, viewer) : url.href,
      type: nav.type,
    };
  }
  return { url: state.origin + hrefFor(targetPath(state, nav), viewer), type: nav.type };
};
