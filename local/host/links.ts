import type { ColorMode } from './frame-registry';

/**
 * Who is looking, in which theme and language. Every page takes `?as=<accountId>`, `?theme=dark` and
 * `?locale=<locale>`; links and router navigation carry them on, so switching user, theme or language
 * sticks while clicking around.
 */
export interface Viewer {
  accountId: string;
  theme: ColorMode;
  /** The acting user when `?as=` is absent (the demo site admin); not repeated in links. */
  defaultAccountId: string;
  /** The language the modules get (Forge's `en-US` form), from `?locale=` or the user's Jira locale. */
  locale: string;
  /** The acting user's own Jira locale in Forge's form: `?locale=` is repeated in links only when it differs. */
  defaultLocale: string;
}

/** The query parameters that belong to the host (who is looking, which theme and language), never to an app's route. */
export const VIEWER_PARAMS: readonly string[] = ['as', 'theme', 'locale'];

/**
 * A page app's initial route: the path after the module's address, plus the page's query without the
 * viewer's parameters (Jira keeps an app's route, query included, in its own address bar).
 */
export const appRoute = (subPath: string, url: URL): string => {
  const query = new URLSearchParams(url.search);
  for (const k of VIEWER_PARAMS) query.delete(k);
  const search = query.toString();
  return search === '' ? subPath : `${subPath === '' ? '/' : subPath}?${search}`;
};

/** A same-origin path with the viewer's `as`/`theme`/`locale` (only when they differ from the defaults). */
export const hrefFor = (path: string, viewer: Viewer, extra: Readonly<Record<string, string>> = {}): string => {
  const url = new URL(path, 'http://host.invalid');
  if (viewer.accountId !== viewer.defaultAccountId) url.searchParams.set('as', viewer.accountId);
  else url.searchParams.delete('as');
  if (viewer.theme === 'dark') url.searchParams.set('theme', 'dark');
  else url.searchParams.delete('theme');
  if (viewer.locale !== viewer.defaultLocale) url.searchParams.set('locale', viewer.locale);
  else url.searchParams.delete('locale');
  for (const [k, v] of Object.entries(extra)) url.searchParams.set(k, v);
  return `${url.pathname}${url.search}${url.hash}`;
};

/** The same page with some query parameters changed (`undefined` removes one). */
export const withParams = (current: URL, changes: Readonly<Record<string, string | undefined>>): string => {
  const url = new URL(current.href);
  for (const [k, v] of Object.entries(changes)) {
    if (v === undefined) url.searchParams.delete(k);
    else url.searchParams.set(k, v);
  }
  return `${url.pathname}${url.search}`;
};

export const PATHS = {
  start: '/',
  admin: '/admin',
  globalPage: (moduleKey: string): string => `/jira/apps/${encodeURIComponent(moduleKey)}`,
  projectPage: (projectKey: string, moduleKey: string): string =>
    `/jira/projects/${encodeURIComponent(projectKey)}/apps/${encodeURIComponent(moduleKey)}`,
  issue: (issueKey: string): string => `/jira/browse/${encodeURIComponent(issueKey)}`,
  dashboard: '/jira/dashboards/local',
  confluencePage: (pageId: string): string => `/wiki/spaces/OKR/pages/${encodeURIComponent(pageId)}`,
  /**
   * Jira's admin settings page of an app (jira:adminPage), its Configure and Get started pages; the
   * addresses Jira builds from the app and environment ids (docs: manifest-reference/modules/jira-admin-page).
   */
  adminSettings: (kind: AdminPageKind, appId: string, environmentId: string): string =>
    `/jira/settings/apps/${kind === 'main' ? '' : `${kind}/`}${encodeURIComponent(appId)}/${encodeURIComponent(environmentId)}`,
} as const;

/** Which of an app's admin pages: the one in the sidebar, or the Configure / Get started page of Manage apps. */
export type AdminPageKind = 'main' | 'configure' | 'get-started';
