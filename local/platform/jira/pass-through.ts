import type { PlatformRequest, PlatformResponse, ProductBackend } from '../types';

/**
 * Forwards product calls to a real Jira Cloud site with an API token (basic auth), for running the
 * app locally against real data. Both asUser() and asApp() calls act as the token's user: there is
 * no app identity and no user switching, so permission differences between them do not show here.
 */
export interface PassThroughOptions {
  /** e.g. `https://your-site.atlassian.net` */
  baseUrl: string;
  email: string;
  apiToken: string;
  /** Injected for tests; defaults to the global fetch. */
  fetch?: typeof fetch;
}

/** Request headers worth forwarding; credentials and hop-by-hop headers are the pass-through's own. */
const FORWARDED_REQUEST_HEADERS = [
  'content-type',
  'accept',
  'accept-language',
  'x-atlassian-force-account-id',
  'x-experimentalapi',
];

/** Response headers the transport sets itself, so copying them would lie about the body we return. */
const DROPPED_RESPONSE_HEADERS = new Set([
  'content-encoding',
  'content-length',
  'transfer-encoding',
  'connection',
  'set-cookie',
  'keep-alive',
]);

export const createPassThroughSite = (options: PassThroughOptions): ProductBackend => {
  const base = options.baseUrl.replace(/\/+$/, '');
  const doFetch = options.fetch ?? fetch;
  const authorization = `Basic ${Buffer.from(`${options.email}:${options.apiToken}`).toString('base64')}`;

  return {
    handle: async (request: PlatformRequest): Promise<PlatformResponse> => {
      if (!request.path.startsWith('/')) throw new Error(`Product paths must start with '/': ${request.path}`);
      const headers: Record<string, string> = { accept: 'application/json' };
      for (const [name, value] of Object.entries(request.headers)) {
        if (FORWARDED_REQUEST_HEADERS.includes(name.toLowerCase())) headers[name.toLowerCase()] = value;
      }
      headers.authorization = authorization;
      const response = await doFetch(`${base}${request.path}`, {
        method: request.method,
        headers,
        ...(request.body === undefined ? {} : { body: request.body }),
        redirect: 'manual',
      });
      const responseHeaders: Record<string, string> = {};
      response.headers.forEach((value, name) => {
        if (!DROPPED_RESPONSE_HEADERS.has(name)) responseHeaders[name] = value;
      });
      return { status: response.status, headers: responseHeaders, body: await response.text() };
    },
  };
};
