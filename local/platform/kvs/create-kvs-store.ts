import type { Db } from '../db';
import type { KvsBackend, PlatformResponse } from '../types';
import { UnsupportedByLocalRuntime } from '../types';
import { handleBatchDelete, handleBatchGet, handleBatchSet } from './batch';
import { resolveEntityModels } from './entity-definitions';
import type { EntityDefinition } from './entity-definitions';
import { handleEntityQuery } from './entity-query';
import { errorResponse, KvsError } from './errors';
import { syncIndexes } from './index-maintenance';
import { handleDelete, handleGet, handleSet } from './item-handlers';
import { createTables, ItemTable } from './item-table';
import { handlePlainQuery } from './plain-query';
import type { StoreContext } from './store-context';
import { handleTransaction } from './transaction';

type Handler = (ctx: StoreContext, body: unknown) => PlatformResponse;

/** Every path @forge/kvs 1.6.5 posts to, without its `/api/v1/` prefix (storage-api.js). */
const HANDLERS = new Map<string, Handler>([
  ['get', (ctx, body) => handleGet(ctx, 'kvs', 'get', body)],
  ['set', (ctx, body) => handleSet(ctx, 'kvs', 'set', body)],
  ['delete', (ctx, body) => handleDelete(ctx, 'kvs', 'delete', body)],
  ['query', handlePlainQuery],
  ['secret/get', (ctx, body) => handleGet(ctx, 'secret', 'secret/get', body)],
  ['secret/set', (ctx, body) => handleSet(ctx, 'secret', 'secret/set', body)],
  ['secret/delete', (ctx, body) => handleDelete(ctx, 'secret', 'secret/delete', body)],
  ['entity/get', (ctx, body) => handleGet(ctx, 'entity', 'entity/get', body)],
  ['entity/set', (ctx, body) => handleSet(ctx, 'entity', 'entity/set', body)],
  ['entity/delete', (ctx, body) => handleDelete(ctx, 'entity', 'entity/delete', body)],
  ['entity/query', handleEntityQuery],
  ['transaction', handleTransaction],
  ['batch/set', handleBatchSet],
  ['batch/get', handleBatchGet],
  ['batch/delete', handleBatchDelete],
]);

export const KVS_OPERATIONS: readonly string[] = [...HANDLERS.keys()];

export interface KvsStoreOptions {
  /** Clock in epoch milliseconds; tests inject one to expire TTLs. */
  now?: () => number;
}

/**
 * The Forge KVS and Custom Entity Store on SQLite. `handle(operation, body)` answers exactly what the
 * real service would answer @forge/kvs: a JSON body, or `{code, message}` with a 4xx status. The
 * database is owned by the caller; `close()` only stops this store from answering.
 */
export const createKvsStore = (
  db: Db,
  entities: readonly EntityDefinition[],
  options: KvsStoreOptions = {},
): KvsBackend & { close(): void } => {
  const models = resolveEntityModels(entities);
  createTables(db);
  const table = new ItemTable(db);
  const ctx: StoreContext = { table, entities: models, now: options.now ?? Date.now };
  syncIndexes(table, models);
  table.purgeExpired(ctx.now());
  let closed = false;

  return {
    handle(operation: string, body: unknown): PlatformResponse {
      if (closed) throw new Error('the KVS store is closed');
      const handler = HANDLERS.get(operation);
      if (handler === undefined) {
        throw new UnsupportedByLocalRuntime(
          `@forge/kvs operation '${operation}' is not emulated (known: ${KVS_OPERATIONS.join(', ')})`,
        );
      }
      try {
        return handler(ctx, body);
      } catch (error) {
        // Store rules become Forge-shaped error responses; anything else is a bug and must surface.
        if (error instanceof KvsError) return errorResponse(error);
        throw error;
      }
    },
    close(): void {
      closed = true;
    },
  };
};
