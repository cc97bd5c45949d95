import { declaredAttributesJson, indexEntriesOf } from './entity-attributes';
import type { EntityModel } from './entity-definitions';
import type { ItemTable } from './item-table';

/** A stable description of every declared attribute and index: when it changes, entries are rebuilt. */
const fingerprintOf = (entities: ReadonlyMap<string, EntityModel>): string =>
  JSON.stringify(
    [...entities.values()]
      .map((m) => ({
        name: m.name,
        attributes: [...m.attributes].sort(([a], [b]) => a.localeCompare(b)),
        indexes: [...m.indexes.values()].sort((a, b) => a.name.localeCompare(b.name)),
      }))
      .sort((a, b) => a.name.localeCompare(b.name)),
  );

/**
 * A file database outlives manifest edits. Like Forge building indexes after a deploy, rebuild every
 * index entry (and the declared-attributes column filters read) in one transaction when the declared
 * entities changed since they were written.
 */
export const syncIndexes = (table: ItemTable, entities: ReadonlyMap<string, EntityModel>): void => {
  const fingerprint = fingerprintOf(entities);
  const stored = table
    .statement<{ value: string }>("SELECT value FROM kvs_meta WHERE name = 'index-fingerprint'")
    .get({});
  if (stored?.value === fingerprint) return;
  table.transaction(() => {
    table.statement('DELETE FROM kvs_index_entries').run({});
    const rows = table
      .statement<{ entity: string; key: string; value: string; expireAt: number | null }>(
        "SELECT entity, key, value, expire_at AS expireAt FROM kvs_items WHERE ns = 'entity'",
      )
      .all({});
    const setAttributes = table.statement(
      "UPDATE kvs_items SET attrs = @attributes WHERE ns = 'entity' AND entity = @entity AND key = @key",
    );
    for (const row of rows) {
      const model = entities.get(row.entity);
      const value: unknown = JSON.parse(row.value);
      const attributes = declaredAttributesJson(model, value);
      setAttributes.run({ entity: row.entity, key: row.key, attributes });
      if (model !== undefined) {
        const entries = indexEntriesOf(model, value);
        table.replaceIndexEntries(row.entity, row.key, entries, { attributes, expireAt: row.expireAt });
      }
    }
    table
      .statement(
        `INSERT INTO kvs_meta (name, value) VALUES ('index-fingerprint', @fingerprint)
         ON CONFLICT (name) DO UPDATE SET value = excluded.value`,
      )
      .run({ fingerprint });
  });
};
