import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { z } from 'zod';
import { launchBrowser, watchProblems } from '../../test/support/browser';
import type { PageProblems } from '../../test/support/browser';
import { UI_MODULE_TYPES, loadAppManifest } from '../platform/app-manifest';
import type { TestHost } from './test-support';
import { ADMIN_ID, PM_ID, startTestHost } from './test-support';

/**
 * The real @forge/bridge in Chromium against the host: a probe resource (local/host/probe, built with
 * Vite here) stands in for every module's own resource and reports what each bridge call returned.
 */
// Page loads in a real browser: generous per-test time so a busy CI machine does not flake.
jest.setTimeout(30_000);

const ROOT = path.join(__dirname, '..', '..');
const MODULE_KEYS = UI_MODULE_TYPES.flatMap((t) =>
  loadAppManifest(path.join(ROOT, 'manifest.yml')).modules[t].map((m) => m.key),
);

let probeDir: string;
let host: TestHost;
let browser: Browser;
let page: Page;
let problems: PageProblems;

beforeAll(async () => {
  probeDir = mkdtempSync(path.join(tmpdir(), 'cadence-probe-'));
  execFileSync(process.execPath, [path.join(__dirname, 'probe', 'build-probe.mjs'), probeDir], {
    cwd: ROOT,
    stdio: 'pipe',
  });
  host = await startTestHost({
    extras: {
      extraResources: { probe: probeDir },
      moduleResources: Object.fromEntries(MODULE_KEYS.map((k) => [k, 'probe'])),
    },
  });
  browser = await launchBrowser();
}, 120_000);

afterAll(async () => {
  await browser.close();
  await host.close();
  rmSync(probeDir, { recursive: true, force: true });
});

beforeEach(async () => {
  page = await browser.newPage();
  problems = watchProblems(page);
});

afterEach(async () => {
  await page.close();
  // The probe's deliberate fetch is the only thing allowed to complain: connect-src admits only __LOCALES__.
  expect(problems.errors.filter((e) => !/connect-src|Refused to connect/.test(e))).toEqual([]);
});

const Outcome = z.object({ ok: z.boolean(), value: z.unknown().optional(), error: z.string().optional() });
const Results = z.record(z.string(), Outcome);
type Results = z.infer<typeof Results>;

const VIEW = 'iframe[data-role="view"]';

/** Opens a host page and waits for the probe in `frameSelector` to report. */
const probe = async (url: string, frameSelector = VIEW): Promise<Results> => {
  if (url !== '') await page.goto(host.url + url);
  return readProbe(frameSelector);
};

const readProbe = async (frameSelector: string): Promise<Results> => {
  const frame = page.frameLocator(frameSelector);
  await frame.locator('body[data-done="true"]').waitFor();
  return Results.parse(JSON.parse((await frame.locator('#probe-results').textContent()) ?? ''));
};

const epicKey = (): string =>
  host.runtime.site.listIssues().find((i) => i.issueType === 'Epic' && i.projectKey === 'PAY')?.key ?? '';

describe('the real @forge/bridge in every module type', () => {
  const cases: [string, () => string, string, string, () => Record<string, unknown>][] = [
    ['global page', () => '/jira/apps/cadence-board', VIEW, 'cadence-board', () => ({ type: 'jira:globalPage' })],
    [
      'project page',
      () => '/jira/projects/ONB/apps/cadence-team',
      VIEW,
      'cadence-team',
      () => ({ type: 'jira:projectPage', project: { key: 'ONB' } }),
    ],
    [
      'issue panel',
      () => `/jira/browse/${epicKey()}`,
      VIEW,
      'cadence-check-in',
      () => ({ type: 'jira:issuePanel', issue: { key: epicKey(), type: 'Epic' } }),
    ],
    [
      'gadget',
      () => '/jira/dashboards/local',
      VIEW,
      'cadence-gadget',
      () => ({ type: 'jira:dashboardGadget', gadgetConfiguration: {} }),
    ],
    [
      'gadget edit',
      () => '/jira/dashboards/local?edit=cadence-gadget',
      'iframe[data-role="gadget-edit"]',
      'cadence-gadget',
      () => ({ entryPoint: 'edit' }),
    ],
    [
      'macro',
      () => '/wiki/spaces/OKR/pages/1001',
      VIEW,
      'cadence-scorecard',
      () => ({ type: 'macro', content: { id: '1001', type: 'page' }, isEditing: false }),
    ],
    [
      'macro config',
      () => '/wiki/spaces/OKR/pages/1001?configure=1',
      'iframe[data-role="macro-config"]',
      'cadence-scorecard',
      () => ({ macro: { isConfiguring: true } }),
    ],
  ];

  it.each(cases)('%s', async (_name, url, selector, moduleKey, extension) => {
    const results = await probe(url(), selector);
    expect(results.context).toMatchObject({
      ok: true,
      value: {
        moduleKey,
        accountId: ADMIN_ID,
        siteUrl: host.url,
        theme: { colorMode: 'light' },
        extension: extension(),
      },
    });
    expect(results.invoke).toEqual({ ok: true, value: { name: 'Cadence', version: expect.any(String) as unknown } });
    expect(results.invokeUnknown).toMatchObject({
      ok: false,
      error: expect.stringContaining("'no.such.resolver'") as unknown,
    });
    expect(results.myself).toMatchObject({ ok: true, value: { status: 200, body: { accountId: ADMIN_ID } } });
    expect(results.theme).toEqual({
      ok: true,
      value: { colorMode: 'light', theme: 'dark:dark light:light spacing:spacing typography:typography' },
    });
    expect(results.history).toMatchObject({
      ok: true,
      value: {
        location: { pathname: '/objectives/42', search: '?tab=krs' },
        seen: ['/objectives/42?tab=krs'],
        search: expect.stringContaining('route=%2Fobjectives%2F42') as unknown,
      },
    });
    expect(results.unknownCall).toEqual({
      ok: false,
      error: "callBridge('definitelyNotABridgeCall') is not emulated by the local Forge host",
    });
    expect(results.frameId).toEqual({ ok: true, value: await page.locator(selector).getAttribute('data-frame-id') });
    expect(results.ready).toEqual({ ok: true });
    expect(await page.locator(selector).getAttribute('data-ready')).toBe('true');
    expect(await page.title()).toBe('Probe title');
    expect(results.refusedFetch).toMatchObject({ ok: false });
  });
});

describe('acting user and theme', () => {
  it('reach getContext, requestJira and theming', async () => {
    const results = await probe(`/jira/apps/cadence-board?as=${PM_ID}&theme=dark`);
    expect(results.context).toMatchObject({ value: { accountId: PM_ID, theme: { colorMode: 'dark' } } });
    expect(results.myself).toMatchObject({ value: { body: { accountId: PM_ID } } });
    expect(results.theme).toMatchObject({ value: { colorMode: 'dark' } });
    expect(await page.locator('html').getAttribute('data-color-mode')).toBe('dark');
    // The page's address shows the app's route (the probe pushed one), as Jira's does, next to the
    // viewer's own parameters.
    await page.waitForURL(
      (url) =>
        url.pathname === '/jira/apps/cadence-board/objectives/42' &&
        url.searchParams.get('tab') === 'krs' &&
        url.searchParams.get('as') === PM_ID &&
        url.searchParams.get('theme') === 'dark',
    );
  });

  it('opens a page app at the route its address names, without the viewer parameters', async () => {
    await page.goto(`${host.url}/jira/apps/cadence-board/objectives/7?tab=okrs&as=${PM_ID}&theme=dark`);
    const src = new URL((await page.locator(VIEW).getAttribute('src')) ?? '', host.url);
    expect(src.searchParams.get('route')).toBe('/objectives/7?tab=okrs');
  });
});

describe('getContext', () => {
  it('is answered in the page, which asks the server once per frame as it starts the frame', async () => {
    const order: string[] = [];
    page.on('request', (request) => {
      const { pathname } = new URL(request.url());
      if (pathname === '/__local/bridge/getContext' || pathname === '/__local/bridge.js') order.push(pathname);
    });
    const results = await probe('/jira/apps/cadence-board');
    expect(results.context).toMatchObject({ value: { extension: { type: 'jira:globalPage' } } });
    // Asked before the frame had even loaded its bridge, as Jira holds a module's context before its frame asks.
    expect(order).toEqual(['/__local/bridge/getContext', '/__local/bridge.js']);
  });
});

describe('view.submit and view.close', () => {
  it('saves a gadget configuration from the edit view and leaves edit mode', async () => {
    await probe('/jira/dashboards/local?edit=cadence-gadget', 'iframe[data-role="gadget-edit"]');
    await page.frameLocator('iframe[data-role="gadget-edit"]').locator('#submit').click();
    await page.waitForURL(`${host.url}/jira/dashboards/local`);
    const results = await readProbe(VIEW);
    expect(results.context).toMatchObject({
      value: { extension: { gadgetConfiguration: { probe: 'gadget-config', refresh: 15 } } },
    });
    expect(results.context).not.toMatchObject({ value: { extension: { entryPoint: 'edit' } } });
  });

  it('saves a macro config, closes the dialog and re-renders the macro with it', async () => {
    await probe('/wiki/spaces/OKR/pages/1002?configure=1', 'iframe[data-role="macro-config"]');
    await readProbe(VIEW);
    await page.frameLocator('iframe[data-role="macro-config"]').locator('#submit').click();
    await page.locator('#macro-config-dialog').waitFor({ state: 'detached' });
    expect(page.url()).toBe(`${host.url}/wiki/spaces/OKR/pages/1002`);
    await page.frameLocator(VIEW).locator('#probe-results', { hasText: 'macro-config' }).waitFor();
    expect((await readProbe(VIEW)).context).toMatchObject({
      value: { extension: { config: { probe: 'macro-config', team: 'payments' } } },
    });
  });

  it('closes the macro config dialog without saving on view.close', async () => {
    await probe('/wiki/spaces/OKR/pages/1001?configure=1', 'iframe[data-role="macro-config"]');
    await page.frameLocator('iframe[data-role="macro-config"]').locator('#close').click();
    await page.locator('#macro-config-dialog').waitFor({ state: 'detached' });
    expect((await readProbe(VIEW)).context).not.toMatchObject({
      value: { extension: { config: expect.anything() as unknown } },
    });
  });

  it('refuses submit and close where the view is not submittable or closable', async () => {
    await probe('/jira/apps/cadence-board');
    const frame = page.frameLocator(VIEW);
    await frame.locator('#submit').click();
    await frame.locator('#action-result', { hasText: 'not submittable' }).waitFor();
    await frame.locator('#close').click();
    await frame.locator('#action-result', { hasText: 'not closable' }).waitFor();
  });
});

describe('flags and the router', () => {
  it('shows a flag in the host page, runs its action and closes it', async () => {
    await probe('/jira/apps/cadence-board');
    const frame = page.frameLocator(VIEW);
    await frame.locator('#flag').click();
    const flag = page.locator('#flags .flag[data-flag-id="probe-flag"]');
    await flag.waitFor();
    expect(await flag.textContent()).toContain('Probe flag');
    await flag.getByRole('button', { name: 'Count' }).click();
    await frame.locator('#action-result', { hasText: '"flagActions":1' }).waitFor();
    await frame.locator('#flag-close').click();
    await flag.waitFor({ state: 'detached' });
  });

  it('navigates the host page to an issue, keeping the acting user', async () => {
    await probe(`/jira/apps/cadence-board?as=${PM_ID}`);
    const frame = page.frameLocator(VIEW);
    await frame.locator('#nav-key').fill(epicKey());
    await frame.locator('#navigate-issue').click();
    await page.waitForURL(`${host.url}/jira/browse/${epicKey()}?as=${PM_ID}`);
    expect(await page.locator('#issue-summary').textContent()).toBe(host.runtime.site.getIssue(epicKey())?.summary);
  });

  it('opens a dashboard target in a new tab', async () => {
    await probe('/jira/apps/cadence-board');
    const popup = page.waitForEvent('popup');
    await page.frameLocator(VIEW).locator('#navigate-dashboard').click();
    const opened = await popup;
    await opened.waitForLoadState();
    expect(opened.url()).toBe(`${host.url}/jira/dashboards/local`);
    await opened.close();
  });
});
