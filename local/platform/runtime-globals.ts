import { randomBytes } from 'node:crypto';
import type { ForgeFetch } from './forge-fetch';
import { currentInvocation } from './invocation';

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
