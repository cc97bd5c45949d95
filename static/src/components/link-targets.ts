/**
 * Where a link in a view leads, worked out without the bridge (so unit tests can run it): links.ts
 * hands these to Forge's router. Router facts: developer.atlassian.com/platform/forge/apis-reference/
 * ui-api-bridge/router (navigate, open, getUrl; NavigationLocation targets `issue` and `module`).
 */

/** The manifest key of the alignment board (jira:globalPage), where objective links land. */
export const BOARD_MODULE_KEY = 'cadence-board';

export type Product = 'jira' | 'confluence';

/** What links need from the view's context: which product frames the view, and the site's address. */
export interface LinkHost {
  readonly product: Product;
  /** The site's origin (scheme, host, port) from context.siteUrl; Jira's paths hang off it. */
  readonly siteOrigin: string;
}

/** A Confluence macro (or any confluence:* module) is framed by Confluence; every other module by Jira. */
export const productOf = (extensionType: string | undefined): Product =>
  extensionType === 'macro' || extensionType?.startsWith('confluence:') === true ? 'confluence' : 'jira';

/** The site's origin; '' when the context gave no parseable siteUrl (links then use targets only). */
export const originOf = (siteUrl: string | undefined): string => {
  if (siteUrl === undefined) return '';
  try {
    return new URL(siteUrl).origin;
  } catch {
    return '';
  }
};

/**
 * Either a NavigationLocation the router resolves, or a URL on the site. The `issue` target is a Jira
 * target, so from Confluence an issue is Jira's own issue address on the same site (`/browse/KEY`).
 */
/** The two NavigationLocation targets the app uses (@forge/bridge out/router/types.d.ts: Issue, Module). */
export type LinkLocation =
  | { readonly target: 'issue'; readonly issueKey: string }
  | { readonly target: 'module'; readonly moduleKey: string; readonly path?: string };

export type Destination =
  { readonly kind: 'location'; readonly location: LinkLocation } | { readonly kind: 'url'; readonly url: string };

export const issueDestination = (host: LinkHost, issueKey: string): Destination =>
  host.product === 'confluence' && host.siteOrigin !== ''
    ? { kind: 'url', url: `${host.siteOrigin}/browse/${encodeURIComponent(issueKey)}` }
    : { kind: 'location', location: { target: 'issue', issueKey } };

/** The board module with a route path (board-route.ts objectivePath: `/cycles/<id>?objective=<id>`). */
export const boardDestination = (boardPath: string): Destination => ({
  kind: 'location',
  location: { target: 'module', moduleKey: BOARD_MODULE_KEY, path: boardPath },
});

/** What a click on a link asks for: the same tab, a new tab, or nothing of ours (a right click, say). */
export type ClickIntent = 'navigate' | 'open' | 'none';

export interface ClickLike {
  readonly button: number;
  readonly ctrlKey: boolean;
  readonly metaKey: boolean;
  readonly shiftKey: boolean;
}

/**
 * A plain (or keyboard) activation navigates; ctrl/cmd/shift-click and the middle button open a new tab,
 * as browsers do for ordinary links. The iframe is sandboxed, so the href alone would not navigate.
 */
export const clickIntent = (event: ClickLike): ClickIntent => {
  if (event.button === 1) return 'open';
  if (event.button !== 0) return 'none';
  return event.ctrlKey || event.metaKey || event.shiftKey ? 'open' : 'navigate';
};

/** A sentinel issue key for the one router.getUrl call that gives the issue address pattern. */
export const SENTINEL_ISSUE_KEY = 'CADENCE-9999999';

/** An issue's href from the pattern router.getUrl answered for the sentinel key. */
export const issueHrefFrom = (template: string, issueKey: string): string =>
  template.replace(encodeURIComponent(SENTINEL_ISSUE_KEY), encodeURIComponent(issueKey));

/**
 * A board route's href from the module's root address (router.getUrl with path '/'): the route's path
 * joins the root's path, its query joins the root's query (which may carry the host's own parameters).
 */
export const moduleHrefFrom = (rootUrl: string, boardPath: string): string => {
  const root = new URL(rootUrl);
  const route = new URL(boardPath, 'http://route.invalid');
  root.pathname = root.pathname.replace(/\/+$/, '') + route.pathname;
  for (const [key, value] of route.searchParams) root.searchParams.set(key, value);
  return root.href;
};

/** The href of a destination once the patterns are known; undefined while they are not. */
export const hrefOf = (
  destination: Destination,
  patterns: { readonly issue?: string | undefined; readonly boardRoot?: string | undefined },
): string | undefined => {
  if (destination.kind === 'url') return destination.url;
  const location = destination.location;
  if (location.target === 'issue')
    return patterns.issue === undefined ? undefined : issueHrefFrom(patterns.issue, location.issueKey);
  return patterns.boardRoot === undefined ? undefined : moduleHrefFrom(patterns.boardRoot, location.path ?? '/');
};
