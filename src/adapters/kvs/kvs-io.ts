import { Filter, FilterConditions, ForgeKvsAPIError, kvs, Sort } from '@forge/kvs';
import { backoffMs, raceBackoff, sleep } from '../../usecases/shared/backoff';
import type { EntityName } from './registry';
import { PAGE_LIMIT } from './registry';
import type { Attributes } from './codecs';

/** Small helpers over @forge/kvs shared by the repositories. */

export interface Item {
  key: string;
  value: unknown;
}

interface PageResult {
  results: { key: string; value: unknown }[];
  nextCursor?: string;
}

/** The condition of an optimistic write: the record still has the version read (0: it does not exist yet). */
// Return type inferred: the SDK does not export its filter builder types.
export const versionIs = (version: number) =>
  version === 0
    ? new Filter<Attributes>().and('version', FilterConditions.notExists())
    : new Filter<Attributes>().and('version', FilterConditions.equalTo(version));

/** Follows cursors until the query is exhausted (sequential by nature: each page needs the last cursor). */
export const queryAll = async (page: (cursor: string | undefined) => Promise<PageResult>): Promise<Item[]> => {
  const items: Item[] = [];
  let cursor: string | undefined;
  do {
    const result = await page(cursor);
    for (const r of result.results) items.push({ key: r.key, value: r.value });
    cursor = result.nextCursor;
  } while (cursor !== undefined);
  return items;
};

/** One page of an index, optionally partitioned, `limit` items (max 100). */
export const indexPage = (
  entity: EntityName,
  index: string,
  partition: unknown[] | undefined,
  cursor: string | undefined,
  options: { limit?: number; sort?: 'ASC' | 'DESC' } = {},
): Promise<PageResult> => {
  let query = kvs
    .entity<Attributes>(entity)
    .query()
    .index(index, partition === undefined ? undefined : { partition })
    .limit(options.limit ?? PAGE_LIMIT);
  if (options.sort === 'DESC') query = query.sort(Sort.DESC);
  if (cursor !== undefined) query = query.cursor(cursor);
  return rateLimited(() => query.getMany());
};

/** Every item of an index partition. */
export const indexAll = (entity: EntityName, index: string, partition?: unknown[]): Promise<Item[]> =>
  queryAll((cursor) => indexPage(entity, index, partition, cursor));

/**
 * A failed write condition, whatever status Forge reports it with: live sites answer a failed transaction
 * condition with 400 CONDITIONAL_CHECK_FAILED and FAIL_IF_EXISTS on an existing key with 409 KEY_CONFLICT
 * (shared/design/forge-platform.md 2.3). Decided by the error's code, never by its status alone.
 */
const CONFLICT_CODES: ReadonlySet<string> = new Set(['CONDITIONAL_CHECK_FAILED', 'KEY_CONFLICT', 'KEY_ALREADY_EXISTS', 'CONDITIONS_NOT_MET']);
export const isConditionFailure = (error: unknown): boolean =>
  error instanceof ForgeKvsAPIError && (CONFLICT_CODES.has(error.code) || error.responseDetails.status === 409);

/** Over the installation's storage quota (429; transactions say TOO_MANY_REQUESTS): the request was refused, not run. */
export const isRateLimited = (error: unknown): boolean =>
  error instanceof ForgeKvsAPIError &&
  (error.responseDetails.status === 429 || error.code === 'RATE_LIMIT_EXCEEDED' || error.code === 'TOO_MANY_REQUESTS');

/** How long one storage request keeps retrying a quota refusal before it is reported as an outage. */
export const RATE_LIMIT_BUDGET_MS = 8_000;

/** Backoff after a lost race (the same as a mutation's). */
export const jitter = raceBackoff;

/**
 * Runs one storage request, retrying it while Forge refuses it for the per-installation quota (a refused
 * request did not run, so repeating it is safe, even for a conditional write). Full-jitter backoff from
 * 100 ms doubling to 2 s, within RATE_LIMIT_BUDGET_MS (a third of an invocation's 25 s); then the 429
 * propagates and the resolver reports UNAVAILABLE. Other failures propagate at once.
 */
export const rateLimited = async <T>(request: () => Promise<T>, budgetMs = RATE_LIMIT_BUDGET_MS): Promise<T> => {
  const started = Date.now();
  for (let attempt = 0; ; attempt++) {
    try {
      return await request();
    } catch (error) {
      const wait = backoffMs(attempt, 100, 2_000);
      if (!isRateLimited(error) || Date.now() - started + wait > budgetMs) throw error;
      await sleep(wait);
    }
  }
};

const chunks = <T>(items: readonly T[], size: number): T[][] => {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
};

/** Batch writes of at most 25 items each, sent in parallel; any failed key fails loudly. */
export const batchSetAll = async (items: readonly { entity: EntityName; key: string; value: Attributes }[]): Promise<void> => {
  await Promise.all(
    chunks(items, 25).map(async (chunk) => {
      const result = await rateLimited(() => kvs.batchSet(chunk.map((i) => ({ entityName: i.entity, key: i.key, value: i.value }))));
      if (result.failedKeys.length > 0) {
        const first = result.failedKeys[0];
        throw new Error(`storage batch write failed for ${String(result.failedKeys.length)} keys, e.g. ${first?.key ?? '?'}: ${first?.error.message ?? ''}`);
      }
    }),
  );
};

export const batchDeleteAll = async (items: readonly { entity: EntityName; key: string }[]): Promise<void> => {
  await Promise.all(
    chunks(items, 25).map(async (chunk) => {
      const result = await rateLimited(() => kvs.batchDelete(chunk.map((i) => ({ entityName: i.entity, key: i.key }))));
      if (result.failedKeys.length > 0) throw new Error(`storage batch delete failed for ${String(result.failedKeys.length)} keys`);
    }),
  );
};

/**
 * Batch reads of at most 25 keys each, sent in parallel (one round trip). Absent keys are left out
 * (Forge reports them as KEY_NOT_FOUND); any other failed key fails loudly rather than reading as absent.
 */
export const batchGetAll = async (entity: EntityName, keys: readonly string[]): Promise<Item[]> => {
  const pages = await Promise.all(
    chunks(keys, 25).map((chunk) => rateLimited(() => kvs.batchGet<unknown>(chunk.map((key) => ({ entityName: entity, key }))))),
  );
  const failed = pages.flatMap((p) => p.failedKeys).filter((f) => f.error.code !== 'KEY_NOT_FOUND');
  const first = failed[0];
  if (first !== undefined) {
    throw new Error(`storage batch read failed for ${String(failed.length)} keys, e.g. ${first.key}: ${first.error.code} ${first.error.message}`);
  }
  return pages.flatMap((p) => p.successfulKeys.map((s) => ({ key: s.key, value: s.value })));
};
