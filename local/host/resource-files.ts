import type { IncomingMessage, ServerResponse } from 'node:http';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { I18N_BUNDLE_FOLDER_NAME } from '@forge/i18n';
import { resourceCsp } from './csp';
import { HttpError, send } from './http-util';
import type { Route } from './route';
import { route } from './route';
import { contentTypeOf, injectBridge, readStaticFile } from './static-files';

/**
 * What serving a module's files takes: plain data, no runtime, so the resource origin can serve them
 * from a thread of its own (resource-worker.ts) while the site's thread runs invocations, as Forge's CDN
 * serves Custom UI whatever the app's functions are doing.
 */
export interface ResourceFiles {
  /** Manifest resource key -> built directory. */
  resourceDirs: ReadonlyMap<string, string>;
  /** Where `__LOCALES__` lies: the CLI copies it into every resource at deploy time. */
  localesDir: string;
  /** The manifest's Custom UI CSP (csp.ts frameCsp). */
  frameCsp: string;
  /** The page's origin: the only one a frame's bridge posts to, and its CSP's frame-ancestors. */
  origin: string;
  resourceOrigin: string;
}

/**
 * Whether module frames come from another site than the page (`cross-site`, as on Forge) or only another
 * origin (`same-site`). Forge serves Custom UI from its CDN, another site than the product's
 * (atlassian-dev.net beside atlassian.net), so Chromium's site isolation gives each module frame a
 * renderer process of its own: a frame's scripts never hold up its page's thread, nor the page's the
 * frame's. To a browser `localhost` and `127.0.0.1` are different sites, and both are loopback: the site
 * is on 127.0.0.1 and cross-site module files come from `localhost` (served on 127.0.0.1, which browsers
 * and Node try for localhost beside ::1).
 */
export const FRAME_SITES = ['cross-site', 'same-site'] as const;
export type FrameSite = (typeof FRAME_SITES)[number];

/** The resource origin on `port`. */
export const resourceOriginAt = (frames: FrameSite, port: number): string =>
  `http://${frames === 'cross-site' ? 'localhost' : '127.0.0.1'}:${String(port)}`;

const BROWSER_DIR = path.join(__dirname, 'browser');

/**
 * A module resource's file: index.html with the local bridge injected and Forge's Custom UI CSP,
 * `__LOCALES__/…` as @forge/bridge's i18n fetches it, anything else as built.
 */
export const serveResource = async (
  res: ServerResponse,
  files: ResourceFiles,
  key: string,
  rest: string,
): Promise<void> => {
  const resourceDir = files.resourceDirs.get(key);
  if (resourceDir === undefined) throw new HttpError(404, 'NOT_FOUND', `no resource '${key}'`);
  const locales = rest.startsWith(`${I18N_BUNDLE_FOLDER_NAME}/`);
  const dir = locales ? files.localesDir : resourceDir;
  // `rest` was decoded by the router; re-encode per segment so resolveInside checks every segment.
  const file = await readStaticFile(
    dir,
    rest === '' ? 'index.html' : rest.split('/').map(encodeURIComponent).join('/'),
  );
  if (file.contentType.startsWith('text/html')) {
    send(res, 200, file.contentType, injectBridge(file.body.toString('utf8'), files.origin), {
      'content-security-policy': resourceCsp(
        files.frameCsp,
        `${files.resourceOrigin}/resources/${encodeURIComponent(key)}/${I18N_BUNDLE_FOLDER_NAME}/`,
        files.origin,
      ),
    });
    return;
  }
  send(res, 200, file.contentType, file.body);
};

/** One of the host's own browser files (browser/); the caller decides which are reachable. */
export const serveBrowserFile = async (res: ServerResponse, name: string): Promise<void> => {
  send(res, 200, contentTypeOf(name), await readFile(path.join(BROWSER_DIR, name)));
};

/** A request on the resource origin's thread. */
export interface FrameFileContext {
  files: ResourceFiles;
  req: IncomingMessage;
  res: ServerResponse;
  url: URL;
}

/**
 * What a module iframe loads from the resource origin: its resource's files, the bridge script, and the
 * site's avatar and icon images (the emulated site hands out relative image URLs, which a frame resolves
 * against its own origin). `fromSite` answers the images, which the site's data decides.
 */
export const frameFileRoutes = (
  fromSite: (ctx: FrameFileContext) => Promise<void>,
): readonly Route<FrameFileContext>[] => [
  route<FrameFileContext>(
    ['GET', 'HEAD'],
    /^\/resources\/([^/]+)(?:\/(.*))?$/,
    'api',
    ({ files, res }, [key = '', rest = '']) => serveResource(res, files, key, rest),
  ),
  route<FrameFileContext>(['GET', 'HEAD'], /^\/__local\/bridge\.js$/, 'api', ({ res }) =>
    serveBrowserFile(res, 'bridge.js'),
  ),
  route<FrameFileContext>(
    ['GET', 'HEAD'],
    /^\/(?:avatars\/[^/]+\.svg|icons\/issuetype\/[a-z]+\.svg|favicon\.ico)$/,
    'api',
    fromSite,
  ),
];
