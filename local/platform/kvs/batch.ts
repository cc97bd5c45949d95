import type { PlatformResponse } from '../types';
import { badRequest, jsonResponse, KvsError, keyNotFound } from './errors';
import { batchDeleteBody, batchGetBody, batchSetBody, parseBody } from './request-schemas';
import { applyWrite, describeItem, itemBody, prepareWrite, resolveTarget } from './store-context';
import type { PreparedWrite, StoreContext, Target } from './store-context';
import { MAX_PAYLOAD_BYTES } from './transaction';

const MAX_ITEMS = 25;

interface BatchItem {
  key: string;
  entityName?: string | undefined;
}

interface ItemId {
  key: string;
  entityName?: string;
}

interface Failure extends ItemId {
  error: { code: string; message: string };
}

const idOf = (item: BatchItem): ItemId =>
  item.entityName === undefined ? { key: item.key } : { key: item.key, entityName: item.entityName };

/**
 * Rules that fail the whole batch (Forge: an empty batch, or a key + entity repeated). We also fail the
 * whole batch for an empty key; any other per-item problem only fails that item.
 */
const checkBatch = (operation: string, items: readonly BatchItem[], body: unknown): void => {
  if (items.length === 0) throw badRequest('EMPTY_BATCH', `${operation} needs at least one item`);
  if (items.length > MAX_ITEMS) {
    throw badRequest('TOO_MANY_BATCH_ENTITIES', `${operation} has ${items.length} items; the maximum is ${MAX_ITEMS}`);
  }
  const bytes = Buffer.byteLength(JSON.stringify(body), 'utf8');
  if (bytes > MAX_PAYLOAD_BYTES) {
    throw badRequest(
      'PAYLOAD_TOO_LARGE',
      `${operation} payload is ${bytes} bytes; the maximum is ${MAX_PAYLOAD_BYTES} (4 MB)`,
    );
  }
  const seen = new Set<string>();
  items.forEach((item, i) => {
    if (item.key.length === 0) {
      throw badRequest(
        item.entityName === undefined ? 'KEY_TOO_SHORT' : 'EMPTY_KEY',
        `${operation} item ${i}: key must not be empty`,
      );
    }
    const id = JSON.stringify([item.entityName ?? null, item.key]);
    if (seen.has(id)) {
      const where = item.entityName === undefined ? '' : ` of entity '${item.entityName}'`;
      // Forge's code for a repeated key in a transaction; no batch code was reported, so the same.
      throw badRequest(
        'KEY_DUPLICATION_ERROR',
        `${operation} item ${i}: key '${item.key}'${where} appears more than once`,
      );
    }
    seen.add(id);
  });
};

const targetOf = (ctx: StoreContext, item: BatchItem): Target =>
  resolveTarget(ctx, item.entityName === undefined ? 'kvs' : 'entity', item.key, item.entityName);

/** Runs `fn` for one item; a store rule it breaks becomes that item's failedKeys entry. */
const perItem = <T>(item: BatchItem, failed: Failure[], fn: () => T): T | undefined => {
  try {
    return fn();
  } catch (error) {
    if (!(error instanceof KvsError)) throw error;
    failed.push({ ...idOf(item), error: { code: error.code, message: error.message } });
    return undefined;
  }
};

/** batch/set: valid items are written together in one SQLite transaction; invalid ones land in failedKeys. */
export const handleBatchSet = (ctx: StoreContext, body: unknown): PlatformResponse => {
  const items = parseBody(batchSetBody, body, 'batch/set');
  checkBatch('batch/set', items, body);
  const failedKeys: Failure[] = [];
  const writes: { item: BatchItem; write: PreparedWrite }[] = [];
  for (const item of items) {
    const write = perItem(item, failedKeys, () =>
      prepareWrite(ctx, targetOf(ctx, item), item.value, item.options?.ttl),
    );
    if (write !== undefined) writes.push({ item, write });
  }
  ctx.table.transaction(() => {
    for (const { write } of writes) applyWrite(ctx, write, ctx.table.get(write.target.ref, ctx.now()));
  });
  return jsonResponse(200, { successfulKeys: writes.map(({ item }) => idOf(item)), failedKeys });
};

/** batch/get: found items in the get shape (plus entityName); missing ones fail with KEY_NOT_FOUND. */
export const handleBatchGet = (ctx: StoreContext, body: unknown): PlatformResponse => {
  const items = parseBody(batchGetBody, body, 'batch/get');
  checkBatch('batch/get', items, body);
  const failedKeys: Failure[] = [];
  const successfulKeys: Record<string, unknown>[] = [];
  const now = ctx.now();
  for (const item of items) {
    const found = perItem(item, failedKeys, () => {
      const { ref } = targetOf(ctx, item);
      const stored = ctx.table.get(ref, now);
      if (stored === undefined) throw keyNotFound(describeItem(ref));
      return { ...idOf(item), ...itemBody(stored, item.options?.metadataFields) };
    });
    if (found !== undefined) successfulKeys.push(found);
  }
  return jsonResponse(200, { successfulKeys, failedKeys });
};

/** batch/delete: like kvs.delete, deleting an absent key counts as done (successfulKeys). */
export const handleBatchDelete = (ctx: StoreContext, body: unknown): PlatformResponse => {
  const items = parseBody(batchDeleteBody, body, 'batch/delete');
  checkBatch('batch/delete', items, body);
  const failedKeys: Failure[] = [];
  const targets: { item: BatchItem; target: Target }[] = [];
  for (const item of items) {
    const target = perItem(item, failedKeys, () => targetOf(ctx, item));
    if (target !== undefined) targets.push({ item, target });
  }
  ctx.table.transaction(() => {
    for (const { target } of targets) ctx.table.delete(target.ref);
  });
  return jsonResponse(200, { successfulKeys: targets.map(({ item }) => idOf(item)), failedKeys });
};
