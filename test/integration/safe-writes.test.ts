import { seedDemoSite } from '../../local/demo';
import type { FaultConfig, FaultInjector } from '../../local/platform/faults';
import { createFaultInjector } from '../../local/platform/faults';
import { createLocalRuntime } from '../../local/platform/local-runtime';
import { accountOf, call, epicKey, ok } from '../support/cadence-client';
import { aKeyResult, anActiveCycle, anObjective, paymentsSetup } from '../support/scenario';

/** Writes that are never doubled and never refused for a race (issue #10). */
describe('safe writes', () => {
  it('stores a check-in once however often its request id is sent, and answers the first one', async () => {
    const runtime = createLocalRuntime();
    seedDemoSite(runtime.site);
    try {
      const { kr1 } = await paymentsSetup(runtime);
      const payload = { keyResultId: kr1.id, value: 2.5, confidence: 'at_risk', requestId: 'req-0f8c2d7e-aaaa' };
      const first = await ok(runtime, 'checkIns.create', payload, 'daniel');
      // The repeat changes nothing it says: the first check-in's value is the answer.
      const again = await ok(runtime, 'checkIns.create', { ...payload, value: 3 }, 'daniel');
      const concurrent = await Promise.all([1, 2, 3].map(() => ok(runtime, 'checkIns.create', payload, 'daniel')));
      expect(again.checkIn).toEqual(first.checkIn);
      for (const c of concurrent) expect(c.checkIn.id).toBe(first.checkIn.id);
      expect(again.keyResult.metric.current).toBe(2.5);
      runtime.kvs.settle();
      const listed = await ok(runtime, 'checkIns.list', { keyResultId: kr1.id }, 'daniel');
      expect(listed.checkIns.map((c) => c.id)).toEqual([first.checkIn.id]);
      // Another request id saying the same within minutes answers the first too (domain/check-in-repeat.ts);
      // saying something new is another check-in.
      expect((await ok(runtime, 'checkIns.create', { ...payload, requestId: 'req-0f8c2d7e-bbbb' }, 'daniel')).checkIn.id).toBe(first.checkIn.id);
      await ok(runtime, 'checkIns.create', { ...payload, value: 3, requestId: 'req-0f8c2d7e-cccc' }, 'daniel');
      runtime.kvs.settle();
      expect((await ok(runtime, 'checkIns.list', { keyResultId: kr1.id }, 'daniel')).checkIns).toHaveLength(2);
    } finally {
      runtime.close();
    }
  });

  it('shows a check-in in the history at once, before the index does', async () => {
    const runtime = createLocalRuntime({ kvsQueryVisibilityMs: 60_000 });
    seedDemoSite(runtime.site);
    try {
      const { kr1 } = await paymentsSetup(runtime);
      const { checkIn } = await ok(runtime, 'checkIns.create', { keyResultId: kr1.id, value: 2, confidence: 'on_track' }, 'daniel');
      expect((await ok(runtime, 'checkIns.list', { keyResultId: kr1.id }, 'daniel')).checkIns.map((c) => c.id)).toEqual([checkIn.id]);
    } finally {
      runtime.close();
    }
  });

  it('lands all of 50 simultaneous check-ins on one objective with 20 ms of platform latency', async () => {
    const runtime = createLocalRuntime({ faults: { latencyMs: 20, rate: 0 } });
    seedDemoSite(runtime.site);
    try {
      const cycle = await anActiveCycle(runtime);
      const objective = await anObjective(runtime, 'priya', { cycleId: cycle.id, level: 'individual', title: 'Make payouts boringly reliable' });
      const krs: { id: string }[] = [];
      for (let i = 0; i < 5; i++) krs.push(await aKeyResult(runtime, 'priya', objective.id, { title: `Grow metric ${String(i)} from 0 to 100`, metric: { kind: 'number', start: 0, target: 100 } }));
      const results = await Promise.all(
        Array.from({ length: 50 }, (_, i) => ok(runtime, 'checkIns.create', { keyResultId: krs[i % 5]?.id, value: i, confidence: 'on_track' }, 'priya')),
      );
      expect(new Set(results.map((r) => r.checkIn.id)).size).toBe(50);
      runtime.kvs.settle();
      for (const [k, kr] of krs.entries()) {
        const listed = await ok(runtime, 'checkIns.list', { keyResultId: kr.id, limit: 100 }, 'priya');
        expect(listed.checkIns).toHaveLength(10);
        // The KR holds the value of whichever of its check-ins committed last.
        const view = await ok(runtime, 'objectives.get', { id: objective.id }, 'priya');
        expect(view.keyResults[k]?.metric.current).toBe(view.keyResults[k]?.lastCheckIn?.value);
      }
    } finally {
      runtime.close();
    }
  }, 60_000);
});

describe('creates with a client request id', () => {
  it('create each record once however often the request is repeated, answering the first', async () => {
    const runtime = createLocalRuntime();
    seedDemoSite(runtime.site);
    try {
      const twice = async <T>(send: () => Promise<T>): Promise<[T, T]> => {
        const first = await send();
        const [again] = await Promise.all([send(), send()]);
        return [first, again];
      };
      const [c1, c2] = await twice(() => ok(runtime, 'cycles.create', { kind: 'quarterly', requestId: 'req-cycle-000001' }, 'elena'));
      expect(c2).toEqual(c1);
      await ok(runtime, 'cycles.update', { id: c1.id, status: 'active' }, 'elena');
      const [t1, t2] = await twice(() => ok(runtime, 'teams.create', { name: 'Payments', memberAccountIds: [accountOf('priya')], requestId: 'req-team-0000001' }, 'elena'));
      expect(t2).toEqual(t1);
      const create = { cycleId: c1.id, level: 'individual', title: 'Make payouts boringly reliable', requestId: 'req-objective-01' };
      const [o1, o2] = await twice(() => ok(runtime, 'objectives.create', create, 'priya'));
      expect(o2.id).toBe(o1.id);
      const kr = { objectiveId: o1.id, title: 'Cut failed payouts from 4 to 1', metric: { kind: 'number', start: 4, target: 1 }, requestId: 'req-kr-000000001' };
      const [k1, k2] = await twice(() => ok(runtime, 'keyResults.create', kr, 'priya'));
      expect(k2.id).toBe(k1.id);
      const epic = { keyResultId: k1.id, issueKey: epicKey(runtime, 'Reduce failed payout retries'), requestId: 'req-link-0000001' };
      const [i1, i2] = await twice(() => ok(runtime, 'initiatives.link', epic, 'priya'));
      expect(i2.id).toBe(i1.id);

      expect((await ok(runtime, 'cycles.list', {}, 'priya')).cycles).toHaveLength(1);
      expect((await ok(runtime, 'teams.list', {}, 'priya')).teams).toHaveLength(1);
      const board = await ok(runtime, 'board.get', { cycleId: c1.id }, 'priya');
      expect(board.roots).toHaveLength(1);
      const objective = await ok(runtime, 'objectives.get', { id: o1.id }, 'priya');
      expect(objective.keyResults).toHaveLength(1);
      expect(objective.keyResults[0]?.initiatives).toHaveLength(1);
      // Another person's request with the same id is their own request.
      const other = await ok(runtime, 'objectives.create', create, 'marcus');
      expect(other.id).not.toBe(o1.id);
    } finally {
      runtime.close();
    }
  });
});

describe('under 30 % injected 429 and 5xx on storage and Jira', () => {
  it('loses no acknowledged check-in, doubles none on retry, and never calls a stored one failed', async () => {
    let faults = createFaultInjector();
    const switchable: FaultInjector = {
      get config() {
        return faults.config;
      },
      decide: (target) => faults.decide(target),
    };
    const configure = (config: Partial<FaultConfig>): void => {
      faults = createFaultInjector(config);
    };
    const runtime = createLocalRuntime({ faultInjector: switchable });
    seedDemoSite(runtime.site);
    try {
      const { kr1 } = await paymentsSetup(runtime);
      await ok(runtime, 'initiatives.link', { keyResultId: kr1.id, issueKey: epicKey(runtime, 'Reduce failed payout retries') }, 'priya');
      configure({ rate: 0.3, kinds: ['429', '5xx'], targets: ['kvs', 'jira'], retryAfterSeconds: 0, seed: 7 });
      const acknowledged: string[] = [];
      let refusedButStored = 0;
      for (let i = 0; i < 12; i++) {
        const payload = { keyResultId: kr1.id, value: 4 - i * 0.1, confidence: 'on_track', requestId: `req-storm-${String(i).padStart(4, '0')}` };
        // A person pressing Save again until it works, with the same request id.
        for (let attempt = 0; attempt < 20; attempt++) {
          const result = await call(runtime, 'checkIns.create', payload, 'daniel');
          if (result.ok) {
            acknowledged.push(result.data.checkIn.id);
            break;
          }
          expect(['UNAVAILABLE', 'CONFLICT']).toContain(result.error.code);
          if (/saved/i.test(result.error.message)) continue;
          // An answer that does not say "saved" must mean nothing was stored for this request.
          configure({ rate: 0 });
          runtime.kvs.settle();
          const listed = await ok(runtime, 'checkIns.list', { keyResultId: kr1.id, limit: 100 }, 'daniel');
          if (listed.checkIns.some((c) => Math.abs(c.value - payload.value) < 1e-9)) refusedButStored += 1;
          configure({ rate: 0.3, kinds: ['429', '5xx'], targets: ['kvs', 'jira'], retryAfterSeconds: 0, seed: 7 + attempt + i * 31 });
        }
      }
      configure({ rate: 0 });
      runtime.kvs.settle();
      const stored = (await ok(runtime, 'checkIns.list', { keyResultId: kr1.id, limit: 100 }, 'daniel')).checkIns.map((c) => c.id);
      expect(acknowledged).toHaveLength(12);
      expect(new Set(acknowledged).size).toBe(12);
      expect(stored.filter((id) => acknowledged.includes(id)).sort()).toEqual([...acknowledged].sort());
      expect(stored).toHaveLength(12);
      expect(refusedButStored).toBe(0);
    } finally {
      runtime.close();
    }
  }, 120_000);
});
