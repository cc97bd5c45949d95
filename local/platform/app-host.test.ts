import api, { getAppContext, route } from '@forge/api';
import { kvs } from '@forge/kvs';
import Resolver from '@forge/resolver';
import { DEMO_USERS } from '../demo/demo-users';
import { seedDemoSite } from '../demo/seed-jira';
import { createLocalRuntime } from './local-runtime';
import type { LocalRuntime } from './local-runtime';

/**
 * The app host runs functions the way Forge does: real @forge/resolver definitions get the platform's
 * event and context shapes, results are JSON round-tripped, limits are enforced, and every platform
 * call made inside an invocation is recorded.
 */
const elena = DEMO_USERS.elena.accountId;
const kenji = DEMO_USERS.kenji.accountId;

const received: { events: unknown[]; scheduled: unknown[] } = { events: [], scheduled: [] };

const resolver = new Resolver();
resolver.define('echo', (req) => ({ payload: req.payload as unknown, context: req.context }));
resolver.define('dates', () => ({ when: new Date(Date.UTC(2027, 0, 1)), gone: undefined, kept: 1 }));
resolver.define('fail', () => {
  throw new Error('the resolver broke on purpose');
});
resolver.define('slow', () => new Promise((resolve) => setTimeout(resolve, 1_000)));
resolver.define('huge', () => ({ blob: 'x'.repeat(6 * 1024 * 1024) }));
resolver.define('storage', async () => {
  await kvs.set('greeting', { text: 'hello' });
  // Two reads at once count as one round trip; the set before them is a second.
  const [a, b] = await Promise.all([kvs.get('greeting'), kvs.get('missing')]);
  return { a, b };
});
resolver.define('jira', async () => {
  const me = await api.asUser().requestJira(route`/rest/api/3/myself`);
  const asApp = await api.asApp().requestJira(route`/rest/api/3/issue/${'SEC-1'}`);
  return { me: (await me.json()) as unknown, appSeesSec: asApp.status };
});
resolver.define('appContext', () => {
  const ctx = getAppContext();
  return { moduleKey: ctx.moduleKey, environmentType: ctx.environmentType, app: ctx.appAri.toString() };
});

const handlers = {
  handler: resolver.getDefinitions(),
  onIssueEvent: (event: unknown) => {
    received.events.push(event);
  },
  weeklyJob: (request: unknown, context: unknown) => {
    received.scheduled.push({ request, context });
    return { statusCode: 204 };
  },
  reconcileInitiatives: () => ({ done: true }),
};

let runtime: LocalRuntime;

beforeEach(() => {
  received.events = [];
  received.scheduled = [];
  runtime = createLocalRuntime({ loadHandlers: () => handlers, limits: { resolverTimeoutMs: 200 } });
  seedDemoSite(runtime.site);
});
afterEach(() => {
  runtime.close();
});

const invoke = (functionKey: string, payload: unknown = {}, accountId: string = elena) =>
  runtime.app.invokeResolver({
    moduleKey: 'cadence-check-in',
    functionKey,
    payload,
    accountId,
    extension: { issue: { id: '10001', key: 'PAY-1', type: 'Epic', typeId: '10000' } },
  });

describe('resolver invocation', () => {
  it('passes the payload and the platform context, identity taken from the principal', async () => {
    const outcome = await invoke('echo', { hello: 'world' });
    expect(outcome.ok).toBe(true);
    const result = (outcome as { result: { payload: unknown; context: Record<string, unknown> } }).result;
    expect(result.payload).toEqual({ hello: 'world' });
    expect(result.context).toMatchObject({
      accountId: elena,
      moduleKey: 'cadence-check-in',
      cloudId: runtime.installation.cloudId,
      installContext: `ari:cloud:jira::site/${runtime.installation.cloudId}`,
      extension: { type: 'jira:issuePanel', issue: { key: 'PAY-1' } },
    });
  });

  it('round-trips the result through JSON as the platform does', async () => {
    const outcome = await invoke('dates');
    expect(outcome).toMatchObject({ ok: true, result: { when: '2027-01-01T00:00:00.000Z', kept: 1 } });
    expect(Object.keys((outcome as { result: object }).result)).not.toContain('gone');
  });

  it('reports a thrown error and an unknown key as failures naming them', async () => {
    await expect(invoke('fail')).resolves.toMatchObject({
      ok: false,
      status: 500,
      error: { message: 'the resolver broke on purpose' },
    });
    const unknown = await invoke('nope');
    expect(unknown.ok).toBe(false);
    expect(JSON.stringify(unknown)).toContain('nope');
  });

  it('refuses a payload over 500 KB before running the resolver', async () => {
    const outcome = await invoke('echo', { blob: 'x'.repeat(501 * 1024) });
    expect(outcome).toMatchObject({ ok: false, status: 413, error: { code: 'PAYLOAD_TOO_LARGE' } });
  });

  it('refuses a response over 5 MB', async () => {
    await expect(invoke('huge')).resolves.toMatchObject({
      ok: false,
      status: 413,
      error: { code: 'RESPONSE_TOO_LARGE' },
    });
  });

  it('stops waiting at the time limit', async () => {
    await expect(invoke('slow')).resolves.toMatchObject({
      ok: false,
      status: 504,
      error: { code: 'INVOCATION_TIMEOUT' },
    });
  });

  it('serves getAppContext from the invocation', async () => {
    await expect(invoke('appContext')).resolves.toMatchObject({
      ok: true,
      result: {
        moduleKey: 'cadence-check-in',
        environmentType: 'DEVELOPMENT',
        app: expect.stringContaining('ari:cloud:ecosystem::app/') as unknown,
      },
    });
  });
});

describe('platform calls inside an invocation', () => {
  it('reaches the store through @forge/kvs and logs calls and round trips', async () => {
    const outcome = await invoke('storage');
    expect(outcome).toMatchObject({ ok: true, result: { a: { text: 'hello' } } });
    const entry = runtime.log.last();
    expect(entry?.call).toBe('storage');
    expect(entry?.summary).toMatchObject({ storageCalls: 3, sequentialStorageRoundTrips: 2, jiraCalls: 0 });
    expect(entry?.calls.map((c) => c.operation)).toEqual(['set', 'get', 'get']);
  });

  it('sends asUser calls as the invoking user and asApp calls as the app', async () => {
    const outcome = await invoke('jira', {}, kenji);
    expect(outcome).toMatchObject({ ok: true, result: { me: { accountId: kenji }, appSeesSec: 200 } });
    expect(runtime.log.last()?.summary.jiraCalls).toBe(2);
  });

  it('injects 429s with Retry-After when faults are switched on', async () => {
    runtime.close();
    runtime = createLocalRuntime({
      loadHandlers: () => handlers,
      faults: { rate: 1, kinds: ['429'], retryAfterSeconds: 7, targets: ['jira'] },
    });
    seedDemoSite(runtime.site);
    const outcome = await invoke('jira');
    expect(outcome.ok).toBe(true);
    const calls = runtime.log.last()?.calls ?? [];
    expect(calls.map((c) => c.status)).toEqual([429, 429]);
  });
});

describe('triggers', () => {
  it('delivers issue changes made on the site to the product-event trigger', async () => {
    runtime.site.updateIssue('ONB-6', { status: 'Done', actor: elena });
    await runtime.whenIdle();
    expect(received.events).toHaveLength(1);
    expect(received.events[0]).toMatchObject({
      eventType: 'avi:jira:updated:issue',
      issue: { key: 'ONB-6' },
      changelog: {
        items: expect.arrayContaining([expect.objectContaining({ field: 'status', toString: 'Done' })]) as unknown,
      },
    });
  });

  it('skips self-generated events, as ignoreSelf asks', async () => {
    await runtime.app.fireProductEvent({ eventType: 'avi:jira:created:issue', selfGenerated: true });
    expect(received.events).toHaveLength(0);
  });

  it('runs a scheduled trigger with the platform request shape and no user', async () => {
    await expect(runtime.app.runScheduledTrigger('weekly-check-in')).resolves.toMatchObject({ ok: true });
    expect(received.scheduled[0]).toMatchObject({
      request: { context: { cloudId: runtime.installation.cloudId, moduleKey: 'weekly-check-in' } },
      context: { principal: undefined },
    });
  });

  it('treats a scheduled result without statusCode as a failed dependency', async () => {
    const outcome = await runtime.app.runScheduledTrigger('reconcile-initiatives');
    expect(outcome).toMatchObject({ ok: false, error: expect.stringContaining('424') as unknown });
  });

  it('names the known triggers when asked for an unknown one', async () => {
    await expect(runtime.app.runScheduledTrigger('nope')).rejects.toThrow(/weekly-check-in/);
  });
});

describe('__forge_fetch__ descriptors', () => {
  it('fails loudly on anything it does not emulate', async () => {
    await expect(runtime.fetch({ type: 'frc', remote: 'x' }, '/x')).rejects.toThrow(/not emulated/);
    await expect(
      runtime.fetch({ type: 'fpp', provider: 'none', remote: 'jira' }, '/rest/api/3/myself'),
    ).rejects.toThrow(/asUser\(\) or api.asApp\(\)/);
    await expect(
      runtime.fetch({ type: 'fpp', provider: 'user', remote: 'jira' }, '/rest/api/3/myself'),
    ).rejects.toThrow(/no user/);
  });
});
