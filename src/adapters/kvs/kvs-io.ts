import { ForgeKvsAPIError, kvs, Sort } from '@forge/kvs';
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
  return query.getMany();
};

/** Every item of an index partition. */
export const indexAll = (entity: EntityName, index: string, partition?: unknown[]): Promise<Item[]> =>
  queryAll((cursor) => indexPage(entity, index, partition, cursor));

/** A failed transaction condition: Forge answers 409 (the code is undocumented, so we test the status). */
export const isConditionFailure = (error: unknown): boolean =>
  error instanceof ForgeKvsAPIError && error.responseDetails.status === 409;

const chunks = <T>(items: readonly T[], size: number): T[][] => {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
};

/** Batch writes of at most 25 items each, sent in parallel; any failed key fails loudly. */
export const batchSetAll = async (items: readonly { entity: EntityName; key: string; value: Attributes }[]): Promise<void> => {
  await Promise.all(
    chunks(items, 25).map(async (chunk) => {
      const result = await kvs.batchSet(chunk.map((i) => ({ entityName: i.entity, key: i.key, value: i.value })));
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
      const result = await kvs.batchDelete(chunk.map((i) => ({ entityName: i.entity, key: i.key })));
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
    chunks(keys, 25).map((chunk) => kvs.batchGet<unknown>(chunk.map((key) => ({ entityName: entity, key })))),
  );
  const failed = pages.flatMap((p) => p.failedKeys).filter((f) => f.error.code !== 'KEY_NOT_FOUND');
  const first = failed[0];
  if (first !== undefined) {
    throw new Error(`storage batch read failed for ${String(failed.length)} keys, e.g. ${first.key}: ${first.error.code} ${first.error.message}`);
  }
  return pages.flatMap((p) => p.successfulKeys.map((s) => ({ key: s.key, value: s.value })));
};
