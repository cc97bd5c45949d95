import type { Principal, PlatformRequest, PlatformResponse } from '../types';
import { UnsupportedByLocalRuntime } from '../types';
import { resolveCaller } from './access';
import type { SiteContext } from './context';
import { JiraHttpError, errorResponse, jsonResponse } from './http';
import type { JiraRateLimiter } from './rate-limits';
import { endpointPolicy, pointsFor, scopesAllow } from './route-policy';
import { splitPath } from './request';
import { groupRoutes } from './routes/groups';
import { issueRoutes } from './routes/issues';
import { jqlFunctionRoutes } from './routes/jql-functions';
import { notifyRoutes } from './routes/notify';
import { permissionRoutes } from './routes/permissions';
import { pickerRoutes } from './routes/picker';
import { projectRoutes } from './routes/projects';
import type { Route } from './routes/route';
import { searchRoutes } from './routes/search';
import { serverInfoRoutes } from './routes/server-info';
import { userRoutes } from './routes/users';

/** Every endpoint the emulated site answers; the picker and bulkfetch come before `issue/{idOrKey}`. */
const ROUTES: readonly Route[] = [
  ...searchRoutes,
  ...pickerRoutes,
  ...issueRoutes,
  ...notifyRoutes,
  ...serverInfoRoutes,
  ...permissionRoutes,
  ...userRoutes,
  ...groupRoutes,
  ...projectRoutes,
  ...jqlFunctionRoutes,
];

const decode = (segment: string): string => {
  try {
    return decodeURIComponent(segment);
  } catch {
    throw new JiraHttpError(400, [`Malformed path segment '${segment}'.`]);
  }
};

/** What the site enforces around every call, as the platform and Jira do before a handler runs. */
export interface SiteGates {
  /** The scopes the installed app was granted (its manifest's `permissions.scopes`). */
  grantedScopes: ReadonlySet<string>;
  limits: JiraRateLimiter;
}

/**
 * The platform's answer to a call the app's scopes do not cover: 401 "Unauthorized; scope does not
 * match" with `x-failure-category: FAILURE_CLIENT_SCOPE_CHECK`, as reported from Forge apps
 * (community.atlassian.com "Forge {code:401, message: Unauthorized; scope does not match}";
 * community.developer.atlassian.com/t/…/96127). No forge-proxy-error header, so @forge/api hands the
 * 401 to the app as a response rather than throwing.
 */
const scopeRefusal = (): PlatformResponse => ({
  status: 401,
  headers: { 'content-type': 'application/json', 'x-failure-category': 'FAILURE_CLIENT_SCOPE_CHECK' },
  body: JSON.stringify({ code: 401, message: 'Unauthorized; scope does not match' }),
  cost: { jiraPoints: 0 },
});

/**
 * Answers one REST call as `principal`: scope check, rate limits, then the endpoint. Jira-level failures
 * become Jira's status and error body; an endpoint the site does not emulate throws
 * UnsupportedByLocalRuntime (fakes fail loudly).
 */
export const routeRequest = async (
  ctx: SiteContext,
  request: PlatformRequest,
  principal: Principal,
  gates: SiteGates,
): Promise<PlatformResponse> => {
  const parsed = splitPath(request.method, request.path, request.body);
  const matches = ROUTES.flatMap((route) => {
    const match = route.method === parsed.method ? route.pattern.exec(parsed.pathname) : null;
    return match ? [{ route, params: match.slice(1) }] : [];
  });
  const [first] = matches;
  if (!first) {
    throw new UnsupportedByLocalRuntime(`${parsed.method} ${parsed.pathname} is not supported by the local Jira site`);
  }
  const { method, template } = first.route;
  const policy = endpointPolicy(method, template);
  if (!scopesAllow(gates.grantedScopes, policy.scopes)) return scopeRefusal();
  const refused = gates.limits.admit(method, template);
  if (refused) return refused;
  const answer = (status: number, body: unknown, response: PlatformResponse): PlatformResponse =>
    gates.limits.settle(method, template, response, pointsFor(policy, status, body));
  try {
    const caller = resolveCaller(ctx, principal);
    const body: unknown = await first.route.handle({
      ctx,
      caller,
      request: parsed,
      params: first.params.map((p) => decode(p)),
    });
    const status = first.route.status ?? 200;
    return answer(status, body, status === 204 ? { status, headers: {}, body: '' } : jsonResponse(status, body));
  } catch (error) {
    if (error instanceof JiraHttpError) return answer(error.status, undefined, errorResponse(error));
    throw error;
  }
};
