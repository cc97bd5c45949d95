import { matches } from './conditions';
import type { Condition, ConditionGroup } from './conditions';
import { toSqlScalar } from './entity-attributes';
import type { SqlScalar } from './entity-attributes';
import { ITEM_COLUMNS, NOT_EXPIRED, toStoredItem } from './item-table';
import type { ItemRow, ItemTable, StoredItem } from './item-table';
import type { ItemSnapshot } from './recent-writes';

/** Above any character, so `[p, p + TOP)` bounds a BEGINS_WITH scan; a JS check covers the edge case. */
const TOP = '\u{10FFFF}';
/** Rows fetched per round when filters may reject many: big enough to amortise, small enough to stop early. */
const FILTERED_CHUNK = 256;

/** One validated entity query, ready to run. `byKey` scans items directly (the built-in index). */
export interface ScanPlan {
  entity: string;
  indexName: string;
  byKey: boolean;
  /** JSON of the partition values, as stored in the side table. */
  partition: string;
  range: Omit<Condition, 'property'> | undefined;
  filters: ConditionGroup | undefined;
  sort: 'ASC' | 'DESC';
  /** Position of the last item already returned (from the cursor). */
  after: { range: SqlScalar; key: string } | undefined;
  limit: number;
  now: number;
  /** Items whose recent writes queries do not see yet, with the state they do see (recent-writes.ts). */
  hidden: ReadonlyMap<string, ItemSnapshot | undefined>;
}

export interface ScanResult {
  page: { item: StoredItem; rangeValue: SqlScalar }[];
  /** Whether at least one more matching item follows the page. */
  more: boolean;
}

/** A candidate row: the whole item (by-key without filters), or its key and, to filter, its attributes. */
type QueryRow = { rangeValue: SqlScalar; key: string; attrs?: string } & Partial<ItemRow>;

const isFullRow = (row: QueryRow): row is QueryRow & ItemRow => row.value !== undefined;

const COMPARATORS: Partial<Record<Condition['condition'], string>> = {
  EQUAL_TO: '=',
  GREATER_THAN: '>',
  GREATER_THAN_EQUAL_TO: '>=',
  LESS_THAN: '<',
  LESS_THAN_EQUAL_TO: '<=',
};

/** SQL for the range condition on the index's range column, with its parameters. */
const rangeSql = (range: ScanPlan['range'], column: string): { sql: string; params: Record<string, SqlScalar> } => {
  const [first, second] = range?.values.map(toSqlScalar) ?? [];
  if (range === undefined || first === undefined) return { sql: '', params: {} };
  if (range.condition === 'BETWEEN' && second !== undefined) {
    return { sql: `AND ${column} >= @r0 AND ${column} <= @r1`, params: { r0: first, r1: second } };
  }
  if (range.condition === 'BEGINS_WITH') {
    return { sql: `AND ${column} >= @r0 AND ${column} < @r1`, params: { r0: first, r1: `${String(first)}${TOP}` } };
  }
  return { sql: `AND ${column} ${COMPARATORS[range.condition] ?? '='} @r0`, params: { r0: first } };
};

/**
 * The scan: a prefix of the side table's primary key (entity, index, partition) walked in (range, key)
 * order in either direction, never joining items (entries carry expiry and attributes). `by-key` walks
 * the items' own primary key instead. Exported so a test can check the query plan.
 */
export const scanSql = (plan: ScanPlan, continuing: boolean): string => {
  const rangeClause = rangeSql(plan.range, plan.byKey ? 'i.key' : 'e.range_value').sql;
  const direction = plan.sort === 'ASC' ? '>' : '<';
  const filtered = plan.filters !== undefined;
  // Items with unseen writes come from their snapshots instead (mergeHidden).
  const notHidden = (column: string): string =>
    plan.hidden.size === 0 ? '' : `AND ${column} NOT IN (SELECT value FROM json_each(@hiddenKeys))`;
  if (plan.byKey) {
    const columns = filtered ? 'i.key AS key, i.attrs AS attrs' : ITEM_COLUMNS;
    return `SELECT i.key AS rangeValue, ${columns} FROM kvs_items i WHERE i.ns = 'entity' AND i.entity = @entity
            ${rangeClause} ${continuing ? `AND i.key ${direction} @ck` : ''} AND ${NOT_EXPIRED} ${notHidden('i.key')}
            ORDER BY i.key ${plan.sort} LIMIT @take`;
  }
  return `SELECT e.range_value AS rangeValue, e.key AS key${filtered ? ', e.attrs AS attrs' : ''}
          FROM kvs_index_entries e
          WHERE e.entity = @entity AND e.index_name = @index AND e.partition = @partition ${rangeClause}
            ${continuing ? `AND (e.range_value, e.key) ${direction} (@cr, @ck)` : ''}
            AND (e.expire_at IS NULL OR e.expire_at > @now) ${notHidden('e.key')}
          ORDER BY e.range_value ${plan.sort}, e.key ${plan.sort} LIMIT @take`;
};

const parseAttributes = (json: string | undefined): Record<string, unknown> =>
  json === undefined ? {} : (JSON.parse(json) as Record<string, unknown>);

/**
 * Runs a plan: fetches rows in chunks with `.all()` (far cheaper per row than `.iterate()` in
 * better-sqlite3), keeps those passing the filters, and stops as soon as one item beyond the page is
 * found; then merges in the items whose recent writes a query does not see yet, as they were.
 */
export const scanPartition = (table: ItemTable, plan: ScanPlan): ScanResult => {
  const rangeParams = rangeSql(plan.range, plan.byKey ? 'i.key' : 'e.range_value').params;
  const take = plan.filters === undefined ? plan.limit + 1 : FILTERED_CHUNK;
  const base = {
    entity: plan.entity,
    index: plan.indexName,
    partition: plan.partition,
    now: plan.now,
    take,
    ...rangeParams,
    ...(plan.hidden.size === 0 ? {} : { hiddenKeys: JSON.stringify([...plan.hidden.keys()]) }),
  };
  const prefix = prefixOf(plan);
  const hits: QueryRow[] = [];
  let after = plan.after;
  while (hits.length <= plan.limit) {
    const statement = table.statement<QueryRow>(scanSql(plan, after !== undefined));
    const rows = statement.all(after === undefined ? base : { ...base, cr: after.range, ck: after.key });
    for (const row of rows) {
      if (prefix !== undefined && !String(row.rangeValue).startsWith(prefix)) continue;
      if (plan.filters !== undefined && !matches(plan.filters, parseAttributes(row.attrs))) continue;
      hits.push(row);
      if (hits.length > plan.limit) break;
    }
    const last = rows.at(-1);
    if (rows.length < take || last === undefined) break;
    after = { range: last.rangeValue, key: last.key };
  }
  const items = itemsOf(table, plan, hits);
  const fromTable = hits.flatMap((hit) => itemOrNone(items.get(hit.key), hit.rangeValue));
  const merged = mergeHidden(plan, fromTable);
  return { page: merged.slice(0, plan.limit), more: merged.length > plan.limit };
};

const itemOrNone = (item: StoredItem | undefined, rangeValue: SqlScalar): ScanResult['page'] =>
  item === undefined ? [] : [{ item, rangeValue }];

const prefixOf = (plan: ScanPlan): string | undefined =>
  plan.range?.condition === 'BEGINS_WITH' ? String(plan.range.values[0]) : undefined;

/** SQLite's order for the values an index holds: numbers before text, text by code unit. */
const compareScalars = (a: SqlScalar, b: SqlScalar): number => {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  if (typeof a === 'number') return -1;
  if (typeof b === 'number') return 1;
  return a < b ? -1 : a > b ? 1 : 0;
};

const compareHits = (a: { rangeValue: SqlScalar; key: string }, b: { rangeValue: SqlScalar; key: string }): number =>
  compareScalars(a.rangeValue, b.rangeValue) || compareScalars(a.key, b.key);

/** The range condition of the plan, in JS, as rangeSql states it in SQL. */
const inRange = (plan: ScanPlan, value: SqlScalar): boolean => {
  const [first, second] = plan.range?.values.map(toSqlScalar) ?? [];
  if (plan.range === undefined || first === undefined) return true;
  const c = compareScalars(value, first);
  switch (plan.range.condition) {
    case 'BETWEEN':
      return second === undefined ? c === 0 : c >= 0 && compareScalars(value, second) <= 0;
    case 'BEGINS_WITH':
      return typeof value === 'string' && value.startsWith(String(first));
    case 'GREATER_THAN':
      return c > 0;
    case 'GREATER_THAN_EQUAL_TO':
      return c >= 0;
    case 'LESS_THAN':
      return c < 0;
    case 'LESS_THAN_EQUAL_TO':
      return c <= 0;
    default:
      return c === 0;
  }
};

/** The snapshot's place in the plan's index partition, or undefined when it is not in it. */
const rangeValueOf = (plan: ScanPlan, key: string, snapshot: ItemSnapshot): SqlScalar | undefined => {
  if (plan.byKey) return key;
  return snapshot.entries.find((e) => e.indexName === plan.indexName && e.partition === plan.partition)?.range;
};

/**
 * Adds the hidden items as a query sees them (their state before the unseen writes) to the table's
 * hits, in the plan's order. `fromTable` holds up to limit + 1 hits, so the merge decides `more` right.
 */
const mergeHidden = (plan: ScanPlan, fromTable: ScanResult['page']): ScanResult['page'] => {
  if (plan.hidden.size === 0) return fromTable;
  const sign = plan.sort === 'ASC' ? 1 : -1;
  const extra: ScanResult['page'] = [];
  for (const [key, snapshot] of plan.hidden) {
    if (snapshot === undefined) continue;
    const { item } = snapshot;
    if (item.expireAt !== null && item.expireAt <= plan.now) continue;
    const rangeValue = rangeValueOf(plan, key, snapshot);
    if (rangeValue === undefined || !inRange(plan, rangeValue)) continue;
    const after = plan.after === undefined ? undefined : { rangeValue: plan.after.range, key: plan.after.key };
    if (after !== undefined && sign * compareHits({ rangeValue, key }, after) <= 0) continue;
    if (plan.filters !== undefined && !matches(plan.filters, parseAttributes(snapshot.attributes))) continue;
    extra.push({ item, rangeValue });
  }
  if (extra.length === 0) return fromTable;
  const byOrder = (a: ScanResult['page'][number], b: ScanResult['page'][number]): number =>
    sign * compareHits({ rangeValue: a.rangeValue, key: a.item.key }, { rangeValue: b.rangeValue, key: b.item.key });
  return [...fromTable, ...extra].sort(byOrder);
};

/** The stored items behind the hits: already in the rows, or fetched for the page in one query. */
const itemsOf = (table: ItemTable, plan: ScanPlan, hits: readonly QueryRow[]): Map<string, StoredItem> => {
  const full = hits.flatMap((hit) => (isFullRow(hit) ? [toStoredItem(hit)] : []));
  if (full.length === hits.length) return new Map(full.map((item) => [item.key, item]));
  const rows = table
    .statement<ItemRow>(
      `SELECT ${ITEM_COLUMNS} FROM kvs_items i WHERE i.ns = 'entity' AND i.entity = @entity
         AND i.key IN (SELECT value FROM json_each(@keys))`,
    )
    .all({ entity: plan.entity, keys: JSON.stringify(hits.map((hit) => hit.key)) });
  return new Map(rows.map((row) => [row.key, toStoredItem(row)]));
};
