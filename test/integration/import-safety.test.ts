import { exportDocument } from '../support/export-document';
import type { FaultDecision, FaultInjector } from '../../local/platform/faults';
import { createFaultInjector } from '../../local/platform/faults';
import { seedDemoSite } from '../../local/demo';
import { createLocalRuntime } from '../../local/platform/local-runtime';
import type { LocalRuntime } from '../../local/platform/local-runtime';
import { call, ok } from '../support/cadence-client';
import { paymentsSetup } from '../support/scenario';
import { cleanupRetired } from '../../src/adapters/kvs/data-repository';
import { readGeneration } from '../../src/adapters/kvs/generation-repository';

/** Every stored key (plain and entity) of the runtime's store. */
const keysOf = (runtime: LocalRuntime): string[] =>
  (runtime.db.prepare('SELECT key FROM kvs_items').all() as { key: string }[]).map((r) => r.key);

/**
 * A storage fault at any point of an import leaves the previous data whole (issue #10): the import
 * stages a new generation and switches to it in one conditional write, so what a reader sees is always
 * one data set or the other, never a mix, never nothing.
 */

/** Fails storage calls while armed: from the `from`-th call on (every later one too when `sticky`). */
const scripted = (): FaultInjector & { arm(from: number, sticky: boolean): void; disarm(): void } => {
  const plain = createFaultInjector();
  let armed: { from: number; sticky: boolean; seen: number } | undefined;
  const outage: FaultDecision = {
    delayMs: 0,
    response: { status: 503, headers: { 'content-type': 'application/json' }, body: JSON.stringify({ code: 'SERVICE_UNAVAILABLE', message: 'injected' }) },
  };
  return {
    config: plain.config,
    decide(target) {
      if (target !== 'kvs' || armed === undefined) return plain.decide(target);
      armed.seen += 1;
      return armed.seen === armed.from || (armed.sticky && armed.seen > armed.from) ? outage : plain.decide(target);
    },
    arm(from, sticky) {
      armed = { from, sticky, seen: 0 };
    },
    disarm() {
      armed = undefined;
    },
  };
};

const exportOf = async (runtime: LocalRuntime): Promise<unknown> => {
  runtime.kvs.settle();
  const { exportedAt: _e, ...body } = await exportDocument(runtime, 'elena');
  return body;
};

describe('an import that fails midway', () => {
  it.each([
    ['an outage from that call on', true],
    ['one failed call', false],
  ])('leaves the old data whole at every stage (%s)', async (_name, sticky) => {
    const faults = scripted();
    const runtime = createLocalRuntime({ faultInjector: faults });
    seedDemoSite(runtime.site);
    try {
      const { kr1 } = await paymentsSetup(runtime);
      await ok(runtime, 'checkIns.create', { keyResultId: kr1.id, value: 3, confidence: 'on_track' }, 'daniel');
      const before = await exportOf(runtime);
      // The document to import: the same store with the check-in's KR renamed, so the two differ.
      const incoming = (await exportDocument(runtime, 'elena')) as { keyResults: { title: string }[] };
      const kr = incoming.keyResults[0];
      if (kr) kr.title = 'Reduce failed payouts from 4% to 0.5%';

      let failures = 0;
      for (let from = 1; ; from++) {
        faults.arm(from, sticky);
        const result = await call(runtime, 'data.import', { data: incoming }, 'elena');
        faults.disarm();
        const now = await exportOf(runtime);
        if (result.ok) {
          expect((now as { keyResults: { title: string }[] }).keyResults.map((k) => k.title)).toContain('Reduce failed payouts from 4% to 0.5%');
          break;
        }
        failures += 1;
        expect(result.error.code).toMatch(/^(UNAVAILABLE|CONFLICT)$/);
        expect(now).toEqual(before);
        if (from > 400) throw new Error('the import never succeeded');
      }
      expect(failures).toBeGreaterThan(3);
      // The old data and every failed staging are listed for cleanup, which deletes them once their grace
      // period is over (here: at once), leaving only the live generation.
      runtime.kvs.settle();
      await cleanupRetired(0);
      runtime.kvs.settle();
      const { generation } = await readGeneration();
      expect(generation.retired).toEqual([]);
      const prefixes = new Set(keysOf(runtime).map((k) => /^gen\.([^.]+)\./.exec(k)?.[1] ?? 'root'));
      expect([...prefixes].sort()).toEqual([generation.active, 'root'].sort());
      // What is left outside the live generation is the generation document itself and the job state.
      expect(keysOf(runtime).filter((k) => !k.startsWith('gen.'))).toEqual(['generation']);
      expect(await exportOf(runtime)).toMatchObject({ keyResults: expect.arrayContaining([expect.objectContaining({ title: 'Reduce failed payouts from 4% to 0.5%' })]) as unknown });
    } finally {
      runtime.close();
    }
  }, 120_000);
});
