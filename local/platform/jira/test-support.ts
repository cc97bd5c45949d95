import { z } from 'zod';
import { seedDemoSite } from '../../demo/seed-jira';
import type { Db } from '../db';
import { openDatabase } from '../db';
import { createFaultInjector } from '../faults';
import type { ForgeFetch } from '../forge-fetch';
import { createForgeFetch } from '../forge-fetch';
import { newInvocation, runInvocation } from '../invocation';
import type { KvsBackend, ProductBackend } from '../types';
import { UnsupportedByLocalRuntime } from '../types';
import type { JiraSite, JiraSiteOptions } from './site';
import { createJiraSite } from './site';

/**
 * Wiring for tests that drive the real @forge/api against a site through the runtime's real
 * `__forge_fetch__` router. The router takes the acting user from the invocation context, so each call
 * runs inside an invocation of the user a test named with `actAs`.
 */

let actingAccountId: string | undefined;

/** The user that `api.asUser()` acts as in the following calls. */
export const actAs = (accountId: string | undefined): void => {
  actingAccountId = accountId;
};

/** Installs the router; returns a function that restores the previous global. */
export const installForgeFetch = (backend: ProductBackend): (() => void) => {
  const previous: unknown = Reflect.get(globalThis, '__forge_fetch__');
  const router = createForgeFetch({ kvs: noKvs, products: { jira: backend }, faults: createFaultInjector() });
  const forgeFetch: ForgeFetch = (descriptor, path, init) =>
    runInvocation(
      newInvocation({
        accountId: actingAccountId,
        functionKey: 'test',
        moduleKey: 'test',
        moduleType: 'test',
        timeoutMs: 25_000,
      }),
      () => router(descriptor, path, init),
    );
  Reflect.set(globalThis, '__forge_fetch__', forgeFetch);
  return () => Reflect.set(globalThis, '__forge_fetch__', previous);
};

const noKvs: KvsBackend = {
  handle: (operation) => {
    throw new UnsupportedByLocalRuntime(`Jira site tests have no storage (asked for ${operation})`);
  },
};

/** A clock fixed after the demo history, so admin changes get a known `updated` time. */
export const TEST_NOW = '2026-03-02T10:00:00.000Z';

export interface TestSite {
  db: Db;
  site: JiraSite;
  close(): void;
}

/** An in-memory site (seeded with the demo company unless told otherwise) with the harness installed. */
export const createTestSite = (
  options: { seed?: boolean } & Pick<JiraSiteOptions, 'grantedScopes' | 'rateLimits'> = {},
): TestSite => {
  const db = openDatabase(':memory:');
  const site = createJiraSite(db, {
    now: () => new Date(TEST_NOW),
    siteUrl: 'https://acme-cloud.atlassian.net',
    ...(options.grantedScopes === undefined ? {} : { grantedScopes: options.grantedScopes }),
    ...(options.rateLimits === undefined ? {} : { rateLimits: options.rateLimits }),
  });
  if (options.seed !== false) seedDemoSite(site);
  const uninstall = installForgeFetch(site);
  return {
    db,
    site,
    close: () => {
      uninstall();
      actAs(undefined);
      db.close();
    },
  };
};

/** Response shapes the tests read (parsed, never cast). */
export const errorBody = z.object({ errorMessages: z.array(z.string()), errors: z.record(z.string(), z.string()) });

export const issueBean = z.looseObject({
  id: z.string(),
  key: z.string(),
  self: z.string(),
  fields: z.record(z.string(), z.unknown()),
});

export const searchPage = z.strictObject({
  issues: z.array(issueBean),
  nextPageToken: z.string().optional(),
  isLast: z.boolean(),
});
