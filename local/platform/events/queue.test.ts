import { Queue } from '@forge/events';
import type { AsyncEvent } from '@forge/events';
import Resolver from '@forge/resolver';
import { DEMO_USERS } from '../../demo/demo-users';
import { createLocalRuntime } from '../local-runtime';
import type { LocalRuntime } from '../local-runtime';

/**
 * The async events queue as Forge runs it: the real @forge/events pushes through __forge_fetch__, the
 * consumer named in manifest.yml gets each event after the pushing invocation returned, and the
 * documented limits are enforced by the service (not only by the SDK's own checks).
 */
const elena = DEMO_USERS.elena.accountId;
const queue = new Queue({ key: 'cadence-import' });

const log: string[] = [];
const received: { event: AsyncEvent; context: unknown }[] = [];

/** Pushes an event through the platform, bypassing the SDK's own checks (to test the service's). */
const rawPush = async (payload: unknown[], queueName = 'cadence-import'): Promise<number> => {
  const response = await globalThis.__forge_fetch__?.(
    { type: 'fpp', provider: 'app', remote: 'stargate' },
    '/webhook/queue/publish/{contextAri}/{environmentId}/{appId}/{appVersion}',
    {
      method: 'POST',
      body: JSON.stringify({
        queueName,
        jobId: 'j1',
        type: 'avi:forge:app:event',
        schema: 's',
        payload,
        time: new Date().toISOString(),
      }),
    },
  );
  return response?.status ?? 0;
};

const resolver = new Resolver();
resolver.define('push', async (req) => {
  const { jobId } = await queue.push([{ body: { n: 1, payload: req.payload as unknown } }]);
  log.push('resolver returns');
  return { jobId };
});
resolver.define('raw', async (req) => ({ status: await rawPush(req.payload as unknown[]) }));
resolver.define('rawOther', async () => ({ status: await rawPush([{ body: {} }], 'nobody-listens') }));
resolver.define('stats', async (req) => queue.getStats((req.payload as { jobId: string }).jobId));

const handlers = {
  handler: resolver.getDefinitions(),
  importJob: async (event: AsyncEvent, context: unknown) => {
    log.push('consumer runs');
    received.push({ event, context });
    const hops = Number(event.body.hops ?? 0);
    if (hops > 0) await queue.push({ body: { hops: hops - 1 } });
  },
};

let runtime: LocalRuntime;
beforeEach(() => {
  log.length = 0;
  received.length = 0;
  runtime = createLocalRuntime({ loadHandlers: () => handlers, eventLimits: { eventsPerMinute: 40, cyclicPushes: 3 } });
});
afterEach(() => {
  runtime.close();
});

const invoke = async (functionKey: string, payload: unknown = {}): Promise<unknown> => {
  const outcome = await runtime.app.invokeResolver({
    moduleKey: 'cadence-board',
    functionKey,
    payload,
    accountId: elena,
  });
  if (!outcome.ok) throw new Error(outcome.error.message);
  return outcome.result;
};

describe('async events queue', () => {
  it('delivers a pushed event to the consumer after the pushing invocation returned, with the event and context Forge gives', async () => {
    const { jobId } = (await invoke('push', { x: 1 })) as { jobId: string };
    await runtime.events.drain();
    expect(log).toEqual(['resolver returns', 'consumer runs']);
    expect(received[0]?.event).toMatchObject({ body: { n: 1, payload: { x: 1 } }, queueName: 'cadence-import', jobId });
    expect(typeof received[0]?.event.eventId).toBe('string');
    expect(received[0]?.context).toMatchObject({
      installContext: expect.stringContaining('ari:cloud:jira::site/') as unknown,
      principal: undefined,
    });
    expect(await invoke('stats', { jobId })).toEqual({ success: 1, inProgress: 0, failed: 0 });
    expect(runtime.events.pending()).toBe(0);
  });

  it('refuses more than 50 events in one push, over 200 KB, a delay over 900 s, and an empty push', async () => {
    expect(
      await invoke(
        'raw',
        Array.from({ length: 51 }, () => ({ body: {} })),
      ),
    ).toEqual({ status: 400 });
    expect(await invoke('raw', [{ body: { blob: 'x'.repeat(201 * 1024) } }])).toEqual({ status: 413 });
    expect(await invoke('raw', [{ body: {}, delayInSeconds: 901 }])).toEqual({ status: 400 });
    expect(await invoke('raw', [])).toEqual({ status: 400 });
    expect(await invoke('raw', [{ body: 'not an object' }])).toEqual({ status: 400 });
    await runtime.events.drain();
    expect(received).toHaveLength(0);
  });

  it('refuses a queue no consumer module listens to', async () => {
    expect(await invoke('rawOther')).toEqual({ status: 400 });
  });

  it('answers 429 past the events-per-minute quota (lowered to 40 here)', async () => {
    expect(
      await invoke(
        'raw',
        Array.from({ length: 40 }, () => ({ body: {} })),
      ),
    ).toEqual({ status: 201 });
    expect(await invoke('raw', [{ body: {} }])).toEqual({ status: 429 });
    await runtime.events.drain();
    expect(received).toHaveLength(40);
  });

  it('stops a chain of consumers pushing events past the cyclic invocation limit (lowered to 3 here)', async () => {
    await invoke('raw', [{ body: { hops: 10 } }]);
    await runtime.events.drain();
    // The first push and two pushes by consumers make 3; the fourth is refused with 405.
    expect(received.map((r) => r.event.body.hops)).toEqual([10, 9, 8]);
    const failed = runtime.log.recent().filter((e) => e.moduleKey === 'import-consumer' && !e.ok);
    expect(failed).toHaveLength(1);
  });
});
