import type { LocalRuntime } from '../../local/platform/local-runtime';
import { createLocalRuntime } from '../../local/platform/local-runtime';
import { DEMO_USERS, seedDemoSite } from '../../local/demo';
import { DEFAULT_APP_ACCOUNT } from '../../local/platform/jira';
import { DAY_MS, moveAppClock } from '../support/app-clock';
import { exportDocument } from '../support/export-document';
import type { DemoHandle } from '../support/cadence-client';
import { accountOf, newRuntime, ok } from '../support/cadence-client';
import { aKeyResult, anActiveCycle, anObjective, aTeam } from '../support/scenario';

/**
 * The weekly job reminds owners of stale key results through Jira's issue notify, once an ISO week each,
 * on the local runtime: the email lands in the emulated site's sent notifications.
 */

afterEach(() => {
  jest.useRealTimers();
  jest.restoreAllMocks();
});

const epic = (runtime: LocalRuntime, project: string, summary: string): string => {
  const found = runtime.site
    .listIssues()
    .find((i) => i.projectKey === project && i.issueType === 'Epic' && i.summary.startsWith(summary));
  if (found === undefined) throw new Error(`no demo epic "${summary}"`);
  return found.key;
};

/**
 * Payments' objective with KRs owned by Daniel (a PAY epic), Priya (another PAY epic), Sanne (who works in
 * Dutch: a Security epic she may not browse, then a PAY one) and Marcus (no epic at all). The KRs are 8
 * days old when the test looks: stale.
 */
const setup = async (runtime: LocalRuntime = newRuntime()) => {
  const cycle = await anActiveCycle(runtime, 20);
  const team = await aTeam(runtime, 'Payments', ['priya', 'daniel']);
  const objective = await anObjective(runtime, 'priya', {
    cycleId: cycle.id,
    level: 'team',
    teamId: team.id,
    title: 'Make payroll payouts boringly reliable',
  });
  const kr = (owner: DemoHandle, title: string) =>
    aKeyResult(runtime, 'priya', objective.id, {
      title,
      metric: { kind: 'number', start: 0, target: 10 },
      ownerAccountId: accountOf(owner),
    });
  const daniel = await kr('daniel', 'Cut failed payouts to 1 in 1,000');
  const priya = await kr('priya', 'Pay 40 customers in their own currency');
  const sanne = await kr('sanne', 'Run payroll for 10 customers on their own keys');
  await kr('marcus', 'Answer every payout ticket within a day');
  const retries = epic(runtime, 'PAY', 'Reduce failed payout retries');
  const currencies = epic(runtime, 'PAY', 'Multi-currency payroll payouts');
  const keys = epic(runtime, 'SEC', 'Customer-managed encryption keys');
  await ok(runtime, 'initiatives.link', { keyResultId: daniel.id, issueKey: retries }, 'priya');
  await ok(runtime, 'initiatives.link', { keyResultId: priya.id, issueKey: currencies }, 'priya');
  // Elena (an OKR admin who may browse Security) links its epic first.
  await ok(runtime, 'initiatives.link', { keyResultId: sanne.id, issueKey: keys }, 'elena');
  await ok(runtime, 'initiatives.link', { keyResultId: sanne.id, issueKey: currencies }, 'priya');
  moveAppClock(8 * DAY_MS);
  return { runtime, cycle, objective, daniel, priya, sanne, retries, currencies, keys };
};

const runJob = async (runtime: LocalRuntime) => {
  const logged: string[] = [];
  const spy = jest.spyOn(console, 'log').mockImplementation((...args: unknown[]) => {
    logged.push(args.map(String).join(' '));
  });
  const outcome = await runtime.app.runScheduledTrigger('weekly-check-in');
  spy.mockRestore();
  return { outcome, line: logged.find((l) => l.startsWith('weekly reminders')) ?? '' };
};

const sentTo = (runtime: LocalRuntime, who: DemoHandle) =>
  runtime.site.listNotifications().filter((n) => n.recipients.includes(accountOf(who)));

describe('weekly reminders', () => {
  it('sends each stale owner one email, on an epic of theirs they may browse, in their language', async () => {
    const { runtime, objective, retries, currencies } = await setup();
    const { outcome, line } = await runJob(runtime);
    expect(outcome).toMatchObject({ ok: true, result: { statusCode: 204 } });
    expect(runtime.site.listNotifications()).toHaveLength(3);
    expect(line).toMatch(/4 owners with stale key results, 3 sent, 0 already reminded this week, 1 unreachable/);

    const [toDaniel] = sentTo(runtime, 'daniel');
    expect(toDaniel).toMatchObject({
      issueKey: retries,
      sentBy: DEFAULT_APP_ACCOUNT.accountId,
      recipients: [accountOf('daniel')],
      withheld: [],
    });
    expect(toDaniel?.subject).toBe('Cadence: your key result is waiting for its weekly check-in');
    expect(toDaniel?.textBody).toContain(`Hi ${DEMO_USERS.daniel.displayName},`);
    expect(toDaniel?.textBody).toContain(
      `Cut failed payouts to 1 in 1,000 (objective: ${objective.title}): 8 days without a check-in`,
    );
    expect(toDaniel?.textBody).toContain(
      `Check in from the Cadence panel on ${retries}: http://127.0.0.1/browse/${retries}`,
    );
    expect(toDaniel?.htmlBody).toContain(`<a href="http://127.0.0.1/browse/${retries}">`);

    // Sanne may not browse the Security epic linked first: she is told on the Payments one, in Dutch.
    const [toSanne] = sentTo(runtime, 'sanne');
    expect(toSanne).toMatchObject({ issueKey: currencies, withheld: [] });
    expect(toSanne?.subject).toBe('Cadence: je key result wacht op de wekelijkse check-in');
    expect(toSanne?.textBody).toContain('8 dagen zonder check-in');
    expect(sentTo(runtime, 'marcus')).toEqual([]);
  }, 60_000);

  it('sends none on a second run in the same week, and again the next week while still stale', async () => {
    const { runtime } = await setup();
    await runJob(runtime);
    const again = await runJob(runtime);
    expect(again.outcome).toMatchObject({ ok: true });
    expect(again.line).toMatch(/0 sent, 3 already reminded this week/);
    expect(runtime.site.listNotifications()).toHaveLength(3);

    moveAppClock(7 * DAY_MS);
    const nextWeek = await runJob(runtime);
    expect(nextWeek.line).toMatch(/3 sent/);
    expect(sentTo(runtime, 'daniel')).toHaveLength(2);
    expect(sentTo(runtime, 'daniel')[0]?.textBody).toContain('15 days without a check-in');
  }, 60_000);

  it('does not remind an owner who checked in', async () => {
    const { runtime, daniel } = await setup();
    await ok(runtime, 'checkIns.create', { keyResultId: daniel.id, value: 3, confidence: 'on_track' }, 'daniel');
    await runJob(runtime);
    expect(sentTo(runtime, 'daniel')).toEqual([]);
    expect(sentTo(runtime, 'priya')).toHaveLength(1);
  }, 60_000);

  it('fails the run the way Forge refuses a scope the app lacks, after storing the snapshot', async () => {
    const probe = newRuntime();
    const scopes = probe.manifest.permissions.scopes.filter((s) => s !== 'send:notification:jira');
    probe.close();
    const runtime = createLocalRuntime({ grantedScopes: scopes });
    seedDemoSite(runtime.site);
    const { cycle } = await setup(runtime);
    const errors = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    const { outcome } = await runJob(runtime);
    errors.mockRestore();
    expect(outcome).toMatchObject({ ok: false });
    expect(outcome.error).toMatch(/scopes do not allow POST \/rest\/api\/3\/issue\/\d+\/notify/);
    expect(runtime.site.listNotifications()).toEqual([]);
    // The week's snapshot went in before the reminders were tried.
    runtime.kvs.settle();
    const doc = await exportDocument(runtime, 'elena');
    expect(doc.snapshots.map((s) => s.cycleId)).toEqual([cycle.id]);
  }, 60_000);
});
