import { performance } from 'node:perf_hooks';
import type { AppManifest } from './app-manifest';
import { findFunction, findUiModule } from './app-manifest';
import type { CallLog } from './call-log';
import { summariseCalls } from './call-log';
import type { Invocation } from './invocation';
import { newInvocation, runInvocation } from './invocation';
import type { TriggerFilter } from './jira/trigger-filter';
import { compileTriggerFilter } from './jira/trigger-filter';
import { jsonDepth, MAX_PAYLOAD_DEPTH } from './json-depth';
import type { LocalInstallation } from './runtime-globals';
import { failOnUnhandledRejection, UnhandledRejectionError } from './unhandled-rejections';

/** Platform limits the local runtime enforces so code that passes here does not fail on Forge. */
export const LIMITS = {
  resolverTimeoutMs: 25_000,
  productEventTimeoutMs: 25_000,
  scheduledDefaultTimeoutMs: 55_000,
  invokeRequestBytes: 500 * 1024,
  invokeResponseBytes: 5 * 1024 * 1024,
};
export type Limits = typeof LIMITS;

export type AppHandlers = Readonly<Record<string, unknown>>;

export interface ResolverCall {
  moduleKey: string;
  /** The resolver definition key, e.g. `board.get`. */
  functionKey: string;
  payload?: unknown;
  accountId: string;
  /** Module-specific extension context (issue, project, gadget configuration, macro config...). */
  extension?: Record<string, unknown>;
  localId?: string;
  locale?: string;
  timezone?: string;
}

export type InvokeOutcome =
  | { ok: true; result: unknown; invocationId: string }
  | { ok: false; status: number; error: { code: string; message: string }; invocationId: string };

export interface TriggerOutcome {
  triggerKey: string;
  ok: boolean;
  result?: unknown;
  error?: string;
}

class LimitError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

const withDeadline = <T>(ms: number, what: string, work: Promise<T>): Promise<T> => {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      reject(
        new LimitError(504, 'INVOCATION_TIMEOUT', `${what} did not finish within ${ms / 1000} s, the platform limit`),
      );
    }, ms);
  });
  return Promise.race([work, timeout]).finally(() => {
    clearTimeout(timer);
  });
};

const byteLength = (value: unknown): number => (value === undefined ? 0 : Buffer.byteLength(JSON.stringify(value)));

/** JSON round trip, as the platform serialises a resolver's result (Dates become strings, undefined drops). */
const roundTrip = (value: unknown): unknown =>
  value === undefined ? null : (JSON.parse(JSON.stringify(value)) as unknown);

const asFunction = (handlers: AppHandlers, exportName: string): ((...args: unknown[]) => unknown) => {
  const fn = handlers[exportName];
  if (typeof fn !== 'function') throw new Error(`src/index.ts does not export a function '${exportName}'`);
  return fn as (...args: unknown[]) => unknown;
};

/**
 * Runs the app's functions the way Forge calls them: resolver invocations from Custom UI, product-event
 * triggers and scheduled triggers, each in its own invocation context with the platform's limits.
 */
export class AppHost {
  /** Each trigger's filter, compiled at start-up as `forge deploy` checks it (a bad expression fails here). */
  private readonly filters: ReadonlyMap<string, TriggerFilter>;

  constructor(
    private readonly manifest: AppManifest,
    private readonly handlers: () => AppHandlers,
    private readonly install: LocalInstallation,
    private readonly log: CallLog,
    /** Tests shorten the time limits; everything else runs with the platform's. */
    private readonly limits: Limits = LIMITS,
  ) {
    this.filters = new Map(manifest.modules.trigger.map((t) => [t.key, compileTriggerFilter(t.key, t.filter)]));
  }

  /** Told when each invocation ends (the async events queue delivers what it pushed only then). */
  private readonly endListeners = new Set<(invocationId: string) => void>();

  onInvocationEnd(listener: (invocationId: string) => void): void {
    this.endListeners.add(listener);
  }

  private ended(invocation: Invocation): void {
    for (const listener of this.endListeners) listener(invocation.id);
  }

  private get installContext(): string {
    return `ari:cloud:jira::site/${this.install.cloudId}`;
  }

  /**
   * The installation half of the context Forge passes every function as its second argument (docs:
   * function-reference/arguments: installContext, license, installation). `license` is read per call, so
   * a test can let it lapse; it is undefined unless the runtime was given one, as outside paid production.
   */
  private get installationContext(): { installContext: string; license: unknown; installation: object } {
    return {
      installContext: this.installContext,
      license: this.install.license,
      installation: {
        ari: `ari:cloud:ecosystem::installation/${this.install.installationId}`,
        contexts: [this.installContext],
      },
    };
  }

  private record(invocation: Invocation, call: string, ok: boolean, responseBytes: number): void {
    this.log.record({
      invocationId: invocation.id,
      functionKey: invocation.functionKey,
      moduleKey: invocation.moduleKey,
      call,
      accountId: invocation.accountId,
      ok,
      durationMs: performance.now() - invocation.startedAtPerfMs,
      responseBytes,
      summary: summariseCalls(invocation.calls),
      calls: invocation.calls,
    });
  }

  async invokeResolver(call: ResolverCall): Promise<InvokeOutcome> {
    const { type, module } = findUiModule(this.manifest, call.moduleKey);
    if (!module.resolver) throw new Error(`module '${call.moduleKey}' declares no resolver`);
    const fn = findFunction(this.manifest, module.resolver.function);
    const invocation = newInvocation({
      accountId: call.accountId,
      functionKey: module.resolver.function,
      moduleKey: call.moduleKey,
      moduleType: type,
      timeoutMs: this.limits.resolverTimeoutMs,
    });
    const event = {
      call: { functionKey: call.functionKey, payload: call.payload },
      context: {
        cloudId: this.install.cloudId,
        localId: call.localId ?? `${call.moduleKey}-local`,
        moduleKey: call.moduleKey,
        siteUrl: this.install.siteUrl,
        environmentId: this.install.environmentId,
        environmentType: 'DEVELOPMENT',
        locale: call.locale ?? 'en-US',
        timezone: call.timezone ?? 'UTC',
        accountType: 'licensed',
        extension: { type, ...call.extension },
      },
    };
    const platformContext = {
      principal: { accountId: call.accountId },
      ...this.installationContext,
    };
    try {
      // Measured first, without recursion: the size check serialises the payload, which overflows the stack.
      if (jsonDepth(call.payload, MAX_PAYLOAD_DEPTH) > MAX_PAYLOAD_DEPTH) {
        throw new LimitError(
          400,
          'PAYLOAD_TOO_DEEP',
          `invoke payload is nested deeper than ${MAX_PAYLOAD_DEPTH} levels`,
        );
      }
      if (byteLength(call.payload) > this.limits.invokeRequestBytes) {
        throw new LimitError(
          413,
          'PAYLOAD_TOO_LARGE',
          `invoke payload exceeds ${this.limits.invokeRequestBytes} bytes, the platform limit`,
        );
      }
      const handler = asFunction(this.handlers(), fn.exportName);
      const raw = await runInvocation(invocation, () =>
        failOnUnhandledRejection(invocation, () =>
          withDeadline(
            this.limits.resolverTimeoutMs,
            `resolver '${call.functionKey}'`,
            Promise.resolve(handler(event, platformContext)),
          ),
        ),
      );
      const result = roundTrip(raw);
      const size = byteLength(result);
      if (size > this.limits.invokeResponseBytes) {
        throw new LimitError(
          413,
          'RESPONSE_TOO_LARGE',
          `resolver '${call.functionKey}' returned ${size} bytes, over the ${this.limits.invokeResponseBytes}-byte platform limit`,
        );
      }
      this.record(invocation, call.functionKey, true, size);
      this.ended(invocation);
      return { ok: true, result, invocationId: invocation.id };
    } catch (e) {
      this.record(invocation, call.functionKey, false, 0);
      this.ended(invocation);
      const known = e instanceof LimitError || e instanceof UnhandledRejectionError;
      const status = known ? e.status : 500;
      const code = known ? e.code : 'RESOLVER_ERROR';
      return {
        ok: false,
        status,
        error: { code, message: e instanceof Error ? e.message : String(e) },
        invocationId: invocation.id,
      };
    }
  }

  /** Delivers a product event to every trigger subscribed to its type whose filter (ignoreSelf, expression) admits it. */
  async fireProductEvent(
    event: { eventType: string; selfGenerated?: boolean; atlassianId?: string } & Record<string, unknown>,
  ): Promise<TriggerOutcome[]> {
    const outcomes: TriggerOutcome[] = [];
    for (const trigger of this.manifest.modules.trigger) {
      if (!trigger.events.includes(event.eventType)) continue;
      const decision = this.filters.get(trigger.key)?.decide(event) ?? { deliver: true };
      // Forge publishes filter errors to the app's logs; locally they go to the console.
      if (decision.log !== undefined) console.warn(decision.log);
      if (!decision.deliver) continue;
      const fn = findFunction(this.manifest, trigger.function);
      const invocation = newInvocation({
        accountId: undefined,
        functionKey: trigger.function,
        moduleKey: trigger.key,
        moduleType: 'core:trigger',
        timeoutMs: this.limits.productEventTimeoutMs,
      });
      const context = {
        ...this.installationContext,
        principal: event.atlassianId === undefined ? undefined : { accountId: event.atlassianId },
      };
      outcomes.push(
        await this.runTrigger(invocation, trigger.key, fn.exportName, this.limits.productEventTimeoutMs, [
          roundTrip(event),
          context,
        ]),
      );
    }
    return outcomes;
  }

  /** Runs a scheduled trigger now, as the platform's clock would. */
  async runScheduledTrigger(key: string): Promise<TriggerOutcome> {
    const trigger = this.manifest.modules.scheduledTrigger.find((t) => t.key === key);
    if (!trigger) {
      const known = this.manifest.modules.scheduledTrigger.map((t) => t.key).join(', ');
      throw new Error(`manifest.yml declares no scheduled trigger '${key}' (known: ${known})`);
    }
    const fn = findFunction(this.manifest, trigger.function);
    const timeoutMs = (fn.timeoutSeconds ?? this.limits.scheduledDefaultTimeoutMs / 1000) * 1000;
    const invocation = newInvocation({
      accountId: undefined,
      functionKey: trigger.function,
      moduleKey: key,
      moduleType: 'scheduledTrigger',
      timeoutMs,
    });
    const request = { context: { cloudId: this.install.cloudId, moduleKey: key }, contextToken: 'local-runtime' };
    const context = { ...this.installationContext, principal: undefined };
    const outcome = await this.runTrigger(invocation, key, fn.exportName, timeoutMs, [request, context]);
    // The platform records anything but {statusCode} as a failed dependency.
    const statusCode = (outcome.result as { statusCode?: unknown } | undefined)?.statusCode;
    if (outcome.ok && typeof statusCode !== 'number') {
      return {
        ...outcome,
        ok: false,
        error: 'scheduled trigger must return {statusCode} (recorded as 424 Failed dependency)',
      };
    }
    if (outcome.ok && typeof statusCode === 'number' && statusCode >= 500)
      return { ...outcome, ok: false, error: `returned statusCode ${statusCode}` };
    return outcome;
  }

  /**
   * Evaluates a `jira:jqlFunction` module for the site's search: `(payload, context)` with Jira's payload
   * `{precomputationId, clause}` and no acting user (a precomputation serves every searcher), within
   * Forge's 25 s (docs: cloud/jira/platform/jql-functions, "Limitations"). Resolves to what the function
   * returned; rejects when it throws or runs out of time (the site answers the search with an error).
   */
  async runJqlFunction(moduleKey: string, payload: object): Promise<unknown> {
    const module = this.manifest.modules['jira:jqlFunction'].find((m) => m.key === moduleKey);
    if (!module) throw new Error(`manifest.yml declares no jira:jqlFunction module '${moduleKey}'`);
    const fn = findFunction(this.manifest, module.function);
    const invocation = newInvocation({
      accountId: undefined,
      functionKey: module.function,
      moduleKey,
      moduleType: 'jira:jqlFunction',
      timeoutMs: this.limits.productEventTimeoutMs,
    });
    const context = { ...this.installationContext, principal: undefined };
    const outcome = await this.runTrigger(invocation, moduleKey, fn.exportName, this.limits.productEventTimeoutMs, [
      roundTrip(payload),
      context,
    ]);
    if (!outcome.ok) throw new Error(outcome.error ?? 'the function failed');
    return outcome.result;
  }

  /**
   * Delivers one async event to a consumer module's function: `(event, context)` as for other background
   * functions, no acting user, and the function's `timeoutSeconds` (default 55 s, at most 900 s; docs:limits-invocation).
   */
  async runConsumer(consumerKey: string, event: object, started: (invocationId: string) => void): Promise<TriggerOutcome> {
    const consumer = this.manifest.modules.consumer.find((c) => c.key === consumerKey);
    if (!consumer) throw new Error(`manifest.yml declares no consumer module '${consumerKey}'`);
    const fn = findFunction(this.manifest, consumer.function);
    const timeoutMs = (fn.timeoutSeconds ?? this.limits.scheduledDefaultTimeoutMs / 1000) * 1000;
    const invocation = newInvocation({
      accountId: undefined,
      functionKey: consumer.function,
      moduleKey: consumerKey,
      moduleType: 'consumer',
      timeoutMs,
    });
    started(invocation.id);
    const context = { ...this.installationContext, principal: undefined };
    return this.runTrigger(invocation, consumerKey, fn.exportName, timeoutMs, [roundTrip(event), context]);
  }

  private async runTrigger(
    invocation: Invocation,
    key: string,
    exportName: string,
    timeoutMs: number,
    args: unknown[],
  ): Promise<TriggerOutcome> {
    try {
      const handler = asFunction(this.handlers(), exportName);
      const result = await runInvocation(invocation, () =>
        failOnUnhandledRejection(invocation, () =>
          withDeadline(timeoutMs, `trigger '${key}'`, Promise.resolve(handler(...args))),
        ),
      );
      this.record(invocation, key, true, byteLength(result));
      this.ended(invocation);
      return { triggerKey: key, ok: true, result: roundTrip(result) };
    } catch (e) {
      this.record(invocation, key, false, 0);
      this.ended(invocation);
      return { triggerKey: key, ok: false, error: e instanceof Error ? e.message : String(e) };
    }
  }
}
