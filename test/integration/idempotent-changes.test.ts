import { seedDemoSite } from '../../local/demo';
import type { FaultConfig, FaultInjector } from '../../local/platform/faults';
import { createFaultInjector } from '../../local/platform/faults';
import { createLocalRuntime } from '../../local/platform/local-runtime';
import type { LocalRuntime } from '../../local/platform/local-runtime';
import type { ApiKey } from '../../src/contract';
import type { DemoHandle } from '../support/cadence-client';
import { call, epicKey, fails, ok } from '../support/cadence-client';
import { paymentsSetup } from '../support/scenario';

/**
 * Changes with a client request id (issue #10): a repeat (the retry of an answer that was lost) writes
 * nothing and answers what is stored, so it never undoes a change someone made in between, and never
 * answers an error for a change that was made (archive twice, unlink twice).
 */
describe('changes with a client request id', () => {
  let runtime: LocalRuntime;
  beforeEach(() => {
    runtime = createLocalRuntime();
    seedDemoSite(runtime.site);
  });
  afterEach(() => {
    runtime.close();
  });

  it('objectives.update: a repeat does not undo a later edit by someone else', async () => {
    const { objective } = await paymentsSetup(runtime);
    const mine = { id: objective.id, title: 'Make payouts boringly reliable', requestId: 'req-upd-objective-1' };
    expect((await ok(runtime, 'objectives.update', mine, 'priya')).title).toBe(mine.title);
    await ok(runtime, 'objectives.update', { id: objective.id, title: 'Make every payout arrive on time' }, 'daniel');
    const again = await ok(runtime, 'objectives.update', mine, 'priya');
    expect(again.title).toBe('Make every payout arrive on time');
    expect((await ok(runtime, 'objectives.get', { id: objective.id }, 'priya')).title).toBe('Make every payout arrive on time');
    // The same request id from another person is that person's own request.
    expect((await ok(runtime, 'objectives.update', { ...mine, title: 'Daniel says so' }, 'daniel')).title).toBe('Daniel says so');
  });

  it('objectives.update: concurrent repeats apply the change once', async () => {
    const { objective } = await paymentsSetup(runtime);
    const mine = { id: objective.id, description: 'Payroll customers stop writing to support about late money.', requestId: 'req-upd-objective-2' };
    const answers = await Promise.all([1, 2, 3, 4].map(() => ok(runtime, 'objectives.update', mine, 'priya')));
    for (const a of answers) expect(a.description).toBe(mine.description);
  });

  it('keyResults.update: a repeat does not undo a later edit', async () => {
    const { kr2 } = await paymentsSetup(runtime);
    const mine = { id: kr2.id, weight: 3, requestId: 'req-upd-kr-000001' };
    expect((await ok(runtime, 'keyResults.update', mine, 'priya')).weight).toBe(3);
    await ok(runtime, 'keyResults.update', { id: kr2.id, weight: 2 }, 'priya');
    expect((await ok(runtime, 'keyResults.update', mine, 'priya')).weight).toBe(2);
  });

  it('objectives.archive and restore: a repeat answers the objective as it is, not "already archived"', async () => {
    const { objective } = await paymentsSetup(runtime);
    const archive = { id: objective.id, requestId: 'req-archive-00001' };
    expect((await ok(runtime, 'objectives.archive', archive, 'priya')).status).toBe('archived');
    expect((await ok(runtime, 'objectives.archive', archive, 'priya')).status).toBe('archived');
    // Without a request id the second archive is refused, as before.
    expect((await fails(runtime, 'objectives.archive', { id: objective.id }, 'priya')).code).toBe('INVALID_STATE');
    await ok(runtime, 'objectives.restore', { id: objective.id, requestId: 'req-restore-00001' }, 'priya');
    // A late retry of the archive must not archive it again.
    expect((await ok(runtime, 'objectives.archive', archive, 'priya')).status).toBe('draft');
  });

  it('keyResults.archive and initiatives.unlink: a repeat answers success', async () => {
    const { kr1 } = await paymentsSetup(runtime);
    const link = await ok(runtime, 'initiatives.link', { keyResultId: kr1.id, issueKey: epicKey(runtime, 'Reduce failed payout retries') }, 'daniel');
    const unlink = { initiativeId: link.id, requestId: 'req-unlink-00001' };
    expect(await ok(runtime, 'initiatives.unlink', unlink, 'daniel')).toEqual({ initiativeId: link.id });
    expect(await ok(runtime, 'initiatives.unlink', unlink, 'daniel')).toEqual({ initiativeId: link.id });
    expect((await fails(runtime, 'initiatives.unlink', { initiativeId: link.id }, 'daniel')).code).toBe('NOT_FOUND');
    const archive = { id: kr1.id, requestId: 'req-kr-archive-01' };
    expect((await ok(runtime, 'keyResults.archive', archive, 'priya')).status).toBe('archived');
    expect((await ok(runtime, 'keyResults.archive', archive, 'priya')).status).toBe('archived');
  });

  it('cycles.update and cycles.grade: a repeat does not undo a later change', async () => {
    const { cycle, kr1 } = await paymentsSetup(runtime);
    const rename = { id: cycle.id, name: 'Q1 payouts', requestId: 'req-cycle-upd-001' };
    expect((await ok(runtime, 'cycles.update', rename, 'elena')).name).toBe('Q1 payouts');
    await ok(runtime, 'cycles.update', { id: cycle.id, name: 'Q1' }, 'elena');
    expect((await ok(runtime, 'cycles.update', rename, 'elena')).name).toBe('Q1');
    expect((await ok(runtime, 'cycles.list', {}, 'elena')).cycles.map((c) => c.name)).toEqual(['Q1']);

    const toReview = { id: cycle.id, status: 'review', requestId: 'req-cycle-review1' };
    await ok(runtime, 'cycles.update', toReview, 'elena');
    // The repeat of a transition already made answers the cycle, not "review -> review is not allowed".
    expect((await ok(runtime, 'cycles.update', toReview, 'elena')).status).toBe('review');

    const grade = { cycleId: cycle.id, grades: [{ keyResultId: kr1.id, score: 0.6, reason: 'Failures fell after the last check-in.' }], requestId: 'req-grade-000001' };
    await ok(runtime, 'cycles.grade', grade, 'priya');
    await ok(runtime, 'cycles.grade', { cycleId: cycle.id, grades: [{ keyResultId: kr1.id, score: 0.7, reason: 'Failures fell further.' }] }, 'priya');
    await ok(runtime, 'cycles.grade', grade, 'priya');
    const stored = await ok(runtime, 'objectives.get', { id: kr1.id.slice(0, 12) }, 'priya');
    expect(stored.keyResults.find((k) => k.id === kr1.id)?.finalScore).toBe(0.7);
  });

  it('teams.update: two admins changing different fields at once both land; a repeat changes nothing', async () => {
    const { team } = await paymentsSetup(runtime);
    const rename = { id: team.id, name: 'Payments and payroll', requestId: 'req-team-upd-0001' };
    await Promise.all([
      ok(runtime, 'teams.update', rename, 'elena'),
      ok(runtime, 'teams.update', { id: team.id, jiraProjectKeys: ['PAY'] }, 'elena'),
    ]);
    const both = (await ok(runtime, 'teams.list', {}, 'elena')).teams.find((t) => t.id === team.id);
    expect(both).toMatchObject({ name: 'Payments and payroll', jiraProjectKeys: ['PAY'] });
    await ok(runtime, 'teams.update', { id: team.id, name: 'Payments' }, 'elena');
    expect((await ok(runtime, 'teams.update', rename, 'elena')).name).toBe('Payments');
  });

  it('settings.update: a late repeat does not put back the bands it set', async () => {
    const mine = { bands: { yellowFrom: 0.3, greenFrom: 0.6 }, requestId: 'req-settings-0001' };
    expect((await ok(runtime, 'settings.update', mine, 'elena')).bands).toEqual(mine.bands);
    await ok(runtime, 'settings.update', { bands: { yellowFrom: 0.4, greenFrom: 0.7 } }, 'elena');
    expect((await ok(runtime, 'settings.update', mine, 'elena')).bands).toEqual({ yellowFrom: 0.4, greenFrom: 0.7 });
    expect((await ok(runtime, 'settings.get', {}, 'elena')).bands).toEqual({ yellowFrom: 0.4, greenFrom: 0.7 });
  });
});

describe('changes under 30 % injected 429 and 5xx on storage and Jira', () => {
  it('apply once: a failure that does not say "saved" stored nothing, and a late repeat never undoes a later change', async () => {
    let faults = createFaultInjector();
    const switchable: FaultInjector = {
      get config() {
        return faults.config;
      },
      decide: (target) => faults.decide(target),
    };
    let seed = 11;
    const storm = (on: boolean): void => {
      const config: Partial<FaultConfig> = on ? { rate: 0.3, kinds: ['429', '5xx'], targets: ['kvs', 'jira'], retryAfterSeconds: 0, seed: (seed += 17) } : { rate: 0 };
      faults = createFaultInjector(config);
    };
    const runtime = createLocalRuntime({ faultInjector: switchable });
    seedDemoSite(runtime.site);
    try {
      const { objective, kr2, team } = await paymentsSetup(runtime);
      /** What the change is about, read without faults. */
      type Probe = () => Promise<unknown>;
      const probes = {
        title: async () => (await ok(runtime, 'objectives.get', { id: objective.id }, 'priya')).title,
        weight: async () => (await ok(runtime, 'objectives.get', { id: objective.id }, 'priya')).keyResults.find((k) => k.id === kr2.id)?.weight,
        team: async () => (await ok(runtime, 'teams.list', {}, 'elena')).teams.find((t) => t.id === team.id)?.name,
        bands: async () => (await ok(runtime, 'settings.get', {}, 'elena')).bands.greenFrom,
      };
      let refusedButStored = 0;
      let failed = 0;
      /** A person pressing Save again until it works, with the same request id, under the storm. */
      const untilOk = async (key: ApiKey, payload: Record<string, unknown>, as: DemoHandle, probe: Probe): Promise<void> => {
        for (let attempt = 0; attempt < 30; attempt++) {
          storm(false);
          const before = JSON.stringify(await probe());
          storm(true);
          const result = await call(runtime, key, payload, as);
          storm(false);
          if (result.ok) return;
          failed += 1;
          expect(['UNAVAILABLE', 'CONFLICT']).toContain(result.error.code);
          if (!/saved/i.test(result.error.message) && JSON.stringify(await probe()) !== before) refusedButStored += 1;
        }
        throw new Error(`${key} never succeeded`);
      };
      const cases: { key: ApiKey; mine: Record<string, unknown>; theirs: Record<string, unknown>; as: DemoHandle; probe: Probe; expected: unknown }[] = [
        { key: 'objectives.update', mine: { id: objective.id, title: 'Mine: payouts on time' }, theirs: { id: objective.id, title: 'Theirs: payouts on time' }, as: 'priya', probe: probes.title, expected: 'Theirs: payouts on time' },
        { key: 'keyResults.update', mine: { id: kr2.id, weight: 5 }, theirs: { id: kr2.id, weight: 2 }, as: 'priya', probe: probes.weight, expected: 2 },
        { key: 'teams.update', mine: { id: team.id, name: 'Mine team' }, theirs: { id: team.id, name: 'Theirs team' }, as: 'elena', probe: probes.team, expected: 'Theirs team' },
        { key: 'settings.update', mine: { bands: { yellowFrom: 0.3, greenFrom: 0.65 } }, theirs: { bands: { yellowFrom: 0.4, greenFrom: 0.75 } }, as: 'elena', probe: probes.bands, expected: 0.75 },
      ];
      for (const [i, c] of cases.entries()) {
        const mine = { ...c.mine, requestId: `req-storm-change-${String(i)}` };
        await untilOk(c.key, mine, c.as, c.probe);
        storm(false);
        await ok(runtime, c.key, c.theirs, c.as);
        // The late retry of a request already applied, still under the storm.
        await untilOk(c.key, mine, c.as, c.probe);
        storm(false);
        expect(await c.probe()).toEqual(c.expected);
      }
      expect(refusedButStored).toBe(0);
      // The storm did fail some attempts, or this test proved nothing.
      expect(failed).toBeGreaterThan(0);
    } finally {
      runtime.close();
    }
  }, 120_000);
});
