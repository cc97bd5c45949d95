import { createHash } from 'node:crypto';
import { moduleTitle } from '../../platform/i18n/module-titles';
import type { ProjectRecord, UserRecord } from '../../platform/jira';
import type { HostState } from '../host-state';
import type { Viewer } from '../links';
import { viewerFor } from '../viewer';
import type { ChromeInput } from './chrome';
import { chromePage } from './chrome';
import type { SafeHtml } from './html';
import { html } from './html';
import { settingsLinks } from './settings-links';

/** What a page renderer gets: the host, the request URL and who is looking. */
export interface PageContext {
  state: HostState;
  url: URL;
  viewer: Viewer;
  user: UserRecord;
}

/** A rendered page: the status lets "no access" and "not found" pages answer 403/404 like Jira. */
export interface Page {
  status: number;
  body: SafeHtml;
}

export const pageContext = (state: HostState, url: URL): PageContext => {
  const viewer = viewerFor(state.runtime.site, url);
  const user = state.runtime.site.listUsers().find((u) => u.accountId === viewer.accountId);
  if (!user) throw new Error(`acting user ${viewer.accountId} vanished from the site`);
  return { state, url, viewer, user };
};

/** A module title in the viewer's language (the manifest's translations), as the product shows it. */
export const titleOf = (ctx: PageContext, title: { text: string; key: string | undefined }): string =>
  moduleTitle(ctx.state.runtime.installation.appCodeDir, title, ctx.viewer.locale);

export const inChrome = (
  ctx: PageContext,
  product: ChromeInput['product'],
  title: string,
  body: SafeHtml,
  status = 200,
): Page => ({
  status,
  body: chromePage({
    product,
    title,
    viewer: ctx.viewer,
    users: ctx.state.runtime.site.listUsers(),
    settings: settingsLinks(ctx.state, ctx.user, ctx.viewer.locale),
    url: ctx.url,
    body,
  }),
});

export const notFoundPage = (ctx: PageContext, product: ChromeInput['product'], what: string): Page =>
  inChrome(
    ctx,
    product,
    'Not found',
    html`<h1>Not found</h1>
      <p class="notice notice--error">${what}</p>`,
    404,
  );

/** Project browse permission, as the emulated site's permission scheme defines it. */
export const mayBrowse = (user: UserRecord, project: ProjectRecord): boolean =>
  project.browse.kind === 'everyone' ||
  project.browse.accountIds.includes(user.accountId) ||
  project.browse.groups.some((g) => user.groups.includes(g));

export const noAccessPage = (ctx: PageContext, project: ProjectRecord): Page =>
  inChrome(
    ctx,
    'Jira',
    'No access',
    html`<h1>You don't have access to ${project.name}</h1>
      <p class="notice notice--error">
        ${ctx.user.displayName} cannot browse project ${project.key}. Switch user to see it.
      </p>`,
    403,
  );

/** A stable UUID-shaped id for a module instance (macro or gadget), so its saved config is found again. */
export const stableLocalId = (seed: string): string => {
  const hex = createHash('sha256').update(seed).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-8${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
};

/** The localId of a page-like module (global page, project page, issue panel): its extension ARI. */
export const extensionLocalId = (state: HostState, moduleKey: string): string => {
  const install = state.runtime.installation;
  return `ari:cloud:ecosystem::extension/${install.appId}/${install.environmentId}/static/${moduleKey}`;
};
