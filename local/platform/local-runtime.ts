import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { AppHandlers, Limits } from './app-host';
import { AppHost, LIMITS } from './app-host';
import type { AppManifest } from './app-manifest';
import { tempAppCodeDir } from './i18n/catalogs';
import { parseAppManifest } from './app-manifest';
import { CallLog } from './call-log';
import type { Db } from './db';
import { openDatabase } from './db';
import type { FaultConfig, FaultInjector } from './faults';
import { createFaultInjector } from './faults';
import type { EventLimits, EventQueue } from './events/queue';
import { createEventQueue } from './events/queue';
import type { ForgeFetch } from './forge-fetch';
import { createForgeFetch } from './forge-fetch';
import type { JiraSite } from './jira';
import { createJiraSite, createPassThroughSite } from './jira';
import { functionKeyOf } from './jira/jql/app-functions';
import { createKvsStore, readEntityDefinitions } from './kvs';
import type { KvsQuotaLimits, KvsStore } from './kvs';
import type { LicenseState, LocalInstallation } from './runtime-globals';
import { installRuntimeGlobals, localLicense } from './runtime-globals';
import type { ProductBackend } from './types';

export interface PassThroughConfig {
  baseUrl: string;
  email: string;
  apiToken: string;
}

export interface LocalRuntimeOptions {
  /** Folder for the database; omitted means an in-memory database (tests). */
  dataDir?: string;
  /** Repository root (manifest.yml, src/, static/build). */
  root?: string;
  faults?: Partial<FaultConfig>;
  /** A scripted injector instead of the random one (tests of retry paths). */
  faultInjector?: FaultInjector;
  /** Appends one JSON line per invocation with its platform calls. */
  callLogFile?: string;
  /** Send product calls to a real Jira site instead of the emulated one. */
  passThrough?: PassThroughConfig;
  /** Loads the app's handlers; defaults to requiring src/index.ts after the globals are installed. */
  loadHandlers?: () => AppHandlers;
  now?: () => Date;
  /** Origin the site is served on (the host's URL), used for `siteUrl` in contexts and `self` links. */
  siteUrl?: string;
  /** Shorter platform limits for tests of the limits themselves. */
  limits?: Partial<Limits>;
  /** The installation's Marketplace license (`npm start -- --license`); default none, as in development. */
  license?: LicenseState;
  /** Storage: ms a write stays invisible to entity queries (default STRICT_DEFAULTS, 0 = read own writes). */
  kvsQueryVisibilityMs?: number;
  /** Storage quota overrides (tests lower them); defaults are Forge's (kvs/README.md). */
  kvsQuota?: Partial<KvsQuotaLimits>;
  /** Async events limit overrides (tests of the limits); defaults are Forge's (events/README.md). */
  eventLimits?: Partial<EventLimits>;
  /** The scopes the installation was granted instead of manifest.yml's (tests of a scope the app lacks). */
  grantedScopes?: readonly string[];
}

export interface LocalRuntime {
  root: string;
  manifest: AppManifest;
  installation: LocalInstallation;
  db: Db;
  /** The store; tests may `settle()` it (model waiting out query visibility) and read its quota `usage()`. */
  kvs: KvsStore;
  /** The emulated site (present even in pass-through mode, where it only serves the start page's lists). */
  site: JiraSite;
  /** What product calls reach: the emulated site, or the real one in pass-through mode. */
  jira: ProductBackend;
  faults: FaultInjector;
  log: CallLog;
  fetch: ForgeFetch;
  app: AppHost;
  /** The async events queue (@forge/events); tests `await runtime.events.drain()` to let it run dry. */
  events: EventQueue;
  /** Resolves once every product event fired so far has been handled by the app's triggers. */
  whenIdle(): Promise<void>;
  close(): void;
}

const failNoQueue = (): never => {
  throw new Error('the async events queue is not ready yet');
};

const REPO_ROOT = path.resolve(__dirname, '..', '..');

/** Reads JIRA_BASE_URL, JIRA_EMAIL and JIRA_API_TOKEN; all three or none. */
export const passThroughFromEnv = (env: NodeJS.ProcessEnv): PassThroughConfig | undefined => {
  const { JIRA_BASE_URL: baseUrl, JIRA_EMAIL: email, JIRA_API_TOKEN: apiToken } = env;
  if (baseUrl === undefined && email === undefined && apiToken === undefined) return undefined;
  if (!baseUrl || !email || !apiToken) {
    throw new Error('set all of JIRA_BASE_URL, JIRA_EMAIL and JIRA_API_TOKEN to use a real Jira site, or none of them');
  }
  return { baseUrl, email, apiToken };
};

/**
 * Builds the local Forge platform and installs its globals, so the production code and the real
 * @forge packages run unmodified: storage on SQLite, Jira on the emulated site (or a real one).
 */
export const createLocalRuntime = (options: LocalRuntimeOptions = {}): LocalRuntime => {
  const root = options.root ?? REPO_ROOT;
  const manifestText = readFileSync(path.join(root, 'manifest.yml'), 'utf8');
  const manifest = parseAppManifest(manifestText);
  const db = openDatabase(options.dataDir === undefined ? ':memory:' : path.join(options.dataDir, 'cadence.db'));
  const now = options.now ?? (() => new Date());
  const kvs = createKvsStore(db, readEntityDefinitions(manifestText), {
    now: () => now().getTime(),
    ...(options.kvsQueryVisibilityMs === undefined ? {} : { queryVisibilityMs: options.kvsQueryVisibilityMs }),
    ...(options.kvsQuota === undefined ? {} : { quota: options.kvsQuota }),
  });
  const installation: LocalInstallation = {
    appId: manifest.app.id.replace(/^ari:cloud:ecosystem::app\//, ''),
    appVersion: '1.0.0-local',
    environmentId: 'local-development',
    installationId: 'local-installation',
    cloudId: 'local-cloud-0001',
    siteUrl: options.passThrough?.baseUrl ?? options.siteUrl ?? 'http://127.0.0.1',
    scopes: options.grantedScopes ?? manifest.permissions.scopes,
    // The function's code directory holds the __LOCALES__ folder @forge/api's i18n reads, as a deployed bundle does.
    appCodeDir: tempAppCodeDir(root),
    license: localLicense(options.license ?? 'none'),
  };
  const site = createJiraSite(db, { now, siteUrl: installation.siteUrl, grantedScopes: installation.scopes });
  const jira = options.passThrough ? createPassThroughSite(options.passThrough) : site;
  const faults = options.faultInjector ?? createFaultInjector(options.faults);
  const log = new CallLog(options.callLogFile);
  // The queue needs the app host (to run consumers) and the host needs the globals: tied late.
  const late: { events?: EventQueue } = {};
  const fetch = createForgeFetch({
    kvs,
    products: { jira },
    faults,
    events: { handle: (p, body) => (late.events ?? failNoQueue()).handle(p, body) },
  });
  installRuntimeGlobals(fetch, installation);

  let handlers: AppHandlers | undefined;
  const loadHandlers =
    options.loadHandlers ??
    // Loaded lazily, after the globals exist: @forge/kvs picks its transport when first imported.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    (() => require(path.join(root, 'src', 'index')) as AppHandlers);
  const app = new AppHost(manifest, () => (handlers ??= loadHandlers()), installation, log, {
    ...LIMITS,
    ...options.limits,
  });

  const queue = createEventQueue(
    manifest,
    async (consumerKey, event, started) => app.runConsumer(consumerKey, event, started),
    options.eventLimits === undefined ? {} : { limits: options.eventLimits },
  );
  late.events = queue;
  app.onInvocationEnd((id) => {
    queue.invocationEnded(id);
  });

  // The site's search invokes the app's jira:jqlFunction modules through the host, as Jira does.
  site.connectJqlFunctions({
    modules: manifest.modules['jira:jqlFunction'],
    functionKeyOf: (moduleKey) => functionKeyOf(installation.appId, installation.environmentId, moduleKey),
    invoke: (module, payload) => app.runJqlFunction(module.key, payload),
  });

  const pending = new Set<Promise<unknown>>();
  site.onEvent((event) => {
    const delivery = app.fireProductEvent(event).finally(() => pending.delete(delivery));
    pending.add(delivery);
  });

  return {
    root,
    manifest,
    installation,
    db,
    kvs,
    site,
    jira,
    faults,
    log,
    fetch,
    app,
    events: queue,
    async whenIdle() {
      while (pending.size > 0) await Promise.all([...pending]);
    },
    close() {
      db.close();
    },
  };
};
