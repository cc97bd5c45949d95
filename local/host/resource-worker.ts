import { createServer, request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { parentPort, workerData } from 'node:worker_threads';
import { z } from 'zod';
import { asHttpError, HttpError, sendError } from './http-util';
import type { FrameFileContext } from './resource-files';
import { FRAME_SITES, frameFileRoutes, resourceOriginAt } from './resource-files';
import { matchRoute } from './route';

/**
 * The resource origin's thread (resource-origin.ts starts it): serves what module iframes load, so a
 * frame's files, catalog and bridge script never wait behind an invocation running on the site's thread.
 * Forge serves Custom UI from its CDN, which an app's functions cannot hold up either.
 */
const WorkerData = z.object({
  host: z.literal('127.0.0.1'),
  frames: z.enum(FRAME_SITES),
  siteOrigin: z.url(),
  resourceDirs: z.map(z.string(), z.string()),
  localesDir: z.string().min(1),
  frameCsp: z.string(),
});
export type ResourceWorkerData = z.infer<typeof WorkerData>;

const data = WorkerData.parse(workerData);
const port = parentPort;
if (port === null) throw new Error('resource-worker.ts runs as a worker thread (resource-origin.ts)');

/** The site's images (avatars, issue type icons) come from the site's own data: asked of the site. */
const fromSite = ({ req, res, url }: FrameFileContext): Promise<void> =>
  new Promise((resolve) => {
    const upstream = request(`${data.siteOrigin}${url.pathname}${url.search}`, { method: req.method }, (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
      answer.once('end', resolve);
    });
    upstream.once('error', (e) => {
      if (!res.headersSent) sendError(res, 502, 'SITE_UNREACHABLE', e.message);
      resolve();
    });
    upstream.end();
  });

const routes = frameFileRoutes(fromSite);
let hosts = new Set<string>();
let files: FrameFileContext['files'] | undefined;

const server = createServer((req, res) => {
  void (async () => {
    try {
      if (files === undefined || !hosts.has(req.headers.host ?? ''))
        throw new HttpError(421, 'MISDIRECTED', 'this host only answers on its loopback address');
      const url = new URL(req.url ?? '/', files.resourceOrigin);
      const method = req.method ?? 'GET';
      const match = method === 'GET' || method === 'HEAD' ? matchRoute(routes, method, url.pathname) : undefined;
      if (!match)
        throw new HttpError(404, 'NOT_FOUND', `the resource origin serves module resources only, not ${url.pathname}`);
      await match.route.handle({ files, req, res, url }, match.params);
    } catch (e) {
      const error = asHttpError(e);
      if (res.headersSent) res.destroy();
      else sendError(res, error.status, error.code, error.message);
    }
  })();
});

server.listen(0, data.host, () => {
  const { port: listening } = server.address() as AddressInfo;
  const resourceOrigin = resourceOriginAt(data.frames, listening);
  files = {
    resourceDirs: data.resourceDirs,
    localesDir: data.localesDir,
    frameCsp: data.frameCsp,
    origin: data.siteOrigin,
    resourceOrigin,
  };
  hosts = new Set([`${data.host}:${String(listening)}`, `localhost:${String(listening)}`]);
  port.postMessage({ port: listening });
});
