import { router, view } from '@forge/bridge';
import { createElement, useEffect, useState } from 'react';
import type { MouseEvent, ReactNode } from 'react';
import type { Destination, LinkHost, LinkLocation } from '../components/link-targets';
import {
  BOARD_MODULE_KEY,
  boardDestination,
  clickIntent,
  hrefOf,
  issueDestination,
  originOf,
  productOf,
  SENTINEL_ISSUE_KEY,
} from '../components/link-targets';
import { objectivePath } from '../views/board/board-route';
import '../components/base.css';

/**
 * Links that lead somewhere the way Jira users expect (issue #11): an issue key opens the issue, an
 * objective opens the board with it selected. The iframe is sandboxed, so a bare <a href> does not
 * navigate; Forge's router does (developer.atlassian.com/platform/forge/apis-reference/ui-api-bridge/router).
 */

let host: Promise<LinkHost> | undefined;
/** The product and site, read once per page (the view's own getContext call is already done by then). */
const linkHost = (): Promise<LinkHost> =>
  (host ??= view.getContext().then(
    (context) => ({
      product: productOf(typeof context.extension.type === 'string' ? context.extension.type : undefined),
      siteOrigin: originOf(context.siteUrl),
    }),
    (): LinkHost => ({ product: 'jira', siteOrigin: '' }),
  ));

const go = (destination: Destination, newTab: boolean): Promise<void> => {
  const to: string | LinkLocation = destination.kind === 'url' ? destination.url : destination.location;
  return newTab ? router.open(to) : router.navigate(to);
};

/** Opens the issue view (Jira's issue target; from Confluence, Jira's address on the same site). */
export const openIssue = async (issueKey: string, newTab = false): Promise<void> =>
  go(issueDestination(await linkHost(), issueKey), newTab);

/**
 * Jira's issue search with a query, at its Cloud address `/issues/?jql=…` on the site: the router has no
 * search target (@forge/bridge NavigationTarget), so it is a URL, relative when the site is unknown.
 */
const jiraSearchDestination = (host: LinkHost, jql: string): Destination => ({
  kind: 'url',
  url: `${host.siteOrigin}/issues/?jql=${encodeURIComponent(jql)}`,
});

/** Opens Jira's issue search running `jql` (e.g. contract keyResultWorkJql: the work under a KR). */
export const openJiraSearch = async (jql: string, newTab = false): Promise<void> =>
  go(jiraSearchDestination(await linkHost(), jql), newTab);

/** Opens the alignment board on the objective (its cycle when known, else the board's current one). */
export const openObjective = (objectiveId: string, cycleId?: string, newTab = false): Promise<void> =>
  go(boardDestination(objectivePath(objectiveId, cycleId)), newTab);

/**
 * The address patterns for hrefs, asked once per page (two router.getUrl calls, not one per link: the
 * board lists a thousand objectives). A host without getUrl leaves links without a real href; clicks
 * still go through the router.
 */
interface Patterns {
  readonly host: LinkHost;
  readonly issue?: string | undefined;
  readonly boardRoot?: string | undefined;
}
let patterns: Promise<Patterns> | undefined;
const urlOrUndefined = (location: LinkLocation): Promise<string | undefined> =>
  router.getUrl(location).then(
    (url) => url?.href,
    () => undefined,
  );
const linkPatterns = (): Promise<Patterns> =>
  (patterns ??= linkHost().then(async (h) => ({
    host: h,
    // The issue target is Jira's; from Confluence issue hrefs are plain site URLs (issueDestination).
    issue: h.product === 'jira' ? await urlOrUndefined({ target: 'issue', issueKey: SENTINEL_ISSUE_KEY }) : undefined,
    boardRoot: await urlOrUndefined({ target: 'module', moduleKey: BOARD_MODULE_KEY, path: '/' }),
  })));

let known: Patterns | undefined;
const usePatterns = (): Patterns | undefined => {
  const [ready, setReady] = useState<Patterns | undefined>(known);
  useEffect(() => {
    if (ready !== undefined) return;
    let live = true;
    void linkPatterns().then((p) => {
      known = p;
      if (live) setReady(p);
    });
    return () => {
      live = false;
    };
  }, [ready]);
  return ready;
};

/** What the navigation failed with is not the user's problem (they declined, or the host refused). */
const ignore = (): undefined => undefined;

const follow = (event: MouseEvent<HTMLAnchorElement>, open: (newTab: boolean) => Promise<void>): void => {
  const intent = clickIntent(event);
  if (intent === 'none') return;
  event.preventDefault();
  void open(intent === 'open').catch(ignore);
};

interface LinkProps {
  readonly children?: ReactNode;
  readonly className?: string | undefined;
  /** A full title for a cut text (hover and screen readers); also aria-describes nothing else. */
  readonly title?: string | undefined;
}

const anchor = (
  props: LinkProps,
  href: string | undefined,
  open: (newTab: boolean) => Promise<void>,
  fallback: ReactNode,
  data: Readonly<Record<string, string>>,
): ReactNode =>
  createElement(
    'a',
    {
      // '#' until the pattern is known: the <a> must be focusable from the first render.
      href: href ?? '#',
      className: ['cad-link', props.className ?? ''].filter(Boolean).join(' '),
      title: props.title,
      onClick: (e: MouseEvent<HTMLAnchorElement>) => {
        follow(e, open);
      },
      onAuxClick: (e: MouseEvent<HTMLAnchorElement>) => {
        follow(e, open);
      },
      ...data,
    },
    props.children ?? fallback,
  );

/** An issue key (or the given children) that opens the issue. */
export function IssueLink(props: LinkProps & { readonly issueKey: string }) {
  const p = usePatterns();
  const href = p === undefined ? undefined : hrefOf(issueDestination(p.host, props.issueKey), p);
  return anchor(props, href, (newTab) => openIssue(props.issueKey, newTab), props.issueKey, {
    'data-issue-key': props.issueKey,
  });
}

/** An objective's title (the children) that opens the board with the objective selected. */
export function ObjectiveLink(
  props: LinkProps & {
    readonly objectiveId: string;
    readonly cycleId?: string | undefined;
    readonly children: ReactNode;
  },
) {
  const p = usePatterns();
  const href =
    p === undefined ? undefined : hrefOf(boardDestination(objectivePath(props.objectiveId, props.cycleId)), p);
  return anchor(props, href, (newTab) => openObjective(props.objectiveId, props.cycleId, newTab), null, {
    'data-objective-id': props.objectiveId,
  });
}

/** A link (the children) that opens Jira's issue search running `jql`. */
export function JiraSearchLink(props: LinkProps & { readonly jql: string; readonly children: ReactNode }) {
  const p = usePatterns();
  const href = p === undefined ? undefined : hrefOf(jiraSearchDestination(p.host, props.jql), p);
  return anchor(props, href, (newTab) => openJiraSearch(props.jql, newTab), null, { 'data-jql': props.jql });
}
