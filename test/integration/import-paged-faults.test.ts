import { moveAppClock } from '../support/app-clock';
import type { ExportDocument, ExportPage } from '../../src/contract';
import { countsOf } from '../../src/contract';
import type { FaultDecision, FaultInjector, FaultTarget } from '../../local/platform/faults';
import { createFaultInjector } from '../../local/platform/faults';
import { seedDemoSite } from '../../local/demo';
import type { LocalRuntime } from '../../local/platform/local-runtime';
import { createLocalRuntime } from '../../local/platform/local-runtime';
import { call, fails, ok } from '../support/cadence-client';
import { exportDocument, exportPages, storeOfClones } from '../support/export-document';
import { paymentsSetup } from '../support/scenario';

/**
 * A paged import under injected faults (issues #9 and #10): a storage fault in an append, in a verify
 * event, at the switch, and a refused push to the events queue. Whatever fails, the live data stays
 * whole and readable (a paged export before equals one after), nothing partial is ever live, and the
 * import either ends as a clean import would (verify events retry) or data.import.status says failed.
 */

/** Fails calls to one target while armed: the `from`-th call (and every later one when `sticky`). */
const scripted = (): FaultInjector & {
  arm(target: FaultTarget, from: number, sticky?: boolean): void;
  disarm(): void;
  fired(): boolean;
  count(target: FaultTarget): number;
} => {
  const plain = createFaultInjector();
  let armed: { target: FaultTarget; from: number; sticky: boolean; seen: number } | undefined;
  let fired = false;
  const counts = new Map<FaultTarget, number>();
  const outage = (target: FaultTarget): FaultDecision => ({
    delayMs: 0,
    response:
      target === 'kvs'
        ? {
            status: 503,
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({ code: 'SERVICE_UNAVAILABLE', message: 'injected' }),
          }
        : {
            status: 503,
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({ message: 'injected' }),
          },
  });
  return {
    config: plain.config,
    decide(target) {
      counts.set(target, (counts.get(target) ?? 0) + 1);
      if (armed?.target !== target) return plain.decide(target);
      armed.seen += 1;
      if (armed.seen === armed.from || (armed.sticky && armed.seen > armed.from)) {
        fired = true;
        return outage(target);
      }
      return plain.decide(target);
    },
    arm(target, from, sticky = false) {
      armed = { target, from, sticky, seen: 0 };
      fired = false;
    },
    disarm() {
      armed = undefined;
    },
    fired: () => fired,
    count: (target) => counts.get(target) ?? 0,
  };
};

const withoutTime = ({ exportedAt: _e, ...doc }: ExportDocument) => doc;
const partOf = ({ format: _f, version: _v, exportedAt: _e, ...part }: ExportPage) => part;

/** What a reader sees now (the live data), read with faults off. */
const liveOf = async (runtime: LocalRuntime) => {
  runtime.kvs.settle();
  return withoutTime(await exportDocument(runtime));
};

/** A store of `count` cloned objectives, and its export. */
const sourceOf = async (count: number): Promise<{ pages: ExportPage[]; doc: ExportDocument }> => {
  const runtime = await storeOfClones(count);
  try {
    return { pages: await exportPages(runtime), doc: await exportDocument(runtime) };
  } finally {
    runtime.close();
  }
};

let pages: ExportPage[];
let doc: ExportDocument;

beforeAll(async () => {
  ({ pages, doc } = await sourceOf(24));
}, 60_000);

/** A target site with its own data (what must survive), on a scripted injector. */
const targetOf = async (): Promise<{ runtime: LocalRuntime; faults: ReturnType<typeof scripted> }> => {
  const faults = scripted();
  const runtime = createLocalRuntime({ faultInjector: faults });
  seedDemoSite(runtime.site);
  await paymentsSetup(runtime);
  return { runtime, faults };
};

let serial = 0;
const start = async (runtime: LocalRuntime): Promise<string> => {
  serial += 1;
  const { importId } = await ok(
    runtime,
    'data.import.start',
    {
      requestId: `fault-import-${String(serial).padStart(4, '0')}`,
      header: { format: 'cadence-export', version: 1, counts: countsOf(doc) },
    },
    'elena',
  );
  return importId;
};
const append = (runtime: LocalRuntime, importId: string, i: number) => {
  const page = pages[i];
  if (page === undefined) throw new Error(`no page ${String(i)}`);
  return call(
    runtime,
    'data.import.append',
    { importId, requestId: `fault-part-${String(i).padStart(4, '0')}`, part: partOf(page) },
    'elena',
  );
};
const stageAll = async (runtime: LocalRuntime): Promise<string> => {
  const importId = await start(runtime);
  for (let i = 0; i < pages.length; i++) {
    const answer = await append(runtime, importId, i);
    if (!answer.ok) throw new Error(`append ${String(i)} failed: ${answer.error.message}`);
  }
  return importId;
};
const statusOf = (runtime: LocalRuntime, importId: string) => ok(runtime, 'data.import.status', { importId }, 'elena');

describe('a paged import under storage faults', () => {
  it('an append that meets a fault at any of its calls stops the import (or, before any write, is taken again) and leaves the live data whole', async () => {
    const { runtime, faults } = await targetOf();
    try {
      const before = await liveOf(runtime);
      let failures = 0;
      for (let from = 1; ; from++) {
        const importId = await start(runtime);
        expect((await append(runtime, importId, 0)).ok).toBe(true);
        faults.arm('kvs', from);
        const answer = await append(runtime, importId, 1);
        faults.disarm();
        if (!faults.fired()) {
          expect(answer.ok).toBe(true);
          break;
        }
        if (answer.ok) {
          // The fault met a read the SDK or the store retried: the part is stored, the import goes on.
          expect((await statusOf(runtime, importId)).state).toBe('staging');
        } else {
          failures += 1;
          expect(answer.error.code).toBe('UNAVAILABLE');
          const status = await statusOf(runtime, importId);
          const again = await append(runtime, importId, 1);
          if (status.state === 'failed') {
            // The fault met the part's writes: the import stopped, and takes no more parts.
            expect(answer.error.message).toMatch(/your data is as it was/);
            expect(again.ok ? 'ok' : again.error.code).toBe('CONFLICT');
          } else {
            // The fault met a read before anything was written: the same append sent again goes in.
            expect(status).toMatchObject({ state: 'staging' });
            expect(again.ok).toBe(true);
          }
        }
        expect(await liveOf(runtime)).toEqual(before);
        if (from > 60) throw new Error('the append never ran without a fault');
      }
      expect(failures).toBeGreaterThan(2);
    } finally {
      runtime.close();
    }
  }, 120_000);

  it('a verify event that meets a fault (any step, the last step, the switch) is retried and ends as a clean import', async () => {
    // How many storage calls verification makes, counted on a clean run.
    const clean = await targetOf();
    let calls: number;
    try {
      const importId = await stageAll(clean.runtime);
      await ok(clean.runtime, 'data.import.finish', { importId }, 'elena');
      const counted = clean.faults.count('kvs');
      await clean.runtime.events.drain();
      calls = clean.faults.count('kvs') - counted;
      expect(await statusOf(clean.runtime, importId)).toMatchObject({ state: 'done' });
    } finally {
      clean.runtime.close();
    }
    // The first step's calls, one in the middle, and the last step's (counts, catalogs, the switch, the job).
    const positions = [
      1,
      2,
      3,
      4,
      5,
      6,
      Math.floor(calls / 2),
      ...Array.from({ length: 12 }, (_, i) => calls - 11 + i),
    ];
    const { runtime, faults } = await targetOf();
    try {
      const before = await liveOf(runtime);
      for (const from of [...new Set(positions)].filter((p) => p >= 1)) {
        const importId = await stageAll(runtime);
        await ok(runtime, 'data.import.finish', { importId }, 'elena');
        faults.arm('kvs', from);
        await runtime.events.drain();
        faults.disarm();
        const status = await statusOf(runtime, importId);
        expect({ from, state: status.state }).toEqual({ from, state: 'done' });
        expect(status.verified).toBe(status.expected);
        expect(await liveOf(runtime)).toEqual(withoutTime(doc));
        // Back to the site's own data for the next position, through a one-shot import.
        await ok(runtime, 'data.import', { data: { ...before, exportedAt: new Date().toISOString() } }, 'elena');
        expect(await liveOf(runtime)).toEqual(before);
      }
    } finally {
      runtime.close();
    }
  }, 240_000);

  it('a storage outage through every retry of a verify event fails the import; the live data stays whole', async () => {
    const { runtime, faults } = await targetOf();
    try {
      const before = await liveOf(runtime);
      const importId = await stageAll(runtime);
      await ok(runtime, 'data.import.finish', { importId }, 'elena');
      // Every step's first calls succeed up to the 3rd event; then storage stays down (failImport too).
      faults.arm('kvs', 20, true);
      await runtime.events.drain();
      faults.disarm();
      expect(await liveOf(runtime)).toEqual(before);
      // Nothing could be recorded during the outage: the job is left verifying, never live, and the
      // abandoned-import cleanup fails it a day later (see the cleanup tests below).
      expect(['verifying', 'failed']).toContain((await statusOf(runtime, importId)).state);
      // A new import after the outage goes through.
      const next = await stageAll(runtime);
      await ok(runtime, 'data.import.finish', { importId: next }, 'elena');
      await runtime.events.drain();
      expect(await statusOf(runtime, next)).toMatchObject({ state: 'done' });
      expect(await liveOf(runtime)).toEqual(withoutTime(doc));
    } finally {
      runtime.close();
    }
  }, 120_000);
});

describe('a paged import when the events queue refuses a push', () => {
  it('finish answers UNAVAILABLE and leaves the import staging; finishing again switches it on', async () => {
    const { runtime, faults } = await targetOf();
    try {
      const before = await liveOf(runtime);
      const importId = await stageAll(runtime);
      faults.arm('events', 1);
      const refused = await call(runtime, 'data.import.finish', { importId }, 'elena');
      faults.disarm();
      expect(refused.ok ? 'ok' : refused.error.code).toBe('UNAVAILABLE');
      expect(await statusOf(runtime, importId)).toMatchObject({ state: 'staging' });
      await runtime.events.drain();
      expect(await liveOf(runtime)).toEqual(before);
      await ok(runtime, 'data.import.finish', { importId }, 'elena');
      await runtime.events.drain();
      expect(await statusOf(runtime, importId)).toMatchObject({ state: 'done' });
      expect(await liveOf(runtime)).toEqual(withoutTime(doc));
    } finally {
      runtime.close();
    }
  }, 60_000);

  it.each([2, 5])(
    'a verify event whose push of the next one is refused (push %i) is retried and the import completes',
    async (push) => {
      const { runtime, faults } = await targetOf();
      try {
        const importId = await stageAll(runtime);
        faults.arm('events', push);
        await ok(runtime, 'data.import.finish', { importId }, 'elena');
        await runtime.events.drain();
        faults.disarm();
        expect(faults.fired()).toBe(true);
        expect(await statusOf(runtime, importId)).toMatchObject({ state: 'done' });
        expect(await liveOf(runtime)).toEqual(withoutTime(doc));
      } finally {
        runtime.close();
      }
    },
    60_000,
  );
});

describe('a paged import, without faults', () => {
  it('writes each part once however often it is sent, and round-trips the export', async () => {
    const { runtime } = await targetOf();
    try {
      const importId = await start(runtime);
      for (let i = 0; i < pages.length; i++) {
        const first = await append(runtime, importId, i);
        const again = await append(runtime, importId, i);
        if (!first.ok || !again.ok) throw new Error('append failed');
        expect(again.data.written).toBe(first.data.written);
      }
      const staged = await statusOf(runtime, importId);
      expect(staged.written).toBe(staged.expected);
      await ok(runtime, 'data.import.finish', { importId }, 'elena');
      await runtime.events.drain();
      expect(await liveOf(runtime)).toEqual(withoutTime(doc));
      // And its own export, imported again page by page, gives the same export.
      const again = await exportPages(runtime);
      expect(withoutTime(await exportDocument(runtime))).toEqual(withoutTime(doc));
      expect(again.length).toBe(pages.length);
    } finally {
      runtime.close();
    }
  }, 60_000);

  it('refuses anyone but a site admin at every key', async () => {
    const { runtime } = await targetOf();
    try {
      const importId = await start(runtime);
      const [head] = pages;
      if (head === undefined) throw new Error('no page');
      const payloads = {
        'data.import.start': {
          requestId: 'fault-import-priya',
          header: { format: 'cadence-export', version: 1, counts: countsOf(doc) },
        },
        'data.import.append': { importId, requestId: 'fault-part-priya', part: partOf(head) },
        'data.import.finish': { importId },
        'data.import.status': { importId },
        'data.export': {},
      } as const;
      for (const [key, payload] of Object.entries(payloads)) {
        for (const who of ['priya', 'daniel'] as const) {
          expect({ key, who, ...(await fails(runtime, key as keyof typeof payloads, payload, who)) }).toMatchObject({
            key,
            who,
            code: 'FORBIDDEN',
          });
        }
      }
      expect(await statusOf(runtime, importId)).toMatchObject({ state: 'staging', written: 0 });
    } finally {
      runtime.close();
    }
  }, 60_000);
});

describe('an abandoned paged import', () => {
  afterEach(() => {
    jest.useRealTimers();
  });

  const stagedKeys = (runtime: LocalRuntime, importId: string): number =>
    (
      runtime.db.prepare('SELECT count(*) AS n FROM kvs_items WHERE key LIKE ?').get(`gen.${importId}.%`) as {
        n: number;
      }
    ).n;

  it('is kept while an append may still come, then expired by the daily cleanup: status says so, the live data is whole', async () => {
    const { runtime } = await targetOf();
    try {
      const before = await liveOf(runtime);
      const importId = await start(runtime);
      expect((await append(runtime, importId, 0)).ok).toBe(true);
      expect(stagedKeys(runtime, importId)).toBeGreaterThan(1);

      moveAppClock(23 * 3_600_000);
      await runtime.app.runScheduledTrigger('reconcile-initiatives');
      runtime.kvs.settle();
      expect(await statusOf(runtime, importId)).toMatchObject({ state: 'staging' });
      expect((await append(runtime, importId, 1)).ok).toBe(true);

      jest.useRealTimers();
      moveAppClock(25 * 3_600_000);
      // A day later every write shows in the indexes the cleanup enumerates with.
      runtime.kvs.settle();
      await runtime.app.runScheduledTrigger('reconcile-initiatives');
      runtime.kvs.settle();
      const status = await statusOf(runtime, importId);
      expect(status).toMatchObject({ state: 'failed', error: expect.stringMatching(/expired/) as unknown });
      expect(stagedKeys(runtime, importId)).toBe(0);
      // An append that arrives after all is refused clearly, and the live data never moved.
      const late = await append(runtime, importId, 2);
      expect(late.ok ? 'ok' : late.error.code).toBe('NOT_FOUND');
      expect(await liveOf(runtime)).toEqual(before);
    } finally {
      runtime.close();
    }
  }, 60_000);
});
