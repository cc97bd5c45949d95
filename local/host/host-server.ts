import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Server } from 'node:http';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import type { LocalRuntime } from '../platform/local-runtime';
import { chromeCsp, frameCsp } from './csp';
import { forgeRoutes } from './forge-routes';
import { FrameRegistry } from './frame-registry';
import type { HostExtras, HostState } from './host-state';
import { asHttpError, HttpError, isFormPost, redirect, send, sendError } from './http-util';
import { localRoutes } from './local-routes';
import { createModuleConfigStore } from './module-config-store';
import { pageRoutes } from './page-routes';
import type { FrameSite } from './resource-files';
import { resourceOriginAt } from './resource-files';
import { startResourceOrigin } from './resource-origin';
import { escapeHtml } from './pages/html';
import type { Route } from './route';
import { matchRoute } from './route';

export interface HostServerOptions extends HostExtras {
  /** 0 picks a free port (tests). */
  port?: number;
  /** Loopback only: the host has no authentication. */
  host: '127.0.0.1';
  /** Module frames from another site than the page, as on Forge (the default), or the same site. */
  frames?: FrameSite;
}

export interface HostServer {
  /** `http://127.0.0.1:<port>`, without a trailing slash. */
  url: string;
  close(): Promise<void>;
}

const ROUTES: readonly Route[] = [...localRoutes, ...forgeRoutes, ...pageRoutes];

const resourceDirectories = (runtime: LocalRuntime, extras: HostExtras): Map<string, string> => {
  const dirs = new Map(runtime.manifest.resources.map((r) => [r.key, path.resolve(runtime.root, r.path)]));
  for (const [key, dir] of Object.entries(extras.extraResources ?? {})) dirs.set(key, path.resolve(dir));
  return dirs;
};

const answerError = (
  state: HostState,
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
  kind: Route['kind'],
  error: HttpError,
): void => {
  if (res.headersSent) {
    res.destroy();
    return;
  }
  // The admin page's forms get their error back on the page rather than a JSON body.
  if (url.pathname.startsWith('/admin/api/') && isFormPost(req)) {
    const back = new URL('/admin', url);
    for (const k of ['as', 'theme']) {
      const v = url.searchParams.get(k);
      if (v !== null) back.searchParams.set(k, v);
    }
    back.searchParams.set('error', error.message);
    redirect(res, `${back.pathname}${back.search}`);
    return;
  }
  if (kind === 'page') {
    const body = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${error.status}</title><link rel="stylesheet" href="/__local/host.css"><link rel="stylesheet" href="/__local/pages.css"></head><body><main class="page"><h1>${error.status} ${escapeHtml(error.code)}</h1><p class="notice notice--error">${escapeHtml(error.message)}</p><p><a href="/">Start page</a></p></main></body></html>`;
    send(res, error.status, 'text/html; charset=utf-8', body, {
      'content-security-policy': chromeCsp(state.resourceOrigin),
    });
    return;
  }
  sendError(res, error.status, error.code, error.message);
};

interface Listening {
  port: number;
  close(): Promise<void>;
}

const listen = async (server: Server, host: string, port: number): Promise<Listening> => {
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address: AddressInfo | string | null = server.address();
  if (address === null || typeof address === 'string') throw new Error('local host: the server has no TCP address');
  return {
    port: address.port,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((e) => {
          if (e) reject(e);
          else resolve();
        });
      }),
  };
};

/**
 * The local web host: module views framed like Jira and Confluence, the bridge they call, HTTP
 * surfaces for scripts (invoke, KVS, Jira REST, call log) and the site admin. Loopback only; it
 * refuses other Host headers (DNS rebinding) and cross-origin writes.
 */
export const createHostServer = async (runtime: LocalRuntime, options: HostServerOptions): Promise<HostServer> => {
  const configs = createModuleConfigStore(runtime.db);
  const state: HostState = {
    runtime,
    frames: new FrameRegistry(configs),
    configs,
    origin: '',
    resourceOrigin: '',
    resourceDirs: resourceDirectories(runtime, options),
    moduleResources: options.moduleResources ?? {},
    frameCsp: frameCsp(runtime.manifest),
  };
  let siteHosts = new Set<string>();

  /** The site: pages, the bridge, admin and script surfaces (module files come from the resource origin). */
  const handler = (req: IncomingMessage, res: ServerResponse) => {
    let url: URL;
    let kind: Route['kind'] = 'api';
    try {
      if (!siteHosts.has(req.headers.host ?? ''))
        throw new HttpError(421, 'MISDIRECTED', 'this host only answers on its loopback address');
      url = new URL(req.url ?? '/', state.origin);
    } catch (e) {
      const error =
        e instanceof HttpError ? e : new HttpError(400, 'BAD_REQUEST', e instanceof Error ? e.message : 'bad request');
      sendError(res, error.status, error.code, error.message);
      return;
    }
    const method = req.method ?? 'GET';
    void (async () => {
      try {
        const origin = req.headers.origin;
        if (
          method !== 'GET' &&
          method !== 'HEAD' &&
          origin !== undefined &&
          !siteHosts.has(origin.replace(/^https?:\/\//, ''))
        ) {
          throw new HttpError(403, 'CROSS_ORIGIN', `cross-origin ${method} from ${origin} refused`);
        }
        const match = matchRoute(ROUTES, method, url.pathname);
        if (!match) throw new HttpError(404, 'NOT_FOUND', `nothing at ${url.pathname}`);
        kind = match.route.kind;
        await match.route.handle({ state, req, res, url }, match.params);
      } catch (e) {
        answerError(state, req, res, url, kind, asHttpError(e));
      }
    })();
  };

  const site = await listen(createServer(handler), options.host, options.port ?? 0);
  state.origin = `http://${options.host}:${String(site.port)}`;
  siteHosts = new Set([`${options.host}:${String(site.port)}`, `localhost:${String(site.port)}`]);
  // Any free port, on a thread of its own (resource-worker.ts): pages name it in each iframe's src.
  const frames = options.frames ?? 'cross-site';
  const resources = await startResourceOrigin({
    host: options.host,
    frames,
    siteOrigin: state.origin,
    resourceDirs: new Map(state.resourceDirs),
    localesDir: runtime.installation.appCodeDir,
    frameCsp: state.frameCsp,
  }).catch(async (e: unknown) => {
    await site.close();
    throw e;
  });
  state.resourceOrigin = resourceOriginAt(frames, resources.port);

  return {
    url: state.origin,
    close: async () => {
      await Promise.all([site.close(), resources.close()]);
    },
  };
};
