import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import type { AppManifest } from '../app-manifest';
import { currentInvocation } from '../invocation';
import type { PlatformResponse } from '../types';

/**
 * The async events service behind `@forge/events` (3.x): `Queue.push`, `getStats` and `cancel` reach it
 * through `__forge_fetch__` as `{type: 'fpp', provider: 'app', remote: 'stargate'}` POSTs to
 * `/webhook/queue/{publish|stats|cancel}/...` (out/queries.js, out/queue.js). Pushed events are delivered
 * to the manifest's `consumer` module for the queue, each in its own invocation, after the pushing
 * invocation returned. Every limit and its source: README.md beside this file.
 */
export const EVENT_LIMITS = {
  eventsPerPush: 50,
  pushPayloadBytes: 200 * 1024,
  maxDelaySeconds: 900,
  eventsPerMinute: 500,
  /** Push requests in one chain of invocations started by one initial invocation. */
  cyclicPushes: 1000,
  maxRetries: 4,
  retryDataBytes: 4 * 1024,
};
export type EventLimits = typeof EVENT_LIMITS;

const PushEvent = z.object({
  body: z.record(z.string(), z.unknown()),
  delayInSeconds: z.number().optional(),
  concurrency: z.object({ key: z.string(), limit: z.number() }).optional(),
});
const PushRequest = z.object({
  queueName: z.string(),
  jobId: z.string().min(1),
  type: z.literal('avi:forge:app:event'),
  schema: z.string(),
  payload: z.array(PushEvent),
  time: z.string(),
});
const JobRequest = z.object({ queueName: z.string(), jobId: z.string().min(1), time: z.string() });
/** What `new InvocationError(...)` serialises to (out/invocationError.js toJSON). */
const RetryAnswer = z.object({
  _retry: z.literal(true),
  retryOptions: z.object({ retryAfter: z.number(), retryReason: z.string(), retryData: z.unknown().optional() }),
});

export interface AsyncEvent {
  body: Record<string, unknown>;
  delayInSeconds?: number;
  concurrency?: { key: string; limit: number };
  queueName: string;
  jobId: string;
  eventId: string;
  retryContext?: { retryCount: number; retryReason: string; retryData: unknown };
}

/**
 * Runs the consumer function of a queue with an event (calling `started` with the new invocation's id
 * before the function runs) and says whether it succeeded and what it returned.
 */
export type ConsumerRunner = (
  consumerKey: string,
  event: AsyncEvent,
  started: (invocationId: string) => void,
) => Promise<{ ok: boolean; result?: unknown }>;

export interface EventQueue {
  /** A `__forge_fetch__` call under `/webhook/queue/`. */
  handle(path: string, body: string | undefined): PlatformResponse;
  /** Called by the app host when an invocation ends: its pushes become deliverable. */
  invocationEnded(invocationId: string): void;
  /** Resolves when every pushed event (and every event those pushed) has been handled. */
  drain(): Promise<void>;
  /** Events pushed and not yet handled. */
  pending(): number;
}

interface Job {
  success: number;
  inProgress: number;
  failed: number;
  cancelled: boolean;
}

interface Delivery {
  consumerKey: string;
  event: AsyncEvent;
  chain: string;
}

const json = (status: number, body: unknown): PlatformResponse => ({
  status,
  headers: { 'content-type': 'application/json' },
  body: body === undefined ? '' : JSON.stringify(body),
});
const refused = (status: number, message: string): PlatformResponse => json(status, { message, errorMessage: message });

export const createEventQueue = (
  manifest: AppManifest,
  runConsumer: ConsumerRunner,
  options: { limits?: Partial<EventLimits>; now?: () => number } = {},
): EventQueue => {
  const limits = { ...EVENT_LIMITS, ...options.limits };
  const now = options.now ?? Date.now;
  const consumers = new Map(manifest.modules.consumer.map((c) => [c.queue, c.key]));
  const jobs = new Map<string, Job>();
  const held = new Map<string, Delivery[]>();
  const tracked = new Set<Promise<void>>();
  const pushTimes: number[] = [];
  const chainPushes = new Map<string, number>();
  /** Which chain each consumer invocation belongs to (its pushes count against that chain). */
  const chainOfInvocation = new Map<string, string>();
  let waiting = 0;

  const deliver = async (d: Delivery): Promise<void> => {
    const job = jobs.get(d.event.jobId);
    if (job?.cancelled === true) return;
    let outcome: { ok: boolean; result?: unknown };
    try {
      outcome = await runConsumer(d.consumerKey, d.event, (id) => chainOfInvocation.set(id, d.chain));
    } catch (error) {
      outcome = { ok: false, result: error };
    }
    const retry = RetryAnswer.safeParse(outcome.result);
    const retries = d.event.retryContext?.retryCount ?? 0;
    if (outcome.ok && retry.success && retries < limits.maxRetries) {
      const { retryAfter, retryReason, retryData } = retry.data.retryOptions;
      if (retryData === undefined || Buffer.byteLength(JSON.stringify(retryData)) <= limits.retryDataBytes) {
        schedule(
          { ...d, event: { ...d.event, retryContext: { retryCount: retries + 1, retryReason, retryData } } },
          Math.min(Math.max(retryAfter, 1), limits.maxDelaySeconds) * 1000,
        );
        return;
      }
    }
    if (job !== undefined) {
      job.inProgress -= 1;
      if (outcome.ok && !retry.success) job.success += 1;
      else job.failed += 1;
    }
  };

  const schedule = (d: Delivery, delayMs: number): void => {
    waiting += 1;
    const done = new Promise<void>((resolve) => {
      setTimeout(() => {
        waiting -= 1;
        deliver(d).then(resolve, resolve);
      }, delayMs);
    });
    tracked.add(done);
    void done.finally(() => tracked.delete(done));
  };

  const publish = (body: unknown): PlatformResponse => {
    const parsed = PushRequest.safeParse(body);
    if (!parsed.success) return refused(400, `invalid push request: ${parsed.error.issues[0]?.message ?? 'malformed'}`);
    const request = parsed.data;
    const consumerKey = consumers.get(request.queueName);
    if (consumerKey === undefined)
      return refused(400, `manifest.yml declares no consumer module for queue '${request.queueName}'`);
    const events = request.payload;
    if (events.length === 0) return refused(400, 'No events pushed.');
    if (events.length > limits.eventsPerPush)
      return refused(400, `This push contains more than the ${String(limits.eventsPerPush)} events allowed.`);
    if (Buffer.byteLength(JSON.stringify(events)) > limits.pushPayloadBytes) {
      return refused(413, `The maximum payload size is ${String(limits.pushPayloadBytes / 1024)}KB.`);
    }
    if (
      events.some(
        (e) => e.delayInSeconds !== undefined && (e.delayInSeconds < 0 || e.delayInSeconds > limits.maxDelaySeconds),
      )
    ) {
      return refused(400, `The delayInSeconds setting must be between 0 and ${String(limits.maxDelaySeconds)}.`);
    }
    const at = now();
    while (pushTimes.length > 0 && (pushTimes[0] ?? at) <= at - 60_000) pushTimes.shift();
    if (pushTimes.length + events.length > limits.eventsPerMinute) return refused(429, 'Too many requests.');
    const invocation = currentInvocation();
    const chain =
      (invocation === undefined ? undefined : chainOfInvocation.get(invocation.id)) ?? invocation?.id ?? randomUUID();
    const pushes = (chainPushes.get(chain) ?? 0) + 1;
    if (pushes > limits.cyclicPushes) return refused(405, 'The limit on cyclic invocation has been reached.');
    chainPushes.set(chain, pushes);
    pushTimes.push(...events.map(() => at));
    const job = jobs.get(request.jobId) ?? { success: 0, inProgress: 0, failed: 0, cancelled: false };
    job.inProgress += events.length;
    jobs.set(request.jobId, job);
    const deliveries = events.map((e): Delivery => ({
      consumerKey,
      chain,
      event: { ...e, queueName: request.queueName, jobId: request.jobId, eventId: randomUUID() },
    }));
    if (invocation === undefined) for (const d of deliveries) schedule(d, (d.event.delayInSeconds ?? 0) * 1000);
    else held.set(invocation.id, [...(held.get(invocation.id) ?? []), ...deliveries]);
    return json(201, {});
  };

  const jobRequest = (body: unknown, answer: (job: Job) => PlatformResponse): PlatformResponse => {
    const parsed = JobRequest.safeParse(body);
    if (!parsed.success) return refused(400, 'invalid job request');
    const job = jobs.get(parsed.data.jobId);
    if (job === undefined)
      return refused(404, `The job ${parsed.data.jobId} was not found for the queue ${parsed.data.queueName}.`);
    return answer(job);
  };

  return {
    handle(path, text) {
      let body: unknown;
      try {
        body = text === undefined ? undefined : JSON.parse(text);
      } catch {
        return refused(400, 'request body is not JSON');
      }
      const [, , , action] = path.split('/');
      if (action === 'publish') return publish(body);
      if (action === 'stats')
        return jobRequest(body, (job) =>
          json(200, { success: job.success, inProgress: job.inProgress, failed: job.failed }),
        );
      if (action === 'cancel') {
        return jobRequest(body, (job) => {
          job.cancelled = true;
          return json(204, undefined);
        });
      }
      return refused(404, `async events endpoint '${path}' is not emulated`);
    },
    invocationEnded(invocationId) {
      chainOfInvocation.delete(invocationId);
      const deliveries = held.get(invocationId);
      if (deliveries === undefined) return;
      held.delete(invocationId);
      for (const d of deliveries) schedule(d, (d.event.delayInSeconds ?? 0) * 1000);
    },
    async drain() {
      while (tracked.size > 0) await Promise.all([...tracked]);
    },
    pending: () => waiting + [...held.values()].reduce((n, d) => n + d.length, 0),
  };
};
