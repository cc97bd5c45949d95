import type { LocalRuntime } from '../../local/platform/local-runtime';
import { epicKey, fails, newRuntime, ok, storageState } from '../support/cadence-client';
import { aKeyResult, paymentsSetup } from '../support/scenario';

/**
 * Jira's own limits as the emulated site enforces them (points quota, per-endpoint burst): the app waits
 * out short 429s within the invocation, loses no write, and says plainly when the quota is spent.
 */

let runtime: LocalRuntime;
afterEach(() => {
  runtime.close();
});

const setup = async () => {
  runtime = newRuntime();
  const payments = await paymentsSetup(runtime);
  const kr = await aKeyResult(runtime, 'priya', payments.objective.id, {
    title: 'Deliver multi-currency payouts to 100% of planned scope',
    metric: { kind: 'percent', start: 0, target: 100, unit: '%' },
    progressSource: 'initiatives',
  });
  return { ...payments, kr };
};

const jiraStatuses = (): number[] =>
  runtime.log
    .recent()
    .flatMap((e) => e.calls)
    .filter((c) => c.kind === 'jira')
    .map((c) => c.status);

describe('Jira rate limits', () => {
  it('rides out a burst of 429s: every link is stored once, after waiting as Retry-After asks', async () => {
    const { kr, objective } = await setup();
    const epics = [
      'Multi-currency payroll payouts',
      'Reduce failed payout retries',
      'Invoice reconciliation for enterprise billing',
    ].map((s) => epicKey(runtime, s));
    runtime.site.rateLimits.configure({ burstPerSecond: 1 });
    const linked = await Promise.all(
      epics.map((issueKey) => ok(runtime, 'initiatives.link', { keyResultId: kr.id, issueKey }, 'priya')),
    );
    expect(linked.map((i) => ('issueKey' in i ? i.issueKey : 'restricted')).sort()).toEqual([...epics].sort());
    expect(jiraStatuses()).toContain(429);
    const view = await ok(runtime, 'objectives.get', { id: objective.id }, 'priya');
    const stored = view.keyResults
      .find((k) => k.id === kr.id)
      ?.initiatives.map((i) => ('issueKey' in i ? i.issueKey : 'restricted'))
      .sort();
    expect(stored).toEqual([...epics].sort());
    // Each 429 costs a one-second wait; a loaded machine needs more than jest's default 5 s.
  }, 30_000);

  it('says the points quota is spent, and stores nothing, when the hour is used up', async () => {
    const { kr } = await setup();
    const before = storageState(runtime);
    runtime.site.rateLimits.configure({ pointsPerHour: 1 });
    runtime.site.rateLimits.settle('GET', '/rest/api/3/myself', { status: 200, body: '' }, 1);
    const error = await fails(
      runtime,
      'initiatives.link',
      { keyResultId: kr.id, issueKey: epicKey(runtime, 'Multi-currency payroll payouts') },
      'priya',
    );
    expect(error).toMatchObject({
      code: 'UNAVAILABLE',
      message: expect.stringContaining('jira-quota-global-based, retry after') as unknown,
    });
    expect(storageState(runtime)).toEqual(before);
  });
});
