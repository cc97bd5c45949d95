import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse, stringify } from 'yaml';
import { parseAppManifest } from '../platform/app-manifest';
import { frameCsp } from './csp';

/** Module frames get Forge's Custom UI policy; inline styles only when the manifest asks for them. */
const manifestText = readFileSync(path.join(__dirname, '..', '..', 'manifest.yml'), 'utf8');

const withoutContentPermissions = (): string => {
  const raw = parse(manifestText) as { permissions: Record<string, unknown> };
  delete raw.permissions.content;
  return stringify(raw);
};

describe('frame CSP', () => {
  it('allows inline styles when permissions.content.styles lists unsafe-inline', () => {
    expect(frameCsp(parseAppManifest(manifestText))).toContain("style-src 'self' 'unsafe-inline'");
  });

  it('keeps styles to the resource itself otherwise, and never allows inline scripts or direct fetches', () => {
    const csp = frameCsp(parseAppManifest(withoutContentPermissions()));
    expect(csp).toContain("style-src 'self';");
    expect(csp).toContain("script-src 'self';");
    expect(csp).toContain("connect-src 'none'");
  });
});
