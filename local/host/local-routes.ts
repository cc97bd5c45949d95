import { z } from 'zod';
import { runBridgeCall } from './bridge-calls';
import { asHttpError, HttpError, readJson, send, sendJson } from './http-util';
import type { Route } from './route';
import { route } from './route';
import { serveBrowserFile, serveResource } from './resource-files';

/**
 * The host's own plumbing: its browser scripts, the bridge endpoint host.js calls, the module
 * resources (with the bridge injected and the Forge CSP), and the images the emulated site links to.
 */
/** Only these files are served from the browser folder; nothing else there is reachable. */
const HOST_FILES = new Set(['bridge.js', 'host.js', 'host.css', 'pages.css']);

const BridgeRequest = z.object({ frameId: z.string().min(1), payload: z.unknown().optional() });

const svg = (body: string | undefined, what: string): string => {
  if (body === undefined) throw new HttpError(404, 'NOT_FOUND', `${what} not found`);
  return body;
};

export const localRoutes: readonly Route[] = [
  route('GET', /^\/__local\/([a-z-]+\.(?:js|css))$/, 'api', async ({ res }, [name = '']) => {
    if (!HOST_FILES.has(name)) throw new HttpError(404, 'NOT_FOUND', `/__local/${name} not found`);
    await serveBrowserFile(res, name);
  }),

  // A call's own failure (a resolver error, an unknown frame or call) is answered 200 with
  // {ok: false, error}: the bridge rejects with it, and the browser console stays free of failed loads.
  route('POST', /^\/__local\/bridge\/([A-Za-z]+)$/, 'api', async ({ state, req, res }, [name = '']) => {
    const call = await readJson(req, BridgeRequest);
    try {
      sendJson(res, 200, { ok: true, value: await runBridgeCall(state, name, call.frameId, call.payload) });
    } catch (e) {
      const error = asHttpError(e);
      sendJson(res, 200, { ok: false, error: { status: error.status, code: error.code, message: error.message } });
    }
  }),

  // The site serves module files too, for scripts and tests; frames load them from the resource origin.
  route('GET', /^\/resources\/([^/]+)(?:\/(.*))?$/, 'api', ({ state, res }, [key = '', rest = '']) =>
    serveResource(
      res,
      {
        resourceDirs: state.resourceDirs,
        localesDir: state.runtime.installation.appCodeDir,
        frameCsp: state.frameCsp,
        origin: state.origin,
        resourceOrigin: state.resourceOrigin,
      },
      key,
      rest,
    ),
  ),

  route('GET', /^\/avatars\/([^/]+)\.svg$/, 'api', ({ state, res }, [name = '']) => {
    send(res, 200, 'image/svg+xml', svg(state.runtime.site.avatarSvg(name), `avatar ${name}`));
  }),

  route('GET', /^\/icons\/issuetype\/([a-z]+)\.svg$/, 'api', ({ state, res }, [icon = '']) => {
    send(res, 200, 'image/svg+xml', svg(state.runtime.site.issueTypeIconSvg(icon), `issue type icon ${icon}`));
  }),

  route('GET', /^\/favicon\.ico$/, 'api', ({ res }) => {
    res.writeHead(204);
    res.end();
  }),
];
