import { DEMO_USERS } from '../demo/demo-users';
import { seedEmptyJiraSite } from '../demo/seed-empty-site';
import { seedDemoSite } from '../demo/seed-jira';
import type { LocalRuntime } from '../platform/local-runtime';
import { createLocalRuntime } from '../platform/local-runtime';
import type { HostServer } from './host-server';
import { createHostServer } from './host-server';
import type { HostExtras } from './host-state';

/** Test support for the host's suites: a seeded runtime with a host server on an ephemeral port. */
export interface TestHost {
  runtime: LocalRuntime;
  server: HostServer;
  url: string;
  close(): Promise<void>;
}

export const ADMIN_ID = DEMO_USERS.elena.accountId;
export const PM_ID = DEMO_USERS.priya.accountId;

/** `seed`: the demo company's Jira site (default), the empty site of `--no-seed` ('empty'), or nothing (false). */
export const startTestHost = async (
  options: { dataDir?: string; extras?: HostExtras; seed?: boolean | 'empty' } = {},
): Promise<TestHost> => {
  const runtime = createLocalRuntime(options.dataDir === undefined ? {} : { dataDir: options.dataDir });
  if (options.seed === 'empty') seedEmptyJiraSite(runtime.site);
  else if (options.seed !== false) seedDemoSite(runtime.site);
  const server = await createHostServer(runtime, { port: 0, host: '127.0.0.1', ...options.extras });
  return {
    runtime,
    server,
    url: server.url,
    close: async () => {
      await server.close();
      runtime.close();
    },
  };
};

export interface JsonAnswer {
  status: number;
  headers: Headers;
  body: unknown;
}

/** POSTs JSON (or a raw string) and parses the JSON answer. */
export const postJson = async (
  url: string,
  body: unknown,
  headers: Record<string, string> = {},
): Promise<JsonAnswer> => {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  const text = await response.text();
  return {
    status: response.status,
    headers: response.headers,
    body: text === '' ? undefined : (JSON.parse(text) as unknown),
  };
};

export const getJson = async (url: string, headers: Record<string, string> = {}): Promise<JsonAnswer> => {
  const response = await fetch(url, { headers });
  const text = await response.text();
  return {
    status: response.status,
    headers: response.headers,
    body: text === '' ? undefined : (JSON.parse(text) as unknown),
  };
};

/** The frame ids of the module iframes in a rendered page, in document order. */
export const frameIdsIn = (html: string): string[] =>
  [...html.matchAll(/data-frame-id="([^"]+)"/g)].map((m) => m[1] ?? '');
