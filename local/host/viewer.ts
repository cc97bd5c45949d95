import type { IncomingMessage } from 'node:http';
import { DEMO_USER_LIST } from '../demo/demo-users';
import type { JiraSite, UserRecord } from '../platform/jira';
import type { Principal } from '../platform/types';
import { HttpError } from './http-util';
import type { Viewer } from './links';

/**
 * The acting user: `?as=<accountId>` on pages, or the `x-local-account-id` header for scripts. When
 * neither is given it is the demo company's site admin (or, on an unseeded site, its first site admin).
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
      'the local Jira site has no users yet: seed it (npm start seeds the demo company)',
    );
  return fallback.accountId;
};

export const requireSiteUser = (site: JiraSite, accountId: string, source: string): UserRecord => {
  const user = site.listUsers().find((u) => u.accountId === accountId);
  if (!user)
    throw new HttpError(400, 'UNKNOWN_USER', `${source}: no user with accountId '${accountId}' on the local Jira site`);
  return user;
};

export const viewerFor = (site: JiraSite, url: URL): Viewer => {
  const fallback = defaultAccountId(site);
  const as = url.searchParams.get('as');
  if (as !== null && as !== '') requireSiteUser(site, as, '?as=');
  return {
    accountId: as !== null && as !== '' ? as : fallback,
    theme: url.searchParams.get('theme') === 'dark' ? 'dark' : 'light',
    defaultAccountId: fallback,
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
