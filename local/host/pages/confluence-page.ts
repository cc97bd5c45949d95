import { hrefFor, PATHS } from '../links';
import { macroExtension, OKR_SPACE } from '../module-extension';
import { frameHtml, openFrame } from '../module-frames';
import { html } from './html';
import type { Page, PageContext } from './page-context';
import { inChrome, notFoundPage, stableLocalId, titleOf } from './page-context';

/** The OKR space's pages; each embeds the app's macro once. */
export const CONFLUENCE_PAGES: readonly { id: string; title: string; text: string }[] = [
  {
    id: '1001',
    title: 'Company OKRs',
    text: 'Our objectives for this cycle, with the latest check-ins. Reviewed every Monday.',
  },
  {
    id: '1002',
    title: 'Engineering scorecard',
    text: 'How the engineering teams are tracking against their key results.',
  },
];

export const macroLocalId = (pageId: string, moduleKey: string): string =>
  stableLocalId(`macro:${OKR_SPACE.key}:${pageId}:${moduleKey}`);

/**
 * `/wiki/spaces/OKR/pages/<id>`: a Confluence page with the macro in view mode. `?configure=1` opens
 * the macro's custom config dialog on top; its submit saves the config, closes the dialog and
 * re-renders the macro (host.js), `view.close()` or Cancel just closes it.
 */
export const confluencePage = (ctx: PageContext, pageId: string): Page => {
  const page = CONFLUENCE_PAGES.find((p) => p.id === pageId);
  if (!page) return notFoundPage(ctx, 'Confluence', `No page ${pageId} in space ${OKR_SPACE.key}.`);
  const macros = ctx.state.runtime.manifest.modules.macro;
  const configure = ctx.url.searchParams.get('configure');
  const configuring =
    configure === null
      ? undefined
      : (macros.find((m) => m.key === configure) ?? (configure === '1' ? macros[0] : undefined));
  if (configure !== null && !configuring)
    return notFoundPage(ctx, 'Confluence', `No macro '${configure}' to configure.`);
  const pageHref = hrefFor(PATHS.confluencePage(page.id), ctx.viewer);

  const views = macros.map((m) => {
    const frame = openFrame(ctx.state, {
      moduleKey: m.key,
      role: 'view',
      viewer: ctx.viewer,
      localId: macroLocalId(page.id, m.key),
      extension: macroExtension(page.id, { isConfiguring: false, isInserting: false }, ctx.url.href),
      configSlot: 'config',
    });
    return html`<div class="macro" data-macro="${m.key}">
      ${frameHtml(frame, { title: titleOf(ctx, m.title), variant: 'panel' })}
      <a href="${hrefFor(PATHS.confluencePage(page.id), ctx.viewer, { configure: m.key })}" data-configure="${m.key}"
        >Configure ${titleOf(ctx, m.title)}</a
      >
    </div>`;
  });

  let dialog = html``;
  if (configuring) {
    const localId = macroLocalId(page.id, configuring.key);
    // First configuration of a macro = inserting it (openOnInsert), later ones = editing it.
    const isInserting = ctx.state.configs.get(localId) === undefined;
    const frame = openFrame(ctx.state, {
      moduleKey: configuring.key,
      role: 'macro-config',
      viewer: ctx.viewer,
      localId,
      extension: macroExtension(page.id, { isConfiguring: true, isInserting }, ctx.url.href),
      configSlot: 'config',
    });
    const title =
      typeof configuring.config === 'object'
        ? titleOf(ctx, configuring.config.title ?? configuring.title)
        : titleOf(ctx, configuring.title);
    dialog = html`<div class="dialog-backdrop" id="macro-config-dialog">
      <div class="dialog" role="dialog" aria-label="${title}">
        <div class="dialog__header"><span>${title}</span><a href="${pageHref}">Cancel</a></div>
        <div class="dialog__body">${frameHtml(frame, { title, variant: 'panel', doneUrl: pageHref })}</div>
      </div>
    </div>`;
  }

  const body = html`<article class="wiki">
      <div class="breadcrumbs">Spaces / OKRs / ${page.title}</div>
      <h1>${page.title}</h1>
      <div class="wiki__meta">Owned by ${ctx.user.displayName}</div>
      <p>${page.text}</p>
      ${views}
    </article>
    ${dialog}`;
  return inChrome(ctx, 'Confluence', page.title, body);
};
