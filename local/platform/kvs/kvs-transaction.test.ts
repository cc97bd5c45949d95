import { Filter, FilterConditions, kvs } from '@forge/kvs';
import { apiError, startTestStore } from './test-support';
import type { TestStore } from './test-support';

interface Item {
  group?: string;
  rank?: number;
  label?: string;
}

let t: TestStore;
beforeEach(() => {
  t = startTestStore();
});
afterEach(() => {
  t.uninstall();
  t.db.close();
});

const items = () => kvs.entity<Item>('test-item');
const entity = { entityName: 'test-item' };
const rankIs = (rank: number) => new Filter<Item>().and('rank', FilterConditions.equalTo(rank));
/** Every row in the store, to prove a failed write left no trace. */
const snapshot = (): unknown[] => t.db.prepare('SELECT * FROM kvs_items ORDER BY ns, entity, key').all();
const indexSnapshot = (): unknown[] =>
  t.db.prepare('SELECT * FROM kvs_index_entries ORDER BY entity, key, index_name').all();

describe('transactions through the real @forge/kvs', () => {
  it('applies sets and deletes of plain keys and entities together', async () => {
    await kvs.set('doomed', 1);
    await items().set('old', { group: 'g', rank: 1 });
    await kvs
      .transact()
      .set('plain', { a: 1 })
      .set('new', { group: 'g', rank: 2 }, entity)
      .delete('doomed')
      .delete('old', entity)
      .execute();
    expect(await kvs.get('plain')).toEqual({ a: 1 });
    expect(await kvs.get('doomed')).toBeUndefined();
    expect(await items().get('old')).toBeUndefined();
    // Entity queries are eventually consistent: model waiting out the window.
    t.store.settle();
    const { results } = await items()
      .query()
      .index('by-group', { partition: ['g'] })
      .getMany();
    expect(results.map((r) => r.key)).toEqual(['new']);
  });

  it('writes when every condition and check holds', async () => {
    await items().set('counter', { rank: 1 });
    await items().set('guard', { label: 'open' });
    await kvs
      .transact()
      .set<Item>('counter', { rank: 2 }, { ...entity, conditions: rankIs(1) })
      .check('guard', { ...entity, conditions: new Filter<Item>().and('label', FilterConditions.equalTo('open')) })
      .set<Item>(
        'fresh',
        { rank: 1 },
        { ...entity, conditions: new Filter<Item>().and('rank', FilterConditions.notExists()) },
      )
      .execute();
    expect(await items().get('counter')).toEqual({ rank: 2 });
    expect(await items().get('fresh')).toEqual({ rank: 1 });
  });

  it('answers 400 CONDITIONAL_CHECK_FAILED, as Forge does, and writes nothing when a condition fails', async () => {
    await items().set('counter', { group: 'g', rank: 5 });
    await kvs.set('keep', 'me');
    const before = [snapshot(), indexSnapshot()];
    const error = await apiError(
      kvs
        .transact()
        .set<Item>('counter', { group: 'h', rank: 6 }, { ...entity, conditions: rankIs(5) })
        .set('side-effect', 'x')
        .delete('keep')
        .check('missing', { ...entity, conditions: rankIs(1) })
        .execute(),
    );
    expect(error.code).toBe('CONDITIONAL_CHECK_FAILED');
    expect(error.responseDetails.status).toBe(400);
    expect(error.message).toContain(
      "check[0]: conditions on key 'missing' of entity 'test-item' not met (it does not exist)",
    );
    expect([snapshot(), indexSnapshot()]).toEqual(before);
  });

  it('fails a condition on an existing item whose attributes do not match', async () => {
    await items().set('counter', { rank: 5 });
    const error = await apiError(
      kvs
        .transact()
        .delete<Item>('counter', { ...entity, conditions: rankIs(4) })
        .execute(),
    );
    expect(error.message).toContain('do not match');
    expect(await items().get('counter')).toEqual({ rank: 5 });
  });

  it('leaves no trace when the 25th operation fails validation', async () => {
    const before = [snapshot(), indexSnapshot()];
    const tx = kvs.transact();
    for (let i = 0; i < 24; i++) tx.set(`ok-${i}`, { group: 'g', rank: i }, entity);
    tx.set('bad', { rank: 'not a number' } as unknown as Item, entity);
    const error = await apiError(tx.execute());
    expect(error.code).toBe('INCORRECT_PROPERTY_TYPE');
    expect(error.message).toMatch(/^set\[24\]: attribute 'rank'/);
    expect([snapshot(), indexSnapshot()]).toEqual(before);
  });

  it('rejects more than 25 operations, repeated keys, empty transactions and checks without conditions', async () => {
    const big = kvs.transact();
    for (let i = 0; i < 26; i++) big.set(`k${i}`, i);
    const tooMany = await apiError(big.execute());
    expect([tooMany.code, tooMany.responseDetails.status]).toEqual(['TOO_MANY_OPERATIONS', 422]);
    const twice = await apiError(kvs.transact().set('k', 1).delete('k').execute());
    expect(twice.code).toBe('KEY_DUPLICATION_ERROR');
    // The same key in a different entity (or as a plain key) is a different item.
    await kvs.transact().set('k', 1).set('k', { rank: 1 }, entity).execute();
    expect((await apiError(kvs.transact().execute())).code).toBe('EMPTY_TRANSACTION');
    const check = t.store.handle('transaction', { check: [{ key: 'k', entityName: 'test-item' }] });
    expect(JSON.parse(check.body)).toMatchObject({ code: 'INVALID_CHECK' });
    const plainCondition = t.store.handle('transaction', {
      set: [{ key: 'k', value: 1, conditions: { and: [{ property: 'rank', condition: 'EXISTS', values: [true] }] } }],
    });
    expect(plainCondition.status).toBe(400);
    expect(await kvs.get('k')).toBe(1);
  });
});
