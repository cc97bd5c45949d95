import { Filter, FilterConditions, kvs, MetadataField, Sort, WhereConditions } from '@forge/kvs';
import { apiError, containing, manifestEntities, startTestStore } from './test-support';
import type { TestStore } from './test-support';

interface Item {
  group: string;
  region: string;
  label: string;
  rank?: number;
  score: number;
  active: boolean;
  tags: string[];
}

const pad = (n: number) => String(n).padStart(2, '0');
/** 30 items: ranks 1-30; every third in g2; odd north, even south; every fourth active; every fifth tagged. */
const DATA: [string, Item][] = Array.from({ length: 30 }, (_, n) => {
  const i = n + 1;
  return [
    `item-${pad(i)}`,
    {
      group: i % 3 === 0 ? 'g2' : 'g1',
      region: i % 2 === 1 ? 'north' : 'south',
      label: `${i % 2 === 1 ? 'odd' : 'even'}-${pad(i)}`,
      rank: i,
      score: i / 10,
      active: i % 4 === 0,
      tags: i % 5 === 0 ? ['five', `t${i}`] : [],
    },
  ];
});
/** Not in by-group: it has no rank. */
const UNRANKED: [string, Item] = [
  'item-unranked',
  { group: 'g1', region: 'north', label: 'odd-xx', score: 9, active: false, tags: [] },
];

const items = () => kvs.entity<Item>('test-item');
const keys = (results: { key: string }[]) => results.map((r) => r.key);
const expected = (test: (item: Item, key: string) => boolean) => DATA.filter(([k, v]) => test(v, k)).map(([k]) => k);
const g1 = (v: Item) => v.group === 'g1';

let t: TestStore;
beforeAll(async () => {
  t = startTestStore();
  for (let i = 0; i < DATA.length; i += 10)
    await kvs.batchSet(DATA.slice(i, i + 10).map(([key, value]) => ({ key, value, entityName: 'test-item' })));
  await items().set(...UNRANKED);
  // Entity queries are eventually consistent: model waiting out the window once the data is in.
  t.store.settle();
});
afterAll(() => {
  t.uninstall();
  t.db.close();
});

const byGroup = (group = 'g1') =>
  items()
    .query()
    .index('by-group', { partition: [group] })
    .limit(100);

describe('entity query through the real @forge/kvs', () => {
  it('returns one partition in range order, skipping items without the range attribute', async () => {
    const { results, nextCursor } = await byGroup().getMany();
    expect(keys(results)).toEqual(expected(g1));
    expect(results[0]).toEqual({ key: 'item-01', value: DATA[0]?.[1] });
    expect(nextCursor).toBeUndefined();
  });

  it.each([
    ['equalTo', WhereConditions.equalTo(4), (r: number) => r === 4],
    ['greaterThan', WhereConditions.greaterThan(20), (r: number) => r > 20],
    ['greaterThanEqualTo', WhereConditions.greaterThanEqualTo(20), (r: number) => r >= 20],
    ['lessThan', WhereConditions.lessThan(5), (r: number) => r < 5],
    ['lessThanEqualTo', WhereConditions.lessThanEqualTo(5), (r: number) => r <= 5],
    ['between', WhereConditions.between(7, 14), (r: number) => r >= 7 && r <= 14],
  ])('applies the %s range condition', async (_name, condition, test) => {
    const { results } = await byGroup().where(condition).getMany();
    expect(keys(results)).toEqual(expected((v) => g1(v) && test(v.rank ?? NaN)));
  });

  it('applies beginsWith on a string range with a two-attribute partition', async () => {
    const { results } = await items()
      .query()
      .index('by-group-region', { partition: ['g1', 'north'] })
      .where(WhereConditions.beginsWith('odd-1'))
      .getMany();
    expect(keys(results)).toEqual(expected((v) => g1(v) && v.region === 'north' && v.label.startsWith('odd-1')));
  });

  it('queries a simple index (range = the attribute, no partition) and the built-in by-key index', async () => {
    const simple = await items().query().index('label').where(WhereConditions.beginsWith('even-2')).getMany();
    expect(keys(simple.results)).toEqual(['item-20', 'item-22', 'item-24', 'item-26', 'item-28']);
    const byKey = await items()
      .query()
      .index('by-key')
      .where(WhereConditions.beginsWith('item-2'))
      .sort(Sort.DESC)
      .getMany();
    expect(keys(byKey.results)).toEqual(expected((_v, k) => k.startsWith('item-2')).reverse());
  });

  it('indexes booleans and floats', async () => {
    const { results } = await items()
      .query()
      .index('by-active', { partition: [true] })
      .where(WhereConditions.between(0.8, 2))
      .getMany();
    expect(keys(results)).toEqual(expected((v) => v.active && v.score >= 0.8 && v.score <= 2));
  });

  it('sorts DESC by the range attribute', async () => {
    const { results } = await byGroup().sort(Sort.DESC).limit(3).getMany();
    expect(keys(results)).toEqual(expected(g1).reverse().slice(0, 3));
  });

  it.each<[string, keyof Item, Parameters<Filter<Item>['and']>[1], (v: Item) => boolean]>([
    ['contains on a string', 'label', FilterConditions.contains('-1'), (v) => v.label.includes('-1')],
    ['contains on a list (any attribute)', 'tags', FilterConditions.contains('five'), (v) => v.tags.includes('five')],
    ['notContains', 'tags', FilterConditions.notContains('five'), (v) => !v.tags.includes('five')],
    ['equalTo', 'active', FilterConditions.equalTo(true), (v) => v.active],
    ['notEqualTo', 'active', FilterConditions.notEqualTo(true), (v) => !v.active],
    ['exists', 'region', FilterConditions.exists(), () => true],
    ['notExists', 'region', FilterConditions.notExists(), () => false],
    ['beginsWith', 'label', FilterConditions.beginsWith('even'), (v) => v.label.startsWith('even')],
    ['between', 'score', FilterConditions.between(1, 2), (v) => v.score >= 1 && v.score <= 2],
    ['greaterThan', 'score', FilterConditions.greaterThan(2.5), (v) => v.score > 2.5],
    ['greaterThanEqualTo', 'score', FilterConditions.greaterThanEqualTo(2.5), (v) => v.score >= 2.5],
    ['lessThan', 'label', FilterConditions.lessThan('even-10'), (v) => v.label < 'even-10'],
    ['lessThanEqualTo', 'score', FilterConditions.lessThanEqualTo(0.5), (v) => v.score <= 0.5],
  ])('filters with %s', async (_name, attribute, condition, test) => {
    const { results } = await byGroup().filters(new Filter<Item>().and(attribute, condition)).getMany();
    expect(keys(results)).toEqual(expected((v) => g1(v) && test(v)));
  });

  it('combines filters with and / or', async () => {
    const and = new Filter<Item>()
      .and('region', FilterConditions.equalTo('south'))
      .and('score', FilterConditions.greaterThan(1));
    expect(keys((await byGroup().filters(and).getMany()).results)).toEqual(
      expected((v) => g1(v) && v.region === 'south' && v.score > 1),
    );
    const or = new Filter<Item>()
      .or('active', FilterConditions.equalTo(true))
      .or('label', FilterConditions.beginsWith('odd-0'));
    expect(keys((await byGroup().filters(or).getMany()).results)).toEqual(
      expected((v) => g1(v) && (v.active || v.label.startsWith('odd-0'))),
    );
  });

  it('pages with the cursor, with filters and DESC, returning metadata when asked', async () => {
    const filter = new Filter<Item>().and('region', FilterConditions.equalTo('north'));
    const seen: string[] = [];
    let cursor: string | undefined;
    let pages = 0;
    do {
      const query = items()
        .query({ metadataFields: [MetadataField.UPDATED_AT] })
        .index('by-group', { partition: ['g1'] })
        .filters(filter)
        .sort(Sort.DESC)
        .limit(3);
      const { results, nextCursor } = await (cursor === undefined ? query : query.cursor(cursor)).getMany();
      expect(results.every((r) => 'updatedAt' in r)).toBe(true);
      seen.push(...keys(results));
      cursor = nextCursor;
      pages++;
    } while (cursor !== undefined);
    const all = expected((v) => g1(v) && v.region === 'north').reverse();
    expect(seen).toEqual(all);
    expect(pages).toBe(Math.ceil(all.length / 3));
  });

  it('moves items between partitions on update and drops them on delete, once queries see the writes', async () => {
    const moving = { region: 'x', label: 'm', rank: 1, score: 1, active: false, tags: [] };
    const groups = async () => ({
      g9: (await byGroup('g9').getMany()).results,
      g8: (await byGroup('g8').getMany()).results,
    });
    await items().set('moving', { ...moving, group: 'g9' });
    // A fresh insert is not in query results until the visibility window has passed.
    expect(await groups()).toEqual({ g9: [], g8: [] });
    t.store.settle();
    expect(await groups()).toEqual({ g9: [{ key: 'moving', value: { ...moving, group: 'g9' } }], g8: [] });
    await items().set('moving', { ...moving, group: 'g8' });
    // Queries still see the previous value; get sees the new one.
    expect(await groups()).toEqual({ g9: [{ key: 'moving', value: { ...moving, group: 'g9' } }], g8: [] });
    expect(await items().get('moving')).toEqual({ ...moving, group: 'g8' });
    t.store.settle();
    expect(await groups()).toEqual({ g9: [], g8: [{ key: 'moving', value: { ...moving, group: 'g8' } }] });
    await items().delete('moving');
    // A deleted item still shows in queries for a while.
    expect((await groups()).g8).toEqual([{ key: 'moving', value: { ...moving, group: 'g8' } }]);
    t.store.settle();
    expect(await groups()).toEqual({ g9: [], g8: [] });
  });

  it('serves every entity the real manifest declares', async () => {
    for (const { name } of manifestEntities()) {
      await expect(kvs.entity(name).query().index('by-key').getMany()).resolves.toEqual({ results: [] });
    }
  });
});

describe('entity query errors', () => {
  const raw = (body: Record<string, unknown>) => {
    const response = t.store.handle('entity/query', {
      entityName: 'test-item',
      indexName: 'by-group',
      partition: ['g1'],
      ...body,
    });
    return { status: response.status, ...(JSON.parse(response.body) as { code?: string; message?: string }) };
  };

  it('rejects limits outside 1-100', async () => {
    for (const limit of [0, 101]) {
      const error = await apiError(byGroup().limit(limit).getMany());
      expect(error.code).toBe('COMPLEX_QUERY_PAGE_LIMIT_NOT_IN_RANGE');
      expect(error.responseDetails.status).toBe(400);
    }
  });

  it('rejects unknown indexes and missing, short or mistyped partitions', async () => {
    expect((await apiError(items().query().index('by-nothing').getMany())).code).toBe('INVALID_ENTITY_INDEX');
    expect((await apiError(items().query().index('by-group').getMany())).code).toBe('INVALID_PARTITION');
    const short = await apiError(
      items()
        .query()
        .index('by-group-region', { partition: ['g1'] })
        .getMany(),
    );
    expect(short.code).toBe('INVALID_PARTITION');
    expect(short.message).toContain('[group, region]');
    expect(
      (
        await apiError(
          items()
            .query()
            .index('by-group', { partition: [1] })
            .getMany(),
        )
      ).code,
    ).toBe('INVALID_PARTITION');
    expect(
      (
        await apiError(
          items()
            .query()
            .index('by-key', { partition: ['x'] })
            .getMany(),
        )
      ).code,
    ).toBe('INVALID_PARTITION');
  });

  it('rejects tampered and foreign cursors', async () => {
    const { nextCursor } = await byGroup().limit(2).getMany();
    expect(nextCursor).toEqual(expect.any(String));
    const cursor = nextCursor ?? '';
    const tampered = `${cursor.slice(0, 5)}${cursor[5] === 'A' ? 'B' : 'A'}${cursor.slice(6)}`;
    expect((await apiError(byGroup().cursor(tampered).getMany())).code).toBe('INVALID_CURSOR');
    const foreign = await apiError(items().query().index('label').cursor(cursor).getMany());
    expect(foreign.code).toBe('INVALID_CURSOR');
  });

  it('rejects bad range conditions and filters with specific codes', () => {
    expect(raw({ range: { condition: 'CONTAINS', values: ['x'] } })).toMatchObject({
      status: 400,
      code: 'INVALID_FILTER_CONDITION',
    });
    expect(raw({ range: { condition: 'BETWEEN', values: [1] } })).toMatchObject({ code: 'INSUFFICIENT_FILTER_VALUES' });
    expect(raw({ range: { condition: 'EQUAL_TO', values: ['1'] } })).toMatchObject({ code: 'INVALID_FILTER_VALUES' });
    expect(raw({ range: { condition: 'BEGINS_WITH', values: [1] } })).toMatchObject({
      code: 'INVALID_FILTER_CONDITION',
    });
    const cond = { property: 'rank', condition: 'EQUAL_TO', values: [1] };
    expect(raw({ filters: { and: [cond], or: [cond] } })).toMatchObject({
      code: 'INVALID_FILTER_OPERATORS_COMBINATION',
    });
    expect(raw({ filters: { and: [] } })).toMatchObject({ code: 'EMPTY_FILTER_OPERATOR' });
    expect(raw({ filters: { and: [{ ...cond, property: 'nope' }] } })).toMatchObject({
      code: 'INVALID_ENTITY_ATTRIBUTE',
    });
    expect(raw({ filters: { or: Array.from({ length: 101 }, () => cond) } })).toMatchObject({
      code: 'TOO_MANY_FILTER_CONDITIONS',
    });
    expect(raw({ sort: 'UP' })).toMatchObject({
      code: 'INVALID_REQUEST_BODY',
      message: containing('sort'),
    });
  });
});
