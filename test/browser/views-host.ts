import type { Browser, FrameLocator, Page } from 'playwright-core';
import { DEMO_USERS, seedDemo } from '../../local/demo';
import { createHostServer } from '../../local/host';
import type { HostServer } from '../../local/host';
import type { FaultInjector } from '../../local/platform/faults';
import { createLocalRuntime } from '../../local/platform/local-runtime';
import type { LocalRuntime } from '../../local/platform/local-runtime';
import type { ApiInput, ApiKey, ApiOutput, Result } from '../../src/contract';
import { seriousViolationsIn } from '../support/axe';
import { launchBrowser, screenshot, TEST_FRAMES, watchProblems } from '../support/browser';
import type { PageProblems } from '../support/browser';

/**
 * What the browser suites of the module views share: a local runtime seeded with the demo company
 * (Jira site and OKRs, through the resolvers), the web host on an ephemeral port, one Chromium, and
 * helpers to open a module page, reach into its iframe, call the backend as someone, and run axe.
 */
export const PEOPLE = {
  elena: DEMO_USERS.elena.accountId,
  priya: DEMO_USERS.priya.accountId,
  marcus: DEMO_USERS.marcus.accountId,
  hannah: DEMO_USERS.hannah.accountId,
  daniel: DEMO_USERS.daniel.accountId,
  grace: DEMO_USERS.grace.accountId,
  kenji: DEMO_USERS.kenji.accountId,
} as const;

export interface ViewsHost {
  runtime: LocalRuntime;
  server: HostServer;
  url: string;
  browser: Browser;
  close(): Promise<void>;
}

export const startViewsHost = async (options: { faultInjector?: FaultInjector } = {}): Promise<ViewsHost> => {
  const runtime = createLocalRuntime(
    options.faultInjector === undefined ? {} : { faultInjector: options.faultInjector },
  );
  await seedDemo(runtime);
  await runtime.whenIdle();
  const server = await createHostServer(runtime, { port: 0, host: '127.0.0.1', frames: TEST_FRAMES });
  const browser = await launchBrowser();
  return {
    runtime,
    server,
    url: server.url,
    browser,
    close: async () => {
      await browser.close();
      await server.close();
      runtime.close();
    },
  };
};

/** Calls a resolver the way the bridge does (POST /forge/invoke), as a demo user; throws on an error result. */
export const invokeAs = async <K extends ApiKey>(
  host: ViewsHost,
  accountId: string,
  key: K,
  payload: ApiInput<K>,
  moduleKey = 'cadence-board',
): Promise<ApiOutput<K>> => {
  const response = await fetch(`${host.url}/forge/invoke`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ moduleKey, functionKey: key, payload, accountId }),
  });
  const body = (await response.json()) as Result<ApiOutput<K>>;
  if (!body.ok) throw new Error(`${key}: ${body.error.code} ${body.error.message}`);
  return body.data;
};

export interface OpenedPage {
  page: Page;
  /** Closes the page and its browser context. */
  close(): Promise<void>;
  problems: PageProblems;
  /** The module iframe (the first, or the one whose data-role matches). */
  frame: (role?: string) => FrameLocator;
}

export const frameSelector = (role?: string): string =>
  role === undefined ? 'iframe[data-frame-id]' : `iframe[data-frame-id][data-role="${role}"]`;

/** A new tab on `path` (?as= and &theme= included by the caller), waiting for every module view to render. */
export const openPage = async (host: ViewsHost, path: string): Promise<OpenedPage> => {
  // A context of its own per page: axe-core's playwright builder requires one (it opens a page in it).
  const context = await host.browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const problems = watchProblems(page);
  await page.goto(host.url + path);
  const frames = page.locator('iframe[data-frame-id]');
  const count = await frames.count();
  for (let i = 0; i < count; i++) await frames.nth(i).contentFrame().locator('#root > *').first().waitFor();
  return {
    page,
    problems,
    close: () => context.close(),
    frame: (role) => page.locator(frameSelector(role)).first().contentFrame(),
  };
};

/**
 * A browser suite's hooks: one seeded host for the file, and every page opened through `open` checked
 * for page errors and closed after each test. `host()` is the running host (from beforeAll on).
 */
export const useViewsHost = (): { host: () => ViewsHost; open: (path: string) => Promise<OpenedPage> } => {
  let running: ViewsHost | undefined;
  const opened: OpenedPage[] = [];
  beforeAll(async () => {
    running = await startViewsHost();
  }, 90_000);
  afterAll(async () => {
    await running?.close();
  });
  afterEach(async () => {
    for (const o of opened.splice(0)) {
      expect(o.problems.errors).toEqual([]);
      await o.close();
    }
  });
  const host = (): ViewsHost => {
    if (running === undefined) throw new Error('the views host is not running: did beforeAll fail?');
    return running;
  };
  return {
    host,
    open: async (path) => {
      const o = await openPage(host(), path);
      opened.push(o);
      return o;
    },
  };
};

export const withUser = (path: string, accountId: string, theme?: 'dark'): string =>
  `${path}${path.includes('?') ? '&' : '?'}as=${accountId}${theme === undefined ? '' : `&theme=${theme}`}`;

/** axe-core on the module frame only: serious and critical violations (fails when it checked nothing). */
export const seriousViolations = (page: Page, role?: string): Promise<string[]> =>
  seriousViolationsIn(page, frameSelector(role));

export { screenshot };

/** The page at both widths the issue names (a frame fits its content), saved as `<name>-<width>`. */
export const atBothSizes = async (o: OpenedPage, name: string): Promise<void> => {
  for (const [width, height] of [
    [1024, 768],
    [1440, 900],
  ] as const) {
    await o.page.setViewportSize({ width, height });
    await screenshot(o.page, `${name}-${String(width)}`);
  }
};

/** A status summary's words (English), as its buttons read "3 on pace", "1 behind"… */
export const TRACK_WORDS = {
  on_pace: 'on pace',
  behind: 'behind',
  at_risk: 'at risk',
  stale: 'stale',
  no_value: 'no value yet',
};
export type Tracks = Record<keyof typeof TRACK_WORDS, number>;

/** The statuses a summary bar shows for these counts (those above 0), in its order. */
export const shownTracks = (tracks: Tracks): (keyof typeof TRACK_WORDS)[] =>
  (Object.keys(TRACK_WORDS) as (keyof typeof TRACK_WORDS)[]).filter((k) => tracks[k] > 0);
