import { kvs, MetadataField, WhereConditions } from '@forge/kvs';
import { UnsupportedByLocalRuntime } from '../types';
import { apiError, containing, startTestStore } from './test-support';
import type { TestStore } from './test-support';

let t: TestStore;
beforeEach(() => {
  t = startTestStore();
});
afterEach(() => {
  t.uninstall();
  t.db.close();
});

describe('plain KVS through the real @forge/kvs', () => {
  it('round-trips JSON values of every kind and deletes them', async () => {
    const values: unknown[] = ['text', 42, 0, false, [1, 'two'], { nested: { deep: [true] } }];
    for (const [i, value] of values.entries()) {
      await kvs.set(`value:${i}`, value);
      expect(await kvs.get(`value:${i}`)).toEqual(value);
    }
    await kvs.delete('value:0');
    expect(await kvs.get('value:0')).toBeUndefined();
  });

  it('answers undefined for missing keys and treats deleting one as done', async () => {
    expect(await kvs.get('missing')).toBeUndefined();
    await expect(kvs.delete('missing')).resolves.toBeUndefined();
    expect(t.store.handle('delete', { key: 'missing' })).toMatchObject({ status: 404 });
    expect(JSON.parse(t.store.handle('get', { key: 'missing' }).body)).toEqual({
      code: 'KEY_NOT_FOUND',
      message: "key 'missing' does not exist",
    });
  });

  it('returns metadata only when asked, with createdAt kept across updates', async () => {
    const created = t.clock.now();
    await kvs.set('meta', 1);
    t.clock.advance(5000);
    await kvs.set('meta', 2, { ttl: { value: 1, unit: 'HOURS' } });
    const all = await kvs.get('meta', {
      metadataFields: [MetadataField.CREATED_AT, MetadataField.UPDATED_AT, MetadataField.EXPIRE_TIME],
    });
    expect(all).toEqual({
      key: 'meta',
      value: 2,
      createdAt: created,
      updatedAt: created + 5000,
      expireTime: new Date(created + 5000 + 3_600_000).toISOString(),
    });
    expect(
      JSON.parse(t.store.handle('get', { key: 'meta', options: { metadataFields: ['UPDATED_AT'] } }).body),
    ).toEqual({
      key: 'meta',
      value: 2,
      updatedAt: created + 5000,
    });
    expect(JSON.parse(t.store.handle('get', { key: 'meta' }).body)).toEqual({ key: 'meta', value: 2 });
  });

  it('rejects FAIL_IF_EXISTS on an existing key with 409 and keeps the old value', async () => {
    await kvs.set('once', 'first', { keyPolicy: 'FAIL_IF_EXISTS' });
    const error = await apiError(kvs.set('once', 'second', { keyPolicy: 'FAIL_IF_EXISTS' }));
    expect(error.code).toBe('KEY_CONFLICT');
    expect(error.responseDetails.status).toBe(409);
    expect(error.message).toContain("'once'");
    expect(await kvs.get('once')).toBe('first');
  });

  it('returns the previous or latest value when asked', async () => {
    expect(await kvs.set('rv', 'a', { keyPolicy: 'OVERRIDE', returnValue: 'PREVIOUS' })).toBeUndefined();
    t.clock.advance(1000);
    const previous = await kvs.set('rv', 'b', {
      keyPolicy: 'OVERRIDE',
      returnValue: 'PREVIOUS',
      returnMetadataFields: [MetadataField.CREATED_AT],
    });
    expect(previous).toEqual({ key: 'rv', value: 'a', createdAt: t.clock.now() - 1000 });
    const latest = await kvs.set('rv', 'c', {
      keyPolicy: 'OVERRIDE',
      returnValue: 'LATEST',
      returnMetadataFields: [MetadataField.UPDATED_AT],
    });
    expect(latest).toEqual({ key: 'rv', value: 'c', updatedAt: t.clock.now() });
    await expect(kvs.set('rv', 'd')).resolves.toBeUndefined();
  });

  it('hides expired items from get and query, and lets FAIL_IF_EXISTS reuse their key', async () => {
    await kvs.set('ttl:short', 'x', { ttl: { value: 30, unit: 'SECONDS' } });
    await kvs.set('ttl:long', 'y', { ttl: { value: 2, unit: 'DAYS' } });
    t.clock.advance(29_000);
    expect(await kvs.get('ttl:short')).toBe('x');
    t.clock.advance(1000);
    expect(await kvs.get('ttl:short')).toBeUndefined();
    const { results } = await kvs.query().where('key', WhereConditions.beginsWith('ttl:')).getMany();
    expect(results.map((r) => r.key)).toEqual(['ttl:long']);
    await kvs.set('ttl:short', 'new', { keyPolicy: 'FAIL_IF_EXISTS' });
    expect(await kvs.get('ttl:short', { metadataFields: [MetadataField.CREATED_AT] })).toEqual({
      key: 'ttl:short',
      value: 'new',
      createdAt: t.clock.now(),
    });
  });

  it('rejects TTLs above one year or not positive', async () => {
    expect((await apiError(kvs.set('k', 1, { ttl: { value: 366, unit: 'DAYS' } }))).code).toBe('INVALID_TTL');
    expect((await apiError(kvs.set('k', 1, { ttl: { value: 0, unit: 'SECONDS' } }))).code).toBe('INVALID_TTL');
    await kvs.set('k', 1, { ttl: { value: 365, unit: 'DAYS' } });
  });

  it.each([
    ['an empty key', '', 'KEY_TOO_SHORT'],
    ['a whitespace-only key', '   ', 'INVALID_KEY'],
    ['a key with a slash', 'a/b', 'INVALID_KEY'],
    ['a 501-character key', 'x'.repeat(501), 'KEY_TOO_LONG'],
  ])('rejects %s with %s', async (_name, key, code) => {
    const error = await apiError(kvs.set(key, 1));
    expect(error.code).toBe(code);
    expect(error.responseDetails.status).toBe(400);
    expect((await apiError(kvs.get(key))).code).toBe(code);
  });

  it('accepts the characters the key regex allows, up to 500 of them', async () => {
    const key = 'Aa0:._ -#'.padEnd(500, 'z');
    await kvs.set(key, 'ok');
    expect(await kvs.get(key)).toBe('ok');
  });

  it('enforces the 240 KiB size and depth 31 limits', async () => {
    await kvs.set('big', 'x'.repeat(240 * 1024 - 2));
    const size = await apiError(kvs.set('too-big', 'x'.repeat(240 * 1024)));
    expect(size.code).toBe('MAX_SIZE');
    const nest = (depth: number): unknown => (depth === 0 ? 1 : { d: nest(depth - 1) });
    // Depth 31 (limits page), stricter than the 32 of the error-codes page.
    await kvs.set('deep', nest(31));
    expect((await apiError(kvs.set('too-deep', nest(32)))).code).toBe('MAX_DEPTH');
    expect((await apiError(kvs.set('null', null))).code).toBe('INVALID_VALUE');
  });

  it('queries by prefix in key order, paging with the cursor across three pages', async () => {
    for (let i = 0; i < 25; i++) await kvs.set(`page:${String(i).padStart(2, '0')}`, i);
    await kvs.set('other:1', 'not in the prefix');
    await kvs.setSecret('page:secret', 'never listed');
    const pages: number[][] = [];
    let cursor: string | undefined;
    do {
      const query = kvs.query().where('key', WhereConditions.beginsWith('page:')).limit(10);
      const { results, nextCursor } = await (cursor === undefined ? query : query.cursor(cursor)).getMany<number>();
      pages.push(results.map((r) => r.value));
      cursor = nextCursor;
    } while (cursor !== undefined);
    expect(pages.map((p) => p.length)).toEqual([10, 10, 5]);
    expect(pages.flat()).toEqual([...Array(25).keys()]);
  });

  it('returns metadata in query results when asked', async () => {
    await kvs.set('q:ttl', 1, { ttl: { value: 1, unit: 'MINUTES' } });
    await kvs.set('q:plain', 2);
    const { results } = await kvs
      .query({ metadataFields: [MetadataField.EXPIRE_TIME, MetadataField.CREATED_AT] })
      .where('key', WhereConditions.beginsWith('q:'))
      .getMany();
    expect(results).toEqual([
      { key: 'q:plain', value: 2, createdAt: t.clock.now() },
      { key: 'q:ttl', value: 1, createdAt: t.clock.now(), expireTime: new Date(t.clock.now() + 60_000).toISOString() },
    ]);
  });

  it('refuses returnValue together with FAIL_IF_EXISTS', () => {
    const options = { keyPolicy: 'FAIL_IF_EXISTS', returnValue: 'LATEST' };
    expect(JSON.parse(t.store.handle('set', { key: 'k', value: 1, options }).body)).toMatchObject({
      code: 'INVALID_SET_OPTIONS',
    });
  });

  it('lists everything with the default limit of 10 and getOne', async () => {
    for (let i = 0; i < 12; i++) await kvs.set(`k${String(i).padStart(2, '0')}`, i);
    const { results, nextCursor } = await kvs.query().getMany();
    expect(results).toHaveLength(10);
    expect(nextCursor).toEqual(expect.any(String));
    expect(await kvs.query().where('key', WhereConditions.beginsWith('k11')).getOne()).toEqual({
      key: 'k11',
      value: 11,
    });
  });

  it('validates query limits, where clauses and cursors', async () => {
    expect((await apiError(kvs.query().limit(101).getMany())).code).toBe('LIST_QUERY_LIMIT_EXCEEDED');
    expect((await apiError(kvs.query().limit(0).getMany())).code).toBe('LIST_QUERY_LIMIT_EXCEEDED');
    expect((await apiError(kvs.query().cursor('forged').getMany())).code).toBe('INVALID_CURSOR');
    const where = (w: unknown) => JSON.parse(t.store.handle('query', { where: w }).body) as { code: string };
    expect(where([{ property: 'value', condition: 'BEGINS_WITH', values: ['a'] }]).code).toBe(
      'QUERY_WHERE_FIELD_INVALID',
    );
    expect(where([{ property: 'key', condition: 'EQUAL_TO', values: ['a'] }]).code).toBe('QUERY_WHERE_INVALID');
  });

  it('keeps secrets in their own namespace', async () => {
    await kvs.setSecret('token', { secret: 's3cr3t' });
    await kvs.set('token', 'plain');
    expect(await kvs.getSecret('token')).toEqual({ secret: 's3cr3t' });
    expect(await kvs.get('token')).toBe('plain');
    expect((await kvs.query().getMany()).results).toEqual([{ key: 'token', value: 'plain' }]);
    await kvs.deleteSecret('token');
    expect(await kvs.getSecret('token')).toBeUndefined();
    expect(await kvs.get('token')).toBe('plain');
    await expect(kvs.deleteSecret('token')).resolves.toBeUndefined();
  });

  it('answers malformed bodies with 400 naming the field, and throws for unknown operations', () => {
    const response = t.store.handle('set', { key: 7, value: 1 });
    expect(response.status).toBe(400);
    expect(JSON.parse(response.body)).toMatchObject({
      code: 'INVALID_REQUEST_BODY',
      message: containing('key'),
    });
    expect(() => t.store.handle('list', {})).toThrow(UnsupportedByLocalRuntime);
    expect(() => t.store.handle('list', {})).toThrow(/'list'/);
  });
});
