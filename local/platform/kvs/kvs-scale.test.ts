import { kvs, Sort, WhereConditions } from '@forge/kvs';
import { scanSql } from './entity-scan';
import { ENTRIES_OF_ITEM } from './item-table';
import type { ScanPlan } from './entity-scan';
import { startTestStore } from './test-support';
import type { TestStore } from './test-support';

interface Objective {
  cycleId: string;
  shard: number;
  teamId: string;
  updatedAt: string;
}

const ROWS = 20_000;
const pad = (n: number, width: number) => String(n).padStart(width, '0');
const objectiveOf = (i: number): Objective => ({
  cycleId: i % 2 === 0 ? 'c1' : 'c2',
  shard: i % 16,
  teamId: `team-${i % 200}`,
  // Several rows share an updatedAt, so ties are ordered by key.
  updatedAt: `2026-01-${pad((i % 28) + 1, 2)}`,
});
const keyOf = (i: number) => `obj-${pad(i, 5)}`;

let t: TestStore;
beforeAll(async () => {
  t = startTestStore();
  for (let start = 0; start < ROWS; start += 25) {
    const batch = Array.from({ length: 25 }, (_, j) => start + j).map((i) => ({
      key: keyOf(i),
      value: objectiveOf(i),
      entityName: 'test-scale',
    }));
    const { failedKeys } = await kvs.batchSet(batch);
    expect(failedKeys).toEqual([]);
  }
  // Entity queries are eventually consistent: model waiting out the window once the data is in.
  t.store.settle();
}, 120_000);
afterAll(() => {
  t.uninstall();
  t.db.close();
});

/** What a partition should return, sorted as Forge sorts: by range value, then key. */
const expectedKeys = (test: (o: Objective) => boolean, sort: 'ASC' | 'DESC' = 'ASC') => {
  const rows = Array.from({ length: ROWS }, (_, i) => ({ key: keyOf(i), value: objectiveOf(i) })).filter((r) =>
    test(r.value),
  );
  rows.sort((a, b) => a.value.updatedAt.localeCompare(b.value.updatedAt) || a.key.localeCompare(b.key));
  const keys = rows.map((r) => r.key);
  return sort === 'ASC' ? keys : keys.reverse();
};

describe('a 20,000-row entity', () => {
  it('pages through one partition of a two-attribute index completely and in order', async () => {
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const query = kvs
        .entity<Objective>('test-scale')
        .query()
        .index('by-cycle-shard', { partition: ['c1', 6] })
        .limit(100);
      const { results, nextCursor } = await (cursor === undefined ? query : query.cursor(cursor)).getMany();
      seen.push(...results.map((r) => r.key));
      cursor = nextCursor;
    } while (cursor !== undefined);
    expect(seen).toEqual(expectedKeys((o) => o.cycleId === 'c1' && o.shard === 6));
    expect(seen).toHaveLength(1250);
  });

  it('answers a partition with a range condition, sorted DESC', async () => {
    const { results } = await kvs
      .entity<Objective>('test-scale')
      .query()
      .index('by-cycle-team', { partition: ['c2', 'team-7'] })
      .where(WhereConditions.between('2026-01-10', '2026-01-20'))
      .sort(Sort.DESC)
      .getMany();
    const all = expectedKeys(
      (o) => o.cycleId === 'c2' && o.teamId === 'team-7' && o.updatedAt >= '2026-01-10' && o.updatedAt <= '2026-01-20',
      'DESC',
    );
    expect(results.map((r) => r.key)).toEqual(all.slice(0, 10));
    expect(all.length).toBeGreaterThan(10);
  });

  it('answers by-key range queries over the whole entity', async () => {
    const { results } = await kvs
      .entity('test-scale')
      .query()
      .index('by-key')
      .where(WhereConditions.greaterThan('obj-19990'))
      .limit(100)
      .getMany();
    expect(results.map((r) => r.key)).toEqual(Array.from({ length: 9 }, (_, i) => keyOf(19991 + i)));
  });

  it.each<[string, Partial<ScanPlan>, RegExp]>([
    ['a partition', {}, /^SEARCH e USING PRIMARY KEY \(entity=\? AND index_name=\? AND partition=\?\)$/],
    [
      'a partition with a range, continuing DESC after a cursor',
      { range: { condition: 'GREATER_THAN', values: ['2026'] }, sort: 'DESC', after: { range: '2027', key: 'k' } },
      /^SEARCH e USING PRIMARY KEY \(entity=\? AND index_name=\? AND partition=\? AND range_value>\? AND \(range_value,key\)<\(\?,\?\)\)$/,
    ],
    ['the by-key index', { byKey: true }, /^SEARCH i USING PRIMARY KEY \(ns=\? AND entity=\?\)$/],
  ])('seeks straight to %s (no full scan, no sort)', (_name, overrides, expected) => {
    const plan: ScanPlan = {
      entity: 'test-scale',
      indexName: 'by-cycle-shard',
      byKey: false,
      partition: '["c1",6]',
      range: undefined,
      filters: undefined,
      sort: 'ASC',
      after: undefined,
      limit: 10,
      now: 0,
      hidden: new Map(),
      ...overrides,
    };
    const params = {
      entity: 'test-scale',
      index: 'by-cycle-shard',
      partition: '["c1",6]',
      now: 0,
      take: 11,
      r0: '2026',
      cr: '2027',
      ck: 'k',
    };
    const steps = t.db.prepare(`EXPLAIN QUERY PLAN ${scanSql(plan, plan.after !== undefined)}`).all(params) as {
      detail: string;
    }[];
    expect(steps.map((s) => s.detail)).toEqual([expect.stringMatching(expected)]);
  });

  it("finds an item's own index entries through the by-item index when it is rewritten (seeding stays linear)", () => {
    const steps = t.db
      .prepare(`EXPLAIN QUERY PLAN DELETE FROM ${ENTRIES_OF_ITEM}`)
      .all({ entity: 'test-scale', key: 'k' }) as { detail: string }[];
    expect(steps.map((s) => s.detail)).toEqual([
      'SEARCH kvs_index_entries USING INDEX kvs_index_entries_by_item (entity=? AND key=?)',
    ]);
  });
});
