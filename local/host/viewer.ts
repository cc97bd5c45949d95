import type { IncomingMessage } from 'node:http';
import { ensureLocale } from '@forge/i18n';
import { DEMO_USER_LIST } from '../demo/demo-users';
import type { JiraSite, UserRecord } from '../platform/jira';
import type { Principal } from '../platform/types';
import { HttpError } from './http-util';
import type { Viewer } from './links';

/**
 * The acting user: `?as=<accountId>` on pages, or the `x-local-account-id` header for scripts. When
 * neither is given it is the demo company's site admin (or, on another site such as the empty one of
 * `--no-seed`, its first site admin).
 */
export const defaultAccountId = (site: JiraSite): string => {
  const users = site.listUsers();
  const demoAdmin = DEMO_USER_LIST.find((u) => u.role === 'admin');
  if (demoAdmin && users.some((u) => u.accountId === demoAdmin.accountId)) return demoAdmin.accountId;
  const fallback = users.find((u) => u.siteAdmin && u.active) ?? users[0];
  if (!fallback)
    throw new HttpError(
      503,
      'NO_USERS',
      'the local Jira site has no users yet: seed it (npm start seeds the demo company; npm start -- --no-seed an empty site with its Jira people and projects)',
    );
  return fallback.accountId;
};

export const requireSiteUser = (site: JiraSite, accountId: string, source: string): UserRecord => {
  const user = site.listUsers().find((u) => u.accountId === accountId);
  if (!user)
    throw new HttpError(400, 'UNKNOWN_USER', `${source}: no user with accountId '${accountId}' on the local Jira site`);
  return user;
};

/** Jira's locale as Forge reports it (`nl_NL` -> `nl-NL`); Forge's default language when Forge has no such locale. */
export const forgeLocaleOf = (jiraLocale: string): string => ensureLocale(jiraLocale) ?? DEFAULT_FORGE_LOCALE;
const DEFAULT_FORGE_LOCALE = 'en-US';

/**
 * `?locale=` in any form Forge accepts (`nl-NL`, `nl_NL`, `nl`), normalised by @forge/i18n's ensureLocale
 * to one of FORGE_SUPPORTED_LOCALE_CODES; anything else is refused rather than silently shown in English.
 */
export const localeParam = (raw: string): string => {
  const locale = ensureLocale(raw);
  if (locale === null)
    throw new HttpError(
      400,
      'UNKNOWN_LOCALE',
      `?locale=: '${raw}' is not a locale Forge supports (for example en-US or nl-NL; see FORGE_SUPPORTED_LOCALE_CODES in @forge/i18n)`,
    );
  return locale;
};

/** The acting user's own language (their Jira locale in Forge's form). */
export const userLocale = (site: JiraSite, accountId: string): string =>
  forgeLocaleOf(site.listUsers().find((u) => u.accountId === accountId)?.locale ?? 'en_US');

export const viewerFor = (site: JiraSite, url: URL): Viewer => {
  const fallback = defaultAccountId(site);
  const as = url.searchParams.get('as');
  if (as !== null && as !== '') requireSiteUser(site, as, '?as=');
  const accountId = as !== null && as !== '' ? as : fallback;
  const defaultLocale = userLocale(site, accountId);
  const locale = url.searchParams.get('locale');
  return {
    accountId,
    theme: url.searchParams.get('theme') === 'dark' ? 'dark' : 'light',
    defaultAccountId: fallback,
    locale: locale !== null && locale !== '' ? localeParam(locale) : defaultLocale,
    defaultLocale,
  };
};

const header = (req: IncomingMessage, name: string): string | undefined => {
  const value = req.headers[name];
  return Array.isArray(value) ? value[0] : value;
};

/**
 * Who a REST call on the site origin acts as: the app with `x-local-as-app: 1` (like asApp()), else
 * the user from `x-local-account-id` or `?as=`, else the default user (like asUser()).
 */
export const principalFor = (site: JiraSite, req: IncomingMessage, url: URL): Principal => {
  if (header(req, 'x-local-as-app') === '1') return { kind: 'app' };
  const fromHeader = header(req, 'x-local-account-id');
  const accountId = fromHeader ?? url.searchParams.get('as') ?? '';
  if (accountId === '') return { kind: 'user', accountId: defaultAccountId(site) };
  requireSiteUser(site, accountId, fromHeader === undefined ? '?as=' : 'x-local-account-id');
  return { kind: 'user', accountId };
};
