import path from 'node:path';
import { loadAppManifest } from '../app-manifest';
import type { Db } from '../db';
import type { PlatformRequest, PlatformResponse, Principal, ProductBackend } from '../types';
import { createProject, createUser } from './admin-directory';
import type { CreateProjectInput, CreateUserInput } from './admin-directory';
import { createIssue, deleteIssue, updateIssue } from './admin-issues';
import type { AdminDeps, CreateIssueInput, DeleteIssueInput, UpdateIssueInput } from './admin-issues';
import { findIssueAnyProject, toAdminIssue } from './admin-shared';
import { avatarSvg, issueTypeIconSvg } from './assets';
import type { SiteContext } from './context';
import type { JiraEventListener } from './events';
import { createEventBus } from './events';
import type { JqlFunctionRuntime } from './jql/app-function-calls';
import type { PrecomputationStore } from './jql/precomputations';
import { createPrecomputationStore } from './jql/precomputations';
import type { AdminIssue, ProjectRecord, UserRecord } from './model';
import type { JiraRateLimitConfig, JiraRateLimiter } from './rate-limits';
import { createJiraRateLimiter, rateLimitsFromEnv } from './rate-limits';
import { routeRequest } from './router';
import { migrateJiraSchema } from './schema';
import { createDirectoryStore } from './store-directory';
import { createChangelogStore } from './store-changelog';
import { createIssueStore } from './store-issues';
import { createNotificationStore } from './store-notifications';
import type { SentNotification } from './store-notifications';

export interface JiraSiteOptions {
  /** Clock for created/updated times of admin changes without an explicit time. */
  now?: () => Date;
  /** Base of `self` links. */
  siteUrl?: string;
  /** The account asApp() acts as (returned by /myself for the app). */
  appAccount?: { accountId: string; displayName: string };
  /** Scopes the app was granted; by default those of the repository's manifest.yml, as an install grants them. */
  grantedScopes?: readonly string[];
  /** Lower rate limits (tests); by default Jira's, or LOCAL_JIRA_POINTS_PER_HOUR / LOCAL_JIRA_BURST_PER_SECOND. */
  rateLimits?: Partial<JiraRateLimitConfig>;
}

/** The emulated Jira Cloud site: a ProductBackend for REST calls plus an admin API for everything else. */
export interface JiraSite extends ProductBackend {
  readonly siteUrl: string;
  /** Jira's points quota and burst limits for the app's calls: tests lower them or read the usage. */
  readonly rateLimits: JiraRateLimiter;
  createUser(input: CreateUserInput): UserRecord;
  createProject(input: CreateProjectInput): ProjectRecord;
  /** Fires avi:jira:created:issue. */
  createIssue(input: CreateIssueInput): AdminIssue;
  /** Fires avi:jira:updated:issue with a changelog when anything changed; a no-op change fires nothing. */
  updateIssue(idOrKey: string, changes: UpdateIssueInput): AdminIssue;
  /** Fires avi:jira:deleted:issue (only for the issue itself; its sub-tasks go silently, as on Jira). */
  deleteIssue(idOrKey: string, options?: DeleteIssueInput): void;
  getIssue(idOrKey: string): AdminIssue | undefined;
  /** Every issue in id order, regardless of permissions. */
  listIssues(): AdminIssue[];
  listUsers(): UserRecord[];
  listProjects(): ProjectRecord[];
  /** Subscribes to product events; returns the unsubscribe function. Listeners run synchronously after commit. */
  onEvent(listener: JiraEventListener): () => void;
  /**
   * Runs several admin changes atomically; their events are delivered once it commits. With
   * `{ silent: true }` no events fire at all: for history that predates the app's installation.
   */
  transaction<T>(fn: () => T, options?: { silent?: boolean }): T;
  /** SVG for `/avatars/<name>.svg` (name: accountId or `project-<KEY>`), undefined when unknown. */
  avatarSvg(name: string): string | undefined;
  /** SVG for `/icons/issuetype/<icon>.svg`, undefined when unknown. */
  issueTypeIconSvg(icon: string): string | undefined;
  /** The emails apps asked the site to send (issue notify), newest first. */
  listNotifications(): SentNotification[];
  /**
   * Installs the app's `jira:jqlFunction` modules: JQL that calls them invokes the app (or reads the
   * stored precomputation) instead of being the 400 of an unknown function.
   */
  connectJqlFunctions(app: Omit<JqlFunctionRuntime, 'store'>): void;
  /** Jira's stored fragments of the app's function calls (tests and the admin page read them). */
  readonly precomputations: PrecomputationStore;
}

export const DEFAULT_SITE_URL = 'https://acme-cloud.atlassian.net';
export const DEFAULT_APP_ACCOUNT = { accountId: '557058:c4de0ce0-0000-4000-8000-000000000001', displayName: 'Cadence' };

const REPO_MANIFEST = path.resolve(__dirname, '..', '..', '..', 'manifest.yml');

export const createJiraSite = (db: Db, options: JiraSiteOptions = {}): JiraSite => {
  migrateJiraSchema(db);
  const gates = {
    grantedScopes: new Set(options.grantedScopes ?? loadAppManifest(REPO_MANIFEST).permissions.scopes),
    limits: createJiraRateLimiter({ ...rateLimitsFromEnv(process.env), ...options.rateLimits }),
  };
  const ctx: SiteContext = {
    directory: createDirectoryStore(db),
    issues: createIssueStore(db),
    changelog: createChangelogStore(db),
    siteUrl: (options.siteUrl ?? DEFAULT_SITE_URL).replace(/\/+$/, ''),
    appAccount: options.appAccount ?? DEFAULT_APP_ACCOUNT,
    now: options.now ?? (() => new Date()),
    notifications: createNotificationStore(db),
  };
  const precomputations = createPrecomputationStore(db);
  const bus = createEventBus();
  // One transaction wrapper for every change (nested calls become savepoints).
  const inTransaction = db.transaction((fn: () => void) => {
    fn();
  });
  // better-sqlite3's wrapper loses the generic result type, so the result rides out in a closure.
  const transact = <T>(fn: () => T): T =>
    bus.batch(() => {
      let result: { value: T } | undefined;
      inTransaction(() => {
        result = { value: fn() };
      });
      if (!result) throw new Error('transaction finished without a result');
      return result.value;
    });
  const deps: AdminDeps = { ctx, db, bus, transact };

  return {
    siteUrl: ctx.siteUrl,
    rateLimits: gates.limits,
    handle: (request: PlatformRequest, principal: Principal): Promise<PlatformResponse> => {
      // Errors reach the caller as a rejected promise.
      return routeRequest(ctx, request, principal, gates);
    },
    createUser: (input) => transact(() => createUser(ctx, input)),
    createProject: (input) => transact(() => createProject(ctx, input)),
    createIssue: (input) => toAdminIssue(ctx, createIssue(deps, input)),
    updateIssue: (idOrKey, changes) => toAdminIssue(ctx, updateIssue(deps, idOrKey, changes)),
    deleteIssue: (idOrKey, deleteOptions) => {
      deleteIssue(deps, idOrKey, deleteOptions);
    },
    getIssue: (idOrKey) => {
      const issue = findIssueAnyProject(ctx, idOrKey);
      return issue ? toAdminIssue(ctx, issue) : undefined;
    },
    listIssues: () => {
      const issues = ctx.issues.all();
      const keys = {
        projects: new Map(ctx.directory.listProjects().map((p) => [p.id, p.key])),
        issues: new Map(issues.map((i) => [i.id, i.key])),
      };
      return issues.map((issue) => toAdminIssue(ctx, issue, keys));
    },
    listUsers: () => ctx.directory.listUsers(),
    listProjects: () => ctx.directory.listProjects(),
    onEvent: (listener) => bus.on(listener),
    transaction: (fn, transactionOptions) =>
      transactionOptions?.silent === true ? bus.silently(() => transact(fn)) : transact(fn),
    avatarSvg: (name) => avatarSvg(ctx.directory, name),
    issueTypeIconSvg: (icon) => issueTypeIconSvg(icon),
    listNotifications: () => ctx.notifications.list(),
    connectJqlFunctions: (app) => {
      ctx.jqlFunctions = { ...app, store: precomputations };
    },
    precomputations,
  };
};
