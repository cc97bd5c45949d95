import type { EntityModel } from './entity-definitions';
import { declaredAttributesJson, indexEntriesOf, validateEntityValue } from './entity-attributes';
import type { IndexEntry } from './entity-attributes';
import type { ItemRef, ItemTable, Namespace, StoredItem } from './item-table';
import { entityModel, expiryFor, serialiseValue, validateKey } from './item-rules';
import type { Ttl } from './item-rules';
import type { RecentWrites } from './recent-writes';
import type { MetadataField } from './request-schemas';

/** What every operation handler needs. `now` is injectable so tests can move time for TTLs. */
export interface StoreContext {
  table: ItemTable;
  entities: ReadonlyMap<string, EntityModel>;
  now: () => number;
  /** Writes entity queries do not see yet. */
  recent: RecentWrites;
}

/** An addressed item, with its entity model when it lives in the Custom Entity Store. */
export interface Target {
  ref: ItemRef;
  model: EntityModel | undefined;
}

/** Names an item in messages the way an app developer would recognise it. */
export const describeItem = (ref: ItemRef): string =>
  ref.ns === 'entity'
    ? `key '${ref.key}' of entity '${ref.entity}'`
    : `${ref.ns === 'secret' ? 'secret' : 'key'} '${ref.key}'`;

/** Validates the entity name (if any) and the key, in that order, as Forge reports them. */
export const resolveTarget = (
  ctx: StoreContext,
  ns: Namespace,
  key: string,
  entityName: string | undefined,
): Target => {
  const model = ns === 'entity' ? entityModel(ctx.entities, entityName ?? '') : undefined;
  validateKey(key, ns);
  return { ref: { ns, entity: model?.name ?? '', key }, model };
};

/** A fully validated write, ready to apply inside a transaction. */
export interface PreparedWrite {
  target: Target;
  value: unknown;
  serialised: string;
  /** JSON of the declared attributes, for filters. */
  attributes: string;
  expireAt: number | null;
  entries: IndexEntry[];
}

/** Runs every value rule before anything is written, so a failing batch/transaction writes nothing. */
export const prepareWrite = (
  ctx: StoreContext,
  target: Target,
  value: unknown,
  ttl: Ttl | undefined,
): PreparedWrite => {
  const serialised = serialiseValue(value);
  if (target.model !== undefined) validateEntityValue(target.model, value);
  return {
    target,
    value,
    serialised,
    attributes: declaredAttributesJson(target.model, value),
    expireAt: expiryFor(ttl, ctx.now()),
    entries: target.model === undefined ? [] : indexEntriesOf(target.model, value),
  };
};

/** Writes a prepared item, keeping createdAt of a live predecessor; returns the stored item. */
export const applyWrite = (ctx: StoreContext, write: PreparedWrite, existing: StoredItem | undefined): StoredItem => {
  const now = ctx.now();
  const item = {
    key: write.target.ref.key,
    createdAt: existing?.createdAt ?? now,
    updatedAt: now,
    expireAt: write.expireAt,
  };
  ctx.table.put(
    write.target.ref,
    { ...item, serialised: write.serialised, attributes: write.attributes },
    write.entries,
  );
  return { ...item, value: write.value };
};

/** The get-shaped response body: metadata only when asked for, expireTime only for items with a TTL. */
export const itemBody = (item: StoredItem, fields: readonly MetadataField[] | undefined): Record<string, unknown> => {
  const body: Record<string, unknown> = { key: item.key, value: item.value };
  if (fields?.includes('CREATED_AT')) body.createdAt = item.createdAt;
  if (fields?.includes('UPDATED_AT')) body.updatedAt = item.updatedAt;
  if (fields?.includes('EXPIRE_TIME') && item.expireAt !== null)
    body.expireTime = new Date(item.expireAt).toISOString();
  return body;
};
