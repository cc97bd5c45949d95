import type { IncomingHttpHeaders, ServerResponse } from 'node:http';
import { z } from 'zod';
import { findUiModule } from '../platform/app-manifest';
import type { PlatformResponse } from '../platform/types';
import { HttpError, parseJsonBody, readBody, readJson, sendError, sendJson } from './http-util';
import type { Route } from './route';
import { route } from './route';
import { localeParam, principalFor, requireSiteUser, userLocale } from './viewer';

/**
 * HTTP surfaces for scripts and tests:
 * - `POST /forge/invoke` runs a resolver through runtime.app.invokeResolver, exactly as the bridge does.
 * - `POST /forge/storage/kvs/v1/<operation>` is the KVS REST API Atlassian offers remotes, with the
 *   SDK's bodies, answered by runtime.kvs.
 * - `/rest/...` is the emulated Jira site's REST API on the site origin. It acts as the user from
 *   header `x-local-account-id` or `?as=` (default: the demo site admin), or as the app with header
 *   `x-local-as-app: 1`.
 */
const InvokeRequest = z.object({
  moduleKey: z.string().min(1),
  functionKey: z.string().min(1),
  payload: z.unknown().optional(),
  accountId: z.string().min(1),
  extension: z.record(z.string(), z.unknown()).optional(),
  localId: z.string().min(1).optional(),
  /** The user's language as Forge puts it into the context (`nl-NL`); default: the user's Jira locale. */
  locale: z.string().min(1).optional(),
});

const sendPlatform = (res: ServerResponse, response: PlatformResponse): void => {
  const headers = { 'cache-control': 'no-store', ...(response.headers ?? {}) };
  res.writeHead(response.status, { ...headers, 'content-length': String(Buffer.byteLength(response.body)) });
  res.end(response.body);
};

/** Request headers passed on to the site: lower-case names, one value each, no hop-by-hop headers. */
const forwardedHeaders = (headers: IncomingHttpHeaders): Record<string, string> => {
  const skip = new Set(['host', 'connection', 'content-length', 'cookie', 'x-local-as-app', 'x-local-account-id']);
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(headers)) {
    if (v === undefined || skip.has(k)) continue;
    out[k] = Array.isArray(v) ? v.join(', ') : v;
  }
  return out;
};

export const forgeRoutes: readonly Route[] = [
  route('POST', /^\/forge\/invoke$/, 'api', async ({ state, req, res }) => {
    const call = await readJson(req, InvokeRequest);
    try {
      findUiModule(state.runtime.manifest, call.moduleKey);
    } catch (e) {
      throw new HttpError(400, 'INVALID_REQUEST', `moduleKey: ${e instanceof Error ? e.message : String(e)}`);
    }
    requireSiteUser(state.runtime.site, call.accountId, 'accountId');
    const locale =
      call.locale === undefined ? userLocale(state.runtime.site, call.accountId) : localeParam(call.locale);
    const outcome = await state.runtime.app.invokeResolver({ ...call, locale });
    if (outcome.ok) sendJson(res, 200, outcome.result);
    else sendError(res, outcome.status, outcome.error.code, outcome.error.message);
  }),

  route(
    'POST',
    /^\/forge\/storage\/kvs\/v1\/([a-z]+(?:\/[a-z]+)?)$/,
    'api',
    async ({ state, req, res }, [operation = '']) => {
      const body = parseJsonBody(await readBody(req));
      sendPlatform(res, state.runtime.kvs.handle(operation, body));
    },
  ),

  route(['GET', 'POST', 'PUT', 'DELETE', 'PATCH'], /^\/rest\/.+$/, 'api', async ({ state, req, res, url }) => {
    const principal = principalFor(state.runtime.site, req, url);
    const body = await readBody(req);
    // `as` selects the principal; the site never sees it.
    const query = new URLSearchParams(url.search);
    query.delete('as');
    const search = query.toString();
    const response = await state.runtime.jira.handle(
      {
        method: req.method ?? 'GET',
        path: `${url.pathname}${search === '' ? '' : `?${search}`}`,
        headers: forwardedHeaders(req.headers),
        body: body === '' ? undefined : body,
      },
      principal,
    );
    sendPlatform(res, response);
  }),

  route('GET', /^\/__local\/calls$/, 'api', ({ state, res, url }) => {
    const limit = z.coerce
      .number()
      .int()
      .min(1)
      .max(500)
      .catch(100)
      .parse(url.searchParams.get('limit') ?? undefined);
    sendJson(res, 200, state.runtime.log.recent().slice(-limit));
  }),
];
