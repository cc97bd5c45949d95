import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { z } from 'zod';
import type { FaultInjector, FaultTarget } from './faults';
import { currentInvocation } from './invocation';
import type { KvsBackend, PlatformResponse, Principal, ProductBackend } from './types';
import { UnsupportedByLocalRuntime } from './types';

/**
 * The platform's `__forge_fetch__`: @forge/kvs and @forge/api send every call through it with a
 * descriptor naming the destination. Anything we do not emulate fails loudly.
 */
const KvsDescriptor = z.object({ type: z.literal('kvs') }).loose();
const ProductDescriptor = z.object({
  type: z.literal('fpp'),
  provider: z.string(),
  remote: z.string(),
  accountId: z.string().optional(),
});

export type ForgeFetch = (descriptor: unknown, path: string, init?: RequestInit) => Promise<Response>;

export interface ForgeFetchDeps {
  kvs: KvsBackend;
  products: Partial<Record<'jira' | 'confluence', ProductBackend>>;
  faults: FaultInjector;
  /** The async events service (@forge/events posts to stargate's `/webhook/queue/...` paths). */
  events?: { handle(path: string, body: string | undefined): PlatformResponse };
}

const QUEUE_PREFIX = '/webhook/queue/';

const KVS_PREFIX = '/api/v1/';

const bodyText = (init: RequestInit | undefined): string | undefined => {
  const body = init?.body;
  if (body === undefined || body === null) return undefined;
  if (typeof body === 'string') return body;
  throw new UnsupportedByLocalRuntime('the local runtime accepts only string request bodies from @forge packages');
};

const headersOf = (init: RequestInit | undefined): Record<string, string> =>
  Object.fromEntries(new Headers(init?.headers).entries());

const toResponse = (r: PlatformResponse): Response =>
  new Response(r.status === 204 || r.body === '' ? null : r.body, { status: r.status, headers: r.headers });

const userPrincipal = (descriptorAccountId: string | undefined): Principal => {
  const accountId = descriptorAccountId ?? currentInvocation()?.accountId;
  if (accountId === undefined) {
    throw new Error(
      'asUser() was called but this invocation has no user (scheduled triggers run without one): use asApp()',
    );
  }
  return { kind: 'user', accountId };
};

const principalOf = (provider: string, accountId: string | undefined): Principal => {
  if (provider === 'app') return { kind: 'app' };
  if (provider === 'user') return userPrincipal(accountId);
  throw new UnsupportedByLocalRuntime(
    `product call with provider '${provider}': call api.asUser() or api.asApp() explicitly (the top-level requestJira is not emulated)`,
  );
};

export const createForgeFetch = (deps: ForgeFetchDeps): ForgeFetch => {
  const timed = async (
    target: FaultTarget,
    operation: string,
    requestBytes: number,
    run: () => Promise<PlatformResponse>,
  ): Promise<Response> => {
    const invocation = currentInvocation();
    if (invocation && Date.now() > invocation.deadlineMs) {
      throw new Error(`invocation ${invocation.id} passed its time limit: platform call ${operation} refused`);
    }
    const startedAtMs = performance.now();
    const decision = deps.faults.decide(target);
    if (decision.delayMs > 0) await sleep(decision.delayMs);
    const result = decision.response ?? (await run());
    // On Forge every platform call is a network round trip: the answer comes in a later turn of the event
    // loop, never synchronously. The embedded stores answer at once, so without this one resolver's chain
    // of storage calls would hold the local server (and every other request to it) until it finished.
    await new Promise<void>((resolve) => setImmediate(resolve));
    invocation?.calls.push({
      kind: target,
      operation,
      status: result.status,
      requestBytes,
      responseBytes: Buffer.byteLength(result.body),
      startedAtMs,
      durationMs: performance.now() - startedAtMs,
      ...(result.cost === undefined ? {} : { cost: { ...result.cost } }),
    });
    return toResponse(result);
  };

  return async (descriptor, path, init) => {
    const body = bodyText(init);
    const requestBytes = body === undefined ? 0 : Buffer.byteLength(body);

    if (KvsDescriptor.safeParse(descriptor).success) {
      if (!path.startsWith(KVS_PREFIX))
        throw new UnsupportedByLocalRuntime(`storage path '${path}' is not under ${KVS_PREFIX}`);
      const operation = path.slice(KVS_PREFIX.length);
      const parsed: unknown = body === undefined ? undefined : JSON.parse(body);
      return timed('kvs', operation, requestBytes, () => Promise.resolve(deps.kvs.handle(operation, parsed)));
    }

    const product = ProductDescriptor.safeParse(descriptor);
    if (product.success) {
      const remote = product.data.remote;
      if (remote === 'stargate' && product.data.provider === 'app' && path.startsWith(QUEUE_PREFIX)) {
        const events = deps.events;
        if (!events) throw new UnsupportedByLocalRuntime('no async events queue is configured in the local runtime');
        return timed('events', `POST ${path.split('/').slice(0, 4).join('/')}`, requestBytes, () => Promise.resolve(events.handle(path, body)));
      }
      if (remote !== 'jira' && remote !== 'confluence') {
        throw new UnsupportedByLocalRuntime(`product remote '${remote}' is not emulated (only jira and confluence)`);
      }
      const backend = deps.products[remote];
      if (!backend) throw new UnsupportedByLocalRuntime(`no ${remote} site is configured in the local runtime`);
      const principal = principalOf(product.data.provider, product.data.accountId);
      const method = (init?.method ?? 'GET').toUpperCase();
      const request = { method, path, headers: headersOf(init), body };
      return timed(remote, `${method} ${path.split('?')[0] ?? path}`, requestBytes, () =>
        backend.handle(request, principal),
      );
    }

    throw new UnsupportedByLocalRuntime(`__forge_fetch__ descriptor not emulated: ${JSON.stringify(descriptor)}`);
  };
};
