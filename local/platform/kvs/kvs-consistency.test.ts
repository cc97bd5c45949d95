import { setTimeout as sleep } from 'node:timers/promises';
import { Filter, FilterConditions, kvs, Sort, WhereConditions } from '@forge/kvs';
import { startTestStore } from './test-support';
import type { TestStore } from './test-support';
import { RecentWrites } from './recent-writes';
import { STRICT_DEFAULTS } from './strict-defaults';

interface Item {
  group?: string;
  rank?: number;
  label?: string;
}

let t: TestStore;
afterEach(() => {
  t.uninstall();
  t.db.close();
});

const items = () => kvs.entity<Item>('test-item');
const byGroup = (group = 'g') =>
  items()
    .query()
    .index('by-group', { partition: [group] })
    .limit(100);
const keys = (results: { key: string }[]) => results.map((r) => r.key);

describe('entity queries are eventually consistent (get is not)', () => {
  it('is on by default, with a 1 s window', async () => {
    expect(STRICT_DEFAULTS.queryVisibilityMs).toBe(1000);
    t = startTestStore();
    await items().set('fresh', { group: 'g', rank: 1 });
    expect(await items().get('fresh')).toEqual({ group: 'g', rank: 1 });
    expect((await byGroup().getMany()).results).toEqual([]);
    expect((await items().query().index('by-key').getMany()).results).toEqual([]);
  });

  it('shows a fresh write once the window has passed in real time, even with the app clock frozen', async () => {
    t = startTestStore(':memory:', { queryVisibilityMs: 150 });
    await items().set('fresh', { group: 'g', rank: 1 });
    expect((await byGroup().getMany()).results).toEqual([]);
    await sleep(200);
    expect((await byGroup().getMany()).results).toEqual([{ key: 'fresh', value: { group: 'g', rank: 1 } }]);
  });

  it('shows writes made in a transaction or a batch only after the window too', async () => {
    t = startTestStore();
    await kvs.transact().set('tx', { group: 'g', rank: 1 }, { entityName: 'test-item' }).execute();
    await kvs.batchSet([{ key: 'batch', value: { group: 'g', rank: 2 }, entityName: 'test-item' }]);
    expect((await byGroup().getMany()).results).toEqual([]);
    expect((await kvs.batchGet([{ key: 'tx', entityName: 'test-item' }])).successfulKeys).toHaveLength(1);
    t.store.settle();
    expect(keys((await byGroup().getMany()).results)).toEqual(['tx', 'batch']);
  });

  it('shows nothing of a failed transaction', async () => {
    t = startTestStore();
    await items().set('a', { group: 'g', rank: 1 });
    t.store.settle();
    const failing = kvs
      .transact()
      .set('a', { group: 'h', rank: 9 }, { entityName: 'test-item' })
      .check('missing', {
        entityName: 'test-item',
        conditions: new Filter<Item>().and('rank', FilterConditions.exists()),
      });
    await expect(failing.execute()).rejects.toThrow();
    expect(keys((await byGroup().getMany()).results)).toEqual(['a']);
  });

  it('sees the state as of the window: previous values keep their place in order, filters and cursors', async () => {
    t = startTestStore();
    for (const rank of [1, 2, 3, 4, 5]) await items().set(`k${rank}`, { group: 'g', rank, label: 'old' });
    t.store.settle();
    await items().set('k2', { group: 'g', rank: 9, label: 'new' }); // moves to the end, unseen
    await items().delete('k4'); // unseen delete
    await items().set('k6', { group: 'g', rank: 6, label: 'new' }); // unseen insert
    const page1 = await byGroup().limit(2).getMany();
    expect(page1.results).toEqual([
      { key: 'k1', value: { group: 'g', rank: 1, label: 'old' } },
      { key: 'k2', value: { group: 'g', rank: 2, label: 'old' } },
    ]);
    const page2 = await byGroup()
      .limit(2)
      .cursor(page1.nextCursor ?? '')
      .getMany();
    expect(keys(page2.results)).toEqual(['k3', 'k4']);
    const page3 = await byGroup()
      .limit(2)
      .cursor(page2.nextCursor ?? '')
      .getMany();
    expect([keys(page3.results), page3.nextCursor]).toEqual([['k5'], undefined]);
    const desc = await byGroup().sort(Sort.DESC).where(WhereConditions.lessThan(5)).getMany();
    expect(keys(desc.results)).toEqual(['k4', 'k3', 'k2', 'k1']);
    const old = await byGroup()
      .filters(new Filter<Item>().and('label', FilterConditions.equalTo('old')))
      .getMany();
    expect(keys(old.results)).toEqual(['k1', 'k2', 'k3', 'k4', 'k5']);
    t.store.settle();
    expect(keys((await byGroup().getMany()).results)).toEqual(['k1', 'k3', 'k5', 'k6', 'k2']);
  });

  it('leaves plain kvs.query strongly consistent: the docs call only entity queries eventually consistent', async () => {
    t = startTestStore();
    await kvs.set('plain:1', 1);
    expect((await kvs.query().where('key', WhereConditions.beginsWith('plain:')).getMany()).results).toEqual([
      { key: 'plain:1', value: 1 },
    ]);
  });

  it('can be switched off (window 0): queries read their own writes', async () => {
    t = startTestStore(':memory:', { queryVisibilityMs: 0 });
    await items().set('fresh', { group: 'g', rank: 1 });
    expect(keys((await byGroup().getMany()).results)).toEqual(['fresh']);
  });
});

describe('RecentWrites', () => {
  it('shows each item as it was before its oldest write younger than the window', () => {
    let now = 0;
    const recent = new RecentWrites(100, () => now);
    const snapshot = (rank: number) => ({
      item: { key: 'k', value: { rank }, createdAt: 0, updatedAt: 0, expireAt: null },
      attributes: JSON.stringify({ rank }),
      entries: [],
    });
    recent.record('e', 'k', undefined);
    now = 50;
    recent.record('e', 'k', snapshot(1));
    expect(recent.hidden('e').get('k')).toBeUndefined();
    expect(recent.hidden('e').has('k')).toBe(true);
    now = 100; // the first write is now visible, the second not yet
    expect(recent.hidden('e').get('k')).toEqual(snapshot(1));
    now = 150;
    expect(recent.hidden('e').has('k')).toBe(false);
    expect(recent.pendingCount()).toBe(0);
  });
});
