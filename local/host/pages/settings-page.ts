import type { AdminPageDef } from '../../platform/app-manifest';
import type { AdminPageKind } from '../links';
import { appRoute, hrefFor } from '../links';
import { adminPageExtension } from '../module-extension';
import { frameHtml, openFrame } from '../module-frames';
import type { SafeHtml } from './html';
import { html } from './html';
import type { Page, PageContext } from './page-context';
import { extensionLocalId, inChrome, notFoundPage, titleOf } from './page-context';
import { adminModuleFor, adminPathOf, KIND_LABEL, settingsLinks } from './settings-links';

/**
 * Jira's admin settings with the app's `jira:adminPage` (docs: developer.atlassian.com/platform/forge/
 * manifest-reference/modules/jira-admin-page): the page at /jira/settings/apps/{appId}/{envId} listed under
 * "Apps" in the settings sidebar, and the Configure / Get started pages (useAsConfig, useAsGetStarted) at
 * /jira/settings/apps/configure|get-started/{appId}/{envId}, reached from Manage apps and not listed in
 * the sidebar. Jira settings are for Jira administrators only (the emulated site's site admins); anyone
 * else gets Jira's "you don't have access" page with a 403.
 */

/** The subpages a module lists under its sidebar item (pages, or sections of pages). */
const subPages = (ctx: PageContext, module: AdminPageDef, base: string): SafeHtml => {
  const link = (p: { title: { text: string; key: string | undefined }; route: string }): SafeHtml =>
    html`<li><a href="${hrefFor(`${base}/${p.route}`, ctx.viewer)}">${titleOf(ctx, p.title)}</a></li>`;
  if (module.pages)
    return html`<ul>
      ${module.pages.map(link)}
    </ul>`;
  if (module.sections)
    return html`${module.sections.map(
      (s) =>
        html`${s.header === undefined ? '' : html`<div class="settings-nav__header">${titleOf(ctx, s.header)}</div>`}
          <ul>
            ${s.pages.map(link)}
          </ul>`,
    )}`;
  return html``;
};

/** Jira settings' left navigation: the Apps section with the app's admin page, and Manage apps' buttons. */
const sidebar = (ctx: PageContext, current: AdminPageKind): SafeHtml => {
  const links = settingsLinks(ctx.state, ctx.user, ctx.viewer.locale);
  const main = links.find((l) => l.kind === 'main');
  const mainModule = adminModuleFor(ctx.state, 'main');
  const manage = links.filter((l) => l.kind !== 'main');
  return html`<nav class="settings-nav" aria-label="Jira settings">
    <div class="settings-nav__header">Apps</div>
    <ul>
      ${
        main === undefined
          ? ''
          : html`<li>
              <a href="${hrefFor(main.path, ctx.viewer)}" ${current === 'main' ? html`aria-current="page"` : ''}
                >${main.label}</a
              >
              ${mainModule === undefined ? '' : subPages(ctx, mainModule, main.path)}
            </li>`
      }
    </ul>
    ${
      manage.length === 0
        ? ''
        : html`<div class="settings-nav__header">Manage apps</div>
            <ul>
              ${manage.map(
                (l) =>
                  html`<li>
                    <a href="${hrefFor(l.path, ctx.viewer)}" ${current === l.kind ? html`aria-current="page"` : ''}
                      >${l.label}</a
                    >
                  </li>`,
              )}
            </ul>`
    }
  </nav>`;
};

/** Jira's answer to someone who is not a Jira admin opening a settings address (403). */
const noSettingsAccess = (ctx: PageContext): Page => {
  const admins = ctx.state.runtime.site.listUsers().filter((u) => u.siteAdmin && u.active);
  return inChrome(
    ctx,
    'Jira',
    'No access',
    html`<h1>You don't have access to this page</h1>
      <p class="notice notice--error" id="no-access">
        Jira settings are for Jira administrators. ${ctx.user.displayName} is not one: ask
        ${admins.length === 0 ? 'a Jira administrator' : admins.map((a) => a.displayName).join(', ')} for access.
      </p>`,
    403,
  );
};

/** `/jira/settings/apps/[configure/|get-started/]<appId>/<envId>[/<route>]`. */
export const settingsPage = (
  ctx: PageContext,
  kind: AdminPageKind,
  appId: string,
  environmentId: string,
  subPath: string,
): Page => {
  const install = ctx.state.runtime.installation;
  if (appId !== install.appId || environmentId !== install.environmentId)
    return notFoundPage(ctx, 'Jira', `No app ${appId} is installed here in environment ${environmentId}.`);
  const module = adminModuleFor(ctx.state, kind);
  if (!module) return notFoundPage(ctx, 'Jira', `The app declares no ${kind === 'main' ? 'admin' : kind} page.`);
  // Subpages are not supported by the Configure and Get started pages (docs: "Limitations").
  if (kind !== 'main' && subPath !== '')
    return notFoundPage(ctx, 'Jira', `The ${KIND_LABEL[kind]} page has no subpages.`);
  if (!ctx.user.siteAdmin) return noSettingsAccess(ctx);
  const title = titleOf(ctx, module.title);
  const base = adminPathOf(ctx.state, kind);
  const route = appRoute(subPath, ctx.url);
  const frame = openFrame(ctx.state, {
    moduleKey: module.key,
    role: 'view',
    viewer: ctx.viewer,
    localId: extensionLocalId(ctx.state, module.key),
    extension: adminPageExtension(ctx.url.href),
  });
  const body = html`<div class="breadcrumbs">Jira settings / Apps / ${title}</div>
    <div class="settings">
      ${sidebar(ctx, kind)}
      <div class="settings__content">
        ${frameHtml(frame, { title, variant: 'page', routeBase: base, ...(route === '' ? {} : { route }) })}
      </div>
    </div>`;
  return inChrome(ctx, 'Jira', title, body);
};
