import { matches } from './conditions';
import type { Condition, ConditionGroup } from './conditions';
import { toSqlScalar } from './entity-attributes';
import type { SqlScalar } from './entity-attributes';
import { ITEM_COLUMNS, NOT_EXPIRED, toStoredItem } from './item-table';
import type { ItemRow, ItemTable, StoredItem } from './item-table';

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
  if (plan.byKey) {
    const columns = filtered ? 'i.key AS key, i.attrs AS attrs' : ITEM_COLUMNS;
    return `SELECT i.key AS rangeValue, ${columns} FROM kvs_items i WHERE i.ns = 'entity' AND i.entity = @entity
            ${rangeClause} ${continuing ? `AND i.key ${direction} @ck` : ''} AND ${NOT_EXPIRED}
            ORDER BY i.key ${plan.sort} LIMIT @take`;
  }
  return `SELECT e.range_value AS rangeValue, e.key AS key${filtered ? ', e.attrs AS attrs' : ''}
          FROM kvs_index_entries e
          WHERE e.entity = @entity AND e.index_name = @index AND e.partition = @partition ${rangeClause}
            ${continuing ? `AND (e.range_value, e.key) ${direction} (@cr, @ck)` : ''}
            AND (e.expire_at IS NULL OR e.expire_at > @now)
          ORDER BY e.range_value ${plan.sort}, e.key ${plan.sort} LIMIT @take`;
};

const parseAttributes = (json: string | undefined): Record<string, unknown> =>
  json === undefined ? {} : (JSON.parse(json) as Record<string, unknown>);

/**
 * Runs a plan: fetches rows in chunks with `.all()` (far cheaper per row than `.iterate()` in
 * better-sqlite3), keeps those passing the filters, and stops as soon as one item beyond the page is found.
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
  };
  const prefix = plan.range?.condition === 'BEGINS_WITH' ? String(plan.range.values[0]) : undefined;
  const hits: QueryRow[] = [];
  let after = plan.after;
  let more = false;
  while (!more) {
    const statement = table.statement<QueryRow>(scanSql(plan, after !== undefined));
    const rows = statement.all(after === undefined ? base : { ...base, cr: after.range, ck: after.key });
    for (const row of rows) {
      if (prefix !== undefined && !String(row.rangeValue).startsWith(prefix)) continue;
      if (plan.filters !== undefined && !matches(plan.filters, parseAttributes(row.attrs))) continue;
      if (hits.length === plan.limit) {
        more = true;
        break;
      }
      hits.push(row);
    }
    const last = rows.at(-1);
    if (rows.length < take || last === undefined) break;
    after = { range: last.rangeValue, key: last.key };
  }
  const items = itemsOf(table, plan, hits);
  return { page: hits.flatMap((hit) => itemOrNone(items.get(hit.key), hit.rangeValue)), more };
};

const itemOrNone = (item: StoredItem | undefined, rangeValue: SqlScalar): ScanResult['page'] =>
  item === undefined ? [] : [{ item, rangeValue }];

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
