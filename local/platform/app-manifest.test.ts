import { readFileSync } from 'node:fs';
import path from 'node:path';
import { stringify } from 'yaml';
import { findUiModule, parseAppManifest } from './app-manifest';

/**
 * jira:adminPage as strictly as Forge validates it (docs: manifest-reference/modules/jira-admin-page,
 * "Properties" and "Validation rules"): unknown properties refused, one page without useAsConfig /
 * useAsGetStarted, at most one with either, and no subpages on those.
 */
const manifestWith = (adminPages: unknown[]): string =>
  stringify({
    app: { id: 'ari:cloud:ecosystem::app/00000000-0000-0000-0000-000000000000', runtime: { name: 'nodejs22.x' } },
    modules: {
      'jira:adminPage': adminPages,
      function: [{ key: 'resolver', handler: 'index.handler' }],
    },
    resources: [{ key: 'admin', path: 'static/build/admin' }],
    permissions: { scopes: [] },
  });

const page = (over: Record<string, unknown> = {}): Record<string, unknown> => ({
  key: 'settings',
  title: 'Settings',
  resource: 'admin',
  resolver: { function: 'resolver' },
  ...over,
});

const refusal = (adminPages: unknown[]): string => {
  try {
    parseAppManifest(manifestWith(adminPages));
  } catch (e) {
    return e instanceof Error ? e.message : String(e);
  }
  throw new Error('the manifest was accepted');
};

describe('jira:adminPage in manifest.yml', () => {
  it("reads the app's own admin page as a UI module", () => {
    const manifest = parseAppManifest(readFileSync(path.resolve(__dirname, '../../manifest.yml'), 'utf8'));
    const [settings] = manifest.modules['jira:adminPage'];
    expect(settings).toBeDefined();
    expect(findUiModule(manifest, settings?.key ?? '').type).toBe('jira:adminPage');
  });

  it('accepts the documented properties: main page with subpages, and a Configure + Get started page', () => {
    const manifest = parseAppManifest(
      manifestWith([
        page({
          icon: 'resource:admin;icon.svg',
          layout: 'blank',
          sections: [{ header: 'Data', pages: [{ title: 'Export', route: 'export' }] }],
        }),
        page({ key: 'configure', useAsConfig: true, useAsGetStarted: true }),
      ]),
    );
    expect(manifest.modules['jira:adminPage'].map((m) => m.key)).toEqual(['settings', 'configure']);
  });

  it('refuses properties the docs do not list, and UI Kit rendering', () => {
    expect(refusal([page({ useAsConfiguration: true })])).toContain('useAsConfiguration');
    expect(refusal([page({ pages: [{ title: 'A', route: 'a', path: 'x' }] })])).toContain('path');
    expect(refusal([page({ render: 'native' })])).toContain('UI Kit');
    expect(refusal([page({ key: 'has space' })])).toContain('module key');
  });

  it("enforces the docs' validation rules", () => {
    expect(refusal([page(), page({ key: 'other' })])).toContain('only one jira:adminPage may go without');
    expect(
      refusal([page(), page({ key: 'a', useAsConfig: true }), page({ key: 'b', useAsGetStarted: true })]),
    ).toContain('only one jira:adminPage may set useAsConfig or useAsGetStarted');
    expect(refusal([page({ useAsConfig: true, pages: [{ title: 'A', route: 'a' }] })])).toContain(
      'cannot have pages or sections',
    );
    expect(
      refusal([page({ pages: [{ title: 'A', route: 'a' }], sections: [{ pages: [{ title: 'B', route: 'b' }] }] })]),
    ).toContain('pages or sections, not both');
  });
});
