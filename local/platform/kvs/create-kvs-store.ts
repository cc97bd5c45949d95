import { performance } from 'node:perf_hooks';
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
import { QuotaMeter, readBytes, unitKindOf, unitsFor, writeBytes } from './quota';
import type { KvsQuotaLimits, QuotaUsage, UnitKind } from './quota';
import { RecentWrites } from './recent-writes';
import { STRICT_DEFAULTS } from './strict-defaults';
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
  /**
   * The host's real elapsed time in ms (default performance.now), for the query-visibility window and
   * the quotas: the app clock above may be frozen by tests.
   */
  hostNow?: () => number;
  /** How long a write stays invisible to entity queries (ms); 0 makes them strongly consistent. */
  queryVisibilityMs?: number;
  /** Quota overrides (tests lower them, bench seeding may raise them). */
  quota?: Partial<KvsQuotaLimits>;
}

/** The store, plus what tests and benchmarks may ask of it. */
export interface KvsStore extends KvsBackend {
  close(): void;
  /**
   * Test aid modelling a wait longer than the query-visibility window: every write so far becomes
   * visible to entity queries now, without sleeping.
   */
  settle(): void;
  /** Changes the query-visibility window (ms) from now on. */
  setQueryVisibility(ms: number): void;
  /** Current quota spend in the rolling windows. */
  usage(): QuotaUsage;
  /** Changes quota limits from now on (e.g. raised while a benchmark seeds, then restored). */
  setQuota(limits: Partial<KvsQuotaLimits>): void;
  /** Forgets quota spent so far. */
  resetUsage(): void;
}

/**
 * Forge's 429 body: RATE_LIMIT_EXCEEDED (handling-errors-kvs), TOO_MANY_REQUESTS for transactions
 * (storage-reference/transactions).
 */
const overQuota = (operation: string, why: string): PlatformResponse =>
  errorResponse(
    new KvsError(
      429,
      operation === 'transaction' ? 'TOO_MANY_REQUESTS' : 'RATE_LIMIT_EXCEEDED',
      `${operation}: ${why} (per-installation storage quota, see limits-kvs-ce)`,
    ),
  );

/**
 * The Forge KVS and Custom Entity Store on SQLite. `handle(operation, body)` answers exactly what the
 * real service would answer @forge/kvs: a JSON body, or `{code, message}` with a 4xx status. The
 * database is owned by the caller; `close()` only stops this store from answering.
 */
export const createKvsStore = (
  db: Db,
  entities: readonly EntityDefinition[],
  options: KvsStoreOptions = {},
): KvsStore => {
  const models = resolveEntityModels(entities);
  createTables(db);
  const hostNow = options.hostNow ?? (() => performance.now());
  const recent = new RecentWrites(options.queryVisibilityMs ?? STRICT_DEFAULTS.queryVisibilityMs, hostNow);
  const quota = new QuotaMeter({ ...STRICT_DEFAULTS.quota, ...options.quota }, hostNow);
  const table = new ItemTable(db, recent);
  const ctx: StoreContext = { table, entities: models, now: options.now ?? Date.now, recent };
  syncIndexes(table, models);
  table.purgeExpired(ctx.now());
  let closed = false;

  const run = (handler: Handler, body: unknown): PlatformResponse => {
    try {
      return handler(ctx, body);
    } catch (error) {
      // Store rules become Forge-shaped error responses; anything else is a bug and must surface.
      if (error instanceof KvsError) return errorResponse(error);
      throw error;
    }
  };

  return {
    handle(operation: string, body: unknown): PlatformResponse {
      if (closed) throw new Error('the KVS store is closed');
      const handler = HANDLERS.get(operation);
      if (handler === undefined) {
        throw new UnsupportedByLocalRuntime(
          `@forge/kvs operation '${operation}' is not emulated (known: ${KVS_OPERATIONS.join(', ')})`,
        );
      }
      if (!quota.admitRequest()) {
        return overQuota(operation, `over ${quota.usage().limits.requestsPerSecond} requests per second`);
      }
      const kind = unitKindOf(operation);
      if (kind === 'write') {
        // A write's size is known before it runs: refuse it whole rather than write past the quota.
        const units = unitsFor(writeBytes(body));
        if (!quota.fits('write', units)) return overQuotaUnits(operation, 'write', units);
        const response = run(handler, body);
        quota.charge('write', units);
        return { ...response, cost: { writeUnits: units } };
      }
      // A read's size is its answer's: reads change nothing, so an answer over the quota is dropped.
      const response = run(handler, body);
      const units = unitsFor(response.status === 200 ? readBytes(response.body) : 0);
      if (!quota.fits('read', units)) return overQuotaUnits(operation, 'read', units);
      quota.charge('read', units);
      return { ...response, cost: { readUnits: units } };
    },
    close(): void {
      closed = true;
    },
    settle(): void {
      recent.settle();
    },
    setQueryVisibility(ms: number): void {
      recent.setWindow(ms);
    },
    usage: () => quota.usage(),
    setQuota(limits: Partial<KvsQuotaLimits>): void {
      quota.setLimits(limits);
    },
    resetUsage(): void {
      quota.reset();
    },
  };

  function overQuotaUnits(operation: string, kind: UnitKind, units: number): PlatformResponse {
    const { limits, readUnitsLastMinute, writeUnitsLastMinute } = quota.usage();
    const [used, limit] =
      kind === 'read'
        ? [readUnitsLastMinute, limits.readUnitsPerMinute]
        : [writeUnitsLastMinute, limits.writeUnitsPerMinute];
    return overQuota(
      operation,
      `${units} ${kind} units would exceed ${limit} per minute (${used} used; fits again in ` +
        `${quota.secondsUntilFits(kind, units)} s)`,
    );
  }
};
