import { kvs } from '@forge/kvs';
import type { LeftOut } from '../../contract';
import type { LeftOutListKey } from '../../usecases/ports';
import { hasApplied, remember } from '../../usecases/shared/applied-requests';
import type { Attributes } from './codecs';
import { decodeLeftOutCatalog, encodeCatalog } from './codecs';
import { stillLive } from './generation-repository';
import { batchGetAll, batchSetAll, isConditionFailure, jitter, rateLimited, versionIs } from './kvs-io';
import type { Space } from './registry';
import { at, CATALOG, ENTITY, leftOutKey } from './registry';

/**
 * "Not this cycle" lists: one catalog document per cycle and team (or the company), key
 * `left-out:<cycleId>:company|team:<teamId>`. A list is small (at most 20 items, use case rule) and always
 * read whole by key: get and batchGet are strongly consistent, so an item added a moment ago is there
 * (docs: storage-reference/kvs-api; shared/design/forge-platform.md 2.3). Budget: a read of n lists is one
 * batchGet (one round trip, one read unit per 4 KB of each document); a change is one get and one
 * transaction (one write of the document, one condition check of the generation).
 */

const keyOf = (space: Space, list: LeftOutListKey): string => at(space, leftOutKey(list.cycleId, list.teamId));

const report = (key: string, corrupt: readonly string[]): void => {
  // An item that fails its schema is left out of the list, never fatal to a view (as in the catalogs).
  if (corrupt.length > 0) console.warn(`${key}: ${String(corrupt.length)} corrupt item(s) skipped: ${corrupt.join(', ')}`);
};

export const readLeftOut = async (space: Space, lists: readonly LeftOutListKey[]): Promise<LeftOut[][]> => {
  const keys = lists.map((l) => keyOf(space, l));
  const found = new Map((await batchGetAll(ENTITY.catalog, [...new Set(keys)])).map((i) => [i.key, i.value]));
  return keys.map((key) => {
    const value = found.get(key);
    if (value === undefined) return [];
    const catalog = decodeLeftOutCatalog(value);
    report(key, catalog.corrupt);
    return catalog.items;
  });
};

/** Lost races are retried (the change applied again to what the winner wrote) for this long. */
const CHANGE_BUDGET_MS = 10_000;

/**
 * A conditional read-modify-write of one list: `apply` gets the stored items and answers the items to
 * store (it may throw an AppError to refuse, and runs again after a lost race, so two people adding at
 * once both land). Conditional on the version read and on the space still being live.
 */
export const changeLeftOut = async (
  space: Space,
  list: LeftOutListKey,
  apply: (items: readonly LeftOut[]) => LeftOut[],
  request?: string,
): Promise<LeftOut[]> => {
  const key = keyOf(space, list);
  const started = Date.now();
  for (let attempt = 0; attempt === 0 || Date.now() - started < CHANGE_BUDGET_MS; attempt++) {
    const value = await rateLimited(() => kvs.entity<Attributes>(ENTITY.catalog).get(key));
    const current = value === undefined ? { items: [], version: 0, corrupt: [], requests: [] } : decodeLeftOutCatalog(value);
    report(key, current.corrupt);
    if (hasApplied(current.requests, request)) return current.items;
    const items = apply(current.items);
    // Nothing changed (an item carried already, one removed already): nothing to write.
    if (items.length === current.items.length && items.every((item, i) => item === current.items[i])) return items;
    try {
      await rateLimited(() =>
        kvs
          .transact()
          .set(key, encodeCatalog(items, current.version + 1, remember(current.requests, request)), {
            entityName: ENTITY.catalog,
            conditions: versionIs(current.version),
          })
          .check(CATALOG.generation, { entityName: ENTITY.catalog, conditions: stillLive(space) })
          .execute(),
      );
      return items;
    } catch (error) {
      if (!isConditionFailure(error)) throw error;
      await jitter(attempt);
    }
  }
  throw new Error(`${key}: too many concurrent changes, or the data was replaced by an import`);
};

/** Groups items into their lists, in the order given. */
export const listsOf = (items: readonly LeftOut[]): { list: LeftOutListKey; items: LeftOut[] }[] => {
  const lists = new Map<string, { list: LeftOutListKey; items: LeftOut[] }>();
  for (const item of items) {
    const key = leftOutKey(item.cycleId, item.teamId);
    const entry = lists.get(key) ?? { list: { cycleId: item.cycleId, teamId: item.teamId }, items: [] };
    entry.items.push(item);
    lists.set(key, entry);
  }
  return [...lists.values()];
};

/** Whole lists for a data set written at once (imports, into a space nobody reads yet): unconditional. */
export const putLeftOut = async (space: Space, items: readonly LeftOut[]): Promise<void> => {
  await batchSetAll(listsOf(items).map((l) => ({ entity: ENTITY.catalog, key: keyOf(space, l.list), value: encodeCatalog(l.items, 1) })));
};

/**
 * Every list of these cycles and teams (and the company's), by key: cycles × (teams + 1) keys in batches
 * of 25, in parallel. For export: reads by key see every item, where an index might miss a recent one.
 */
export const allLeftOut = async (space: Space, cycleIds: readonly string[], teamIds: readonly string[]): Promise<LeftOut[]> => {
  const lists = cycleIds.flatMap((cycleId) => [{ cycleId }, ...teamIds.map((teamId) => ({ cycleId, teamId }))]);
  return (await readLeftOut(space, lists)).flat();
};

/**
 * A paged import's part into its staging space (nobody reads it yet): each list named by the part is
 * read and the part's items appended after those stored, by id, so a part repeated after a lost answer
 * writes the same lists again and a list given over two parts is whole.
 */
export const mergeLeftOut = async (space: Space, items: readonly LeftOut[]): Promise<void> => {
  const lists = listsOf(items);
  if (lists.length === 0) return;
  const stored = await readLeftOut(space, lists.map((l) => l.list));
  await batchSetAll(
    lists.map((l, i) => {
      const before = stored[i] ?? [];
      const known = new Set(before.map((item) => item.id));
      const merged = [...before, ...l.items.filter((item) => !known.has(item.id))];
      return { entity: ENTITY.catalog, key: keyOf(space, l.list), value: encodeCatalog(merged, 1) };
    }),
  );
};
