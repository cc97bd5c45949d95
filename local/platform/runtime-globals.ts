import { randomBytes } from 'node:crypto';
import type { ForgeFetch } from './forge-fetch';
import { currentInvocation } from './invocation';

/**
 * The installation's Marketplace license as Forge passes it: `context.license` for every function and
 * `__forge_runtime__.appContext.license` (types: @forge/runtime's request.d.ts `License`, which carries
 * both `active` and `isActive`; docs: function-reference/arguments).
 */
export interface ForgeLicense {
  active: boolean;
  isActive: boolean;
  billingPeriod: string | null;
  ccpEntitlementId: string | null;
  ccpEntitlementSlug: string | null;
  isEvaluation: boolean | null;
  subscriptionEndDate: string | null;
  supportEntitlementNumber: string | null;
  trialEndDate: string | null;
  type: string | null;
}

/**
 * `none` is what development and staging installations (and free apps) get: no license at all. `active`
 * and `inactive` stand for a paid production installation whose subscription runs or has lapsed.
 */
export type LicenseState = 'none' | 'active' | 'inactive';

export const localLicense = (state: LicenseState): ForgeLicense | undefined =>
  state === 'none'
    ? undefined
    : {
        active: state === 'active',
        isActive: state === 'active',
        billingPeriod: 'MONTHLY',
        ccpEntitlementId: 'local-entitlement',
        ccpEntitlementSlug: 'E-LOCAL-0001',
        isEvaluation: false,
        subscriptionEndDate: null,
        supportEntitlementNumber: 'SEN-LOCAL-0001',
        trialEndDate: null,
        type: 'commercial',
      };

/** Identity of the local installation, as the platform would describe it. */
export interface LocalInstallation {
  appId: string;
  appVersion: string;
  environmentId: string;
  installationId: string;
  cloudId: string;
  siteUrl: string;
  scopes: readonly string[];
  appCodeDir: string;
  /** Passed to every invocation; tests may change it between invocations (a license lapsing). */
  license: ForgeLicense | undefined;
}

const noopMetrics = {
  counter: () => ({ incr: () => undefined, decr: () => undefined }),
  timing: () => ({ measure: () => ({ stop: () => undefined }) }),
  gauge: () => ({ set: () => undefined }),
};

const hex = (bytes: number): string => randomBytes(bytes).toString('hex');

/**
 * The object @forge/api reads as `global.__forge_runtime__` (ForgeRuntime). It is built per access
 * from the current invocation, which is how the real runtime scopes it. We never set `kvs`, so
 * @forge/kvs routes storage through `__forge_fetch__` with a `{type: 'kvs'}` descriptor.
 */
const runtimeFor = (install: LocalInstallation): object => {
  const invocation = currentInvocation();
  return {
    proxy: { token: 'local-runtime', url: 'http://127.0.0.1/local-proxy' },
    contextAri: `ari:cloud:jira::site/${install.cloudId}`,
    container: { appCodeDir: install.appCodeDir, runtime: 'nodejs22.x', handler: 'index' },
    appContext: {
      appId: install.appId,
      appVersion: install.appVersion,
      environmentId: install.environmentId,
      environmentType: 'DEVELOPMENT',
      invocationId: invocation?.id ?? 'outside-invocation',
      installationId: install.installationId,
      functionKey: invocation?.functionKey ?? '',
      moduleType: invocation?.moduleType ?? '',
      moduleKey: invocation?.moduleKey ?? '',
      license: install.license,
      permissions: { scopes: [...install.scopes], external: {} },
    },
    aaid: invocation?.accountId,
    lambdaContext: {
      awsRequestId: invocation?.id ?? 'outside-invocation',
      getRemainingTimeInMillis: () => (invocation ? Math.max(0, invocation.deadlineMs - Date.now()) : 0),
    },
    tracing: { traceId: hex(8), spanId: hex(8) },
    realtime: {},
    metrics: noopMetrics,
    featureFlags: () => false,
  };
};

declare global {
  var __forge_fetch__: ForgeFetch | undefined;
}

/**
 * Installs the platform globals. Must run before app code (and so @forge/kvs) is loaded: the SDK
 * captures its transport when first imported.
 */
export const installRuntimeGlobals = (fetch: ForgeFetch, install: LocalInstallation): void => {
  globalThis.__forge_fetch__ = fetch;
  Object.defineProperty(globalThis, '__forge_runtime__', {
    configurable: true,
    enumerable: false,
    get: () => runtimeFor(install),
  });
};
