import { hrefFor, PATHS } from '../links';
import { gadgetExtension, LOCAL_DASHBOARD_ID, LOCAL_GADGET_ID } from '../module-extension';
import { frameHtml, openFrame } from '../module-frames';
import { html } from './html';
import type { Page, PageContext } from './page-context';
import { inChrome, notFoundPage, stableLocalId, titleOf } from './page-context';

/**
 * `/jira/dashboards/local`: one dashboard with each gadget of the manifest. `?edit=<gadgetKey>` shows
 * that gadget's edit view (extension.entryPoint 'edit'); submitting it saves the configuration and
 * leaves edit mode. The view and its edit view share one localId, as one gadget instance.
 */
export const gadgetLocalId = (moduleKey: string): string =>
  stableLocalId(`gadget:${LOCAL_DASHBOARD_ID}:${LOCAL_GADGET_ID}:${moduleKey}`);

export const dashboardPage = (ctx: PageContext): Page => {
  const gadgets = ctx.state.runtime.manifest.modules['jira:dashboardGadget'];
  const editing = ctx.url.searchParams.get('edit');
  if (editing !== null && !gadgets.some((g) => g.key === editing)) {
    return notFoundPage(ctx, 'Jira', `No dashboard gadget with key '${editing}' to edit.`);
  }
  const dashboardHref = hrefFor(PATHS.dashboard, ctx.viewer);
  const cards = gadgets.map((g) => {
    const edit = g.key === editing;
    const frame = openFrame(ctx.state, {
      moduleKey: g.key,
      role: edit ? 'gadget-edit' : 'view',
      viewer: ctx.viewer,
      localId: gadgetLocalId(g.key),
      extension: gadgetExtension(edit, ctx.url.href),
      configSlot: 'gadgetConfiguration',
    });
    const action = edit
      ? html`<a href="${dashboardHref}">Cancel</a>`
      : html`<a href="${hrefFor(PATHS.dashboard, ctx.viewer, { edit: g.key })}" data-edit="${g.key}">Edit</a>`;
    return html`<section class="gadget" data-gadget="${g.key}">
      <div class="gadget__header"><span>${titleOf(ctx, g.title)}${edit ? ' (editing)' : ''}</span>${action}</div>
      <div class="gadget__body">
        ${frameHtml(frame, { title: titleOf(ctx, g.title), variant: 'panel', ...(edit ? { doneUrl: dashboardHref } : {}) })}
      </div>
    </section>`;
  });
  return inChrome(
    ctx,
    'Jira',
    'Local dashboard',
    html`<h1>Local dashboard</h1>
      ${cards}`,
  );
};
