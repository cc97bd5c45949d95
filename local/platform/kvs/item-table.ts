import type { Statement } from 'better-sqlite3';
import type { Db } from '../db';
import type { IndexEntry } from './entity-attributes';
import type { RecentWrites } from './recent-writes';

/** Namespaces never see each other: secrets are not queryable, entities live per entity name. */
export type Namespace = 'kvs' | 'secret' | 'entity';

/** Which stored item an operation addresses. `entity` is '' outside the Custom Entity Store. */
export interface ItemRef {
  ns: Namespace;
  entity: string;
  key: string;
}

/** A stored item as the store reasons about it; times are epoch milliseconds. */
export interface StoredItem {
  key: string;
  value: unknown;
  createdAt: number;
  updatedAt: number;
  expireAt: number | null;
}

/** A row as SQLite returns it, value still serialised. */
export interface ItemRow {
  key: string;
  value: string;
  createdAt: number;
  updatedAt: number;
  expireAt: number | null;
}

export const ITEM_COLUMNS =
  'i.key AS key, i.value AS value, i.created_at AS createdAt, i.updated_at AS updatedAt, i.expire_at AS expireAt';
/** Expired items are invisible everywhere; they are purged lazily. */
export const NOT_EXPIRED = '(i.expire_at IS NULL OR i.expire_at > @now)';

export const toStoredItem = (row: ItemRow): StoredItem => ({
  key: row.key,
  value: JSON.parse(row.value) as unknown,
  createdAt: row.createdAt,
  updatedAt: row.updatedAt,
  expireAt: row.expireAt,
});

/** Bump when the table layout changes. */
const SCHEMA_VERSION = '1';

/**
 * Creates the tables. Items are keyed (ns, entity, key); index entries are keyed so that a partitioned
 * range query is a prefix scan of the primary key, already in (range, key) order in both directions.
 * Entries repeat the item's expiry and declared attributes, so a scan (with filters) never joins items:
 * only the page's items are read.
 */
export const createTables = (db: Db): void => {
  db.exec(`
    CREATE TABLE IF NOT EXISTS kvs_items (
      ns TEXT NOT NULL,
      entity TEXT NOT NULL,
      key TEXT NOT NULL,
      created_at INTEGER NOT NULL,
      updated_at INTEGER NOT NULL,
      expire_at INTEGER,
      -- Declared entity attributes only ('{}' elsewhere): filters parse this, not the whole value.
      attrs TEXT NOT NULL DEFAULT '{}',
      -- Last on purpose: a large value spills into overflow pages, and columns after it would cost
      -- a walk of that chain on every scanned row (expiry checks, filters).
      value TEXT NOT NULL,
      PRIMARY KEY (ns, entity, key)
    ) WITHOUT ROWID;
    CREATE INDEX IF NOT EXISTS kvs_items_expiry ON kvs_items (expire_at) WHERE expire_at IS NOT NULL;
    -- range_value has no declared type, so SQLite keeps numbers numeric and text text (no affinity).
    CREATE TABLE IF NOT EXISTS kvs_index_entries (
      entity TEXT NOT NULL,
      index_name TEXT NOT NULL,
      partition TEXT NOT NULL,
      range_value NOT NULL,
      key TEXT NOT NULL,
      expire_at INTEGER,
      attrs TEXT NOT NULL,
      PRIMARY KEY (entity, index_name, partition, range_value, key)
    ) WITHOUT ROWID;
    CREATE INDEX IF NOT EXISTS kvs_index_entries_by_item ON kvs_index_entries (entity, key);
    CREATE TABLE IF NOT EXISTS kvs_meta (name TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;
    INSERT INTO kvs_meta (name, value) VALUES ('schema-version', '${SCHEMA_VERSION}') ON CONFLICT (name) DO NOTHING;
  `);
  // A database written by another layout must not be half-understood: fail loudly instead.
  const row = db.prepare<[], { value: string }>("SELECT value FROM kvs_meta WHERE name = 'schema-version'").get();
  if (row?.value !== SCHEMA_VERSION) {
    throw new Error(`KVS tables have schema version ${row?.value ?? 'none'}, this runtime needs ${SCHEMA_VERSION}`);
  }
};

type Params = Record<string, string | number | null>;

/**
 * The item's own index entries. INDEXED BY on purpose: without statistics SQLite prefers the primary
 * key's `entity` prefix, scanning every entry of the entity per write (seeding grew quadratically).
 */
export const ENTRIES_OF_ITEM =
  'kvs_index_entries INDEXED BY kvs_index_entries_by_item WHERE entity = @entity AND key = @key';

/** Row-level reads and writes; callers wrap writes in one SQLite transaction. */
export class ItemTable {
  private readonly cache = new Map<string, Statement<[Params]>>();

  constructor(
    private readonly db: Db,
    /** Told the previous state of every entity item before it changes (query visibility). */
    private readonly recent?: RecentWrites,
  ) {}

  /** Prepared once per distinct SQL text: query shapes are few, executions many. */
  statement<Row>(sql: string): Statement<[Params], Row> {
    let statement = this.cache.get(sql);
    if (statement === undefined) {
      statement = this.db.prepare<[Params]>(sql);
      this.cache.set(sql, statement);
    }
    return statement as Statement<[Params], Row>;
  }

  transaction<T>(fn: () => T): T {
    const run = this.db.transaction(fn);
    return this.recent === undefined ? run() : this.recent.within(run);
  }

  /** The live (unexpired) item, or undefined. */
  get(ref: ItemRef, now: number): StoredItem | undefined {
    const row = this.statement<ItemRow>(
      `SELECT ${ITEM_COLUMNS} FROM kvs_items i WHERE i.ns = @ns AND i.entity = @entity AND i.key = @key AND ${NOT_EXPIRED}`,
    ).get({ ...ref, now });
    return row === undefined ? undefined : toStoredItem(row);
  }

  /** Replaces the item and, for entities, its index entries. */
  put(
    ref: ItemRef,
    item: Omit<StoredItem, 'value'> & { serialised: string; attributes: string },
    entries: readonly IndexEntry[],
  ): void {
    this.noteChange(ref);
    this.statement(
      `INSERT INTO kvs_items (ns, entity, key, value, created_at, updated_at, expire_at, attrs)
       VALUES (@ns, @entity, @key, @value, @createdAt, @updatedAt, @expireAt, @attributes)
       ON CONFLICT (ns, entity, key) DO UPDATE SET value = excluded.value, created_at = excluded.created_at,
         updated_at = excluded.updated_at, expire_at = excluded.expire_at, attrs = excluded.attrs`,
    ).run({
      attributes: item.attributes,
      ...ref,
      value: item.serialised,
      createdAt: item.createdAt,
      updatedAt: item.updatedAt,
      expireAt: item.expireAt,
    });
    if (ref.ns === 'entity') {
      this.replaceIndexEntries(ref.entity, ref.key, entries, { attributes: item.attributes, expireAt: item.expireAt });
    }
  }

  replaceIndexEntries(
    entity: string,
    key: string,
    entries: readonly IndexEntry[],
    item: { attributes: string; expireAt: number | null },
  ): void {
    this.statement(`DELETE FROM ${ENTRIES_OF_ITEM}`).run({ entity, key });
    const insert = this.statement(
      `INSERT INTO kvs_index_entries (entity, index_name, partition, range_value, key, expire_at, attrs)
       VALUES (@entity, @indexName, @partition, @range, @key, @expireAt, @attributes)`,
    );
    for (const entry of entries) insert.run({ entity, key, ...item, ...entry });
  }

  /** Removes the item (expired or not); returns whether a row went away. */
  delete(ref: ItemRef): boolean {
    this.noteChange(ref);
    const { changes } = this.statement('DELETE FROM kvs_items WHERE ns = @ns AND entity = @entity AND key = @key').run({
      ...ref,
    });
    if (ref.ns === 'entity') this.replaceIndexEntries(ref.entity, ref.key, [], { attributes: '{}', expireAt: null });
    return changes > 0;
  }

  /** Hands the item's current state (expired or not: queries check expiry) to the visibility tracker. */
  private noteChange(ref: ItemRef): void {
    if (ref.ns !== 'entity' || this.recent?.enabled !== true) return;
    const row = this.statement<ItemRow & { attrs: string }>(
      `SELECT ${ITEM_COLUMNS}, i.attrs AS attrs FROM kvs_items i WHERE i.ns = 'entity' AND i.entity = @entity AND i.key = @key`,
    ).get({ entity: ref.entity, key: ref.key });
    const before =
      row === undefined
        ? undefined
        : {
            item: toStoredItem(row),
            attributes: row.attrs,
            entries: this.statement<IndexEntry>(
              `SELECT index_name AS indexName, partition, range_value AS range FROM ${ENTRIES_OF_ITEM}`,
            ).all({ entity: ref.entity, key: ref.key }),
          };
    this.recent.record(ref.entity, ref.key, before);
  }

  /** Drops expired items and their index entries, so they stop costing scan time. */
  purgeExpired(now: number): void {
    this.transaction(() => {
      this.statement(
        `DELETE FROM kvs_index_entries INDEXED BY kvs_index_entries_by_item WHERE (entity, key) IN
           (SELECT entity, key FROM kvs_items WHERE ns = 'entity' AND expire_at IS NOT NULL AND expire_at <= @now)`,
      ).run({ now });
      this.statement('DELETE FROM kvs_items WHERE expire_at IS NOT NULL AND expire_at <= @now').run({ now });
    });
  }
}
