import { seedDemoSite } from '../../local/demo';
import type { FaultDecision, FaultInjector } from '../../local/platform/faults';
import { createFaultInjector } from '../../local/platform/faults';
import { createLocalRuntime } from '../../local/platform/local-runtime';
import type { LocalRuntime } from '../../local/platform/local-runtime';
import { call, ok } from '../support/cadence-client';
import { paymentsSetup } from '../support/scenario';

/**
 * Jira rate-limits and fails; the app retries within the resolver's 25 s budget and then says so
 * plainly. Faults come from the runtime's injector, scripted here so each case is exact.
 */
const jsonError = (status: number, headers: Record<string, string> = {}): FaultDecision => ({
  delayMs: 0,
  response: {
    status,
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ errorMessages: ['injected'], errors: {} }),
  },
});

/** Answers the next Jira calls with `script` (one decision per call), then lets calls through. */
const scripted = (): FaultInjector & { script: FaultDecision[] } => {
  const base = createFaultInjector();
  const injector = {
    config: base.config,
    script: [] as FaultDecision[],
    decide: (target: 'kvs' | 'jira' | 'confluence'): FaultDecision =>
      target === 'jira' ? (injector.script.shift() ?? { delayMs: 0 }) : { delayMs: 0 },
  };
  return injector;
};

let runtime: LocalRuntime;
let faults: ReturnType<typeof scripted>;

beforeEach(() => {
  faults = scripted();
  runtime = createLocalRuntime({ faultInjector: faults });
  seedDemoSite(runtime.site);
});
afterEach(() => {
  runtime.close();
});

const jiraStatuses = (): number[] =>
  (runtime.log.last()?.calls ?? []).filter((c) => c.kind === 'jira').map((c) => c.status);

describe('Jira rate limits and failures', () => {
  it('waits out a 429 as Retry-After asks, then links the epic', async () => {
    const { kr1 } = await paymentsSetup(runtime);
    faults.script.push(jsonError(429, { 'retry-after': '1' }));
    const started = Date.now();
    const initiative = await ok(runtime, 'initiatives.link', { keyResultId: kr1.id, issueKey: 'PAY-1' }, 'priya');
    expect(initiative).toMatchObject({ restricted: false, issueKey: 'PAY-1' });
    expect(jiraStatuses()[0]).toBe(429);
    expect(jiraStatuses()[1]).toBe(200);
    // Retry-After is honoured, not ignored.
    expect(Date.now() - started).toBeGreaterThanOrEqual(1000);
  });

  it('retries server errors and succeeds when Jira recovers', async () => {
    const { kr1 } = await paymentsSetup(runtime);
    faults.script.push(jsonError(503), jsonError(502));
    await ok(runtime, 'initiatives.link', { keyResultId: kr1.id, issueKey: 'PAY-1' }, 'priya');
    expect(jiraStatuses().slice(0, 3)).toEqual([503, 502, 200]);
  });

  it('gives up with UNAVAILABLE, storing nothing, when Retry-After exceeds the time budget', async () => {
    const { kr1, objective } = await paymentsSetup(runtime);
    faults.script.push(jsonError(429, { 'retry-after': '60' }));
    const started = Date.now();
    const result = await call(runtime, 'initiatives.link', { keyResultId: kr1.id, issueKey: 'PAY-1' }, 'priya');
    expect(result).toMatchObject({ ok: false, error: { code: 'UNAVAILABLE' } });
    // It did not sit out a minute it does not have.
    expect(Date.now() - started).toBeLessThan(5000);
    const after = await ok(runtime, 'objectives.get', { id: objective.id }, 'priya');
    expect(after.keyResults.flatMap((k) => k.initiatives)).toEqual([]);
  });

  it('gives up with UNAVAILABLE after repeated server errors', async () => {
    const { kr1 } = await paymentsSetup(runtime);
    faults.script.push(jsonError(500), jsonError(500), jsonError(500), jsonError(500));
    await expect(
      call(runtime, 'initiatives.link', { keyResultId: kr1.id, issueKey: 'PAY-1' }, 'priya'),
    ).resolves.toMatchObject({
      ok: false,
      error: { code: 'UNAVAILABLE' },
    });
  });
});
