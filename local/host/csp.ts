import { z } from 'zod';
import type { AppManifest } from '../platform/app-manifest';

/**
 * Content Security Policies. Frame documents get Forge's Custom UI policy: scripts and styles only from
 * the resource itself, and `connect-src 'none'` on purpose, because on Forge app code reaches its
 * backend only through the bridge. Inline styles are allowed only when the manifest asks for them
 * (`permissions.content.styles: [unsafe-inline]`), as on Forge.
 */
const ContentPermissions = z.object({
  permissions: z
    .object({
      content: z
        .object({ styles: z.array(z.string()).optional(), scripts: z.array(z.string()).optional() })
        .loose()
        .optional(),
    })
    .loose()
    .optional(),
});

export const frameCsp = (manifest: AppManifest): string => {
  // AppManifest is parsed loosely, so the content permissions are still on the object, untyped.
  const parsed = ContentPermissions.safeParse(manifest);
  const styles = parsed.success ? (parsed.data.permissions?.content?.styles ?? []) : [];
  const styleSrc = styles.includes('unsafe-inline') ? "'self' 'unsafe-inline'" : "'self'";
  return [
    "default-src 'none'",
    "script-src 'self'",
    `style-src ${styleSrc}`,
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "connect-src 'none'",
    "frame-ancestors 'self'",
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
};

/**
 * A resource's policy, letting it read its own `__LOCALES__` folder and nothing else: @forge/bridge's
 * i18n fetches `./__LOCALES__/<locale>.json` from the resource's origin [pkg:bridge/out/i18n/index.js],
 * so Forge's policy admits that; any other fetch stays refused (a path ending in / matches its prefix).
 */
export const resourceCsp = (frame: string, localesUrl: string, pageOrigin: string): string =>
  frame.replace("connect-src 'none'", `connect-src ${localesUrl}`).replace("frame-ancestors 'self'", `frame-ancestors ${pageOrigin}`);

/**
 * The host's own pages: no inline script or style anywhere, every host script is a file. Frames come
 * from the resource origin only (HostState.resourceOrigin), as Forge's come from its CDN.
 */
export const chromeCsp = (resourceOrigin: string): string => [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  `frame-src ${resourceOrigin}`,
  "frame-ancestors 'none'",
  "base-uri 'none'",
  "form-action 'self'",
].join('; ');
