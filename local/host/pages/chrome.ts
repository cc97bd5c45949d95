import type { Viewer } from '../links';
import { hrefFor, PATHS, withParams } from '../links';
import type { SafeHtml } from './html';
import { html } from './html';

/** A user as the switcher lists them. */
export interface ChromeUser {
  accountId: string;
  displayName: string;
}

export interface ChromeInput {
  product: 'Jira' | 'Confluence' | 'Site administration' | 'Local Forge host';
  title: string;
  viewer: Viewer;
  users: readonly ChromeUser[];
  /** The app's Jira settings pages this viewer may open (Jira admins only), shown under "Apps". */
  settings?: readonly { label: string; path: string }[];
  /** The page's own URL, for the switcher and the theme toggle. */
  url: URL;
  body: SafeHtml;
}

const NAV: readonly { label: string; path: string }[] = [
  { label: 'Start', path: PATHS.start },
  { label: 'Dashboard', path: PATHS.dashboard },
  { label: 'Confluence', path: PATHS.confluencePage('1001') },
  { label: 'Site admin', path: PATHS.admin },
];

/** Hidden fields that keep the page's other query parameters when a switcher submits its own one. */
const keptParams = (url: URL, own: string): SafeHtml[] =>
  [...url.searchParams.entries()]
    .filter(([k]) => k !== own)
    .map(([k, v]) => html`<input type="hidden" name="${k}" value="${v}" />`);

/** The languages Cadence ships (manifest.yml translations), named in their own language as Atlassian does. */
const LANGUAGES: readonly { locale: string; name: string }[] = [
  { locale: 'en-US', name: 'English' },
  { locale: 'nl-NL', name: 'Nederlands' },
];

/** The language picker: `?locale=`, listing the viewer's own locale too when the app does not ship it. */
const languagePicker = (viewer: Viewer, url: URL): SafeHtml => {
  const known = LANGUAGES.some((l) => l.locale === viewer.locale);
  const options = known ? LANGUAGES : [...LANGUAGES, { locale: viewer.locale, name: viewer.locale }];
  return html`<form class="topbar__user topbar__locale" method="get" action="${url.pathname}">
    ${keptParams(url, 'locale')}
    <label for="locale-select">Language</label>
    <select id="locale-select" name="locale" data-autosubmit>
      ${options.map((l) => html`<option value="${l.locale}" lang="${l.locale}" ${l.locale === viewer.locale ? html`selected` : ''}>${l.name}</option>`)}
    </select>
    <noscript><button type="submit">Switch</button></noscript>
  </form>`;
};

/**
 * The plain Jira/Confluence-like frame around a module: product name, the acting user with a
 * switcher, and a dark-mode toggle. No inline script or style: host.js and host.css are files.
 */
export const chromePage = (input: ChromeInput): SafeHtml => {
  const { viewer, url } = input;
  const acting = input.users.find((u) => u.accountId === viewer.accountId);
  const nextTheme = viewer.theme === 'dark' ? undefined : 'dark';
  const productClass = input.product === 'Confluence' ? 'confluence' : 'jira';
  return html`<!doctype html>
    <html lang="en" data-color-mode="${viewer.theme}">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>${input.title} - ${input.product}</title>
        <link rel="stylesheet" href="/__local/host.css" />
        <link rel="stylesheet" href="/__local/pages.css" />
        <script src="/__local/host.js"></script>
      </head>
      <body class="product-${productClass}">
        <header class="topbar">
          <a class="topbar__product" href="${hrefFor(PATHS.start, viewer)}">${input.product}</a>
          <nav class="topbar__nav">
            ${NAV.map((n) => html`<a href="${hrefFor(n.path, viewer)}">${n.label}</a>`)}
            ${
              (input.settings ?? []).length === 0
                ? ''
                : html`<span class="topbar__section" id="settings-nav"
                    ><span class="topbar__section-label">Jira settings › Apps</span> ${(input.settings ?? []).map(
                      (s) => html`<a href="${hrefFor(s.path, viewer)}" data-settings-link>${s.label}</a>`,
                    )}</span
                  >`
            }
          </nav>
          <form class="topbar__user" method="get" action="${url.pathname}">
            ${keptParams(url, 'as')}
            <label for="as-select">Acting as</label>
            <select id="as-select" name="as" data-autosubmit>
              ${input.users.map((u) => html`<option value="${u.accountId}" ${u.accountId === viewer.accountId ? html`selected` : ''}>${u.displayName}</option>`)}
            </select>
            <noscript><button type="submit">Switch</button></noscript>
          </form>
          ${languagePicker(viewer, url)}
          <a class="topbar__theme" id="theme-toggle" href="${withParams(url, { theme: nextTheme })}"
            >${viewer.theme === 'dark' ? 'Light mode' : 'Dark mode'}</a
          >
          <span class="topbar__avatar" title="${acting?.displayName ?? viewer.accountId}"
            >${initials(acting?.displayName ?? '?')}</span
          >
        </header>
        <main class="page">${input.body}</main>
        <div id="flags" class="flags" aria-live="polite"></div>
      </body>
    </html> `;
};

export const initials = (name: string): string =>
  name
    .split(/\s+/)
    .filter((p) => p !== '')
    .slice(0, 2)
    .map((p) => p.charAt(0).toUpperCase())
    .join('');
