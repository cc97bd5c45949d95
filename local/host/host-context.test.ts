import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { z } from 'zod';
import { DEMO_USERS } from '../demo/demo-users';
import type { TestHost } from './test-support';
import { ADMIN_ID, PM_ID, frameIdsIn, postJson, startTestHost } from './test-support';

/**
 * Module contexts as the server hands them to the bridge (design doc §5.3), and gadget/macro
 * configuration that survives a restart of the runtime and the host.
 */
let dataDir: string;
let host: TestHost;

beforeAll(async () => {
  dataDir = mkdtempSync(path.join(tmpdir(), 'cadence-host-data-'));
  host = await startTestHost({ dataDir });
});

afterAll(async () => {
  await host.close();
  rmSync(dataDir, { recursive: true, force: true });
});

const Outcome = z.union([
  z.object({ ok: z.literal(true), value: z.unknown() }),
  z.object({ ok: z.literal(false), error: z.object({ status: z.number(), code: z.string(), message: z.string() }) }),
]);

/** A bridge call's failure: the error the bridge would reject with. */
const bridgeError = async (
  h: TestHost,
  name: string,
  frameId: string,
  payload?: unknown,
): Promise<{ status: number; code: string; message: string }> => {
  const answer = await postJson(`${h.url}/__local/bridge/${name}`, { frameId, payload });
  expect(answer.status).toBe(200);
  const outcome = Outcome.parse(answer.body);
  if (outcome.ok) throw new Error(`bridge call ${name} unexpectedly succeeded`);
  return outcome.error;
};

const framesOf = async (h: TestHost, page: string): Promise<string[]> => {
  const response = await fetch(h.url + page);
  expect(response.status).toBe(200);
  return frameIdsIn(await response.text());
};

const bridge = async (h: TestHost, name: string, frameId: string, payload?: unknown): Promise<unknown> => {
  const answer = await postJson(`${h.url}/__local/bridge/${name}`, { frameId, payload });
  expect(answer.status).toBe(200);
  const outcome = Outcome.parse(answer.body);
  if (!outcome.ok) throw new Error(`bridge call ${name} failed: ${outcome.error.message}`);
  return outcome.value;
};

const contextOf = async (h: TestHost, page: string, index = 0): Promise<unknown> => {
  const frameId = (await framesOf(h, page))[index];
  if (frameId === undefined) throw new Error(`no module frame #${index} in ${page}`);
  return bridge(h, 'getContext', frameId);
};

const epicKey = (): string =>
  host.runtime.site.listIssues().find((i) => i.issueType === 'Epic' && i.projectKey === 'PAY')?.key ?? '';

describe('getContext per module type', () => {
  it('gives the FullContext fields every module gets', async () => {
    expect(await contextOf(host, `/jira/apps/cadence-board?as=${PM_ID}&theme=dark`)).toMatchObject({
      accountId: PM_ID,
      cloudId: host.runtime.installation.cloudId,
      environmentId: host.runtime.installation.environmentId,
      environmentType: 'DEVELOPMENT',
      locale: 'en-US',
      moduleKey: 'cadence-board',
      siteUrl: host.url,
      timezone: 'Europe/London',
      theme: { colorMode: 'dark' },
      localId: expect.any(String) as unknown,
      extension: { type: 'jira:globalPage', location: `${host.url}/jira/apps/cadence-board?as=${PM_ID}&theme=dark` },
    });
  });

  it('describes the project of a project page', async () => {
    const project = host.runtime.site.listProjects().find((p) => p.key === 'PAY');
    expect(await contextOf(host, '/jira/projects/PAY/apps/cadence-team')).toMatchObject({
      moduleKey: 'cadence-team',
      extension: { type: 'jira:projectPage', project: { id: project?.id, key: 'PAY', type: 'software' } },
    });
  });

  it('describes the issue and project of an issue panel', async () => {
    const epic = host.runtime.site.getIssue(epicKey());
    expect(await contextOf(host, `/jira/browse/${epicKey()}`)).toMatchObject({
      moduleKey: 'cadence-check-in',
      extension: {
        type: 'jira:issuePanel',
        issue: { id: epic?.id, key: epicKey(), type: 'Epic', typeId: '10000' },
        project: { key: 'PAY', type: 'software' },
        isNewToIssue: false,
      },
    });
  });

  it('marks only the gadget edit view with entryPoint edit', async () => {
    const view = await contextOf(host, '/jira/dashboards/local');
    expect(view).toMatchObject({
      extension: {
        type: 'jira:dashboardGadget',
        dashboard: { id: expect.any(String) as unknown },
        gadget: { id: expect.any(String) as unknown },
      },
    });
    expect(view).not.toMatchObject({ extension: { entryPoint: 'edit' } });
    expect(await contextOf(host, '/jira/dashboards/local?edit=cadence-gadget')).toMatchObject({
      extension: { entryPoint: 'edit' },
    });
  });

  it('describes the page, space and mode of a macro', async () => {
    expect(await contextOf(host, '/wiki/spaces/OKR/pages/1002')).toMatchObject({
      moduleKey: 'cadence-scorecard',
      extension: {
        type: 'macro',
        content: { id: '1002', type: 'page' },
        space: { key: 'OKR' },
        isEditing: false,
        macro: { isConfiguring: false, isInserting: false },
      },
    });
    // Frame 0 is the macro in the page, frame 1 the config dialog.
    expect(await contextOf(host, '/wiki/spaces/OKR/pages/1002?configure=1', 1)).toMatchObject({
      extension: { isEditing: true, macro: { isConfiguring: true, isInserting: true } },
    });
  });
});

describe('view.submit', () => {
  it('is refused (false) outside gadget edit and macro config views', async () => {
    const [frameId = ''] = await framesOf(host, '/jira/apps/cadence-board');
    expect(await bridge(host, 'submit', frameId, { anything: true })).toBe(false);
  });

  it('persists gadget and macro configuration per instance, across a restart', async () => {
    const [, configFrame = ''] = await framesOf(host, '/wiki/spaces/OKR/pages/1001?configure=1');
    expect(await bridge(host, 'submit', configFrame, { config: { teamId: 't-1' } })).toBe(true);
    const [editFrame = ''] = await framesOf(host, '/jira/dashboards/local?edit=cadence-gadget');
    expect(await bridge(host, 'submit', editFrame, { teamId: 't-2', refresh: 15 })).toBe(true);
    // A submit that is not {config: {...}} fails loudly instead of saving nothing.
    expect(await bridgeError(host, 'submit', configFrame, { teamId: 'x' })).toMatchObject({
      status: 400,
      message: expect.stringContaining('config') as unknown,
    });

    await host.close();
    host = await startTestHost({ dataDir });

    expect(await contextOf(host, '/wiki/spaces/OKR/pages/1001')).toMatchObject({
      extension: { config: { teamId: 't-1' } },
    });
    expect(await contextOf(host, '/wiki/spaces/OKR/pages/1001?configure=1', 1)).toMatchObject({
      extension: { config: { teamId: 't-1' }, macro: { isInserting: false } },
    });
    expect(await contextOf(host, '/wiki/spaces/OKR/pages/1002')).not.toHaveProperty('extension.config');
    expect(await contextOf(host, `/jira/dashboards/local?as=${ADMIN_ID}`)).toMatchObject({
      extension: { gadgetConfiguration: { teamId: 't-2', refresh: 15 } },
    });
  });
});

describe('invoke and fetchProduct through the bridge endpoint', () => {
  it('invokes the module resolver with the frame context, and rejects with the resolver error', async () => {
    const [frameId = ''] = await framesOf(host, `/jira/browse/${epicKey()}`);
    expect(await bridge(host, 'invoke', frameId, { functionKey: 'app.info' })).toMatchObject({ name: 'Cadence' });
    expect(host.runtime.log.last()).toMatchObject({ moduleKey: 'cadence-check-in', accountId: ADMIN_ID });
    expect(await bridgeError(host, 'invoke', frameId, { functionKey: 'nope' })).toMatchObject({
      status: 500,
      message: expect.stringContaining("'nope'") as unknown,
    });
  });

  it('proxies requestJira to the site as the acting user', async () => {
    const [frameId = ''] = await framesOf(host, `/jira/apps/cadence-board?as=${PM_ID}`);
    const answer = await bridge(host, 'fetchProduct', frameId, {
      product: 'jira',
      restPath: '/rest/api/3/myself',
      fetchRequestInit: { method: 'GET', body: null, headers: [] },
    });
    const parsed = z
      .object({
        status: z.number(),
        statusText: z.string(),
        headers: z.record(z.string(), z.string()),
        body: z.string(),
      })
      .parse(answer);
    expect(parsed).toMatchObject({ status: 200, statusText: 'OK' });
    expect(JSON.parse(parsed.body)).toMatchObject({ accountId: PM_ID });
  });

  it('fails an unknown frame, an unknown call and an unemulated product loudly', async () => {
    const [frameId = ''] = await framesOf(host, '/jira/apps/cadence-board');
    expect(await bridgeError(host, 'getContext', 'gone')).toMatchObject({ status: 404, code: 'UNKNOWN_FRAME' });
    expect(await bridgeError(host, 'openModal', frameId)).toMatchObject({
      message: expect.stringContaining('openModal') as unknown,
    });
    expect(
      await bridgeError(host, 'fetchProduct', frameId, { product: 'confluence', restPath: '/wiki/api/v2/pages' }),
    ).toMatchObject({ status: 501 });
    expect(
      await bridgeError(host, 'fetchProduct', frameId, { product: 'jira', restPath: '/rest/api/3/dashboard' }),
    ).toMatchObject({ status: 501 });
    expect((await postJson(`${host.url}/__local/bridge/getContext`, { payload: 1 })).status).toBe(400);
  });
});

describe("the viewer's language (?locale=)", () => {
  it('gives getContext the locale in Forge form, from ?locale= in any form Forge accepts', async () => {
    expect(await contextOf(host, '/jira/apps/cadence-board?locale=nl-NL')).toMatchObject({ locale: 'nl-NL' });
    expect(await contextOf(host, '/jira/dashboards/local?locale=nl_NL')).toMatchObject({ locale: 'nl-NL' });
    expect(await contextOf(host, '/jira/apps/cadence-board')).toMatchObject({ locale: 'en-US' });
    const refused = await fetch(`${host.url}/jira/apps/cadence-board?locale=klingon`);
    expect(refused.status).toBe(400);
    expect(await refused.text()).toContain('klingon');
  });

  it("defaults to the acting user's Jira locale, and links repeat ?locale= only when it differs", async () => {
    // The demo company's colleague who works in Dutch (Jira locale nl_NL).
    const dutch = DEMO_USERS.sanne;
    expect(await contextOf(host, `/jira/apps/cadence-board?as=${dutch.accountId}`)).toMatchObject({ locale: 'nl-NL' });
    const own = await (await fetch(`${host.url}/?as=${dutch.accountId}`)).text();
    expect(own).not.toContain('locale=');
    const english = await (await fetch(`${host.url}/?as=${dutch.accountId}&locale=en-US`)).text();
    expect(english).toContain(`href="/jira/dashboards/local?as=${dutch.accountId}&amp;locale=en-US"`);
  });

  it('keeps ?locale= in every link, the switchers and router navigation, and shows Dutch module titles', async () => {
    const start = await (await fetch(`${host.url}/?as=${PM_ID}&locale=nl-NL`)).text();
    expect(start).toContain(`href="/jira/dashboards/local?as=${PM_ID}&amp;locale=nl-NL"`);
    expect(start).toContain('<input type="hidden" name="locale" value="nl-NL" />');
    expect(start).toMatch(/<option value="nl-NL" lang="nl-NL"\s+selected>Nederlands<\/option>/);
    expect(start).toContain('OKR-voortgang');
    const dashboard = await (await fetch(`${host.url}/jira/dashboards/local?locale=nl-NL`)).text();
    expect(dashboard).toContain('OKR-voortgang');
    expect(dashboard).not.toContain('OKR progress');

    const [frameId = ''] = await framesOf(host, `/jira/apps/cadence-board?as=${PM_ID}&locale=nl-NL`);
    expect(await bridge(host, 'navigate', frameId, { type: 'same-tab', target: 'issue', issueKey: epicKey() })).toEqual(
      { type: 'same-tab', url: `${host.url}/jira/browse/${epicKey()}?as=${PM_ID}&locale=nl-NL` },
    );
  });

  it("passes the frame's locale into every resolver invocation's context", async () => {
    const spy = jest.spyOn(host.runtime.app, 'invokeResolver');
    try {
      const [frameId = ''] = await framesOf(host, `/jira/browse/${epicKey()}?locale=nl-NL`);
      await bridge(host, 'invoke', frameId, { functionKey: 'app.info' });
      expect(spy).toHaveBeenCalledWith(expect.objectContaining({ locale: 'nl-NL' }));
    } finally {
      spy.mockRestore();
    }
  });
});
