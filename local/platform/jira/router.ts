import type { Principal, PlatformRequest, PlatformResponse } from '../types';
import { UnsupportedByLocalRuntime } from '../types';
import { resolveCaller } from './access';
import type { SiteContext } from './context';
import { JiraHttpError, errorResponse, jsonResponse } from './http';
import { splitPath } from './request';
import { issueRoutes } from './routes/issues';
import { permissionRoutes } from './routes/permissions';
import { pickerRoutes } from './routes/picker';
import { projectRoutes } from './routes/projects';
import type { Route } from './routes/route';
import { searchRoutes } from './routes/search';
import { userRoutes } from './routes/users';

/** Every endpoint the emulated site answers; the picker and bulkfetch come before `issue/{idOrKey}`. */
const ROUTES: readonly Route[] = [
  ...searchRoutes,
  ...pickerRoutes,
  ...issueRoutes,
  ...permissionRoutes,
  ...userRoutes,
  ...projectRoutes,
];

const decode = (segment: string): string => {
  try {
    return decodeURIComponent(segment);
  } catch {
    throw new JiraHttpError(400, [`Malformed path segment '${segment}'.`]);
  }
};

/**
 * Answers one REST call as `principal`. Jira-level failures become Jira's status and error body;
 * an endpoint the site does not emulate throws UnsupportedByLocalRuntime (fakes fail loudly).
 */
export const routeRequest = (ctx: SiteContext, request: PlatformRequest, principal: Principal): PlatformResponse => {
  const parsed = splitPath(request.method, request.path, request.body);
  const matches = ROUTES.flatMap((route) => {
    const match = route.method === parsed.method ? route.pattern.exec(parsed.pathname) : null;
    return match ? [{ route, params: match.slice(1) }] : [];
  });
  const [first] = matches;
  if (!first) {
    throw new UnsupportedByLocalRuntime(`${parsed.method} ${parsed.pathname} is not supported by the local Jira site`);
  }
  try {
    const caller = resolveCaller(ctx, principal);
    const body = first.route.handle({ ctx, caller, request: parsed, params: first.params.map((p) => decode(p)) });
    return jsonResponse(200, body);
  } catch (error) {
    if (error instanceof JiraHttpError) return errorResponse(error);
    throw error;
  }
};
