import type { Browser } from 'playwright-core';
import { EMPTY_SITE_PEOPLE, seedEmptySite } from '../../local/demo';
import { createHostServer } from '../../local/host';
import type { HostServer } from '../../local/host';
import { createLocalRuntime } from '../../local/platform/local-runtime';
import type { LocalRuntime } from '../../local/platform/local-runtime';
import { launchBrowser, TEST_FRAMES } from './browser';

/**
 * A host on the site `npm start -- --no-seed` starts: a company that has just installed Cadence (one Jira
 * site admin, three colleagues, two projects with epics) and nothing stored by Cadence. For the browser
 * suites of the first run (getting started, admin page). Same shape as test/browser/views-host.ts's
 * ViewsHost, so its openPage/useViewsHost helpers work with it.
 */
export const EMPTY_PEOPLE = {
  /** The Jira site admin who installed Cadence: the default acting user. */
  admin: EMPTY_SITE_PEOPLE.alex.accountId,
  sam: EMPTY_SITE_PEOPLE.sam.accountId,
  /** Works in Dutch (Jira locale nl_NL): her pages open in Dutch without ?locale=. */
  noor: EMPTY_SITE_PEOPLE.noor.accountId,
  jordan: EMPTY_SITE_PEOPLE.jordan.accountId,
} as const;

/** The empty site's Jira projects, as the teams suggestions list them. */
export const EMPTY_PROJECTS = [
  { key: 'WEB', name: 'Website' },
  { key: 'APP', name: 'Mobile app' },
] as const;

export interface EmptyHost {
  runtime: LocalRuntime;
  server: HostServer;
  url: string;
  browser: Browser;
  close(): Promise<void>;
}

/** Starts the empty site's runtime (in memory unless `dataDir`), its host on an ephemeral port, and Chromium. */
export const startEmptyHost = async (options: { dataDir?: string; browser?: boolean } = {}): Promise<EmptyHost> => {
  const runtime = createLocalRuntime(options.dataDir === undefined ? {} : { dataDir: options.dataDir });
  await seedEmptySite(runtime);
  const server = await createHostServer(runtime, { port: 0, host: '127.0.0.1', frames: TEST_FRAMES });
  let browser: Browser | undefined;
  try {
    browser = options.browser === false ? undefined : await launchBrowser();
  } catch (e) {
    await server.close();
    runtime.close();
    throw e;
  }
  return {
    runtime,
    server,
    url: server.url,
    get browser(): Browser {
      if (browser === undefined) throw new Error('startEmptyHost({browser: false}) started no browser');
      return browser;
    },
    close: async () => {
      await browser?.close();
      await server.close();
      runtime.close();
    },
  };
};
