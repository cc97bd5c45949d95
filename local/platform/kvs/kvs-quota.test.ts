import { ForgeKvsAPIError, kvs } from '@forge/kvs';
import { runInvocation, newInvocation } from '../invocation';
import { summariseCalls } from '../call-log';
import { apiError, startTestStore } from './test-support';
import type { TestStore } from './test-support';
import { FORGE_KVS_QUOTA, readBytes, UNIT_BYTES, unitKindOf, unitsFor, writeBytes } from './quota';

let t: TestStore | undefined;
afterEach(() => {
  t?.uninstall();
  t?.db.close();
  t = undefined;
});

/** A string value whose JSON is exactly `bytes` long (two quotes included). */
const valueOf = (bytes: number): string => 'x'.repeat(bytes - 2);

describe('storage units', () => {
  it('rounds every request up to the next 10 KB, an empty one costing one unit', () => {
    expect([unitsFor(0), unitsFor(1), unitsFor(UNIT_BYTES), unitsFor(UNIT_BYTES + 1), unitsFor(65_000)]).toEqual([
      1, 1, 1, 2, 7,
    ]);
  });

  it('measures value bytes: set values, batch values, transaction set values; deletes carry none', () => {
    expect(writeBytes({ key: 'k', value: 'abc' })).toBe(5);
    expect(
      writeBytes([
        { key: 'a', value: 1 },
        { key: 'b', value: [1, 2] },
      ]),
    ).toBe(6);
    expect(writeBytes({ set: [{ key: 'a', value: { x: 1 } }], delete: [{ key: 'b' }] })).toBe(7);
    expect(writeBytes({ key: 'k' })).toBe(0);
    expect(readBytes(JSON.stringify({ key: 'k', value: 'abc' }))).toBe(5);
    expect(
      readBytes(
        JSON.stringify({
          data: [
            { key: 'a', value: 1 },
            { key: 'b', value: 22 },
          ],
        }),
      ),
    ).toBe(3);
    expect(readBytes(JSON.stringify({ successfulKeys: [{ key: 'a', value: 'z' }], failedKeys: [] }))).toBe(3);
  });

  it('sorts operations into reads and writes (a transaction is one write)', () => {
    expect(['get', 'entity/query', 'query', 'batch/get', 'secret/get'].map(unitKindOf)).toEqual(Array(5).fill('read'));
    expect(['set', 'delete', 'transaction', 'batch/set', 'batch/delete'].map(unitKindOf)).toEqual(
      Array(5).fill('write'),
    );
  });

  it("charges each response's units into the call log of the invocation", async () => {
    t = startTestStore();
    const invocation = newInvocation({
      accountId: undefined,
      functionKey: 'f',
      moduleKey: 'm',
      moduleType: 'test',
      timeoutMs: 25_000,
    });
    await runInvocation(invocation, async () => {
      await kvs.set('big', valueOf(25_000)); // 3 write units
      await kvs.get('big'); // 3 read units
      await kvs.get('missing'); // 1 read unit
      await kvs.delete('big'); // 1 write unit
    });
    expect(invocation.calls.map((c) => c.cost)).toEqual([
      { writeUnits: 3 },
      { readUnits: 3 },
      { readUnits: 1 },
      { writeUnits: 1 },
    ]);
    expect(summariseCalls(invocation.calls)).toMatchObject({ readUnits: 4, writeUnits: 4, jiraPoints: 0 });
    expect(t.store.usage()).toMatchObject({ readUnitsLastMinute: 4, writeUnitsLastMinute: 4 });
  });
});

describe('per-installation quotas (limits-kvs-ce)', () => {
  it("defaults to Forge's 4,000 read and write units a minute and 1,000 requests a second", () => {
    t = startTestStore();
    expect(t.store.usage().limits).toEqual(FORGE_KVS_QUOTA);
    expect(FORGE_KVS_QUOTA).toEqual({ readUnitsPerMinute: 4000, writeUnitsPerMinute: 4000, requestsPerSecond: 1000 });
  });

  it('answers 429 RATE_LIMIT_EXCEEDED past the write units, writing nothing', async () => {
    t = startTestStore(':memory:', { quota: { writeUnitsPerMinute: 3 } });
    await kvs.set('a', valueOf(20_000)); // 2 units
    const error = await apiError(kvs.set('b', valueOf(10_001))); // 2 more: over 3
    expect(error).toBeInstanceOf(ForgeKvsAPIError);
    expect([error.code, error.responseDetails.status]).toEqual(['RATE_LIMIT_EXCEEDED', 429]);
    expect(error.message).toMatch(/2 write units would exceed 3 per minute \(2 used/);
    expect(await kvs.get('b')).toBeUndefined();
    await kvs.set('c', 1); // 1 unit still fits
    expect(t.store.usage().writeUnitsLastMinute).toBe(3);
  });

  it('answers 429 TOO_MANY_REQUESTS for a transaction past the quota, as the transactions page says', async () => {
    t = startTestStore(':memory:', { quota: { writeUnitsPerMinute: 1 } });
    await kvs.set('a', 1);
    const error = await apiError(kvs.transact().set('b', 1).execute());
    expect([error.code, error.responseDetails.status]).toEqual(['TOO_MANY_REQUESTS', 429]);
  });

  it('answers 429 past the read units, counting the values a query or batch read returns', async () => {
    t = startTestStore(':memory:', { quota: { readUnitsPerMinute: 4 } });
    await kvs.batchSet([
      { key: 'q:1', value: valueOf(15_000) },
      { key: 'q:2', value: valueOf(15_000) },
    ]);
    const { results } = await kvs
      .query()
      .where('key', { condition: 'BEGINS_WITH', values: ['q:'] })
      .getMany();
    expect(results).toHaveLength(2); // 30 KB: 3 units
    expect(t.store.usage().readUnitsLastMinute).toBe(3);
    const error = await apiError(kvs.batchGet([{ key: 'q:1' }])); // 2 more: over 4
    expect([error.code, error.responseDetails.status]).toEqual(['RATE_LIMIT_EXCEEDED', 429]);
    expect(await kvs.get('nothing-here')).toBeUndefined(); // 1 unit fits
  });

  it('answers 429 past the requests per second', async () => {
    t = startTestStore(':memory:', { quota: { requestsPerSecond: 3 } });
    await Promise.all([kvs.set('a', 1), kvs.set('b', 1), kvs.set('c', 1)]);
    const error = await apiError(kvs.get('a'));
    expect([error.code, error.responseDetails.status]).toEqual(['RATE_LIMIT_EXCEEDED', 429]);
    expect(error.message).toContain('over 3 requests per second');
  });

  it('can be raised or reset at run time (benchmark seeding)', async () => {
    t = startTestStore(':memory:', { quota: { writeUnitsPerMinute: 1 } });
    await kvs.set('a', 1);
    t.store.setQuota({ writeUnitsPerMinute: 10 });
    await kvs.set('b', 1);
    t.store.resetUsage();
    expect(t.store.usage().writeUnitsLastMinute).toBe(0);
  });
});
