import { z } from 'zod';
import { moduleTitle } from '../platform/i18n/module-titles';
import { PATHS } from './links';
import type { TestHost } from './test-support';
import { ADMIN_ID, PM_ID, frameIdsIn, postJson, startTestHost } from './test-support';

/**
 * The app's jira:adminPage in Jira settings (docs: manifest-reference/modules/jira-admin-page): its address
 * built from the app and environment ids, for Jira admins only (403 "you don't have access" otherwise), the
 * extension context Forge documents for it, its title in the viewer's language, and the host's navigation
 * listing it under Apps for admins only.
 */
let host: TestHost;
let settingsPath: string;

beforeAll(async () => {
  host = await startTestHost();
  const { appId, environmentId } = host.runtime.installation;
  settingsPath = PATHS.adminSettings('main', appId, environmentId);
});

afterAll(async () => {
  await host.close();
});

const page = async (path: string): Promise<{ status: number; body: string }> => {
  const response = await fetch(host.url + path);
  return { status: response.status, body: await response.text() };
};

const Outcome = z.object({ ok: z.literal(true), value: z.unknown() });
const bridge = async (name: string, frameId: string, payload?: unknown): Promise<unknown> => {
  const answer = await postJson(`${host.url}/__local/bridge/${name}`, { frameId, payload });
  return Outcome.parse(answer.body).value;
};

const settingsModule = (): { key: string; title: { text: string; key: string | undefined } } => {
  const module = host.runtime.manifest.modules['jira:adminPage'][0];
  if (module === undefined) throw new Error('manifest.yml declares no jira:adminPage');
  return module;
};

describe('the admin page in Jira settings', () => {
  it('lives at /jira/settings/apps/{appId}/{envId} and frames the module for a Jira admin', async () => {
    const { appId, environmentId } = host.runtime.installation;
    expect(settingsPath).toBe(`/jira/settings/apps/${appId}/${environmentId}`);
    const answer = await page(settingsPath);
    expect(answer.status).toBe(200);
    expect(answer.body).toContain(`data-module-key="${settingsModule().key}"`);
    expect(answer.body).toContain(`data-route-base="${settingsPath}"`);
    expect(frameIdsIn(answer.body)).toHaveLength(1);
  });

  it("gives the frame the extension context Forge documents: type 'jira:adminPage' and the page's location", async () => {
    const [frameId = ''] = frameIdsIn((await page(`${settingsPath}?theme=dark`)).body);
    expect(await bridge('getContext', frameId)).toMatchObject({
      accountId: ADMIN_ID,
      moduleKey: settingsModule().key,
      extension: { type: 'jira:adminPage', location: `${host.url}${settingsPath}?theme=dark` },
    });
  });

  it('passes a sub-path on as the app route (subpages are routes of the same app)', async () => {
    const answer = await page(`${settingsPath}/teams`);
    expect(answer.status).toBe(200);
    expect(answer.body).toContain('route=%2Fteams');
  });

  it('shows the title in the viewer language, in the page and the navigation', async () => {
    const { appCodeDir } = host.runtime.installation;
    const dutch = moduleTitle(appCodeDir, settingsModule().title, 'nl-NL');
    const english = moduleTitle(appCodeDir, settingsModule().title, 'en-US');
    expect(dutch).not.toBe(english);
    const nl = await page(`${settingsPath}?locale=nl-NL`);
    expect(nl.body).toContain(`<title>${dutch} - Jira</title>`);
    expect(nl.body).toContain(`Jira settings / Apps / ${dutch}`);
    expect((await page('/')).body).toContain(`data-settings-link>${english}</a>`);
  });

  it("answers anyone who is not a Jira admin with Jira's no-access page (403) and no frame", async () => {
    const answer = await page(`${settingsPath}?as=${PM_ID}`);
    expect(answer.status).toBe(403);
    expect(answer.body).toContain("You don't have access to this page");
    expect(frameIdsIn(answer.body)).toEqual([]);
    expect((await page(`${settingsPath}/teams?as=${PM_ID}`)).status).toBe(403);
  });

  it('lists the settings under Apps for admins only', async () => {
    const admin = await page('/');
    expect(admin.body).toContain('id="settings-nav"');
    expect(admin.body).toContain(`href="${settingsPath}"`);
    const member = await page(`/?as=${PM_ID}`);
    expect(member.body).not.toContain('id="settings-nav"');
    expect(member.body).not.toContain(settingsPath);
    expect(member.body).toContain('Jira settings are for Jira administrators');
  });

  it('is 404 for another app or environment, and for Configure / Get started pages the app does not declare', async () => {
    const { appId } = host.runtime.installation;
    expect((await page(`/jira/settings/apps/${appId}/production`)).status).toBe(404);
    expect((await page('/jira/settings/apps/another-app/local-development')).status).toBe(404);
    const declares = (flag: 'useAsConfig' | 'useAsGetStarted'): boolean =>
      host.runtime.manifest.modules['jira:adminPage'].some((m) => m[flag] === true);
    if (!declares('useAsConfig'))
      expect((await page(PATHS.adminSettings('configure', appId, 'local-development'))).status).toBe(404);
    if (!declares('useAsGetStarted'))
      expect((await page(PATHS.adminSettings('get-started', appId, 'local-development'))).status).toBe(404);
  });

  it("routes router.navigate's module target to the admin page", async () => {
    const [frameId = ''] = frameIdsIn((await page('/jira/apps/cadence-board')).body);
    expect(await bridge('getUrl', frameId, { target: 'module', moduleKey: settingsModule().key })).toBe(
      host.url + settingsPath,
    );
  });

  it('runs the resolver for the module with its own module key', async () => {
    const answer = await postJson(`${host.url}/forge/invoke`, {
      moduleKey: settingsModule().key,
      functionKey: 'me.get',
      payload: {},
      accountId: ADMIN_ID,
    });
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({ ok: true, data: { accountId: ADMIN_ID } });
  });
});
