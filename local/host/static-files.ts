import { realpath, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { HttpError } from './http-util';

/** Content types of what Vite emits and the host serves; anything else is opaque bytes. */
const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.txt': 'text/plain; charset=utf-8',
};

export const contentTypeOf = (file: string): string =>
  CONTENT_TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream';

const notFound = (what: string): HttpError => new HttpError(404, 'NOT_FOUND', `${what} not found`);

/**
 * Resolves a URL path (still percent-encoded, relative to `dir`) to a file inside `dir`, or throws 404.
 * Traversal is refused twice: `..`, backslashes and NUL are rejected per segment, and the real path
 * (after symlinks) must still lie inside the real directory.
 */
export const resolveInside = async (dir: string, encodedRelative: string): Promise<string> => {
  const segments = encodedRelative.split('/').filter((s) => s !== '');
  const decoded: string[] = [];
  for (const segment of segments) {
    let s: string;
    try {
      s = decodeURIComponent(segment);
    } catch {
      throw new HttpError(400, 'BAD_PATH', 'malformed percent-encoding in path');
    }
    if (s === '.' || s === '..' || s.includes('/') || s.includes('\\') || s.includes('\0')) {
      throw new HttpError(400, 'BAD_PATH', 'path segments may not be . or .. or contain slashes');
    }
    decoded.push(s);
  }
  let root: string;
  try {
    root = await realpath(dir);
  } catch {
    throw notFound(`resource directory ${dir}`);
  }
  const candidate = path.join(root, ...decoded);
  let real: string;
  try {
    real = await realpath(candidate);
  } catch {
    throw notFound(decoded.join('/') || '/');
  }
  if (real !== root && !real.startsWith(root + path.sep)) throw notFound(decoded.join('/'));
  const info = await stat(real);
  if (!info.isFile()) throw notFound(decoded.join('/') || '/');
  return real;
};

export const readStaticFile = async (
  dir: string,
  encodedRelative: string,
): Promise<{ file: string; body: Buffer; contentType: string }> => {
  const file = await resolveInside(dir, encodedRelative);
  return { file, body: await readFile(file), contentType: contentTypeOf(file) };
};

/**
 * Puts the local bridge first in <head>, before the bundle's module script: @forge/bridge reads
 * `globalThis.__bridge` when it is first evaluated. A classic script file, not inline, because of the CSP.
 * `hostOrigin` is the page's origin, the only one the bridge posts to and hears from.
 */
export const injectBridge = (html: string, hostOrigin: string): string => {
  const head = /<head(\s[^>]*)?>/i.exec(html);
  if (!head) throw new HttpError(500, 'NO_HEAD', 'resource index.html has no <head> to load the bridge into');
  const at = head.index + head[0].length;
  return `${html.slice(0, at)}\n    <script src="/__local/bridge.js" data-host-origin="${hostOrigin}"></script>${html.slice(at)}`;
};
