import { deflateRawSync, inflateRawSync } from 'node:zlib';
import type { ObjectiveAggregate, ObjectiveDigest } from '../../usecases/model';
import { digestOf } from '../../usecases/model';
import type { BoardTreeEntry } from '../../usecases/shared/board-tree-entry';
import { treeEntryOf } from '../../usecases/shared/board-tree-entry';
import { decodeTreeEntries, entryTuple } from './board-tree-codec';
import { decodeHead, isHeadKey, isStampKey, stampItem } from './board-head-repository';
import type { Attributes } from './codecs';
import { CorruptRecord, decodeBoardShardRecord, decodeDigests } from './codecs';
import type { Item } from './kvs-io';
import { batchGetAll, batchSetAll } from './kvs-io';
import type { Space } from './registry';
import { at, boardShardKey, ENTITY, SHARD_COUNT, shardOf } from './registry';

/**
 * The board's projection of a cycle: its objectives' digests spread over SHARD_COUNT documents with
 * deterministic keys, read in one batchGet (strongly consistent, unlike an index query) and rewritten in
 * the same transaction as every objective change. Each document is deflated JSON in base64: digests
 * repeat the same field names, ids and account ids, and Forge meters reads in 10 KB units, so a board
 * of 1,000 objectives costs about a seventh of the read units it would in plain JSON.
 *
 * Beside each shard, in the same entity and written in the same transaction (so the shard's version
 * condition guards all three):
 * - its tree index (`<cycle>:tree:<n>`): the shard's objectives as BoardTreeEntry tuples, a few dozen
 *   bytes each, derived from the shard's digests, so the board builds the whole tree, roll-ups and
 *   child counts without reading digests;
 * - one row document per objective (`<cycle>:row:<id>`): its digest alone, so the board reads the
 *   digests of the objectives on screen and no others.
 * Data written before these existed has none: reads fall back to the board shard (see readBoardTree).
 * The same entity also keeps the board's first screens and the cycle's tree stamp (board-head-repository.ts).
 */

export interface BoardShard {
  key: string;
  /** 0 when the document does not exist yet. */
  version: number;
  digests: ObjectiveDigest[];
}

const pack = (digests: readonly ObjectiveDigest[]): string => deflateRawSync(Buffer.from(JSON.stringify(digests))).toString('base64');
export const unpack = (packed: string): unknown => JSON.parse(inflateRawSync(Buffer.from(packed, 'base64')).toString('utf8'));

export const encodeBoardShard = (cycleId: string, digests: readonly ObjectiveDigest[], version: number): Attributes => ({
  cycleId,
  version,
  data: { schemaVersion: 1, packed: pack(digests) },
});

export const treeKey = (space: Space, cycleId: string, shard: number): string => at(space, `${cycleId}:tree:${String(shard)}`);
export const rowKey = (space: Space, cycleId: string, objectiveId: string): string => at(space, `${cycleId}:row:${objectiveId}`);
const isTreeKey = (key: string): boolean => key.includes(':tree:');
const isRowKey = (key: string): boolean => key.includes(':row:');

/** A shard's tree index document: the version of the board shard it was derived from. */
export const encodeTreeShard = (cycleId: string, digests: readonly ObjectiveDigest[], version: number): Attributes => ({
  cycleId,
  version,
  data: { schemaVersion: 1, packed: deflateRawSync(Buffer.from(JSON.stringify(digests.map((d) => entryTuple(treeEntryOf(d)))))).toString('base64') },
});

/** One objective's row document: its digest, packed like a shard of one. */
export const encodeRow = (cycleId: string, digest: ObjectiveDigest): Attributes => encodeBoardShard(cycleId, [digest], 1);

const decodeBoardShard = (key: string, value: unknown): BoardShard => {
  const record = decodeBoardShardRecord(value);
  return { key, version: record.version, digests: decodeDigests(unpack(record.data.packed), key) };
};

/** The stored key of the shard holding this aggregate's digest. */
export const boardShardOf = (space: Space, aggregate: ObjectiveAggregate): string =>
  at(space, boardShardKey(aggregate.objective.cycleId, shardOf(aggregate.objective.id)));

export const getBoardShard = async (key: string): Promise<BoardShard> => {
  const [item] = await batchGetAll(ENTITY.boardShard, [key]);
  return item === undefined ? { key, version: 0, digests: [] } : decodeBoardShard(key, item.value);
};

/** Every digest of a cycle: one batchGet of its 16 shard documents. */
export const listDigestsOfCycle = async (space: Space, cycleId: string): Promise<ObjectiveDigest[]> => {
  const keys = Array.from({ length: SHARD_COUNT }, (_, shard) => at(space, boardShardKey(cycleId, shard)));
  const items = await batchGetAll(ENTITY.boardShard, keys);
  return items.flatMap((i) => decodeBoardShard(i.key, i.value).digests);
};

/**
 * What data.health finds wrong with a document of the board-shard entity, whichever of the three kinds
 * it is (its key says which).
 */
export const boardDocumentProblems = (key: string, value: unknown): string[] => {
  const record = decodeBoardShardRecord(value);
  if (isStampKey(key)) return [];
  if (isHeadKey(key)) {
    decodeHead(key, value);
    return [];
  }
  const raw = unpack(record.data.packed);
  if (isTreeKey(key)) {
    decodeTreeEntries(raw, key);
    return [];
  }
  const all = Array.isArray(raw) ? raw.length : 0;
  const kept = decodeDigests(raw, key).length;
  if (isRowKey(key) && all !== 1) return ['a row document holds one digest'];
  return kept === all ? [] : [`${String(all - kept)} of its objective digests fail their schema`];
};

/** A tree index document's entries, or undefined when it is corrupt (the caller reads its board shard instead). */
const treeEntriesOf = (item: Item): BoardTreeEntry[] | undefined => {
  try {
    return decodeTreeEntries(unpack(decodeBoardShardRecord(item.value).data.packed), item.key);
  } catch (error) {
    if (!(error instanceof CorruptRecord) && !(error instanceof SyntaxError)) throw error;
    console.warn(`tree index ${item.key} unreadable, its board shard is read instead: ${error.message}`);
    return undefined;
  }
};

/**
 * The cycle's whole tree index: one batchGet of its 16 tree documents (a few dozen bytes an objective).
 * A missing tree document is an empty shard: every writer of a board shard writes its tree document in
 * the same transaction or batch, so only data stored before the index existed lacks one (re-import it,
 * or `npm start -- --reset` locally). Checking for that on every read would cost a round trip and a
 * read unit whenever a small cycle leaves a shard empty. A corrupt one is read from its board shard.
 */
export const readBoardTree = async (space: Space, cycleId: string): Promise<BoardTreeEntry[]> => {
  const shards = Array.from({ length: SHARD_COUNT }, (_, shard) => shard);
  const items = new Map((await batchGetAll(ENTITY.boardShard, shards.map((n) => treeKey(space, cycleId, n)))).map((i) => [i.key, i]));
  const entries: BoardTreeEntry[] = [];
  const fallback: number[] = [];
  for (const n of shards) {
    const item = items.get(treeKey(space, cycleId, n));
    if (item === undefined) continue;
    const decoded = treeEntriesOf(item);
    if (decoded === undefined) fallback.push(n);
    else entries.push(...decoded);
  }
  if (fallback.length > 0) {
    const legacy = await batchGetAll(ENTITY.boardShard, fallback.map((n) => at(space, boardShardKey(cycleId, n))));
    for (const i of legacy) entries.push(...decodeBoardShard(i.key, i.value).digests.map(treeEntryOf));
  }
  return entries;
};

/**
 * The digests of some objectives of a cycle, read by key from their row documents (batches of 25).
 * Those without a row document (written before rows existed) come from their board shards. Unknown
 * ids are left out; the order is not the one asked.
 */
export const readBoardRows = async (space: Space, cycleId: string, objectiveIds: readonly string[]): Promise<ObjectiveDigest[]> => {
  const ids = [...new Set(objectiveIds)];
  const items = await batchGetAll(ENTITY.boardShard, ids.map((id) => rowKey(space, cycleId, id)));
  const digests = items.flatMap((i) => decodeBoardShard(i.key, i.value).digests);
  const found = new Set(digests.map((d) => d.objective.id));
  const missing = ids.filter((id) => !found.has(id));
  if (missing.length === 0) return digests;
  const shardKeys = [...new Set(missing.map((id) => at(space, boardShardKey(cycleId, shardOf(id)))))];
  const wanted = new Set(missing);
  for (const i of await batchGetAll(ENTITY.boardShard, shardKeys)) {
    digests.push(...decodeBoardShard(i.key, i.value).digests.filter((d) => wanted.has(d.objective.id)));
  }
  return digests;
};

/** The shard with this aggregate's digest put in place of the old one (or added). */
export const withDigest = (shard: BoardShard, aggregate: ObjectiveAggregate): ObjectiveDigest[] => [
  ...shard.digests.filter((d) => d.objective.id !== aggregate.objective.id),
  digestOf(aggregate),
];

/** Writes whole shard documents for aggregates (import, benchmarks), with their tree index and rows: unconditional, version 1. */
export const putBoardShards = async (space: Space, aggregates: readonly ObjectiveAggregate[]): Promise<void> => {
  const byKey = new Map<string, { cycleId: string; shard: number; digests: ObjectiveDigest[] }>();
  for (const a of aggregates) {
    const key = boardShardOf(space, a);
    const entry = byKey.get(key) ?? { cycleId: a.objective.cycleId, shard: shardOf(a.objective.id), digests: [] };
    entry.digests.push(digestOf(a));
    byKey.set(key, entry);
  }
  const stamps = [...new Set([...byKey.values()].map((e) => e.cycleId))].map((cycleId) => stampItem(space, cycleId));
  await batchSetAll([
    ...stamps,
    ...[...byKey].flatMap(([key, e]) => [
      { entity: ENTITY.boardShard, key, value: encodeBoardShard(e.cycleId, e.digests, 1) },
      { entity: ENTITY.boardShard, key: treeKey(space, e.cycleId, e.shard), value: encodeTreeShard(e.cycleId, e.digests, 1) },
      ...e.digests.map((d) => ({ entity: ENTITY.boardShard, key: rowKey(space, e.cycleId, d.objective.id), value: encodeRow(e.cycleId, d) })),
    ]),
  ]);
};
