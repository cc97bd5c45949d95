import { kvs, MetadataField } from '@forge/kvs';
import { anyString, apiError, containing, startTestStore } from './test-support';
import type { TestStore } from './test-support';

let t: TestStore;
beforeEach(() => {
  t = startTestStore();
});
afterEach(() => {
  t.uninstall();
  t.db.close();
});

describe('batch operations through the real @forge/kvs', () => {
  it('sets, gets and deletes plain keys and entities, reporting partial failures per item', async () => {
    const set = await kvs.batchSet<unknown>([
      { key: 'a', value: 1 },
      { key: 'b', value: { group: 'g', rank: 1 }, entityName: 'test-item' },
      { key: 'bad/key', value: 2 },
      { key: 'typed', value: { rank: 'x' }, entityName: 'test-item' },
      { key: 'c', value: 3, entityName: 'no-such-entity' },
    ]);
    expect(set.successfulKeys).toEqual([{ key: 'a' }, { key: 'b', entityName: 'test-item' }]);
    expect(set.failedKeys).toEqual([
      { key: 'bad/key', error: { code: 'INVALID_KEY', message: containing('bad/key') } },
      {
        key: 'typed',
        entityName: 'test-item',
        error: { code: 'INCORRECT_PROPERTY_TYPE', message: containing("'rank'") },
      },
      { key: 'c', entityName: 'no-such-entity', error: { code: 'SCHEMA_NOT_FOUND', message: anyString() } },
    ]);
    expect(await kvs.entity('test-item').get('b')).toEqual({ group: 'g', rank: 1 });
    // Entity queries are eventually consistent: model waiting out the window.
    t.store.settle();
    expect(
      await kvs
        .entity('test-item')
        .query()
        .index('by-group', { partition: ['g'] })
        .getOne(),
    ).toEqual({
      key: 'b',
      value: { group: 'g', rank: 1 },
    });

    const got = await kvs.batchGet([{ key: 'a' }, { key: 'b', entityName: 'test-item' }, { key: 'missing' }]);
    expect(got.successfulKeys).toEqual([
      { key: 'a', value: 1 },
      { key: 'b', entityName: 'test-item', value: { group: 'g', rank: 1 } },
    ]);
    expect(got.failedKeys).toEqual([{ key: 'missing', error: { code: 'KEY_NOT_FOUND', message: anyString() } }]);

    const deleted = await kvs.batchDelete([
      { key: 'a' },
      { key: 'b', entityName: 'test-item' },
      { key: 'never-there' },
    ]);
    expect(deleted).toEqual({
      successfulKeys: [{ key: 'a' }, { key: 'b', entityName: 'test-item' }, { key: 'never-there' }],
      failedKeys: [],
    });
    expect(await kvs.get('a')).toBeUndefined();
    // Entity queries are eventually consistent: model waiting out the window.
    t.store.settle();
    expect(
      await kvs
        .entity('test-item')
        .query()
        .index('by-group', { partition: ['g'] })
        .getOne(),
    ).toBeUndefined();
  });

  it('returns metadata from batchGet when an item asks for it, and honours TTLs', async () => {
    await kvs.batchSet([{ key: 'ttl', value: 'v', options: { ttl: { value: 10, unit: 'SECONDS' } } }]);
    const body = t.store.handle('batch/get', [
      { key: 'ttl', options: { metadataFields: [MetadataField.EXPIRE_TIME] } },
    ]).body;
    expect(JSON.parse(body)).toEqual({
      successfulKeys: [{ key: 'ttl', value: 'v', expireTime: new Date(t.clock.now() + 10_000).toISOString() }],
      failedKeys: [],
    });
    t.clock.advance(10_000);
    expect((await kvs.batchGet([{ key: 'ttl' }])).failedKeys).toHaveLength(1);
  });

  it('fails the whole batch when empty, too big, or a key (+ entity) repeats or is empty', async () => {
    expect((await apiError(kvs.batchSet([]))).code).toBe('EMPTY_BATCH');
    const many = Array.from({ length: 26 }, (_, i) => ({ key: `k${i}`, value: i }));
    expect((await apiError(kvs.batchSet(many))).code).toBe('TOO_MANY_BATCH_ENTITIES');
    await kvs.batchSet(many.slice(0, 25));
    const duplicate = await apiError(kvs.batchGet([{ key: 'k1' }, { key: 'k1' }]));
    expect(duplicate.code).toBe('KEY_DUPLICATION_ERROR');
    expect(duplicate.responseDetails.status).toBe(400);
    const empty = await apiError(kvs.batchDelete([{ key: 'k1' }, { key: '' }]));
    expect(empty.code).toBe('KEY_TOO_SHORT');
    expect(await kvs.get('k1')).toBe(1);
    // Same key in two namespaces is not a duplicate.
    const mixed = await kvs.batchSet<unknown>([
      { key: 'k1', value: 1 },
      { key: 'k1', value: {}, entityName: 'test-item' },
    ]);
    expect(mixed.failedKeys).toEqual([]);
  });
});
